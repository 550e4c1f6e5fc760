#include <geolicence/data_source.h>
#include <geolicence/layer_references.h>
#include <geolicence/percent_encoding.h>

#include <string_view>

namespace geolicence {

namespace {

// The query items of a virtual layer's definition, in order: "?a=b&c=d" (the part after the
// first '?'; QGIS also accepts a file URL in front of it).
std::vector<std::pair<std::string, std::string>> queryItems(const std::string& uri) {
    std::vector<std::pair<std::string, std::string>> items;
    const std::size_t question = uri.find('?');
    const std::string query = question == std::string::npos ? uri : uri.substr(question + 1);
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) {
            end = query.size();
        }
        const std::string item = query.substr(start, end - start);
        const std::size_t equals = item.find('=');
        if (!item.empty()) {
            items.emplace_back(item.substr(0, equals),
                               equals == std::string::npos ? "" : item.substr(equals + 1));
        }
        start = end + 1;
    }
    return items;
}

// A `layer=provider:source:name[:encoding]` item (QgsVirtualLayerDefinition::fromUrl): the
// provider and the percent-decoded source, or nothing when it has another form.
std::optional<ProjectLayer> directSource(const std::string& value) {
    const std::size_t first = value.find(':');
    if (first == std::string::npos) {
        return std::nullopt;
    }
    const std::size_t second = value.find(':', first + 1);
    ProjectLayer data;
    data.provider = value.substr(0, first);
    data.source = percentDecoded(value.substr(
        first + 1, second == std::string::npos ? std::string::npos : second - first - 1));
    if (second != std::string::npos) {
        const std::size_t third = value.find(':', second + 1);
        data.name = percentDecoded(value.substr(
            second + 1, third == std::string::npos ? std::string::npos : third - second - 1));
    }
    if (data.name.empty()) {
        data.name = data.source;
    }
    data.id = data.source;
    return data;
}

} // namespace

LayerReferences layerReferences(const ProjectLayer& layer) {
    LayerReferences references;
    if (layer.provider == "virtual") {
        for (const auto& [key, value] : queryItems(layer.source)) {
            if (key == "layer_ref") {
                const std::string id = percentDecoded(value.substr(0, value.find(':')));
                if (!id.empty()) {
                    references.layer_ids.push_back(id);
                }
            } else if (key == "layer") {
                if (auto data = directSource(value)) {
                    references.data.push_back(std::move(*data));
                } else {
                    // A source the definition names in a form we cannot read is still a source
                    // of unknown licence, never dropped.
                    ProjectLayer unknown;
                    unknown.id = unknown.name = unknown.source = percentDecoded(value);
                    references.data.push_back(std::move(unknown));
                }
            }
        }
        if (!references.empty()) {
            references.tool = "QGIS virtual layer";
        }
    }
    if (!layer.joined_layer_ids.empty()) {
        references.layer_ids.insert(references.layer_ids.end(), layer.joined_layer_ids.begin(),
                                    layer.joined_layer_ids.end());
        references.tool = references.tool.empty() ? "QGIS join" : references.tool + ", QGIS join";
    }
    return references;
}

std::string resolveVirtualLayerSource(const std::string& source,
                                      const std::filesystem::path& project_dir) {
    // Only the `layer=` items change; everything else is kept byte for byte.
    const std::size_t question = source.find('?');
    std::string resolved = source.substr(0, question == std::string::npos ? 0 : question + 1);
    std::size_t start = question == std::string::npos ? 0 : question + 1;
    while (start <= source.size()) {
        std::size_t end = source.find('&', start);
        if (end == std::string::npos) {
            end = source.size();
        }
        std::string item = source.substr(start, end - start);
        const std::string key = "layer=";
        const std::size_t colon = item.find(':', key.size());
        if (item.compare(0, key.size(), key) == 0 && colon != std::string::npos) {
            const std::size_t next = item.find(':', colon + 1);
            const std::string provider = item.substr(key.size(), colon - key.size());
            const std::string path = percentDecoded(item.substr(
                colon + 1, next == std::string::npos ? std::string::npos : next - colon - 1));
            const std::string absolute = resolveDataSource(provider, path, project_dir);
            if (absolute != path) {
                item = key + provider + ":" + percentEncoded(absolute) +
                       (next == std::string::npos ? "" : item.substr(next));
            }
        }
        resolved += item;
        if (end < source.size()) {
            resolved += '&';
        }
        start = end + 1;
    }
    return resolved;
}

} // namespace geolicence
