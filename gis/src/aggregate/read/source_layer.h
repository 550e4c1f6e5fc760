#pragma once

#include <geolicence/aggregation.h>

#include <memory>
#include <string>
#include <vector>

class GDALDataset;
class OGRLayer;
class OGRSpatialReference;
struct ArrowArrayStream;

namespace geolicence::detail {

// The layer an aggregation reads: opened read-only, with its CRS settled (the layer's own or
// the one the user states) and only the fields it needs switched on.
class SourceLayer {
public:
    // InputError naming the source when it cannot be opened, has no such layer, has several
    // layers and none was chosen, has no geometry, or has no CRS and none was stated.
    explicit SourceLayer(const AggregationInput& input);
    ~SourceLayer();
    SourceLayer(const SourceLayer&) = delete;
    SourceLayer& operator=(const SourceLayer&) = delete;

    const std::string& source() const { return source_; }
    const std::string& layerName() const { return layer_name_; }
    OGRLayer& layer() { return *layer_; }
    // The CRS the coordinates are in, with x/y (east/north, lon/lat) axis order.
    const OGRSpatialReference& crs() const { return *crs_; }
    const std::string& geometryColumn() const { return geometry_column_; }

    // Names as "source (layer L)" for messages, without a password the source may hold.
    std::string where() const;

    // GDAL's short name of the driver that opened the source ("GPKG", "PostgreSQL", ...).
    std::string driverName() const;
    // Whether the coordinates are in the CRS with this EPSG code already (no transformation).
    bool isInCrs(int epsg) const;

    // -1 when counting would mean reading everything (e.g. CSV).
    std::int64_t featureCountIfCheap();

    // Switches off every attribute and geometry field but `needed` and the first geometry.
    void readOnly(const std::vector<std::string>& needed);

    // GDAL's columnar stream over the layer (OGR_L_GetArrowStream, no FID column).
    void openArrowStream(ArrowArrayStream& stream);

private:
    struct Closer {
        void operator()(GDALDataset* dataset) const;
    };

    std::string source_;
    std::string shown_; // source_ without a password, for messages
    std::unique_ptr<GDALDataset, Closer> dataset_;
    OGRLayer* layer_ = nullptr;
    std::string layer_name_;
    std::unique_ptr<OGRSpatialReference> crs_;
    std::string geometry_column_;
};

} // namespace geolicence::detail
