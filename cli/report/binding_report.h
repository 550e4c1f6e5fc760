#pragma once

#include "report/json_writer.h"

#include <geolicence/licence_binding.h>
#include <geolicence/project_check.h>

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace geolicence::cli {

// A layer's binding as `inspect` and `check` print it in JSON: "id" names the first (for one
// licence: the only) licence, as before several were possible, so that readers of one licence
// keep working; "licences" lists them all with their options; "derived_from" is the provenance.
// {"id", "from", "licences": [{"licence", "options"}], "derived_from": [...]}
nlohmann::ordered_json bindingToJson(const LicenceBinding& binding);

// Every checked layer with all its licences and its provenance, as `check --format json` adds
// it to the decision's contract ("layers"): findings name one licence each, this says which
// licences a layer is under. [{"id", "name", "licence": bindingToJson(...) or null}]
nlohmann::ordered_json checkedLayersToJson(const std::vector<CheckedLayer>& layers);

// The same "layers" as checkedLayersToJson, written straight into `out` (the value of the key
// it has just written): the check report of a large project writes a thousand of them.
void writeCheckedLayers(JsonWriter& out, const std::vector<CheckedLayer>& layers);

// The ids of `licences` joined with " + ", or "NO LICENCE".
std::string licencesText(const std::vector<BoundLicence>& licences);

// The provenance chain, one line per input, each level indented two more spaces:
// "derived from a.gpkg: ndff-uitvoerportaal (geolicence bind, 2025-01-31)".
void writeProvenance(std::ostream& out, const std::vector<DerivedInput>& inputs,
                     const std::string& indent);

} // namespace geolicence::cli
