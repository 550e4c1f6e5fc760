#include "aggregate/spill/spill_directory.h"

#include <geolicence/errors.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace geolicence::detail {

namespace fs = std::filesystem;

namespace {

std::string problem(int error) {
    return error == ENOSPC ? "no space left on the device" : std::strerror(error);
}

} // namespace

SpillFile::SpillFile(int fd, fs::path directory) : fd_(fd), directory_(std::move(directory)) {}

SpillFile::~SpillFile() {
    ::close(fd_);
}

void SpillFile::append(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const char*>(data);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n =
            ::pwrite(fd_, bytes + done, size - done, static_cast<off_t>(size_ + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw InputError(directory_.string() + ": cannot write the rows that do not fit the " +
                             "memory limit: " + problem(n < 0 ? errno : ENOSPC));
        }
        done += static_cast<std::size_t>(n);
    }
    size_ += size;
}

void SpillFile::read(std::uint64_t offset, void* data, std::size_t size) const {
    auto* bytes = static_cast<char*>(data);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n =
            ::pread(fd_, bytes + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw InputError(directory_.string() + ": cannot read back spilled rows: " +
                             (n < 0 ? std::strerror(errno) : "the file is shorter than written"));
        }
        done += static_cast<std::size_t>(n);
    }
}

SpillDirectory::SpillDirectory(fs::path parent) : parent_(std::move(parent)) {
    if (parent_.empty()) {
        std::error_code error;
        parent_ = fs::temp_directory_path(error);
        if (error) {
            parent_ = "/tmp";
        }
    }
}

SpillDirectory::~SpillDirectory() {
    if (!path_.empty()) {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
}

std::shared_ptr<SpillFile> SpillDirectory::newFile() {
    if (path_.empty()) {
        std::string pattern = (parent_ / ".geolicence-spill-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw InputError(parent_.string() + ": cannot make a temporary folder for the rows " +
                             "that do not fit the memory limit: " + problem(errno));
        }
        path_ = pattern;
    }
    std::string pattern = (path_ / "run-XXXXXX").string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) {
        throw InputError(path_.string() + ": cannot make a temporary file: " + problem(errno));
    }
    ::unlink(pattern.c_str());
    return std::make_shared<SpillFile>(fd, path_);
}

} // namespace geolicence::detail
