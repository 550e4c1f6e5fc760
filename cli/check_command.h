#pragma once

#include "command.h"
#include "context_options.h"

namespace geolicence::cli {

// geolicence check PROJECT|DATASET --action A [--layout NAME] [--purpose P] [--recipient R]
//                  [--context FILE.json] [--format text|json|sarif|junit] [--strict]
class CheckCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    std::string input_;
    std::string action_;
    std::string layout_;
    ContextOptions context_;
    std::string format_ = "text";
    std::string language_;
    bool strict_ = false;
};

} // namespace geolicence::cli
