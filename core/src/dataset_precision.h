#pragma once

#include <cstddef>
#include <optional>
#include <string>

class OGRLayer;

namespace geolicence::detail {

// The spatial precision a layer's own coordinates show (see VertexGrid).
struct MeasuredPrecision {
    bool measured = false;           // false: it could not be measured; `why_not` says why
    std::optional<double> spacing_m; // when measured: the coarsest grid, nullopt: finer than 1 m
    std::string crs;                 // the CRS it was measured in, e.g. "EPSG:28992"
    std::string why_not;
    bool empty = false; // no vertices at all: nothing to measure, and nothing to leak either
};

// Reads the layer's vertices until the answer is certain. Coordinates in a projected CRS in
// metres are measured as they are. Others (longitude/latitude, as GeoJSON always is) are
// measured in each reference grid's CRS (RD, ETRS89-LAEA, the Belgian Lambert ones) after
// reprojection, with a tolerance for the rounding that brings, and the best fit counts: data
// aggregated on the RD grid and exported to GeoJSON is still recognised as such.
MeasuredPrecision measureLayerPrecision(OGRLayer& layer);

} // namespace geolicence::detail
