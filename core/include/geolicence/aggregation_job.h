#pragma once

#include "geolicence/aggregation_spec.h"
#include "geolicence/catalog.h"
#include "geolicence/dataset_binding.h"
#include "geolicence/evaluation.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// "Aggregate to grid" from start to finish, as the CLI and the QGIS plugin run it
// (runAggregation, geolicence/run_aggregation.h), once AggregationJob::validate has passed it.
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
    // The day the output is made (YYYY-MM-DD), recorded in its provenance; empty: today.
    std::string date;
    // Memory limit and pushdown; the temporary folder for spilled rows goes next to the output
    // unless options.temporary_directory says otherwise.
    AggregationOptions options;
};

// What validating a job must learn from the files themselves. The core opens no dataset with
// GDAL, so the GIS wing answers (gdalJobInspector(), geolicence/run_aggregation.h); tests may
// answer with fixed values.
class JobInspector {
public:
    virtual ~JobInspector() = default;
    // The licence `input` carries (a sidecar, or GeoPackage metadata of its layer); nullopt:
    // none. InputError when the input or its binding cannot be read.
    virtual std::optional<LicenceBinding> inputLicence(const Catalog& catalog,
                                                       const AggregationInput& input) const = 0;
    // The GDAL driver that writes `output` (`format` when given). InputError when none can.
    virtual std::string outputDriver(const std::filesystem::path& output,
                                     const std::string& format) const = 0;
};

// What is wrong with a job, and whose fault it is: the adapters map the kind to their way of
// saying no (the CLI's exit codes 2, 3 and 1).
struct JobProblem {
    enum class Kind {
        Usage,   // a parameter that makes no sense (an unknown licence, a cell size the grid
                 // cannot use, an output that would overwrite the input)
        Input,   // the input or its licence binding cannot be read
        Refused, // the input's licence does not let anyone publish data this fine
    };
    Kind kind = Kind::Usage;
    std::string message;
};

// An aggregation as a user states it, in the words of `geolicence aggregate`'s flags and the
// Processing algorithm's parameters, before anything is checked.
struct AggregationJob {
    AggregationInput input;
    std::filesystem::path output;
    std::string format; // GDAL driver; empty: from the output's extension
    bool overwrite = false;
    std::string grid = "rd";
    double cell_size_m = 1000; // as given: checked against the grid before it becomes whole metres
    std::vector<std::string> group_by;
    std::vector<std::string> sum;
    std::vector<std::string> min;
    std::vector<std::string> max;
    std::int64_t min_count = 1;
    std::string assign = "centroid";
    // The input's licence as the user names it (`--licence ID --option NAME=VALUE`) ...
    std::string licence_id;
    std::vector<std::string> licence_options;
    // ... or as the layer is bound already (the plugin); neither: the one the input carries.
    std::optional<LicenceBinding> licence;
    std::string memory_limit; // "512M", "1G"; empty: kDefaultMemoryLimit
    bool pushdown = true;
    Language language = Language::English;

    struct Validation {
        // In the order a user should read them: usage problems of the licence first, then the
        // input's licence (unreadable, or refusing this cell size: "NDFF allows 1 km at the
        // finest" says more than "500 is no multiple of 1000"), then the grid, the spec and the
        // output. Checking stops at the first step that has a problem.
        std::vector<JobProblem> problems;
        AggregationRequest request; // complete when `problems` is empty
        bool ok() const { return problems.empty(); }
    };

    // The one place where an aggregation's parameters are checked: the CLI and the QGIS plugin
    // both ask here and run the request only when it is clean.
    Validation validate(const Catalog& catalog, const JobInspector& inspector) const;
};

} // namespace geolicence
