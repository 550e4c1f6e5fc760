#pragma once

#include "command.h"

namespace geolicence::cli {

// geolicence licences list | show ID | validate FILE...
class LicencesCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    int list(const GlobalOptions& options) const;
    int show(const GlobalOptions& options) const;
    int validate(const GlobalOptions& options) const;

    CLI::App* list_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* validate_ = nullptr;
    std::string id_;
    std::vector<std::string> files_;
    std::string format_ = "text";
    std::string language_;
};

} // namespace geolicence::cli
