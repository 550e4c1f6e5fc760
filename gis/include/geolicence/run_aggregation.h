#pragma once

// An aggregation from start to finish (AggregationRequest, geolicence/aggregation_job.h): read,
// aggregate, write atomically, bind the output to the input's licence.

#include "geolicence/aggregation.h"
#include "geolicence/aggregation_job.h"
#include "geolicence/aggregation_report.h"
#include "geolicence/catalog.h"
#include "geolicence/dataset_binding.h"
#include "geolicence/progress.h"

#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// The GDAL driver to write `output` with: `format` when given (a GDAL short name such as GPKG,
// GeoJSON, FlatGeobuf, "ESRI Shapefile", CSV), else the one its extension names. InputError when
// neither says, or the driver cannot write vector data.
std::string outputDriverFor(const std::filesystem::path& output, const std::string& format = "");

// The input's licence (`given`, else what the input carries) after checking that data
// aggregated to `cell_size_m` may be published under it: PrecisionRefused when it is too fine.
// nullopt when the input carries no licence and none is given. InputError for an unreadable
// input or binding.
std::optional<LicenceBinding> checkedInputLicence(const Catalog& catalog,
                                                  const AggregationInput& input,
                                                  const std::optional<LicenceBinding>& given,
                                                  double cell_size_m,
                                                  Language language = Language::English);

// The GIS wing's answers to AggregationJob::validate: the input's licence (its layer found with
// GDAL when not named) and the output driver (outputDriverFor).
const JobInspector& gdalJobInspector();

// Checks the output path (never the input, an existing file only with `overwrite`), reads the
// input's licence and refuses a cell size finer than it lets anyone publish (PrecisionRefused),
// aggregates, writes the output atomically (a temporary file renamed into place; an error or
// cancel leaves nothing), and binds the output to the input's licence with `cell_size_m` set and
// the attribution owed. Rows that do not fit request.options.memory_limit are spilled to a
// temporary folder next to the output and merged while writing; the folder is gone when this
// returns or throws. Progress runs from 0 to 1 over reading and writing.
//
// InputError for unusable input or output paths; Cancelled when `progress` returns false.
AggregationReport runAggregation(const Catalog& catalog, const AggregationRequest& request,
                                 const ProgressCallback& progress = {});

} // namespace geolicence
