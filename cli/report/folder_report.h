#pragma once

#include "check_folder.h"

#include <geolicence/localized_text.h>

#include <string>

namespace geolicence::cli {

// `check DIR --recursive --format json`: the single-file shape for the whole folder (action,
// overall decision, every finding with its "file") plus "files": per file its own decision,
// findings and duties.
std::string folderReportJson(const FolderCheck& check, Action action);

// The text report: each file's decision, then one summary line.
std::string folderReportText(const FolderCheck& check, Language language);

} // namespace geolicence::cli
