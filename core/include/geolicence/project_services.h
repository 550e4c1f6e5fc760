#pragma once

#include <map>
#include <string>
#include <vector>

namespace geolicence {

// What a QGIS project tells QGIS Server to serve, read from the .qgs/.qgz without QGIS (the
// keys QgsServerProjectUtils reads, and the per-layer server properties of QgsMapLayer).

// What QGIS Server advertises about the service itself (Project Properties › QGIS Server ›
// Service capabilities) in every GetCapabilities answer, WMS, WFS and WCS alike. QGIS 3.22
// advertises it whether or not "Service capabilities" is checked.
struct ServiceMetadata {
    std::string title; // WMSServiceTitle, else the project title (as QGIS Server does)
    std::string abstract;
    std::vector<std::string> keywords;
    std::string contact_organization;
    std::string contact_person;
    std::string fees;
    std::string access_constraints;
    std::string online_resource;

    // Every text above, where an owed attribution may be read by the public.
    std::vector<std::string> texts() const;
};

// Per layer: Layer Properties › QGIS Server, and the Identifiable flag (Project Properties ›
// Data Sources). A layer the project file says nothing about (an embedded one) keeps these
// defaults, which expose it as QGIS does by default.
struct LayerServerProperties {
    bool identifiable = true; // answers WMS GetFeatureInfo
    std::string short_name;   // the WMS name when set
    std::string title;
    std::string abstract;
    std::vector<std::string> keywords;
    std::string attribution; // advertised as the layer's <Attribution><Title>
    std::string attribution_url;
};

struct ProjectServices {
    ServiceMetadata service;
    // WMSRestrictedLayers as stored: names of layers and of groups (Exclude layers).
    std::vector<std::string> wms_restricted;
    // WMSAddWktGeometry: GetFeatureInfo answers carry each feature's geometry.
    bool feature_info_geometry = false;
    bool wms_use_layer_ids = false;      // WMSUseLayerIDs: layers are named by id in WMS
    std::vector<std::string> wfs_layers; // WFSLayers, layer ids
    std::vector<std::string> wfst_insert;
    std::vector<std::string> wfst_update;
    std::vector<std::string> wfst_delete;
    std::vector<std::string> wcs_layers;                 // WCSLayers, layer ids
    std::map<std::string, LayerServerProperties> layers; // by layer id

    // The layer's properties, or QGIS's defaults for a layer the file says nothing about.
    const LayerServerProperties& layer(const std::string& id) const;
};

} // namespace geolicence
