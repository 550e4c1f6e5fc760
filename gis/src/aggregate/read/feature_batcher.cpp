#include "aggregate/read/feature_batcher.h"

#include "aggregate/read/source_layer.h"
#include "gdal_support.h"

#include <geolicence/errors.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace geolicence::detail {

namespace {

// Above this, --assign intersects would emit an absurd number of rows for one feature.
constexpr std::int64_t kMaxCellsPerFeature = 1'000'000;

enum class WkbShape : std::uint8_t { Point, Other, Broken };

template <typename T> T read(const char* data, bool little_endian) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, data, sizeof(T));
    // This machine is little-endian (x86-64, arm64); big-endian WKB is byte-swapped.
    if (!little_endian) {
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i) {
            std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
        }
    }
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
}

// A 2D/3D/M point is read straight from its WKB; anything else goes through OGR.
WkbShape decodePoint(std::string_view wkb, double& x, double& y) {
    if (wkb.size() < 5 || (wkb[0] != 0 && wkb[0] != 1)) {
        return WkbShape::Broken;
    }
    const bool little = wkb[0] == 1;
    const auto type = read<std::uint32_t>(wkb.data() + 1, little);
    if ((type & 0x20000000U) != 0) { // EWKB with an SRID: let OGR deal with it
        return WkbShape::Other;
    }
    if ((type & 0x0FFFFFFFU) % 1000 != 1) {
        return WkbShape::Other;
    }
    if (wkb.size() < 21) {
        return WkbShape::Broken;
    }
    x = read<double>(wkb.data() + 5, little);
    y = read<double>(wkb.data() + 13, little);
    return WkbShape::Point;
}

void appendRaw(std::string& key, const void* data, std::size_t size) {
    key.append(static_cast<const char*>(data), size);
}

bool layoutFits(FieldKind kind, const ArrowColumn::Layout layout) {
    using Layout = ArrowColumn::Layout;
    switch (kind) {
    case FieldKind::Integer:
    case FieldKind::Integer64:
    case FieldKind::Real:
        return layout <= Layout::Float64;
    case FieldKind::String:
        return layout == Layout::Utf8 || layout == Layout::LargeUtf8;
    case FieldKind::Date:
        return layout == Layout::Date32 || layout == Layout::Date64;
    case FieldKind::DateTime:
        return layout == Layout::Timestamp;
    }
    return false;
}

bool finite(const OGREnvelope& envelope) {
    return std::isfinite(envelope.MinX) && std::isfinite(envelope.MinY) &&
           std::isfinite(envelope.MaxX) && std::isfinite(envelope.MaxY);
}

} // namespace

FeatureBatcher::FeatureBatcher(SourceLayer& source, const ReadPlan& plan, const Grid& grid,
                               Assignment assign)
    : source_(source), plan_(plan), grid_(grid), assign_(assign) {
    const QuietGdalErrors quiet;
    OGRSpatialReference grid_crs;
    grid_crs.importFromEPSG(grid.epsg());
    grid_crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.isInCrs(grid.epsg())) {
        transform_.reset(OGRCreateCoordinateTransformation(&source.crs(), &grid_crs));
        if (!transform_) {
            throw InputError(source.where() + ": cannot transform its coordinates to EPSG:" +
                             std::to_string(grid.epsg()) + ": " + QuietGdalErrors::lastMessage());
        }
    }

    // The area of use (an EPSG bounding box in degrees) as a box in the grid CRS: a cheap test
    // per transformed point, to report those PROJ took outside the region its transformation is
    // meant for.
    double west = 0;
    double south = 0;
    double east = 0;
    double north = 0;
    const char* area_name = nullptr;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_grid(
        OGRCreateCoordinateTransformation(&wgs84, &grid_crs));
    if (!grid_crs.GetAreaOfUse(&west, &south, &east, &north, &area_name) || !to_grid ||
        !to_grid->TransformBounds(west, south, east, north, &area_.min_x, &area_.min_y,
                                  &area_.max_x, &area_.max_y, 21)) {
        throw Error("PROJ does not know the area of use of EPSG:" + std::to_string(grid.epsg()) +
                    " (is proj.db installed?)");
    }

    source.openArrowStream(stream_);
    if (stream_.get_schema(&stream_, &schema_) != 0) {
        const char* why = stream_.get_last_error(&stream_);
        throw InputError(source.where() + ": cannot be read: " + (why ? why : "no schema"));
    }
    bindSchema();
}

