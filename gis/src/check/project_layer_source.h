#pragma once

#include <geolicence/project.h>

#include <memory>
#include <string>

class GDALDataset;
class OGRLayer;

namespace geolicence::detail {

struct GdalDatasetCloser {
    void operator()(GDALDataset* dataset) const;
};

// A project layer's data opened with GDAL the way QGIS's provider reads it: an OGR source with
// its layer name or id and subset filter, a delimited-text file with its X/Y or WKT fields, a
// SpatiaLite table, a PostGIS table. `layer` is null when it cannot be opened; `why_not` says
// why, naming the provider or GDAL's error.
struct OpenedProjectLayer {
    std::unique_ptr<GDALDataset, GdalDatasetCloser> dataset;
    OGRLayer* layer = nullptr;
    std::string why_not;
};

OpenedProjectLayer openProjectLayer(const ProjectLayer& layer);

} // namespace geolicence::detail
