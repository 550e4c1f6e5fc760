#include <geolicence/aggregation_job.h>
#include <geolicence/atomic_output.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/memory_size.h>
#include <geolicence/option_values.h>

#include <sstream>

namespace geolicence {

namespace {

using Kind = JobProblem::Kind;

AggregationJob::Validation refuse(Kind kind, std::string message) {
    AggregationJob::Validation validation;
    validation.problems.push_back({kind, std::move(message)});
    return validation;
}

std::string numberText(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

AggregationJob::Validation AggregationJob::validate(const Catalog& catalog,
                                                    const JobInspector& inspector) const {
    Validation validation;
    AggregationRequest& request = validation.request;
    request.input = input;
    request.output = output;
    request.format = format;
    request.overwrite = overwrite;
    request.language = language;
    request.options.pushdown = pushdown;
    if (!memory_limit.empty()) {
        const auto limit = parseMemorySize(memory_limit);
        if (!limit || *limit < kMinimumMemoryLimit) {
            return refuse(Kind::Usage, "--memory-limit " + memory_limit +
                                           ": give a size of at least 64K, such as 512M or 2G");
        }
        request.options.memory_limit = *limit;
    }

    request.licence = licence;
    if (!licence_id.empty()) {
        const LicenceProfile* profile = catalog.find(licence_id);
        if (profile == nullptr || profile->is_abstract) {
            return refuse(Kind::Usage,
                          "unknown licence \"" + licence_id + "\" (see: geolicence licences list)");
        }
        LicenceBinding binding = singleLicence(licence_id, {}, "command line");
        try {
            binding.licences.front().options = parseOptionAssignments(*profile, licence_options);
        } catch (const InputError& e) {
            return refuse(Kind::Usage, std::string("--option: ") + e.what());
        }
        request.licence = binding;
    } else if (!licence_options.empty()) {
        return refuse(Kind::Usage, "--option needs --licence");
    }

    // The input's licence before the grid: "NDFF allows 1 km at the finest" says more than "500
    // is no multiple of 1000".
    std::optional<LicenceBinding> binding = request.licence;
    if (!binding) {
        try {
            binding = inspector.inputLicence(catalog, input);
        } catch (const InputError& e) {
            return refuse(Kind::Input, e.what());
        }
    }
    if (binding) {
        if (const auto refusal = precisionRefusal(catalog, *binding, cell_size_m, language)) {
            return refuse(Kind::Refused, describe(*refusal));
        }
    }

    AggregationSpec& spec = request.spec;
    const std::optional<GridKind> grid_kind = parseGridKind(grid);
    if (!grid_kind) {
        return refuse(Kind::Usage,
                      "unknown grid \"" + grid + "\" (rd, eea, be-lambert2008 or be-lambert72)");
    }
    spec.grid = *grid_kind;
    if (const auto problem = cellSizeProblem(spec.grid, cell_size_m)) {
        return refuse(Kind::Usage, "--cell-size " + numberText(cell_size_m) + ": " + *problem);
    }
    spec.cell_size_m = static_cast<std::int64_t>(cell_size_m);
    spec.group_by = group_by;
    spec.sum = sum;
    spec.min = min;
    spec.max = max;
    spec.min_count = min_count;
    const std::optional<Assignment> assignment = parseAssignment(assign);
    if (!assignment) {
        return refuse(Kind::Usage,
                      "unknown assignment \"" + assign + "\" (centroid or intersects)");
    }
    spec.assign = *assignment;
    for (std::string& problem : specProblems(spec)) {
        validation.problems.push_back({Kind::Usage, std::move(problem)});
    }
    if (!validation.ok()) {
        return validation;
    }

    try {
        request.format = inspector.outputDriver(output, format);
    } catch (const InputError& e) {
        return refuse(Kind::Usage, e.what());
    }
    if (const std::string problem =
            outputPathProblem(datasetFiles(input.source), output, overwrite);
        !problem.empty()) {
        return refuse(Kind::Usage, problem);
    }
    return validation;
}

} // namespace geolicence
