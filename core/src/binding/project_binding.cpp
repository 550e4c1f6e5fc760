#include <geolicence/derivation.h>
#include <geolicence/layer_references.h>
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

// Virtual layers over virtual layers are followed this deep; a definition that refers back to
// itself (QGIS refuses to load one, but a file can say so) stops where it loops.
constexpr int kMaxReferenceDepth = 16;

struct ReferenceWalk {
    const LayerBinder& binder;
    const Catalog& catalog;
    const BindingDefaults& defaults;
    Language language;
    const ProjectLayerLookup& lookup;
    std::vector<std::string> path; // the layers being bound, outermost first
};

std::optional<LicenceBinding> effectiveBinding(ReferenceWalk& walk, const ProjectLayer& layer,
                                               LayerBindingResult& result);

// The licences `layer`'s references bring, added to `binding` (created when the layer has none
// of its own), every reference recorded as an input.
void addReferencedLicences(ReferenceWalk& walk, const ProjectLayer& layer,
                           const LayerReferences& references,
                           std::optional<LicenceBinding>& binding) {
    std::vector<DerivationSource> sources;
    walk.path.push_back(layer.id);
    for (const std::string& id : references.layer_ids) {
        std::optional<ProjectLayer> referenced = walk.lookup ? walk.lookup(id) : std::nullopt;
        const bool loops = std::find(walk.path.begin(), walk.path.end(), id) != walk.path.end() ||
                           walk.path.size() >= static_cast<std::size_t>(kMaxReferenceDepth);
        if (!referenced || loops) {
            sources.push_back({id, std::nullopt});
            continue;
        }
        LayerBindingResult ignored;
        sources.push_back({referenced->name.empty() ? id : referenced->name,
                           effectiveBinding(walk, *referenced, ignored)});
    }
    for (const ProjectLayer& data : references.data) {
        LayerBindingResult ignored;
        sources.push_back({data.source, effectiveBinding(walk, data, ignored)});
    }
    walk.path.pop_back();
    const Derivation derivation = derive(sources, "", references.tool);
    if (!binding) {
        binding = LicenceBinding{};
        binding->from = references.tool;
    } else {
        binding->from += " + " + references.tool;
    }
    for (BoundLicence licence : derivation.binding.licences) {
        // A source's aggregation (its claimed cell size) says nothing of what SQL or a join
        // makes of it, and `check PROJECT` cannot read a virtual layer's result to measure it:
        // what the layer shows counts as exact, on both sides, unless its own binding claims
        // otherwise (then measured as any claim).
        licence.options.erase("cell_size_m");
        addLicence(binding->licences, licence);
    }
    binding->derived_from.insert(binding->derived_from.end(),
                                 derivation.binding.derived_from.begin(),
                                 derivation.binding.derived_from.end());
}

std::optional<LicenceBinding> effectiveBinding(ReferenceWalk& walk, const ProjectLayer& layer,
                                               LayerBindingResult& result) {
    result = walk.binder.bind(layer, walk.language);
    if (result.binding) {
        applyBindingDefaults(*result.binding, walk.catalog, walk.defaults);
    }
    const LayerReferences references = layerReferences(layer);
    if (!references.empty()) {
        addReferencedLicences(walk, layer, references, result.binding);
    }
    return result.binding;
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
                            LayerBindingResult* bound, const ProjectLayerLookup& lookup) {
    ReferenceWalk walk{binder, catalog, defaults, language, lookup, {}};
    LayerBindingResult result;
    effectiveBinding(walk, layer, result);
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
