#pragma once

#include "command.h"

#include <optional>

namespace geolicence::cli {

// geolicence evaluate --licence ID [--option K=V]... --action A [context flags]
// Evaluates one licence in one situation, printing what `check` prints for a project.
class EvaluateCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    std::string licence_;
    std::vector<std::string> options_;
    std::string action_;
    std::string purpose_;
    std::string recipient_;
    std::optional<double> cell_size_;
    std::string date_;
    std::optional<bool> downloadable_;
    std::optional<bool> combined_with_own_data_;
    std::optional<bool> reproduces_data_;
    std::optional<bool> within_territory_;
    std::optional<bool> contains_personal_data_;
    std::string format_ = "text";
    std::string language_;
    bool strict_ = false;
};

} // namespace geolicence::cli
