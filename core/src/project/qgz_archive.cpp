#include "project/qgz_archive.h"

#include <geolicence/errors.h>

#include <memory>
#include <zip.h>

namespace geolicence::detail {

namespace {

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// An entry that would land outside the folder it is extracted to ("zip slip"). Nothing is
// extracted here, but QGIS extracts a .qgz when it opens it, and QGIS never writes such names:
// an archive that has them was made to attack whoever opens it.
bool escapesArchive(const std::string& entry) {
    if (!entry.empty() &&
        (entry[0] == '/' || entry[0] == '\\' || (entry.size() > 1 && entry[1] == ':'))) {
        return true;
    }
    std::size_t start = 0;
    while (start <= entry.size()) {
        std::size_t end = entry.find_first_of("/\\", start);
        if (end == std::string::npos) {
            end = entry.size();
        }
        if (entry.compare(start, end - start, "..") == 0) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

std::string readQgsFromQgz(const std::filesystem::path& path, const ProjectReadLimits& limits) {
    const std::string name = path.string();
    int error_code = 0;
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open(name.c_str(), ZIP_RDONLY, &error_code));
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, error_code);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw InputError(name + ": not a readable .qgz (zip) file: " + message);
    }
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > limits.max_zip_entries) {
        throw InputError(name + ": .qgz holds " + std::to_string(entries) +
                         " entries; a project has a handful (limit " +
                         std::to_string(limits.max_zip_entries) + ")");
    }
    zip_int64_t qgs_index = -1;
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* entry = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
        if (entry != nullptr && escapesArchive(entry)) {
            throw InputError(name + ": .qgz entry \"" + entry +
                             "\" points outside the archive; refusing it");
        }
        if (entry != nullptr && endsWith(entry, ".qgs")) {
            if (qgs_index >= 0) {
                throw InputError(name + ": .qgz holds more than one .qgs project");
            }
            qgs_index = i;
        }
    }
    if (qgs_index < 0) {
        throw InputError(name + ": .qgz holds no .qgs project");
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(qgs_index), 0, &stat) != 0) {
        throw InputError(name + ": cannot read the .qgs entry: " + zip_strerror(archive.get()));
    }
    // The sizes in the header can lie; they only decide whether to start. The real guard is
    // the byte count while inflating.
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > limits.max_project_bytes) {
        throw InputError(name + ": the .qgs inside is " + std::to_string(stat.size >> 20) +
                         " MiB, over the limit of " +
                         std::to_string(limits.max_project_bytes >> 20) + " MiB");
    }
    std::unique_ptr<zip_file_t, FileCloser> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(qgs_index), 0));
    if (!file) {
        throw InputError(name + ": cannot open the .qgs entry: " + zip_strerror(archive.get()));
    }
    const std::size_t compressed =
        (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? static_cast<std::size_t>(stat.comp_size) : 0;
    std::string content;
    char buffer[1 << 16];
    while (true) {
        const zip_int64_t read = zip_fread(file.get(), buffer, sizeof buffer);
        if (read < 0) {
            throw InputError(name + ": corrupt .qgz: " + zip_file_strerror(file.get()));
        }
        if (read == 0) {
            break;
        }
        content.append(buffer, static_cast<std::size_t>(read));
        if (content.size() > limits.max_project_bytes) {
            throw InputError(name + ": the .qgs inside inflates past the limit of " +
                             std::to_string(limits.max_project_bytes >> 20) + " MiB");
        }
        if (compressed > 0 && content.size() > (1u << 20) &&
            content.size() / compressed > limits.max_compression_ratio) {
            throw InputError(name + ": the .qgs inside inflates more than " +
                             std::to_string(limits.max_compression_ratio) +
                             " times: refusing a zip bomb");
        }
    }
    return content;
}

} // namespace geolicence::detail
