#include "inspect_command.h"

#include <geolicence/layer_binding.h>
#include <geolicence/layer_selection.h>
#include <geolicence/project_reader.h>

#include <nlohmann/json.hpp>

#include <iostream>

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
    for (const ProjectLayer& layer : project.layers) {
        const LayerBindingResult bound = binder.bind(layer);
        Json licence = nullptr;
        if (bound.binding) {
            licence = {{"id", bound.binding->licence_id}, {"from", bound.binding->from}};
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
                         {"id", source.binding ? Json(source.binding->licence_id) : Json()}};
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
        out["layers"].push_back({{"id", layer.id},
                                 {"name", layer.name},
                                 {"provider", layer.provider},
                                 {"source", layer.source},
                                 {"crs", layer.crs},
                                 {"licence", licence},
                                 {"sources", sources},
                                 {"conflicts", conflicts}});
    }
    out["layouts"] = Json::array();
    for (const Layout& layout : project.layouts) {
        Json maps = Json::array();
        for (const LayoutMap& map : layout.maps) {
            maps.push_back({{"id", map.id}, {"layers", layersToRender(project, map)}});
        }
        Json labels = Json::array();
        for (const LayoutLabel& label : layout.labels) {
            labels.push_back(label.text);
        }
        out["layouts"].push_back({{"name", layout.name}, {"maps", maps}, {"labels", labels}});
    }
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
            std::cout << layer["licence"]["id"].get<std::string>() << " (from "
                      << layer["licence"]["from"].get<std::string>() << ")";
        }
        std::cout << "\n";
        if (layer["sources"].size() > 1) {
            for (const Json& source : layer["sources"]) {
                std::cout << "      found in " << source["from"].get<std::string>() << ": "
                          << (source["id"].is_null() ? std::string("(unreadable)")
                                                     : source["id"].get<std::string>())
                          << "\n";
            }
        }
        for (const Json& conflict : layer["conflicts"]) {
            std::cout << "      " << conflict["severity"].get<std::string>() << ": "
                      << conflict["message"].get<std::string>() << "\n";
        }
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
    return kExitOk;
}

} // namespace geolicence::cli