FeatureBatcher::~FeatureBatcher() {
    if (schema_.release != nullptr) {
        schema_.release(&schema_);
    }
    if (stream_.release != nullptr) {
        stream_.release(&stream_);
    }
}

void FeatureBatcher::bindSchema() {
    const auto childNamed = [this](const std::string& name) {
        for (int i = 0; i < static_cast<int>(schema_.n_children); ++i) {
            if (EQUAL(schema_.children[i]->name, name.c_str())) {
                return i;
            }
        }
        return -1;
    };
    const auto bind = [&](const std::string& name, FieldKind kind) {
        const int child = childNamed(name);
        if (child < 0 ||
            !layoutFits(kind, ArrowColumn::layoutOf(schema_.children[child]->format))) {
            throw Error("GDAL's Arrow stream of " + source_.where() + " has no usable column \"" +
                        name + "\"");
        }
        return child;
    };
    for (const GroupColumn& column : plan_.groups) {
        group_children_.push_back(bind(column.name, column.kind));
    }
    for (const InputColumn& column : plan_.inputs) {
        input_children_.push_back(bind(column.name, column.kind));
    }
    geometry_child_ = source_.geometryColumn().empty() ? -1 : childNamed(source_.geometryColumn());
    for (int i = 0; geometry_child_ < 0 && i < static_cast<int>(schema_.n_children); ++i) {
        // A layer whose geometry column has no name (Shapefile, CSV) gets one from GDAL.
        const ArrowColumn::Layout layout = ArrowColumn::layoutOf(schema_.children[i]->format);
        const bool binary =
            layout == ArrowColumn::Layout::Utf8 || layout == ArrowColumn::Layout::LargeUtf8;
        const std::string_view format(schema_.children[i]->format);
        if (binary && (format == "z" || format == "Z")) {
            geometry_child_ = i;
        }
    }
    if (geometry_child_ < 0) {
        throw Error("GDAL's Arrow stream of " + source_.where() + " has no geometry column");
    }
}

FeatureBatcher::Columns FeatureBatcher::columnsOf(const ArrowArray& array) const {
    if (array.offset != 0) {
        throw Error("GDAL's Arrow stream returned a batch with an offset");
    }
    Columns columns;
    columns.geometry.emplace(*schema_.children[geometry_child_], *array.children[geometry_child_]);
    for (int child : group_children_) {
        columns.groups.emplace_back(*schema_.children[child], *array.children[child]);
    }
    for (int child : input_children_) {
        columns.inputs.emplace_back(*schema_.children[child], *array.children[child]);
    }
    return columns;
}

std::optional<PreparedBatch> FeatureBatcher::next() {
    const QuietGdalErrors quiet;
    ArrowArray array{};
    if (stream_.get_next(&stream_, &array) != 0) {
        const char* why = stream_.get_last_error(&stream_);
        throw InputError(source_.where() + ": reading failed: " +
                         (why != nullptr ? why : QuietGdalErrors::lastMessage()));
    }
    if (array.release == nullptr) {
        return std::nullopt;
    }
    struct Release {
        ArrowArray& array;
        ~Release() { array.release(&array); }
    } release{array};
    PreparedBatch batch;
    prepare(array, batch);
    return batch;
}

