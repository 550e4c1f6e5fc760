#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"
#include "geolicence/project.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// The spatial precision a layer's own coordinates show, as a front end measured it (the GIS
// wing's PrecisionMeter reads them with GDAL, the QGIS plugin through QGIS).
struct MeasuredPrecision {
    bool measured = false;           // false: it could not be measured; `why_not` says why
    std::optional<double> spacing_m; // when measured: the coarsest grid, nullopt: finer than 1 m
    std::string crs;                 // the CRS it was measured in, e.g. "EPSG:28992"
    std::string why_not;
    bool empty = false; // no vertices at all: nothing to measure, and nothing to leak either
};

// Measures the data behind a project layer. The core reads no geodata, so a front end that can
// (geolicence-gis, the plugin) supplies it.
using LayerMeasurer = std::function<MeasuredPrecision(const ProjectLayer& layer)>;

// The licences considered here are those evaluate() judges a layer under: the binding's and any
// a direct input carried that the binding lost (see droppedSourceLicences).
//
// True when a licence of `binding` rules on aggregation (a profile option `cell_size_m`):
// such layers are judged on the precision their data shows.
bool rulesOnPrecision(const Catalog& catalog, const LicenceBinding& binding);

// True when `binding` claims a cell size (`cell_size_m`) under a licence that rules on it: a
// claim that only measuring the data can confirm. Without a claim a layer counts as exact,
// which a measurement could only loosen, so only claims need measuring.
bool claimsCellSize(const Catalog& catalog, const LicenceBinding& binding);

// The measured precision outweighs the binding's claim, never the other way round: a claimed
// `cell_size_m` coarser than the data is replaced by what was measured, and the finding that
// says so (`precision-claim-contradicted`, or `precision-measured` / `precision-not-measured`)
// is added to `findings`. Returns the measured size (0: exact) when it was measured for such a
// licence.
std::optional<double> applyMeasuredPrecision(const MeasuredPrecision& measured,
                                             const Catalog& catalog, Language language,
                                             LayerInput& input, std::vector<Finding>& findings);

} // namespace geolicence
