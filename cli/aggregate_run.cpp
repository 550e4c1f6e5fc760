#include "aggregate_command.h"

#include <geolicence/run_aggregation.h>
#include <geolicence/atomic_output.h>
#include "aggregate/write/cell_writer.h"
#include <geolicence/data_source.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/memory_size.h>
#include <geolicence/option_values.h>

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
        out << "  licence              " << report.output_licence->binding.licence_id;
        if (report.input_licence) {
            out << " (input's, from " << report.input_licence->from << ")";
        }
        out << ", output bound with cell_size_m=" << report.spec.cell_size_m << "\n";
        for (const std::string& text : report.output_licence->attribution) {
            out << "  attribution          " << text << "\n";
        }
    } else {
        out << "  licence              none\n";
    }
    std::cout << out.str();
}

} // namespace

int runAggregate(const AggregateArguments& arguments, const GlobalOptions& options) {
    AggregationRequest request;
    request.input = {arguments.input, arguments.layer, arguments.input_crs};
    request.output = arguments.output;
    request.format = arguments.format;
    request.overwrite = arguments.overwrite;
    request.language = pickLanguage(arguments.language);
    if (!arguments.memory_limit.empty()) {
        const auto limit = parseMemorySize(arguments.memory_limit);
        if (!limit || *limit < kMinimumMemoryLimit) {
            throw UsageError("--memory-limit " + arguments.memory_limit +
                             ": give a size of at least 64K, such as 512M or 2G");
        }
        request.options.memory_limit = *limit;
    }
    request.options.pushdown = !arguments.no_pushdown;
    const Catalog catalog = loadCatalog(options);
    if (!arguments.licence.empty()) {
        const LicenceProfile* profile = catalog.find(arguments.licence);
        if (profile == nullptr || profile->is_abstract) {
            throw UsageError("unknown licence \"" + arguments.licence +
                             "\" (see: geolicence licences list)");
        }
        LicenceBinding binding{arguments.licence, {}, "command line"};
        try {
            binding.options = parseOptionAssignments(*profile, arguments.options);
        } catch (const InputError& e) {
            throw UsageError(std::string("--option: ") + e.what());
        }
        request.licence = binding;
    } else if (!arguments.options.empty()) {
        throw UsageError("--option needs --licence");
    }
    // The licence first: "NDFF allows 1 km at the finest" says more than "500 is no multiple
    // of 1000".
    try {
        checkedInputLicence(catalog, request.input, request.licence, arguments.cell_size,
                            request.language);
    } catch (const PrecisionRefused& e) {
        std::cerr << "geolicence: " << oneLine(shownSource(arguments.input) + ": " + e.what())
                  << "\n";
        return kExitProhibited;
    }

    AggregationSpec& spec = request.spec;
    spec.grid = *parseGridKind(arguments.grid);
    if (const auto problem = cellSizeProblem(spec.grid, arguments.cell_size)) {
        std::ostringstream size;
        size << arguments.cell_size;
        throw UsageError("--cell-size " + size.str() + ": " + *problem);
    }
    spec.cell_size_m = static_cast<std::int64_t>(arguments.cell_size);
    spec.group_by = arguments.group_by;
    spec.sum = arguments.sum;
    spec.min = arguments.min;
    spec.max = arguments.max;
    spec.min_count = arguments.min_count;
    spec.assign = *parseAssignment(arguments.assign);
    if (const auto problems = specProblems(spec); !problems.empty()) {
        throw UsageError(problems.front());
    }
    try {
        request.format = outputDriverFor(request.output, arguments.format);
    } catch (const InputError& e) {
        throw UsageError(e.what());
    }
    if (const std::string problem =
            outputPathProblem(datasetFiles(arguments.input), request.output, arguments.overwrite);
        !problem.empty()) {
        throw UsageError(problem);
    }

    const InterruptGuard guard;
    ProgressBar bar;
    if (arguments.progress) {
        bar.start();
    }
    const ProgressCallback progress = [&](double fraction) {
        if (arguments.progress) {
            bar.update(fraction);
        }
        return interrupted == 0;
    };

    AggregationReport report;
    try {
        report = runAggregation(catalog, request, progress);
    } catch (const Cancelled&) {
        bar.finishLine();
        std::cerr << "geolicence: interrupted; no output written\n";
        return 128 + SIGINT;
    } catch (const PrecisionRefused& e) {
        bar.finishLine();
        std::cerr << "geolicence: " << oneLine(shownSource(arguments.input) + ": " + e.what())
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
    if (!arguments.report.empty()) {
        std::ofstream out(arguments.report, std::ios::binary | std::ios::trunc);
        out << reportToJson(report) << "\n";
        if (!out) {
            throw InputError(arguments.report + ": cannot write the report");
        }
    }
    return kExitOk;
}

} // namespace geolicence::cli
