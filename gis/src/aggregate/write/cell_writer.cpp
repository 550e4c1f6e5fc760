#include "aggregate/write/cell_writer.h"

#include "aggregate/arrow_column.h"
#include "aggregate/write/geopackage_fill.h"
#include "gdal_support.h"

#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>

#include <algorithm>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>

namespace geolicence {

namespace {

bool writesVector(GDALDriver* driver) {
    return driver != nullptr && driver->GetMetadataItem(GDAL_DCAP_VECTOR) != nullptr &&
           driver->GetMetadataItem(GDAL_DCAP_CREATE) != nullptr;
}

// GDAL's messages while writing: warnings go to the report, the last failure to our error.
struct WriteMessages {
    std::vector<std::string> warnings;
    std::string failure;

    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<WriteMessages*>(CPLGetErrorHandlerUserData());
        if (level == CE_Warning) {
            if (std::find(self->warnings.begin(), self->warnings.end(), message) ==
                self->warnings.end()) {
                self->warnings.emplace_back(message);
            }
        } else if (level >= CE_Failure) {
            self->failure = message;
        }
    }
};

class ScopedHandler {
public:
    explicit ScopedHandler(WriteMessages& messages) {
        CPLPushErrorHandlerEx(&WriteMessages::handle, &messages);
    }
    ~ScopedHandler() { CPLPopErrorHandler(); }
    ScopedHandler(const ScopedHandler&) = delete;
    ScopedHandler& operator=(const ScopedHandler&) = delete;
};

// The output is a temporary file renamed into place only when complete (and made durable then,
// see AtomicOutput), so the usual crash-safety of SQLite costs time and buys nothing here.
// 64 KiB pages instead of SQLite's 4 KiB: a GeoPackage of millions of cells is written with a
// sixteenth of the page writes and B-tree pages (2.7 M rows: 1.4 s -> 0.9 s for the rows, the
// R-tree 0.75 s -> 0.55 s); readers are indifferent to the page size.
class FastSqliteWrites {
public:
    FastSqliteWrites() {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
        CPLSetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", "OFF");
        CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", "page_size=65536");
    }
    ~FastSqliteWrites() {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", nullptr);
        CPLSetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", nullptr);
        CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", nullptr);
    }
    FastSqliteWrites(const FastSqliteWrites&) = delete;
    FastSqliteWrites& operator=(const FastSqliteWrites&) = delete;
};

OGRFieldType ogrType(FieldKind kind) {
    switch (kind) {
    case FieldKind::Integer:
        return OFTInteger;
    case FieldKind::Integer64:
        return OFTInteger64;
    case FieldKind::Real:
        return OFTReal;
    case FieldKind::String:
        return OFTString;
    case FieldKind::Date:
        return OFTDate;
    case FieldKind::DateTime:
        return OFTDateTime;
    }
    return OFTString;
}

CPLStringList layerOptions(const std::string& driver) {
    CPLStringList options;
    if (driver == "CSV") {
        options.SetNameValue("GEOMETRY", "AS_WKT");
    } else if (driver == "GeoJSON") {
        // RFC 7946 would force WGS 84 and move every cell corner off the grid.
        options.SetNameValue("RFC7946", "NO");
    }
    return options;
}

void setAggregate(OGRFeature& feature, int index, FieldKind kind, const AggregateValue& value) {
    if (kind == FieldKind::Real) {
        feature.SetField(index, std::get<double>(value));
        return;
    }
    const std::int64_t integer = std::get<std::int64_t>(value);
    if (kind == FieldKind::Date) {
        int year = 0;
        int month = 0;
        int day = 0;
        detail::civilFromDays(integer, year, month, day);
        feature.SetField(index, year, month, day);
    } else if (kind == FieldKind::DateTime) {
        feature.SetField(index, detail::isoDateTime(integer).c_str());
    } else {
        feature.SetField(index, static_cast<GIntBig>(integer));
    }
}

void setGroupValue(OGRFeature& feature, int index, const GroupValue& value) {
    if (std::holds_alternative<std::monostate>(value)) {
        feature.SetFieldNull(index);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        feature.SetField(index, static_cast<GIntBig>(*integer));
    } else if (const auto* real = std::get_if<double>(&value)) {
        feature.SetField(index, *real);
    } else {
        feature.SetField(index, std::get<std::string>(value).c_str());
    }
}

} // namespace

