#include "test_support.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>

#include <gtest/gtest.h>

#include <fstream>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace geolicence::test {
namespace {

// A small GeoPackage with two point layers, written with GDAL like any user's file.
std::string makeGeoPackage(const std::string& dir) {
    GDALAllRegister();
    const std::string path = dir + "/observations.gpkg";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* dataset = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    for (const char* name : {"waarnemingen", "gebouwen"}) {
        OGRLayer* layer = dataset->CreateLayer(name, nullptr, wkbPoint, nullptr);
        OGRFeature feature(layer->GetLayerDefn());
        OGRPoint point(155000, 463000);
        feature.SetGeometry(&point);
        EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    GDALClose(dataset);
    return path;
}

DatasetLicence ndffBinding(double cell_size) {
    DatasetLicence licence;
    licence.binding = singleLicence("ndff-uitvoerportaal", {}, "");
    licence.binding.licences.front().options["cell_size_m"] = cell_size;
    licence.binding.licences.front().options["project_end"] = *Date::parse("2027-03-31");
    licence.attribution = {"Bron: NDFF"};
    return licence;
}

TEST(DatasetBinding, GeoPackageMetadataRoundTripsPerTable) {
    const std::string gpkg = makeGeoPackage(makeTempDir());
    writeDatasetLicence(gpkg, ndffBinding(1000), bundledCatalog(), "waarnemingen");

    const auto read = readDatasetLicence(gpkg, bundledCatalog(), "waarnemingen");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->binding.licences.front().licence_id, "ndff-uitvoerportaal");
    EXPECT_EQ(read->binding.from, "geopackage-metadata");
    EXPECT_DOUBLE_EQ(std::get<double>(read->binding.licences.front().options.at("cell_size_m")),
                     1000.0);
    EXPECT_EQ(std::get<Date>(read->binding.licences.front().options.at("project_end")).toString(),
              "2027-03-31");
    EXPECT_EQ(read->attribution, std::vector<std::string>{"Bron: NDFF"});
    EXPECT_FALSE(readDatasetLicence(gpkg, bundledCatalog(), "gebouwen"))
        << "the binding belongs to one table";
    EXPECT_FALSE(std::filesystem::exists(sidecarPath(gpkg)));
}

TEST(DatasetBinding, RebindingReplacesTheEarlierBinding) {
    const std::string gpkg = makeGeoPackage(makeTempDir());
    writeDatasetLicence(gpkg, ndffBinding(1000), bundledCatalog(), "waarnemingen");
    writeDatasetLicence(gpkg, ndffBinding(5000), bundledCatalog(), "waarnemingen");
    const auto read = readDatasetLicence(gpkg, bundledCatalog(), "waarnemingen");
    ASSERT_TRUE(read);
    EXPECT_DOUBLE_EQ(std::get<double>(read->binding.licences.front().options.at("cell_size_m")),
                     5000.0);

    GDALAllRegister();
    GDALDataset* dataset = static_cast<GDALDataset*>(
        GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    ASSERT_NE(dataset, nullptr) << "GDAL still opens the GeoPackage";
    OGRLayer* rows = dataset->ExecuteSQL("SELECT count(*) AS n FROM gpkg_metadata WHERE mime_type "
                                         "= 'application/vnd.geolicence+json'",
                                         nullptr, "SQLITE");
    ASSERT_NE(rows, nullptr);
    OGRFeature* row = rows->GetNextFeature();
    EXPECT_EQ(row->GetFieldAsInteger(0), 1) << "the old metadata row is gone";
    OGRFeature::DestroyFeature(row);
    dataset->ReleaseResultSet(rows);
    GDALClose(dataset);
}

TEST(DatasetBinding, WholeFileBindingAppliesToEveryTable) {
    const std::string gpkg = makeGeoPackage(makeTempDir());
    writeDatasetLicence(gpkg, ndffBinding(1000), bundledCatalog());
    EXPECT_TRUE(readDatasetLicence(gpkg, bundledCatalog(), "gebouwen"));
    EXPECT_TRUE(readDatasetLicence(gpkg, bundledCatalog()));
}

TEST(DatasetBinding, OtherFormatsGetASidecar) {
    const std::string dir = makeTempDir();
    const std::string geojson = dir + "/buildings.geojson";
    std::ofstream(geojson) << R"({"type": "FeatureCollection", "features": []})";
    DatasetLicence licence;
    licence.binding = singleLicence("grb-art7-intern-gebruik", {}, "");
    licence.binding.licences.front().options["publication_right"] = true;
    writeDatasetLicence(geojson, licence, bundledCatalog());
    ASSERT_TRUE(std::filesystem::exists(dir + "/buildings.geojson.licence.json"));
    const auto read = readDatasetLicence(geojson, bundledCatalog());
    ASSERT_TRUE(read);
    EXPECT_EQ(read->binding.from, "sidecar");
    EXPECT_TRUE(std::get<bool>(read->binding.licences.front().options.at("publication_right")));
}

TEST(DatasetBinding, NoCarrierMeansNoBinding) {
    const std::string dir = makeTempDir();
    std::ofstream(dir + "/a.geojson") << "{}";
    EXPECT_FALSE(readDatasetLicence(dir + "/a.geojson", bundledCatalog()));
    EXPECT_FALSE(readDatasetLicence(makeGeoPackage(dir), bundledCatalog(), "waarnemingen"));
}

TEST(DatasetBinding, BrokenSidecarsAreInputErrorsNamingTheFile) {
    const std::string dir = makeTempDir();
    const std::string data = dir + "/a.geojson";
    std::ofstream(data) << "{}";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{not json", "not valid JSON"},
        {R"({"options": {}})", "needs {\"licence\""},
        {R"({"licence": "no-such-licence"})", "is not in the catalog"},
        {R"({"licence": "ndff-uitvoerportaal", "options": {"revoked": "perhaps"}})",
         "true or false"},
        {R"({"licence": "ndff-uitvoerportaal", "options": {"publication_right": true}})",
         "has no option \"publication_right\""},
    };
    for (const auto& [content, expected] : cases) {
        std::ofstream(sidecarPath(data)) << content;
        try {
            readDatasetLicence(data, bundledCatalog());
            ADD_FAILURE() << "accepted: " << content;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(sidecarPath(data).string()), std::string::npos)
                << e.what();
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    }
}

TEST(DatasetBinding, CorruptGeoPackageIsAnInputErrorNamingTheFile) {
    const std::string dir = makeTempDir();
    const std::string gpkg = dir + "/kapot.gpkg";
    std::ofstream(gpkg) << "this is not a database, just text pretending to be one";
    for (bool write : {false, true}) {
        try {
            if (write) {
                writeDatasetLicence(gpkg, ndffBinding(1000), bundledCatalog());
            } else {
                readDatasetLicence(gpkg, bundledCatalog(), "waarnemingen");
            }
            ADD_FAILURE() << "corrupt GeoPackage accepted";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(gpkg), std::string::npos) << e.what();
        }
    }
}

TEST(DatasetBinding, BindingAnUnknownTableIsRefused) {
    const std::string gpkg = makeGeoPackage(makeTempDir());
    try {
        writeDatasetLicence(gpkg, ndffBinding(1000), bundledCatalog(), "bestaat_niet");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("has no layer \"bestaat_niet\""), std::string::npos);
    }
}

TEST(DatasetBinding, WritingRefusesUnknownLicencesAndMissingFiles) {
    const std::string dir = makeTempDir();
    EXPECT_THROW(writeDatasetLicence(dir + "/missing.gpkg", ndffBinding(1000), bundledCatalog()),
                 InputError);
    std::ofstream(dir + "/a.csv") << "x,y\n";
    DatasetLicence unknown;
    unknown.binding = singleLicence("made-up", {}, "");
    EXPECT_THROW(writeDatasetLicence(dir + "/a.csv", unknown, bundledCatalog()), InputError);
    EXPECT_FALSE(std::filesystem::exists(dir + "/a.csv.licence.json"));
}

} // namespace
} // namespace geolicence::test