bool FeatureBatcher::cellOf(double x, double y, std::int32_t& column,
                            std::int32_t& grid_row) const {
    // Grid::indexOf takes coordinates up to 2^52 m; the cell number must then fit 32 bits.
    constexpr double kMaxCoordinate = 4503599627370496.0;
    if (!(std::fabs(x) <= kMaxCoordinate && std::fabs(y) <= kMaxCoordinate)) {
        return false;
    }
    const std::int64_t c = grid_.indexOf(x);
    const std::int64_t r = grid_.indexOf(y);
    constexpr std::int64_t kMin = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t kMax = std::numeric_limits<std::int32_t>::max();
    if (c < kMin || c > kMax || r < kMin || r > kMax) {
        return false;
    }
    column = static_cast<std::int32_t>(c);
    grid_row = static_cast<std::int32_t>(r);
    return true;
}

std::uint32_t FeatureBatcher::groupOf(const Columns& columns, std::int64_t row) {
    key_.clear();
    for (std::size_t i = 0; i < columns.groups.size(); ++i) {
        const ArrowColumn& column = columns.groups[i];
        if (column.isNull(row)) {
            key_ += 'N';
            continue;
        }
        switch (plan_.groups[i].kind) {
        case FieldKind::String: {
            const std::string_view text = column.bytes(row);
            const auto size = static_cast<std::uint32_t>(text.size());
            key_ += 'S';
            appendRaw(key_, &size, sizeof size);
            key_.append(text);
            break;
        }
        case FieldKind::Real: {
            double value = column.real(row);
            if (std::isnan(value)) {
                key_ += 'N';
                break;
            }
            value = value == 0 ? 0.0 : value; // -0.0 and 0.0 are one group
            key_ += 'D';
            appendRaw(key_, &value, sizeof value);
            break;
        }
        default: {
            const std::int64_t value = column.integer(row);
            key_ += 'I';
            appendRaw(key_, &value, sizeof value);
            break;
        }
        }
    }
    return groups_.intern(key_, [&] {
        std::vector<GroupValue> values;
        values.reserve(columns.groups.size());
        for (std::size_t i = 0; i < columns.groups.size(); ++i) {
            const ArrowColumn& column = columns.groups[i];
            const FieldKind kind = plan_.groups[i].kind;
            if (column.isNull(row) || (kind == FieldKind::Real && std::isnan(column.real(row)))) {
                values.emplace_back(std::monostate{});
            } else if (kind == FieldKind::String) {
                values.emplace_back(std::string(column.bytes(row)));
            } else if (kind == FieldKind::Real) {
                const double value = column.real(row);
                values.emplace_back(value == 0 ? 0.0 : value);
            } else if (kind == FieldKind::Date) {
                values.emplace_back(isoDate(column.integer(row)));
            } else if (kind == FieldKind::DateTime) {
                values.emplace_back(isoDateTime(column.integer(row)));
            } else {
                values.emplace_back(column.integer(row));
            }
        }
        return values;
    });
}

void FeatureBatcher::emit(PreparedBatch& batch, const Columns& columns, std::int64_t row,
                          const CellKey& key) {
    batch.keys.push_back(key);
    ++batch.counts.observations;
    if (plan_.inputs.empty()) {
        return;
    }
    std::uint64_t present = 0;
    for (std::size_t i = 0; i < columns.inputs.size(); ++i) {
        const ArrowColumn& input = columns.inputs[i];
        std::uint64_t bits = 0;
        if (!input.isNull(row)) {
            if (plan_.inputs[i].kind == FieldKind::Real) {
                double value = input.real(row);
                // -0.0 and 0.0 are one value: a minimum must not depend on which came first.
                value = value == 0 ? 0.0 : value;
                if (!std::isnan(value)) {
                    std::memcpy(&bits, &value, sizeof bits);
                    present |= std::uint64_t{1} << i;
                }
            } else {
                bits = static_cast<std::uint64_t>(input.integer(row));
                present |= std::uint64_t{1} << i;
            }
        }
        batch.values.push_back(bits);
    }
    batch.present.push_back(present);
}

