// `check` on what a pipeline produced: the spatial precision of exported data measured from
// its coordinates in every export format, and `check DIR --recursive` over a repository.
#include "test_layers.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace geolicence::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Format {
    std::string driver;
    std::string extension;
};

std::string formatName(const ::testing::TestParamInfo<Format>& param) {
    return param.param.extension;
}

const std::vector<Format> kExportFormats = {{"GPKG", "gpkg"},
                                            {"GeoJSON", "geojson"},
                                            {"CSV", "csv"},
                                            {"ESRI Shapefile", "shp"},
                                            {"FlatGeobuf", "fgb"}};

// Exact NDFF-like observations (centimetres), in RD, or in WGS 84 for GeoJSON as RFC 7946 has it.
std::vector<TestFeature> exactObservations() {
    return {{{{155123.45, 463456.78}}, "", {"Das"}},
            {{{155999.12, 463001.50}}, "", {"Huismus"}},
            {{{156500.30, 464200.90}}, "", {"Das"}}};
}

// The same observations as the 1 km RD cells an aggregation publishes.
std::vector<TestFeature> aggregatedCells() {
    auto square = [](int x, int y) {
        const std::string x0 = std::to_string(x * 1000), x1 = std::to_string(x * 1000 + 1000);
        const std::string y0 = std::to_string(y * 1000), y1 = std::to_string(y * 1000 + 1000);
        return "POLYGON((" + x0 + " " + y0 + "," + x1 + " " + y0 + "," + x1 + " " + y1 + "," + x0 +
               " " + y1 + "," + x0 + " " + y0 + "))";
    };
    return {{std::nullopt, square(155, 463), {"Das"}},
            {std::nullopt, square(156, 464), {"Das"}},
            {std::nullopt, square(155, 463), {"Huismus"}}};
}

// Writes `features` (in RD) in `format`, reprojected to WGS 84 for GeoJSON, bound to NDFF with
// the given binding options; returns the path.
std::string writeBound(const std::string& dir, const std::string& stem, const Format& format,
                       const std::vector<TestFeature>& features,
                       const std::vector<std::string>& options) {
    const std::string rd = dir + "/" + stem + "-rd.gpkg";
    writeTestLayer(rd, "GPKG", 28992, {{"soort", OFTString}}, features, stem);
    const std::string path = dir + "/" + stem + "." + format.extension;
    std::string command = "ogr2ogr -f \"" + format.driver + "\" " + path + " " + rd;
    if (format.extension == "geojson") {
        command += " -t_srs EPSG:4326";
    } else if (format.extension == "csv") {
        command += " -lco GEOMETRY=AS_WKT";
    }
    const auto [status, out] = runShell(command + " 2>&1");
    EXPECT_EQ(status, 0) << command << "\n" << out;
    fs::remove(rd);
    std::vector<std::string> bind = {"bind", path, "--licence", "ndff-uitvoerportaal"};
    for (const std::string& option : options) {
        bind.insert(bind.end(), {"--option", option});
    }
    const CliResult bound = runCli(bind);
    EXPECT_EQ(bound.exit_code, 0) << bound.err;
    return path;
}

bool hasRule(const json& decision, const std::string& rule) {
    for (const json& finding : decision["findings"]) {
        if (finding["rule"] == rule) {
            return true;
        }
    }
    return false;
}

class MeasuredPrecisionTest : public ::testing::TestWithParam<Format> {
protected:
    std::string dir_ = makeTempDir();

    json checkPublish(const std::string& path, int expected_exit) {
        const CliResult result = runCli({"check", path, "--action", "publish", "--format", "json"});
        EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
        return json::parse(result.out);
    }
};

