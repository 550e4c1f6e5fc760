// inspect, check, attribution and bind on a project written for the test, through the built
// binary: outputs, report formats and exit codes of the CLI contract.
#include "test_project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

namespace geolicence::test {
namespace {

using nlohmann::json;

// A project in a fresh folder: NDFF observations (custom property), GRB buildings (sidecar),
// an OpenStreetMap background (source rule) and an unlicensed sketch layer.
class ProjectCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = makeTempDir();
        project_ = writeLicencedProject(dir_);
    }

    json checkJson(std::vector<std::string> args, int expected_exit) {
        args.insert(args.begin(), {"check", project_});
        args.insert(args.end(), {"--format", "json"});
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
        return json::parse(result.out);
    }

    std::string dir_;
    std::string project_;
};

TEST_F(ProjectCliTest, InspectJsonFollowsTheContract) {
    const CliResult result = runCli({"inspect", project_, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json out = json::parse(result.out);
    EXPECT_EQ(out["project"], project_);
    ASSERT_EQ(out["layers"].size(), 4U);
    const json& obs = out["layers"][0];
    for (const char* key : {"id", "name", "provider", "source", "crs", "licence"}) {
        EXPECT_TRUE(obs.contains(key)) << key;
    }
    EXPECT_EQ(obs["licence"]["id"], "ndff-uitvoerportaal");
    EXPECT_EQ(obs["licence"]["from"], "custom-property");
    EXPECT_EQ(obs["source"], dir_ + "/data/obs.geojson");
    EXPECT_EQ(out["layers"][1]["licence"]["from"], "sidecar");
    EXPECT_EQ(out["layers"][2]["licence"]["id"], "odbl-1.0");
    EXPECT_EQ(out["layers"][2]["licence"]["from"], "source-rule");
    EXPECT_TRUE(out["layers"][3]["licence"].is_null());
    ASSERT_EQ(out["layouts"].size(), 3U);
    EXPECT_EQ(out["layouts"][1]["name"], "Publicatie");
    EXPECT_EQ(out["layouts"][1]["maps"][0]["layers"], json::array({"grb", "osm"}));
    EXPECT_EQ(out["layouts"][1]["labels"][1], "© OpenStreetMap contributors");
}

TEST_F(ProjectCliTest, LayoutWithEveryAttributionMayBePublished) {
    const json decision = checkJson({"--action", "publish", "--layout", "Publicatie"}, 0);
    EXPECT_EQ(decision["decision"], "permitted");
}

TEST_F(ProjectCliTest, MissingAttributionOnTheLayoutIsAnError) {
    const json decision = checkJson({"--action", "publish", "--layout", "Zonder bron"}, 1);
    EXPECT_EQ(decision["decision"], "prohibited");
    ASSERT_TRUE(hasFinding(decision, "attribution-missing"));
    for (const json& finding : decision["findings"]) {
        if (finding["rule"] == "attribution-missing") {
            EXPECT_NE(finding["message"].get<std::string>().find(kGrbText), std::string::npos);
            EXPECT_EQ(finding["layer_name"], "Gebouwen");
        }
    }
}

TEST_F(ProjectCliTest, ExactNdffPointsOnALayoutAreProhibitedUnlessAggregated) {
    const json exact = checkJson({"--action", "publish", "--layout", "Intern"}, 1);
    EXPECT_TRUE(hasFinding(exact, "n4-no-exact-publish"));
    const std::string context = dir_ + "/context.json";
    std::ofstream(context) << R"({"cell_size_m": 1000, "purpose": "public-task"})";
    const json aggregated =
        checkJson({"--action", "publish", "--layout", "Intern", "--context", context}, 0);
    EXPECT_EQ(aggregated["decision"], "permitted");
}

TEST_F(ProjectCliTest, FlagsOverrideTheContextFile) {
    const std::string context = dir_ + "/context.json";
    std::ofstream(context) << R"({"recipient": "third-party"})";
    const json refused =
        checkJson({"--action", "share", "--layout", "Intern", "--context", context}, 1);
    EXPECT_TRUE(hasFinding(refused, "n2-no-share-others"));
    // The NDFF binding names no project end, so a contractor hand-over is conditional (N2): the
    // flag took effect, and what is missing is named.
    const json contractor = checkJson({"--action", "share", "--layout", "Intern", "--context",
                                       context, "--recipient", "contractor"},
                                      1);
    EXPECT_EQ(contractor["decision"], "conditional");
    EXPECT_FALSE(hasFinding(contractor, "n2-no-share-others"));
    ASSERT_TRUE(hasFinding(contractor, "conditional"));
    EXPECT_NE(contractor.dump().find("option.project_end"), std::string::npos);
}

TEST_F(ProjectCliTest, WithoutLayoutTheVisibleLayersAreCheckedAndUnlicensedOnesWarn) {
    const json decision = checkJson({"--action", "use-internal"}, 0);
    EXPECT_TRUE(hasFinding(decision, "unlicensed"));
    for (const json& finding : decision["findings"]) {
        EXPECT_NE(finding["layer_id"], "osm") << "hidden layers are not checked";
    }
    EXPECT_EQ(runCli({"check", project_, "--action", "use-internal", "--strict"}).exit_code, 1);
}

TEST_F(ProjectCliTest, UnknownLayoutIsAnInputError) {
    const CliResult result = runCli({"check", project_, "--action", "publish", "--layout", "Nope"});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("no layout named \"Nope\""), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("\"Publicatie\""), std::string::npos) << result.err;
}

TEST_F(ProjectCliTest, BadContextFilesAreInputErrorsNamingFileAndKey) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"cell_size_m": "1km"})", "\"cell_size_m\" must be a number"},
        {R"({"date": "31-12-2026"})", "\"date\" must be a date"},
        {R"({"purpose": "profit"})", "\"purpose\" is \"profit\""},
        {R"({"downloadable": "no"})", "\"downloadable\" must be true or false"},
        {R"({"colour": "red"})", "\"colour\" is not a context key"},
        {R"([1, 2])", "must be a JSON object"},
        {R"({"purpose": )", "not valid JSON"},
        // Found by fuzz_context_json: a number too large for a double once ended the process.
        {R"({"cell_size_m": 9999E99999})", "not valid JSON"},
    };
    for (const auto& [content, expected] : cases) {
        const std::string context = dir_ + "/bad.json";
        std::ofstream(context) << content;
        const CliResult result =
            runCli({"check", project_, "--action", "publish", "--context", context});
        EXPECT_EQ(result.exit_code, 3) << content;
        EXPECT_NE(result.err.find(context), std::string::npos) << result.err;
        EXPECT_NE(result.err.find(expected), std::string::npos) << result.err;
    }
}

