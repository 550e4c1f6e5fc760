#include "bind_command.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>

#include <iostream>

namespace geolicence::cli {

void BindCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("bind", "Attach a licence to a dataset (GeoPackage metadata or a "
                                      "<dataset>.licence.json sidecar)");
    app_->add_option("DATASET", dataset_, "The data file")->required();
    app_->add_option("--licence", licence_, "Licence profile id (see: geolicence licences list)")
        ->required();
    app_->add_option("--option", options_, "Licence option NAME=VALUE (repeatable)");
    app_->add_option("--layer", layer_,
                     "GeoPackage: bind only this layer (default: the whole file)");
    app_->add_option("--attribution", attribution_,
                     "Attribution text to record with the binding (repeatable)");
}

int BindCommand::run(const GlobalOptions& options) {
    const Catalog catalog = loadCatalog(options);
    const LicenceProfile* profile = catalog.find(licence_);
    if (profile == nullptr || profile->is_abstract) {
        throw UsageError("unknown licence \"" + licence_ + "\" (see: geolicence licences list)");
    }
    DatasetLicence licence;
    licence.binding.licence_id = licence_;
    try {
        licence.binding.options = parseOptionAssignments(*profile, options_);
    } catch (const InputError& e) {
        throw UsageError(std::string("--option: ") + e.what());
    }
    licence.attribution = attribution_;
    writeDatasetLicence(dataset_, licence, catalog, layer_);
    const std::string dataset(dataset_);
    const bool gpkg = dataset.size() >= 5 && dataset.compare(dataset.size() - 5, 5, ".gpkg") == 0;
    std::cout << "bound " << dataset_ << (layer_.empty() ? "" : " (layer " + layer_ + ")") << " to "
              << licence_ << " in "
              << (gpkg ? std::string("its GeoPackage metadata") : sidecarPath(dataset_).string())
              << "\n";
    return kExitOk;
}

} // namespace geolicence::cli
