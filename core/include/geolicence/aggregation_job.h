#pragma once

#include "geolicence/aggregation_spec.h"
#include "geolicence/catalog.h"
#include "geolicence/dataset_binding.h"
#include "geolicence/evaluation.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// "Aggregate to grid" from start to finish, as the CLI and the QGIS plugin run it.
struct AggregationRequest {
    AggregationInput input;
    AggregationSpec spec;
    std::filesystem::path output;
    std::string format; // GDAL driver; empty: from the output's extension
    bool overwrite = false;
    // The input's licence as the user states it; nullopt: read from the input (sidecar or
    // GeoPackage metadata).
    std::optional<LicenceBinding> licence;
    Language language = Language::English;
    // Memory limit and pushdown; the temporary folder for spilled rows goes next to the output
    // unless options.temporary_directory says otherwise.
    AggregationOptions options;
};

} // namespace geolicence
