#pragma once

#include "aggregate_command.h"

#include <geolicence/dataset_check.h>
#include <geolicence/project.h>

namespace geolicence::cli {

// GDAL loads about a hundred shared libraries (~60 ms) before main() runs. `geolicence` is
// built without it, so checking a project in CI stays fast; the work that needs GDAL (datasets
// of any format, aggregation) runs in `geolicence-gis`, the same CLI linked with GDAL, to which
// `geolicence` hands over its whole command line. Each binary links one implementation of the
// functions below: in-process (gis_entry_direct.cpp) or hand-over (gis_entry_handover.cpp).

// Called first in main(), so a hand-over can repeat the exact command line.
void rememberCommandLine(int argc, char** argv);

// Returns when this process can read datasets itself; otherwise hands the whole command over
// (for work that will need GDAL before it has printed anything, such as a folder check).
void requireGis();

CheckResult checkDatasetEntry(const std::filesystem::path& dataset, const Catalog& catalog,
                              const CheckRequest& request);

// `check MAP.pdf --project P --layout L`: poppler, like GDAL, is loaded by geolicence-gis only.
CheckResult checkPdfEntry(const std::filesystem::path& pdf, const Project& project,
                          const Catalog& catalog, const CheckRequest& request);

int aggregateEntry(const AggregateArguments& arguments, const GlobalOptions& options);

} // namespace geolicence::cli
