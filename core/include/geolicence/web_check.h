#pragma once

#include "geolicence/catalog.h"
#include "geolicence/lizmap_config.h"
#include "geolicence/project.h"
#include "geolicence/project_check.h"

namespace geolicence {

// The licence of the organisation's own data. A service that also puts out a layer bound to it
// publishes third-party data "combined with own data" (GRB Art. 5's limited publication right).
// Unlicensed layers do not count: nobody said whose they are.
inline constexpr const char* kOwnDataLicence = "eigen-gegevens";

// `check PROJECT --target web`: what the project's web services put out, judged as published.
// Every layer QGIS Server serves (and what Lizmap's web map offers, with `lizmap`) is judged in
// the situation it is really served in:
// - `downloadable` when WFS, WCS, GetFeatureInfo with geometries or Lizmap's attribute table
//   hand out the data itself;
// - at its exact positions (`cell_size_m` 0): GetMap draws every feature where it is, at any
//   zoom; a binding's `cell_size_m` still says how coarse the data itself is;
// - `combined_with_own_data` when the services also put out a layer bound to eigen-gegevens.
// Purpose, recipient, date and reproduces_data come from `request`; its downloadable,
// combined_with_own_data and cell_size_m are replaced (an info finding says so when given).
// Owed attributions must be advertised for the layer (its WMS attribution, the service
// metadata, or its abstract in Lizmap), legends through GetLegendGraphic, and no advertised text
// may name a party that forbids it. A layer that is not permitted gets a finding saying what to
// change in the project, found by asking the engine which change of the service would help.
// InputError when `request` names a layout or an exported artefact.
CheckResult checkWebServices(const Project& project, const Catalog& catalog,
                             const CheckRequest& request, const LizmapConfig* lizmap);

} // namespace geolicence
