#pragma once

#include "command.h"
#include "context_options.h"

#include <geolicence/project_check.h>

#include <vector>

namespace geolicence::cli {

// geolicence check PROJECT|DATASET|DIR --action A [--layout NAME] [--purpose P] [--recipient R]
//                  [--context FILE.json] [--format text|json|sarif|junit] [--strict]
//                  [--recursive]
// geolicence check MAP.pdf --project P --layout L [--action A (default publish)] [...]
// geolicence check PROJECT|DIR --target web [...]: what the project's web services (QGIS
//                  Server, Lizmap) put out, judged as published
class CheckCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;
    // A dataset, a PDF, a folder (--recursive) that holds datasets, or --territory (layer
    // extents are read). A project layer claiming a cell size asks later (GisWingNeeded).
    bool needsGis() const override;

private:
    int runFolder(const Catalog& catalog, const CheckRequest& request,
                  const GlobalOptions& options);
    CheckResult checkOneFile(const Catalog& catalog, CheckRequest request,
                             const GlobalOptions& options) const;
    bool web() const { return target_ == "web"; }
    // Refuses what --target web cannot mean (another action, a layout, a PDF).
    void checkWebOptions();
    // 1 when any result prohibits (or warns, with --strict), else 0.
    int exitCode(const std::vector<CheckResult>& results) const;

    std::string input_;
    std::string action_;
    std::string layout_;
    std::string project_;
    ContextOptions context_;
    std::string format_ = "text";
    std::string language_;
    bool strict_ = false;
    bool recursive_ = false;
    std::string target_ = "layout";
    std::string territory_;
};

} // namespace geolicence::cli