void FeatureBatcher::prepare(const ArrowArray& array, PreparedBatch& batch) {
    const Columns columns = columnsOf(array);
    const std::int64_t rows = array.length;
    batch.counts.features_read = rows;
    batch.keys.reserve(static_cast<std::size_t>(rows));
    batch.values.reserve(static_cast<std::size_t>(rows) * plan_.inputs.size());
    batch.present.reserve(plan_.inputs.empty() ? 0 : static_cast<std::size_t>(rows));

    // Pass 1: decode the points, so PROJ gets them all in one call.
    enum : std::uint8_t { kSkipped, kPoint, kOther };
    std::vector<std::uint8_t> shape(static_cast<std::size_t>(rows), kSkipped);
    xs_.clear();
    ys_.clear();
    for (std::int64_t row = 0; row < rows; ++row) {
        if (columns.geometry->isNull(row)) {
            ++batch.counts.skipped.null_geometry;
            continue;
        }
        double x = 0;
        double y = 0;
        switch (decodePoint(columns.geometry->bytes(row), x, y)) {
        case WkbShape::Broken:
            ++batch.counts.skipped.invalid;
            break;
        case WkbShape::Other:
            shape[row] = kOther;
            break;
        case WkbShape::Point:
            if (std::isnan(x) && std::isnan(y)) {
                ++batch.counts.skipped.empty; // WKB writes POINT EMPTY as NaN NaN
            } else if (!std::isfinite(x) || !std::isfinite(y)) {
                ++batch.counts.skipped.non_finite;
            } else {
                shape[row] = kPoint;
                xs_.push_back(x);
                ys_.push_back(y);
            }
            break;
        }
    }
    ok_.assign(xs_.size(), 1);
    if (transform_ && !xs_.empty()) {
        transform_->Transform(static_cast<int>(xs_.size()), xs_.data(), ys_.data(), nullptr,
                              nullptr, ok_.data());
    }

    // Pass 2, in feature order (so sums add up in the order a sequential reader would).
    std::size_t point = 0;
    for (std::int64_t row = 0; row < rows; ++row) {
        if (shape[row] == kOther) {
            assignGeneric(batch, columns, row, columns.geometry->bytes(row));
            continue;
        }
        if (shape[row] != kPoint) {
            continue;
        }
        const double x = xs_[point];
        const double y = ys_[point];
        const bool projected = ok_[point] != 0 && std::isfinite(x) && std::isfinite(y);
        ++point;
        std::int32_t column = 0;
        std::int32_t grid_row = 0;
        if (!projected) {
            ++batch.counts.skipped.transform_failed;
        } else if (!cellOf(x, y, column, grid_row)) {
            ++batch.counts.skipped.out_of_range;
        } else {
            ++batch.counts.features_used;
            batch.counts.outside_area += outsideArea(x, y) ? 1 : 0;
            emit(batch, columns, row, {column, grid_row, groupOf(columns, row)});
        }
    }
    batch.new_groups = groups_.takeNew();
}

