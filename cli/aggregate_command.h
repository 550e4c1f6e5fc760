#pragma once

#include "command.h"

#include <cstdint>
#include <string>
#include <vector>

namespace geolicence::cli {

// The command line of `geolicence aggregate`, as parsed.
struct AggregateArguments {
    std::string input;
    std::string output;
    std::string layer;
    std::string grid = "rd";
    double cell_size = 1000;
    std::vector<std::string> group_by;
    std::vector<std::string> sum;
    std::vector<std::string> min;
    std::vector<std::string> max;
    std::int64_t min_count = 1;
    std::string assign = "centroid";
    std::string format;
    bool overwrite = false;
    bool progress = false;
    std::string report;
    std::string licence;
    std::vector<std::string> options;
    std::string input_crs;
    std::string language;
    std::string memory_limit; // empty: the default (kDefaultMemoryLimit)
    bool no_pushdown = false;
};

// geolicence aggregate INPUT OUTPUT [--grid G] [--cell-size M] [--group-by F]... [--sum F]...
// [--min F]... [--max F]... [--min-count K] [--assign centroid|intersects] [--format DRIVER]
// [--overwrite] [--progress] [--report FILE.json] [--licence ID [--option K=V]...]
// [--memory-limit SIZE] [--no-pushdown]
// Turns observations into publishable grid counts. Aggregating needs GDAL, so the work runs in
// geolicence-gis (aggregateEntry in gis_entry.h; the body is aggregate_run.cpp).
class AggregateCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    AggregateArguments arguments_;
};

// The work of `geolicence aggregate`: argument checks, the aggregation, the report. Linked into
// geolicence-gis only.
int runAggregate(const AggregateArguments& arguments, const GlobalOptions& options);

} // namespace geolicence::cli
