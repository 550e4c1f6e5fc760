#include <geolicence/binding_json.h>
#include <geolicence/data_source.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>

namespace geolicence {

LayerBinder::LayerBinder(const Catalog& catalog) : catalog_(catalog) {
    for (const LicenceProfile* profile : catalog.bindable()) {
        for (const std::string& pattern : profile->source_patterns) {
            source_patterns_.emplace_back(std::regex(pattern, std::regex::icase), profile->id);
        }
    }
}

LayerBindingResult LayerBinder::bind(const ProjectLayer& layer) const {
    LayerBindingResult result;
    const std::string where = "layer \"" + layer.name + "\"";
    const auto property = layer.custom_properties.find(kLicenceProperty);
    if (property != layer.custom_properties.end() && !property->second.empty()) {
        LicenceBinding binding{property->second, {}, "custom-property"};
        const LicenceProfile* profile = catalog_.find(binding.licence_id);
        const auto options = layer.custom_properties.find(kOptionsProperty);
        if (profile != nullptr && options != layer.custom_properties.end() &&
            !options->second.empty()) {
            try {
                binding.options =
                    optionsFromJson(*profile, options->second,
                                    where + " (custom property " + kOptionsProperty + ")");
            } catch (const InputError& e) {
                result.error = e.what();
            }
        }
        result.binding = std::move(binding);
        return result;
    }
    if (const auto file = dataSourceFile(layer.provider, layer.source)) {
        try {
            if (auto licence = readDatasetLicence(file->path, catalog_, file->layer_name)) {
                result.binding = std::move(licence->binding);
                return result;
            }
        } catch (const InputError& e) {
            result.error = e.what();
            return result;
        }
    }
    for (const std::string& license : layer.metadata_licenses) {
        for (const LicenceProfile* profile : catalog_.bindable()) {
            if (license == profile->id ||
                (!profile->licence_url.empty() && license == profile->licence_url)) {
                result.binding = LicenceBinding{profile->id, {}, "layer-metadata"};
                return result;
            }
        }
    }
    for (const auto& [pattern, id] : source_patterns_) {
        if (std::regex_search(layer.source, pattern)) {
            result.binding = LicenceBinding{id, {}, "source-rule"};
            return result;
        }
    }
    return result;
}

} // namespace geolicence
