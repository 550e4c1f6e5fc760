#include "check_command.h"

#include "check_folder.h"
#include "gis_wing.h"
#include "report/report.h"

#include <geolicence/checkable_files.h>
#include <geolicence/project_check.h>
#include <geolicence/project_reader.h>
#include <geolicence/web_check.h>

#include <filesystem>
#include <iostream>

namespace geolicence::cli {

void CheckCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("check", "Check whether an action is permitted for a QGIS project, "
                                       "a dataset, everything in a folder, or a map exported "
                                       "to PDF");
    app_->add_option("INPUT", input_,
                     "QGIS project (.qgs/.qgz), vector dataset, a folder (with --recursive), or "
                     "a PDF exported from a layout (with --project and --layout)")
        ->required();
    std::vector<std::string> actions;
    for (Action action : kAllActions) {
        actions.emplace_back(toString(action));
    }
    app_->add_option("--action", action_,
                     "Action to check (required; for a PDF the default is publish)")
        ->check(CLI::IsMember(actions));
    app_->add_option("--layout", layout_,
                     "Check the layers this layout's maps render, and verify its attributions "
                     "and legends (in the PDF, when INPUT is one)");
    app_->add_option("--project", project_,
                     "INPUT is a PDF: the QGIS project whose layout (--layout) it was exported "
                     "from; every attribution that layout owes must be in the PDF's text");
    context_.add(*app_);
    addFormatOption(*app_, format_, {"text", "json", "sarif", "junit"});
    addLanguageOption(*app_, language_);
    app_->add_flag("--strict", strict_, "Exit 1 on any warning too (e.g. an unlicensed layer)");
    app_->add_option("--target", target_,
                     "What is checked: layout (default: a layout, or the visible layers) or web "
                     "(what the project's QGIS Server and Lizmap services put out, judged as "
                     "published)")
        ->check(CLI::IsMember({"layout", "web"}));
    app_->add_option("--territory", territory_,
                     "Polygon file (any GDAL vector format) of the territory your licences cover "
                     "(NDFF: the licensed area): a layer reaching outside it gets a warning; the "
                     "QGIS plugin's territory setting");
    app_->add_flag("--recursive,-r", recursive_,
                   "INPUT is a folder: check every project and dataset under it, in one report "
                   "(exit 3 when a file cannot be read)");
}

int CheckCommand::exitCode(const std::vector<CheckResult>& results) const {
    for (const CheckResult& result : results) {
        if (!result.decision.permitted() || (strict_ && result.decision.hasWarnings())) {
            return kExitProhibited;
        }
    }
    return kExitOk;
}

bool CheckCommand::needsGis() const {
    if (!territory_.empty()) {
        return true;
    }
    if (web()) {
        return false;
    }
    std::error_code error;
    if (std::filesystem::is_directory(input_, error)) {
        return recursive_ && folderHoldsDatasets(input_);
    }
    return !isProjectFile(input_);
}

int CheckCommand::runFolder(const Catalog& catalog, const CheckRequest& request,
                            const GlobalOptions& options) {
    if (!recursive_) {
        throw UsageError(input_ + " is a folder: add --recursive to check every project and "
                                  "dataset under it");
    }
    if (!layout_.empty()) {
        throw UsageError("--layout applies to one QGIS project, not to the folder " + input_);
    }
    const FolderCheck check = checkFolder(input_, catalog, request, web(), options.gis);
    writeReport(std::cout, format_,
                FolderReport{check, catalog, request.evaluation.action, request.evaluation.language,
                             strict_});
    // The report is complete for what could be read; an unreadable file still fails the run
    // as an input error, so a pipeline cannot pass on a repository it did not fully check.
    return check.unreadable > 0 ? kExitInput : exitCode(check.files);
}

void CheckCommand::checkWebOptions() {
    if (!web()) {
        return;
    }
    if (!action_.empty() && action_ != "publish") {
        throw UsageError("--target web judges what the services put out as published: leave "
                         "out --action or give --action publish, not " +
                         action_);
    }
    action_ = "publish";
    if (!layout_.empty() || !project_.empty()) {
        throw UsageError("--target web checks what a project's services serve; --layout and "
                         "--project belong to a layout check");
    }
}

CheckResult CheckCommand::checkOneFile(const Catalog& catalog, CheckRequest request,
                                       const GlobalOptions& options) const {
    if (web()) {
        if (!isProjectFile(input_)) {
            throw UsageError("--target web applies to a QGIS project (.qgs, .qgz), not to " +
                             input_);
        }
        const Project project = readProject(input_);
        const std::optional<LizmapConfig> lizmap = readLizmapConfig(project.path);
        return checkWebServices(project, catalog, request, lizmap ? &*lizmap : nullptr);
    }
    const bool pdf = isPdfFile(input_);
    if (pdf != !project_.empty()) {
        throw UsageError(pdf ? "checking the PDF " + input_ +
                                   " needs the project it came from: add --project P --layout L"
                             : "--project applies to a PDF exported from a layout, not to " +
                                   input_);
    }
    if (!layout_.empty()) {
        request.layout = layout_;
    } else if (pdf) {
        throw UsageError("checking the PDF " + input_ +
                         " needs the layout it was exported from: add --layout L");
    }
    if (pdf) {
        return gisWing(options).checkPdf(input_, readProject(project_), catalog, request);
    }
    if (isProjectFile(input_)) {
        return checkProject(readProject(input_), catalog, request);
    }
    if (!layout_.empty()) {
        throw UsageError("--layout applies to a QGIS project, not to the dataset " + input_);
    }
    return gisWing(options).checkDataset(input_, catalog, request);
}

int CheckCommand::run(const GlobalOptions& options) {
    CheckRequest request;
    checkWebOptions();
    if (action_.empty()) {
        // A PDF exists to be handed out: publication is what its attributions are owed for.
        if (!isPdfFile(input_)) {
            std::string names;
            for (Action action : kAllActions) {
                names += (names.empty() ? "" : ", ") + std::string(toString(action));
            }
            throw UsageError("--action is required (one of " + names + ")");
        }
        action_ = "publish";
    }
    request.evaluation.action = *parseAction(action_);
    request.evaluation.language = pickLanguage(language_);
    request.evaluation.context = context_.build();
    request.binding_defaults = context_.bindingDefaults();
    request.measure_layer = layerMeasurer(options);
    if (!territory_.empty()) {
        request.within_territory = gisWing(options).territoryTest(territory_);
    }
    const Catalog catalog = loadCatalog(options);
    std::error_code error;
    if (std::filesystem::is_directory(input_, error)) {
        if (!project_.empty()) {
            throw UsageError("--project applies to a PDF exported from a layout, not to the "
                             "folder " +
                             input_);
        }
        return runFolder(catalog, request, options);
    }
    if (recursive_) {
        throw UsageError("--recursive applies to a folder, not to the file " + input_);
    }
    const CheckResult result = checkOneFile(catalog, request, options);
    writeReport(std::cout, format_,
                FileReport{result, catalog, request.evaluation.language, strict_, web()});
    return exitCode({result});
}

} // namespace geolicence::cli
