// `check PROJECT` judges what a project shows: a virtual layer over NDFF observations and a layer
// joined with them are NDFF data, even when the NDFF layer itself is switched off, as the QGIS
// plugin judges them (the same bindProjectLayer). Before, both were "unlicensed" (a warning)
// and a map showing exact NDFF points through them was permitted. A layout's attribute table
// prints a layer's features: that layer is in the layout, whatever its maps show.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace geolicence::test {
namespace {

using nlohmann::json;

std::string layerXml(const std::string& id, const std::string& provider, const std::string& source,
                     const std::string& licence, const std::string& joined = "") {
    const std::string properties =
        licence.empty()
            ? ""
            : R"(<Option name="geolicence/licence" value=")" + licence + R"(" type="QString"/>)";
    const std::string joins =
        joined.empty()
            ? "<vectorjoins/>"
            : R"(<vectorjoins><join memoryCache="0" targetFieldName="code" joinLayerId=")" +
                  joined + R"(" joinFieldName="code"/></vectorjoins>)";
    return "<maplayer type=\"vector\"><id>" + id + "</id><datasource>" + source +
           "</datasource><layername>" + id + "</layername><provider encoding=\"\">" + provider +
           "</provider><srs><spatialrefsys><authid>EPSG:28992</authid></spatialrefsys></srs>"
           "<customproperties><Option type=\"Map\">" +
           properties + "</Option></customproperties>" + joins + "</maplayer>\n";
}

// A project whose tree shows `shown` and has `hidden` switched off.
std::string writeProject(const std::string& path, const std::string& shown,
                         const std::string& hidden, const std::string& layers) {
    std::ofstream(path) << "<qgis version=\"3.22.16\"><layer-tree-group>"
                           "<layer-tree-layer id=\""
                        << shown << "\" checked=\"Qt::Checked\"/><layer-tree-layer id=\"" << hidden
                        << "\" checked=\"Qt::Unchecked\"/></layer-tree-group><projectlayers>"
                        << layers << "</projectlayers></qgis>\n";
    return path;
}

bool hasFinding(const json& report, const std::string& layer, const std::string& rule) {
    for (const json& finding : report["findings"]) {
        if (finding["layer_id"] == layer && finding["rule"] == rule) {
            return true;
        }
    }
    return false;
}

class ShownDataTest : public ::testing::Test {
protected:
    std::string dir_ = makeTempDir();

    void SetUp() override {
        std::ofstream(dir_ + "/obs.geojson")
            << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
               R"({"code":1},"geometry":{"type":"Point","coordinates":[155123.45,463456.78]}}]})";
        std::ofstream(dir_ + "/obs.geojson.licence.json") << R"({"licence":"ndff-uitvoerportaal"})";
    }

    json check(const std::string& project, int expected_exit) {
        const CliResult result =
            runCli({"check", project, "--action", "publish", "--format", "json"});
        EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
        return json::parse(result.out);
    }
};

TEST_F(ShownDataTest, AVirtualLayerOverHiddenNdffPointsIsNdffData) {
    const std::string project =
        writeProject(dir_ + "/kaart.qgs", "virtueel", "ndff",
                     layerXml("ndff", "ogr", "./obs.geojson", "") +
                         layerXml("virtueel", "virtual",
                                  "?layer_ref=ndff:p&amp;query=SELECT%20*%20FROM%20p", ""));
    const json report = check(project, 1);
    EXPECT_EQ(report["decision"], "prohibited");
    EXPECT_TRUE(hasFinding(report, "virtueel", "n4-no-exact-publish")) << report.dump(2);
    EXPECT_FALSE(hasFinding(report, "virtueel", "unlicensed")) << report.dump(2);
}

TEST_F(ShownDataTest, AVirtualLayerReadingTheFileItselfIsNdffData) {
    // QGIS writes a source the virtual layer reads directly relative to the project.
    const std::string project = writeProject(
        dir_ + "/kaart.qgs", "virtueel", "geen",
        layerXml("virtueel", "virtual",
                 "?layer=ogr:.%2Fobs.geojson:q:UTF-8&amp;query=SELECT%20*%20FROM%20q", ""));
    const json report = check(project, 1);
    EXPECT_TRUE(hasFinding(report, "virtueel", "n4-no-exact-publish")) << report.dump(2);
}

