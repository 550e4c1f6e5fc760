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

std::vector<BindingSource> LayerBinder::sources(const ProjectLayer& layer) const {
    std::vector<BindingSource> found;
    const std::string where = "layer \"" + layer.name + "\"";
    const auto property = layer.custom_properties.find(kLicenceProperty);
    if (property != layer.custom_properties.end() && !property->second.empty()) {
        BindingSource source{"custom-property",
                             kLicenceProperty,
                             LicenceBinding{property->second, {}, "custom-property"},
                             {},
                             ""};
        const LicenceProfile* profile = catalog_.find(property->second);
        const auto options = layer.custom_properties.find(kOptionsProperty);
        if (profile != nullptr && options != layer.custom_properties.end() &&
            !options->second.empty()) {
            try {
                source.binding->options =
                    optionsFromJson(*profile, options->second,
                                    where + " (custom property " + kOptionsProperty + ")");
            } catch (const InputError& e) {
                // The licence stays known (the layer is not unlicensed); the broken options
                // are an error of their own.
                source.error = e.what();
            }
        }
        found.push_back(std::move(source));
    }
    if (const auto file = dataSourceFile(layer.provider, layer.source)) {
        for (BindingSource& source :
             readDatasetLicenceSources(file->path, catalog_, file->layer_name)) {
            found.push_back(std::move(source));
        }
    }
    for (const std::string& license : layer.metadata_licenses) {
        for (const LicenceProfile* profile : catalog_.bindable()) {
            if (license == profile->id ||
                (!profile->licence_url.empty() && license == profile->licence_url)) {
                found.push_back(BindingSource{"layer-metadata",
                                              license,
                                              LicenceBinding{profile->id, {}, "layer-metadata"},
                                              {},
                                              ""});
                break;
            }
        }
    }
    for (const auto& [pattern, id] : source_patterns_) {
        if (std::regex_search(layer.source, pattern)) {
            found.push_back(BindingSource{
                kFromSourceRule, "", LicenceBinding{id, {}, kFromSourceRule}, {}, ""});
            break;
        }
    }
    return found;
}

LayerBindingResult LayerBinder::bind(const ProjectLayer& layer, Language language) const {
    LayerBindingResult result;
    result.sources = sources(layer);
    result.binding = chosenBinding(result.sources);
    for (const BindingSource& source : result.sources) {
        if (!source.error.empty() && result.error.empty()) {
            result.error = source.error;
        }
    }
    result.conflicts = bindingConflicts(result.sources, catalog_, layer.id, layer.name, language);
    return result;
}

std::vector<Finding> LayerBindingResult::problems(const std::string& layer_id,
                                                  const std::string& layer_name) const {
    std::vector<Finding> found;
    if (!error.empty()) {
        found.push_back(Finding{Severity::Error, layer_id, layer_name,
                                binding ? binding->licence_id : "", "invalid-binding", error, ""});
    }
    found.insert(found.end(), conflicts.begin(), conflicts.end());
    return found;
}

} // namespace geolicence
