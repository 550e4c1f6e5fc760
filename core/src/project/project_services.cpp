#include "project/project_services_xml.h"

#include <geolicence/detail/ascii_case.h>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace geolicence {

namespace {

// A project property (QgsProject::readEntry): <properties><Scope><Key type="...">value</Key>.
pugi::xml_node property(const pugi::xml_node& properties, const char* scope, const char* key) {
    pugi::xml_node node = properties.child(scope);
    return key == nullptr ? node : node.child(key);
}

std::string textEntry(const pugi::xml_node& entry) {
    return entry.text().as_string();
}

// QgsProject::readListEntry: a QStringList as <value> children; any other stored type converts
// to a one-element list, as QVariant::toStringList does.
std::vector<std::string> listEntry(const pugi::xml_node& entry) {
    std::vector<std::string> values;
    if (!entry) {
        return values;
    }
    if (std::string(entry.attribute("type").as_string()) == "QStringList") {
        for (const pugi::xml_node& value : entry.children("value")) {
            values.emplace_back(value.text().as_string());
        }
        return values;
    }
    const std::string text = textEntry(entry);
    if (!text.empty()) {
        values.push_back(text);
    }
    return values;
}

// QgsProject::readBoolEntry: QVariant::toBool of the stored text ("true" for bool entries, "1"
// for int ones); empty, "0" and "false" are false.
bool boolEntry(const pugi::xml_node& entry) {
    const std::string text = detail::lowerAscii(textEntry(entry));
    return !text.empty() && text != "0" && text != "false";
}

// The server flags QgsServerProjectUtils compares as strings: only "enabled" or "true" count
// (a "1" written through the int overload does not, and QGIS Server ignores it too).
bool enabledEntry(const pugi::xml_node& entry) {
    const std::string text = detail::lowerAscii(textEntry(entry));
    return text == "enabled" || text == "true";
}

std::vector<std::string> nonEmpty(std::vector<std::string> values) {
    values.erase(std::remove(values.begin(), values.end(), std::string()), values.end());
    return values;
}

// QgsProjectVersion: "3.22.16-Białowieża" -> 3, 22, 16; what does not parse is 0.0.0.
std::array<int, 3> projectVersion(const std::string& text) {
    std::array<int, 3> version{0, 0, 0};
    const char* cursor = text.c_str();
    for (int& part : version) {
        char* end = nullptr;
        const long value = std::strtol(cursor, &end, 10);
        if (end == cursor) {
            return {0, 0, 0};
        }
        part = static_cast<int>(value);
        if (*end != '.') {
            break;
        }
        cursor = end + 1;
    }
    return version;
}

LayerServerProperties readLayerServerProperties(const pugi::xml_node& layer) {
    LayerServerProperties properties;
    // QgsMapLayer::readLayerXml: a flag named in <flags> is set when its text is exactly "1";
    // a flag that is not named keeps its default (Identifiable is on by default).
    if (const pugi::xml_node identifiable = layer.child("flags").child("Identifiable")) {
        properties.identifiable = std::string(identifiable.text().as_string()) == "1";
    }
    properties.short_name = layer.child("shortname").text().as_string();
    properties.title = layer.child("title").text().as_string();
    properties.abstract = layer.child("abstract").text().as_string();
    for (const pugi::xml_node& keyword : layer.child("keywordList").children("value")) {
        const std::string text = keyword.text().as_string();
        if (!text.empty()) {
            properties.keywords.push_back(text);
        }
    }
    if (const pugi::xml_node attribution = layer.child("attribution")) {
        properties.attribution = attribution.text().as_string();
        properties.attribution_url = attribution.attribute("href").as_string();
    }
    return properties;
}

} // namespace

std::vector<std::string> ServiceMetadata::texts() const {
    std::vector<std::string> all{title, abstract};
    all.insert(all.end(), keywords.begin(), keywords.end());
    for (const std::string* text :
         {&contact_organization, &contact_person, &fees, &access_constraints, &online_resource}) {
        all.push_back(*text);
    }
    return nonEmpty(std::move(all));
}

const LayerServerProperties& ProjectServices::layer(const std::string& id) const {
    static const LayerServerProperties kDefaults;
    const auto it = layers.find(id);
    return it == layers.end() ? kDefaults : it->second;
}

namespace detail {

ProjectServices readProjectServices(const pugi::xml_node& qgis_root) {
    ProjectServices services;
    const pugi::xml_node properties = qgis_root.child("properties");
    ServiceMetadata& service = services.service;
    service.title = textEntry(property(properties, "WMSServiceTitle", nullptr));
    if (service.title.empty()) {
        service.title = qgis_root.child("title").text().as_string();
    }
    service.abstract = textEntry(property(properties, "WMSServiceAbstract", nullptr));
    service.keywords = nonEmpty(listEntry(property(properties, "WMSKeywordList", nullptr)));
    service.contact_organization =
        textEntry(property(properties, "WMSContactOrganization", nullptr));
    service.contact_person = textEntry(property(properties, "WMSContactPerson", nullptr));
    service.fees = textEntry(property(properties, "WMSFees", nullptr));
    service.access_constraints = textEntry(property(properties, "WMSAccessConstraints", nullptr));
    service.online_resource = textEntry(property(properties, "WMSOnlineResource", nullptr));

    services.wms_restricted = listEntry(property(properties, "WMSRestrictedLayers", nullptr));
    services.feature_info_geometry =
        enabledEntry(property(properties, "WMSAddWktGeometry", nullptr));
    services.wms_use_layer_ids = boolEntry(property(properties, "WMSUseLayerIDs", nullptr));
    services.wfs_layers = listEntry(property(properties, "WFSLayers", nullptr));
    services.wfst_insert = listEntry(property(properties, "WFSTLayers", "Insert"));
    services.wfst_update = listEntry(property(properties, "WFSTLayers", "Update"));
    services.wfst_delete = listEntry(property(properties, "WFSTLayers", "Delete"));
    services.wcs_layers = listEntry(property(properties, "WCSLayers", nullptr));

    for (const pugi::xml_node& layer : qgis_root.child("projectlayers").children("maplayer")) {
        const std::string id = layer.child("id").text().as_string();
        if (!id.empty() && !layer.attribute("embedded").as_bool()) {
            services.layers[id] = readLayerServerProperties(layer);
        }
    }
    // Projects saved before QGIS 3.4 listed the non-identifiable layers in the project's
    // properties; QgsProject still converts that list into layer flags for them.
    if (projectVersion(qgis_root.attribute("version").as_string()) < std::array<int, 3>{3, 4, 0}) {
        for (const std::string& id :
             listEntry(property(properties, "Identify", "disabledLayers"))) {
            const auto it = services.layers.find(id);
            if (it != services.layers.end()) {
                it->second.identifiable = false;
            }
        }
    }
    return services;
}

} // namespace detail

} // namespace geolicence