TEST_F(ShownDataTest, ALayerJoinedWithNdffPointsCarriesTheNdffLicence) {
    std::ofstream(dir_ + "/gemeenten.geojson") << R"({"type":"FeatureCollection","features":[]})";
    const std::string project =
        writeProject(dir_ + "/kaart.qgs", "gemeenten", "ndff",
                     layerXml("ndff", "ogr", "./obs.geojson", "") +
                         layerXml("gemeenten", "ogr", "./gemeenten.geojson", "cc0-1.0", "ndff"));
    const json report = check(project, 1);
    EXPECT_TRUE(hasFinding(report, "gemeenten", "n4-no-exact-publish")) << report.dump(2);

    // The same map without the join is the municipalities' own licence alone.
    const std::string plain =
        writeProject(dir_ + "/zonder.qgs", "gemeenten", "ndff",
                     layerXml("ndff", "ogr", "./obs.geojson", "") +
                         layerXml("gemeenten", "ogr", "./gemeenten.geojson", "cc0-1.0"));
    EXPECT_EQ(check(plain, 0)["decision"], "permitted");
}

TEST_F(ShownDataTest, AVirtualLayerOverAMissingLayerNamesTheUnknownSource) {
    const std::string project = writeProject(
        dir_ + "/kaart.qgs", "virtueel", "geen",
        layerXml("virtueel", "virtual", "?layer_ref=weg:p&amp;query=SELECT%20*%20FROM%20p", ""));
    const CliResult result = runCli({"check", project, "--action", "publish", "--format", "json"});
    const json report = json::parse(result.out);
    EXPECT_TRUE(hasFinding(report, "virtueel", "unlicensed")) << report.dump(2);
    EXPECT_NE(result.out.find("\"weg\""), std::string::npos) << result.out;
}

// A layout whose map shows open data and whose attribute table prints `table` (the element as
// QGIS 3.22 writes it, trimmed to what matters).
std::string writeTableLayout(const std::string& path, const std::string& table,
                             const std::string& relations = "") {
    std::ofstream(path)
        << "<qgis version=\"3.22.16\"><layer-tree-group>"
           "<layer-tree-layer id=\"open\" checked=\"Qt::Checked\"/>"
           "<layer-tree-layer id=\"ndff\" checked=\"Qt::Unchecked\"/></layer-tree-group>"
           "<projectlayers>"
        << layerXml("open", "ogr", "./open.geojson", "cc0-1.0")
        << layerXml("ndff", "ogr", "./obs.geojson", "") << "</projectlayers>" << relations
        << "<Layouts><Layout name=\"Tabel\"><LayoutItem type=\"65639\" id=\"kaart\" "
           "uuid=\"{kaart}\" keepLayerSet=\"true\" followPreset=\"false\"><LayerSet>"
           "<Layer>open</Layer></LayerSet></LayoutItem>"
        << table << "</Layout></Layouts></qgis>\n";
    return path;
}

TEST_F(ShownDataTest, AnAttributeTableOfNdffObservationsPutsThemInTheLayout) {
    std::ofstream(dir_ + "/open.geojson") << R"({"type":"FeatureCollection","features":[]})";
    const std::string with_table = writeTableLayout(
        dir_ + "/tabel.qgs",
        R"(<LayoutMultiFrame type="65649" source="0" relationId="" vectorLayer="ndff" )"
        R"(vectorLayerName="ndff" vectorLayerProvider="ogr"/>)");
    const CliResult result = runCli(
        {"check", with_table, "--layout", "Tabel", "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_TRUE(hasFinding(json::parse(result.out), "ndff", "n4-no-exact-publish")) << result.out;

    // The same layout without the table shows open data only.
    const std::string without = writeTableLayout(dir_ + "/zonder.qgs", "");
    EXPECT_EQ(runCli({"check", without, "--layout", "Tabel", "--action", "publish"}).exit_code, 0);
}

TEST_F(ShownDataTest, ATableOfARelationsChildrenPrintsTheChildLayer) {
    std::ofstream(dir_ + "/open.geojson") << R"({"type":"FeatureCollection","features":[]})";
    const std::string project = writeTableLayout(
        dir_ + "/relatie.qgs",
        R"(<LayoutMultiFrame type="65649" source="2" relationId="waarnemingen_per_gebied" )"
        R"(vectorLayer=""/>)",
        R"(<relations><relation id="waarnemingen_per_gebied" name="per gebied" )"
        R"(referencingLayer="ndff" referencedLayer="open" strength="Association"/></relations>)");
    const CliResult result =
        runCli({"check", project, "--layout", "Tabel", "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_TRUE(hasFinding(json::parse(result.out), "ndff", "n4-no-exact-publish")) << result.out;
}

} // namespace
} // namespace geolicence::test
