#include "check/dataset_precision.h"
#include "gdal_support.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/dataset_check.h>
#include <geolicence/errors.h>
#include <geolicence/project_binding.h>

#include <algorithm>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>

namespace geolicence {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};

// Licences that rule on aggregation (an option `cell_size_m`) are judged on the precision the
// data shows, not on what its binding claims: exact observations relabelled as aggregated
// must not pass. Returns the measured size (0: exact) when it was measured for such a licence.
std::optional<double> measureAndApply(OGRLayer& layer, const Catalog& catalog, Language language,
                                      LayerInput& input, std::vector<Finding>& findings) {
    if (!input.binding || !rulesOnPrecision(catalog, *input.binding)) {
        return std::nullopt;
    }
    return applyMeasuredPrecision(detail::measureLayerPrecision(layer), catalog, language, input,
                                  findings);
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
        if (input.binding) {
            // --role, as for a project's layers (project_binding.h).
            applyBindingDefaults(*input.binding, catalog, request.binding_defaults);
        }
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
        if (input.binding && request.within_territory) {
            ProjectLayer as_layer;
            as_layer.type = "vector";
            as_layer.provider = "ogr";
            as_layer.source = dataset.string() + "|layername=" + name;
            input.facts.within_territory = request.within_territory(as_layer);
        }
        if (const auto size =
                measureAndApply(*layer, catalog, request.evaluation.language, input, notes)) {
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
