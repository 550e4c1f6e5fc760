#include <geolicence/catalog.h>
#include <geolicence/errors.h>
#include <geolicence/lizmap_config.h>

#include <nlohmann/json.hpp>

namespace geolicence {

namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t kMaxConfigBytes = 64u << 20;

// The Lizmap plugin wrote booleans as "True"/"False" for years and as JSON booleans since.
bool flag(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return false;
    }
    if (it->is_boolean()) {
        return it->get<bool>();
    }
    if (it->is_string()) {
        const std::string text = it->get<std::string>();
        return text == "True" || text == "true";
    }
    return it->is_number() && it->get<double>() != 0;
}

std::string text(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A section Lizmap reads must be an object (an empty one may be written as []): one it cannot
// read could hide a layer it offers, so it is an error, not an empty section.
const Json* section(const Json& root, const char* name, const std::string& file) {
    const auto it = root.find(name);
    if (it == root.end() || it->is_null() || (it->is_array() && it->empty())) {
        return nullptr;
    }
    if (!it->is_object()) {
        throw InputError(file + ": not a valid Lizmap configuration (\"" + name +
                         "\" is not an object)");
    }
    return &*it;
}

std::vector<LizmapToolLayer> toolLayers(const Json& root, const char* name,
                                        const std::string& file) {
    std::vector<LizmapToolLayer> layers;
    const Json* tool = section(root, name, file);
    if (tool == nullptr) {
        return layers;
    }
    for (const auto& [key, entry] : tool->items()) {
        layers.push_back({key, entry.is_object() ? text(entry, "layerId") : std::string()});
    }
    return layers;
}

} // namespace

const LizmapLayer* LizmapConfig::findLayer(const std::string& id, const std::string& name) const {
    for (const LizmapLayer& layer : layers) {
        if (!layer.id.empty() && layer.id == id) {
            return &layer;
        }
    }
    for (const LizmapLayer& layer : layers) {
        if (layer.id.empty() && layer.name == name) {
            return &layer;
        }
    }
    return nullptr;
}

bool namesLayer(const LizmapToolLayer& entry, const std::string& id, const std::string& name) {
    return entry.layer_id.empty() ? entry.name == name : entry.layer_id == id;
}

std::filesystem::path lizmapConfigPath(const std::filesystem::path& project_path) {
    std::filesystem::path config = project_path;
    config += ".cfg";
    return config;
}

std::optional<LizmapConfig> readLizmapConfig(const std::filesystem::path& project_path) {
    const std::filesystem::path path = lizmapConfigPath(project_path);
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        return std::nullopt;
    }
    const std::string file = path.string();
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxConfigBytes) {
        throw InputError(file + ": " + std::to_string(size >> 20) +
                         " MiB is over the Lizmap configuration size limit of " +
                         std::to_string(kMaxConfigBytes >> 20) + " MiB");
    }
    Json root;
    try {
        root = Json::parse(readTextFile(path));
    } catch (const Json::parse_error& e) {
        throw InputError(file + ": not a valid Lizmap configuration (JSON error at byte " +
                         std::to_string(e.byte) + ")");
    }
    if (!root.is_object()) {
        throw InputError(file + ": not a valid Lizmap configuration (expected a JSON object)");
    }
    LizmapConfig config;
    config.path = path;
    if (const Json* layers = section(root, "layers", file)) {
        for (const auto& [name, entry] : layers->items()) {
            if (!entry.is_object()) {
                continue;
            }
            LizmapLayer layer;
            layer.name = name;
            if (text(entry, "type") != "group") {
                layer.id = text(entry, "id");
            }
            layer.popup = flag(entry, "popup");
            layer.hide_legend =
                flag(entry, "noLegendImage") || text(entry, "legend_image_option") == "disabled";
            layer.title = text(entry, "title");
            layer.abstract = text(entry, "abstract");
            config.layers.push_back(std::move(layer));
        }
    }
    config.attribute_table = toolLayers(root, "attributeLayers", file);
    config.edition = toolLayers(root, "editionLayers", file);
    config.locate = toolLayers(root, "locateByLayer", file);
    config.tooltip = toolLayers(root, "tooltipLayers", file);
    return config;
}

} // namespace geolicence
