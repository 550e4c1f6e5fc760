#include <geolicence/aggregation_spec.h>
#include <geolicence/detail/ascii_case.h>

namespace geolicence {

std::string_view toString(Assignment assignment) {
    return assignment == Assignment::Centroid ? "centroid" : "intersects";
}

std::optional<Assignment> parseAssignment(std::string_view text) {
    if (text == "centroid") {
        return Assignment::Centroid;
    }
    if (text == "intersects") {
        return Assignment::Intersects;
    }
    return std::nullopt;
}

std::vector<std::string> specProblems(const AggregationSpec& spec) {
    std::vector<std::string> problems;
    if (const auto problem = cellSizeProblem(spec.grid, static_cast<double>(spec.cell_size_m))) {
        problems.push_back(*problem);
    }
    if (spec.min_count < 1) {
        problems.emplace_back("the minimum count must be at least 1");
    }
    // Output column names, compared as GeoPackage, Shapefile and PostGIS users see them.
    std::vector<std::pair<std::string, std::string>> columns = {
        {"cell_code", "the cell code"},
        {"cell_code_short", "the short cell code"},
        {"n_obs", "the count"}};
    const auto claim = [&](const std::string& column, const std::string& what) {
        for (const auto& [taken, by] : columns) {
            if (detail::lowerAscii(taken) == detail::lowerAscii(column)) {
                problems.push_back("output column \"" + column + "\" (" + what + ") is already " +
                                   by);
                return;
            }
        }
        columns.emplace_back(column, what);
    };
    for (const std::string& field : spec.group_by) {
        claim(field, "--group-by " + field);
    }
    for (const std::string& field : spec.sum) {
        claim("sum_" + field, "--sum " + field);
    }
    for (const std::string& field : spec.min) {
        claim("min_" + field, "--min " + field);
    }
    for (const std::string& field : spec.max) {
        claim("max_" + field, "--max " + field);
    }
    return problems;
}

} // namespace geolicence
