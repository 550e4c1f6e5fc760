#include "served_report.h"

#include <geolicence/messages.h>

#include <sstream>

namespace geolicence::cli {

namespace {

using Json = nlohmann::ordered_json;

Json contextToJson(const Context& context) {
    Json out = Json::object();
    auto put = [&](const char* key, const auto& value) {
        if (value) {
            out[key] = *value;
        }
    };
    put("purpose", context.purpose);
    put("recipient", context.recipient);
    put("cell_size_m", context.cell_size_m);
    if (context.date) {
        out["date"] = context.date->toString();
    }
    put("downloadable", context.downloadable);
    put("combined_with_own_data", context.combined_with_own_data);
    put("reproduces_data", context.reproduces_data);
    return out;
}

Json toolToJson(const std::vector<LizmapToolLayer>& tool) {
    Json out = Json::array();
    for (const LizmapToolLayer& entry : tool) {
        out.push_back({{"name", entry.name},
                       {"layer_id", entry.layer_id.empty() ? Json() : Json(entry.layer_id)}});
    }
    return out;
}

} // namespace

Json servedToJson(const std::vector<ServedLayer>& served) {
    Json out = Json::array();
    for (const ServedLayer& layer : served) {
        Json channels = Json::array();
        for (ServiceChannel channel : layer.exposure.channels) {
            channels.push_back(std::string(toString(channel)));
        }
        Json download = Json::array();
        for (ServiceChannel channel : layer.exposure.downloadChannels()) {
            download.push_back(std::string(toString(channel)));
        }
        out.push_back({{"layer_id", layer.exposure.layer_id},
                       {"layer_name", layer.exposure.layer_name},
                       {"wms_name", layer.exposure.wms_name},
                       {"channels", channels},
                       {"downloadable", layer.exposure.downloadable()},
                       {"download_channels", download},
                       {"context", contextToJson(layer.context)}});
    }
    return out;
}

std::string servedToText(const std::vector<ServedLayer>& served, Language language) {
    std::ostringstream out;
    out << say(Msg::ServedHeading, language) << "\n";
    if (served.empty()) {
        out << "  " << say(Msg::ServedNone, language) << "\n";
    }
    for (const ServedLayer& layer : served) {
        out << "  " << layer.exposure.layer_name << ":";
        for (ServiceChannel channel : layer.exposure.channels) {
            out << " " << toString(channel);
        }
        if (layer.exposure.downloadable()) {
            out << "  " << say(Msg::ServedDownloadable, language);
        }
        out << "\n";
    }
    return out.str();
}

Json servicesToJson(const Project& project, const std::optional<LizmapConfig>& lizmap,
                    const std::string& lizmap_error) {
    const ProjectServices& services = project.services;
    const ServiceMetadata& service = services.service;
    Json out;
    out["service"] = {{"title", service.title},
                      {"abstract", service.abstract},
                      {"keywords", service.keywords},
                      {"contact_organization", service.contact_organization},
                      {"contact_person", service.contact_person},
                      {"fees", service.fees},
                      {"access_constraints", service.access_constraints},
                      {"online_resource", service.online_resource}};
    out["wms_restricted"] = services.wms_restricted;
    out["feature_info_geometry"] = services.feature_info_geometry;
    out["wms_use_layer_ids"] = services.wms_use_layer_ids;
    out["wfs_layers"] = services.wfs_layers;
    out["wfst"] = {{"insert", services.wfst_insert},
                   {"update", services.wfst_update},
                   {"delete", services.wfst_delete}};
    out["wcs_layers"] = services.wcs_layers;
    out["layers"] = Json::array();
    const LizmapConfig* config = lizmap ? &*lizmap : nullptr;
    const std::vector<LayerExposure> exposures = serviceExposure(project, config);
    for (const LayerExposure& exposure : exposures) {
        const LayerServerProperties& properties = services.layer(exposure.layer_id);
        Json channels = Json::array();
        for (ServiceChannel channel : exposure.channels) {
            channels.push_back(std::string(toString(channel)));
        }
        out["layers"].push_back({{"id", exposure.layer_id},
                                 {"identifiable", properties.identifiable},
                                 {"short_name", properties.short_name},
                                 {"title", properties.title},
                                 {"abstract", properties.abstract},
                                 {"keywords", properties.keywords},
                                 {"attribution", properties.attribution},
                                 {"attribution_url", properties.attribution_url},
                                 {"wms_name", exposure.wms_name},
                                 {"channels", channels},
                                 {"downloadable", exposure.downloadable()}});
    }
    if (!lizmap_error.empty()) {
        out["lizmap"] = {{"error", lizmap_error}};
    } else if (config == nullptr) {
        out["lizmap"] = nullptr;
    } else {
        Json layers = Json::array();
        for (const LizmapLayer& layer : config->layers) {
            layers.push_back({{"name", layer.name},
                              {"id", layer.id.empty() ? Json() : Json(layer.id)},
                              {"popup", layer.popup},
                              {"hide_legend", layer.hide_legend},
                              {"title", layer.title},
                              {"abstract", layer.abstract}});
        }
        out["lizmap"] = {{"path", config->path.string()},
                         {"layers", layers},
                         {"attribute_table", toolToJson(config->attribute_table)},
                         {"edition", toolToJson(config->edition)},
                         {"locate", toolToJson(config->locate)},
                         {"tooltip", toolToJson(config->tooltip)}};
    }
    return out;
}

} // namespace geolicence::cli
