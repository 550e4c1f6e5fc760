#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// The spatial precision a layer's own coordinates show (see VertexGrid).
struct MeasuredPrecision {
    bool measured = false;           // false: it could not be measured; `why_not` says why
    std::optional<double> spacing_m; // when measured: the coarsest grid, nullopt: finer than 1 m
    std::string crs;                 // the CRS it was measured in, e.g. "EPSG:28992"
    std::string why_not;
    bool empty = false; // no vertices at all: nothing to measure, and nothing to leak either
};

// Measures precision from vertices fed one by one, whoever reads them (GDAL in the CLI, a
// QGIS feature iterator in the plugin), so both judge the same data the same way. Coordinates
// in a projected CRS in metres are measured as they are. Others (longitude/latitude, as GeoJSON
// always is) are measured in each reference grid's CRS (RD, ETRS89-LAEA, the Belgian Lambert
// ones) after reprojection, with a tolerance for the rounding that brings, and the best fit
// counts: data aggregated on the RD grid and exported to GeoJSON is still recognised as such.
class PrecisionMeter {
public:
    // `crs`: the coordinates' CRS as WKT or an authority id ("EPSG:28992"); empty when the
    // data has none.
    explicit PrecisionMeter(const std::string& crs);
    ~PrecisionMeter();
    PrecisionMeter(const PrecisionMeter&) = delete;
    PrecisionMeter& operator=(const PrecisionMeter&) = delete;

    void add(double x, double y);

    // False once further vertices cannot change the answer (exact positions are recognised
    // after a few points), so a reader can stop early.
    bool undecided() const;

    MeasuredPrecision result() const;

private:
    struct Frames;
    std::unique_ptr<Frames> frames_;
    std::string why_not_; // set when the CRS rules out any measurement
};

// True when a licence of `binding` rules on aggregation (a profile option `cell_size_m`):
// such layers are judged on the precision their data shows.
bool rulesOnPrecision(const Catalog& catalog, const LicenceBinding& binding);

// The measured precision outweighs the binding's claim, never the other way round: a claimed
// `cell_size_m` coarser than the data is replaced by what was measured, and the finding that
// says so (`precision-claim-contradicted`, or `precision-measured` / `precision-not-measured`)
// is added to `findings`. Returns the measured size (0: exact) when it was measured for such a
// licence.
std::optional<double> applyMeasuredPrecision(const MeasuredPrecision& measured,
                                             const Catalog& catalog, Language language,
                                             LayerInput& input, std::vector<Finding>& findings);

} // namespace geolicence
