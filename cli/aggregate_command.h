#pragma once

#include "command.h"

#include <geolicence/aggregation_job.h>

#include <string>

namespace geolicence::cli {

// geolicence aggregate INPUT OUTPUT [--grid G] [--cell-size M] [--group-by F]... [--sum F]...
// [--min F]... [--max F]... [--min-count K] [--assign centroid|intersects] [--format DRIVER]
// [--overwrite] [--progress] [--report FILE.json] [--licence ID [--option K=V]...]
// [--memory-limit SIZE] [--no-pushdown]
// Turns observations into publishable grid counts. The parameters are checked by
// AggregationJob::validate (as in the QGIS plugin); the work needs GDAL, so it runs in
// geolicence-gis.
class AggregateCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;
    bool needsGis() const override { return true; }

private:
    AggregationJob job_; // as the flags state it
    std::string output_;
    bool progress_ = false;
    std::string report_;
    std::string language_;
    bool no_pushdown_ = false;
};

} // namespace geolicence::cli
