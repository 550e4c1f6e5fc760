#pragma once

#include "geolicence/precision_claim.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

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

} // namespace geolicence
