#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"
#include "geolicence/layer_binding.h"
#include "geolicence/project.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// The organisation's defaults for what a binding leaves unset, given once (the CLI's `--role`,
// the QGIS plugin's settings) and applied to every binding the same way.
struct BindingDefaults {
    // Its role under licences that distinguish roles (NDFF: subscriber or contractor; GDI-
    // Vlaanderen: organisation or contractor).
    std::optional<std::string> role;
};

// Fills the defaults into `binding` where its profile declares the option, the binding does not
// set it, and the profile accepts the value (a role one licence does not know is left to that
// licence's own default, never forced on it).
void applyBindingDefaults(LicenceBinding& binding, const Catalog& catalog,
                          const BindingDefaults& defaults);

// A project's layer by id (nullopt: the project has none): the layers a virtual layer or a
// join shows are looked up through it.
using ProjectLayerLookup = std::function<std::optional<ProjectLayer>(const std::string& id)>;

// One layer of a project as every front end binds it: its binding (LayerBinder, every carrier
// read), the defaults applied, and what is wrong with the binding (`invalid-binding`,
// `binding-conflict`) added to `binding_problems`. `bound`, when given, receives the whole
// binding result (its sources, for a panel that lists them).
//
// A layer that shows other data (a virtual layer's sources, a join's layers: layerReferences)
// is derived data made on the fly: its binding is its own licences (if any) together with
// every referenced layer's and file's, bound the same way through `lookup`, each recorded in
// `derived_from` (a source without a licence stays there, unlicensed). Without `lookup` a
// referenced project layer counts as a source without a licence.
LayerInput bindProjectLayer(const LayerBinder& binder, const Catalog& catalog,
                            const ProjectLayer& layer, const BindingDefaults& defaults,
                            Language language, std::vector<Finding>& binding_problems,
                            LayerBindingResult* bound = nullptr,
                            const ProjectLayerLookup& lookup = {});

} // namespace geolicence
