#pragma once

#include "aggregate/accumulate/record_layout.h"
#include "aggregate/spill/spill_directory.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace geolicence::detail {

// One spilled run: rows sorted by cell and group value, each once, stored back to back in a
// temporary file as fixed-size records (column, row, group id, count, aggregate slots, presence
// bits; native byte order, the file never leaves the process).
struct Run {
    std::shared_ptr<SpillFile> file;
    std::uint64_t offset = 0;
    std::uint64_t records = 0;
};

// A row as runs store it, with its slots in RecordLayout's arrangement.
struct RunRecord {
    std::int32_t column = 0;
    std::int32_t row = 0;
    std::uint32_t group = 0;
    std::int64_t count = 0;
    std::vector<std::uint64_t> slots;
    std::vector<std::uint8_t> present;
};

inline std::size_t runRecordSize(const RecordLayout& layout) {
    return 4 + 4 + 4 + 8 + 8 * layout.slots() + layout.presentBytes();
}

// Appends records to a run through a buffer of `buffer_bytes`.
class RunWriter {
public:
    RunWriter(std::shared_ptr<SpillFile> file, const RecordLayout& layout,
              std::size_t buffer_bytes);
    void add(std::int32_t column, std::int32_t row, std::uint32_t group, std::int64_t count,
             const std::uint64_t* slots, const std::uint8_t* present);
    void add(const RunRecord& record) {
        add(record.column, record.row, record.group, record.count, record.slots.data(),
            record.present.data());
    }
    // Writes what is buffered; the run is complete.
    Run finish();

private:
    void flush();

    Run run_;
    const RecordLayout& layout_;
    std::size_t record_size_;
    std::vector<char> buffer_;
    std::size_t used_ = 0;
};

// Reads a run front to back through a buffer of `buffer_bytes`.
class RunReader {
public:
    RunReader(Run run, const RecordLayout& layout, std::size_t buffer_bytes);
    bool done() const { return done_; }
    const RunRecord& current() const { return current_; }
    void advance();

private:
    Run run_;
    const RecordLayout& layout_;
    std::size_t record_size_;
    std::vector<char> buffer_;
    std::size_t buffered_ = 0; // records in the buffer
    std::size_t position_ = 0; // next record in the buffer
    std::uint64_t read_ = 0;   // records taken from the file
    RunRecord current_;
    bool done_ = false;
};

// The rows of several runs in one sorted sequence, rows with the same cell and group combined
// (counts added, aggregates merged). `rank` orders group ids by value; every run is sorted by
// it (a run sorted by the ranks of an earlier, smaller set of groups is sorted by these too:
// ranking by value never reorders groups already known).
class RunMerger {
public:
    RunMerger(std::vector<Run> runs, const RecordLayout& layout,
              std::shared_ptr<const std::vector<std::uint32_t>> rank, std::size_t buffer_bytes);
    // The next combined row; false after the last.
    bool next(RunRecord& row);
    // Records read from the runs so far, and in all.
    std::uint64_t consumed() const { return consumed_; }
    std::uint64_t total() const { return total_; }

private:
    bool before(std::size_t a, std::size_t b) const;
    void siftDown(std::size_t at);

    const RecordLayout& layout_;
    std::shared_ptr<const std::vector<std::uint32_t>> rank_;
    std::vector<RunReader> readers_;
    std::vector<std::size_t> heap_; // reader indices, a binary min-heap on the current record
    std::uint64_t consumed_ = 0;
    std::uint64_t total_ = 0;
};

} // namespace geolicence::detail
