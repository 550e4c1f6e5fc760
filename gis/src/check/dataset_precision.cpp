#include "check/dataset_precision.h"

#include "gdal_support.h"

#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace geolicence::detail {

namespace {

class VertexFeeder : public OGRDefaultConstGeometryVisitor {
public:
    explicit VertexFeeder(PrecisionMeter& meter) : meter_(meter) {}
    using OGRDefaultConstGeometryVisitor::visit;

    void visit(const OGRPoint* point) override {
        if (!point->IsEmpty()) {
            meter_.add(point->getX(), point->getY());
        }
    }

private:
    PrecisionMeter& meter_;
};

std::string crsOf(const OGRLayer& layer) {
    const OGRSpatialReference* srs = const_cast<OGRLayer&>(layer).GetSpatialRef();
    if (srs == nullptr || isUndefinedCrs(*srs)) {
        return "";
    }
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2018", nullptr};
    if (srs->exportToWkt(&wkt, options) != OGRERR_NONE || wkt == nullptr) {
        CPLFree(wkt);
        return "";
    }
    std::string text(wkt);
    CPLFree(wkt);
    return text;
}

} // namespace

MeasuredPrecision measureLayerPrecision(OGRLayer& layer, const std::string& crs) {
    if (layer.GetGeomType() == wkbNone) {
        MeasuredPrecision result;
        result.why_not = "the layer has no geometry";
        return result;
    }
    PrecisionMeter meter(crs.empty() ? crsOf(layer) : crs);
    VertexFeeder feeder(meter);
    layer.ResetReading();
    while (meter.undecided()) {
        std::unique_ptr<OGRFeature> feature(layer.GetNextFeature());
        if (!feature) {
            break;
        }
        if (const OGRGeometry* geometry = feature->GetGeometryRef()) {
            geometry->accept(&feeder);
        }
    }
    layer.ResetReading();
    return meter.result();
}

} // namespace geolicence::detail
