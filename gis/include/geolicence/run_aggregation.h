#pragma once

// An aggregation from start to finish (AggregationRequest, geolicence/aggregation_job.h): read,
// aggregate, write atomically, bind the output to the input's licence.

#include "geolicence/aggregation.h"
#include "geolicence/aggregation_job.h"
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

struct AggregationReport {
    std::string input;
    std::string layer;
    std::string output;
    std::string format;
    AggregationSpec spec;
    AggregationCounts counts;
    std::optional<LicenceBinding> input_licence; // .from says where it was found
    std::optional<DatasetLicence> output_licence;
    std::vector<std::string> warnings;
    double seconds = 0;
    std::uint64_t memory_limit = 0;
    SpillStatistics spill;     // runs == 0: everything fitted in memory
    bool pushed_down = false;  // grouped inside PostGIS
    std::string pushdown_note; // why not, for a PostGIS input

    // Every feature read is accounted for: counted in the output, suppressed, or skipped with a
    // reason (with intersects, features used instead of observations).
    bool conserved() const;
};

// The input's licence (`given`, else what the input carries) after checking that data
// aggregated to `cell_size_m` may be published under it: PrecisionRefused when it is too fine.
// nullopt when the input carries no licence and none is given. InputError for an unreadable
// input or binding.
std::optional<LicenceBinding> checkedInputLicence(const Catalog& catalog,
                                                  const AggregationInput& input,
                                                  const std::optional<LicenceBinding>& given,
                                                  double cell_size_m,
                                                  Language language = Language::English);

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

// The report as JSON (what `geolicence aggregate --report FILE.json` writes).
std::string reportToJson(const AggregationReport& report);

} // namespace geolicence
