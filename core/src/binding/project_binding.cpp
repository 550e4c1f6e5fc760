#include <geolicence/option_values.h>
#include <geolicence/project_binding.h>

#include <algorithm>

namespace geolicence {

namespace {

bool acceptsValue(const OptionSpec& spec, const std::string& value) {
    if (spec.type != OptionType::Enum) {
        return true;
    }
    return std::find(spec.values.begin(), spec.values.end(), value) != spec.values.end();
}

} // namespace

void applyBindingDefaults(LicenceBinding& binding, const Catalog& catalog,
                          const BindingDefaults& defaults) {
    if (!defaults.role || defaults.role->empty()) {
        return;
    }
    // Each licence of the binding on its own: a role belongs to the licences that declare it.
    for (BoundLicence& licence : binding.licences) {
        if (licence.options.count("role") != 0) {
            continue;
        }
        const LicenceProfile* profile = catalog.find(licence.licence_id);
        if (profile == nullptr) {
            continue; // unknown-licence is reported by the evaluation
        }
        const OptionSpec* spec = profile->findOption("role");
        if (spec == nullptr || !acceptsValue(*spec, *defaults.role)) {
            continue;
        }
        licence.options["role"] = parseOptionValue(*profile, *spec, *defaults.role);
    }
}

LayerInput bindProjectLayer(const LayerBinder& binder, const Catalog& catalog,
                            const ProjectLayer& layer, const BindingDefaults& defaults,
                            Language language, std::vector<Finding>& binding_problems,
                            LayerBindingResult* bound) {
    LayerBindingResult result = binder.bind(layer, language);
    if (result.binding) {
        applyBindingDefaults(*result.binding, catalog, defaults);
    }
    for (Finding& problem : result.problems(layer.id, layer.name)) {
        binding_problems.push_back(std::move(problem));
    }
    LayerInput input{layer.id, layer.name, result.binding, {}};
    if (bound != nullptr) {
        *bound = std::move(result);
    }
    return input;
}

} // namespace geolicence
