#pragma once

#include <geolicence/aggregation.h>

#include <cstdint>
#include <vector>

namespace geolicence::detail {

// One output row's identity: a cell and an interned tuple of group-by values. Cell indices fit
// 32 bits because only points inside the grid CRS's area of use reach the accumulator.
struct CellKey {
    std::int32_t column = 0;
    std::int32_t row = 0;
    std::uint32_t group = 0;

    bool operator==(const CellKey& other) const {
        return column == other.column && row == other.row && group == other.group;
    }
};

// The per-(cell, group) counts and aggregates, in an open-addressing table over columnar
// records: about 40 bytes per row for a count and one aggregate, the budget that keeps millions
// of rows within a few hundred megabytes.
class CellAccumulator {
public:
    // Aggregate i reads input value `inputs[i]` of each observation.
    CellAccumulator(Grid grid, std::vector<AggregateField> aggregates,
                    std::vector<std::size_t> inputs);

    // `values` holds one value per input as raw bits (std::int64_t or double as the aggregate's
    // kind says); bit j of `present` says whether input j has a value at all.
    void add(const CellKey& key, const std::uint64_t* values, std::uint64_t present);

    std::size_t records() const { return columns_.size(); }

    // Drops rows below `min_count` (counting them in `counts`), sorts the rest into output order
    // and hands the columns over to the table. The accumulator is empty afterwards.
    CellTable finish(std::vector<OutputField> group_fields,
                     std::vector<std::vector<GroupValue>> group_values, std::int64_t min_count,
                     AggregationCounts& counts);

private:
    std::uint32_t insert(const CellKey& key, std::uint64_t hash);
    void grow();

    Grid grid_;
    std::vector<AggregateField> aggregates_;
    std::vector<std::size_t> inputs_;
    std::vector<bool> integral_;

    std::vector<std::uint64_t> table_; // 0: empty; else hash tag << 32 | (record + 1)
    std::uint64_t mask_ = 0;

    std::vector<std::int32_t> columns_;
    std::vector<std::int32_t> rows_;
    std::vector<std::uint32_t> groups_;
    std::vector<std::int64_t> counts_;
    std::vector<std::uint64_t> slots_;
    std::vector<std::uint64_t> present_;
};

} // namespace geolicence::detail
