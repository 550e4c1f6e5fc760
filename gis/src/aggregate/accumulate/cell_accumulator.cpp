#include "aggregate/accumulate/cell_accumulator.h"

#include "aggregate/accumulate/cell_table_access.h"
#include "aggregate/accumulate/radix_sort.h"
#include "aggregate/spill/cell_streams.h"

#include <geolicence/errors.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <limits>
#include <numeric>

namespace geolicence::detail {

namespace {

// The table starts at this size and is not counted against the memory limit (512 KiB): with a
// tiny limit it would otherwise be over budget before the first row.
constexpr std::size_t kInitialCapacity = std::size_t{1} << 16;
// Sorting a run or the output: the kept record numbers (4 bytes), a 64-bit radix key and the
// radix sort's scratch copy of it (16).
constexpr std::uint64_t kSortBytesPerRecord = 20;
// Runs merged at once: each needs a file position and a read buffer.
constexpr std::size_t kFanIn = 64;
constexpr std::size_t kPollEvery = 65536;
constexpr std::size_t kRunWriteBuffer = std::size_t{1} << 20;

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

std::uint64_t tupleBytes(const std::vector<GroupValue>& tuple) {
    std::uint64_t bytes = sizeof(tuple) + tuple.size() * sizeof(GroupValue);
    for (const GroupValue& value : tuple) {
        if (const auto* text = std::get_if<std::string>(&value)) {
            bytes += text->size() > 15 ? text->capacity() + 1 : 0;
        }
    }
    // The reader's dictionary keeps the encoded tuple and a hash slot as well.
    return 2 * bytes + 16;
}

// The slots of a record when there are none (nothing is read from it).
const std::uint64_t kNoSlots[1] = {0};
const std::uint8_t kNoPresent[1] = {0};

} // namespace

std::vector<std::uint32_t> rankGroups(const GroupTuples& tuples) {
    std::vector<std::uint32_t> by_value(tuples.size());
    std::iota(by_value.begin(), by_value.end(), 0U);
    std::sort(by_value.begin(), by_value.end(),
              [&](std::uint32_t a, std::uint32_t b) { return tuples[a] < tuples[b]; });
    std::vector<std::uint32_t> rank(tuples.size());
    for (std::uint32_t i = 0; i < by_value.size(); ++i) {
        rank[by_value[i]] = i;
    }
    return rank;
}

CellAccumulator::CellAccumulator(Grid grid, std::vector<AggregateField> aggregates,
                                 std::vector<std::size_t> inputs, SpillSettings spill)
    : grid_(grid), layout_(std::move(aggregates)), inputs_(std::move(inputs)),
      settings_(std::move(spill)), groups_(std::make_shared<GroupTuples>()),
      slots_(std::max<std::size_t>(1, layout_.slots())),
      present_(std::max<std::size_t>(1, layout_.presentBytes())) {
    table_.assign(kInitialCapacity, 0);
    mask_ = kInitialCapacity - 1;
}

CellAccumulator::~CellAccumulator() = default;

void CellAccumulator::addGroups(GroupTuples tuples) {
    for (std::vector<GroupValue>& tuple : tuples) {
        group_bytes_ += tupleBytes(tuple);
        groups_->push_back(std::move(tuple));
    }
}

std::uint64_t CellAccumulator::recordBytes() const {
    return 4 + 4 + 4 + 8 + 8 * layout_.slots() + layout_.presentBytes();
}

std::uint64_t CellAccumulator::tableBytes(std::size_t slots) const {
    return slots > kInitialCapacity ? (slots - kInitialCapacity) * sizeof(std::uint64_t) : 0;
}

std::uint64_t CellAccumulator::rowBudget(std::uint64_t table_bytes) const {
    // The group tuples and the hash table cannot be spilled: the rows get what they leave. When
    // they take (nearly) all of it, the rows still get a quarter of the limit, or every row
    // would be a run of its own.
    const std::uint64_t fixed = table_bytes + group_bytes_;
    const std::uint64_t limit = settings_.memory_limit;
    return std::max(limit > fixed ? limit - fixed : 0, limit / 4);
}

bool CellAccumulator::fits(std::size_t records, std::size_t table_slots) const {
    return records * (recordBytes() + kSortBytesPerRecord) <= rowBudget(tableBytes(table_slots));
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
    const auto probe = [&](std::uint64_t& slot) {
        slot = tag & mask_;
        while (true) {
            const std::uint64_t entry = table_[slot];
            if (entry == 0) {
                return false;
            }
            if ((entry >> 32) == tag) {
                const auto record = static_cast<std::uint32_t>((entry & 0xFFFFFFFFULL) - 1);
                if (columns_[record] == key.column && rows_[record] == key.row &&
                    record_groups_[record] == key.group) {
                    slot = record;
                    return true;
                }
            }
            slot = (slot + 1) & mask_;
        }
    };
    std::uint64_t slot = 0;
    if (probe(slot)) {
        return static_cast<std::uint32_t>(slot);
    }
    // A new row. Over budget: spill what there is (the table starts empty again). Linear
    // probing stays short below 70% load: grow first if this row would pass it, or spill when
    // growing (old and new table at once) would pass the budget.
    bool moved = false;
    if (records() > 0 && !fits(records() + 1, table_.size())) {
        spill();
        moved = true;
    }
    if ((records() + 1) * 10 > table_.size() * 7) {
        if (records() > 0 && !fits(records() + 1, table_.size() * 3)) {
            spill();
        } else {
            grow();
        }
        moved = true;
    }
    if (moved) {
        probe(slot);
    }
    if (columns_.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
        throw InputError("more than 4 billion output rows: use a larger cell size");
    }
    const auto record = static_cast<std::uint32_t>(columns_.size());
    table_[slot] = (tag << 32) | (std::uint64_t{record} + 1);
    columns_.push_back(key.column);
    rows_.push_back(key.row);
    record_groups_.push_back(key.group);
    counts_.push_back(0);
    if (layout_.slots() > 0) {
        slots_.push_back();
        present_.push_back();
    }
    return record;
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
    __builtin_prefetch(&record_groups_[record]);
    __builtin_prefetch(&counts_[record], 1);
    if (layout_.slots() > 0) {
        __builtin_prefetch(slots_.at(record), 1);
        __builtin_prefetch(present_.at(record), 1);
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
    if (layout_.aggregates() == 0) {
        return;
    }
    std::uint64_t* slots = slots_.at(record);
    std::uint8_t* has = present_.at(record);
    for (std::size_t i = 0; i < layout_.aggregates(); ++i) {
        const std::size_t input = inputs_[i];
        if ((present >> input & 1U) != 0) {
            layout_.add(slots, has, i, values[input]);
        }
    }
}

void CellAccumulator::addGrouped(const CellKey& key, std::int64_t count,
                                 const std::uint64_t* results, std::uint64_t present) {
    const std::uint32_t record = insert(key, hashKey(key));
    counts_[record] += count;
    if (layout_.aggregates() == 0) {
        return;
    }
    // A grouped result is a row of its own: merged like one from a run (no rounding error).
    std::vector<std::uint64_t> slots(layout_.slots(), 0);
    std::vector<std::uint8_t> has(layout_.presentBytes(), 0);
    for (std::size_t i = 0; i < layout_.aggregates(); ++i) {
        if ((present >> i & 1U) != 0) {
            slots[i] = results[i];
            has[i / 8] = static_cast<std::uint8_t>(has[i / 8] | (1U << (i % 8)));
        }
    }
    layout_.merge(slots_.at(record), present_.at(record), slots.data(), has.data());
}

LargeVector<std::uint32_t> CellAccumulator::sortedRecords(const std::vector<std::uint32_t>& rank,
                                                          std::int64_t min_count) {
    LargeVector<std::uint32_t> kept;
    kept.reserve(records());
    std::int32_t min_column = std::numeric_limits<std::int32_t>::max();
    std::int32_t max_column = std::numeric_limits<std::int32_t>::min();
    std::int32_t min_row = min_column;
    std::int32_t max_row = max_column;
    for (std::uint32_t record = 0; record < records(); ++record) {
        if (counts_[record] < min_count) {
            continue;
        }
        kept.push_back(record);
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
            std::uint64_t key = rank[record_groups_[record]];
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
        return rank[record_groups_[a]] < rank[record_groups_[b]];
    });
    return kept;
}

void CellAccumulator::clearRecords() {
    columns_.clear();
    rows_.clear();
    record_groups_.clear();
    counts_.clear();
    slots_.clear();
    present_.clear();
    std::fill(table_.begin(), table_.end(), 0);
}

void CellAccumulator::spill() {
    if (settings_.keep_going && !settings_.keep_going()) {
        throw Cancelled();
    }
    if (!directory_) {
        directory_ = std::make_unique<SpillDirectory>(settings_.directory);
    }
    if (!run_file_) {
        run_file_ = directory_->newFile();
    }
    // Ranked by the groups known now; later groups never reorder these (see RunMerger).
    const LargeVector<std::uint32_t> order = sortedRecords(rankGroups(*groups_), 0);
    RunWriter writer(run_file_, layout_, kRunWriteBuffer);
    const bool slots = layout_.slots() > 0;
    std::size_t since_poll = 0;
    for (const std::uint32_t record : order) {
        writer.add(columns_[record], rows_[record], record_groups_[record], counts_[record],
                   slots ? slots_.at(record) : kNoSlots, slots ? present_.at(record) : kNoPresent);
        if (++since_poll == kPollEvery) {
            since_poll = 0;
            if (settings_.keep_going && !settings_.keep_going()) {
                throw Cancelled();
            }
        }
    }
    runs_.push_back(writer.finish());
    ++statistics_.runs;
    statistics_.bytes += static_cast<std::int64_t>(runs_.back().records * runRecordSize(layout_));
    clearRecords();
}

std::unique_ptr<CellStream> CellAccumulator::finish(std::vector<OutputField> group_fields,
                                                    std::int64_t min_count,
                                                    const AggregationCounts& counts) {
    // The hash table is not needed any more; free it before sorting needs memory.
    LargeVector<std::uint64_t>().swap(table_);
    // Sorting and gathering into the output table take the sort words and, per column being
    // gathered, a second copy of it (two at a time): the largest is the aggregates' slots.
    const std::uint64_t finish_bytes =
        records() * (recordBytes() + kSortBytesPerRecord + 8 * layout_.aggregates());
    if (runs_.empty() && finish_bytes <= rowBudget(0)) {
        return finishInMemory(std::move(group_fields), min_count, counts);
    }
    if (records() > 0) {
        spill();
    }
    auto rank = std::make_shared<const std::vector<std::uint32_t>>(rankGroups(*groups_));
    // The merge has the whole budget (the rows in memory are gone): a read buffer per run.
    const std::size_t buffer = static_cast<std::size_t>(std::clamp<std::uint64_t>(
        settings_.memory_limit / (2 * (kFanIn + 1)), 64 * 1024, 4 * 1024 * 1024));
    std::vector<Run> runs = mergeDownTo(std::move(runs_), kFanIn, layout_, rank, *directory_,
                                        buffer, statistics_, settings_.keep_going);
    run_file_.reset();
    MergedCellStream::Parts parts{grid_,
                                  std::move(group_fields),
                                  layout_.fields(),
                                  std::move(runs),
                                  groups_,
                                  std::move(rank),
                                  min_count,
                                  counts,
                                  statistics_,
                                  std::move(directory_),
                                  buffer};
    return std::make_unique<MergedCellStream>(std::move(parts));
}

namespace {

// Moves a chunked column into a plain one in output order, freeing the chunks.
template <typename T>
LargeVector<T> gather(ChunkedArray<T>& from, const LargeVector<std::uint32_t>& order,
                      std::size_t stride = 1) {
    LargeVector<T> to;
    to.reserve(order.size() * stride); // not zeroed first: every element is written once
    for (const std::uint32_t record : order) {
        const T* values = from.at(record);
        to.insert(to.end(), values, values + stride);
    }
    from.release();
    return to;
}

} // namespace

std::unique_ptr<CellStream> CellAccumulator::finishInMemory(std::vector<OutputField> group_fields,
                                                            std::int64_t min_count,
                                                            AggregationCounts counts) {
    const LargeVector<std::uint32_t> order = sortedRecords(rankGroups(*groups_), min_count);
    // Rows the database left out (pushdown with a minimum count) are in `counts` already.
    counts.rows_written = static_cast<std::int64_t>(order.size());
    counts.rows_suppressed += static_cast<std::int64_t>(records() - order.size());
    counts.observations_written = 0;
    for (std::size_t record = 0; record < records(); ++record) {
        (counts_[record] < min_count ? counts.observations_suppressed
                                     : counts.observations_written) += counts_[record];
    }
    counts.cells_written = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i == 0 || columns_[order[i]] != columns_[order[i - 1]] ||
            rows_[order[i]] != rows_[order[i - 1]]) {
            ++counts.cells_written;
        }
    }

    auto table = std::make_shared<CellTable>(
        CellTableAccess::make(grid_, std::move(group_fields), layout_.fields(), groups_));
    // Gathering is random access into arrays of millions: half of it runs on the other core,
    // which has nothing else to do once the input is read.
    auto other_half = std::async(std::launch::async, [&] {
        CellTableAccess::counts(*table) = gather(counts_, order);
        const std::size_t aggregates = layout_.aggregates();
        if (aggregates > 0) {
            LargeVector<std::uint64_t>& results = CellTableAccess::slots(*table);
            results.reserve(order.size() * aggregates);
            for (const std::uint32_t record : order) {
                const std::uint64_t* slots = slots_.at(record);
                for (std::size_t i = 0; i < aggregates; ++i) {
                    results.push_back(layout_.result(slots, i));
                }
            }
            slots_.release();
            CellTableAccess::present(*table) = gather(present_, order, layout_.presentBytes());
        }
    });
    CellTableAccess::columns(*table) = gather(columns_, order);
    CellTableAccess::rows(*table) = gather(rows_, order);
    CellTableAccess::groups(*table) = gather(record_groups_, order);
    other_half.get();
    return std::make_unique<TableCellStream>(std::move(table), counts, statistics_);
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
