#pragma once

#include <geolicence/aggregation.h>
#include <geolicence/huge_page_allocator.h>

#include <cstdint>
#include <memory>
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

// An append-only array in chunks of 2 MiB (one huge page each, see HugePageAllocator): growing
// never copies and never holds the old and the new storage at once, as a doubling std::vector
// does, which at millions of rows is the difference between the memory budget and twice it.
template <typename T> class ChunkedArray {
    static_assert((sizeof(T) & (sizeof(T) - 1)) == 0, "element sizes are powers of two");
    static constexpr std::size_t log2(std::size_t n) { return n <= 1 ? 0 : 1 + log2(n / 2); }

public:
    static constexpr std::size_t kShift = 21 - log2(sizeof(T));
    static constexpr std::size_t kChunk = std::size_t{1} << kShift;

    ChunkedArray() = default;
    ~ChunkedArray() { release(); }
    ChunkedArray(const ChunkedArray&) = delete;
    ChunkedArray& operator=(const ChunkedArray&) = delete;

    void push_back(T value) {
        if ((size_ & (kChunk - 1)) == 0) {
            // Left uninitialised (every element is written before it is read).
            chunks_.push_back(HugePageAllocator<T>().allocate(kChunk));
        }
        chunks_.back()[size_ & (kChunk - 1)] = value;
        ++size_;
    }
    T& operator[](std::size_t i) { return chunks_[i >> kShift][i & (kChunk - 1)]; }
    const T& operator[](std::size_t i) const { return chunks_[i >> kShift][i & (kChunk - 1)]; }
    std::size_t size() const { return size_; }
    void release() {
        for (T* chunk : chunks_) {
            HugePageAllocator<T>().deallocate(chunk, kChunk);
        }
        std::vector<T*>().swap(chunks_);
        size_ = 0;
    }

private:
    std::vector<T*> chunks_;
    std::size_t size_ = 0;
};

// The per-(cell, group) counts and aggregates, in an open-addressing table over columnar
// records: 28 bytes per row plus 8 per aggregate (and 8 in the table), the budget that keeps
// millions of rows within a few hundred megabytes.
class CellAccumulator {
public:
    // Aggregate i reads input value `inputs[i]` of each observation.
    CellAccumulator(Grid grid, std::vector<AggregateField> aggregates,
                    std::vector<std::size_t> inputs);

    // `values` holds one value per input as raw bits (std::int64_t or double as the aggregate's
    // kind says); bit j of `present` says whether input j has a value at all.
    void add(const CellKey& key, const std::uint64_t* values, std::uint64_t present);
    // The same for `count` observations: `inputs` values each, `present` null when no inputs.
    void addAll(const CellKey* keys, std::size_t count, const std::uint64_t* values,
                const std::uint64_t* present, std::size_t inputs);

    std::size_t records() const { return columns_.size(); }

    // Drops rows below `min_count` (counting them in `counts`), sorts the rest into output order
    // and moves them into the table. The accumulator is empty afterwards.
    CellTable finish(std::vector<OutputField> group_fields,
                     std::vector<std::vector<GroupValue>> group_values, std::int64_t min_count,
                     AggregationCounts& counts);

private:
    void addHashed(const CellKey& key, std::uint64_t hash, const std::uint64_t* values,
                   std::uint64_t present);
    std::uint32_t insert(const CellKey& key, std::uint64_t hash);
    void prefetchRecordOf(std::uint64_t hash) const;
    void grow();
    LargeVector<std::uint32_t> outputOrder(const std::vector<std::uint32_t>& rank,
                                           std::int64_t min_count, AggregationCounts& counts);

    Grid grid_;
    std::vector<AggregateField> aggregates_;
    std::vector<std::size_t> inputs_;
    std::vector<bool> integral_;
    std::size_t present_stride_ = 0; // bytes of presence bits per record

    LargeVector<std::uint64_t> table_; // 0: empty; else hash tag << 32 | (record + 1)
    std::uint64_t mask_ = 0;

    ChunkedArray<std::int32_t> columns_;
    ChunkedArray<std::int32_t> rows_;
    ChunkedArray<std::uint32_t> groups_;
    ChunkedArray<std::int64_t> counts_;
    ChunkedArray<std::uint64_t> slots_;
    ChunkedArray<std::uint8_t> present_;
};

} // namespace geolicence::detail
