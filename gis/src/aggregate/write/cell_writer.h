#pragma once

#include "geolicence/aggregation.h"
#include "geolicence/cell_stream.h"
#include "geolicence/progress.h"
#include "geolicence/run_aggregation.h"

#include <filesystem>
#include <string>
#include <vector>

namespace geolicence {

// outputDriverFor, which names the driver these write with: geolicence/run_aggregation.h.

// Writes every row of `table` as one feature and nothing else: the cell square (in the grid's
// CRS), cell_code (and cell_code_short on the eea grid), the group-by values, n_obs and the
// aggregates. One transaction where the format has them. What GDAL warns about (e.g. field names
// shortened for Shapefile) is added to `warnings`. InputError when GDAL cannot write; Cancelled
// when `progress` returns false (the caller removes the partial file).
void writeCellTable(const CellTable& table, const std::filesystem::path& path,
                    const std::string& driver, const std::string& layer_name,
                    std::vector<std::string>& warnings, const ProgressCallback& progress = {});

// The same for the rows of a stream, read to its end block by block: memory stays bounded
// however many rows there are. Progress follows the stream's fraction.
void writeCells(CellStream& cells, const std::filesystem::path& path, const std::string& driver,
                const std::string& layer_name, std::vector<std::string>& warnings,
                const ProgressCallback& progress = {});

} // namespace geolicence