TEST_P(MeasuredPrecisionTest, ExactPointsClaimedAsAggregatedAreStillProhibited) {
    const std::string path =
        writeBound(dir_, "waarnemingen", GetParam(), exactObservations(), {"cell_size_m=1000"});
    const json decision = checkPublish(path, 1);
    EXPECT_EQ(decision["decision"], "prohibited");
    EXPECT_TRUE(hasRule(decision, "n4-no-exact-publish")) << decision.dump(2);
    EXPECT_TRUE(hasRule(decision, "precision-claim-contradicted")) << decision.dump(2);
}

// --role applies to a dataset's binding as to a project layer's: a contractor's NDFF data needs
// its project's end date (N2), a subscriber's does not.
TEST(DatasetRole, TheRoleOptionAppliesToADatasetsBinding) {
    const std::string dir = makeTempDir();
    const std::string path = writeBound(dir, "obs", {"GPKG", "gpkg"}, exactObservations(), {});
    const auto decide = [&](const std::vector<std::string>& role) {
        std::vector<std::string> args = {"check",        path,       "--action",
                                         "use-internal", "--format", "json"};
        args.insert(args.end(), role.begin(), role.end());
        const CliResult result = runCli(args);
        return json::parse(result.out)["decision"].get<std::string>();
    };
    EXPECT_EQ(decide({}), "permitted");
    EXPECT_EQ(decide({"--role", "subscriber"}), "permitted");
    EXPECT_EQ(decide({"--role", "contractor"}), "conditional");
}

class MeasuredCellsTest : public MeasuredPrecisionTest {};

TEST_P(MeasuredCellsTest, CellsOfAtLeastOneKilometreMayBePublishedWithoutAClaim) {
    const std::string path = writeBound(dir_, "hokken", GetParam(), aggregatedCells(), {});
    const json decision = checkPublish(path, 0);
    EXPECT_EQ(decision["decision"], "permitted");
    EXPECT_TRUE(hasRule(decision, "n4-publish-aggregated")) << decision.dump(2);
    EXPECT_TRUE(hasRule(decision, "precision-measured")) << decision.dump(2);
    EXPECT_FALSE(hasRule(decision, "precision-claim-contradicted"));
}

