#include "aggregate_command.h"

#include "gis_wing.h"

#include <geolicence/aggregation_report.h>
#include <geolicence/data_source.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/memory_size.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace geolicence::cli {

namespace {

volatile std::sig_atomic_t interrupted = 0;

extern "C" void onInterrupt(int /*signal*/) {
    interrupted = 1;
}

// Ctrl-C (and a polite kill) only raises a flag: the aggregation stops at its next progress
// report, removes its temporary output and returns, so no half-written file is left. A second
// Ctrl-C finds the default action restored and ends the process at once.
class InterruptGuard {
public:
    InterruptGuard() {
        struct sigaction action {};
        action.sa_handler = onInterrupt;
        action.sa_flags = SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &old_int_);
        sigaction(SIGTERM, &action, &old_term_);
        interrupted = 0;
    }
    ~InterruptGuard() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

// GDAL's progress bar, 0...10...20...30...40...50...60...70...80...90...100 - done., on stderr
// so that stdout keeps the report.
class ProgressBar {
public:
    void update(double fraction) {
        const int tick = static_cast<int>(std::min(1.0, std::max(0.0, fraction)) * 40);
        while (last_ < tick) {
            ++last_;
            if (last_ % 4 == 0) {
                std::fprintf(stderr, "%d", last_ / 4 * 10);
            } else {
                std::fputc('.', stderr);
            }
        }
        if (last_ == 40 && !done_) {
            std::fputs(" - done.\n", stderr);
            done_ = true;
        }
        std::fflush(stderr);
    }
    void start() {
        started_ = true;
        std::fputc('0', stderr);
        std::fflush(stderr);
    }
    // Ends the bar's line when the work stops early, so the error gets a line of its own.
    void finishLine() {
        if (started_ && !done_) {
            std::fputc('\n', stderr);
        }
    }

private:
    bool started_ = false;
    int last_ = 0;
    bool done_ = false;
};

std::string thousands(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

void printSummary(const AggregationReport& report) {
    const AggregationCounts& c = report.counts;
    const SkippedFeatures& s = c.skipped;
    std::ostringstream out;
    out << "aggregated " << report.input << " (layer " << report.layer << ") to the "
        << toString(report.spec.grid) << " grid (EPSG:" << gridEpsg(report.spec.grid) << "), "
        << report.spec.cell_size_m << " m cells\n";
    out << "  features read        " << thousands(c.features_read) << "\n";
    out << "  counted in n_obs     " << thousands(c.observations_written);
    if (report.spec.assign == Assignment::Intersects) {
        out << " (" << thousands(c.features_used) << " features, --assign intersects)";
    }
    out << "\n";
    if (report.spec.min_count > 1) {
        out << "  suppressed           " << thousands(c.observations_suppressed) << " in "
            << thousands(c.rows_suppressed) << " rows with fewer than " << report.spec.min_count
            << " observations\n";
    }
    out << "  skipped              " << thousands(s.total()) << " (no geometry "
        << thousands(s.null_geometry) << ", empty " << thousands(s.empty) << ", invalid "
        << thousands(s.invalid) << ", NaN/infinite " << thousands(s.non_finite)
        << ", transformation failed " << thousands(s.transform_failed) << ", out of range "
        << thousands(s.out_of_range) << ")\n";
    if (c.outside_area > 0) {
        out << "  outside area of use  " << thousands(c.outside_area)
            << " features (transformed and counted)\n";
    }
    out << "  accounted for        " << (report.conserved() ? "all " : "NOT all ")
        << thousands(c.features_read) << " features\n";
    if (c.larger_than_cell > 0) {
        out << "  larger than a cell   " << thousands(c.larger_than_cell) << " features\n";
    }
    if (report.pushed_down) {
        out << "  grouped in           PostGIS (pushdown)\n";
    } else if (!report.pushdown_note.empty()) {
        out << "  grouped here         " << report.pushdown_note << "\n";
    }
    if (report.spill.runs > 0) {
        out << "  spilled              " << thousands(report.spill.runs) << " sorted runs ("
            << memorySizeText(static_cast<std::uint64_t>(report.spill.bytes))
            << ") over the memory limit of " << memorySizeText(report.memory_limit) << ", merged\n";
    }
    out << "  written              " << thousands(c.rows_written) << " rows in "
        << thousands(c.cells_written) << " cells to " << report.output << " (" << report.format
        << ")\n";
    if (report.output_licence) {
        out << "  licence              " << report.output_licence->binding.describeIds();
        if (report.input_licence) {
            out << " (input's, from " << report.input_licence->from << ")";
        }
        out << ", output bound with cell_size_m=" << report.spec.cell_size_m << "\n";
        for (const DerivedInput& input : report.output_licence->binding.derived_from) {
            out << "  derived from         " << input.source << " (" << input.tool << ", "
                << input.date << ")\n";
        }
        for (const std::string& text : report.output_licence->attribution) {
            out << "  attribution          " << text << "\n";
        }
    } else {
        out << "  licence              none\n";
    }
    std::cout << out.str();
}

} // namespace

void AggregateCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("aggregate",
                              "Aggregate point (or line/polygon) data to grid cells that may be "
                              "published: counts and aggregates per cell, nothing finer");
    app_->add_option("INPUT", job_.input.source, "Input dataset (any GDAL vector source)")
        ->required();
    app_->add_option("OUTPUT", output_, "Output file (.gpkg, .geojson, .fgb, .shp, .csv, ...)")
        ->required();
    app_->add_option("--layer", job_.input.layer, "Input layer (default: the only one)");
    app_->add_option("--grid", job_.grid, "Grid: rd, eea, be-lambert2008, be-lambert72")
        ->check(CLI::IsMember({"rd", "eea", "be-lambert2008", "be-lambert72"}))
        ->capture_default_str();
    app_->add_option("--cell-size", job_.cell_size_m,
                     "Cell size in metres (rd/eea: a multiple of 1000; 5000 = uurhok)")
        ->capture_default_str();
    app_->add_option("--group-by", job_.group_by, "Field to group by within a cell (repeatable)");
    app_->add_option("--sum", job_.sum, "Numeric field to sum per row: sum_<F> (repeatable)");
    app_->add_option("--min", job_.min, "Number or date field: min_<F> (repeatable)");
    app_->add_option("--max", job_.max, "Number or date field: max_<F> (repeatable)");
    app_->add_option("--min-count", job_.min_count,
                     "Leave out rows with fewer observations (they are counted in the report)")
        ->capture_default_str();
    app_->add_option("--assign", job_.assign,
                     "Lines/polygons: centroid (one cell) or intersects (every cell reached)")
        ->check(CLI::IsMember({"centroid", "intersects"}))
        ->capture_default_str();
    app_->add_option("--format", job_.format, "GDAL output driver (default: from the extension)");
    app_->add_flag("--overwrite", job_.overwrite, "Replace an existing output");
    app_->add_flag("--progress", progress_, "Show GDAL-style progress on stderr");
    app_->add_option("--report", report_, "Also write the report as JSON to this file");
    app_->add_option("--licence", job_.licence_id,
                     "The input's licence, when the input does not carry one (see: geolicence "
                     "licences list)");
    app_->add_option("--option", job_.licence_options,
                     "Option of --licence, NAME=VALUE (repeatable)");
    app_->add_option("--input-crs", job_.input.crs,
                     "CRS of the input's coordinates when the file does not say (e.g. "
                     "EPSG:28992)");
    app_->add_option("--memory-limit", job_.memory_limit,
                     "Memory for the table of rows before it spills sorted runs to a temporary "
                     "folder next to the output, e.g. 512M, 1G, 64K (default 1G)");
    app_->add_flag("--no-pushdown", no_pushdown_,
                   "PostGIS input: read the features and group them here, not in the database");
    addLanguageOption(*app_, language_);
}

