#include "project/embedded_layers.h"
#include "project/layer_tree_xml.h"
#include "project/layer_xml.h"
#include "project/layout_xml.h"
#include "project/project_document.h"
#include "project/project_services_xml.h"

#include <geolicence/detail/ascii_case.h>
#include <geolicence/project_reader.h>

#include <map>
#include <optional>
#include <pugixml.hpp>

namespace geolicence {

namespace {

using detail::ProjectDocument;

void readLayers(const ProjectDocument& document, detail::EmbeddedLayers& embedded,
                Project& project) {
    std::optional<std::filesystem::path> dir;
    if (document.resolvesRelativePaths(true)) {
        dir = document.path().parent_path();
    }
    for (const pugi::xml_node& node : document.root().child("projectlayers").children("maplayer")) {
        if (std::string(node.attribute("embedded").as_string()) == "1") {
            embedded.addLayer(node.attribute("id").as_string(),
                              node.attribute("project").as_string(), "");
            continue;
        }
        ProjectLayer layer = detail::readMapLayer(node, dir);
        layer.region = document.regionOf(node);
        if (layer.id.empty()) {
            // QGIS would load it under an id nothing refers to; nothing can select it.
            project.unreadable_layers.push_back(UnreadableLayer{
                UnreadableLayer::Kind::LayerWithoutId,
                "",
                layer.name,
                {},
                document.path().string() + ": layer \"" + layer.name + "\" has no id"});
            continue;
        }
        project.layers.push_back(std::move(layer));
    }
}

// QgsLayerTree::readLayerOrderFromXml: <custom-order enabled="1"><item>id</item>…; QGIS 3
// keeps it in <layer-tree-group>, QGIS 2.4–2.18 in <layer-tree-canvas>, which wins.
void readCustomOrder(const pugi::xml_node& qgis, Project& project) {
    for (const char* holder : {"layer-tree-group", "layer-tree-canvas"}) {
        const pugi::xml_node order = qgis.child(holder).child("custom-order");
        if (!order) {
            continue;
        }
        project.custom_order_enabled = detail::isTrue(order.attribute("enabled"));
        project.custom_order.clear();
        for (const pugi::xml_node& item : order.children("item")) {
            project.custom_order.emplace_back(item.text().as_string());
        }
    }
}

void collectNames(const LayerTreeNode& node, std::map<std::string, std::string>& names) {
    for (const LayerTreeNode& child : node.children) {
        if (child.kind == LayerTreeNode::Kind::Layer) {
            names.emplace(child.layer_id, child.name);
        } else {
            collectNames(child, names);
        }
    }
}

// An embedded layer that could not be read is known by the name its tree node shows.
void nameUnreadableLayers(Project& project) {
    std::map<std::string, std::string> names;
    collectNames(project.layer_tree, names);
    for (UnreadableLayer& layer : project.unreadable_layers) {
        const auto name = names.find(layer.layer_id);
        if (layer.name.empty() && name != names.end()) {
            layer.name = name->second;
        }
    }
}

void readThemes(const pugi::xml_node& qgis, Project& project) {
    for (const pugi::xml_node& preset :
         qgis.child("visibility-presets").children("visibility-preset")) {
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
}

// Composers first, then the QGIS 3 layouts; QGIS refuses a layout whose name is taken.
void readLayouts(const ProjectDocument& document, Project& project) {
    const pugi::xml_node qgis = document.root();
    project.layouts = detail::readComposers(qgis);
    for (const pugi::xml_node& element : qgis.child("Layouts").children("Layout")) {
        Layout layout = detail::readLayout(element);
        layout.region = document.regionOf(element);
        if (project.findLayout(layout.name) == nullptr) {
            project.layouts.push_back(std::move(layout));
        }
    }
}

Project buildProject(const ProjectDocument& document, const ProjectReadLimits& limits) {
    const pugi::xml_node root = document.root();
    Project project;
    project.path = document.path();
    project.qgis_version = root.attribute("version").as_string();
    project.title = root.child("title").text().as_string();
    if (project.title.empty()) {
        project.title = root.attribute("projectname").as_string();
    }
    // As QGIS: the map layers (embedded ones from their projects), then the layer tree, whose
    // embedded groups bring their layers along.
    detail::EmbeddedLayers embedded(document, limits, project);
    readLayers(document, embedded, project);
    detail::LayerTreeHooks hooks;
    hooks.embedded_layer = [&](const LayerTreeNode& layer, const pugi::xml_node& element) {
        embedded.addLayer(layer.layer_id, detail::embeddedProject(element), layer.name);
    };
    hooks.embedded_group = [&](LayerTreeNode& group, const pugi::xml_node& element) {
        embedded.expandGroup(group, element);
    };
    project.layer_tree = detail::readLayerTree(root, hooks);
    project.indexLayers();
    nameUnreadableLayers(project);
    readCustomOrder(root, project);
    readThemes(root, project);
    readLayouts(document, project);
    for (const pugi::xml_node& relation : root.child("relations").children("relation")) {
        project.relation_children[relation.attribute("id").as_string()] =
            relation.attribute("referencingLayer").as_string();
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
    return buildProject(*ProjectDocument::load(path, limits), limits);
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

const UnreadableLayer* Project::findUnreadable(const std::string& layer_id) const {
    if (layer_id.empty()) {
        return nullptr;
    }
    for (const UnreadableLayer& layer : unreadable_layers) {
        if (layer.layer_id == layer_id) {
            return &layer;
        }
    }
    return nullptr;
}

} // namespace geolicence
