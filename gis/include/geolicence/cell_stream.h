#pragma once

#include "geolicence/aggregation.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace geolicence {

// Rows [first, first + count) of `table`. The table is shared, so a block stays valid while
// the stream goes on to the next one (a writer encodes one block while SQLite takes the other).
struct CellBlock {
    std::shared_ptr<const CellTable> table;
    std::size_t first = 0;
    std::size_t count = 0;
};

// The cells of every row handed out by a stream, once more and in the same order: what a
// writer needs after the rows to build a spatial index, without keeping the rows.
class CellReplay {
public:
    virtual ~CellReplay() = default;
    virtual bool next(CellIndex& cell) = 0;
};

// The rows of an aggregation in output order (cell column, cell row, group values), handed out
// front to back in blocks: from memory, or merged from sorted runs on disk when they did not
// fit the memory limit. Either way the same rows, in the same order, with the same counts.
class CellStream {
public:
    virtual ~CellStream() = default;
    CellStream(const CellStream&) = delete;
    CellStream& operator=(const CellStream&) = delete;

    const Grid& grid() const { return grid_; }
    const std::vector<OutputField>& groupFields() const { return group_fields_; }
    const std::vector<AggregateField>& aggregateFields() const { return aggregate_fields_; }

    // The next rows; false after the last. InputError when a temporary file cannot be read.
    virtual bool next(CellBlock& block) = 0;
    // How far the stream has got, from 0 to 1 (for progress while writing).
    virtual double fraction() const = 0;

    // Call before the first next() to be able to replay the cells afterwards.
    virtual void rememberCells() {}
    // After next() returned false: the cells of the rows handed out, in order.
    virtual std::unique_ptr<CellReplay> replayCells() = 0;

    // The reading counts, and once next() has returned false also rows_written, rows_suppressed,
    // observations_written, observations_suppressed and cells_written.
    const AggregationCounts& counts() const { return counts_; }
    const SpillStatistics& spill() const { return spill_; }

protected:
    CellStream(Grid grid, std::vector<OutputField> group_fields,
               std::vector<AggregateField> aggregate_fields, AggregationCounts counts)
        : grid_(grid), group_fields_(std::move(group_fields)),
          aggregate_fields_(std::move(aggregate_fields)), counts_(counts) {}

    Grid grid_;
    std::vector<OutputField> group_fields_;
    std::vector<AggregateField> aggregate_fields_;
    AggregationCounts counts_;
    SpillStatistics spill_;
};

// What reading an input gives before its rows are written.
struct AggregationStream {
    std::unique_ptr<CellStream> cells;
    std::string layer; // the layer read
    std::vector<std::string> warnings;
    bool pushed_down = false;
    std::string pushdown_note;
};

// Reads `input` (or has PostGIS group it, see AggregationOptions::pushdown) and returns its rows
// as a stream, within options.memory_limit: whatever does not fit is spilled to a temporary
// folder in options.temporary_directory, which the stream removes when it is destroyed.
// Progress runs from 0 to 1 over reading (and spilling); writing reports stream.fraction().
//
// InputError, Cancelled and std::invalid_argument as aggregateCells.
AggregationStream openCellStream(const AggregationInput& input, const AggregationSpec& spec,
                                 const AggregationOptions& options,
                                 const ProgressCallback& progress = {});

// A stream over a table in memory (what writeCellTable writes).
std::unique_ptr<CellStream> streamOf(std::shared_ptr<const CellTable> table,
                                     const AggregationCounts& counts = {});

// Every row of the stream in one table (what aggregateCells returns).
CellTable collectRows(CellStream& stream, const ProgressCallback& progress = {});

} // namespace geolicence