TEST_F(ProjectCliTest, SarifHasAResultPerFindingWithTheProjectAsLocation) {
    const CliResult result = runCli(
        {"check", project_, "--action", "publish", "--layout", "Zonder bron", "--format", "sarif"});
    EXPECT_EQ(result.exit_code, 1);
    const json sarif = json::parse(result.out);
    EXPECT_EQ(sarif["version"], "2.1.0");
    const json& run = sarif["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "geolicence");
    const json decision = checkJson({"--action", "publish", "--layout", "Zonder bron"}, 1);
    ASSERT_EQ(run["results"].size(), decision["findings"].size());
    bool attribution = false;
    for (const json& item : run["results"]) {
        const std::string rule = item["ruleId"];
        const json& declared = run["tool"]["driver"]["rules"][item["ruleIndex"].get<std::size_t>()];
        EXPECT_EQ(declared["id"], rule);
        EXPECT_EQ(item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], project_);
        if (rule == "grb-art7-intern-gebruik/attribution-missing") {
            attribution = true;
            EXPECT_EQ(item["level"], "error");
        }
    }
    EXPECT_TRUE(attribution);
}

TEST_F(ProjectCliTest, JunitHasATestCasePerLayerFailingOnErrors) {
    const CliResult result = runCli(
        {"check", project_, "--action", "publish", "--layout", "Intern", "--format", "junit"});
    EXPECT_EQ(result.exit_code, 1);
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(result.out.c_str())) << result.out;
    const pugi::xml_node suite = xml.child("testsuites").child("testsuite");
    std::size_t cases = 0;
    std::size_t failing = 0;
    for (const pugi::xml_node& testcase : suite.children("testcase")) {
        ++cases;
        const bool failed = static_cast<bool>(testcase.child("failure"));
        failing += failed ? 1 : 0;
        const std::string name = testcase.attribute("name").as_string();
        EXPECT_EQ(failed, name.find("Waarnemingen") != std::string::npos) << name;
    }
    EXPECT_EQ(cases, 2U);
    EXPECT_EQ(failing, 1U);
    EXPECT_EQ(suite.attribute("failures").as_uint(), 1U);
}

TEST_F(ProjectCliTest, AttributionPrintsEachOwedTextOnce) {
    const CliResult result = runCli({"attribution", project_, "--layout", "Publicatie"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, std::string(kGrbText) + "\n© OpenStreetMap contributors\n");
}

TEST_F(ProjectCliTest, BindWritesASidecarThatInspectReads) {
    const CliResult bound = runCli({"bind", dir_ + "/data/obs.geojson", "--licence", "cc-by-4.0",
                                    "--option", "attribution=Bron: provincie"});
    ASSERT_EQ(bound.exit_code, 0) << bound.err;
    ASSERT_TRUE(std::filesystem::exists(dir_ + "/data/obs.geojson.licence.json"));
    const json sidecar = json::parse(std::ifstream(dir_ + "/data/obs.geojson.licence.json"));
    EXPECT_EQ(sidecar["licence"], "cc-by-4.0");
    EXPECT_EQ(sidecar["options"]["attribution"], "Bron: provincie");
    // The custom property still wins over the sidecar.
    const json out = json::parse(runCli({"inspect", project_, "--format", "json"}).out);
    EXPECT_EQ(out["layers"][0]["licence"]["from"], "custom-property");
}

TEST_F(ProjectCliTest, BindRefusesWhatItCannotDo) {
    EXPECT_EQ(runCli({"bind", dir_ + "/data/grb.geojson", "--licence", "made-up"}).exit_code, 2);
    EXPECT_EQ(runCli({"bind", dir_ + "/data/grb.geojson", "--licence", "ndff-uitvoerportaal",
                      "--option", "role=boss"})
                  .exit_code,
              2);
    const CliResult missing = runCli({"bind", dir_ + "/nope.gpkg", "--licence", "cc0-1.0"});
    EXPECT_EQ(missing.exit_code, 3);
    EXPECT_NE(missing.err.find("nope.gpkg: no such file"), std::string::npos) << missing.err;
}

TEST_F(ProjectCliTest, DatasetsAreCheckedWithTheirOwnBinding) {
    const CliResult result =
        runCli({"check", dir_ + "/data/grb.geojson", "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    const json decision = json::parse(result.out);
    bool attribution = false;
    for (const json& duty : decision["duties"]) {
        attribution |= duty["type"] == "attribute" && duty["text"] == kGrbText;
    }
    EXPECT_TRUE(attribution);
    const CliResult corrupt = runCli({"check", project_ + ".missing.gpkg", "--action", "publish"});
    EXPECT_EQ(corrupt.exit_code, 3);
}

} // namespace
} // namespace geolicence::test
