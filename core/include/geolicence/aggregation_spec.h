#pragma once

#include "geolicence/grid.h"
#include "geolicence/memory_size.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What an aggregation is asked to do, as both wings and every adapter state it: the grid, the
// grouping, the input and how the machine may be used. Running it is the GIS wing's
// (geolicence/aggregation.h); checking it before a run is AggregationJob's
// (geolicence/aggregation_job.h).

namespace geolicence {

// How a line or polygon finds its cells (points always go to the one cell they lie in).
enum class Assignment : std::uint8_t {
    Centroid,  // the cell of its centroid (GEOS), so every feature counts once
    Intersects // every cell whose interior it reaches, so a feature may count in several
};

std::string_view toString(Assignment assignment);
std::optional<Assignment> parseAssignment(std::string_view text);

// What to aggregate to: the grid, the per-row grouping and the aggregates.
struct AggregationSpec {
    GridKind grid = GridKind::Rd;
    std::int64_t cell_size_m = 1000;
    std::vector<std::string> group_by;
    std::vector<std::string> sum; // numbers
    std::vector<std::string> min; // numbers, dates, date-times
    std::vector<std::string> max;
    // Rows (cell + group values) with fewer observations are left out and only counted: the
    // usual protection of sensitive species.
    std::int64_t min_count = 1;
    Assignment assign = Assignment::Centroid;
};

// What is wrong with `spec` on its face: a cell size the grid cannot use, min_count below 1,
// a field named twice or an output column name taken twice or reserved (cell_code,
// cell_code_short, n_obs). Empty when nothing; aggregateCells throws std::invalid_argument for
// such a spec, so adapters check first and report the problems as usage errors.
std::vector<std::string> specProblems(const AggregationSpec& spec);

// Where the features come from: anything GDAL opens as vector data (a file, or a connection
// string such as PG:...).
struct AggregationInput {
    std::string source;
    std::string layer; // empty: the source's only layer (an error when it has several)
    std::string crs;   // CRS to assume ("EPSG:28992", WKT, PROJJSON); empty: the layer's own
};

// How an aggregation may use the machine and the database it reads from. None of this changes
// the rows: they are the same whether they are grouped in memory, spilled or pushed down.
struct AggregationOptions {
    // When the table of (cell, group) rows would pass this, it is sorted and written to a
    // temporary file (a run), and the runs are merged when the input is read. Up to 96 MB of it
    // is set aside for reading and writing (GDAL's batches, SQLite's page cache).
    std::uint64_t memory_limit = kDefaultMemoryLimit;
    // Where the temporary folder for runs is made (a hidden folder, removed when the rows have
    // been read or the work fails); empty: the system's temporary directory.
    std::filesystem::path temporary_directory;
    // Group a PostGIS table inside the database when SQL can give the very same rows.
    bool pushdown = true;
};

} // namespace geolicence
