#pragma once

#include "aggregate/accumulate/record_layout.h"
#include "aggregate/spill/cell_runs.h"
#include "aggregate/spill/spill_directory.h"

#include <geolicence/aggregation.h>
#include <geolicence/cell_stream.h>
#include <geolicence/huge_page_allocator.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace geolicence::detail {

// One output row's identity: a cell and an interned tuple of group-by values. Cell indices fit
// 32 bits: anything further out is skipped as out of range before it gets here.
struct CellKey {
    std::int32_t column = 0;
    std::int32_t row = 0;
    std::uint32_t group = 0;

    bool operator==(const CellKey& other) const {
        return column == other.column && row == other.row && group == other.group;
    }
};

// An append-only array of records of `stride` elements each, in chunks of about 2 MiB (one
// huge page each, see HugePageAllocator) holding a power of two of records, so a record never
// straddles two chunks. Growing never copies and never holds the old and the new storage at
// once, as a doubling std::vector does, which at millions of rows is the difference between
// the memory budget and twice it.
template <typename T> class ChunkedArray {
public:
    explicit ChunkedArray(std::size_t stride = 1) : stride_(stride) {
        std::size_t per_chunk = 1;
        while (per_chunk * 2 * stride_ * sizeof(T) <= (std::size_t{2} << 20)) {
            per_chunk *= 2;
        }
        shift_ = 0;
        while ((std::size_t{1} << shift_) < per_chunk) {
            ++shift_;
        }
        mask_ = per_chunk - 1;
    }
    ~ChunkedArray() { release(); }
    ChunkedArray(const ChunkedArray&) = delete;
    ChunkedArray& operator=(const ChunkedArray&) = delete;

    // A new record, every element zero.
    T* push_back() {
        if ((size_ & mask_) == 0 && (size_ >> shift_) == chunks_.size()) {
            chunks_.push_back(HugePageAllocator<T>().allocate(chunkElements()));
        }
        T* record = at(size_++);
        std::fill(record, record + stride_, T{});
        return record;
    }
    void push_back(T value) { *push_back() = value; }
    T* at(std::size_t i) { return chunks_[i >> shift_] + (i & mask_) * stride_; }
    const T* at(std::size_t i) const { return chunks_[i >> shift_] + (i & mask_) * stride_; }
    T& operator[](std::size_t i) { return *at(i); }
    const T& operator[](std::size_t i) const { return *at(i); }
    std::size_t size() const { return size_; }
    std::size_t bytes() const { return chunks_.size() * chunkElements() * sizeof(T); }
    // Empty again, keeping the chunks for the next records (after a spill the table fills up
    // to the same size again: giving the memory back and asking for it anew only costs time).
    void clear() { size_ = 0; }
    void release() {
        for (T* chunk : chunks_) {
            HugePageAllocator<T>().deallocate(chunk, chunkElements());
        }
        std::vector<T*>().swap(chunks_);
        size_ = 0;
    }

private:
    std::size_t chunkElements() const { return (mask_ + 1) * stride_; }

    std::size_t stride_;
    std::size_t shift_ = 0;
    std::size_t mask_ = 0;
    std::vector<T*> chunks_;
    std::size_t size_ = 0;
};

// Where the accumulator may put rows that do not fit its budget.
struct SpillSettings {
    std::uint64_t memory_limit = kDefaultMemoryLimit;
    std::filesystem::path directory; // parent of the temporary folder; empty: system temp
    // Asked between chunks of spill work: false means stop (the accumulator throws Cancelled).
    std::function<bool()> keep_going;
};

