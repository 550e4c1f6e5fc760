#pragma once

#include <geolicence/catalog.h>
#include <geolicence/project_check.h>

#include <filesystem>
#include <vector>

namespace geolicence::cli {

class GisWing;

// `check DIR --recursive`: one result per project and dataset under the folder, in path order.
struct FolderCheck {
    std::vector<CheckResult> files;
    std::size_t unreadable = 0; // files that could not be read: a finding each, and exit 3
    bool web = false;           // --target web: the projects' services, datasets not checked
};

// A file that cannot be read does not stop the walk: a pipeline wants every problem of the
// repository in one report. It becomes an error finding (rule "unreadable") of its own result.
// With `web`, each project's web services are checked (checkWebServices); datasets are judged
// through the projects that serve them, not on their own. Datasets are checked by `gis`, which
// a folder that holds any needs (folderHoldsDatasets).
FolderCheck checkFolder(const std::filesystem::path& folder, const Catalog& catalog,
                        const CheckRequest& request, bool web, const GisWing* gis);

// True when `check folder --recursive` would check a dataset under `folder`.
bool folderHoldsDatasets(const std::filesystem::path& folder);

} // namespace geolicence::cli
