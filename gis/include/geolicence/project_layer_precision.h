#pragma once

#include "geolicence/precision_claim.h"
#include "geolicence/project.h"

namespace geolicence {

// Measures the precision of a project layer's data, read with GDAL the way QGIS's provider
// reads it: an OGR source with its layer name or id and subset filter, a delimited-text file
// with its X/Y or WKT fields, a SpatiaLite table, a PostGIS table. The CRS the project gives
// the layer counts, as it does in QGIS. Layers GDAL cannot read (services, memory layers,
// missing files) come back unmeasured, with the reason; their claim is then reported as not
// verified, never silently believed.
MeasuredPrecision measureProjectLayer(const ProjectLayer& layer);

} // namespace geolicence
