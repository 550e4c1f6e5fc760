// Derived data on the command line (issue 15): `bind OUTPUT --derived-from INPUT...` binds the
// output to the union of its inputs' licences with their provenance, `check` decides under each
// of them (the measured precision still counts), `inspect` shows the chain, and `aggregate`
// records its input.
#include "test_files.h"
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

const std::string kGrbText =
    "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";

// Exact observations (centimetres, RD).
std::vector<TestFeature> exactPoints() {
    return {{{{155123.45, 463456.78}}, "", {}}, {{{155999.12, 463001.50}}, "", {}}};
}

// The 1 km RD cells an aggregation publishes.
std::vector<TestFeature> cells() {
    return {{std::nullopt,
             "POLYGON((155000 463000,156000 463000,156000 464000,155000 464000,"
             "155000 463000))",
             {}},
            {std::nullopt,
             "POLYGON((156000 464000,157000 464000,157000 465000,156000 465000,"
             "156000 464000))",
             {}}};
}

class DerivedDataTest : public ::testing::Test {
protected:
    void SetUp() override {
        ndff_ = dir_ + "/a.gpkg";
        writeTestLayer(ndff_, "GPKG", 28992, {}, exactPoints(), "a");
        bind({"bind", ndff_, "--licence", "ndff-uitvoerportaal", "--option", "role=subscriber"});
        grb_ = dir_ + "/b.geojson";
        writeTestLayer(grb_, "GeoJSON", 4326, {}, {}, "b");
        bind({"bind", grb_, "--licence", "grb-art10-commercieel", "--option",
              "publication_right=true", "--option", "valid_until=2099-12-31"});
    }

    static void bind(const std::vector<std::string>& args) {
        const CliResult result = runCli(args);
        ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    }

    std::string output(const std::string& name, const std::vector<TestFeature>& features) {
        const std::string path = dir_ + "/" + name;
        writeTestLayer(path, "GPKG", 28992, {}, features, fs::path(name).stem().string());
        return path;
    }

    static json checkJson(const std::string& path, int expected_exit,
                          std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"check", path, "--action", "publish", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
        return json::parse(result.out);
    }

    static const json* finding(const json& decision, const std::string& rule) {
        for (const json& item : decision["findings"]) {
            if (item["rule"] == rule) {
                return &item;
            }
        }
        return nullptr;
    }

    static bool owes(const json& decision, const std::string& text, const std::string& licence) {
        for (const json& duty : decision["duties"]) {
            if (duty["type"] == "attribute" && duty.value("text", "") == text &&
                duty["licence"] == licence) {
                return true;
            }
        }
        return false;
    }

    std::string dir_ = makeTempDir();
    std::string ndff_;
    std::string grb_;
};

TEST_F(DerivedDataTest, ADerivedDatasetIsJudgedUnderTheLicencesOfAllItsInputs) {
    const std::string out = output("out.gpkg", exactPoints());
    const CliResult bound = runCli({"bind", out, "--derived-from", ndff_, grb_});
    ASSERT_EQ(bound.exit_code, 0) << bound.err;
    EXPECT_NE(bound.out.find("ndff-uitvoerportaal + grb-art10-commercieel"), std::string::npos)
        << bound.out;
    EXPECT_TRUE(bound.err.empty()) << bound.err;

    const json decision = checkJson(out, 1);
    EXPECT_EQ(decision["decision"], "prohibited");
    const json* n4 = finding(decision, "n4-no-exact-publish");
    ASSERT_NE(n4, nullptr) << decision.dump(2);
    EXPECT_EQ((*n4)["licence"], "ndff-uitvoerportaal");
    const json* grb = finding(decision, "art11-publication-right");
    ASSERT_NE(grb, nullptr) << "GRB is judged too: " << decision.dump(2);
    EXPECT_EQ((*grb)["licence"], "grb-art10-commercieel");
    EXPECT_TRUE(owes(decision, kGrbText, "grb-art10-commercieel")) << decision.dump(2);
    const json* measured = finding(decision, "precision-measured");
    ASSERT_NE(measured, nullptr) << "the precision is still measured";
    EXPECT_EQ((*measured)["licence"], "ndff-uitvoerportaal");

    ASSERT_EQ(decision["layers"].size(), 1U);
    const json& licence = decision["layers"][0]["licence"];
    EXPECT_EQ(licence["id"], "ndff-uitvoerportaal") << "the first licence, for older readers";
    ASSERT_EQ(licence["licences"].size(), 2U);
    EXPECT_EQ(licence["licences"][1]["licence"], "grb-art10-commercieel");
    ASSERT_EQ(licence["derived_from"].size(), 2U);
    EXPECT_EQ(licence["derived_from"][0]["source"], ndff_);
    EXPECT_EQ(licence["derived_from"][1]["source"], grb_);
    EXPECT_EQ(licence["derived_from"][1]["tool"], "geolicence bind");
}

