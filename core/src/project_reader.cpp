#include "ascii_case.h"
#include "project_services_xml.h"
#include "qgz_archive.h"

#include <geolicence/catalog.h>
#include <geolicence/data_source.h>
#include <geolicence/errors.h>
#include <geolicence/project_reader.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>

namespace geolicence {

namespace {

// QGIS's layout item type ids (QgsLayoutItemRegistry: QGraphicsItem::UserType + 100 + n).
constexpr int kLayoutMap = 65639;
constexpr int kLayoutLabel = 65641;
constexpr int kLayoutLegend = 65642;

bool isTrue(const pugi::xml_attribute& attribute) {
    const std::string value = attribute.as_string();
    return value == "true" || value == "1";
}

// The checked state of a layer-tree node: "Qt::Checked", or a missing attribute (checked).
bool isChecked(const pugi::xml_node& node) {
    const pugi::xml_attribute checked = node.attribute("checked");
    return !checked || std::string(checked.as_string()) != "Qt::Unchecked";
}

// Refuses what an XML parser could be tricked into expanding or fetching. QGIS itself never
// writes entity declarations; a project that has them was made to attack a reader.
void refuseEntityDeclarations(const std::string& text, const std::string& file) {
    const std::size_t doctype = text.find("<!DOCTYPE");
    const std::size_t root = text.find("<qgis");
    if (doctype == std::string::npos || (root != std::string::npos && doctype > root)) {
        return;
    }
    const std::size_t end = text.find('>', doctype);
    const std::size_t subset = text.find('[', doctype);
    const std::size_t entity = text.find("<!ENTITY", doctype);
    if (entity != std::string::npos && (root == std::string::npos || entity < root)) {
        throw InputError(file + ": XML entity declarations are not allowed in a QGIS project "
                                "(refusing to expand or fetch them)");
    }
    if (subset != std::string::npos && subset < end) {
        throw InputError(file + ": XML internal DTD subsets are not allowed in a QGIS project");
    }
}

// QgsObjectCustomProperties: 3.20+ writes <Option type="Map"> with named children; older
// versions write <property key=".." value=".."/>, lists as <value> children.
std::map<std::string, std::string> readCustomProperties(const pugi::xml_node& node) {
    std::map<std::string, std::string> properties;
    const pugi::xml_node container = node.child("customproperties");
    if (!container) {
        return properties;
    }
    if (const pugi::xml_node map = container.child("Option")) {
        for (const pugi::xml_node& option : map.children("Option")) {
            const std::string name = option.attribute("name").as_string();
            if (!name.empty() && option.attribute("value")) {
                properties[name] = option.attribute("value").as_string();
            }
        }
    }
    for (const pugi::xml_node& property : container.children("property")) {
        const std::string key = property.attribute("key").as_string();
        if (key.empty()) {
            continue;
        }
        if (property.attribute("value")) {
            properties[key] = property.attribute("value").as_string();
        } else if (const pugi::xml_node value = property.child("value")) {
            properties[key] = value.text().as_string();
        }
    }
    return properties;
}

ProjectLayer readLayer(const pugi::xml_node& node, const std::filesystem::path& project_dir) {
    ProjectLayer layer;
    layer.id = node.child("id").text().as_string();
    layer.name = node.child("layername").text().as_string();
    layer.type = node.attribute("type").as_string();
    layer.provider = node.child("provider").text().as_string();
    layer.source =
        resolveDataSource(layer.provider, node.child("datasource").text().as_string(), project_dir);
    layer.crs = node.child("srs").child("spatialrefsys").child("authid").text().as_string();
    layer.custom_properties = readCustomProperties(node);
    if (const pugi::xml_node metadata = node.child("resourceMetadata")) {
        for (const pugi::xml_node& rights : metadata.children("rights")) {
            layer.metadata_rights.emplace_back(rights.text().as_string());
        }
        for (const pugi::xml_node& license : metadata.children("license")) {
            layer.metadata_licenses.emplace_back(license.text().as_string());
        }
    }
    return layer;
}

LayerTreeNode readTreeNode(const pugi::xml_node& node) {
    LayerTreeNode tree;
    tree.name = node.attribute("name").as_string();
    tree.checked = isChecked(node);
    for (const pugi::xml_node& child : node.children()) {
        const std::string tag = child.name();
        if (tag == "layer-tree-group") {
            tree.children.push_back(readTreeNode(child));
        } else if (tag == "layer-tree-layer") {
            LayerTreeNode layer;
            layer.kind = LayerTreeNode::Kind::Layer;
            layer.name = child.attribute("name").as_string();
            layer.layer_id = child.attribute("id").as_string();
            layer.checked = isChecked(child);
            tree.children.push_back(std::move(layer));
        }
    }
    return tree;
}

// The first data-defined property named `key` of a layout object, if active.
void readDataDefinedLayers(const pugi::xml_node& item, LayoutMap& map) {
    for (const pugi::xml_node& object : item.children("LayoutObject")) {
        const pugi::xml_node properties =
            object.child("dataDefinedProperties")
                .child("Option")
                .find_child_by_attribute("Option", "name", "properties");
        const pugi::xml_node layers =
            properties.find_child_by_attribute("Option", "name", "dataDefinedMapLayers");
        if (!layers) {
            continue;
        }
        auto value = [&](const char* name) {
            return std::string(layers.find_child_by_attribute("Option", "name", name)
                                   .attribute("value")
                                   .as_string());
        };
        if (value("active") != "true") {
            return;
        }
        const std::string type = value("type");
        if (type == "1") { // static value
            map.data_defined_layers = value("val");
            return;
        }
        const std::string expression = value("expression");
        // A plain string literal is the only expression a reader without QGIS can evaluate
        // exactly; for anything else the map's layers depend on QGIS at render time.
        if (type == "3" && expression.size() >= 2 && expression.front() == '\'' &&
            expression.back() == '\'' && expression.find('\'', 1) == expression.size() - 1) {
            map.data_defined_layers = expression.substr(1, expression.size() - 2);
            return;
        }
        map.data_defined_layers_unresolved = true;
        return;
    }
}

Layout readLayout(const pugi::xml_node& node) {
    Layout layout;
    layout.name = node.attribute("name").as_string();
    for (const pugi::xml_node& item : node.children("LayoutItem")) {
        const int type = item.attribute("type").as_int();
        if (type == kLayoutMap) {
            LayoutMap map;
            map.id = item.attribute("id").as_string();
            map.uuid = item.attribute("uuid").as_string();
            map.keep_layer_set = isTrue(item.attribute("keepLayerSet"));
            map.follow_theme = isTrue(item.attribute("followPreset"));
            map.theme_name = item.attribute("followPresetName").as_string();
            for (const pugi::xml_node& layer : item.child("LayerSet").children("Layer")) {
                map.layer_set.emplace_back(layer.text().as_string());
            }
            readDataDefinedLayers(item, map);
            layout.maps.push_back(std::move(map));
        } else if (type == kLayoutLabel) {
            layout.labels.push_back({item.attribute("id").as_string(),
                                     item.attribute("uuid").as_string(),
                                     item.attribute("labelText").as_string()});
        } else if (type == kLayoutLegend) {
            LayoutLegend legend;
            legend.id = item.attribute("id").as_string();
            legend.uuid = item.attribute("uuid").as_string();
            legend.linked_map_uuid = item.attribute("map_uuid").as_string();
            legend.filter_by_map = isTrue(item.attribute("legendFilterByMap"));
            if (const pugi::xml_node tree = item.child("layer-tree-group")) {
                legend.auto_update = false;
                for (const pugi::xpath_node& layer :
                     tree.select_nodes(".//layer-tree-layer")) { // nested groups included
                    legend.layers.emplace_back(layer.node().attribute("id").as_string());
                }
            }
            layout.legends.push_back(std::move(legend));
        }
    }
    return layout;
}

Project parseProjectXml(const std::string& text, const std::filesystem::path& path) {
    const std::string file = path.string();
    refuseEntityDeclarations(text, file);
    pugi::xml_document document;
    // parse_default leaves custom entities unexpanded and never reads external resources.
    const pugi::xml_parse_result result = document.load_buffer(
        text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
        pugi::encoding_utf8);
    if (!result) {
        std::size_t line = 1;
        for (std::ptrdiff_t i = 0;
             i < result.offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
            line += text[static_cast<std::size_t>(i)] == '\n' ? 1 : 0;
        }
        throw InputError(file + ":" + std::to_string(line) + ": not a valid QGIS project (XML " +
                         result.description() + ")");
    }
    const pugi::xml_node root = document.child("qgis");
    if (!root) {
        throw InputError(file + ": not a QGIS project (no <qgis> root element)");
    }
    Project project;
    project.path = path;
    project.qgis_version = root.attribute("version").as_string();
    project.title = root.child("title").text().as_string();
    if (project.title.empty()) {
        project.title = root.attribute("projectname").as_string();
    }
    const std::filesystem::path project_dir = path.parent_path();
    for (const pugi::xml_node& layer : root.child("projectlayers").children("maplayer")) {
        project.layers.push_back(readLayer(layer, project_dir));
    }
    project.indexLayers();
    if (const pugi::xml_node tree = root.child("layer-tree-group")) {
        project.layer_tree = readTreeNode(tree);
        project.layer_tree.checked = true; // the root has no check box
        const pugi::xml_node order = tree.child("custom-order");
        project.custom_order_enabled = isTrue(order.attribute("enabled"));
        for (const pugi::xml_node& item : order.children("item")) {
            project.custom_order.emplace_back(item.text().as_string());
        }
    }
    for (const pugi::xml_node& preset :
         root.child("visibility-presets").children("visibility-preset")) {
        MapTheme theme;
        theme.name = preset.attribute("name").as_string();
        for (const pugi::xml_node& layer : preset.children("layer")) {
            const pugi::xml_attribute visible = layer.attribute("visible");
            if (!visible || std::string(visible.as_string()) == "1") {
                theme.visible_layer_ids.emplace_back(layer.attribute("id").as_string());
            }
        }
        project.themes.push_back(std::move(theme));
    }
    for (const pugi::xml_node& layout : root.child("Layouts").children("Layout")) {
        project.layouts.push_back(readLayout(layout));
    }
    project.services = detail::readProjectServices(root);
    return project;
}

} // namespace

bool isProjectFile(const std::filesystem::path& path) {
    const std::string extension = detail::lowerExtension(path);
    return extension == ".qgs" || extension == ".qgz";
}

Project readProject(const std::filesystem::path& path, const ProjectReadLimits& limits) {
    const std::string extension = detail::lowerExtension(path);
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        throw InputError(path.string() + ": no such file");
    }
    if (extension == ".qgz") {
        return parseProjectXml(detail::readQgsFromQgz(path, limits), path);
    }
    if (extension != ".qgs") {
        throw InputError(path.string() + ": not a QGIS project (expected .qgs or .qgz)");
    }
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > limits.max_project_bytes) {
        throw InputError(path.string() + ": " + std::to_string(size >> 20) +
                         " MiB is over the project size limit of " +
                         std::to_string(limits.max_project_bytes >> 20) + " MiB");
    }
    return parseProjectXml(readTextFile(path), path);
}

void Project::indexLayers() {
    layer_index_.clear();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        layer_index_.emplace(layers[i].id, i);
    }
}

const ProjectLayer* Project::findLayer(const std::string& id) const {
    const auto it = layer_index_.find(id);
    return it == layer_index_.end() ? nullptr : &layers[it->second];
}

const MapTheme* Project::findTheme(const std::string& name) const {
    for (const MapTheme& theme : themes) {
        if (theme.name == name) {
            return &theme;
        }
    }
    return nullptr;
}

const Layout* Project::findLayout(const std::string& name) const {
    for (const Layout& layout : layouts) {
        if (layout.name == name) {
            return &layout;
        }
    }
    return nullptr;
}

} // namespace geolicence
