#pragma once

#include "command.h"

namespace geolicence::cli {

// geolicence bind DATASET --licence ID [--option K=V]... [--layer NAME]: writes the licence
// into the dataset (GeoPackage metadata) or beside it (sidecar), so it travels with the file.
// geolicence bind OUTPUT --derived-from INPUT...: binds OUTPUT to the union of its inputs'
// licences and records where it came from (provenance); an unlicensed input is named in a
// warning and recorded as such, never dropped.
class BindCommand : public Command {
public:
    void setup(CLI::App& app) override;
    int run(const GlobalOptions& options) override;

private:
    std::string dataset_;
    std::string licence_;
    std::vector<std::string> options_;
    std::string layer_;
    std::vector<std::string> attribution_;
    std::vector<std::string> derived_from_;
};

} // namespace geolicence::cli
