#pragma once

#include <geolicence/measured_precision.h>

class OGRLayer;

namespace geolicence::detail {

// Reads the layer's vertices into a PrecisionMeter until the answer is certain.
MeasuredPrecision measureLayerPrecision(OGRLayer& layer);

} // namespace geolicence::detail
