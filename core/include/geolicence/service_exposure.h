#pragma once

#include "geolicence/lizmap_config.h"
#include "geolicence/project.h"

#include <string>
#include <string_view>
#include <vector>

namespace geolicence {

// The ways QGIS Server (and Lizmap on top of it) hands a layer to anyone who asks.
enum class ServiceChannel {
    WmsMap,               // WMS GetMap and GetLegendGraphic: the layer drawn
    FeatureInfo,          // WMS GetFeatureInfo: the attributes of clicked features
    FeatureInfoGeometry,  // ... with each feature's geometry (WMSAddWktGeometry)
    Wfs,                  // WFS GetFeature (and GetMap as DXF): the features themselves
    WfsTransaction,       // WFS-T: anyone may insert, update or delete features
    Wcs,                  // WCS GetCoverage: the raster data itself
    LizmapPopup,          // Lizmap popups (GetFeatureInfo)
    LizmapAttributeTable, // Lizmap's attribute table, with its download button
    LizmapEdition,        // Lizmap editing (WFS-T)
    LizmapLocate,         // Lizmap's locate-by-layer list (WFS)
    LizmapTooltip,        // Lizmap tooltips (WFS)
};

std::string_view toString(ServiceChannel channel);

// How the project's services expose one layer.
struct LayerExposure {
    std::string layer_id;
    std::string layer_name;
    std::string wms_name; // what WMS clients ask for: short name, id or name
    std::vector<ServiceChannel> channels;
    // Lizmap switches that do not do what they say (a table without WFS): reported, and
    // judged as if they worked.
    std::vector<std::string> lizmap_notes;

    bool has(ServiceChannel channel) const;
    bool exposed() const { return !channels.empty(); }
    // The data itself can be taken away, not just looked at.
    bool downloadable() const;
    std::vector<ServiceChannel> downloadChannels() const;
};

// Every layer of the project with what QGIS Server 3.22 serves of it, in project order (layers
// it does not serve at all have no channels). WMS serves every layer of the project except
// those WMSRestrictedLayers excludes (by layer name, or by the name of the first group of that
// name, as QgsWmsRenderContext does); WFS and WCS serve the vector and raster layers their lists
// name. `lizmap` adds what Lizmap's web map offers on top.
std::vector<LayerExposure> serviceExposure(const Project& project, const LizmapConfig* lizmap);

} // namespace geolicence
