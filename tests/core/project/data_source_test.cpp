// Data sources as users see them in messages: connection strings keep what names the database
// and lose their passwords.
#include <geolicence/data_source.h>

#include <gtest/gtest.h>

namespace geolicence {
namespace {

TEST(ShownSource, PasswordsInConnectionStringsAreMasked) {
    EXPECT_EQ(shownSource("PG:host=db port=5432 user=gis password=geheim dbname=ndff"),
              "PG:host=db port=5432 user=gis password=*** dbname=ndff");
    EXPECT_EQ(shownSource("PG:dbname=ndff password = 'met spatie' user=gis"),
              "PG:dbname=ndff password = *** user=gis");
    EXPECT_EQ(shownSource("PG:\"dbname=ndff PASSWORD=Geheim\""), "PG:\"dbname=ndff PASSWORD=***\"");
    EXPECT_EQ(shownSource("postgresql://gis:geheim@db.example.nl:5432/ndff"),
              "postgresql://gis:***@db.example.nl:5432/ndff");
    EXPECT_EQ(shownSource("MSSQL:server=.;database=gis;pwd=x;password=y;"),
              "MSSQL:server=.;database=gis;pwd=x;password=***;");
}

TEST(ShownSource, EverythingElseIsLeftAlone) {
    EXPECT_EQ(shownSource("/data/waarnemingen.gpkg"), "/data/waarnemingen.gpkg");
    EXPECT_EQ(shownSource("PG:host=db dbname=ndff"), "PG:host=db dbname=ndff");
    EXPECT_EQ(shownSource("https://example.nl/wfs?typename=a"),
              "https://example.nl/wfs?typename=a");
    EXPECT_EQ(shownSource("/data/password_list.csv"), "/data/password_list.csv");
}

TEST(DataSource, GeoPackageRasterTablesResolveAgainstTheProject) {
    EXPECT_EQ(resolveDataSource("gdal", "GPKG:./tegels.gpkg:osm", "/p"), "GPKG:/p/tegels.gpkg:osm");
    EXPECT_EQ(resolveDataSource("gdal", "GPKG:/abs/tegels.gpkg:osm", "/p"),
              "GPKG:/abs/tegels.gpkg:osm");
    const auto file = dataSourceFile("gdal", "GPKG:/p/tegels.gpkg:osm");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->path, "/p/tegels.gpkg");
    EXPECT_EQ(file->layer_name, "osm") << "its gpkg_metadata is looked up for that table";
}

} // namespace
} // namespace geolicence
