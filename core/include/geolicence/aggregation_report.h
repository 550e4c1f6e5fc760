#pragma once

#include "geolicence/aggregation_spec.h"
#include "geolicence/dataset_binding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What an aggregation did, feature by feature accounted for: what runAggregation
// (geolicence/run_aggregation.h) returns, and what the adapters show.

namespace geolicence {

// Features that were read but have no usable geometry, by reason.
struct SkippedFeatures {
    std::int64_t null_geometry = 0;
    std::int64_t empty = 0;
    std::int64_t invalid = 0;          // a line or polygon GEOS calls invalid (or without centroid)
    std::int64_t non_finite = 0;       // a NaN or infinite coordinate
    std::int64_t transform_failed = 0; // PROJ could not take it to the grid's CRS
    // A cell number beyond 32 bits (more than 2 million km from the origin on a 1 km grid, or a
    // coordinate beyond 2^52 m): no place on Earth, and no cell code anyone could publish.
    std::int64_t out_of_range = 0;

    std::int64_t total() const {
        return null_geometry + empty + invalid + non_finite + transform_failed + out_of_range;
    }
};

struct AggregationCounts {
    std::int64_t features_read = 0;
    std::int64_t features_used = 0; // with a usable geometry: features_read - skipped.total()
    SkippedFeatures skipped;
    // Observations as counted in n_obs: one per used feature with Centroid, one per (feature,
    // cell) with Intersects.
    std::int64_t observations = 0;
    std::int64_t observations_written = 0;
    std::int64_t observations_suppressed = 0;
    std::int64_t rows_written = 0;
    std::int64_t rows_suppressed = 0;
    std::int64_t cells_written = 0; // distinct cells among the rows written
    std::int64_t larger_than_cell = 0;
    // Features transformed to the grid's CRS that lie outside its EPSG area of use: counted in
    // their cells like any other (PROJ transformed them), and reported so a user can check them.
    std::int64_t outside_area = 0;
};

// What spilling cost, when the rows did not fit the memory limit.
struct SpillStatistics {
    std::int64_t runs = 0;   // sorted runs written (intermediate merges included)
    std::int64_t bytes = 0;  // bytes written to the temporary folder
    std::int64_t passes = 0; // merge passes before the final one (many runs: merged in groups)
};

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

// The report as JSON (what `geolicence aggregate --report FILE.json` writes).
std::string reportToJson(const AggregationReport& report);

} // namespace geolicence
