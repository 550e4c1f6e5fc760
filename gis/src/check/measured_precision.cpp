#include "gdal_support.h"

#include <geolicence/grid.h>
#include <geolicence/measured_precision.h>
#include <geolicence/vertex_grid.h>

#include <algorithm>
#include <ogr_spatialref.h>
#include <sstream>

namespace geolicence {

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

struct PrecisionMeter::Frames {
    std::vector<Frame> list;
};

PrecisionMeter::PrecisionMeter(const std::string& crs) : frames_(std::make_unique<Frames>()) {
    OGRSpatialReference srs;
    const bool known = !crs.empty() && srs.SetFromUserInput(crs.c_str()) == OGRERR_NONE &&
                       !detail::isUndefinedCrs(srs);
    if (!known) {
        // Without a CRS the unit is unknown, so a grid found says nothing in metres. Positions
        // on no grid of even one unit are exact in any unit, though: that still counts.
        frames_->list.push_back(
            Frame{"", {nullptr, OGRCoordinateTransformation::DestroyCT}, VertexGrid()});
        return;
    }
    if (srs.IsProjected() && srs.GetLinearUnits() == 1.0) {
        frames_->list.push_back(Frame{
            authorityName(srs), {nullptr, OGRCoordinateTransformation::DestroyCT}, VertexGrid()});
        return;
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const detail::QuietGdalErrors quiet;
    for (GridKind kind : kAllGrids) {
        OGRSpatialReference target;
        if (target.importFromEPSG(gridEpsg(kind)) != OGRERR_NONE) {
            continue;
        }
        target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        TransformPtr transform(OGRCreateCoordinateTransformation(&srs, &target),
                               OGRCoordinateTransformation::DestroyCT);
        if (transform) {
            frames_->list.push_back(Frame{"EPSG:" + std::to_string(gridEpsg(kind)),
                                          std::move(transform), VertexGrid(kReprojectedTolerance)});
        }
    }
    if (frames_->list.empty()) {
        why_not_ = "its CRS (" + authorityName(srs) +
                   ") is not in metres and cannot be reprojected to a reference grid";
    }
}

PrecisionMeter::~PrecisionMeter() = default;

void PrecisionMeter::add(double x, double y) {
    for (Frame& frame : frames_->list) {
        double fx = x;
        double fy = y;
        if (frame.transform && !frame.transform->Transform(1, &fx, &fy)) {
            continue; // outside this grid's area: the other frames decide
        }
        frame.grid.add(fx, fy);
    }
}

bool PrecisionMeter::undecided() const {
    return std::any_of(frames_->list.begin(), frames_->list.end(),
                       [](const Frame& frame) { return frame.grid.undecided(); });
}

MeasuredPrecision PrecisionMeter::result() const {
    MeasuredPrecision result;
    if (!why_not_.empty()) {
        result.why_not = why_not_;
        return result;
    }
    for (const Frame& frame : frames_->list) {
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

} // namespace geolicence
