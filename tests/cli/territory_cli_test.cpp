// `check --territory FILE`: a layer bound to a territory-limited licence (NDFF N1) that reaches
// outside the polygons of FILE gets the warning the QGIS plugin's territory setting gives, for
// datasets and for project layers alike.
#include "test_files.h"
#include "test_layers.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace geolicence::test {
namespace {

using nlohmann::json;

bool territoryWarning(const json& decision) {
    for (const json& finding : decision["findings"]) {
        if (finding["rule"] == "n1-territory" && finding["severity"] == "warning") {
            return true;
        }
    }
    return false;
}

class TerritoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        // A 10 x 10 km square in RD around (150 000, 460 000), as in the plugin's test.
        writeTestLayer(dir_ + "/gebied.gpkg", "GPKG", 28992, {},
                       {{std::nullopt,
                         "POLYGON((145000 455000,155000 455000,155000 465000,145000 465000,"
                         "145000 455000))",
                         {}}},
                       "gebied");
        for (const auto& [name, x] : {std::pair{"binnen", 150000.0}, {"buiten", 170000.0}}) {
            const std::string path = dir_ + "/" + name + ".gpkg";
            writeTestLayer(path, "GPKG", 28992, {}, {{{{x, 460000}}, "", {}}}, name);
            EXPECT_EQ(runCli({"bind", path, "--licence", "ndff-uitvoerportaal"}).exit_code, 0);
        }
    }

    json check(const std::string& input, const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args = {"check",    input,  "--action",    "use-internal",
                                         "--format", "json", "--territory", dir_ + "/gebied.gpkg"};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
        return json::parse(result.out);
    }

    std::string dir_ = makeTempDir();
};

TEST_F(TerritoryTest, ADatasetReachingOutsideTheTerritoryWarns) {
    EXPECT_FALSE(territoryWarning(check(dir_ + "/binnen.gpkg")));
    EXPECT_TRUE(territoryWarning(check(dir_ + "/buiten.gpkg")));
}

TEST_F(TerritoryTest, AProjectLayerReachingOutsideTheTerritoryWarns) {
    const auto project = [&](const std::string& name) {
        return writeFile(dir_, name + ".qgs",
                         "<qgis version=\"3.22.16\"><layer-tree-group><layer-tree-layer id=\"" +
                             name +
                             "_1\" checked=\"Qt::Checked\"/></layer-tree-group>"
                             "<projectlayers><maplayer type=\"vector\"><id>" +
                             name + "_1</id><datasource>./" + name + ".gpkg|layername=" + name +
                             "</datasource><layername>" + name +
                             "</layername><provider>ogr</provider><srs><spatialrefsys><authid>"
                             "EPSG:28992</authid></spatialrefsys></srs></maplayer>"
                             "</projectlayers></qgis>\n");
    };
    EXPECT_FALSE(territoryWarning(check(project("binnen"))));
    EXPECT_TRUE(territoryWarning(check(project("buiten"))));
}

TEST_F(TerritoryTest, AnUnreadableTerritoryFileIsAnInputErrorNamingIt) {
    const std::string bad = writeFile(dir_, "kapot.geojson", "{ geen json");
    const CliResult result =
        runCli({"check", dir_ + "/binnen.gpkg", "--action", "use-internal", "--territory", bad});
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("kapot.geojson"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
}

} // namespace
} // namespace geolicence::test
