#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"
#include "geolicence/layer_binding.h"
#include "geolicence/project.h"

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

// One layer of a project as every front end binds it: its binding (LayerBinder, every carrier
// read), the defaults applied, and what is wrong with the binding (`invalid-binding`,
// `binding-conflict`) added to `binding_problems`. `bound`, when given, receives the whole
// binding result (its sources, for a panel that lists them).
LayerInput bindProjectLayer(const LayerBinder& binder, const Catalog& catalog,
                            const ProjectLayer& layer, const BindingDefaults& defaults,
                            Language language, std::vector<Finding>& binding_problems,
                            LayerBindingResult* bound = nullptr);

} // namespace geolicence
