#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"
#include "geolicence/localized_text.h"

#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// One place a layer's licence was found: a custom property, a sidecar, GeoPackage metadata,
// layer metadata or a catalog source rule. Every place is read, not only the first: two
// places that disagree about the same data must be seen, or a sidecar could relabel NDFF
// observations as CC0 while the GeoPackage itself says NDFF.
struct BindingSource {
    std::string from;  // custom-property, sidecar, geopackage-metadata, layer-metadata, source-rule
    std::string where; // the file or property it was read from, for messages
    std::optional<LicenceBinding> binding; // empty when it could not be read
    std::vector<std::string> attribution;  // dataset carriers: attribution texts written at bind
    std::string error;                     // why it could not be read, or is only partly valid
};

inline constexpr const char* kFromSourceRule = "source-rule";

// The binding that applies: the first readable explicit source in the documented order, else
// the source rule. nullopt when no source names a licence.
std::optional<LicenceBinding> chosenBinding(const std::vector<BindingSource>& sources);

// What the sources of one layer disagree about. Two explicit sources naming different
// licences, or the same licence with different options, are an error `binding-conflict`
// naming both. A source rule is a fallback: an explicit binding from another licensor than
// the rule's is a warning `binding-conflict`. Sources that could not be read are not compared
// (their error is reported on its own).
std::vector<Finding> bindingConflicts(const std::vector<BindingSource>& sources,
                                      const Catalog& catalog, const std::string& layer_id,
                                      const std::string& layer_name, Language language);

// Puts what is wrong with the bindings in front of a decision's findings: a broken or
// contradictory binding (an error) fails the decision; a doubtful one (a warning) does not.
void addBindingProblems(Decision& decision, const std::vector<Finding>& problems);

} // namespace geolicence
