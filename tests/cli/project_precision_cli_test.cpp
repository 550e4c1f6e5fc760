// `check PROJECT` (and `attribution`) never believe a layer's claimed cell size: the data behind
// a layer whose binding claims `cell_size_m` is measured, as the QGIS plugin measures it and as
// `check DATASET` does, so exact NDFF points relabelled as aggregated are prohibited in CI too.
#include "test_layers.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace geolicence::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kClaim =
    R"(<Option name="geolicence/licence" value="ndff-uitvoerportaal" type="QString"/>)"
    R"(<Option name="geolicence/options" value="{&quot;cell_size_m&quot;: 1000}" type="QString"/>)";

std::string layerXml(const std::string& id, const std::string& provider, const std::string& source,
                     const std::string& properties) {
    return "<maplayer type=\"vector\"><id>" + id + "</id><datasource>" + source +
           "</datasource><layername>" + id + "</layername><provider>" + provider +
           "</provider><srs><spatialrefsys><authid>EPSG:28992</authid></spatialrefsys></srs>"
           "<customproperties><Option type=\"Map\">" +
           properties + "</Option></customproperties></maplayer>\n";
}

// A project showing one layer; returns its path.
std::string writeProject(const std::string& path, const std::string& layer) {
    std::ofstream(path) << "<qgis version=\"3.22.16\"><layer-tree-group>"
                           "<layer-tree-layer id=\"obs\" checked=\"Qt::Checked\"/>"
                           "</layer-tree-group><projectlayers>"
                        << layer << "</projectlayers></qgis>\n";
    return path;
}

// Exact observations (centimetres) in RD.
void writeExactPoints(const std::string& path) {
    writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}},
                   {{{{155123.45, 463456.78}}, "", {"Das"}},
                    {{{155999.12, 463001.50}}, "", {"Huismus"}},
                    {{{156500.30, 464200.90}}, "", {"Das"}}},
                   "waarnemingen");
}

// The same as 1 km RD cells.
void writeKilometreCells(const std::string& path) {
    writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}},
                   {{std::nullopt,
                     "POLYGON((155000 463000,156000 463000,156000 464000,155000 464000,155000 "
                     "463000))",
                     {"Das"}},
                    {std::nullopt,
                     "POLYGON((156000 464000,157000 464000,157000 465000,156000 465000,156000 "
                     "464000))",
                     {"Das"}}},
                   "hokken");
}

bool hasRule(const json& decision, const std::string& rule) {
    for (const json& finding : decision["findings"]) {
        if (finding["rule"] == rule) {
            return true;
        }
    }
    return false;
}

class ProjectPrecisionTest : public ::testing::Test {
protected:
    std::string dir_ = makeTempDir();

    json check(const std::string& project, int expected_exit, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"check",   project,    "--action",
                                         "publish", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
        return json::parse(result.out);
    }
};

TEST_F(ProjectPrecisionTest, ExactPointsClaimingOneKilometreAreProhibited) {
    writeExactPoints(dir_ + "/obs.gpkg");
    const std::string project =
        writeProject(dir_ + "/kaart.qgs",
                     layerXml("obs", "ogr", dir_ + "/obs.gpkg|layername=waarnemingen", kClaim));
    const json decision = check(project, 1);
    EXPECT_EQ(decision["decision"], "prohibited");
    EXPECT_TRUE(hasRule(decision, "n4-no-exact-publish")) << decision.dump(2);
    EXPECT_TRUE(hasRule(decision, "precision-claim-contradicted")) << decision.dump(2);
}

TEST_F(ProjectPrecisionTest, CellsThatBearOutTheClaimArePermitted) {
    writeKilometreCells(dir_ + "/hokken.gpkg");
    const std::string project =
        writeProject(dir_ + "/kaart.qgs", layerXml("obs", "ogr", "./hokken.gpkg", kClaim));
    const json decision = check(project, 0);
    EXPECT_EQ(decision["decision"], "permitted") << decision.dump(2);
    EXPECT_TRUE(hasRule(decision, "precision-measured")) << decision.dump(2);
    EXPECT_FALSE(hasRule(decision, "precision-claim-contradicted"));
}

