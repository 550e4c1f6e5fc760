#pragma once

#include "aggregate/accumulate/record_layout.h"
#include "aggregate/spill/cell_runs.h"
#include "aggregate/spill/spill_directory.h"

#include <geolicence/cell_stream.h>

#include <functional>
#include <memory>
#include <vector>

namespace geolicence::detail {

// Rows per block handed to writers: large enough to keep per-block overhead out of sight,
// small enough that two blocks in flight cost little memory.
constexpr std::size_t kRowsPerBlock = 16384;

// The rows of a table in memory (already in output order, counts complete), in blocks.
class TableCellStream : public CellStream {
public:
    TableCellStream(std::shared_ptr<const CellTable> table, const AggregationCounts& counts,
                    const SpillStatistics& spill = {});
    bool next(CellBlock& block) override;
    double fraction() const override;
    std::unique_ptr<CellReplay> replayCells() override;

private:
    std::shared_ptr<const CellTable> table_;
    std::size_t next_ = 0;
};

// The rows of spilled runs, merged (rows with the same cell and group in several runs combined),
// with the minimum count applied as they come. Owns the temporary folder: it goes with the
// stream.
class MergedCellStream : public CellStream {
public:
    struct Parts {
        Grid grid;
        std::vector<OutputField> group_fields;
        std::vector<AggregateField> aggregate_fields;
        std::vector<Run> runs;
        std::shared_ptr<const GroupTuples> groups;
        std::shared_ptr<const std::vector<std::uint32_t>> rank;
        std::int64_t min_count = 1;
        AggregationCounts counts;
        SpillStatistics spill;
        std::unique_ptr<SpillDirectory> directory;
        std::size_t buffer_bytes = 0;
    };
    explicit MergedCellStream(Parts parts);
    ~MergedCellStream() override;

    bool next(CellBlock& block) override;
    double fraction() const override;
    void rememberCells() override;
    std::unique_ptr<CellReplay> replayCells() override;

private:
    void logCell(std::int32_t column, std::int32_t row);

    RecordLayout layout_;
    std::shared_ptr<const GroupTuples> groups_;
    std::int64_t min_count_;
    std::unique_ptr<SpillDirectory> directory_; // destroyed last among what uses it
    std::unique_ptr<RunMerger> merger_;
    RunRecord row_;
    std::vector<std::uint64_t> results_;
    bool has_last_cell_ = false;
    std::int32_t last_column_ = 0;
    std::int32_t last_row_ = 0;
    std::shared_ptr<SpillFile> cell_log_;
    std::vector<std::int32_t> cell_buffer_;
    std::uint64_t cells_logged_ = 0;
};

// Merges runs in groups of `fan_in` into longer runs until at most `fan_in` are left (a
// merge reads every run at once, and each needs a buffer and a file position).
std::vector<Run> mergeDownTo(std::vector<Run> runs, std::size_t fan_in, const RecordLayout& layout,
                             const std::shared_ptr<const std::vector<std::uint32_t>>& rank,
                             SpillDirectory& directory, std::size_t buffer_bytes,
                             SpillStatistics& statistics, const std::function<bool()>& keep_going);

} // namespace geolicence::detail
