#include "gdal_support.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/dataset_check.h>
#include <geolicence/errors.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace geolicence {

CheckResult checkDataset(const std::filesystem::path& dataset, const Catalog& catalog,
                         const CheckRequest& request) {
    detail::ensureGdalRegistered();
    const detail::QuietGdalErrors quiet;
    std::error_code error;
    if (!std::filesystem::exists(dataset, error)) {
        throw InputError(dataset.string() + ": no such file");
    }
    std::vector<std::string> layer_names;
    {
        GDALDataset* opened = static_cast<GDALDataset*>(
            GDALOpenEx(dataset.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                       nullptr, nullptr));
        if (opened == nullptr) {
            throw InputError(dataset.string() + ": not a readable vector dataset: " +
                             detail::QuietGdalErrors::openFailure());
        }
        for (int i = 0; i < opened->GetLayerCount(); ++i) {
            layer_names.emplace_back(opened->GetLayer(i)->GetName());
        }
        GDALClose(opened);
    }
    std::vector<LayerInput> inputs;
    std::vector<Finding> problems;
    const std::string file = dataset.filename().string();
    for (const std::string& name : layer_names) {
        LayerInput input{
            layer_names.size() == 1 ? file : file + ":" + name, name, std::nullopt, {}};
        try {
            if (auto licence = readDatasetLicence(dataset, catalog, name)) {
                input.binding = std::move(licence->binding);
            }
        } catch (const InputError& e) {
            problems.push_back(Finding{Severity::Error, input.id, input.name, "", "invalid-binding",
                                       e.what(), ""});
        }
        inputs.push_back(std::move(input));
    }
    CheckResult result;
    result.subject = dataset.string();
    result.decision = evaluate(catalog, request.evaluation, inputs);
    if (!problems.empty()) {
        result.decision.permitted = false;
        result.decision.findings.insert(result.decision.findings.begin(), problems.begin(),
                                        problems.end());
    }
    for (const LayerInput& input : inputs) {
        result.layers.push_back(CheckedLayer{input.id, input.name, input.binding});
    }
    return result;
}

} // namespace geolicence
