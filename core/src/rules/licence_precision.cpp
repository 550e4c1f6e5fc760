#include <geolicence/licence_precision.h>

#include <algorithm>
#include <cmath>

namespace geolicence {

namespace {

// Coarser than any grid anyone publishes on: what is refused here is refused for other reasons.
constexpr double kCoarse = 1e7;

Decision publishAt(const Catalog& catalog, const LicenceBinding& binding, double cell_size_m,
                   Language language) {
    EvaluationRequest request;
    request.action = Action::Publish;
    request.context.cell_size_m = cell_size_m;
    request.language = language;
    LayerInput layer;
    layer.id = "input";
    layer.name = "input";
    layer.binding = binding;
    return evaluate(catalog, request, {layer});
}

// The prohibiting findings at this size that do not occur at a coarse size.
std::vector<Finding> precisionFindings(const Decision& at, const Decision& coarse) {
    std::vector<Finding> findings;
    for (const Finding& finding : at.findings) {
        if (finding.severity != Severity::Error) {
            continue;
        }
        const bool also_coarse =
            std::any_of(coarse.findings.begin(), coarse.findings.end(), [&](const Finding& f) {
                return f.severity == Severity::Error && f.rule == finding.rule &&
                       f.licence == finding.licence;
            });
        if (!also_coarse) {
            findings.push_back(finding);
        }
    }
    return findings;
}

std::string formatMetres(double metres) {
    if (metres == std::floor(metres) && std::fabs(metres) < 1e15) {
        return std::to_string(static_cast<long long>(metres));
    }
    return std::to_string(metres);
}

} // namespace

std::optional<PrecisionRefusal> precisionRefusal(const Catalog& catalog,
                                                 const LicenceBinding& binding, double cell_size_m,
                                                 Language language) {
    const Decision coarse = publishAt(catalog, binding, kCoarse, language);
    const Decision at = publishAt(catalog, binding, cell_size_m, language);
    std::vector<Finding> findings = precisionFindings(at, coarse);
    if (findings.empty()) {
        return std::nullopt;
    }
    PrecisionRefusal refusal;
    refusal.cell_size_m = cell_size_m;
    refusal.findings = std::move(findings);
    // Under several licences, the ones whose clauses refuse the size are named.
    std::vector<std::string> refusing;
    for (const Finding& finding : refusal.findings) {
        if (std::find(refusing.begin(), refusing.end(), finding.licence) == refusing.end()) {
            refusing.push_back(finding.licence);
            refusal.licence += (refusal.licence.empty() ? "" : " + ") + finding.licence;
        }
    }
    for (const Finding& finding : refusal.findings) {
        const LicenceProfile* profile = catalog.find(finding.licence);
        std::string clause;
        for (std::size_t r = 0; profile != nullptr && r < profile->rules.size(); ++r) {
            if (profile->rules[r].id == finding.rule) {
                clause = profile->rules[r].clause;
            }
        }
        refusal.clauses.push_back(clause);
    }
    // The smallest allowed whole-metre size, assuming coarser never hurts (as for every
    // "at least N m" clause).
    const auto refused = [&](double size) {
        return !precisionFindings(publishAt(catalog, binding, size, language), coarse).empty();
    };
    double low = std::floor(cell_size_m);
    double high = kCoarse;
    if (!refused(high)) {
        while (high - low > 1) {
            const double middle = std::floor((low + high) / 2);
            (refused(middle) ? low : high) = middle;
        }
        refusal.minimum_cell_size_m = high;
    }
    return refusal;
}

std::string describe(const PrecisionRefusal& refusal) {
    std::string text = "licence " + refusal.licence +
                       " does not allow publishing data aggregated " + "to " +
                       formatMetres(refusal.cell_size_m) + " m cells";
    for (std::size_t i = 0; i < refusal.findings.size(); ++i) {
        const Finding& finding = refusal.findings[i];
        text += i == 0 ? ": " : "; ";
        std::string message = finding.message;
        if (!message.empty() && message.back() == '.') {
            message.pop_back();
        }
        text += (refusal.clauses[i].empty() ? finding.rule : refusal.clauses[i]) + ": " + message;
        text += finding.cite.empty() ? "" : " (" + finding.cite + ")";
    }
    if (refusal.minimum_cell_size_m) {
        text +=
            "; use a cell size of at least " + formatMetres(*refusal.minimum_cell_size_m) + " m";
    }
    return text;
}

std::vector<std::string> attributionTexts(const Catalog& catalog, const LicenceBinding& binding,
                                          double cell_size_m, Language language) {
    std::vector<std::string> texts;
    const auto collect = [&](const Decision& decision) {
        for (const Duty& duty : decision.duties) {
            if (duty.type == DutyType::Attribute && !duty.text.empty() &&
                std::find(texts.begin(), texts.end(), duty.text) == texts.end()) {
                texts.push_back(duty.text);
            }
        }
    };
    collect(publishAt(catalog, binding, cell_size_m, language));
    if (texts.empty()) {
        EvaluationRequest request;
        request.action = Action::Display;
        request.context.recipient = "public";
        request.context.cell_size_m = cell_size_m;
        request.language = language;
        LayerInput layer;
        layer.id = "input";
        layer.binding = binding;
        collect(evaluate(catalog, request, {layer}));
    }
    return texts;
}

} // namespace geolicence
