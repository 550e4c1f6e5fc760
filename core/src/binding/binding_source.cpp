#include <geolicence/binding_json.h>
#include <geolicence/binding_source.h>
#include <geolicence/messages.h>

#include <algorithm>

namespace geolicence {

namespace {

bool isExplicit(const BindingSource& source) {
    return source.from != kFromSourceRule;
}

// Layer metadata names a licence but cannot carry options: only the licence is compared.
bool carriesOptions(const BindingSource& source) {
    return source.from != "layer-metadata" && source.from != kFromSourceRule;
}

std::string describe(const BindingSource& source) {
    std::string text = source.from;
    if (!source.where.empty()) {
        text += " (" + source.where + ")";
    }
    const std::vector<BoundLicence>& licences = source.binding->licences;
    for (std::size_t i = 0; i < licences.size(); ++i) {
        text += (i == 0 ? ": " : " + ") + licences[i].licence_id;
        if (carriesOptions(source) && !licences[i].options.empty()) {
            text += " " + optionsToJson(licences[i].options);
        }
    }
    return text;
}

std::string licensorOf(const Catalog& catalog, const std::string& id) {
    const LicenceProfile* profile = catalog.find(id);
    return profile != nullptr ? profile->licensor : "";
}

std::vector<std::string> idsOf(const LicenceBinding& binding) {
    std::vector<std::string> ids;
    for (const BoundLicence& licence : binding.licences) {
        if (std::find(ids.begin(), ids.end(), licence.licence_id) == ids.end()) {
            ids.push_back(licence.licence_id);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

std::optional<LicenceBinding> chosenBinding(const std::vector<BindingSource>& sources) {
    for (const bool want_explicit : {true, false}) {
        for (const BindingSource& source : sources) {
            if (source.binding && isExplicit(source) == want_explicit) {
                return source.binding;
            }
        }
    }
    return std::nullopt;
}

std::vector<Finding> bindingConflicts(const std::vector<BindingSource>& sources,
                                      const Catalog& catalog, const std::string& layer_id,
                                      const std::string& layer_name, Language language) {
    std::vector<Finding> findings;
    auto conflict = [&](Severity severity, const BindingSource& a, const BindingSource& b,
                        const std::string& what) {
        findings.push_back(Finding{
            severity, layer_id, layer_name, a.binding->describeIds(), "binding-conflict",
            say(Msg::BindingConflict, language, {layer_name, what, describe(a), describe(b)}), ""});
    };
    const BindingSource* first_explicit = nullptr;
    for (const BindingSource& source : sources) {
        if (!source.binding || !isExplicit(source)) {
            continue;
        }
        if (first_explicit == nullptr) {
            first_explicit = &source;
            continue;
        }
        const LicenceBinding& a = *first_explicit->binding;
        const LicenceBinding& b = *source.binding;
        // Carriers hold the same licences when they name the same set; the order is not
        // part of what they say.
        if (idsOf(a) != idsOf(b)) {
            conflict(Severity::Error, *first_explicit, source,
                     say(Msg::BindingConflictLicences, language));
        } else if (carriesOptions(*first_explicit) && carriesOptions(source) &&
                   !sameLicences(a.licences, b.licences)) {
            conflict(Severity::Error, *first_explicit, source,
                     say(Msg::BindingConflictOptions, language));
        }
    }
    if (first_explicit == nullptr) {
        return findings;
    }
    for (const BindingSource& source : sources) {
        if (!source.binding || isExplicit(source)) {
            continue;
        }
        // The rule names the licensor of the service; a binding that includes a licence of
        // that licensor agrees with it (derived data may add others).
        const std::string rule_licensor =
            licensorOf(catalog, source.binding->licences.front().licence_id);
        std::string bound_licensor;
        bool agrees = false;
        for (const BoundLicence& bound : first_explicit->binding->licences) {
            const std::string licensor = licensorOf(catalog, bound.licence_id);
            bound_licensor += (bound_licensor.empty() ? "" : ", ") + licensor;
            agrees = agrees || licensor == rule_licensor;
        }
        if (!agrees) {
            conflict(Severity::Warning, *first_explicit, source,
                     say(Msg::BindingConflictLicensor, language, {rule_licensor, bound_licensor}));
        }
    }
    return findings;
}

void addBindingProblems(Decision& decision, const std::vector<Finding>& problems) {
    for (const Finding& problem : problems) {
        if (problem.severity == Severity::Error) {
            decision.restrict(Verdict::Prohibited);
        }
    }
    decision.findings.insert(decision.findings.begin(), problems.begin(), problems.end());
}

} // namespace geolicence
