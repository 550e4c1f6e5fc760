#pragma once

#include "geolicence/aggregation_report.h"
#include "geolicence/aggregation_spec.h"
#include "geolicence/grid.h"
#include "geolicence/huge_page_allocator.h"
#include "geolicence/progress.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace geolicence {

// Types of the output columns, as written by the cell writer.
enum class FieldKind : std::uint8_t { Integer, Integer64, Real, String, Date, DateTime };

struct OutputField {
    std::string name;
    FieldKind kind = FieldKind::String;
};

enum class AggregateOp : std::uint8_t { Sum, Min, Max };

struct AggregateField {
    std::string name;   // sum_<f>, min_<f>, max_<f>
    std::string source; // <f>
    AggregateOp op = AggregateOp::Sum;
    FieldKind kind = FieldKind::Real;
};

// A group-by value: null, an integer (also booleans), a real, or text (dates and date-times as
// ISO 8601 text).
using GroupValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// An aggregate: integers for integer fields, reals for real ones; dates as days since
// 1970-01-01 and date-times as milliseconds since 1970-01-01T00:00:00 (in the source's time
// zone), both std::int64_t.
using AggregateValue = std::variant<std::int64_t, double>;

namespace detail {
struct CellTableAccess;
}

// The group-by tuples of an aggregation, by id (rows refer to them by id).
using GroupTuples = std::vector<std::vector<GroupValue>>;

// The aggregated rows that may leave: for each (cell, group values) with at least min_count
// observations, its count and aggregates. Rows are sorted by cell (column, then row) and then
// by group values, so the same input always gives the same output.
class CellTable {
public:
    const Grid& grid() const { return grid_; }
    const std::vector<OutputField>& groupFields() const { return group_fields_; }
    const std::vector<AggregateField>& aggregateFields() const { return aggregate_fields_; }

    std::size_t size() const { return counts_.size(); }
    CellIndex cell(std::size_t row) const { return {columns_[row], rows_[row]}; }
    std::int64_t count(std::size_t row) const { return counts_[row]; }
    const std::vector<GroupValue>& groupValues(std::size_t row) const {
        return (*group_values_)[groups_[row]];
    }
    // nullopt when no observation in the row had a value for the field.
    std::optional<AggregateValue> aggregate(std::size_t row, std::size_t field) const;

private:
    friend struct detail::CellTableAccess;
    explicit CellTable(Grid grid) : grid_(grid) {}

    // Columns in output order, so writers read them front to back.
    Grid grid_;
    std::vector<OutputField> group_fields_;
    std::vector<AggregateField> aggregate_fields_;
    detail::LargeVector<std::int32_t> columns_;
    detail::LargeVector<std::int32_t> rows_;
    detail::LargeVector<std::uint32_t> groups_;
    detail::LargeVector<std::int64_t> counts_;
    detail::LargeVector<std::uint64_t> slots_;  // aggregate_fields_.size() per row, as raw bits
    detail::LargeVector<std::uint8_t> present_; // per row a bit set per aggregate that has a value
    // Shared: a table handed out in blocks refers to the same tuples from every block.
    std::shared_ptr<const GroupTuples> group_values_;
};

struct AggregationResult {
    CellTable table;
    AggregationCounts counts;
    std::string layer; // the layer read
    std::vector<std::string> warnings;
    bool pushed_down = false;  // grouped inside PostGIS
    std::string pushdown_note; // for a PostGIS source that was not: why not
    SpillStatistics spill;
};

// Streams every feature of `input` once, takes it to the grid's CRS with PROJ (x/y axis
// order whatever the CRS says), assigns it to cells and accumulates per (cell, group values).
// Nothing of a feature but its cell, its group-by values and its aggregated values is kept.
// All rows end up in memory here; openCellStream (cell_stream.h) hands them out in blocks
// instead, within options.memory_limit.
//
// InputError for a source that cannot be read or a field that is missing or of the wrong type;
// Cancelled when `progress` returns false.
AggregationResult aggregateCells(const AggregationInput& input, const AggregationSpec& spec,
                                 const ProgressCallback& progress = {});
AggregationResult aggregateCells(const AggregationInput& input, const AggregationSpec& spec,
                                 const AggregationOptions& options,
                                 const ProgressCallback& progress = {});

} // namespace geolicence
