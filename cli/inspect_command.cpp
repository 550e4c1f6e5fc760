#include "inspect_command.h"

#include "report/binding_report.h"
#include "report/served_report.h"

#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>
#include <geolicence/layer_selection.h>
#include <geolicence/project_reader.h>

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace geolicence::cli {

void InspectCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("inspect", "Show a QGIS project's layers, licences and layouts");
    app_->add_option("PROJECT", project_, "QGIS project (.qgs or .qgz)")->required();
    addFormatOption(*app_, format_, {"text", "json"});
}

int InspectCommand::run(const GlobalOptions& options) {
    const Project project = readProject(project_);
    const Catalog catalog = loadCatalog(options);
    const LayerBinder binder(catalog);
    using Json = nlohmann::ordered_json;

    Json out;
    out["project"] = project.path.string();
    out["layers"] = Json::array();
    // Kept for the text form, which shows each derived layer's provenance chain.
    std::map<std::string, LayerBindingResult> bindings;
    const auto bindingOf = [&](const std::string& id) -> const LayerBindingResult* {
        const auto it = bindings.find(id);
        return it != bindings.end() ? &it->second : nullptr;
    };
    for (const ProjectLayer& layer : project.layers) {
        const LayerBindingResult& bound = bindings[layer.id] = binder.bind(layer);
        Json licence = nullptr;
        if (bound.binding) {
            licence = bindingToJson(*bound.binding);
            if (!bound.error.empty()) {
                licence["error"] = bound.error;
            }
        } else if (!bound.error.empty()) {
            licence = {{"id", nullptr}, {"from", nullptr}, {"error", bound.error}};
        }
        // Every place a licence was found, so that a second, disagreeing one is visible.
        Json sources = Json::array();
        for (const BindingSource& source : bound.sources) {
            Json item = {{"from", source.from},
                         {"id", source.binding ? Json(source.binding->licences.front().licence_id)
                                               : Json()}};
            if (source.binding) {
                item["licences"] = Json::array();
                for (const BoundLicence& bound_licence : source.binding->licences) {
                    item["licences"].push_back(bound_licence.licence_id);
                }
            }
            if (!source.where.empty()) {
                item["where"] = source.where;
            }
            if (!source.error.empty()) {
                item["error"] = source.error;
            }
            sources.push_back(std::move(item));
        }
        Json conflicts = Json::array();
        for (const Finding& conflict : bound.conflicts) {
            conflicts.push_back({{"severity", std::string(toString(conflict.severity))},
                                 {"message", conflict.message}});
        }
        Json entry = {
            {"id", layer.id},         {"name", layer.name},    {"provider", layer.provider},
            {"source", layer.source}, {"crs", layer.crs},      {"licence", licence},
            {"sources", sources},     {"conflicts", conflicts}};
        if (!layer.embedded_from.empty()) {
            entry["embedded_from"] = layer.embedded_from.string();
        }
        out["layers"].push_back(std::move(entry));
    }
    // Layers the project names but that could not be read: `check` fails on each.
    out["unreadable"] = Json::array();
    for (const UnreadableLayer& layer : project.unreadable_layers) {
        out["unreadable"].push_back(
            {{"id", layer.layer_id}, {"name", layer.name}, {"reason", layer.reason}});
    }
    out["visible_layers"] = visibleLayers(project);
    out["themes"] = Json::array();
    for (const MapTheme& theme : project.themes) {
        out["themes"].push_back({{"name", theme.name}, {"layers", theme.visible_layer_ids}});
    }
    out["layouts"] = Json::array();
    for (const Layout& layout : project.layouts) {
        Json maps = Json::array();
        for (const LayoutMap& map : layout.maps) {
            // What the map stores, next to what it renders (layersToRender, layer_selection.h).
            maps.push_back({{"id", map.id},
                            {"uuid", map.uuid},
                            {"layers", layersToRender(project, map)},
                            {"layer_set", map.layer_set},
                            {"keep_layer_set", map.keep_layer_set},
                            {"theme", map.follow_theme ? Json(map.theme_name) : Json(nullptr)}});
        }
        Json labels = Json::array();
        for (const LayoutLabel& label : layout.labels) {
            labels.push_back(label.text);
        }
        Json atlas = nullptr;
        if (layout.atlas.enabled) {
            atlas = {{"coverage_layer", layout.atlas.coverage_layer_id},
                     {"hide_coverage", layout.atlas.hide_coverage}};
        }
        out["layouts"].push_back(
            {{"name", layout.name}, {"maps", maps}, {"labels", labels}, {"atlas", atlas}});
    }
    // What the project's web services serve; a Lizmap configuration that cannot be read is
    // shown, not fatal: inspect reports what it finds.
    std::optional<LizmapConfig> lizmap;
    std::string lizmap_error;
    try {
        lizmap = readLizmapConfig(project.path);
    } catch (const InputError& e) {
        lizmap_error = e.what();
    }
    out["services"] = servicesToJson(project, lizmap, lizmap_error);
    if (format_ == "json") {
        std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
        return kExitOk;
    }
    std::cout << "Project: " << project.path.string() << "\n\nLayers:\n";
    for (const Json& layer : out["layers"]) {
        std::cout << "  " << layer["name"].get<std::string>() << "  ["
                  << layer["provider"].get<std::string>() << ", " << layer["crs"].get<std::string>()
                  << "]  ";
        if (layer["licence"].is_null() || layer["licence"]["id"].is_null()) {
            std::cout << "NO LICENCE";
        } else {
            std::string ids;
            for (const Json& bound_licence : layer["licence"]["licences"]) {
                ids += (ids.empty() ? "" : " + ") + bound_licence["licence"].get<std::string>();
            }
            std::cout << ids << " (from " << layer["licence"]["from"].get<std::string>() << ")";
        }
        if (layer.contains("embedded_from")) {
            std::cout << "  (embedded from " << layer["embedded_from"].get<std::string>() << ")";
        }
        std::cout << "\n";
        if (const LayerBindingResult* bound = bindingOf(layer["id"].get<std::string>());
            bound != nullptr && bound->binding) {
            writeProvenance(std::cout, bound->binding->derived_from, "      ");
        }
        if (layer["sources"].size() > 1) {
            for (const Json& source : layer["sources"]) {
                std::string ids;
                for (const Json& id : source.value("licences", Json::array())) {
                    ids += (ids.empty() ? "" : " + ") + id.get<std::string>();
                }
                std::cout << "      found in " << source["from"].get<std::string>() << ": "
                          << (source["id"].is_null() ? std::string("(unreadable)") : ids) << "\n";
            }
        }
        for (const Json& conflict : layer["conflicts"]) {
            std::cout << "      " << conflict["severity"].get<std::string>() << ": "
                      << conflict["message"].get<std::string>() << "\n";
        }
    }
    for (const UnreadableLayer& layer : project.unreadable_layers) {
        std::cout << "  " << (layer.name.empty() ? layer.layer_id : layer.name)
                  << "  UNREADABLE: " << layer.reason << "\n";
    }
    for (const Layout& layout : project.layouts) {
        std::cout << "\nLayout \"" << layout.name << "\":\n";
        for (const LayoutMap& map : layout.maps) {
            std::cout << "  map " << (map.id.empty() ? map.uuid : map.id) << ":";
            for (const std::string& id : layersToRender(project, map)) {
                const ProjectLayer* layer = project.findLayer(id);
                std::cout << " " << (layer != nullptr ? layer->name : id) << ";";
            }
            std::cout << "\n";
        }
        for (const LayoutLabel& label : layout.labels) {
            std::cout << "  label: " << label.text << "\n";
        }
    }
    std::cout << "\nQGIS Server";
    if (lizmap) {
        std::cout << " and Lizmap (" << lizmap->path.string() << ")";
    }
    std::cout << ":\n";
    if (!lizmap_error.empty()) {
        std::cout << "  Lizmap configuration: " << lizmap_error << "\n";
    }
    for (const Json& layer : out["services"]["layers"]) {
        std::cout << "  " << project.findLayer(layer["id"].get<std::string>())->name << ":";
        for (const Json& channel : layer["channels"]) {
            std::cout << " " << channel.get<std::string>();
        }
        if (layer["channels"].empty()) {
            std::cout << " not served";
        }
        std::cout << (layer["downloadable"].get<bool>() ? "  [downloadable]" : "") << "\n";
    }
    return kExitOk;
}

} // namespace geolicence::cli
