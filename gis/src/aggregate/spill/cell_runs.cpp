#include "aggregate/spill/cell_runs.h"

#include <algorithm>
#include <cstring>

namespace geolicence::detail {

namespace {

template <typename T> void put(char*& out, const T& value) {
    std::memcpy(out, &value, sizeof value);
    out += sizeof value;
}

template <typename T> void take(const char*& in, T& value) {
    std::memcpy(&value, in, sizeof value);
    in += sizeof value;
}

// memcpy that may be handed the null data() of an empty vector (no aggregates).
void copyBytes(void* to, const void* from, std::size_t size) {
    if (size > 0) {
        std::memcpy(to, from, size);
    }
}

} // namespace

RunWriter::RunWriter(std::shared_ptr<SpillFile> file, const RecordLayout& layout,
                     std::size_t buffer_bytes)
    : layout_(layout), record_size_(runRecordSize(layout)) {
    run_.file = std::move(file);
    run_.offset = run_.file->size();
    buffer_.resize(std::max(buffer_bytes / record_size_, std::size_t{1}) * record_size_);
}

void RunWriter::add(std::int32_t column, std::int32_t row, std::uint32_t group, std::int64_t count,
                    const std::uint64_t* slots, const std::uint8_t* present) {
    if (used_ + record_size_ > buffer_.size()) {
        flush();
    }
    char* out = buffer_.data() + used_;
    put(out, column);
    put(out, row);
    put(out, group);
    put(out, count);
    copyBytes(out, slots, 8 * layout_.slots());
    out += 8 * layout_.slots();
    copyBytes(out, present, layout_.presentBytes());
    used_ += record_size_;
    ++run_.records;
}

void RunWriter::flush() {
    if (used_ > 0) {
        run_.file->append(buffer_.data(), used_);
        used_ = 0;
    }
}

Run RunWriter::finish() {
    flush();
    return run_;
}

RunReader::RunReader(Run run, const RecordLayout& layout, std::size_t buffer_bytes)
    : run_(std::move(run)), layout_(layout), record_size_(runRecordSize(layout)) {
    buffer_.resize(std::max(buffer_bytes / record_size_, std::size_t{1}) * record_size_);
    current_.slots.resize(layout.slots());
    current_.present.resize(layout.presentBytes());
    advance();
}

void RunReader::advance() {
    if (position_ == buffered_) {
        const std::uint64_t left = run_.records - read_;
        if (left == 0) {
            done_ = true;
            return;
        }
        buffered_ =
            static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer_.size() / record_size_));
        run_.file->read(run_.offset + read_ * record_size_, buffer_.data(),
                        buffered_ * record_size_);
        read_ += buffered_;
        position_ = 0;
    }
    const char* in = buffer_.data() + position_ * record_size_;
    take(in, current_.column);
    take(in, current_.row);
    take(in, current_.group);
    take(in, current_.count);
    copyBytes(current_.slots.data(), in, 8 * layout_.slots());
    in += 8 * layout_.slots();
    copyBytes(current_.present.data(), in, layout_.presentBytes());
    ++position_;
}

RunMerger::RunMerger(std::vector<Run> runs, const RecordLayout& layout,
                     std::shared_ptr<const std::vector<std::uint32_t>> rank,
                     std::size_t buffer_bytes)
    : layout_(layout), rank_(std::move(rank)) {
    readers_.reserve(runs.size());
    for (Run& run : runs) {
        total_ += run.records;
        if (run.records > 0) {
            readers_.emplace_back(std::move(run), layout, buffer_bytes);
        }
    }
    for (std::size_t i = 0; i < readers_.size(); ++i) {
        heap_.push_back(i);
    }
    for (std::size_t i = heap_.size() / 2; i-- > 0;) {
        siftDown(i);
    }
}

bool RunMerger::before(std::size_t a, std::size_t b) const {
    const RunRecord& x = readers_[a].current();
    const RunRecord& y = readers_[b].current();
    if (x.column != y.column) {
        return x.column < y.column;
    }
    if (x.row != y.row) {
        return x.row < y.row;
    }
    return (*rank_)[x.group] < (*rank_)[y.group];
}

void RunMerger::siftDown(std::size_t at) {
    while (true) {
        const std::size_t left = 2 * at + 1;
        const std::size_t right = left + 1;
        std::size_t smallest = at;
        if (left < heap_.size() && before(heap_[left], heap_[smallest])) {
            smallest = left;
        }
        if (right < heap_.size() && before(heap_[right], heap_[smallest])) {
            smallest = right;
        }
        if (smallest == at) {
            return;
        }
        std::swap(heap_[at], heap_[smallest]);
        at = smallest;
    }
}

bool RunMerger::next(RunRecord& row) {
    if (heap_.empty()) {
        return false;
    }
    bool first = true;
    while (!heap_.empty()) {
        RunReader& reader = readers_[heap_.front()];
        const RunRecord& record = reader.current();
        if (first) {
            row = record;
            first = false;
        } else if (record.column == row.column && record.row == row.row &&
                   record.group == row.group) {
            row.count += record.count;
            layout_.merge(row.slots.data(), row.present.data(), record.slots.data(),
                          record.present.data());
        } else {
            break;
        }
        ++consumed_;
        reader.advance();
        if (reader.done()) {
            heap_.front() = heap_.back();
            heap_.pop_back();
        }
        if (!heap_.empty()) {
            siftDown(0);
        }
    }
    return true;
}

} // namespace geolicence::detail
