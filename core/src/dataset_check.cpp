#include "dataset_precision.h"
#include "gdal_support.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/dataset_check.h>
#include <geolicence/errors.h>

#include <algorithm>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <sstream>

namespace geolicence {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};

std::string metres(double value) {
    std::ostringstream out;
    out << value << " m";
    return out.str();
}

Finding precisionFinding(Severity severity, const LayerInput& input, const std::string& rule,
                         const std::string& message) {
    return Finding{severity, input.id, input.name, input.binding->licence_id, rule, message, ""};
}

// Licences that rule on aggregation (an option `cell_size_m`) are judged on the precision the
// data shows, not on what its binding claims: exact observations relabelled as aggregated
// must not pass. The measured size replaces the claimed one, never the other way round.
// Returns the measured size (0: exact) when it was measured for such a licence.
std::optional<double> applyMeasuredPrecision(OGRLayer& layer, const Catalog& catalog,
                                             Language language, LayerInput& input,
                                             std::vector<Finding>& findings) {
    if (!input.binding) {
        return std::nullopt;
    }
    const LicenceProfile* profile = catalog.find(input.binding->licence_id);
    if (profile == nullptr || profile->findOption("cell_size_m") == nullptr) {
        return std::nullopt;
    }
    const bool dutch = language == Language::Dutch;
    const detail::MeasuredPrecision measured = detail::measureLayerPrecision(layer);
    OptionValues& options = input.binding->options;
    const auto claim = options.find("cell_size_m");
    const std::optional<double> claimed =
        claim != options.end() && std::holds_alternative<double>(claim->second)
            ? std::optional<double>(std::get<double>(claim->second))
            : std::nullopt;
    if (measured.empty) {
        return std::nullopt;
    }
    if (!measured.measured) {
        findings.push_back(precisionFinding(
            Severity::Warning, input, "precision-not-measured",
            dutch ? "De ruimtelijke nauwkeurigheid kon niet uit de gegevens worden gemeten: " +
                        measured.why_not + "; de opgegeven celgrootte wordt niet gecontroleerd."
                  : "The spatial precision could not be measured from the data: " +
                        measured.why_not + "; the claimed cell size is not verified."));
        return std::nullopt;
    }
    const std::string shown = measured.spacing_m ? metres(*measured.spacing_m)
                                                 : (dutch ? "geen (exact)" : "none (exact)");
    if (claimed && (!measured.spacing_m || *measured.spacing_m < *claimed)) {
        findings.push_back(precisionFinding(
            Severity::Warning, input, "precision-claim-contradicted",
            dutch ? "De binding zegt geaggregeerd tot " + metres(*claimed) +
                        ", maar de punten liggen op geen raster van zoveel: gemeten raster " +
                        shown + " (" + measured.crs + "). De gemeten nauwkeurigheid telt."
                  : "The binding claims aggregation to " + metres(*claimed) +
                        ", but the vertices lie on no grid that coarse: measured grid " + shown +
                        " (" + measured.crs + "). The measured precision counts."));
    } else {
        findings.push_back(precisionFinding(
            Severity::Info, input, "precision-measured",
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
    return measured.spacing_m.value_or(0.0);
}

} // namespace

CheckResult checkDataset(const std::filesystem::path& dataset, const Catalog& catalog,
                         const CheckRequest& request) {
    detail::ensureGdalRegistered();
    const detail::QuietGdalErrors quiet;
    std::error_code error;
    if (!std::filesystem::exists(dataset, error)) {
        throw InputError(dataset.string() + ": no such file");
    }
    const CPLStringList open_options = detail::vectorOpenOptions(dataset.string());
    const std::unique_ptr<GDALDataset, DatasetCloser> opened(static_cast<GDALDataset*>(
        GDALOpenEx(dataset.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                   open_options.List(), nullptr)));
    if (!opened) {
        throw InputError(dataset.string() + ": not a readable vector dataset: " +
                         detail::QuietGdalErrors::openFailure());
    }
    std::vector<LayerInput> inputs;
    std::vector<Finding> problems;
    std::vector<Finding> notes;
    std::optional<double> finest; // the finest measured precision of any layer
    const std::string file = dataset.filename().string();
    const int layer_count = opened->GetLayerCount();
    for (int i = 0; i < layer_count; ++i) {
        OGRLayer* layer = opened->GetLayer(i);
        const std::string name = layer->GetName();
        LayerInput input{layer_count == 1 ? file : file + ":" + name, name, std::nullopt, {}};
        const std::vector<BindingSource> sources =
            readDatasetLicenceSources(dataset, catalog, name);
        input.binding = chosenBinding(sources);
        for (const BindingSource& source : sources) {
            if (!source.error.empty()) {
                problems.push_back(Finding{Severity::Error, input.id, input.name, "",
                                           "invalid-binding", source.error, ""});
            }
        }
        for (Finding& conflict : bindingConflicts(sources, catalog, input.id, input.name,
                                                  request.evaluation.language)) {
            problems.push_back(std::move(conflict));
        }
        if (const auto size = applyMeasuredPrecision(*layer, catalog, request.evaluation.language,
                                                     input, notes)) {
            finest = std::min(finest.value_or(*size), *size);
        }
        inputs.push_back(std::move(input));
    }
    CheckResult result;
    result.subject = dataset.string();
    EvaluationRequest evaluation = request.evaluation;
    // A caller's claim that the data is aggregated cannot outweigh what was measured either.
    if (finest && evaluation.context.cell_size_m && *finest < *evaluation.context.cell_size_m) {
        evaluation.context.cell_size_m = *finest;
    }
    result.decision = evaluate(catalog, evaluation, inputs);
    addBindingProblems(result.decision, problems);
    result.decision.findings.insert(result.decision.findings.end(), notes.begin(), notes.end());
    for (const LayerInput& input : inputs) {
        result.layers.push_back(CheckedLayer{input.id, input.name, input.binding});
    }
    return result;
}

} // namespace geolicence
