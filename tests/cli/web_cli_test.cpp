// check --target web through the built binary: the option's contract, reports and exit codes,
// on the sample deployment (tests/data/sample_deployment: GRB through WMS only with own data,
// exact NDFF points with Lizmap popups).
#include "test_files.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <pugixml.hpp>

namespace geolicence::test {
namespace {

using nlohmann::json;

class WebCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = makeTempDir();
        std::filesystem::copy(dataPath("sample_deployment"), dir_,
                              std::filesystem::copy_options::recursive);
        gebouwen_ = dir_ + "/kaarten/gebouwen.qgs";
        natuur_ = dir_ + "/kaarten/natuur.qgs";
    }

    static int lines(const std::string& text) {
        return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }

    std::string dir_;
    std::string gebouwen_;
    std::string natuur_;
};

TEST_F(WebCliTest, GrbThroughWmsOnlyPassesWithThePurposeGiven) {
    const CliResult result = runCli(
        {"check", gebouwen_, "--target", "web", "--purpose", "public-task", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    const json out = json::parse(result.out);
    EXPECT_EQ(out["action"], "publish");
    EXPECT_EQ(out["decision"], "permitted");
    EXPECT_EQ(out["target"], "web");
    ASSERT_EQ(out["served"].size(), 2U);
    const json& plannen = out["served"][0];
    EXPECT_EQ(plannen["layer_name"], "Eigen plannen");
    EXPECT_EQ(plannen["channels"],
              json::array({"wms-getmap", "wms-getfeatureinfo", "wfs-getfeature"}));
    EXPECT_EQ(plannen["downloadable"], true);
    EXPECT_EQ(plannen["download_channels"], json::array({"wfs-getfeature"}));
    const json& grb = out["served"][1];
    EXPECT_EQ(grb["downloadable"], false);
    EXPECT_EQ(grb["context"]["downloadable"], false);
    EXPECT_EQ(grb["context"]["combined_with_own_data"], true);
    EXPECT_EQ(grb["context"]["cell_size_m"], 0.0);
    EXPECT_EQ(grb["context"]["purpose"], "public-task");
    EXPECT_EQ(grb["context"]["recipient"], "public");
    // The GRB attribution is owed and was found in the layer's WMS attribution.
    ASSERT_FALSE(out["duties"].empty());
}

TEST_F(WebCliTest, WithoutThePurposeItIsConditional) {
    const CliResult result = runCli({"check", gebouwen_, "--target", "web", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.out;
    EXPECT_EQ(json::parse(result.out)["decision"], "conditional");
}

TEST_F(WebCliTest, ExactNdffPointsWithLizmapPopupsAreProhibitedWithTheFix) {
    const CliResult result = runCli(
        {"check", natuur_, "--target", "web", "--context", dir_ + "/geolicence-context.json"});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("publish: PROHIBITED"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("n4-no-exact-publish"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("WMS GetMap, WMS GetFeatureInfo and Lizmap popups"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("aggregate the data to 1000 m cells first"), std::string::npos);
    EXPECT_NE(result.out.find("Served by the web services:\n  Waarnemingen: wms-getmap "
                              "wms-getfeatureinfo lizmap-popup\n"),
              std::string::npos)
        << result.out;
}

TEST_F(WebCliTest, WithoutTargetWebCheckBehavesAsBefore) {
    // The same project as a layout check: GRB published with the default context has no
    // combined_with_own_data, and there is no "served" list.
    const CliResult result = runCli({"check", gebouwen_, "--action", "publish", "--purpose",
                                     "public-task", "--format", "json"});
    const json out = json::parse(result.out);
    EXPECT_FALSE(out.contains("served"));
    EXPECT_FALSE(out.contains("target"));
    EXPECT_EQ(result.exit_code, 1);
    const CliResult layout = runCli({"check", gebouwen_, "--target", "layout", "--action",
                                     "publish", "--purpose", "public-task", "--format", "json"});
    EXPECT_EQ(layout.out, result.out);
}

TEST_F(WebCliTest, UsageErrorsAreOneLineAndExitTwo) {
    const std::vector<std::vector<std::string>> cases = {
        {"check", gebouwen_, "--target", "web", "--action", "share"},
        {"check", gebouwen_, "--target", "web", "--layout", "Kaart"},
        {"check", gebouwen_, "--target", "internet"},
        {"check", dir_ + "/geolicence-context.json", "--target", "web"},
    };
    for (const auto& args : cases) {
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exit_code, 2) << args[3] << ": " << result.err;
        EXPECT_EQ(lines(result.err), 1) << result.err;
        EXPECT_TRUE(result.out.empty()) << result.out;
    }
    // --action publish is what --target web means anyway.
    const CliResult publish = runCli(
        {"check", gebouwen_, "--target", "web", "--action", "publish", "--purpose", "public-task"});
    EXPECT_EQ(publish.exit_code, 0) << publish.err;
}

TEST_F(WebCliTest, ABrokenLizmapConfigurationIsAnInputError) {
    writeFile(dir_ + "/kaarten", "natuur.qgs.cfg", "{\"layers\": {");
    const CliResult result = runCli({"check", natuur_, "--target", "web", "--format", "json"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(lines(result.err), 1) << result.err;
    EXPECT_NE(result.err.find(natuur_ + ".cfg: not a valid Lizmap configuration"),
              std::string::npos)
        << result.err;
    EXPECT_TRUE(result.out.empty());
    // inspect shows it instead of failing: it reports what it finds.
    const CliResult inspect = runCli({"inspect", natuur_, "--format", "json"});
    ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
    EXPECT_NE(json::parse(inspect.out)["services"]["lizmap"]["error"].get<std::string>().find(
                  "not a valid Lizmap configuration"),
              std::string::npos);
}

TEST_F(WebCliTest, InspectShowsWhatTheProjectServes) {
    const CliResult result = runCli({"inspect", natuur_, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json services = json::parse(result.out)["services"];
    EXPECT_EQ(services["service"]["title"], "Natuur");
    ASSERT_EQ(services["layers"].size(), 1U);
    EXPECT_EQ(services["layers"][0]["identifiable"], true);
    EXPECT_EQ(services["layers"][0]["channels"],
              json::array({"wms-getmap", "wms-getfeatureinfo", "lizmap-popup"}));
    EXPECT_EQ(services["lizmap"]["layers"][0]["popup"], true);
    const CliResult text = runCli({"inspect", gebouwen_});
    EXPECT_NE(text.out.find("QGIS Server:\n  Eigen plannen: wms-getmap wms-getfeatureinfo "
                            "wfs-getfeature  [downloadable]\n"),
              std::string::npos)
        << text.out;
}

TEST_F(WebCliTest, AFolderChecksEveryProjectsServicesAndNoDatasetOnItsOwn) {
    // A dataset in the deployment is served through its projects, not judged on its own (and
    // needs no GDAL here).
    writeFile(dir_, "los.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}");
    const CliResult result = runCli({"check", dir_, "--recursive", "--target", "web", "--purpose",
                                     "public-task", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    const json out = json::parse(result.out);
    EXPECT_EQ(out["target"], "web");
    EXPECT_EQ(out["decision"], "prohibited");
    ASSERT_EQ(out["files"].size(), 2U);
    EXPECT_EQ(out["files"][0]["file"], dir_ + "/kaarten/gebouwen.qgs");
    EXPECT_EQ(out["files"][0]["decision"], "permitted");
    EXPECT_EQ(out["files"][1]["decision"], "prohibited");
    EXPECT_EQ(out["files"][1]["served"][0]["layer_name"], "Waarnemingen");
    const CliResult text =
        runCli({"check", dir_, "--recursive", "--target", "web", "--purpose", "public-task"});
    EXPECT_NE(text.out.find("2 files checked: 1 permitted, 1 prohibited, 0 unreadable"),
              std::string::npos)
        << text.out;
}

TEST_F(WebCliTest, SarifAndJunitCarryTheWebFindings) {
    const CliResult sarif = runCli(
        {"check", natuur_, "--target", "web", "--purpose", "public-task", "--format", "sarif"});
    EXPECT_EQ(sarif.exit_code, 1);
    const json out = json::parse(sarif.out);
    bool found = false;
    for (const json& result : out["runs"][0]["results"]) {
        found = found || result["ruleId"] == "ndff-uitvoerportaal/web-exact-positions";
    }
    EXPECT_TRUE(found) << sarif.out;
    const CliResult junit = runCli(
        {"check", natuur_, "--target", "web", "--purpose", "public-task", "--format", "junit"});
    EXPECT_EQ(junit.exit_code, 1);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(junit.out.c_str()));
    const pugi::xml_node testcase = document.select_node("//testcase").node();
    EXPECT_EQ(std::string(testcase.attribute("name").as_string()),
              "publish: Waarnemingen (ndff-uitvoerportaal)");
    EXPECT_TRUE(testcase.child("failure"));
}

} // namespace
} // namespace geolicence::test
