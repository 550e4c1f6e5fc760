#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace geolicence {

// An output that nobody sees until it is complete. Files are written into a hidden staging
// directory next to the target (same file system, so moving them in is a rename) and moved into
// place by commit(); without commit (an error, Ctrl-C) the staging directory is removed and the
// target is left as it was. A multi-file format (Shapefile) is moved file by file, the main file
// last, so a reader never finds a main file without its companions.
class AtomicOutput {
public:
    // InputError when the target's directory does not exist or cannot be written.
    explicit AtomicOutput(std::filesystem::path target);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& target() const { return target_; }
    // Where to write: the target's file name inside the staging directory.
    const std::filesystem::path& staged() const { return staged_; }

    // Writes every staged file to disk (fsync), moves them into the target's directory,
    // replacing files of the same name, then removes `stale` files (parts of an overwritten
    // output that the new one does not have) and writes the directory to disk. InputError when
    // a file cannot be written to disk or a rename fails.
    void commit(const std::vector<std::filesystem::path>& stale = {});

    // An error `message` from writing the staged files, in terms of the target (the staging
    // directory is no name the user knows), and saying so when the disk is full: GDAL's drivers
    // report that in their own words ("database disk image is malformed", "seeking to temp
    // feature location").
    std::string explain(std::string message) const;

private:
    void discard() noexcept;

    std::filesystem::path target_;
    std::filesystem::path staging_;
    std::filesystem::path staged_;
    bool committed_ = false;
};

// Why `output` must not be written: it is (one of the files of) the input, it exists and
// `overwrite` is false, or its directory does not exist. Empty when it may be written.
// `input_files` are the files the input consists of (GDAL's file list).
std::string outputPathProblem(const std::vector<std::filesystem::path>& input_files,
                              const std::filesystem::path& output, bool overwrite);

// The files a dataset at `output` consists of or would consist of: the file itself, and for a
// Shapefile its companions (.shx, .dbf, .prj, .cpg, .qix, ...), plus a licence sidecar.
std::vector<std::filesystem::path> datasetFiles(const std::filesystem::path& output);

} // namespace geolicence
