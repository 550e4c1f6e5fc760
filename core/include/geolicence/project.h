#pragma once

#include "geolicence/project_services.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace geolicence {

// What geolicence needs to know of a QGIS project (.qgs/.qgz), read without QGIS.

// Where an element stands in the project file (1-based lines and columns, the end exclusive),
// so a report can point at the line to change. Unknown (all 0) inside a .qgz, whose XML is not
// the file a user opens, and for layers read from another project.
struct SourceRegion {
    int start_line = 0;
    int start_column = 0;
    int end_line = 0;
    int end_column = 0;

    bool known() const { return start_line > 0; }
};

struct ProjectLayer {
    std::string id;
    std::string name;
    std::string type;     // vector, raster, mesh, vector-tile, point-cloud, plugin, annotation
    std::string provider; // ogr, gdal, delimitedtext, memory, postgres, wms, ...
    std::string source;   // as QGIS resolves it: relative file paths made absolute
    std::string crs;      // authority id, e.g. EPSG:28992
    std::map<std::string, std::string> custom_properties;
    std::vector<std::string> metadata_rights;
    std::vector<std::string> metadata_licenses;
    // The layers this one joins (QGIS vector joins, <vectorjoins>): their attributes are shown
    // as this layer's, so their licences come along (layer_references.h).
    std::vector<std::string> joined_layer_ids;
    // For a layer embedded from another project (QGIS "Embed Layers and Groups"): that
    // project's file. Everything above then comes from there, as QGIS reads it.
    std::filesystem::path embedded_from{};
    SourceRegion region{}; // the <maplayer> start tag
};

// A layer the project names but the reader could not read: an embedded layer or group whose
// project is missing, unreadable or lacks it, a <maplayer> without an id. QGIS skips these
// silently (the layer is simply not there); a check reports every one as an error.
struct UnreadableLayer {
    enum class Kind { EmbeddedLayer, EmbeddedGroup, LayerWithoutId };
    Kind kind = Kind::EmbeddedLayer;
    std::string layer_id;                     // empty for a group or a layer without id
    std::string name;                         // as the project shows it
    std::filesystem::path referenced_project; // for embedded layers and groups
    std::string reason;                       // why, naming the file (from the reader)
};

struct LayerTreeNode {
    enum class Kind { Group, Layer };
    Kind kind = Kind::Group;
    std::string name;
    std::string layer_id; // for layers
    bool checked = true;
    std::vector<LayerTreeNode> children;
};

struct MapTheme {
    std::string name;
    std::vector<std::string> visible_layer_ids; // in the order the theme lists them
};

// A layout map item and how it chooses its layers (QgsLayoutItemMap).
struct LayoutMap {
    std::string id;   // the item id the user sees ("Map 1"); may be empty
    std::string uuid; // stable identifier, referenced by legends
    bool keep_layer_set = false;
    std::vector<std::string> layer_set; // stored <LayerSet>, in drawing order
    bool follow_theme = false;
    std::string theme_name;
    // A data-defined layer list ("name1|name2") when it is a constant QGIS would evaluate to;
    // set `data_defined_layers_unresolved` when it is an expression only QGIS can evaluate.
    std::optional<std::string> data_defined_layers;
    bool data_defined_layers_unresolved = false;
    // Set by an adapter running inside QGIS: the layers QGIS itself says the map renders.
    std::optional<std::vector<std::string>> resolved_layers;
};

struct LayoutLegend {
    std::string id;
    std::string uuid;
    std::string linked_map_uuid;
    bool auto_update = true;         // shows the project's layer tree as it is
    std::vector<std::string> layers; // the custom legend tree's layers when not auto-updating
    bool filter_by_map = false;
};

struct LayoutLabel {
    std::string id;
    std::string uuid;
    std::string text; // as printed: for an HTML label the text the HTML shows, without markup
    bool html = false;
};

// An atlas: the layout is printed once per feature of the coverage layer, whose data (the
// pages, their extents and the attributes labels show) is therefore published with it.
struct LayoutAtlas {
    bool enabled = false;
    std::string coverage_layer_id;
    bool hide_coverage = false;
};

// An attribute table in a layout (QgsLayoutItemAttributeTable): it prints a layer's features
// as rows, whether any map shows that layer or not.
struct LayoutTable {
    // QgsLayoutItemAttributeTable::ContentSource: a layer, the atlas's current feature, or the
    // features a relation links to it (the relation's child layer).
    enum class Source { Layer, AtlasFeature, RelationChildren };
    Source source = Source::Layer;
    std::string layer_id;    // for Source::Layer
    std::string relation_id; // for Source::RelationChildren
};

struct Layout {
    std::string name;
    std::vector<LayoutMap> maps;
    std::vector<LayoutLegend> legends;
    std::vector<LayoutLabel> labels;
    std::vector<LayoutTable> tables;
    LayoutAtlas atlas;
    SourceRegion region{}; // the <Layout> (or <Composer>) start tag
};

struct Project {
    std::filesystem::path path;
    std::string title;
    std::string qgis_version;
    std::vector<ProjectLayer> layers; // in <projectlayers> order
    LayerTreeNode layer_tree;
    bool custom_order_enabled = false;
    std::vector<std::string> custom_order;
    std::vector<MapTheme> themes;
    std::vector<Layout> layouts; // QGIS 1.x/2.x composers converted, as QGIS 3 does
    std::vector<UnreadableLayer> unreadable_layers;
    ProjectServices services; // what QGIS Server serves of it
    // The project's relations (<relations>): relation id -> its child (referencing) layer.
    std::map<std::string, std::string> relation_children;

    // Call after filling `layers`: lookups by id are frequent in large projects.
    void indexLayers();
    const ProjectLayer* findLayer(const std::string& id) const;
    const MapTheme* findTheme(const std::string& name) const;
    const Layout* findLayout(const std::string& name) const;
    const UnreadableLayer* findUnreadable(const std::string& layer_id) const;

private:
    std::unordered_map<std::string, std::size_t> layer_index_;
};

} // namespace geolicence
