#include "bind_command.h"

#include "context_options.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/derivation.h>
#include <geolicence/errors.h>

#include <algorithm>
#include <iostream>

namespace geolicence::cli {

void BindCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("bind", "Attach a licence to a dataset (GeoPackage metadata or a "
                                      "<dataset>.licence.json sidecar), or bind a derived "
                                      "dataset to the licences of its inputs");
    app_->add_option("DATASET", dataset_, "The data file")->required();
    app_->add_option("--licence", licence_,
                     "Licence profile id (see: geolicence licences list); with --derived-from, "
                     "a licence added to the inputs' licences");
    app_->add_option("--option", options_, "Licence option NAME=VALUE (repeatable)");
    app_->add_option("--layer", layer_,
                     "GeoPackage: bind only this layer (default: the whole file)");
    app_->add_option("--attribution", attribution_,
                     "Attribution text to record with the binding (repeatable)");
    app_->add_option("--derived-from", derived_from_,
                     "DATASET was made from these data files: bind it to every licence they "
                     "carry and record them as its sources (repeatable)");
}

int BindCommand::run(const GlobalOptions& options) {
    if (licence_.empty() && derived_from_.empty()) {
        throw UsageError("give --licence ID, or --derived-from INPUT... for a derived dataset");
    }
    if (licence_.empty() && !options_.empty()) {
        throw UsageError("--option needs --licence");
    }
    const Catalog catalog = loadCatalog(options);
    DatasetLicence licence;
    std::vector<std::string> unlicensed;
    if (!derived_from_.empty()) {
        std::vector<DerivationSource> inputs;
        for (const std::string& input : derived_from_) {
            std::error_code error;
            if (!std::filesystem::exists(input, error)) {
                throw InputError(input + ": no such file (--derived-from)");
            }
            // A binding that cannot be read, or carriers that disagree, stop the bind: the
            // output must not be bound to a guess.
            std::optional<DatasetLicence> found = readDatasetLicence(input, catalog);
            for (const std::string& text :
                 found ? found->attribution : std::vector<std::string>{}) {
                if (std::find(licence.attribution.begin(), licence.attribution.end(), text) ==
                    licence.attribution.end()) {
                    licence.attribution.push_back(text);
                }
            }
            inputs.push_back(DerivationSource{
                input,
                found ? std::optional<LicenceBinding>(std::move(found->binding)) : std::nullopt});
        }
        Derivation derivation = derive(inputs, today().toString(), "geolicence bind");
        licence.binding = std::move(derivation.binding);
        unlicensed = std::move(derivation.unlicensed);
    }
    if (!licence_.empty()) {
        const LicenceProfile* profile = catalog.find(licence_);
        if (profile == nullptr || profile->is_abstract) {
            throw UsageError("unknown licence \"" + licence_ +
                             "\" (see: geolicence licences list)");
        }
        BoundLicence own{licence_, {}};
        try {
            own.options = parseOptionAssignments(*profile, options_);
        } catch (const InputError& e) {
            throw UsageError(std::string("--option: ") + e.what());
        }
        addLicence(licence.binding.licences, own);
    }
    if (licence.binding.licences.empty()) {
        // Nothing to bind to: writing an empty binding would make the output look licensed.
        throw InputError(dataset_ + ": none of the inputs carries a licence (" + [&] {
            std::string names;
            for (const std::string& name : unlicensed) {
                names += (names.empty() ? "" : ", ") + name;
            }
            return names;
        }() + "); bind a licence to them first, or give --licence");
    }
    for (const std::string& text : attribution_) {
        if (std::find(licence.attribution.begin(), licence.attribution.end(), text) ==
            licence.attribution.end()) {
            licence.attribution.push_back(text);
        }
    }
    writeDatasetLicence(dataset_, licence, catalog, layer_);
    for (const std::string& input : unlicensed) {
        std::cerr << "warning: " << input << " carries no licence: " << dataset_
                  << " records it as an unlicensed source, and every check of " << dataset_
                  << " warns about it (unlicensed-source)\n";
    }
    const std::string dataset(dataset_);
    const bool gpkg = dataset.size() >= 5 && dataset.compare(dataset.size() - 5, 5, ".gpkg") == 0;
    std::cout << "bound " << dataset_ << (layer_.empty() ? "" : " (layer " + layer_ + ")") << " to "
              << licence.binding.describeIds() << " in "
              << (gpkg ? std::string("its GeoPackage metadata") : sidecarPath(dataset_).string())
              << "\n";
    for (const DerivedInput& input : licence.binding.derived_from) {
        std::cout << "  derived from " << input.source << ": "
                  << (input.licences.empty() ? std::string("NO LICENCE")
                                             : LicenceBinding{input.licences, "", {}}.describeIds())
                  << "\n";
    }
    return kExitOk;
}

} // namespace geolicence::cli
