#include "project/layer_tree_xml.h"

#include "project/layer_xml.h"

#include <cstdlib>

namespace geolicence::detail {

namespace {

bool isGroupElement(const pugi::xml_node& element) {
    const std::string tag = element.name();
    return tag == "layer-tree-group" || tag == "legendgroup";
}

bool isLayerElement(const pugi::xml_node& element) {
    const std::string tag = element.name();
    return tag == "layer-tree-layer" || tag == "legendlayer";
}

LayerTreeNode readTreeLayer(const pugi::xml_node& element, const LayerTreeHooks& hooks) {
    LayerTreeNode layer;
    layer.kind = LayerTreeNode::Kind::Layer;
    layer.name = element.attribute("name").as_string();
    layer.checked = isChecked(element);
    layer.layer_id =
        std::string(element.name()) == "legendlayer"
            ? element.child("filegroup").child("legendlayerfile").attribute("layerid").as_string()
            : element.attribute("id").as_string();
    if (hooks.embedded_layer && isEmbeddedNode(element)) {
        hooks.embedded_layer(layer, element);
    }
    return layer;
}

void readChildren(const pugi::xml_node& element, LayerTreeNode& into, const LayerTreeHooks& hooks) {
    for (const pugi::xml_node& child : element.children()) {
        if (isGroupElement(child)) {
            into.children.push_back(readTreeGroup(child, hooks));
        } else if (isLayerElement(child)) {
            into.children.push_back(readTreeLayer(child, hooks));
        }
    }
}

pugi::xml_node findGroupIn(const pugi::xml_node& element, const std::string& name) {
    for (const pugi::xml_node& child : element.children()) {
        if (!isGroupElement(child)) {
            continue;
        }
        if (child.attribute("name").as_string() == name) {
            return child;
        }
        if (const pugi::xml_node found = findGroupIn(child, name)) {
            return found;
        }
    }
    return {};
}

pugi::xml_node treeElement(const pugi::xml_node& qgis) {
    if (const pugi::xml_node tree = qgis.child("layer-tree-group")) {
        return tree;
    }
    return qgis.child("legend");
}

} // namespace

LayerTreeNode readTreeGroup(const pugi::xml_node& element, const LayerTreeHooks& hooks) {
    LayerTreeNode group;
    group.name = element.attribute("name").as_string();
    group.checked = isChecked(element);
    readChildren(element, group, hooks);
    if (hooks.embedded_group && isEmbeddedNode(element)) {
        hooks.embedded_group(group, element);
    }
    return group;
}

LayerTreeNode readLayerTree(const pugi::xml_node& qgis, const LayerTreeHooks& hooks) {
    LayerTreeNode root;
    readChildren(treeElement(qgis), root, hooks);
    root.checked = true; // the root has no check box
    return root;
}

pugi::xml_node findTreeGroup(const pugi::xml_node& qgis, const std::string& name) {
    return findGroupIn(treeElement(qgis), name);
}

bool isEmbeddedNode(const pugi::xml_node& element) {
    if (std::string(element.attribute("embedded").as_string()) == "1") {
        return true;
    }
    const auto properties = readCustomProperties(element);
    const auto embedded = properties.find("embedded");
    // QVariant::toInt of the stored value: "1" (or any non-zero number) is embedded.
    return embedded != properties.end() && std::atoi(embedded->second.c_str()) != 0;
}

std::string embeddedProject(const pugi::xml_node& element) {
    const auto properties = readCustomProperties(element);
    const auto project = properties.find("embedded_project");
    if (project != properties.end()) {
        return project->second;
    }
    return element.attribute("project").as_string();
}

} // namespace geolicence::detail
