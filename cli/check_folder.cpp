#include "check_folder.h"

#include "command.h"
#include "gis_wing.h"

#include <geolicence/checkable_files.h>
#include <geolicence/errors.h>
#include <geolicence/project_reader.h>
#include <geolicence/web_check.h>

#include <algorithm>
#include <stdexcept>

namespace geolicence::cli {

namespace {

// The path a report shows: relative to the folder as the user named it, so `check .` gives
// repository-relative paths, which is what code-scanning UIs resolve.
std::string reportPath(const std::filesystem::path& folder, const std::filesystem::path& file) {
    const std::filesystem::path relative = file.lexically_relative(folder);
    const std::filesystem::path shown =
        folder == "." || relative.empty() ? relative : folder / relative;
    return (shown.empty() ? file : shown).lexically_normal().generic_string();
}

CheckResult unreadable(const std::string& subject, const Action action, const std::string& why) {
    CheckResult result;
    result.subject = subject;
    result.decision.action = action;
    result.decision.restrict(Verdict::Prohibited);
    result.decision.findings.push_back(Finding{Severity::Error, "", "", "", "unreadable", why, ""});
    return result;
}

CheckResult checkWeb(const std::filesystem::path& path, const Catalog& catalog,
                     const CheckRequest& request) {
    const Project project = readProject(path);
    const std::optional<LizmapConfig> lizmap = readLizmapConfig(project.path);
    return checkWebServices(project, catalog, request, lizmap ? &*lizmap : nullptr);
}

// A folder holding datasets is only checked where the GIS wing is (command.h, needsGis).
const GisWing& datasetChecker(const GisWing* gis) {
    if (gis == nullptr) {
        throw std::logic_error("a folder with datasets was checked without the GIS wing");
    }
    return *gis;
}

} // namespace

bool folderHoldsDatasets(const std::filesystem::path& folder) {
    const std::vector<CheckableFile> files = findCheckableFiles(folder);
    return std::any_of(files.begin(), files.end(), [](const CheckableFile& file) {
        return file.kind == CheckableKind::Dataset;
    });
}

FolderCheck checkFolder(const std::filesystem::path& folder, const Catalog& catalog,
                        const CheckRequest& request, bool web, const GisWing* gis) {
    std::vector<CheckableFile> files = findCheckableFiles(folder);
    if (web) {
        files.erase(std::remove_if(files.begin(), files.end(),
                                   [](const CheckableFile& file) {
                                       return file.kind != CheckableKind::Project;
                                   }),
                    files.end());
    }
    FolderCheck check;
    check.web = web;
    for (const CheckableFile& file : files) {
        const std::string subject = reportPath(folder, file.path);
        try {
            CheckResult result = file.kind == CheckableKind::Dataset
                                     ? datasetChecker(gis).checkDataset(file.path, catalog, request)
                                 : web ? checkWeb(file.path, catalog, request)
                                       : checkProject(readProject(file.path), catalog, request);
            result.subject = subject;
            check.files.push_back(std::move(result));
        } catch (const InputError& e) {
            check.files.push_back(unreadable(subject, request.evaluation.action, e.what()));
            ++check.unreadable;
        }
    }
    return check;
}

} // namespace geolicence::cli