std::string outputDriverFor(const std::filesystem::path& output, const std::string& format) {
    detail::ensureGdalRegistered();
    GDALDriverManager* drivers = GetGDALDriverManager();
    if (!format.empty()) {
        GDALDriver* driver = drivers->GetDriverByName(format.c_str());
        if (!writesVector(driver)) {
            throw InputError("\"" + format + "\" is not a GDAL vector format that can be written " +
                             "(e.g. GPKG, GeoJSON, FlatGeobuf, \"ESRI Shapefile\", CSV)");
        }
        return driver->GetDescription();
    }
    const std::string extension = detail::lowerExtension(output);
    const std::pair<const char*, const char*> known[] = {
        {".gpkg", "GPKG"},           {".geojson", "GeoJSON"},
        {".json", "GeoJSON"},        {".fgb", "FlatGeobuf"},
        {".shp", "ESRI Shapefile"},  {".csv", "CSV"},
        {".sqlite", "SQLite"},       {".gml", "GML"},
        {".tab", "MapInfo File"},    {".kml", "KML"},
        {".geojsonl", "GeoJSONSeq"}, {".geojsons", "GeoJSONSeq"}};
    for (const auto& [suffix, name] : known) {
        if (extension == suffix) {
            return name;
        }
    }
    if (extension.size() > 1) {
        for (int i = 0; i < drivers->GetDriverCount(); ++i) {
            GDALDriver* driver = drivers->GetDriver(i);
            const char* extensions = driver->GetMetadataItem(GDAL_DMD_EXTENSIONS);
            if (!writesVector(driver) || extensions == nullptr) {
                continue;
            }
            const CPLStringList list(CSLTokenizeString(extensions));
            for (int j = 0; j < list.size(); ++j) {
                if (detail::lowerAscii(list[j]) == extension.substr(1)) {
                    return driver->GetDescription();
                }
            }
        }
    }
    throw InputError(output.string() + ": cannot tell the output format from the extension; " +
                     "use .gpkg, .geojson, .fgb, .shp or .csv, or give --format");
}

void writeCellTable(const CellTable& table, const std::filesystem::path& path,
                    const std::string& driver_name, const std::string& layer_name,
                    std::vector<std::string>& warnings, const ProgressCallback& progress) {
    // The stream only borrows the table, for the length of this call.
    const std::unique_ptr<CellStream> cells =
        streamOf(std::shared_ptr<const CellTable>(&table, [](const CellTable*) {}));
    writeCells(*cells, path, driver_name, layer_name, warnings, progress);
}

