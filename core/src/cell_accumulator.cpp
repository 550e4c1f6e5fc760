#include "cell_accumulator.h"

#include "radix_sort.h"

#include <geolicence/errors.h>

#include <algorithm>
#include <cstring>
#include <future>
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
    present_stride_ = (aggregates_.size() + 7) / 8;
    table_.assign(kInitialCapacity, 0);
    mask_ = kInitialCapacity - 1;
}

void CellAccumulator::grow() {
    LargeVector<std::uint64_t> bigger(table_.size() * 2, 0);
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
    for (std::size_t i = 0; i < present_stride_; ++i) {
        present_.push_back(0);
    }
    for (std::size_t i = 0; i < aggregates_.size(); ++i) {
        slots_.push_back(0);
    }
    // Linear probing stays short below 70% load.
    if (columns_.size() * 10 > table_.size() * 7) {
        grow();
    }
    return record;
}

void CellAccumulator::add(const CellKey& key, const std::uint64_t* values, std::uint64_t present) {
    addHashed(key, hashKey(key), values, present);
}

void CellAccumulator::prefetchRecordOf(std::uint64_t hash) const {
    // The first entry of the probe chain is usually the key's own record (the load stays below
    // 70%): its columns are fetched too, or each insert waits on six cache misses in a row.
    const std::uint64_t entry = table_[(hash >> 32) & mask_];
    if (entry == 0) {
        return;
    }
    const std::size_t record = (entry & 0xFFFFFFFFULL) - 1;
    if (record >= columns_.size()) {
        return;
    }
    __builtin_prefetch(&columns_[record]);
    __builtin_prefetch(&rows_[record]);
    __builtin_prefetch(&groups_[record]);
    __builtin_prefetch(&counts_[record], 1);
    if (!aggregates_.empty()) {
        __builtin_prefetch(&slots_[record * aggregates_.size()], 1);
        __builtin_prefetch(&present_[record * present_stride_], 1);
    }
}

void CellAccumulator::addAll(const CellKey* keys, std::size_t count, const std::uint64_t* values,
                             const std::uint64_t* present, std::size_t inputs) {
    // Millions of rows make the table far larger than the caches: the slot of the key a few
    // places ahead is asked for early, and the record it points at a little later, which hides
    // most of the wait for memory.
    constexpr std::size_t kAhead = 16;
    constexpr std::size_t kRecordAhead = 6;
    std::uint64_t hashes[kAhead];
    for (std::size_t i = 0; i < count && i < kAhead; ++i) {
        hashes[i] = hashKey(keys[i]);
        __builtin_prefetch(&table_[(hashes[i] >> 32) & mask_]);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t hash = hashes[i % kAhead];
        if (i + kRecordAhead < count) {
            prefetchRecordOf(hashes[(i + kRecordAhead) % kAhead]);
        }
        if (i + kAhead < count) {
            const std::uint64_t ahead = hashKey(keys[i + kAhead]);
            hashes[i % kAhead] = ahead;
            __builtin_prefetch(&table_[(ahead >> 32) & mask_]);
        }
        addHashed(keys[i], hash, values + i * inputs, present != nullptr ? present[i] : 0);
    }
}

void CellAccumulator::addHashed(const CellKey& key, std::uint64_t hash, const std::uint64_t* values,
                                std::uint64_t present) {
    const std::uint32_t record = insert(key, hash);
    ++counts_[record];
    if (aggregates_.empty()) {
        return;
    }
    const std::size_t base = std::size_t{record} * aggregates_.size();
    const std::size_t has = std::size_t{record} * present_stride_;
    for (std::size_t i = 0; i < aggregates_.size(); ++i) {
        const std::size_t input = inputs_[i];
        if ((present >> input & 1U) == 0) {
            continue;
        }
        const std::uint64_t value = values[input];
        std::uint8_t& bits = present_[has + i / 8];
        const auto bit = static_cast<std::uint8_t>(1U << (i % 8));
        std::uint64_t& slot = slots_[base + i];
        if ((bits & bit) == 0) {
            bits = static_cast<std::uint8_t>(bits | bit);
            slot = value;
            continue;
        }
        const AggregateOp op = aggregates_[i].op;
        if (integral_[i]) {
            const std::int64_t current = asInt(slot);
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
            slot = fromInt(result);
        } else {
            const double current = asDouble(slot);
            const double incoming = asDouble(value);
            double result = current;
            if (op == AggregateOp::Sum) {
                result = current + incoming;
            } else if (op == AggregateOp::Min) {
                result = std::min(current, incoming);
            } else {
                result = std::max(current, incoming);
            }
            slot = fromDouble(result);
        }
    }
}

