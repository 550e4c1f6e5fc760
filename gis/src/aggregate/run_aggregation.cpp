#include "aggregate/read/source_layer.h"
#include "aggregate/write/cell_writer.h"

#include <geolicence/atomic_output.h>
#include <geolicence/binding_json.h>
#include <geolicence/cell_stream.h>
#include <geolicence/data_source.h>
#include <geolicence/derivation.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/run_aggregation.h>

#include <chrono>
#include <ctime>
#include <stdexcept>

namespace geolicence {

namespace {

// The output layer is named after the file, as ogr2ogr does, except where GeoPackage reserves
// the name: tables starting with "gpkg" belong to the format ("gpkg_export.gpkg" would fail).
std::string outputLayerName(const std::filesystem::path& output, const std::string& format) {
    const std::string stem = output.stem().string();
    return format == "GPKG" && detail::lowerAscii(stem.substr(0, 4)) == "gpkg" ? "cells_" + stem
                                                                               : stem;
}

// Share of the progress bar for reading; writing takes the rest. Measured on the bench: 5 M
// points and 2.7 M output rows take about as long to write as to read.
constexpr double kReadShare = 0.5;

ProgressCallback scaled(const ProgressCallback& progress, double from, double to) {
    if (!progress) {
        return {};
    }
    return
        [progress, from, to](double fraction) { return progress(from + (to - from) * fraction); };
}

// The day the output is made, for its provenance, when the caller did not say.
std::string localDate() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

std::vector<std::string> aggregationWarnings(const Catalog& catalog, const LicenceBinding& binding,
                                             Language language) {
    EvaluationRequest request;
    request.action = Action::Aggregate;
    request.language = language;
    LayerInput layer;
    layer.id = "input";
    layer.binding = binding;
    const Decision decision = evaluate(catalog, request, {layer});
    std::vector<std::string> warnings;
    if (!decision.permitted()) {
        for (const Finding& finding : decision.findings) {
            if (finding.severity == Severity::Error) {
                warnings.push_back("licence " + finding.licence + " does not permit " +
                                   "aggregating this data: " + finding.message +
                                   (finding.cite.empty() ? "" : " (" + finding.cite + ")"));
            }
        }
    }
    return warnings;
}

} // namespace

namespace {

class GdalJobInspector : public JobInspector {
public:
    std::optional<LicenceBinding> inputLicence(const Catalog& catalog,
                                               const AggregationInput& input) const override {
        // The layer first (cheap), so a GeoPackage binding of that very table is found.
        const std::string layer =
            input.layer.empty() ? detail::SourceLayer(input).layerName() : input.layer;
        if (auto bound = readDatasetLicence(input.source, catalog, layer)) {
            return std::move(bound->binding);
        }
        return std::nullopt;
    }
    std::string outputDriver(const std::filesystem::path& output,
                             const std::string& format) const override {
        return outputDriverFor(output, format);
    }
};

} // namespace

const JobInspector& gdalJobInspector() {
    static const GdalJobInspector inspector;
    return inspector;
}

std::optional<LicenceBinding> checkedInputLicence(const Catalog& catalog,
                                                  const AggregationInput& input,
                                                  const std::optional<LicenceBinding>& given,
                                                  double cell_size_m, Language language) {
    std::optional<LicenceBinding> binding =
        given ? given : gdalJobInspector().inputLicence(catalog, input);
    if (binding) {
        if (auto refusal = precisionRefusal(catalog, *binding, cell_size_m, language)) {
            throw PrecisionRefused(std::move(*refusal));
        }
    }
    return binding;
}

AggregationReport runAggregation(const Catalog& catalog, const AggregationRequest& request,
                                 const ProgressCallback& progress) {
    const auto start = std::chrono::steady_clock::now();
    if (const auto problems = specProblems(request.spec); !problems.empty()) {
        throw std::invalid_argument(problems.front());
    }
    AggregationReport report;
    report.input = shownSource(request.input.source);
    report.output = request.output.string();
    report.spec = request.spec;
    report.format = outputDriverFor(request.output, request.format);

    std::vector<std::filesystem::path> input_files = datasetFiles(request.input.source);
    if (const std::string problem =
            outputPathProblem(input_files, request.output, request.overwrite);
        !problem.empty()) {
        throw InputError(problem);
    }

    report.input_licence =
        checkedInputLicence(catalog, request.input, request.licence,
                            static_cast<double>(request.spec.cell_size_m), request.language);
    if (report.input_licence) {
        report.warnings = aggregationWarnings(catalog, *report.input_licence, request.language);
    }
    const auto cell_size = static_cast<double>(request.spec.cell_size_m);

    AggregationOptions options = request.options;
    if (options.temporary_directory.empty()) {
        options.temporary_directory = request.output.parent_path();
        if (options.temporary_directory.empty()) {
            options.temporary_directory = ".";
        }
    }
    report.memory_limit = std::max(options.memory_limit, kMinimumMemoryLimit);
    AggregationStream stream =
        openCellStream(request.input, request.spec, options, scaled(progress, 0, kReadShare));
    report.layer = stream.layer;
    report.pushed_down = stream.pushed_down;
    report.pushdown_note = stream.pushdown_note;
    report.warnings.insert(report.warnings.end(), stream.warnings.begin(), stream.warnings.end());

    AtomicOutput output(request.output);
    // The writers name the file they write, a hidden staging copy: say it in terms of the
    // output the user asked for.
    try {
        const std::string output_layer = outputLayerName(request.output, report.format);
        writeCells(*stream.cells, output.staged(), report.format, output_layer, report.warnings,
                   scaled(progress, kReadShare, 1.0));
        // Counts of rows written and left out are complete once the stream is read.
        report.counts = stream.cells->counts();
        report.spill = stream.cells->spill();
        stream.cells.reset(); // the temporary folder goes now, before the output is committed

        if (report.input_licence) {
            // The output is derived from the input: under each of its licences, now at the
            // cell size, with the input recorded as its source.
            DatasetLicence licence;
            licence.binding =
                derive({DerivationSource{report.input, report.input_licence}},
                       request.date.empty() ? localDate() : request.date, "geolicence aggregate")
                    .binding;
            for (BoundLicence& bound : licence.binding.licences) {
                const LicenceProfile* profile = catalog.find(bound.licence_id);
                if (profile != nullptr && profile->findOption("cell_size_m") != nullptr) {
                    bound.options["cell_size_m"] = cell_size;
                } else {
                    report.warnings.push_back("licence " + bound.licence_id + " has no " +
                                              "cell_size_m option, so the output's binding "
                                              "cannot record its precision");
                }
            }
            licence.attribution =
                attributionTexts(catalog, licence.binding, cell_size, request.language);
            writeDatasetLicence(output.staged(), licence, catalog,
                                report.format == "GPKG" ? output_layer : "");
            licence.binding.from = "written";
            report.output_licence = std::move(licence);
        } else {
            report.warnings.push_back(
                report.input + " carries no licence (no sidecar, no " +
                "GeoPackage metadata) and none was given: the output is not " + "bound to one");
        }

        std::vector<std::filesystem::path> stale;
        if (request.overwrite) {
            for (const std::filesystem::path& file : datasetFiles(request.output)) {
                std::error_code error;
                if (std::filesystem::exists(file, error)) {
                    stale.push_back(file);
                }
            }
        }
        output.commit(stale);
    } catch (const InputError& e) {
        throw InputError(output.explain(e.what()));
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace geolicence
