#pragma once

#include "check_folder.h"

#include <geolicence/catalog.h>
#include <geolicence/evaluation.h>
#include <geolicence/localized_text.h>
#include <geolicence/project_check.h>

#include <ostream>
#include <string>

namespace geolicence::cli {

// Every report the CLI writes goes through writeReport: the command says what it found and in
// which --format, the report files say how it looks. A new format is a file in this folder,
// chosen here (docs/ARCHITECTURE.md).
//
// Formats: text and json for everything; sarif and junit for checks.

// `evaluate`: one decision.
void writeReport(std::ostream& out, const std::string& format, const Decision& decision,
                 Language language);

// `check FILE`: one file's result. `web`: the services' view (--target web), which adds what
// they serve.
struct FileReport {
    const CheckResult& result;
    const Catalog& catalog;
    Language language = Language::English;
    bool strict = false; // junit: warnings fail too
    bool web = false;
};
void writeReport(std::ostream& out, const std::string& format, const FileReport& report);

// `check DIR --recursive`: every file's result in one report.
struct FolderReport {
    const FolderCheck& check;
    const Catalog& catalog;
    Action action = Action::Publish;
    Language language = Language::English;
    bool strict = false;
};
void writeReport(std::ostream& out, const std::string& format, const FolderReport& report);

} // namespace geolicence::cli