TEST_P(MeasuredPrecisionTest, ACallersClaimCannotOutweighTheMeasurement) {
    const std::string path = writeBound(dir_, "waarnemingen", GetParam(), exactObservations(), {});
    const std::string context = dir_ + "/context.json";
    std::ofstream(context) << R"({"cell_size_m": 1000})";
    const CliResult result =
        runCli({"check", path, "--action", "publish", "--context", context, "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_TRUE(hasRule(json::parse(result.out), "n4-no-exact-publish")) << result.out;
}

INSTANTIATE_TEST_SUITE_P(ExportFormats, MeasuredPrecisionTest, ::testing::ValuesIn(kExportFormats),
                         formatName);
// CSV carries no CRS: see CsvCellsCannotBeVerifiedInMetres.
INSTANTIATE_TEST_SUITE_P(FormatsWithACrs, MeasuredCellsTest,
                         ::testing::Values(kExportFormats[0], kExportFormats[1], kExportFormats[3],
                                           kExportFormats[4]),
                         formatName);

TEST(MeasuredPrecision, CsvCellsCannotBeVerifiedInMetres) {
    // A grid found in coordinates without a unit proves nothing in metres: the binding's claim
    // decides, and the report says it was not verified.
    const std::string dir = makeTempDir();
    const Format csv{"CSV", "csv"};
    const std::string unclaimed = writeBound(dir, "zonder", csv, aggregatedCells(), {});
    const CliResult refused =
        runCli({"check", unclaimed, "--action", "publish", "--format", "json"});
    EXPECT_EQ(refused.exit_code, 1) << refused.out;
    EXPECT_TRUE(hasRule(json::parse(refused.out), "precision-not-measured")) << refused.out;

    const std::string claimed =
        writeBound(dir, "met", csv, aggregatedCells(), {"cell_size_m=1000"});
    const CliResult allowed = runCli({"check", claimed, "--action", "publish", "--format", "json"});
    EXPECT_EQ(allowed.exit_code, 0) << allowed.out;
    EXPECT_TRUE(hasRule(json::parse(allowed.out), "precision-not-measured")) << allowed.out;
}

TEST(MeasuredPrecision, FiveHundredMetreCellsAreTooFineForNdff) {
    const std::string dir = makeTempDir();
    std::vector<TestFeature> cells;
    for (int i = 0; i < 3; ++i) {
        const int x = 155000 + 500 * i;
        cells.push_back({std::nullopt,
                         "POLYGON((" + std::to_string(x) + " 463000," + std::to_string(x + 500) +
                             " 463000," + std::to_string(x + 500) + " 463500," + std::to_string(x) +
                             " 463500," + std::to_string(x) + " 463000))",
                         {"Das"}});
    }
    const std::string path = writeBound(dir, "fijn", {"GPKG", "gpkg"}, cells, {});
    const CliResult result = runCli({"check", path, "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.out.find("500 m"), std::string::npos) << result.out;
}

TEST(MeasuredPrecision, LicencesThatDoNotRuleOnPrecisionAreNotMeasured) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/open.gpkg";
    writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}}, exactObservations(), "open");
    ASSERT_EQ(runCli({"bind", path, "--licence", "cc0-1.0"}).exit_code, 0);
    const CliResult result = runCli({"check", path, "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.find("precision-"), std::string::npos) << result.out;
}

// A repository as a pipeline sees it: projects, exported data, a sidecar, a broken project,
// and things that must be left alone (a hidden folder, files that are no data).
class FolderCheckTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(dir_ + "/maps");
        fs::create_directories(dir_ + "/export");
        fs::create_directories(dir_ + "/.git/objects");
        std::ofstream(dir_ + "/maps/open.qgs")
            << "<qgis version=\"3.22.16\"><layer-tree-group><layer-tree-layer id=\"a\" "
               "checked=\"Qt::Checked\"/></layer-tree-group><projectlayers><maplayer "
               "type=\"vector\"><id>a</id><datasource>../export/hokken.gpkg</datasource>"
               "<layername>Hokken</layername><provider>ogr</provider></maplayer>"
               "</projectlayers></qgis>\n";
        writeBound(dir_ + "/export", "hokken", {"GPKG", "gpkg"}, aggregatedCells(),
                   {"cell_size_m=1000"});
        writeBound(dir_ + "/export", "waarnemingen", {"GeoJSON", "geojson"}, exactObservations(),
                   {"cell_size_m=1000"});
        std::ofstream(dir_ + "/README.md") << "# kaarten\n";
        std::ofstream(dir_ + "/.git/objects/stale.qgs") << "not a project";
    }

    void breakOneProject() { std::ofstream(dir_ + "/maps/kapot.qgz") << "no zip"; }

    std::string dir_ = makeTempDir();
};

