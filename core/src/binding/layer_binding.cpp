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

namespace {

std::string propertyOf(const ProjectLayer& layer, const char* name) {
    const auto it = layer.custom_properties.find(name);
    return it != layer.custom_properties.end() ? it->second : std::string();
}

} // namespace

// The custom properties: `geolicence/licences` (several licences, JSON) and the older
// `geolicence/licence` with `geolicence/options` (one licence), and `geolicence/derived_from`.
std::optional<BindingSource> LayerBinder::customPropertySource(const ProjectLayer& layer,
                                                               const std::string& where) const {
    const std::string one = propertyOf(layer, kLicenceProperty);
    const std::string several = propertyOf(layer, kLicencesProperty);
    if (one.empty() && several.empty()) {
        return std::nullopt;
    }
    BindingSource source{"custom-property",
                         one.empty() ? kLicencesProperty : kLicenceProperty,
                         LicenceBinding{{}, "custom-property", {}},
                         {},
                         ""};
    // The first problem is the one reported; the licences that could be read still apply,
    // so that the layer is not taken for unlicensed.
    const auto fail = [&](const InputError& e) {
        if (source.error.empty()) {
            source.error = e.what();
        }
    };
    if (!several.empty()) {
        try {
            source.binding->licences = licencesFromJson(
                catalog_, several, where + " (custom property " + kLicencesProperty + ")");
        } catch (const InputError& e) {
            fail(e);
        }
    }
    if (!one.empty()) {
        BoundLicence licence{one, {}};
        const LicenceProfile* profile = catalog_.find(one);
        const std::string options = propertyOf(layer, kOptionsProperty);
        if (profile != nullptr && !options.empty()) {
            try {
                licence.options = optionsFromJson(
                    *profile, options, where + " (custom property " + kOptionsProperty + ")");
            } catch (const InputError& e) {
                fail(e);
            }
        }
        if (!several.empty() && !source.binding->hasLicence(one)) {
            fail(InputError(where + ": custom properties " + kLicenceProperty + " (" + one +
                            ") and " + kLicencesProperty + " (" + source.binding->describeIds() +
                            ") disagree"));
        }
        addLicence(source.binding->licences, licence);
    }
    const std::string derived = propertyOf(layer, kDerivedFromProperty);
    if (!derived.empty()) {
        try {
            source.binding->derived_from = derivedFromFromJson(
                catalog_, derived, where + " (custom property " + kDerivedFromProperty + ")");
        } catch (const InputError& e) {
            fail(e);
        }
    }
    if (source.binding->licences.empty()) {
        source.binding.reset();
    }
    return source;
}

std::vector<BindingSource> LayerBinder::sources(const ProjectLayer& layer) const {
    std::vector<BindingSource> found;
    const std::string where = "layer \"" + layer.name + "\"";
    if (std::optional<BindingSource> source = customPropertySource(layer, where)) {
        found.push_back(std::move(*source));
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
                                              singleLicence(profile->id, {}, "layer-metadata"),
                                              {},
                                              ""});
                break;
            }
        }
    }
    for (const auto& [pattern, id] : source_patterns_) {
        if (std::regex_search(layer.source, pattern)) {
            found.push_back(
                BindingSource{kFromSourceRule, "", singleLicence(id, {}, kFromSourceRule), {}, ""});
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
                                binding ? binding->describeIds() : "", "invalid-binding", error,
                                ""});
    }
    found.insert(found.end(), conflicts.begin(), conflicts.end());
    return found;
}

std::vector<std::pair<std::string, std::string>> bindingProperties(const LicenceBinding& binding) {
    const bool single = binding.licences.size() == 1;
    return {
        {kLicenceProperty, single ? binding.licences.front().licence_id : ""},
        {kOptionsProperty, single ? optionsToJson(binding.licences.front().options) : ""},
        {kLicencesProperty, single ? "" : licencesToJson(binding.licences)},
        {kDerivedFromProperty,
         binding.derived_from.empty() ? "" : derivedFromToJson(binding.derived_from)},
    };
}

} // namespace geolicence
