#include "gis_entry.h"

#include <geolicence/pdf_check.h>

namespace geolicence::cli {

void rememberCommandLine(int /*argc*/, char** /*argv*/) {}

void requireGis() {}

CheckResult checkDatasetEntry(const std::filesystem::path& dataset, const Catalog& catalog,
                              const CheckRequest& request) {
    return checkDataset(dataset, catalog, request);
}

CheckResult checkPdfEntry(const std::filesystem::path& pdf, const Project& project,
                          const Catalog& catalog, const CheckRequest& request) {
    return checkPdf(pdf, project, catalog, request);
}

int aggregateEntry(const AggregateArguments& arguments, const GlobalOptions& options) {
    return runAggregate(arguments, options);
}

} // namespace geolicence::cli
