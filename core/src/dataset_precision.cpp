#include "dataset_precision.h"

#include "gdal_support.h"

#include <geolicence/grid.h>
#include <geolicence/vertex_grid.h>

#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <vector>

namespace geolicence::detail {

namespace {

// Reprojection from geographic coordinates with ~7 decimals leaves centimetres of noise.
constexpr double kReprojectedTolerance = 0.05;

using TransformPtr =
    std::unique_ptr<OGRCoordinateTransformation, void (*)(OGRCoordinateTransformation*)>;

// One place the vertices are measured in: the layer's own CRS, or a reference grid's.
struct Frame {
    std::string crs;
    TransformPtr transform{nullptr, OGRCoordinateTransformation::DestroyCT};
    VertexGrid grid;
};

class VertexFeeder : public OGRDefaultConstGeometryVisitor {
public:
    explicit VertexFeeder(std::vector<Frame>& frames) : frames_(frames) {}
    using OGRDefaultConstGeometryVisitor::visit;

    void visit(const OGRPoint* point) override {
        if (point->IsEmpty()) {
            return;
        }
        for (Frame& frame : frames_) {
            double x = point->getX();
            double y = point->getY();
            if (frame.transform && !frame.transform->Transform(1, &x, &y)) {
                continue; // outside this grid's area: the other frames decide
            }
            frame.grid.add(x, y);
        }
    }

    bool undecided() const {
        for (const Frame& frame : frames_) {
            if (frame.grid.undecided()) {
                return true;
            }
        }
        return false;
    }

private:
    std::vector<Frame>& frames_;
};

std::string authorityName(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr) {
        return std::string(authority) + ":" + code;
    }
    const char* name = srs.GetName();
    return name != nullptr ? name : "the layer's CRS";
}

} // namespace

MeasuredPrecision measureLayerPrecision(OGRLayer& layer) {
    MeasuredPrecision result;
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (layer.GetGeomType() == wkbNone) {
        result.why_not = "the layer has no geometry";
        return result;
    }
    std::vector<Frame> frames;
    if (srs == nullptr || isUndefinedCrs(*srs)) {
        // Without a CRS the unit is unknown, so a grid found says nothing in metres. Positions
        // on no grid of even one unit are exact in any unit, though: that still counts.
        frames.push_back(
            Frame{"", {nullptr, OGRCoordinateTransformation::DestroyCT}, VertexGrid()});
    } else if (srs->IsProjected() && srs->GetLinearUnits() == 1.0) {
        frames.push_back(Frame{
            authorityName(*srs), {nullptr, OGRCoordinateTransformation::DestroyCT}, VertexGrid()});
    } else {
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        for (GridKind kind : kAllGrids) {
            OGRSpatialReference target;
            if (target.importFromEPSG(gridEpsg(kind)) != OGRERR_NONE) {
                continue;
            }
            target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            TransformPtr transform(OGRCreateCoordinateTransformation(&source, &target),
                                   OGRCoordinateTransformation::DestroyCT);
            if (transform) {
                frames.push_back(Frame{"EPSG:" + std::to_string(gridEpsg(kind)),
                                       std::move(transform), VertexGrid(kReprojectedTolerance)});
            }
        }
        if (frames.empty()) {
            result.why_not = "its CRS (" + authorityName(*srs) +
                             ") is not in metres and cannot be reprojected to a reference grid";
            return result;
        }
    }

    VertexFeeder feeder(frames);
    layer.ResetReading();
    while (feeder.undecided()) {
        std::unique_ptr<OGRFeature> feature(layer.GetNextFeature());
        if (!feature) {
            break;
        }
        if (const OGRGeometry* geometry = feature->GetGeometryRef()) {
            geometry->accept(&feeder);
        }
    }
    layer.ResetReading();

    for (const Frame& frame : frames) {
        if (frame.grid.vertices() == 0) {
            continue;
        }
        const std::optional<double> spacing = frame.grid.spacing();
        if (!result.measured || (spacing && (!result.spacing_m || *spacing > *result.spacing_m))) {
            result.measured = true;
            result.spacing_m = spacing;
            result.crs = frame.crs;
        }
    }
    if (!result.measured) {
        result.empty = true;
        result.why_not = "the layer has no vertices to measure";
    } else if (result.crs.empty() && result.spacing_m) {
        result = MeasuredPrecision{};
        result.why_not = "the layer has no CRS, so the unit of its coordinates is unknown";
    } else if (result.crs.empty()) {
        result.crs = "no CRS";
    }
    return result;
}

} // namespace geolicence::detail