TEST_F(DerivedDataTest, MeasuredCellsOfDerivedDataMayBePublishedUnderBothOwingGrbsAttribution) {
    const std::string out = output("cells.gpkg", cells());
    bind({"bind", out, "--derived-from", ndff_, grb_});
    const json decision = checkJson(out, 0);
    EXPECT_EQ(decision["decision"], "permitted") << decision.dump(2);
    EXPECT_NE(finding(decision, "n4-publish-aggregated"), nullptr);
    EXPECT_TRUE(owes(decision, kGrbText, "grb-art10-commercieel")) << decision.dump(2);
}

TEST_F(DerivedDataTest, AnAggregatedInputsClaimDoesNotCoverExactPointsInTheOutput) {
    const std::string aggregated = output("hokken.gpkg", cells());
    bind({"bind", aggregated, "--licence", "ndff-uitvoerportaal", "--option", "role=subscriber",
          "--option", "cell_size_m=1000"});
    const std::string out = output("out.gpkg", exactPoints());
    bind({"bind", out, "--derived-from", aggregated, grb_});
    const json decision = checkJson(out, 1);
    EXPECT_NE(finding(decision, "precision-claim-contradicted"), nullptr) << decision.dump(2);
    EXPECT_NE(finding(decision, "n4-no-exact-publish"), nullptr);
}

TEST_F(DerivedDataTest, TextSarifAndJUnitNameEveryLicence) {
    const std::string out = output("out.gpkg", exactPoints());
    bind({"bind", out, "--derived-from", ndff_, grb_});
    const CliResult text = runCli({"check", out, "--action", "publish"});
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_NE(text.out.find("ndff-uitvoerportaal + grb-art10-commercieel"), std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("derived from " + grb_ + ": grb-art10-commercieel"), std::string::npos)
        << text.out;

    const json sarif =
        json::parse(runCli({"check", out, "--action", "publish", "--format", "sarif"}).out);
    bool listed = false;
    for (const json& result : sarif["runs"][0]["results"]) {
        if (result["properties"].contains("layer_licences")) {
            listed = result["properties"]["layer_licences"] ==
                     json::array({"ndff-uitvoerportaal", "grb-art10-commercieel"});
        }
    }
    EXPECT_TRUE(listed) << sarif.dump(2);

    const CliResult junit = runCli({"check", out, "--action", "publish", "--format", "junit"});
    EXPECT_NE(junit.out.find("(ndff-uitvoerportaal + grb-art10-commercieel)"), std::string::npos)
        << junit.out;
}

