#include "cell_accumulator.h"

#include <geolicence/errors.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>

namespace geolicence::detail {

namespace {

constexpr std::size_t kInitialCapacity = std::size_t{1} << 16;

std::uint64_t hashKey(const CellKey& key) {
    std::uint64_t h = (std::uint64_t{static_cast<std::uint32_t>(key.column)} << 32) |
                      static_cast<std::uint32_t>(key.row);
    h ^= std::uint64_t{key.group} * 0x9E3779B97F4A7C15ULL;
    // MurmurHash3's finaliser: neighbouring cells must not share probe chains.
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

bool isIntegral(FieldKind kind) {
    return kind != FieldKind::Real;
}

double asDouble(std::uint64_t bits) {
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

std::uint64_t fromDouble(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

std::int64_t asInt(std::uint64_t bits) {
    return static_cast<std::int64_t>(bits);
}
std::uint64_t fromInt(std::int64_t value) {
    return static_cast<std::uint64_t>(value);
}

} // namespace

CellAccumulator::CellAccumulator(Grid grid, std::vector<AggregateField> aggregates,
                                 std::vector<std::size_t> inputs)
    : grid_(grid), aggregates_(std::move(aggregates)), inputs_(std::move(inputs)) {
    if (aggregates_.size() > 64) {
        throw InputError("at most 64 aggregates (--sum, --min, --max) can be computed at once");
    }
    for (const AggregateField& field : aggregates_) {
        integral_.push_back(isIntegral(field.kind));
    }
    table_.assign(kInitialCapacity, 0);
    mask_ = kInitialCapacity - 1;
}

void CellAccumulator::grow() {
    std::vector<std::uint64_t> bigger(table_.size() * 2, 0);
    const std::uint64_t mask = bigger.size() - 1;
    for (std::uint64_t entry : table_) {
        if (entry == 0) {
            continue;
        }
        std::uint64_t slot = (entry >> 32) & mask;
        while (bigger[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        bigger[slot] = entry;
    }
    table_ = std::move(bigger);
    mask_ = mask;
}

std::uint32_t CellAccumulator::insert(const CellKey& key, std::uint64_t hash) {
    const std::uint64_t tag = hash >> 32;
    std::uint64_t slot = tag & mask_;
    while (true) {
        const std::uint64_t entry = table_[slot];
        if (entry == 0) {
            break;
        }
        if ((entry >> 32) == tag) {
            const auto record = static_cast<std::uint32_t>((entry & 0xFFFFFFFFULL) - 1);
            if (columns_[record] == key.column && rows_[record] == key.row &&
                groups_[record] == key.group) {
                return record;
            }
        }
        slot = (slot + 1) & mask_;
    }
    if (columns_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
        throw InputError("more than 4 billion output rows: use a larger cell size");
    }
    const auto record = static_cast<std::uint32_t>(columns_.size());
    table_[slot] = (tag << 32) | (std::uint64_t{record} + 1);
    columns_.push_back(key.column);
    rows_.push_back(key.row);
    groups_.push_back(key.group);
    counts_.push_back(0);
    if (!aggregates_.empty()) {
        present_.push_back(0);
        slots_.resize(slots_.size() + aggregates_.size(), 0);
    }
    // Linear probing stays short below 70% load.
    if (columns_.size() * 10 > table_.size() * 7) {
        grow();
    }
    return record;
}

void CellAccumulator::add(const CellKey& key, const std::uint64_t* values, std::uint64_t present) {
    const std::uint32_t record = insert(key, hashKey(key));
    ++counts_[record];
    if (aggregates_.empty()) {
        return;
    }
    std::uint64_t* slots = slots_.data() + std::size_t{record} * aggregates_.size();
    std::uint64_t& has = present_[record];
    for (std::size_t i = 0; i < aggregates_.size(); ++i) {
        const std::size_t input = inputs_[i];
        if ((present >> input & 1U) == 0) {
            continue;
        }
        const std::uint64_t value = values[input];
        const bool first = (has >> i & 1U) == 0;
        has |= std::uint64_t{1} << i;
        if (first) {
            slots[i] = value;
            continue;
        }
        const AggregateOp op = aggregates_[i].op;
        if (integral_[i]) {
            const std::int64_t current = asInt(slots[i]);
            const std::int64_t incoming = asInt(value);
            std::int64_t result = current;
            if (op == AggregateOp::Sum) {
                if (__builtin_add_overflow(current, incoming, &result)) {
                    throw InputError("the sum of " + aggregates_[i].source +
                                     " does not fit a 64-bit integer");
                }
            } else if (op == AggregateOp::Min) {
                result = std::min(current, incoming);
            } else {
                result = std::max(current, incoming);
            }
            slots[i] = fromInt(result);
        } else {
            const double current = asDouble(slots[i]);
            const double incoming = asDouble(value);
            double result = current;
            if (op == AggregateOp::Sum) {
                result = current + incoming;
            } else if (op == AggregateOp::Min) {
                result = std::min(current, incoming);
            } else {
                result = std::max(current, incoming);
            }
            slots[i] = fromDouble(result);
        }
    }
}

CellTable CellAccumulator::finish(std::vector<OutputField> group_fields,
                                  std::vector<std::vector<GroupValue>> group_values,
                                  std::int64_t min_count, AggregationCounts& counts) {
    // The table is not needed any more; free it before sorting needs memory.
    std::vector<std::uint64_t>().swap(table_);

    // Group ids were handed out in reading order; rank them by value for a stable output order.
    std::vector<std::uint32_t> by_value(group_values.size());
    std::iota(by_value.begin(), by_value.end(), 0U);
    std::sort(by_value.begin(), by_value.end(),
              [&](std::uint32_t a, std::uint32_t b) { return group_values[a] < group_values[b]; });
    std::vector<std::uint32_t> rank(group_values.size());
    for (std::uint32_t i = 0; i < by_value.size(); ++i) {
        rank[by_value[i]] = i;
    }

    std::vector<std::uint32_t> order;
    order.reserve(columns_.size());
    for (std::uint32_t record = 0; record < columns_.size(); ++record) {
        if (counts_[record] < min_count) {
            ++counts.rows_suppressed;
            counts.observations_suppressed += counts_[record];
        } else {
            order.push_back(record);
            counts.observations_written += counts_[record];
        }
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (columns_[a] != columns_[b]) {
            return columns_[a] < columns_[b];
        }
        if (rows_[a] != rows_[b]) {
            return rows_[a] < rows_[b];
        }
        return rank[groups_[a]] < rank[groups_[b]];
    });
    counts.rows_written = static_cast<std::int64_t>(order.size());
    counts.cells_written = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i == 0 || columns_[order[i]] != columns_[order[i - 1]] ||
            rows_[order[i]] != rows_[order[i - 1]]) {
            ++counts.cells_written;
        }
    }

    CellTable table(grid_);
    table.group_fields_ = std::move(group_fields);
    table.aggregate_fields_ = std::move(aggregates_);
    table.columns_ = std::move(columns_);
    table.rows_ = std::move(rows_);
    table.groups_ = std::move(groups_);
    table.counts_ = std::move(counts_);
    table.slots_ = std::move(slots_);
    table.present_ = std::move(present_);
    table.group_values_ = std::move(group_values);
    table.order_ = std::move(order);
    return table;
}

} // namespace geolicence::detail

namespace geolicence {

CellIndex CellTable::cell(std::size_t row) const {
    const std::uint32_t record = order_[row];
    return {columns_[record], rows_[record]};
}

const std::vector<GroupValue>& CellTable::groupValues(std::size_t row) const {
    return group_values_[groups_[order_[row]]];
}

std::optional<AggregateValue> CellTable::aggregate(std::size_t row, std::size_t field) const {
    const std::uint32_t record = order_[row];
    if ((present_[record] >> field & 1U) == 0) {
        return std::nullopt;
    }
    const std::uint64_t bits = slots_[std::size_t{record} * aggregate_fields_.size() + field];
    if (aggregate_fields_[field].kind == FieldKind::Real) {
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    return static_cast<std::int64_t>(bits);
}

} // namespace geolicence
