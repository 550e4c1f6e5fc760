#pragma once

#include "aggregate/accumulate/cell_accumulator.h"

#include <geolicence/aggregation.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace geolicence::detail {

// A batch of features reduced to what the accumulator needs: per observation its key, one
// value per aggregated input (raw bits) and which of those are present.
struct PreparedBatch {
    GroupTuples new_groups; // tuples first interned in this batch (ids continue the last batch's)
    std::vector<CellKey> keys;
    std::vector<std::uint64_t> values;
    std::vector<std::uint64_t> present;
    AggregationCounts counts; // features_read, features_used, skipped, observations, ...
};

// Hands prepared batches from the reader thread to the accumulating thread. Bounded, so a
// fast reader cannot fill memory with batches; either side can stop the other.
class BatchPipeline {
public:
    // Reader side: calls `next` until it returns nullopt or the consumer stops; an exception
    // ends the stream and is rethrown on the consumer side.
    void produce(const std::function<std::optional<PreparedBatch>()>& next);

    // Consumer side: the next batch, or nullopt at the end (also after a reader error).
    std::optional<PreparedBatch> next();
    void rethrowReaderError();
    void stop();

private:
    static constexpr std::size_t kCapacity = 4;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<PreparedBatch> batches_;
    bool finished_ = false;
    bool stopped_ = false;
    std::exception_ptr error_;
};

// Stops the pipeline and joins the reader however the consumer leaves (error, Cancelled).
class JoinOnExit {
public:
    JoinOnExit(std::thread& thread, BatchPipeline& pipeline)
        : thread_(thread), pipeline_(pipeline) {}
    ~JoinOnExit() {
        pipeline_.stop();
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    JoinOnExit(const JoinOnExit&) = delete;
    JoinOnExit& operator=(const JoinOnExit&) = delete;

private:
    std::thread& thread_;
    BatchPipeline& pipeline_;
};

} // namespace geolicence::detail
