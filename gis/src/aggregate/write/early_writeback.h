#pragma once

#include <filesystem>

namespace geolicence::detail {

// Starts writing a file's dirty pages to disk while the program goes on producing it, so the
// fsync that makes the finished output durable (AtomicOutput::commit) has little left to wait
// for: the kernel would otherwise hold hundreds of megabytes back until then (its background
// writeback starts at 10% of memory). Best effort: where the file cannot be opened or the
// file system ignores the hint, nothing changes but the timing.
class EarlyWriteback {
public:
    explicit EarlyWriteback(const std::filesystem::path& file);
    ~EarlyWriteback();
    EarlyWriteback(const EarlyWriteback&) = delete;
    EarlyWriteback& operator=(const EarlyWriteback&) = delete;

    // Queues what has been written so far for writing out; does not wait for it.
    void kick() const;

private:
    int fd_ = -1;
};

} // namespace geolicence::detail