void writeCells(CellStream& cells, const std::filesystem::path& path,
                const std::string& driver_name, const std::string& layer_name,
                std::vector<std::string>& warnings, const ProgressCallback& progress) {
    detail::ensureGdalRegistered();
    WriteMessages messages;
    const ScopedHandler handler(messages);
    const FastSqliteWrites fast;
    const auto fail = [&](const std::string& what) {
        throw InputError(path.string() + ": " + what +
                         (messages.failure.empty() ? "" : ": " + messages.failure));
    };

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!writesVector(driver)) {
        fail("GDAL cannot write " + driver_name);
    }
    std::unique_ptr<GDALDataset> dataset(
        driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) {
        fail("cannot create");
    }
    const Grid& grid = cells.grid();
    OGRSpatialReference crs;
    crs.importFromEPSG(grid.epsg());
    crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const CPLStringList options = layerOptions(driver_name);
    OGRLayer* layer = dataset->CreateLayer(layer_name.c_str(), &crs, wkbPolygon,
                                           const_cast<char**>(options.List()));
    if (layer == nullptr) {
        fail("cannot create layer " + layer_name);
    }

    std::vector<std::pair<std::string, OGRFieldType>> columns = {{"cell_code", OFTString}};
    if (grid.hasShortCode()) {
        columns.emplace_back("cell_code_short", OFTString);
    }
    for (const OutputField& field : cells.groupFields()) {
        columns.emplace_back(field.name, ogrType(field.kind));
    }
    columns.emplace_back("n_obs", OFTInteger64);
    for (const AggregateField& field : cells.aggregateFields()) {
        columns.emplace_back(field.name, ogrType(field.kind));
    }
    for (const auto& [name, type] : columns) {
        OGRFieldDefn definition(name.c_str(), type);
        if (layer->CreateField(&definition) != OGRERR_NONE) {
            fail("cannot create field " + name);
        }
    }

    if (driver_name == "GPKG") {
        // GDAL lays out the GeoPackage (metadata tables, CRS, columns, spatial index); the rows
        // go in through SQLite directly, see geopackage_fill.h.
        dataset.reset();
        if (!messages.failure.empty()) {
            fail("cannot create");
        }
        detail::fillGeoPackage(path, layer_name, cells, progress);
        if (progress && !progress(1.0)) {
            throw Cancelled();
        }
        return;
    }

    const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
    OGRFeature feature(layer->GetLayerDefn());
    // One polygon reused for every cell: its corners are moved, nothing is allocated per row.
    auto* square = new OGRPolygon();
    {
        OGRLinearRing ring;
        ring.setNumPoints(5);
        square->addRing(&ring);
    }
    feature.SetGeometryDirectly(square);
    OGRLinearRing* ring = square->getExteriorRing();

    const int first_group = grid.hasShortCode() ? 2 : 1;
    const int count_field = first_group + static_cast<int>(cells.groupFields().size());
    const std::size_t aggregates = cells.aggregateFields().size();
    CellBlock block;
    while (cells.next(block)) {
        const CellTable& table = *block.table;
        for (std::size_t row = block.first; row < block.first + block.count; ++row) {
            const CellIndex cell = table.cell(row);
            const Envelope box = grid.bounds(cell);
            ring->setPoint(0, box.min_x, box.min_y);
            ring->setPoint(1, box.max_x, box.min_y);
            ring->setPoint(2, box.max_x, box.max_y);
            ring->setPoint(3, box.min_x, box.max_y);
            ring->setPoint(4, box.min_x, box.min_y);
            feature.SetField(0, grid.code(cell).c_str());
            if (grid.hasShortCode()) {
                feature.SetField(1, grid.shortCode(cell).c_str());
            }
            const std::vector<GroupValue>& groups = table.groupValues(row);
            for (std::size_t i = 0; i < groups.size(); ++i) {
                setGroupValue(feature, first_group + static_cast<int>(i), groups[i]);
            }
            feature.SetField(count_field, static_cast<GIntBig>(table.count(row)));
            for (std::size_t i = 0; i < aggregates; ++i) {
                const int index = count_field + 1 + static_cast<int>(i);
                if (const auto value = table.aggregate(row, i)) {
                    setAggregate(feature, index, cells.aggregateFields()[i].kind, *value);
                } else {
                    feature.SetFieldNull(index);
                }
            }
            feature.SetFID(OGRNullFID);
            if (layer->CreateFeature(&feature) != OGRERR_NONE) {
                fail("cannot write cell " + grid.code(cell));
            }
        }
        if (progress && !progress(cells.fraction())) {
            throw Cancelled();
        }
    }
    if (transaction && dataset->CommitTransaction() != OGRERR_NONE) {
        fail("cannot commit");
    }
    // Closing writes indexes and headers (FlatGeobuf, Shapefile): failures there count too.
    messages.failure.clear();
    GDALClose(GDALDataset::ToHandle(dataset.release()));
    if (!messages.failure.empty()) {
        fail("cannot finish writing");
    }
    for (std::string& warning : messages.warnings) {
        warnings.push_back(path.filename().string() + ": " + warning);
    }
    if (progress && !progress(1.0)) {
        throw Cancelled();
    }
}

} // namespace geolicence
