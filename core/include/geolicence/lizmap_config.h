#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// The Lizmap Web Client configuration of a project: `<project file>.cfg` (e.g.
// `kaart.qgs.cfg`), JSON written by the Lizmap plugin for QGIS. Lizmap serves the project
// through QGIS Server; these are the switches that decide what its web map offers per layer.

struct LizmapLayer {
    std::string name; // the key in "layers": the layer's (or group's) name
    std::string id;   // the layer id; empty for a group
    bool popup = false;
    bool hide_legend = false; // noLegendImage, or legend_image_option "disabled"
    std::string title;
    std::string abstract; // shown with the layer in Lizmap's legend
};

// A layer named in one of Lizmap's tools, by its key (a layer name) and id when given.
struct LizmapToolLayer {
    std::string name;
    std::string layer_id;
};

struct LizmapConfig {
    std::filesystem::path path;
    std::vector<LizmapLayer> layers;
    std::vector<LizmapToolLayer> attribute_table; // attributeLayers: table and its download
    std::vector<LizmapToolLayer> edition;         // editionLayers
    std::vector<LizmapToolLayer> locate;          // locateByLayer
    std::vector<LizmapToolLayer> tooltip;         // tooltipLayers

    // The layer's entry, by id, else by name; nullptr when Lizmap does not list it.
    const LizmapLayer* findLayer(const std::string& id, const std::string& name) const;
};

// True when a tool entry names this layer (by id, or by name when it gives no id).
bool namesLayer(const LizmapToolLayer& entry, const std::string& id, const std::string& name);

// Where Lizmap looks for a project's configuration.
std::filesystem::path lizmapConfigPath(const std::filesystem::path& project_path);

// The configuration next to the project, or nullopt when there is none. InputError naming the
// file when one exists but cannot be read: what it would expose cannot be known then.
std::optional<LizmapConfig> readLizmapConfig(const std::filesystem::path& project_path);

} // namespace geolicence
