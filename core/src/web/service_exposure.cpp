#include <geolicence/service_exposure.h>

#include <algorithm>
#include <unordered_set>

namespace geolicence {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const LayerTreeNode* findGroup(const LayerTreeNode& node, const std::string& name) {
    // QgsLayerTreeGroup::findGroup: depth first, the first group of that name only.
    for (const LayerTreeNode& child : node.children) {
        if (child.kind != LayerTreeNode::Kind::Group) {
            continue;
        }
        if (child.name == name) {
            return &child;
        }
        if (const LayerTreeNode* found = findGroup(child, name)) {
            return found;
        }
    }
    return nullptr;
}

void treeLayers(const LayerTreeNode& node, std::vector<const LayerTreeNode*>& out) {
    for (const LayerTreeNode& child : node.children) {
        if (child.kind == LayerTreeNode::Kind::Layer) {
            out.push_back(&child);
        } else {
            treeLayers(child, out);
        }
    }
}

// The name a layer-tree layer has in QGIS: its map layer's name.
std::string treeLayerName(const Project& project, const LayerTreeNode& node) {
    const ProjectLayer* layer = project.findLayer(node.layer_id);
    return layer != nullptr ? layer->name : node.name;
}

// QgsWmsRenderContext::initRestrictedLayers (QGIS 3.22): each excluded name is a group's (the
// first group of that name: all its layers' names are excluded) or else a layer name; then
// every layer of the layer tree with an excluded name is restricted. A layer that is not in the
// layer tree is never restricted.
std::unordered_set<std::string> wmsRestrictedLayerIds(const Project& project) {
    std::unordered_set<std::string> names;
    for (const std::string& restricted : project.services.wms_restricted) {
        if (const LayerTreeNode* group = findGroup(project.layer_tree, restricted)) {
            std::vector<const LayerTreeNode*> layers;
            treeLayers(*group, layers);
            for (const LayerTreeNode* layer : layers) {
                names.insert(treeLayerName(project, *layer));
            }
        } else {
            names.insert(restricted);
        }
    }
    std::unordered_set<std::string> ids;
    std::vector<const LayerTreeNode*> layers;
    treeLayers(project.layer_tree, layers);
    for (const LayerTreeNode* layer : layers) {
        if (names.count(treeLayerName(project, *layer)) != 0) {
            ids.insert(layer->layer_id);
        }
    }
    return ids;
}

void addLizmap(const LizmapConfig& lizmap, const ProjectLayer& layer, LayerExposure& exposure) {
    const bool wfs = exposure.has(ServiceChannel::Wfs);
    if (const LizmapLayer* entry = lizmap.findLayer(layer.id, layer.name)) {
        if (entry->popup && exposure.has(ServiceChannel::FeatureInfo)) {
            exposure.channels.push_back(ServiceChannel::LizmapPopup);
        }
    }
    auto named = [&](const std::vector<LizmapToolLayer>& tool) {
        return std::any_of(tool.begin(), tool.end(), [&](const LizmapToolLayer& entry) {
            return namesLayer(entry, layer.id, layer.name);
        });
    };
    if (named(lizmap.attribute_table)) {
        // The table and its download run on WFS. Without it Lizmap shows nothing today, but
        // the configuration says the data is meant to be downloaded: judged as downloadable.
        exposure.channels.push_back(ServiceChannel::LizmapAttributeTable);
        if (!wfs) {
            exposure.lizmap_notes.push_back("attribute-table-without-wfs");
        }
    }
    const std::pair<const std::vector<LizmapToolLayer>*, ServiceChannel> wfs_tools[] = {
        {&lizmap.edition, ServiceChannel::LizmapEdition},
        {&lizmap.locate, ServiceChannel::LizmapLocate},
        {&lizmap.tooltip, ServiceChannel::LizmapTooltip}};
    for (const auto& [tool, channel] : wfs_tools) {
        if (named(*tool) && wfs) {
            exposure.channels.push_back(channel);
        }
    }
}

} // namespace

std::string_view toString(ServiceChannel channel) {
    switch (channel) {
    case ServiceChannel::WmsMap:
        return "wms-getmap";
    case ServiceChannel::FeatureInfo:
        return "wms-getfeatureinfo";
    case ServiceChannel::FeatureInfoGeometry:
        return "wms-getfeatureinfo-geometry";
    case ServiceChannel::Wfs:
        return "wfs-getfeature";
    case ServiceChannel::WfsTransaction:
        return "wfs-transaction";
    case ServiceChannel::Wcs:
        return "wcs-getcoverage";
    case ServiceChannel::LizmapPopup:
        return "lizmap-popup";
    case ServiceChannel::LizmapAttributeTable:
        return "lizmap-attribute-table";
    case ServiceChannel::LizmapEdition:
        return "lizmap-edition";
    case ServiceChannel::LizmapLocate:
        return "lizmap-locate";
    case ServiceChannel::LizmapTooltip:
        return "lizmap-tooltip";
    }
    return "unknown";
}

bool LayerExposure::has(ServiceChannel channel) const {
    return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

std::vector<ServiceChannel> LayerExposure::downloadChannels() const {
    std::vector<ServiceChannel> out;
    for (ServiceChannel channel : channels) {
        if (channel == ServiceChannel::Wfs || channel == ServiceChannel::Wcs ||
            channel == ServiceChannel::FeatureInfoGeometry ||
            channel == ServiceChannel::LizmapAttributeTable) {
            out.push_back(channel);
        }
    }
    return out;
}

bool LayerExposure::downloadable() const {
    return !downloadChannels().empty();
}

std::vector<LayerExposure> serviceExposure(const Project& project, const LizmapConfig* lizmap) {
    const ProjectServices& services = project.services;
    const std::unordered_set<std::string> restricted = wmsRestrictedLayerIds(project);
    std::vector<LayerExposure> exposures;
    for (const ProjectLayer& layer : project.layers) {
        const LayerServerProperties& properties = services.layer(layer.id);
        LayerExposure exposure;
        exposure.layer_id = layer.id;
        exposure.layer_name = layer.name;
        exposure.wms_name = !properties.short_name.empty() ? properties.short_name
                            : services.wms_use_layer_ids   ? layer.id
                                                           : layer.name;
        if (restricted.count(layer.id) == 0) {
            exposure.channels.push_back(ServiceChannel::WmsMap);
            if (properties.identifiable) {
                exposure.channels.push_back(ServiceChannel::FeatureInfo);
                if (services.feature_info_geometry && layer.type == "vector") {
                    exposure.channels.push_back(ServiceChannel::FeatureInfoGeometry);
                }
            }
        }
        if (layer.type == "vector" && contains(services.wfs_layers, layer.id)) {
            exposure.channels.push_back(ServiceChannel::Wfs);
            if (contains(services.wfst_insert, layer.id) ||
                contains(services.wfst_update, layer.id) ||
                contains(services.wfst_delete, layer.id)) {
                exposure.channels.push_back(ServiceChannel::WfsTransaction);
            }
        }
        if (layer.type == "raster" && contains(services.wcs_layers, layer.id)) {
            exposure.channels.push_back(ServiceChannel::Wcs);
        }
        if (lizmap != nullptr) {
            addLizmap(*lizmap, layer, exposure);
        }
        exposures.push_back(std::move(exposure));
    }
    return exposures;
}

} // namespace geolicence
