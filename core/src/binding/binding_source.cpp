#include <geolicence/binding_json.h>
#include <geolicence/binding_source.h>
#include <geolicence/messages.h>

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
    text += ": " + source.binding->licence_id;
    if (carriesOptions(source) && !source.binding->options.empty()) {
        text += " " + optionsToJson(source.binding->options);
    }
    return text;
}

std::string licensorOf(const Catalog& catalog, const std::string& id) {
    const LicenceProfile* profile = catalog.find(id);
    return profile != nullptr ? profile->licensor : "";
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
            severity, layer_id, layer_name, a.binding->licence_id, "binding-conflict",
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
        if (a.licence_id != b.licence_id) {
            conflict(Severity::Error, *first_explicit, source,
                     say(Msg::BindingConflictLicences, language));
        } else if (carriesOptions(*first_explicit) && carriesOptions(source) &&
                   a.options != b.options) {
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
        const std::string rule_licensor = licensorOf(catalog, source.binding->licence_id);
        const std::string bound_licensor = licensorOf(catalog, first_explicit->binding->licence_id);
        if (rule_licensor != bound_licensor) {
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