LargeVector<std::uint32_t> CellAccumulator::outputOrder(const std::vector<std::uint32_t>& rank,
                                                        std::int64_t min_count,
                                                        AggregationCounts& counts) {
    LargeVector<std::uint32_t> kept;
    kept.reserve(records());
    std::int32_t min_column = std::numeric_limits<std::int32_t>::max();
    std::int32_t max_column = std::numeric_limits<std::int32_t>::min();
    std::int32_t min_row = min_column;
    std::int32_t max_row = max_column;
    for (std::uint32_t record = 0; record < records(); ++record) {
        if (counts_[record] < min_count) {
            ++counts.rows_suppressed;
            counts.observations_suppressed += counts_[record];
            continue;
        }
        kept.push_back(record);
        counts.observations_written += counts_[record];
        min_column = std::min(min_column, columns_[record]);
        max_column = std::max(max_column, columns_[record]);
        min_row = std::min(min_row, rows_[record]);
        max_row = std::max(max_row, rows_[record]);
    }
    if (kept.empty()) {
        return kept;
    }
    const auto bitsFor = [](std::uint64_t range) {
        unsigned bits = 0;
        while (bits < 64 && (range >> bits) != 0) {
            ++bits;
        }
        return bits;
    };
    const unsigned column_bits =
        bitsFor(static_cast<std::uint64_t>(static_cast<std::int64_t>(max_column) - min_column));
    const unsigned row_bits =
        bitsFor(static_cast<std::uint64_t>(static_cast<std::int64_t>(max_row) - min_row));
    const unsigned rank_bits = bitsFor(rank.empty() ? 0 : rank.size() - 1);
    const unsigned record_bits = bitsFor(records() == 0 ? 0 : records() - 1);
    const unsigned key_bits = column_bits + row_bits + rank_bits;
    if (key_bits + record_bits <= 64) {
        // One 64-bit word per row, the record number below the key: radix-sorting the key bits
        // touches nothing but these words (keys are unique, so the order is total).
        LargeVector<std::uint64_t> keyed;
        keyed.reserve(kept.size());
        for (std::uint32_t record : kept) {
            const auto column = static_cast<std::uint64_t>(
                static_cast<std::int64_t>(columns_[record]) - min_column);
            const auto row =
                static_cast<std::uint64_t>(static_cast<std::int64_t>(rows_[record]) - min_row);
            std::uint64_t key = rank[groups_[record]];
            key |= rank_bits + row_bits < 64 ? column << (rank_bits + row_bits) : 0;
            key |= rank_bits < 64 ? row << rank_bits : 0;
            keyed.push_back(key << record_bits | record);
        }
        LargeVector<std::uint32_t>().swap(kept);
        radixSortBits(keyed, record_bits, record_bits + key_bits);

        const std::uint64_t record_mask =
            record_bits == 0 ? 0 : (std::uint64_t{1} << record_bits) - 1;
        kept.reserve(keyed.size());
        for (const std::uint64_t word : keyed) {
            kept.push_back(static_cast<std::uint32_t>(word & record_mask));
        }
        return kept;
    }
    std::sort(kept.begin(), kept.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (columns_[a] != columns_[b]) {
            return columns_[a] < columns_[b];
        }
        if (rows_[a] != rows_[b]) {
            return rows_[a] < rows_[b];
        }
        return rank[groups_[a]] < rank[groups_[b]];
    });
    return kept;
}

namespace {

// Moves a chunked column into a plain one in output order, freeing the chunks.
template <typename T>
LargeVector<T> gather(ChunkedArray<T>& from, const LargeVector<std::uint32_t>& order,
                      std::size_t stride = 1) {
    LargeVector<T> to;
    to.reserve(order.size() * stride); // not zeroed first: every element is written once
    for (const std::uint32_t record : order) {
        for (std::size_t j = 0; j < stride; ++j) {
            to.push_back(from[std::size_t{record} * stride + j]);
        }
    }
    from.release();
    return to;
}

} // namespace

CellTable CellAccumulator::finish(std::vector<OutputField> group_fields,
                                  std::vector<std::vector<GroupValue>> group_values,
                                  std::int64_t min_count, AggregationCounts& counts) {
    // The hash table is not needed any more; free it before sorting needs memory.
    LargeVector<std::uint64_t>().swap(table_);

    // Group ids were handed out in reading order; rank them by value for a stable output order.
    std::vector<std::uint32_t> by_value(group_values.size());
    std::iota(by_value.begin(), by_value.end(), 0U);
    std::sort(by_value.begin(), by_value.end(),
              [&](std::uint32_t a, std::uint32_t b) { return group_values[a] < group_values[b]; });
    std::vector<std::uint32_t> rank(group_values.size());
    for (std::uint32_t i = 0; i < by_value.size(); ++i) {
        rank[by_value[i]] = i;
    }

    const LargeVector<std::uint32_t> order = outputOrder(rank, min_count, counts);

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
    table.group_values_ = std::move(group_values);
    // Gathering is random access into arrays of millions: half of it runs on the other core,
    // which has nothing else to do once the input is read.
    auto other_half = std::async(std::launch::async, [&] {
        table.counts_ = gather(counts_, order);
        table.slots_ = gather(slots_, order, aggregates_.size());
        table.present_ = gather(present_, order, present_stride_);
    });
    table.columns_ = gather(columns_, order);
    table.rows_ = gather(rows_, order);
    table.groups_ = gather(groups_, order);
    other_half.get();
    table.aggregate_fields_ = std::move(aggregates_);
    return table;
}

} // namespace geolicence::detail

namespace geolicence {

std::optional<AggregateValue> CellTable::aggregate(std::size_t row, std::size_t field) const {
    const std::size_t stride = (aggregate_fields_.size() + 7) / 8;
    if ((present_[row * stride + field / 8] >> (field % 8) & 1U) == 0) {
        return std::nullopt;
    }
    const std::uint64_t bits = slots_[row * aggregate_fields_.size() + field];
    if (aggregate_fields_[field].kind == FieldKind::Real) {
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    return static_cast<std::int64_t>(bits);
}

} // namespace geolicence
