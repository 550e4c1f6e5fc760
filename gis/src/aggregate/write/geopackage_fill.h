#pragma once

#include <geolicence/aggregation.h>
#include <geolicence/cell_stream.h>
#include <geolicence/progress.h>

#include <filesystem>
#include <string>

namespace geolicence::detail {

// Fills the empty layer `table` that GDAL has just created in a GeoPackage (columns: fid, the
// geometry, cell_code, [cell_code_short], the group-by fields, n_obs, the aggregates; spatial
// index and triggers in place) with the rows of `cells` (read to its end), through SQLite
// itself.
//
// Why not OGR_L_CreateFeature: millions of output rows are common (5 M NDFF points give 2.7 M
// cell x species rows), and GDAL 3.6 writes them at ~0.3 M/s and then spends half a minute
// inserting them one by one into the R*-tree. Here the rows go in through one prepared statement
// in one transaction with the per-row triggers set aside, and the spatial index is bulk-loaded
// as a packed R-tree (its nodes written directly, in the layout of SQLite's rtree module, as GDAL
// 3.7 does), then the triggers are put back: the file is the GeoPackage GDAL would write.
//
// InputError when SQLite fails; Cancelled when `progress` returns false.
void fillGeoPackage(const std::filesystem::path& path, const std::string& table, CellStream& cells,
                    const ProgressCallback& progress);

} // namespace geolicence::detail
