#pragma once

#include "geolicence/licence_binding.h"

#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// One input of a derivation (a buffer, a join, an aggregation, `bind --derived-from`): where it
// was read and the licence it carries (nullopt: none).
struct DerivationSource {
    std::string source; // a path, or a QGIS data source
    std::optional<LicenceBinding> binding;
};

struct Derivation {
    // The union of the inputs' licences (deduplicated, in the order first met) with every input
    // recorded in `derived_from`, its own provenance kept as the chain. No licence at all when no
    // input had one.
    LicenceBinding binding;
    // The inputs that had no licence, in order: they are recorded with an empty licence list
    // and must be named to the user, never dropped.
    std::vector<std::string> unlicensed;
};

// What data derived from `inputs` is under: data made from licensed data stays under each of its
// licences. `date` (YYYY-MM-DD) and `tool` are recorded with every input.
Derivation derive(const std::vector<DerivationSource>& inputs, const std::string& date,
                  const std::string& tool);

} // namespace geolicence
