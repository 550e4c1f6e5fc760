#include "check/dataset_precision.h"
#include "check/project_layer_source.h"

#include <geolicence/project_layer_precision.h>

namespace geolicence {

MeasuredPrecision measureProjectLayer(const ProjectLayer& layer) {
    MeasuredPrecision result;
    if (layer.type != "vector") {
        result.why_not = "it is not a vector layer";
        return result;
    }
    if (layer.provider == "memory") {
        // A saved project keeps no features of a scratch layer (QGIS 3.22): it opens empty.
        result.empty = true;
        result.why_not = "the layer has no vertices to measure";
        return result;
    }
    const detail::OpenedProjectLayer opened = detail::openProjectLayer(layer);
    if (opened.layer == nullptr) {
        result.why_not = opened.why_not;
        return result;
    }
    // The project's CRS for the layer counts, as in QGIS; a custom one (USER:...) is not
    // resolvable here, so the data's own is used then.
    const bool epsg = layer.crs.rfind("EPSG:", 0) == 0;
    return detail::measureLayerPrecision(*opened.layer, epsg ? layer.crs : std::string());
}

} // namespace geolicence
