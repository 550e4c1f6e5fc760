#include <geolicence/layer_selection.h>

#include <algorithm>
#include <unordered_set>

namespace geolicence {

namespace {

void collectLayers(const LayerTreeNode& node, bool parents_visible, bool only_visible,
                   std::vector<std::string>& out) {
    for (const LayerTreeNode& child : node.children) {
        const bool visible = parents_visible && child.checked;
        if (child.kind == LayerTreeNode::Kind::Layer) {
            if (!only_visible || visible) {
                out.push_back(child.layer_id);
            }
        } else {
            collectLayers(child, visible, only_visible, out);
        }
    }
}

void appendUnique(std::vector<std::string>& into, std::unordered_set<std::string>& seen,
                  const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
        if (seen.insert(id).second) {
            into.push_back(id);
        }
    }
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

} // namespace

std::vector<std::string> layerOrder(const Project& project) {
    std::vector<std::string> tree;
    collectLayers(project.layer_tree, true, false, tree);
    if (!project.custom_order_enabled) {
        return tree;
    }
    // The custom order, then any layer of the tree it does not mention (QGIS appends layers
    // added after the order was last saved).
    std::vector<std::string> order;
    std::unordered_set<std::string> seen;
    appendUnique(order, seen, project.custom_order);
    std::unordered_set<std::string> in_tree(tree.begin(), tree.end());
    order.erase(std::remove_if(order.begin(), order.end(),
                               [&](const std::string& id) { return in_tree.count(id) == 0; }),
                order.end());
    appendUnique(order, seen, tree);
    return order;
}

std::vector<std::string> visibleLayers(const Project& project) {
    std::vector<std::string> visible;
    collectLayers(project.layer_tree, true, true, visible);
    const std::unordered_set<std::string> visible_set(visible.begin(), visible.end());
    std::vector<std::string> ordered;
    for (const std::string& id : layerOrder(project)) {
        if (visible_set.count(id) != 0) {
            ordered.push_back(id);
        }
    }
    return ordered;
}

std::vector<std::string> layersToRender(const Project& project, const LayoutMap& map) {
    if (map.resolved_layers) {
        return *map.resolved_layers;
    }
    if (map.data_defined_layers) {
        // Names joined by '|'; every layer with that name (QgsProject::mapLayersByName).
        std::vector<std::string> ids;
        for (const std::string& name : split(*map.data_defined_layers, '|')) {
            for (const ProjectLayer& layer : project.layers) {
                if (layer.name == name) {
                    ids.push_back(layer.id);
                }
            }
        }
        return ids;
    }
    if (map.follow_theme && !map.theme_name.empty()) {
        const MapTheme* theme = project.findTheme(map.theme_name);
        if (theme == nullptr) {
            return visibleLayers(project);
        }
        const std::unordered_set<std::string> in_theme(theme->visible_layer_ids.begin(),
                                                       theme->visible_layer_ids.end());
        std::vector<std::string> ids;
        for (const std::string& id : layerOrder(project)) {
            if (in_theme.count(id) != 0) {
                ids.push_back(id);
            }
        }
        return ids;
    }
    if (!map.layer_set.empty()) {
        return map.layer_set;
    }
    return visibleLayers(project);
}

std::vector<std::string> layersRenderedByLayout(const Project& project, const Layout& layout) {
    std::vector<std::string> ids;
    std::unordered_set<std::string> seen;
    for (const LayoutMap& map : layout.maps) {
        appendUnique(ids, seen, layersToRender(project, map));
    }
    if (layout.atlas.enabled && !layout.atlas.coverage_layer_id.empty()) {
        appendUnique(ids, seen, {layout.atlas.coverage_layer_id});
    }
    // Attribute tables print their layer's features: that layer is shown too. An unknown layer
    // or relation is kept as an id the project does not have, which the check reports.
    for (const LayoutTable& table : layout.tables) {
        switch (table.source) {
        case LayoutTable::Source::Layer:
            if (!table.layer_id.empty()) { // a table without a layer prints nothing
                appendUnique(ids, seen, {table.layer_id});
            }
            break;
        case LayoutTable::Source::AtlasFeature:
            if (!layout.atlas.coverage_layer_id.empty()) {
                appendUnique(ids, seen, {layout.atlas.coverage_layer_id});
            }
            break;
        case LayoutTable::Source::RelationChildren: {
            const auto child = project.relation_children.find(table.relation_id);
            appendUnique(ids, seen,
                         {child != project.relation_children.end()
                              ? child->second
                              : "relation:" + table.relation_id});
            break;
        }
        }
    }
    return ids;
}

bool legendShowsLayer(const Project& project, const Layout& layout, const std::string& layer_id) {
    for (const LayoutLegend& legend : layout.legends) {
        if (!legend.auto_update) {
            if (std::find(legend.layers.begin(), legend.layers.end(), layer_id) !=
                legend.layers.end()) {
                return true;
            }
            continue;
        }
        // An auto-updating legend mirrors the layer tree; filtered by its map, it keeps only
        // what that map renders.
        if (legend.filter_by_map) {
            for (const LayoutMap& map : layout.maps) {
                if (map.uuid == legend.linked_map_uuid) {
                    const auto rendered = layersToRender(project, map);
                    if (std::find(rendered.begin(), rendered.end(), layer_id) != rendered.end()) {
                        return true;
                    }
                }
            }
            continue;
        }
        if (project.findLayer(layer_id) != nullptr) {
            return true;
        }
    }
    return false;
}

} // namespace geolicence
