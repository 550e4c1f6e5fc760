#include "gis_entry.h"

namespace geolicence::cli {

void rememberCommandLine(int /*argc*/, char** /*argv*/) {}

void requireGis() {}

CheckResult checkDatasetEntry(const std::filesystem::path& dataset, const Catalog& catalog,
                              const CheckRequest& request) {
    return checkDataset(dataset, catalog, request);
}

int aggregateEntry(const AggregateArguments& arguments, const GlobalOptions& options) {
    return runAggregate(arguments, options);
}

} // namespace geolicence::cli
