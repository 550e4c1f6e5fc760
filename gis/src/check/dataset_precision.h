#pragma once

#include <geolicence/measured_precision.h>

#include <string>

class OGRLayer;

namespace geolicence::detail {

// Reads the layer's vertices into a PrecisionMeter until the answer is certain. `crs` (WKT or
// an authority id) overrides the layer's own when not empty, as a QGIS project's layer CRS does.
MeasuredPrecision measureLayerPrecision(OGRLayer& layer, const std::string& crs = "");

} // namespace geolicence::detail
