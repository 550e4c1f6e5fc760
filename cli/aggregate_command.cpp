#include "aggregate_command.h"

#include "gis_entry.h"

namespace geolicence::cli {

void AggregateCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("aggregate",
                              "Aggregate point (or line/polygon) data to grid cells that may be "
                              "published: counts and aggregates per cell, nothing finer");
    app_->add_option("INPUT", arguments_.input, "Input dataset (any GDAL vector source)")
        ->required();
    app_->add_option("OUTPUT", arguments_.output,
                     "Output file (.gpkg, .geojson, .fgb, .shp, .csv, ...)")
        ->required();
    app_->add_option("--layer", arguments_.layer, "Input layer (default: the only one)");
    app_->add_option("--grid", arguments_.grid, "Grid: rd, eea, be-lambert2008, be-lambert72")
        ->check(CLI::IsMember({"rd", "eea", "be-lambert2008", "be-lambert72"}))
        ->capture_default_str();
    app_->add_option("--cell-size", arguments_.cell_size,
                     "Cell size in metres (rd/eea: a multiple of 1000; 5000 = uurhok)")
        ->capture_default_str();
    app_->add_option("--group-by", arguments_.group_by,
                     "Field to group by within a cell (repeatable)");
    app_->add_option("--sum", arguments_.sum, "Numeric field to sum per row: sum_<F> (repeatable)");
    app_->add_option("--min", arguments_.min, "Number or date field: min_<F> (repeatable)");
    app_->add_option("--max", arguments_.max, "Number or date field: max_<F> (repeatable)");
    app_->add_option("--min-count", arguments_.min_count,
                     "Leave out rows with fewer observations (they are counted in the report)")
        ->capture_default_str();
    app_->add_option("--assign", arguments_.assign,
                     "Lines/polygons: centroid (one cell) or intersects (every cell reached)")
        ->check(CLI::IsMember({"centroid", "intersects"}))
        ->capture_default_str();
    app_->add_option("--format", arguments_.format,
                     "GDAL output driver (default: from the extension)");
    app_->add_flag("--overwrite", arguments_.overwrite, "Replace an existing output");
    app_->add_flag("--progress", arguments_.progress, "Show GDAL-style progress on stderr");
    app_->add_option("--report", arguments_.report, "Also write the report as JSON to this file");
    app_->add_option("--licence", arguments_.licence,
                     "The input's licence, when the input does not carry one (see: geolicence "
                     "licences list)");
    app_->add_option("--option", arguments_.options,
                     "Option of --licence, NAME=VALUE (repeatable)");
    app_->add_option("--input-crs", arguments_.input_crs,
                     "CRS of the input's coordinates when the file does not say (e.g. "
                     "EPSG:28992)");
    app_->add_option("--memory-limit", arguments_.memory_limit,
                     "Memory for the table of rows before it spills sorted runs to a temporary "
                     "folder next to the output, e.g. 512M, 1G, 64K (default 1G)");
    app_->add_flag("--no-pushdown", arguments_.no_pushdown,
                   "PostGIS input: read the features and group them here, not in the database");
    addLanguageOption(*app_, arguments_.language);
}

int AggregateCommand::run(const GlobalOptions& options) {
    return aggregateEntry(arguments_, options);
}

} // namespace geolicence::cli