// The per-(cell, group) counts and aggregates, in an open-addressing table over columnar
// records: 28 bytes per row plus 8 per aggregate slot (and 8 to 16 in the table), the budget
// that keeps millions of rows within a few hundred megabytes. When the next row would pass the
// memory limit, the rows so far are sorted and written out as a run (spilled) and the table
// starts empty; finish() then merges the runs.
class CellAccumulator {
public:
    // Aggregate i reads input value `inputs[i]` of each observation.
    CellAccumulator(Grid grid, std::vector<AggregateField> aggregates,
                    std::vector<std::size_t> inputs, SpillSettings spill);
    ~CellAccumulator();
    CellAccumulator(const CellAccumulator&) = delete;
    CellAccumulator& operator=(const CellAccumulator&) = delete;

    // Group tuples new since the last call, in id order (ids continue from groupCount()).
    void addGroups(GroupTuples tuples);
    std::size_t groupCount() const { return groups_->size(); }
    const GroupTuples& groupTuples() const { return *groups_; }

    // `values` holds one value per input as raw bits (std::int64_t or double as the aggregate's
    // kind says); bit j of `present` says whether input j has a value at all. For `count`
    // observations: `inputs` values each, `present` null when there are no inputs.
    void addAll(const CellKey* keys, std::size_t count, const std::uint64_t* values,
                const std::uint64_t* present, std::size_t inputs);
    // A row grouped elsewhere (by the database): its count, and one result per aggregate.
    void addGrouped(const CellKey& key, std::int64_t count, const std::uint64_t* results,
                    std::uint64_t present);

    std::size_t records() const { return columns_.size(); }
    const SpillStatistics& spillStatistics() const { return statistics_; }

    // Drops rows below `min_count` (counting them), and hands out the rest in output order: from
    // memory when they fit, else merged from the runs. `counts` are the reading counts; the
    // stream completes them. The accumulator is empty afterwards.
    std::unique_ptr<CellStream> finish(std::vector<OutputField> group_fields,
                                       std::int64_t min_count, const AggregationCounts& counts);

private:
    void addHashed(const CellKey& key, std::uint64_t hash, const std::uint64_t* values,
                   std::uint64_t present);
    std::uint32_t insert(const CellKey& key, std::uint64_t hash);
    void prefetchRecordOf(std::uint64_t hash) const;
    void grow();
    std::uint64_t recordBytes() const;
    std::uint64_t tableBytes(std::size_t slots) const;
    // What the rows may take beside the hash table (and the group tuples).
    std::uint64_t rowBudget(std::uint64_t table_bytes) const;
    bool fits(std::size_t records, std::size_t table_slots) const;
    // Record numbers in output order (cell column, row, group rank), optionally only those with
    // at least `min_count` observations.
    LargeVector<std::uint32_t> sortedRecords(const std::vector<std::uint32_t>& rank,
                                             std::int64_t min_count);
    void spill();
    void clearRecords();
    std::unique_ptr<CellStream> finishInMemory(std::vector<OutputField> group_fields,
                                               std::int64_t min_count, AggregationCounts counts);

    Grid grid_;
    RecordLayout layout_;
    std::vector<std::size_t> inputs_;
    SpillSettings settings_;
    std::shared_ptr<GroupTuples> groups_;
    std::uint64_t group_bytes_ = 0;

    LargeVector<std::uint64_t> table_; // 0: empty; else hash tag << 32 | (record + 1)
    std::uint64_t mask_ = 0;

    ChunkedArray<std::int32_t> columns_;
    ChunkedArray<std::int32_t> rows_;
    ChunkedArray<std::uint32_t> record_groups_;
    ChunkedArray<std::int64_t> counts_;
    ChunkedArray<std::uint64_t> slots_;  // layout_.slots() per record
    ChunkedArray<std::uint8_t> present_; // layout_.presentBytes() per record

    std::unique_ptr<SpillDirectory> directory_;
    std::shared_ptr<SpillFile> run_file_;
    std::vector<Run> runs_;
    SpillStatistics statistics_;
};

// Group ids ranked by the value of their tuples: rank[id] is the tuple's place in value order.
std::vector<std::uint32_t> rankGroups(const GroupTuples& tuples);

} // namespace geolicence::detail
