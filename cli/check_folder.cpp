#include "check_folder.h"

#include "gis_entry.h"

#include <geolicence/checkable_files.h>
#include <geolicence/errors.h>
#include <geolicence/project_reader.h>

#include <algorithm>

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

} // namespace

FolderCheck checkFolder(const std::filesystem::path& folder, const Catalog& catalog,
                        const CheckRequest& request) {
    const std::vector<CheckableFile> files = findCheckableFiles(folder);
    if (std::any_of(files.begin(), files.end(), [](const CheckableFile& file) {
            return file.kind == CheckableKind::Dataset;
        })) {
        requireGis();
    }
    FolderCheck check;
    for (const CheckableFile& file : files) {
        const std::string subject = reportPath(folder, file.path);
        try {
            CheckResult result = file.kind == CheckableKind::Project
                                     ? checkProject(readProject(file.path), catalog, request)
                                     : checkDatasetEntry(file.path, catalog, request);
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
