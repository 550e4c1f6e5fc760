#include "check/project_layer_source.h"
#include "gdal_support.h"

#include <geolicence/errors.h>
#include <geolicence/territory.h>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace geolicence {

struct Territory::Shape {
    std::unique_ptr<OGRGeometry> area;
    OGRSpatialReference crs;
    bool has_crs = false;
};

namespace {

struct Extent {
    OGREnvelope box;
    OGRSpatialReference crs;
    bool has_crs = false;
};

void takeCrs(const ProjectLayer& layer, const OGRSpatialReference* data_crs, Extent& extent) {
    // The CRS the project gives the layer counts, as in QGIS; else the data's own.
    if (layer.crs.rfind("EPSG:", 0) == 0 &&
        extent.crs.SetFromUserInput(layer.crs.c_str()) == OGRERR_NONE) {
        extent.has_crs = true;
    } else if (data_crs != nullptr && !detail::isUndefinedCrs(*data_crs)) {
        extent.crs = *data_crs;
        extent.has_crs = true;
    }
    extent.crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

std::optional<Extent> vectorExtent(const ProjectLayer& layer) {
    const detail::OpenedProjectLayer opened = detail::openProjectLayer(layer);
    if (opened.layer == nullptr) {
        return std::nullopt;
    }
    Extent extent;
    if (opened.layer->GetExtent(&extent.box, TRUE) != OGRERR_NONE || !extent.box.IsInit()) {
        return std::nullopt;
    }
    takeCrs(layer, opened.layer->GetSpatialRef(), extent);
    return extent;
}

std::optional<Extent> rasterExtent(const ProjectLayer& layer) {
    detail::ensureGdalRegistered();
    const detail::QuietGdalErrors quiet;
    const std::string path = layer.source.substr(0, layer.source.find('|'));
    const std::unique_ptr<GDALDataset, detail::GdalDatasetCloser> raster(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    double transform[6];
    if (!raster || raster->GetGeoTransform(transform) != CE_None) {
        return std::nullopt;
    }
    Extent extent;
    const double width = raster->GetRasterXSize();
    const double height = raster->GetRasterYSize();
    for (const auto& [column, row] : {std::pair{0.0, 0.0}, std::pair{width, 0.0},
                                      std::pair{0.0, height}, std::pair{width, height}}) {
        extent.box.Merge(transform[0] + column * transform[1] + row * transform[2],
                         transform[3] + column * transform[4] + row * transform[5]);
    }
    takeCrs(layer, raster->GetSpatialRef(), extent);
    return extent;
}

// The extent as the plugin tests it: an area, or a line or point for data without one.
std::unique_ptr<OGRGeometry> footprint(const OGREnvelope& box) {
    const bool wide = box.MaxX > box.MinX;
    const bool tall = box.MaxY > box.MinY;
    if (wide && tall) {
        auto ring = std::make_unique<OGRLinearRing>();
        ring->addPoint(box.MinX, box.MinY);
        ring->addPoint(box.MaxX, box.MinY);
        ring->addPoint(box.MaxX, box.MaxY);
        ring->addPoint(box.MinX, box.MaxY);
        ring->addPoint(box.MinX, box.MinY);
        auto polygon = std::make_unique<OGRPolygon>();
        polygon->addRingDirectly(ring.release());
        return polygon;
    }
    if (wide || tall) {
        auto line = std::make_unique<OGRLineString>();
        line->addPoint(box.MinX, box.MinY);
        line->addPoint(box.MaxX, box.MaxY);
        return line;
    }
    return std::make_unique<OGRPoint>(box.MinX, box.MinY);
}

} // namespace

Territory::Territory(std::unique_ptr<Shape> shape) : shape_(std::move(shape)) {}

Territory::~Territory() = default;

std::shared_ptr<const Territory> Territory::load(const std::filesystem::path& file) {
    detail::ensureGdalRegistered();
    const detail::QuietGdalErrors quiet;
    const std::unique_ptr<GDALDataset, detail::GdalDatasetCloser> opened(
        static_cast<GDALDataset*>(GDALOpenEx(
            file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!opened || opened->GetLayerCount() == 0) {
        throw InputError(
            file.string() + ": the territory file cannot be read: " +
            (opened ? std::string("it has no layer") : detail::QuietGdalErrors::openFailure()));
    }
    OGRLayer* layer = opened->GetLayer(0);
    auto shape = std::make_unique<Shape>();
    OGRMultiPolygon parts;
    for (auto& feature : *layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) {
            continue;
        }
        const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
        if (type == wkbPolygon) {
            parts.addGeometry(geometry);
        } else if (type == wkbMultiPolygon) {
            for (const OGRPolygon* polygon : *geometry->toMultiPolygon()) {
                parts.addGeometry(polygon);
            }
        }
    }
    if (parts.IsEmpty()) {
        throw InputError(file.string() + ": the territory file holds no polygon");
    }
    shape->area.reset(parts.UnionCascaded());
    if (!shape->area) {
        throw InputError(file.string() + ": the territory's polygons cannot be united: " +
                         detail::QuietGdalErrors::lastMessage());
    }
    if (const OGRSpatialReference* crs = layer->GetSpatialRef();
        crs != nullptr && !detail::isUndefinedCrs(*crs)) {
        shape->crs = *crs;
        shape->crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        shape->has_crs = true;
    }
    return std::shared_ptr<const Territory>(new Territory(std::move(shape)));
}

std::optional<bool> Territory::contains(const ProjectLayer& layer) const {
    std::optional<Extent> extent;
    if (layer.type == "vector" && layer.provider != "memory") {
        extent = vectorExtent(layer);
    } else if (layer.type == "raster" && layer.provider == "gdal") {
        extent = rasterExtent(layer);
    }
    if (!extent) {
        return std::nullopt;
    }
    OGREnvelope box = extent->box;
    if (extent->has_crs && shape_->has_crs && !extent->crs.IsSame(&shape_->crs)) {
        const detail::QuietGdalErrors quiet;
        const std::unique_ptr<OGRCoordinateTransformation> transform(
            OGRCreateCoordinateTransformation(&extent->crs, &shape_->crs));
        if (!transform || !transform->TransformBounds(extent->box.MinX, extent->box.MinY,
                                                      extent->box.MaxX, extent->box.MaxY, &box.MinX,
                                                      &box.MinY, &box.MaxX, &box.MaxY, 21)) {
            return std::nullopt;
        }
    }
    return static_cast<bool>(shape_->area->Contains(footprint(box).get()));
}

} // namespace geolicence