int AggregateCommand::run(const GlobalOptions& options) {
    const GisWing& gis = gisWing(options);
    AggregationJob job = job_;
    job.output = output_;
    job.pushdown = !no_pushdown_;
    job.language = pickLanguage(language_);
    const Catalog catalog = loadCatalog(options);
    const AggregationJob::Validation validation = job.validate(catalog, gis.jobInspector());
    if (!validation.ok()) {
        const JobProblem& problem = validation.problems.front();
        switch (problem.kind) {
        case JobProblem::Kind::Usage:
            throw UsageError(problem.message);
        case JobProblem::Kind::Input:
            throw InputError(problem.message);
        case JobProblem::Kind::Refused:
            std::cerr << "geolicence: "
                      << oneLine(shownSource(job.input.source) + ": " + problem.message) << "\n";
            return kExitProhibited;
        }
    }

    const InterruptGuard guard;
    ProgressBar bar;
    if (progress_) {
        bar.start();
    }
    const ProgressCallback progress = [&](double fraction) {
        if (progress_) {
            bar.update(fraction);
        }
        return interrupted == 0;
    };

    AggregationReport report;
    try {
        report = gis.aggregate(catalog, validation.request, progress);
    } catch (const Cancelled&) {
        bar.finishLine();
        std::cerr << "geolicence: interrupted; no output written\n";
        return 128 + SIGINT;
    } catch (const PrecisionRefused& e) {
        bar.finishLine();
        std::cerr << "geolicence: " << oneLine(shownSource(job.input.source) + ": " + e.what())
                  << "\n";
        return kExitProhibited;
    } catch (...) {
        bar.finishLine();
        throw;
    }
    for (const std::string& warning : report.warnings) {
        std::cerr << "geolicence: warning: " << warning << "\n";
    }
    printSummary(report);
    if (!report_.empty()) {
        std::ofstream out(report_, std::ios::binary | std::ios::trunc);
        out << reportToJson(report) << "\n";
        if (!out) {
            throw InputError(report_ + ": cannot write the report");
        }
    }
    return kExitOk;
}

} // namespace geolicence::cli