TEST_F(ProjectPrecisionTest, DelimitedTextPointsAreMeasuredThroughTheirXYFields) {
    std::ofstream(dir_ + "/obs.txt") << "soort;rd x;rd y\nDas;155123.45;463456.78\n"
                                        "Huismus;155999.12;463001.50\nDas;156500.30;464200.90\n";
    const std::string source = "file://" + dir_ +
                               "/obs.txt?type=csv&amp;delimiter=;&amp;xField=rd%20x&amp;yField=rd%"
                               "20y&amp;crs=EPSG:28992";
    const std::string project =
        writeProject(dir_ + "/kaart.qgs", layerXml("obs", "delimitedtext", source, kClaim));
    const json decision = check(project, 1);
    EXPECT_TRUE(hasRule(decision, "precision-claim-contradicted")) << decision.dump(2);
}

TEST_F(ProjectPrecisionTest, TheSubsetQgisShowsIsWhatIsMeasured) {
    // Cells and one exact point in one table; the layer's subset shows only the cells.
    writeTestLayer(dir_ + "/mixed.gpkg", "GPKG", 28992, {{"kind", OFTString}},
                   {{std::nullopt,
                     "POLYGON((155000 463000,156000 463000,156000 464000,155000 464000,155000 "
                     "463000))",
                     {"cel"}},
                    {{{155123.45, 463456.78}}, "", {"punt"}}},
                   "mixed");
    const std::string subset = "./mixed.gpkg|layername=mixed|subset=\"kind\" = 'cel'";
    writeProject(dir_ + "/cells.qgs", layerXml("obs", "ogr", subset, kClaim));
    writeProject(dir_ + "/all.qgs", layerXml("obs", "ogr", "./mixed.gpkg|layername=mixed", kClaim));
    EXPECT_EQ(check(dir_ + "/cells.qgs", 0)["decision"], "permitted");
    EXPECT_EQ(check(dir_ + "/all.qgs", 1)["decision"], "prohibited");
}

TEST_F(ProjectPrecisionTest, AClaimWhoseDataCannotBeReadIsReportedUnverified) {
    const std::string project = writeProject(
        dir_ + "/kaart.qgs", layerXml("obs", "ogr", "./weg.gpkg|layername=waarnemingen", kClaim));
    const json decision = check(project, 1, {"--strict"});
    EXPECT_TRUE(hasRule(decision, "precision-not-measured")) << decision.dump(2);
}

TEST_F(ProjectPrecisionTest, AFolderOfProjectsMeasuresTheirClaimsToo) {
    fs::create_directories(dir_ + "/repo/maps");
    writeExactPoints(dir_ + "/obs.gpkg");
    writeProject(dir_ + "/repo/maps/kaart.qgs",
                 layerXml("obs", "ogr", dir_ + "/obs.gpkg|layername=waarnemingen", kClaim));
    const CliResult result =
        runCli({"check", dir_ + "/repo", "-r", "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("precision-claim-contradicted"), std::string::npos) << result.out;
}

TEST_F(ProjectPrecisionTest, OnlyProjectsWithAClaimAreHandedToTheGisWing) {
    // A copy of geolicence without geolicence-gis beside it shows which way a project went:
    // a project without claims is checked by geolicence alone, one with a claim needs GDAL.
    fs::create_directories(dir_ + "/bin");
    fs::copy_file(GEOLICENCE_CLI_PATH, dir_ + "/bin/geolicence");
    writeExactPoints(dir_ + "/obs.gpkg");
    writeProject(dir_ + "/claim.qgs",
                 layerXml("obs", "ogr", dir_ + "/obs.gpkg|layername=waarnemingen", kClaim));
    writeProject(dir_ + "/plain.qgs",
                 layerXml("obs", "ogr", dir_ + "/obs.gpkg|layername=waarnemingen",
                          R"(<Option name="geolicence/licence" value="ndff-uitvoerportaal" )"
                          R"(type="QString"/>)"));
    const auto [plain_status, plain_out] =
        runShell(dir_ + "/bin/geolicence check " + dir_ + "/plain.qgs --action publish 2>&1");
    EXPECT_EQ(plain_status, 1) << plain_out; // exact NDFF points: prohibited, without GDAL
    EXPECT_EQ(plain_out.find("geolicence-gis"), std::string::npos) << plain_out;
    const auto [claim_status, claim_out] =
        runShell(dir_ + "/bin/geolicence check " + dir_ + "/claim.qgs --action publish 2>&1");
    EXPECT_NE(claim_status, 0);
    EXPECT_NE(claim_out.find("geolicence-gis"), std::string::npos) << claim_out;
    const auto [attribution_status, attribution_out] =
        runShell(dir_ + "/bin/geolicence attribution " + dir_ + "/claim.qgs 2>&1");
    EXPECT_NE(attribution_out.find("geolicence-gis"), std::string::npos) << attribution_out;
}

} // namespace
} // namespace geolicence::test
