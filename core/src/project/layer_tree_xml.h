#pragma once

#include <geolicence/project.h>

#include <functional>
#include <pugixml.hpp>
#include <string>

namespace geolicence::detail {

// What the layer-tree reader hands back for nodes whose content lives in another project.
struct LayerTreeHooks {
    // A layer node marked embedded: its layer comes from another project.
    std::function<void(const LayerTreeNode& layer, const pugi::xml_node& element)> embedded_layer;
    // A group node marked embedded: its children come from another project (a project QGIS
    // wrote stores the group without them).
    std::function<void(LayerTreeNode& group, const pugi::xml_node& element)> embedded_group;
};

// The layer tree of a project (<qgis> element): <layer-tree-group>, or for QGIS < 2.4 the
// <legend> (QgsLayerTreeUtils::readOldLegend). The root is always checked.
LayerTreeNode readLayerTree(const pugi::xml_node& qgis, const LayerTreeHooks& hooks);

// A group element of either form (and its subtree) as a node.
LayerTreeNode readTreeGroup(const pugi::xml_node& element, const LayerTreeHooks& hooks);

// The first group named `name`, depth first (QgsLayerTreeGroup::findGroup); null if none.
pugi::xml_node findTreeGroup(const pugi::xml_node& qgis, const std::string& name);

// Whether a tree element is marked embedded (custom property "embedded", or the legacy
// attribute), and the project it names ("embedded_project", or the legacy "project").
bool isEmbeddedNode(const pugi::xml_node& element);
std::string embeddedProject(const pugi::xml_node& element);

} // namespace geolicence::detail
