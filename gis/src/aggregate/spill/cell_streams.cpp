#include "aggregate/spill/cell_streams.h"

#include "aggregate/accumulate/cell_table_access.h"

#include <geolicence/errors.h>

#include <algorithm>

namespace geolicence::detail {

namespace {

class TableReplay : public CellReplay {
public:
    explicit TableReplay(std::shared_ptr<const CellTable> table) : table_(std::move(table)) {}
    bool next(CellIndex& cell) override {
        if (next_ >= table_->size()) {
            return false;
        }
        cell = table_->cell(next_++);
        return true;
    }

private:
    std::shared_ptr<const CellTable> table_;
    std::size_t next_ = 0;
};

// Reads back the (column, row) pairs a merged stream logged.
class LogReplay : public CellReplay {
public:
    LogReplay(std::shared_ptr<SpillFile> file, std::uint64_t cells)
        : file_(std::move(file)), cells_(cells) {}
    bool next(CellIndex& cell) override {
        if (read_ == cells_) {
            return false;
        }
        if (position_ == buffer_.size()) {
            const std::uint64_t n = std::min<std::uint64_t>(kCells, cells_ - read_);
            buffer_.resize(2 * n);
            file_->read(8 * read_, buffer_.data(), 8 * n);
            position_ = 0;
        }
        cell = {buffer_[position_], buffer_[position_ + 1]};
        position_ += 2;
        ++read_;
        return true;
    }

private:
    static constexpr std::uint64_t kCells = 65536;
    std::shared_ptr<SpillFile> file_;
    std::uint64_t cells_;
    std::uint64_t read_ = 0;
    std::vector<std::int32_t> buffer_;
    std::size_t position_ = 0;
};

constexpr std::size_t kPollEvery = 65536;

} // namespace

TableCellStream::TableCellStream(std::shared_ptr<const CellTable> table,
                                 const AggregationCounts& counts, const SpillStatistics& spill)
    : CellStream(table->grid(), table->groupFields(), table->aggregateFields(), counts),
      table_(std::move(table)) {
    spill_ = spill;
}

bool TableCellStream::next(CellBlock& block) {
    if (next_ >= table_->size()) {
        return false;
    }
    block.table = table_;
    block.first = next_;
    block.count = std::min(kRowsPerBlock, table_->size() - next_);
    next_ += block.count;
    return true;
}

double TableCellStream::fraction() const {
    return table_->size() == 0 ? 1.0
                               : static_cast<double>(next_) / static_cast<double>(table_->size());
}

std::unique_ptr<CellReplay> TableCellStream::replayCells() {
    return std::make_unique<TableReplay>(table_);
}

MergedCellStream::MergedCellStream(Parts parts)
    : CellStream(parts.grid, std::move(parts.group_fields), parts.aggregate_fields, parts.counts),
      layout_(std::move(parts.aggregate_fields)), groups_(std::move(parts.groups)),
      min_count_(parts.min_count), directory_(std::move(parts.directory)) {
    spill_ = parts.spill;
    merger_ = std::make_unique<RunMerger>(std::move(parts.runs), layout_, std::move(parts.rank),
                                          parts.buffer_bytes);
    results_.resize(layout_.aggregates());
    // Rows the database left out (pushdown with a minimum count) are counted already.
    counts_.rows_written = 0;
    counts_.observations_written = 0;
    counts_.cells_written = 0;
}

MergedCellStream::~MergedCellStream() {
    // Readers hold the run files open: they go before the folder is removed.
    merger_.reset();
    cell_log_.reset();
}

void MergedCellStream::rememberCells() {
    if (!cell_log_) {
        cell_log_ = directory_->newFile();
    }
}

void MergedCellStream::logCell(std::int32_t column, std::int32_t row) {
    cell_buffer_.push_back(column);
    cell_buffer_.push_back(row);
    ++cells_logged_;
    if (cell_buffer_.size() >= 2 * 65536) {
        cell_log_->append(cell_buffer_.data(), cell_buffer_.size() * sizeof(std::int32_t));
        cell_buffer_.clear();
    }
}

bool MergedCellStream::next(CellBlock& block) {
    auto table = std::make_shared<CellTable>(
        CellTableAccess::make(grid_, group_fields_, aggregate_fields_, groups_));
    CellTableAccess::reserve(*table, kRowsPerBlock);
    std::size_t rows = 0;
    while (rows < kRowsPerBlock && merger_->next(row_)) {
        if (row_.count < min_count_) {
            ++counts_.rows_suppressed;
            counts_.observations_suppressed += row_.count;
            continue;
        }
        for (std::size_t i = 0; i < layout_.aggregates(); ++i) {
            results_[i] = layout_.result(row_.slots.data(), i);
        }
        CellTableAccess::append(*table, row_.column, row_.row, row_.group, row_.count,
                                results_.data(), row_.present.data());
        ++rows;
        ++counts_.rows_written;
        counts_.observations_written += row_.count;
        if (!has_last_cell_ || row_.column != last_column_ || row_.row != last_row_) {
            ++counts_.cells_written;
            has_last_cell_ = true;
            last_column_ = row_.column;
            last_row_ = row_.row;
        }
        if (cell_log_) {
            logCell(row_.column, row_.row);
        }
    }
    if (rows == 0) {
        if (cell_log_ && !cell_buffer_.empty()) {
            cell_log_->append(cell_buffer_.data(), cell_buffer_.size() * sizeof(std::int32_t));
            cell_buffer_.clear();
        }
        return false;
    }
    block.table = std::move(table);
    block.first = 0;
    block.count = rows;
    return true;
}

double MergedCellStream::fraction() const {
    return merger_->total() == 0
               ? 1.0
               : static_cast<double>(merger_->consumed()) / static_cast<double>(merger_->total());
}

std::unique_ptr<CellReplay> MergedCellStream::replayCells() {
    if (!cell_log_) {
        throw Error("the cells of a merged stream were not remembered");
    }
    return std::make_unique<LogReplay>(cell_log_, cells_logged_);
}

std::vector<Run> mergeDownTo(std::vector<Run> runs, std::size_t fan_in, const RecordLayout& layout,
                             const std::shared_ptr<const std::vector<std::uint32_t>>& rank,
                             SpillDirectory& directory, std::size_t buffer_bytes,
                             SpillStatistics& statistics, const std::function<bool()>& keep_going) {
    while (runs.size() > fan_in) {
        ++statistics.passes;
        std::vector<Run> merged;
        std::shared_ptr<SpillFile> file = directory.newFile();
        for (std::size_t first = 0; first < runs.size(); first += fan_in) {
            const std::size_t last = std::min(runs.size(), first + fan_in);
            if (last - first == 1) {
                merged.push_back(std::move(runs[first]));
                continue;
            }
            std::vector<Run> group(std::make_move_iterator(runs.begin() + first),
                                   std::make_move_iterator(runs.begin() + last));
            RunMerger merger(std::move(group), layout, rank, buffer_bytes);
            RunWriter writer(file, layout, buffer_bytes);
            RunRecord row;
            std::size_t since_poll = 0;
            while (merger.next(row)) {
                writer.add(row);
                if (++since_poll == kPollEvery) {
                    since_poll = 0;
                    if (keep_going && !keep_going()) {
                        throw Cancelled();
                    }
                }
            }
            merged.push_back(writer.finish());
            ++statistics.runs;
            statistics.bytes +=
                static_cast<std::int64_t>(merged.back().records * runRecordSize(layout));
        }
        runs = std::move(merged);
    }
    return runs;
}

} // namespace geolicence::detail
