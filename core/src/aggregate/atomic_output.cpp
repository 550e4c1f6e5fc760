#include <geolicence/atomic_output.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace geolicence {

namespace fs = std::filesystem;

namespace {

fs::path directoryOf(const fs::path& file) {
    const fs::path parent = file.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code error;
    if (fs::exists(a, error) && fs::exists(b, error)) {
        return fs::equivalent(a, b, error);
    }
    return fs::weakly_canonical(a, error) == fs::weakly_canonical(b, error);
}

// Waits until `path` (a file or a directory) is on disk. A rename makes the new output visible
// at once, but after a power loss the name could point at data never written: the data is
// made durable first, the directory entry after.
void makeDurable(const fs::path& path, const fs::path& shown) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw InputError(shown.string() +
                         ": cannot open to write it to disk: " + std::strerror(errno));
    }
    const int status = ::fsync(fd);
    const int fsync_errno = errno;
    ::close(fd);
    // Some file systems (and /dev/shm-like ones) cannot sync a directory; that is no error.
    if (status != 0 && fsync_errno != EINVAL && fsync_errno != EROFS) {
        throw InputError(shown.string() + ": cannot write to disk: " + std::strerror(fsync_errno));
    }
}

} // namespace

AtomicOutput::AtomicOutput(fs::path target) : target_(std::move(target)) {
    const fs::path directory = directoryOf(target_);
    std::string pattern =
        (directory / ("." + target_.filename().string() + ".geolicence-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw InputError(target_.string() + ": cannot write in " + directory.string() + ": " +
                         std::strerror(errno));
    }
    staging_ = pattern;
    staged_ = staging_ / target_.filename();
}

AtomicOutput::~AtomicOutput() {
    if (!committed_) {
        discard();
    }
}

void AtomicOutput::discard() noexcept {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
}

void AtomicOutput::commit(const std::vector<fs::path>& stale) {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(staging_, error)) {
        files.push_back(entry.path());
    }
    // The main file last: it is what readers open.
    std::stable_partition(files.begin(), files.end(),
                          [this](const fs::path& file) { return file != staged_; });
    const fs::path directory = directoryOf(target_);
    for (const fs::path& file : files) {
        makeDurable(file, directory / file.filename());
    }
    std::vector<fs::path> moved;
    for (const fs::path& file : files) {
        const fs::path destination = directory / file.filename();
        fs::rename(file, destination, error);
        if (error) {
            throw InputError(destination.string() + ": cannot move the finished output into " +
                             "place: " + error.message());
        }
        moved.push_back(destination);
    }
    committed_ = true;
    discard();
    makeDurable(directory, directory);
    for (const fs::path& file : stale) {
        const bool replaced = std::any_of(moved.begin(), moved.end(), [&](const fs::path& m) {
            return m.filename() == file.filename();
        });
        if (!replaced) {
            fs::remove(file, error);
        }
    }
}

std::string AtomicOutput::explain(std::string message) const {
    const std::string staged = staged_.string();
    for (std::size_t at = message.find(staged); at != std::string::npos;
         at = message.find(staged, at + 1)) {
        message.replace(at, staged.size(), target_.string());
    }
    struct statvfs disk {};
    if (::statvfs(directoryOf(target_).c_str(), &disk) == 0 && disk.f_bavail == 0) {
        message += " (no space left on the device)";
    }
    return message;
}

std::vector<fs::path> datasetFiles(const fs::path& output) {
    std::vector<fs::path> files = {output, output.string() + ".licence.json"};
    if (detail::lowerExtension(output) == ".shp") {
        for (const char* extension :
             {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".xml"}) {
            fs::path companion = output;
            companion.replace_extension(extension);
            files.push_back(companion);
        }
    }
    return files;
}

std::string outputPathProblem(const std::vector<fs::path>& input_files, const fs::path& output,
                              bool overwrite) {
    for (const fs::path& part : datasetFiles(output)) {
        for (const fs::path& input : input_files) {
            if (sameFile(part, input)) {
                return output.string() + ": would overwrite the input (" + input.string() + ")";
            }
        }
    }
    std::error_code error;
    const fs::path directory = directoryOf(output);
    if (!fs::is_directory(directory, error)) {
        return output.string() + ": " + directory.string() +
               (fs::exists(directory, error) ? " is not a directory" : " does not exist");
    }
    if (fs::is_directory(output, error)) {
        return output.string() + ": is a directory";
    }
    if (!overwrite && fs::exists(output, error)) {
        return output.string() + ": exists; use --overwrite to replace it";
    }
    return {};
}

} // namespace geolicence
