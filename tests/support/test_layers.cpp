#include "test_layers.h"

#include <cstdio>
#include <filesystem>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <stdexcept>
#include <sys/wait.h>

namespace geolicence::test {

void writeTestLayer(const std::string& path, const std::string& driver_name, int epsg,
                    const std::vector<TestField>& fields, const std::vector<TestFeature>& features,
                    const std::string& layer_name) {
    GDALAllRegister();
    // Writing NaN or infinite test points makes GDAL complain about layer extents; expected.
    CPLPushErrorHandler(CPLQuietErrorHandler);
    struct Pop {
        ~Pop() { CPLPopErrorHandler(); }
    } pop;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (driver == nullptr) {
        throw std::runtime_error("no GDAL driver " + driver_name);
    }
    std::unique_ptr<GDALDataset> dataset(
        driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) {
        throw std::runtime_error("cannot create " + path);
    }
    std::unique_ptr<OGRSpatialReference> crs;
    if (epsg != 0) {
        crs = std::make_unique<OGRSpatialReference>();
        crs->importFromEPSG(epsg);
        crs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    const std::string name =
        layer_name.empty() ? std::filesystem::path(path).stem().string() : layer_name;
    char** options = nullptr;
    if (driver_name == "CSV") {
        options = CSLSetNameValue(options, "GEOMETRY", "AS_WKT");
    }
    OGRLayer* layer = dataset->CreateLayer(name.c_str(), crs.get(), wkbUnknown, options);
    CSLDestroy(options);
    if (layer == nullptr) {
        throw std::runtime_error("cannot create layer in " + path);
    }
    for (const TestField& field : fields) {
        OGRFieldDefn definition(field.name.c_str(), field.type);
        layer->CreateField(&definition);
    }
    dataset->StartTransaction();
    for (const TestFeature& feature : features) {
        OGRFeature out(layer->GetLayerDefn());
        for (std::size_t i = 0; i < feature.values.size(); ++i) {
            if (feature.values[i]) {
                out.SetField(static_cast<int>(i), feature.values[i]->c_str());
            } else {
                out.SetFieldNull(static_cast<int>(i));
            }
        }
        if (feature.point) {
            out.SetGeometryDirectly(new OGRPoint(feature.point->first, feature.point->second));
        } else if (!feature.wkt.empty()) {
            OGRGeometry* geometry = nullptr;
            if (OGRGeometryFactory::createFromWkt(feature.wkt.c_str(), nullptr, &geometry) !=
                OGRERR_NONE) {
                throw std::runtime_error("bad test WKT " + feature.wkt);
            }
            out.SetGeometryDirectly(geometry);
        }
        if (layer->CreateFeature(&out) != OGRERR_NONE) {
            throw std::runtime_error("cannot write a feature to " + path);
        }
    }
    dataset->CommitTransaction();
}

} // namespace geolicence::test
