#include <geolicence/aggregation_report.h>
#include <geolicence/binding_json.h>

#include <nlohmann/json.hpp>

namespace geolicence {

bool AggregationReport::conserved() const {
    const std::int64_t accounted =
        spec.assign == Assignment::Centroid
            ? counts.observations_written + counts.observations_suppressed
            : counts.features_used;
    return counts.features_read == accounted + counts.skipped.total() &&
           counts.observations == counts.observations_written + counts.observations_suppressed;
}

namespace {

std::vector<std::string> idsOf(const LicenceBinding& binding) {
    std::vector<std::string> ids;
    for (const BoundLicence& licence : binding.licences) {
        ids.push_back(licence.licence_id);
    }
    return ids;
}

} // namespace

std::string reportToJson(const AggregationReport& report) {
    using nlohmann::ordered_json;
    const AggregationCounts& c = report.counts;
    ordered_json out;
    out["input"] = report.input;
    out["layer"] = report.layer;
    out["output"] = report.output;
    out["format"] = report.format;
    out["grid"] = toString(report.spec.grid);
    out["crs"] = "EPSG:" + std::to_string(gridEpsg(report.spec.grid));
    out["cell_size_m"] = report.spec.cell_size_m;
    out["assign"] = toString(report.spec.assign);
    out["group_by"] = report.spec.group_by;
    out["min_count"] = report.spec.min_count;
    out["features_read"] = c.features_read;
    out["features_used"] = c.features_used;
    out["skipped"] = {{"null_geometry", c.skipped.null_geometry},
                      {"empty", c.skipped.empty},
                      {"invalid", c.skipped.invalid},
                      {"non_finite", c.skipped.non_finite},
                      {"transform_failed", c.skipped.transform_failed},
                      {"out_of_range", c.skipped.out_of_range},
                      {"total", c.skipped.total()}};
    out["outside_area_of_use"] = c.outside_area;
    out["observations"] = c.observations;
    out["observations_written"] = c.observations_written;
    out["observations_suppressed"] = c.observations_suppressed;
    out["rows_written"] = c.rows_written;
    out["rows_suppressed"] = c.rows_suppressed;
    out["cells_written"] = c.cells_written;
    out["larger_than_cell"] = c.larger_than_cell;
    out["conserved"] = report.conserved();
    out["pushed_down"] = report.pushed_down;
    if (!report.pushdown_note.empty()) {
        out["pushdown_note"] = report.pushdown_note;
    }
    out["memory_limit_bytes"] = report.memory_limit;
    out["spill"] = {{"runs", report.spill.runs},
                    {"bytes", report.spill.bytes},
                    {"merge_passes", report.spill.passes}};
    ordered_json licence = ordered_json::object();
    licence["input"] = nullptr;
    if (report.input_licence) {
        // "id" names the first licence, for readers that know one; "licences" lists all.
        licence["input"] = {{"id", report.input_licence->licences.front().licence_id},
                            {"licences", idsOf(*report.input_licence)},
                            {"from", report.input_licence->from}};
    }
    licence["output"] = nullptr;
    if (report.output_licence) {
        const LicenceBinding& output = report.output_licence->binding;
        licence["output"] = {
            {"id", output.licences.front().licence_id},
            {"options", ordered_json::parse(optionsToJson(output.licences.front().options))},
            {"licences", ordered_json::parse(licencesToJson(output.licences))},
            {"derived_from", ordered_json::parse(derivedFromToJson(output.derived_from))},
            {"attribution", report.output_licence->attribution}};
    }
    out["licence"] = licence;
    out["warnings"] = report.warnings;
    out["seconds"] = report.seconds;
    return out.dump(2);
}

} // namespace geolicence
