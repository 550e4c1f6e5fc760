#include <geolicence/checkable_files.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>
#include <geolicence/project_reader.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace geolicence {

namespace {

bool isHidden(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

} // namespace

bool isDatasetFile(const std::filesystem::path& path) {
    // A Shapefile is its .shp (the .dbf, .shx, ... belong to it); .json is left out because
    // repositories hold many JSON files that are no data, our own licence sidecars among them.
    static const std::array<const char*, 7> kExtensions = {".gpkg", ".geojson", ".shp", ".fgb",
                                                           ".csv",  ".gml",     ".kml"};
    const std::string extension = detail::lowerExtension(path);
    return std::find(kExtensions.begin(), kExtensions.end(), extension) != kExtensions.end();
}

bool isPdfFile(const std::filesystem::path& path) {
    return detail::lowerExtension(path) == ".pdf";
}

std::vector<CheckableFile> findCheckableFiles(const std::filesystem::path& folder) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        throw InputError(folder.string() + ": not a folder");
    }
    std::vector<CheckableFile> files;
    std::filesystem::recursive_directory_iterator walk(
        folder, std::filesystem::directory_options::skip_permission_denied, error);
    for (; !error && walk != std::filesystem::recursive_directory_iterator();
         walk.increment(error)) {
        const std::filesystem::directory_entry& entry = *walk;
        // A file that vanishes or cannot be stat'ed is skipped, not a reason to stop the walk.
        std::error_code entry_error;
        if (isHidden(entry.path())) {
            if (entry.is_directory(entry_error)) {
                walk.disable_recursion_pending();
            }
            continue;
        }
        if (!entry.is_regular_file(entry_error)) {
            continue;
        }
        if (isProjectFile(entry.path())) {
            files.push_back({entry.path(), CheckableKind::Project});
        } else if (isDatasetFile(entry.path())) {
            files.push_back({entry.path(), CheckableKind::Dataset});
        }
    }
    if (error) {
        throw InputError(folder.string() + ": cannot list the folder: " + error.message());
    }
    std::sort(files.begin(), files.end(),
              [](const CheckableFile& a, const CheckableFile& b) { return a.path < b.path; });
    return files;
}

} // namespace geolicence
