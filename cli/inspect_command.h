#pragma once

#include "command.h"

namespace geolicence::cli {

// geolicence inspect PROJECT [--format text|json]: layers with their licences, layouts with
// the layers each map renders and their labels.
class InspectCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    std::string project_;
    std::string format_ = "text";
};

} // namespace geolicence::cli
