#pragma once

#include "command.h"

namespace geolicence::cli {

// geolicence inspect PROJECT [--format text|json]: layers with their licences, layouts with
// the layers each map renders and their labels.
class InspectCommand : public Command {
public:
    void setup(CLI::App& app) override;
    bool chosen() const override { return app_ != nullptr && app_->parsed(); }
    int run(const GlobalOptions& options) override;

private:
    CLI::App* app_ = nullptr;
    std::string project_;
    std::string format_ = "text";
};

} // namespace geolicence::cli
