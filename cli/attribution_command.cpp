#include "attribution_command.h"

#include <geolicence/attribution.h>
#include <geolicence/project_check.h>
#include <geolicence/project_reader.h>
#include <geolicence/rule_ids.h>

#include <iostream>

namespace geolicence::cli {

void AttributionCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("attribution",
                              "Print the attributions a publication of the project must show");
    app_->add_option("PROJECT", project_, "QGIS project (.qgs or .qgz)")->required();
    app_->add_option("--layout", layout_, "Only the layers this layout's maps render");
    context_.add(*app_);
    addLanguageOption(*app_, language_);
}

int AttributionCommand::run(const GlobalOptions& options) {
    CheckRequest request;
    request.evaluation.action = Action::Publish;
    request.evaluation.language = pickLanguage(language_);
    request.evaluation.context = context_.build();
    request.binding_defaults = context_.bindingDefaults();
    request.measure_layer = layerMeasurer(options);
    const Project project = readProject(project_);
    if (!layout_.empty()) {
        request.layout = layout_;
    }
    // The layout check would also report missing labels; here only the texts matter.
    CheckResult result = checkProject(project, loadCatalog(options), request);
    for (const std::string& text : attributionTexts(result.decision)) {
        std::cout << text << "\n";
    }
    // A layer that could not be read may owe an attribution nobody can list: the list is then
    // incomplete, which a pipeline must not take for complete.
    bool incomplete = false;
    for (const Finding& finding : result.decision.findings) {
        if (finding.rule == rule_ids::kUnlicensed) {
            std::cerr << "geolicence: warning: " << finding.message << "\n";
        } else if (finding.rule == rule_ids::kUnreadableLayer ||
                   finding.rule == rule_ids::kUnknownLayer) {
            std::cerr << "geolicence: error: " << finding.message << "\n";
            incomplete = true;
        }
    }
    return incomplete ? kExitProhibited : kExitOk;
}

} // namespace geolicence::cli
