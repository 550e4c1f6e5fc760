#pragma once

#include "geolicence/project_check.h"

#include <filesystem>

namespace geolicence {

// Checks a data file (any GDAL vector format): each of its layers with its dataset binding
// (sidecar or GeoPackage metadata). InputError for a file GDAL cannot read.
CheckResult checkDataset(const std::filesystem::path& dataset, const Catalog& catalog,
                         const CheckRequest& request);

} // namespace geolicence
