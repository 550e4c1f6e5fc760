#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

namespace geolicence::detail {

// A temporary file for spilled rows. It has no name: it is unlinked as soon as it is made, so
// the space comes back when the descriptor closes, however the process ends.
class SpillFile {
public:
    SpillFile(int fd, std::filesystem::path directory);
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    // Appends; InputError naming the folder when the disk is full or the write fails.
    void append(const void* data, std::size_t size);
    // Reads `size` bytes at `offset` (within what was appended).
    void read(std::uint64_t offset, void* data, std::size_t size) const;
    std::uint64_t size() const { return size_; }

private:
    int fd_ = -1;
    std::filesystem::path directory_;
    std::uint64_t size_ = 0;
};

// The hidden folder that spilled runs go to, made on first use in `parent` (next to the output)
// and removed with everything in it when this object goes, on success, error or Ctrl-C alike.
// The files in it are unlinked at once (SpillFile), so even a killed process leaves at most an
// empty folder behind.
class SpillDirectory {
public:
    explicit SpillDirectory(std::filesystem::path parent);
    ~SpillDirectory();
    SpillDirectory(const SpillDirectory&) = delete;
    SpillDirectory& operator=(const SpillDirectory&) = delete;

    // InputError when the folder or the file cannot be made.
    std::shared_ptr<SpillFile> newFile();
    // Empty until the first file.
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path parent_;
    std::filesystem::path path_;
};

} // namespace geolicence::detail
