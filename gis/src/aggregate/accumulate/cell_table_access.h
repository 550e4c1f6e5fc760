#pragma once

#include <geolicence/aggregation.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace geolicence::detail {

// Builds CellTables (whose members are private to users of the library): the in-memory path
// moves whole columns in, the merge of spilled runs appends row by row.
struct CellTableAccess {
    static CellTable make(const Grid& grid, std::vector<OutputField> group_fields,
                          std::vector<AggregateField> aggregate_fields,
                          std::shared_ptr<const GroupTuples> groups) {
        CellTable table(grid);
        table.group_fields_ = std::move(group_fields);
        table.aggregate_fields_ = std::move(aggregate_fields);
        table.group_values_ = std::move(groups);
        return table;
    }

    static void reserve(CellTable& table, std::size_t rows) {
        const std::size_t aggregates = table.aggregate_fields_.size();
        table.columns_.reserve(rows);
        table.rows_.reserve(rows);
        table.groups_.reserve(rows);
        table.counts_.reserve(rows);
        table.slots_.reserve(rows * aggregates);
        table.present_.reserve(rows * ((aggregates + 7) / 8));
    }

    // `values` one result per aggregate (raw bits), `present` its presence bits.
    static void append(CellTable& table, std::int32_t column, std::int32_t row, std::uint32_t group,
                       std::int64_t count, const std::uint64_t* values,
                       const std::uint8_t* present) {
        const std::size_t aggregates = table.aggregate_fields_.size();
        table.columns_.push_back(column);
        table.rows_.push_back(row);
        table.groups_.push_back(group);
        table.counts_.push_back(count);
        table.slots_.insert(table.slots_.end(), values, values + aggregates);
        table.present_.insert(table.present_.end(), present, present + (aggregates + 7) / 8);
    }

    // Row `row` of `from` (same fields and group tuples) at the end of `to`.
    static void appendRow(CellTable& to, const CellTable& from, std::size_t row) {
        const std::size_t aggregates = from.aggregate_fields_.size();
        const std::size_t present = (aggregates + 7) / 8;
        append(to, from.columns_[row], from.rows_[row], from.groups_[row], from.counts_[row],
               from.slots_.data() + row * aggregates, from.present_.data() + row * present);
    }

    static LargeVector<std::int32_t>& columns(CellTable& table) { return table.columns_; }
    static LargeVector<std::int32_t>& rows(CellTable& table) { return table.rows_; }
    static LargeVector<std::uint32_t>& groups(CellTable& table) { return table.groups_; }
    static LargeVector<std::int64_t>& counts(CellTable& table) { return table.counts_; }
    static LargeVector<std::uint64_t>& slots(CellTable& table) { return table.slots_; }
    static LargeVector<std::uint8_t>& present(CellTable& table) { return table.present_; }
    static std::uint32_t groupId(const CellTable& table, std::size_t row) {
        return table.groups_[row];
    }
    static const std::shared_ptr<const GroupTuples>& tuples(const CellTable& table) {
        return table.group_values_;
    }
    static void setTuples(CellTable& table, std::shared_ptr<const GroupTuples> tuples) {
        table.group_values_ = std::move(tuples);
    }
};

} // namespace geolicence::detail