TEST_F(DerivedDataTest, AFolderReportListsEachFilesLayersWithTheirLicences) {
    const std::string out = output("out.gpkg", exactPoints());
    bind({"bind", out, "--derived-from", ndff_, grb_});
    const CliResult result =
        runCli({"check", dir_, "--recursive", "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    const json report = json::parse(result.out);
    bool seen = false;
    for (const json& file : report["files"]) {
        if (file["file"] == out) {
            seen = true;
            ASSERT_EQ(file["layers"].size(), 1U) << file.dump(2);
            EXPECT_EQ(file["layers"][0]["licence"]["licences"].size(), 2U) << file.dump(2);
        }
    }
    EXPECT_TRUE(seen) << result.out;
}

TEST_F(DerivedDataTest, AnUnlicensedInputIsNamedAndWarnedAboutNeverDropped) {
    const std::string sketch = dir_ + "/schets.geojson";
    writeTestLayer(sketch, "GeoJSON", 4326, {}, {}, "schets");
    const std::string out = output("cells.gpkg", cells());
    const CliResult bound = runCli({"bind", out, "--derived-from", grb_, sketch});
    ASSERT_EQ(bound.exit_code, 0) << bound.err;
    EXPECT_NE(bound.err.find("warning: " + sketch + " carries no licence"), std::string::npos)
        << bound.err;

    const json decision = checkJson(out, 0);
    const json* source = finding(decision, "unlicensed-source");
    ASSERT_NE(source, nullptr) << decision.dump(2);
    EXPECT_EQ((*source)["severity"], "warning");
    EXPECT_NE((*source)["message"].get<std::string>().find(sketch), std::string::npos);
    checkJson(out, 1, {"--strict"});
    const json& recorded = decision["layers"][0]["licence"]["derived_from"][1];
    EXPECT_EQ(recorded["source"], sketch);
    EXPECT_TRUE(recorded["licences"].empty());

    // With nothing licensed there is nothing to bind to: no binding is written.
    const std::string other = output("other.gpkg", cells());
    const CliResult refused = runCli({"bind", other, "--derived-from", sketch});
    EXPECT_EQ(refused.exit_code, 3) << refused.err;
    EXPECT_NE(refused.err.find("none of the inputs carries a licence"), std::string::npos);
    EXPECT_NE(checkJson(other, 0)["findings"][0]["rule"], "unlicensed-source");
    EXPECT_EQ(checkJson(other, 0)["layers"][0]["licence"], nullptr);
}

// NDFF-derived points whose sidecar was rewritten to CC BY only, the NDFF input still in
// derived_from: the lost NDFF licence still applies (prohibited) and is named; what `bind
// --derived-from` writes loses nothing and gets no such finding.
TEST_F(DerivedDataTest, ALicenceTheSourceCarriedThatTheSidecarLostIsReported) {
    const std::string points = dir_ + "/buffer.geojson";
    writeTestLayer(points, "GeoJSON", 4326, {},
                   {{{{5.123456789, 52.123456789}}, "", {}}, {{{5.2345678, 52.0123456}}, "", {}}},
                   "buffer");
    std::ofstream(points + ".licence.json")
        << R"({"licences": [{"licence": "cc-by-4.0", "options": {"attribution": "© Gemeente X"}}],
 "derived_from": [{"source": ")"
        << ndff_
        << R"(", "licences": [{"licence": "ndff-uitvoerportaal", "options": {"role": "subscriber"}}],
   "date": "2026-12-01", "tool": "QGIS Processing native:buffer"}]})";
    const json decision = checkJson(points, 1);
    EXPECT_EQ(decision["decision"], "prohibited") << decision.dump(2);
    const json* dropped = finding(decision, "source-licence-dropped");
    ASSERT_NE(dropped, nullptr) << decision.dump(2);
    EXPECT_EQ((*dropped)["severity"], "error");
    EXPECT_EQ((*dropped)["licence"], "ndff-uitvoerportaal");
    const std::string message = (*dropped)["message"];
    EXPECT_NE(message.find(ndff_), std::string::npos) << message;
    EXPECT_NE(message.find("ndff-uitvoerportaal"), std::string::npos) << message;
    const json* n4 = finding(decision, "n4-no-exact-publish");
    ASSERT_NE(n4, nullptr) << "judged under NDFF: " << decision.dump(2);
    EXPECT_EQ((*n4)["licence"], "ndff-uitvoerportaal");

    const CliResult dutch = runCli({"check", points, "--action", "publish", "--lang", "nl"});
    EXPECT_EQ(dutch.exit_code, 1);
    EXPECT_NE(dutch.out.find("source-licence-dropped"), std::string::npos) << dutch.out;
    EXPECT_NE(dutch.out.find("is afgeleid van \"" + ndff_ + "\""), std::string::npos) << dutch.out;

    // Displaying is permitted under NDFF too: the loss is a warning, which --strict fails on.
    const CliResult display = runCli({"check", points, "--action", "display", "--format", "json"});
    EXPECT_EQ(display.exit_code, 0) << display.out << display.err;
    const json shown = json::parse(display.out);
    const json* warned = finding(shown, "source-licence-dropped");
    ASSERT_NE(warned, nullptr) << shown.dump(2);
    EXPECT_EQ((*warned)["severity"], "warning");
    EXPECT_EQ(runCli({"check", points, "--action", "display", "--strict"}).exit_code, 1);

    // What bind --derived-from writes keeps the input's licence: no such finding.
    const std::string kept = output("kept.gpkg", cells());
    bind({"bind", kept, "--derived-from", ndff_});
    EXPECT_EQ(finding(checkJson(kept, 0), "source-licence-dropped"), nullptr);
}

