#include "aggregate/batch_pipeline.h"

namespace geolicence::detail {

void BatchPipeline::produce(const std::function<std::optional<PreparedBatch>()>& next) {
    std::exception_ptr error;
    try {
        while (true) {
            {
                std::lock_guard<std::mutex> lock(mutex_);
                if (stopped_) {
                    break;
                }
            }
            std::optional<PreparedBatch> batch = next();
            if (!batch) {
                break;
            }
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return stopped_ || batches_.size() < kCapacity; });
            if (stopped_) {
                break;
            }
            batches_.push_back(std::move(*batch));
            changed_.notify_all();
        }
    } catch (...) {
        error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    error_ = error;
    changed_.notify_all();
}

std::optional<PreparedBatch> BatchPipeline::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !batches_.empty() || finished_ || stopped_; });
    if (batches_.empty() || stopped_) {
        return std::nullopt;
    }
    PreparedBatch batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return batch;
}

void BatchPipeline::rethrowReaderError() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_) {
        std::rethrow_exception(error_);
    }
}

void BatchPipeline::stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    batches_.clear();
    changed_.notify_all();
}

} // namespace geolicence::detail