void FeatureBatcher::assignGeneric(PreparedBatch& batch, const Columns& columns, std::int64_t row,
                                   std::string_view wkb) {
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size()) != OGRERR_NONE ||
        raw == nullptr) {
        ++batch.counts.skipped.invalid;
        return;
    }
    const std::unique_ptr<OGRGeometry> geometry(raw);
    if (geometry->IsEmpty()) {
        ++batch.counts.skipped.empty;
        return;
    }
    OGREnvelope envelope;
    geometry->getEnvelope(&envelope);
    if (!finite(envelope)) {
        ++batch.counts.skipped.non_finite;
        return;
    }
    const OGRwkbGeometryType flat = wkbFlatten(geometry->getGeometryType());
    const bool points = flat == wkbPoint || flat == wkbMultiPoint;
    if (!points && !geometry->IsValid()) {
        ++batch.counts.skipped.invalid;
        return;
    }
    if (transform_ && geometry->transform(transform_.get()) != OGRERR_NONE) {
        ++batch.counts.skipped.transform_failed;
        return;
    }
    geometry->getEnvelope(&envelope);
    if (!finite(envelope)) {
        ++batch.counts.skipped.transform_failed;
        return;
    }
    const double size = static_cast<double>(grid_.cellSize());
    const bool larger =
        envelope.MaxX - envelope.MinX > size || envelope.MaxY - envelope.MinY > size;

    std::vector<std::pair<std::int32_t, std::int32_t>> cells;
    const auto addCell = [&cells](std::int32_t c, std::int32_t r) {
        for (const auto& cell : cells) {
            if (cell.first == c && cell.second == r) {
                return;
            }
        }
        cells.emplace_back(c, r);
    };
    // Why a feature got no cell: no centroid (GEOS cannot make one: invalid), or a cell number
    // out of range.
    bool no_centroid = false;
    const auto centroidCell = [&] {
        OGRPoint centroid;
        std::int32_t c = 0;
        std::int32_t r = 0;
        if (geometry->Centroid(&centroid) != OGRERR_NONE || centroid.IsEmpty()) {
            no_centroid = true;
        } else if (cellOf(centroid.getX(), centroid.getY(), c, r)) {
            addCell(c, r);
        }
    };

    if (assign_ == Assignment::Centroid) {
        centroidCell();
    } else if (points) {
        // A point belongs to one cell (the floor rule), never to the ones whose edge it is on.
        const auto addPoint = [&](const OGRPoint& p) {
            std::int32_t c = 0;
            std::int32_t r = 0;
            if (cellOf(p.getX(), p.getY(), c, r)) {
                addCell(c, r);
            }
        };
        if (flat == wkbPoint) {
            addPoint(*geometry->toPoint());
        } else {
            for (const OGRPoint* p : *geometry->toMultiPoint()) {
                addPoint(*p);
            }
        }
    } else {
        std::int32_t c0 = 0;
        std::int32_t r0 = 0;
        std::int32_t c1 = 0;
        std::int32_t r1 = 0;
        if (cellOf(envelope.MinX, envelope.MinY, c0, r0) &&
            cellOf(envelope.MaxX, envelope.MaxY, c1, r1)) {
            if ((std::int64_t{c1} - c0 + 1) * (std::int64_t{r1} - r0 + 1) > kMaxCellsPerFeature) {
                throw InputError(source_.where() + ": a feature covers more than " +
                                 std::to_string(kMaxCellsPerFeature) +
                                 " cells; use --assign centroid or a larger cell size");
            }
            OGRPreparedGeometryH prepared =
                OGRCreatePreparedGeometry(OGRGeometry::ToHandle(geometry.get()));
            for (std::int64_t c = c0; c <= c1; ++c) {
                for (std::int64_t r = r0; r <= r1; ++r) {
                    const Envelope box = grid_.bounds({c, r});
                    OGRLinearRing ring;
                    ring.addPoint(box.min_x, box.min_y);
                    ring.addPoint(box.max_x, box.min_y);
                    ring.addPoint(box.max_x, box.max_y);
                    ring.addPoint(box.min_x, box.max_y);
                    ring.addPoint(box.min_x, box.min_y);
                    OGRPolygon square;
                    square.addRing(&ring);
                    // Reaching into the cell counts; running along its edge does not.
                    if (OGRPreparedGeometryIntersects(prepared, OGRGeometry::ToHandle(&square)) &&
                        !geometry->Touches(&square)) {
                        addCell(static_cast<std::int32_t>(c), static_cast<std::int32_t>(r));
                    }
                }
            }
            OGRDestroyPreparedGeometry(prepared);
        }
        if (cells.empty()) {
            centroidCell(); // lies on grid lines only: the floor rule of its centroid decides
        }
    }

    if (cells.empty()) {
        ++(no_centroid ? batch.counts.skipped.invalid : batch.counts.skipped.out_of_range);
        return;
    }
    ++batch.counts.features_used;
    batch.counts.larger_than_cell += larger ? 1 : 0;
    batch.counts.outside_area += transform_ && !(area_.contains(envelope.MinX, envelope.MinY) &&
                                                 area_.contains(envelope.MaxX, envelope.MaxY))
                                     ? 1
                                     : 0;
    const std::uint32_t group = groupOf(columns, row);
    for (const auto& [c, r] : cells) {
        emit(batch, columns, row, {c, r, group});
    }
}

} // namespace geolicence::detail