TEST_F(DerivedDataTest, BindRefusesMissingInputsAndUnreadableBindings) {
    const std::string out = output("out.gpkg", cells());
    EXPECT_EQ(runCli({"bind", out, "--derived-from", dir_ + "/missing.gpkg"}).exit_code, 3);
    const std::string broken = dir_ + "/kapot.geojson";
    writeTestLayer(broken, "GeoJSON", 4326, {}, {}, "kapot");
    std::ofstream(broken + ".licence.json") << "{not json";
    const CliResult result = runCli({"bind", out, "--derived-from", ndff_, broken});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("kapot.geojson.licence.json"), std::string::npos) << result.err;
    EXPECT_EQ(runCli({"bind", out}).exit_code, 2) << "--licence or --derived-from";
}

TEST_F(DerivedDataTest, InspectShowsTheChainOfADerivedLayer) {
    const std::string join = output("join.gpkg", exactPoints());
    bind({"bind", join, "--derived-from", ndff_, grb_});
    const std::string again = output("again.gpkg", exactPoints());
    bind({"bind", again, "--derived-from", join});
    const std::string project = dir_ + "/kaart.qgs";
    std::ofstream(project)
        << "<qgis version=\"3.22.16\"><layer-tree-group><layer-tree-layer id=\"again\" "
           "checked=\"Qt::Checked\"/></layer-tree-group><projectlayers><maplayer "
           "type=\"vector\"><id>again</id><datasource>./again.gpkg|layername=again</datasource>"
           "<layername>Opnieuw</layername><provider>ogr</provider></maplayer></projectlayers>"
           "</qgis>\n";
    const CliResult text = runCli({"inspect", project});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("Opnieuw"), std::string::npos);
    EXPECT_NE(text.out.find("ndff-uitvoerportaal + grb-art10-commercieel (from "
                            "geopackage-metadata)"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("      derived from " + join), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("        derived from " + grb_ + ": grb-art10-commercieel"),
              std::string::npos)
        << "one level deeper: " << text.out;

    const json inspected = json::parse(runCli({"inspect", project, "--format", "json"}).out);
    const json& licence = inspected["layers"][0]["licence"];
    EXPECT_EQ(licence["id"], "ndff-uitvoerportaal");
    EXPECT_EQ(licence["licences"].size(), 2U);
    EXPECT_EQ(licence["derived_from"][0]["derived_from"].size(), 2U);
}

TEST_F(DerivedDataTest, AggregateRecordsItsInputAsTheSource) {
    const std::string out = dir_ + "/grid.gpkg";
    const std::string report = dir_ + "/report.json";
    const CliResult result = runCli({"aggregate", ndff_, out, "--report", report});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::ifstream in(report);
    const json written = json::parse(in);
    const json& output = written["licence"]["output"];
    EXPECT_EQ(output["id"], "ndff-uitvoerportaal");
    ASSERT_EQ(output["derived_from"].size(), 1U);
    EXPECT_EQ(output["derived_from"][0]["tool"], "geolicence aggregate");
    EXPECT_EQ(output["derived_from"][0]["licences"][0]["licence"], "ndff-uitvoerportaal");
    // What the file itself carries, as check reads it.
    const json decision = checkJson(out, 0);
    EXPECT_EQ(decision["layers"][0]["licence"]["derived_from"][0]["tool"], "geolicence aggregate");
}

} // namespace
} // namespace geolicence::test
