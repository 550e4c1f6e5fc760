#include "check_command.h"

#include "decision_text.h"
#include "gis_entry.h"
#include "report_junit.h"
#include "report_sarif.h"

#include <geolicence/decision_json.h>
#include <geolicence/project_check.h>
#include <geolicence/project_reader.h>

#include <iostream>

namespace geolicence::cli {

void CheckCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("check", "Check whether an action is permitted for a QGIS project "
                                       "or a dataset");
    app_->add_option("INPUT", input_, "QGIS project (.qgs/.qgz) or vector dataset")->required();
    std::vector<std::string> actions;
    for (Action action : kAllActions) {
        actions.emplace_back(toString(action));
    }
    app_->add_option("--action", action_, "Action to check")
        ->required()
        ->check(CLI::IsMember(actions));
    app_->add_option("--layout", layout_,
                     "Check the layers this layout's maps render, and verify its attributions "
                     "and legends");
    context_.add(*app_);
    addFormatOption(*app_, format_, {"text", "json", "sarif", "junit"});
    addLanguageOption(*app_, language_);
    app_->add_flag("--strict", strict_, "Exit 1 on any warning too (e.g. an unlicensed layer)");
}

int CheckCommand::run(const GlobalOptions& options) {
    CheckRequest request;
    request.evaluation.action = *parseAction(action_);
    request.evaluation.language = pickLanguage(language_);
    request.evaluation.context = context_.build();
    const Catalog catalog = loadCatalog(options);
    CheckResult result;
    if (isProjectFile(input_)) {
        if (!layout_.empty()) {
            request.layout = layout_;
        }
        result = checkProject(readProject(input_), catalog, request);
    } else {
        if (!layout_.empty()) {
            throw UsageError("--layout applies to a QGIS project, not to the dataset " + input_);
        }
        result = checkDatasetEntry(input_, catalog, request);
    }
    if (format_ == "json") {
        std::cout << decisionToJson(result.decision) << "\n";
    } else if (format_ == "sarif") {
        std::cout << sarifReport(result, catalog) << "\n";
    } else if (format_ == "junit") {
        std::cout << junitReport(result, strict_);
    } else {
        std::cout << result.subject << "\n"
                  << decisionToText(result.decision, request.evaluation.language);
    }
    if (!result.decision.permitted || (strict_ && result.decision.hasWarnings())) {
        return kExitProhibited;
    }
    return kExitOk;
}

} // namespace geolicence::cli
