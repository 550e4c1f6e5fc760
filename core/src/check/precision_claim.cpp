#include <geolicence/precision_claim.h>

#include <algorithm>
#include <sstream>

namespace geolicence {

namespace {

std::string metres(double value) {
    std::ostringstream out;
    out << value << " m";
    return out.str();
}

Finding precisionFinding(Severity severity, const LayerInput& input, const BoundLicence& licence,
                         const std::string& rule, const std::string& message) {
    return Finding{severity, input.id, input.name, licence.licence_id, rule, message, ""};
}

bool licenceRulesOnPrecision(const Catalog& catalog, const BoundLicence& licence) {
    const LicenceProfile* profile = catalog.find(licence.licence_id);
    return profile != nullptr && profile->findOption("cell_size_m") != nullptr;
}

void applyToLicence(const MeasuredPrecision& measured, Language language, const LayerInput& input,
                    BoundLicence& licence, std::vector<Finding>& findings) {
    const bool dutch = language == Language::Dutch;
    OptionValues& options = licence.options;
    const auto claim = options.find("cell_size_m");
    const std::optional<double> claimed =
        claim != options.end() && std::holds_alternative<double>(claim->second)
            ? std::optional<double>(std::get<double>(claim->second))
            : std::nullopt;
    if (!measured.measured) {
        findings.push_back(precisionFinding(
            Severity::Warning, input, licence, "precision-not-measured",
            dutch ? "De ruimtelijke nauwkeurigheid kon niet uit de gegevens worden gemeten: " +
                        measured.why_not + "; de opgegeven celgrootte wordt niet gecontroleerd."
                  : "The spatial precision could not be measured from the data: " +
                        measured.why_not + "; the claimed cell size is not verified."));
        return;
    }
    const std::string shown = measured.spacing_m ? metres(*measured.spacing_m)
                                                 : (dutch ? "geen (exact)" : "none (exact)");
    if (claimed && (!measured.spacing_m || *measured.spacing_m < *claimed)) {
        findings.push_back(precisionFinding(
            Severity::Warning, input, licence, "precision-claim-contradicted",
            dutch ? "De binding zegt geaggregeerd tot " + metres(*claimed) +
                        ", maar de punten liggen op geen raster van zoveel: gemeten raster " +
                        shown + " (" + measured.crs + "). De gemeten nauwkeurigheid telt."
                  : "The binding claims aggregation to " + metres(*claimed) +
                        ", but the vertices lie on no grid that coarse: measured grid " + shown +
                        " (" + measured.crs + "). The measured precision counts."));
    } else {
        findings.push_back(precisionFinding(
            Severity::Info, input, licence, "precision-measured",
            dutch ? "Gemeten ruimtelijke nauwkeurigheid: alle hoekpunten op een raster van " +
                        shown + " (" + measured.crs + ")."
                  : "Measured spatial precision: every vertex on a grid of " + shown + " (" +
                        measured.crs + ")."));
    }
    if (measured.spacing_m) {
        options["cell_size_m"] =
            claimed ? std::min(*claimed, *measured.spacing_m) : *measured.spacing_m;
    } else {
        options.erase("cell_size_m");
    }
}

// Visits every licence a layer is judged under: its binding's, and each licence a direct input
// carried that the binding no longer names (evaluate() judges the layer under those too, with
// the input's options, so their cell size claims are measured like the layer's own: an
// aggregated input's claim must not cover exact points whose licence was removed).
template <typename Binding, typename Visit>
void forEachJudgedLicence(Binding& binding, const Visit& visit) {
    for (auto& licence : binding.licences) {
        visit(licence);
    }
    for (auto& input : binding.derived_from) {
        for (auto& licence : input.licences) {
            if (!binding.hasLicence(licence.licence_id)) {
                visit(licence);
            }
        }
    }
}

} // namespace

bool rulesOnPrecision(const Catalog& catalog, const LicenceBinding& binding) {
    bool rules = false;
    forEachJudgedLicence(binding, [&](const BoundLicence& licence) {
        rules = rules || licenceRulesOnPrecision(catalog, licence);
    });
    return rules;
}

std::optional<double> applyMeasuredPrecision(const MeasuredPrecision& measured,
                                             const Catalog& catalog, Language language,
                                             LayerInput& input, std::vector<Finding>& findings) {
    if (!input.binding || !rulesOnPrecision(catalog, *input.binding) || measured.empty) {
        return std::nullopt;
    }
    // Under several licences, each one that rules on precision gets the measured size: a
    // derived layer's claim for one licence cannot hide exact points from another.
    forEachJudgedLicence(*input.binding, [&](BoundLicence& licence) {
        if (licenceRulesOnPrecision(catalog, licence)) {
            applyToLicence(measured, language, input, licence, findings);
        }
    });
    if (!measured.measured) {
        return std::nullopt;
    }
    return measured.spacing_m.value_or(0.0);
}

bool claimsCellSize(const Catalog& catalog, const LicenceBinding& binding) {
    bool claims = false;
    forEachJudgedLicence(binding, [&](const BoundLicence& licence) {
        claims = claims || (licence.options.count("cell_size_m") != 0 &&
                            licenceRulesOnPrecision(catalog, licence));
    });
    return claims;
}

} // namespace geolicence
