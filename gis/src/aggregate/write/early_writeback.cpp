#include "aggregate/write/early_writeback.h"

#include <fcntl.h>
#include <unistd.h>

namespace geolicence::detail {

EarlyWriteback::EarlyWriteback(const std::filesystem::path& file)
    : fd_(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {}

EarlyWriteback::~EarlyWriteback() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

void EarlyWriteback::kick() const {
    if (fd_ >= 0) {
        // Offset 0, length 0: the whole file. SYNC_FILE_RANGE_WRITE alone starts the writes of
        // pages not yet under writeback and returns.
        ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
    }
}

} // namespace geolicence::detail