TEST_F(FolderCheckTest, ChecksEveryProjectAndDatasetInOneReport) {
    const CliResult result =
        runCli({"check", dir_, "--recursive", "--action", "publish", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.err; // the exact observations
    const json report = json::parse(result.out);
    EXPECT_EQ(report["decision"], "prohibited");
    std::vector<std::string> files;
    for (const json& file : report["files"]) {
        files.push_back(file["file"]);
    }
    const std::vector<std::string> expected = {dir_ + "/export/hokken.gpkg",
                                               dir_ + "/export/waarnemingen.geojson",
                                               dir_ + "/maps/open.qgs"};
    EXPECT_EQ(files, expected);
    EXPECT_EQ(report["files"][0]["decision"], "permitted");
    EXPECT_EQ(report["files"][1]["decision"], "prohibited");
    bool prohibition_names_its_file = false;
    for (const json& finding : report["findings"]) {
        prohibition_names_its_file |= finding["rule"] == "n4-no-exact-publish" &&
                                      finding["file"] == dir_ + "/export/waarnemingen.geojson";
    }
    EXPECT_TRUE(prohibition_names_its_file) << report.dump(2);
}

TEST_F(FolderCheckTest, AnUnreadableFileIsReportedAndFailsTheRunAsAnInputError) {
    breakOneProject();
    const CliResult result = runCli({"check", dir_, "--recursive", "--action", "publish"});
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    EXPECT_NE(result.out.find(dir_ + "/maps/kapot.qgz"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("4 files checked: 2 permitted, 1 prohibited, 1 unreadable"),
              std::string::npos)
        << result.out;
}

TEST_F(FolderCheckTest, JUnitHasASuitePerFileAndAnErrorForTheUnreadableOne) {
    breakOneProject();
    const CliResult result =
        runCli({"check", dir_, "--recursive", "--action", "publish", "--format", "junit"});
    EXPECT_EQ(result.exit_code, 3) << result.err;
    std::size_t suites = 0;
    for (std::size_t at = result.out.find("<testsuite "); at != std::string::npos;
         at = result.out.find("<testsuite ", at + 1)) {
        ++suites;
    }
    EXPECT_EQ(suites, 4U) << result.out;
    EXPECT_NE(result.out.find("<error message="), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("errors=\"1\""), std::string::npos) << result.out;
}

TEST_F(FolderCheckTest, SarifLocatesEachResultInItsFile) {
    const CliResult result =
        runCli({"check", dir_, "--recursive", "--action", "publish", "--format", "sarif"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    const json sarif = json::parse(result.out);
    std::set<std::string> uris;
    for (const json& item : sarif["runs"][0]["results"]) {
        uris.insert(item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
    }
    EXPECT_EQ(uris.count("file://" + dir_ + "/export/waarnemingen.geojson"), 1U) << result.out;
    EXPECT_EQ(uris.count("file://" + dir_ + "/export/hokken.gpkg"), 1U) << result.out;
}

TEST_F(FolderCheckTest, AFolderNeedsRecursiveAndRecursiveNeedsAFolder) {
    const CliResult folder = runCli({"check", dir_, "--action", "publish"});
    EXPECT_EQ(folder.exit_code, 2);
    EXPECT_NE(folder.err.find("--recursive"), std::string::npos) << folder.err;
    const CliResult file =
        runCli({"check", dir_ + "/maps/open.qgs", "--recursive", "--action", "publish"});
    EXPECT_EQ(file.exit_code, 2);
    EXPECT_NE(file.err.find("folder"), std::string::npos) << file.err;
}

TEST(FolderCheck, AFolderOfProjectsOnlyIsCheckedWithoutGdal) {
    // geolicence hands over to geolicence-gis only when a folder holds datasets. A copy of
    // geolicence without geolicence-gis beside it shows which way a folder went.
    const std::string dir = makeTempDir();
    fs::create_directories(dir + "/bin");
    fs::create_directories(dir + "/repo");
    fs::copy_file(GEOLICENCE_CLI_PATH, dir + "/bin/geolicence");
    std::ofstream(dir + "/repo/a.qgs") << "<qgis version=\"3.22.16\"><projectlayers/></qgis>\n";
    const std::string run = dir + "/bin/geolicence check " + dir + "/repo -r --action publish 2>&1";
    const auto [projects_status, projects_out] = runShell(run);
    EXPECT_EQ(projects_status, 0) << projects_out;
    EXPECT_NE(projects_out.find("1 files checked: 1 permitted"), std::string::npos) << projects_out;

    std::ofstream(dir + "/repo/data.geojson") << R"({"type": "FeatureCollection", "features": []})";
    const auto [data_status, data_out] = runShell(run);
    EXPECT_NE(data_status, 0);
    EXPECT_NE(data_out.find("geolicence-gis"), std::string::npos) << data_out;
}

} // namespace
} // namespace geolicence::test
