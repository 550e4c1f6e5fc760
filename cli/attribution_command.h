#pragma once

#include "command.h"
#include "context_options.h"

namespace geolicence::cli {

// geolicence attribution PROJECT [--layout NAME] [--lang nl|en]: the attribution block a
// publication of the project (or of one layout) must show, one text per line.
class AttributionCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    std::string project_;
    std::string layout_;
    ContextOptions context_;
    std::string language_;
};

} // namespace geolicence::cli
