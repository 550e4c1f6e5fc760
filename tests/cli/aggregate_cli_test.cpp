// `geolicence aggregate` end to end: every output format read back, nothing but cells and
// aggregates in the output, atomic output under errors and Ctrl-C, the licence's minimum
// precision and the binding of the output.
#include "test_files.h"
#include "test_layers.h"
#include "test_support.h"

#include <geolicence/dataset_binding.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>
#include <random>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace geolicence::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Row {
    std::int64_t count = 0;
    std::int64_t sum = 0;
    bool operator==(const Row& other) const { return count == other.count && sum == other.sum; }
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
    return out << "{n=" << row.count << " sum=" << row.sum << "}";
}

struct Observations {
    std::string path;
    std::map<std::string, Row> expected; // "x-y|soort" on the RD 1 km grid
};

// Observation-like points: species, count, and an observer and a street that must never leak.
Observations makeObservations(const std::string& dir, int count, unsigned seed,
                              const std::string& name = "obs.gpkg") {
    const std::vector<std::string> species = {"Parus major", "Bufo bufo", "Lutra lutra"};
    Observations out;
    out.path = dir + "/" + name;
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> x_m(150000, 159999);
    std::uniform_int_distribution<int> y_m(460000, 469999);
    std::uniform_int_distribution<int> pick(0, 2);
    std::uniform_int_distribution<int> amount(1, 9);
    std::vector<TestFeature> features;
    for (int i = 0; i < count; ++i) {
        // Whole metres, a third of them on a cell edge.
        int x = x_m(random);
        const int y = y_m(random);
        if (i % 3 == 0) {
            x = x / 1000 * 1000;
        }
        const std::string& soort = species[pick(random)];
        const int aantal = amount(random);
        features.push_back({std::make_pair(double(x), double(y)),
                            "",
                            {soort, std::to_string(aantal), "Jan Jansen " + std::to_string(i),
                             "Dorpsstraat " + std::to_string(i % 90 + 1)}});
        Row& row =
            out.expected[std::to_string(x / 1000) + "-" + std::to_string(y / 1000) + "|" + soort];
        ++row.count;
        row.sum += aantal;
    }
    writeTestLayer(out.path, "GPKG", 28992,
                   {{"soort", OFTString},
                    {"aantal", OFTInteger},
                    {"waarnemer", OFTString},
                    {"adres", OFTString}},
                   features, "waarnemingen");
    return out;
}

struct Output {
    std::vector<std::string> fields;
    std::map<std::string, Row> rows;
    int epsg = 0;
    bool squares_match_codes = true;
};

Output readOutput(const std::string& path) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    Output out;
    if (!dataset) {
        ADD_FAILURE() << "cannot open " << path;
        return out;
    }
    OGRLayer* layer = dataset->GetLayer(0);
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        out.fields.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    }
    if (const OGRSpatialReference* crs = layer->GetSpatialRef()) {
        const char* code = crs->GetAuthorityCode(nullptr);
        out.epsg = code != nullptr ? std::atoi(code) : 0;
        if (out.epsg == 0) {
            OGRSpatialReference rd;
            rd.importFromEPSG(28992);
            out.epsg = crs->IsSame(&rd) ? 28992 : -1;
        }
    }
    for (auto& feature : *layer) {
        const std::string code = feature->GetFieldAsString("cell_code");
        const int soort = definition->GetFieldIndex("soort");
        const int sum = definition->GetFieldIndex("sum_aantal");
        const std::string key = code + "|" + (soort < 0 ? "" : feature->GetFieldAsString(soort));
        Row& row = out.rows[key];
        row.count = feature->GetFieldAsInteger64("n_obs");
        row.sum = sum < 0 ? 0 : feature->GetFieldAsInteger64(sum);
        OGREnvelope box;
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr) {
            out.squares_match_codes = false;
            continue;
        }
        geometry->getEnvelope(&box);
        const std::string expected_code = std::to_string(static_cast<long>(box.MinX) / 1000) + "-" +
                                          std::to_string(static_cast<long>(box.MinY) / 1000);
        if (code != expected_code || box.MaxX - box.MinX != 1000 || box.MaxY - box.MinY != 1000 ||
            geometry->toPolygon()->getExteriorRing()->getNumPoints() != 5) {
            out.squares_match_codes = false;
        }
    }
    return out;
}

TEST(AggregateCli, EveryOutputFormatRoundTripsWithNothingFiner) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 3000, 1);
    for (const std::string file :
         {"cells.gpkg", "cells.geojson", "cells.fgb", "cells.shp", "cells.csv"}) {
        const std::string out = dir + "/" + file;
        const CliResult result = runCli({"aggregate", data.path, out, "--group-by", "soort",
                                         "--sum", "aantal", "--licence", "cc0-1.0"});
        ASSERT_EQ(result.exit_code, 0) << file << ": " << result.err;
        const Output output = readOutput(out);
        std::vector<std::string> fields = {"cell_code", "soort", "n_obs", "sum_aantal"};
        if (file == "cells.csv") {
            fields.insert(fields.begin(), "WKT"); // the cell square, as CSV carries geometry
        }
        EXPECT_EQ(output.fields, fields) << file << ": only the cell, groups and aggregates";
        EXPECT_EQ(output.rows, data.expected) << file;
        EXPECT_TRUE(output.squares_match_codes) << file;
        if (file != "cells.csv") { // CSV has no CRS
            EXPECT_EQ(output.epsg, 28992) << file;
        }
    }
}

// GeoPackage reserves table names starting with "gpkg"; the layer is named after the file
// otherwise, so such a file name gets a layer name the format allows.
TEST(AggregateCli, AGeoPackageNamedGpkgSomethingGetsAnAllowedLayerName) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 500, 3);
    const std::string out = dir + "/gpkg_export.gpkg";
    const CliResult result = runCli({"aggregate", data.path, out, "--group-by", "soort"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(dataset);
    EXPECT_STREQ(dataset->GetLayer(0)->GetName(), "cells_gpkg_export");
    EXPECT_EQ(dataset->GetLayer(0)->GetFeatureCount(), static_cast<GIntBig>(data.expected.size()));
}

// The GeoPackage rows and spatial index are written through SQLite directly (geopackage_fill.h):
// the file must be what GDAL itself would have written, index and triggers included.
TEST(AggregateCli, GeoPackageOutputHasAWorkingSpatialIndex) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 6000, 12);
    const std::string out = dir + "/cells.gpkg";
    // Observers are unique: a row per point, enough rows for a three-level R-tree.
    ASSERT_EQ(runCli({"aggregate", data.path, out, "--group-by", "waarnemer"}).exit_code, 0);
    const std::size_t rows = 6000;
    std::int64_t in_cell = 0;
    for (const auto& [key, row] : data.expected) {
        in_cell += key.rfind("155-463|", 0) == 0 ? row.count : 0;
    }
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open_v2(out.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        const auto text = [db](const std::string& sql) {
            sqlite3_stmt* statement = nullptr;
            sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
            std::string value;
            if (statement != nullptr && sqlite3_step(statement) == SQLITE_ROW) {
                const unsigned char* column = sqlite3_column_text(statement, 0);
                value = column != nullptr ? reinterpret_cast<const char*>(column) : "";
            }
            sqlite3_finalize(statement);
            return value;
        };
        EXPECT_EQ(text("SELECT rtreecheck('rtree_cells_geom')"), "ok");
        EXPECT_EQ(text("PRAGMA page_size"), "65536") << "written with large pages";
        EXPECT_EQ(text("SELECT count(*) FROM cells WHERE fid NOT IN (SELECT id FROM "
                       "rtree_cells_geom)"),
                  "0")
            << "every feature is in the index under its own fid";
        EXPECT_EQ(text("SELECT count(*) FROM rtree_cells_geom"), std::to_string(rows));
        EXPECT_EQ(text("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'cells'"),
                  std::to_string(rows));
        EXPECT_EQ(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                       "'cells'"),
                  "8")
            << "six R-tree triggers and two feature-count triggers";
        EXPECT_EQ(text("SELECT min_x || ' ' || min_y || ' ' || max_x || ' ' || max_y FROM "
                       "gpkg_contents WHERE table_name = 'cells'"),
                  "150000.0 460000.0 160000.0 470000.0");
        sqlite3_close(db);
    }
    // GDAL finds the cells through the index, and keeps the index up to date when editing.
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(dataset);
    OGRLayer* layer = dataset->GetLayer(0);
    layer->SetSpatialFilterRect(155100, 463100, 155900, 463900);
    int found = 0;
    for (auto& feature : *layer) {
        EXPECT_STREQ(feature->GetFieldAsString("cell_code"), "155-463");
        ++found;
    }
    EXPECT_EQ(found, in_cell) << "a row per observation in that cell";
    layer->SetSpatialFilter(nullptr);
    OGRFeature extra(layer->GetLayerDefn());
    OGRGeometry* square = nullptr;
    OGRGeometryFactory::createFromWkt("POLYGON ((0 0,1 0,1 1,0 1,0 0))", nullptr, &square);
    extra.SetGeometryDirectly(square);
    ASSERT_EQ(layer->CreateFeature(&extra), OGRERR_NONE);
    dataset.reset();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(out.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM rtree_cells_geom", -1, &statement, nullptr);
    ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int64(statement, 0), static_cast<std::int64_t>(rows) + 1);
    sqlite3_finalize(statement);
    sqlite3_close(db);
}

TEST(AggregateCli, DatesAndRealsKeepTheirTypes) {
    const std::string dir = makeTempDir();
    const std::string in = dir + "/dated.gpkg";
    writeTestLayer(in, "GPKG", 28992, {{"datum", OFTDate}, {"hoogte", OFTReal}},
                   {{std::make_pair(155100.0, 463100.0), "", {"2021-05-04", "1.25"}},
                    {std::make_pair(155200.0, 463200.0), "", {"2019-12-31", "2.5"}},
                    {std::make_pair(156200.0, 463200.0), "", {std::nullopt, std::nullopt}}});
    for (const std::string file : {"dated_out.gpkg", "dated_out.fgb"}) {
        const std::string out = dir + "/" + file;
        ASSERT_EQ(
            runCli({"aggregate", in, out, "--min", "datum", "--max", "datum", "--sum", "hoogte"})
                .exit_code,
            0);
        std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(dataset);
        OGRLayer* layer = dataset->GetLayer(0);
        OGRFeatureDefn* definition = layer->GetLayerDefn();
        // FlatGeobuf has no date type and stores dates as date-times.
        EXPECT_EQ(definition->GetFieldDefn(definition->GetFieldIndex("min_datum"))->GetType(),
                  file == "dated_out.gpkg" ? OFTDate : OFTDateTime)
            << file;
        EXPECT_EQ(definition->GetFieldDefn(definition->GetFieldIndex("sum_hoogte"))->GetType(),
                  OFTReal)
            << file;
        std::map<std::string, std::string> seen;
        for (auto& feature : *layer) {
            // GetFieldAsString formats dates into a shared buffer: copy each before the next.
            std::string text;
            for (const char* name : {"min_datum", "max_datum", "sum_hoogte"}) {
                const int index = definition->GetFieldIndex(name);
                text += std::string(feature->IsFieldSetAndNotNull(index)
                                        ? feature->GetFieldAsString(index)
                                        : "null") +
                        " ";
            }
            seen[feature->GetFieldAsString("cell_code")] = text;
        }
        const std::string midnight = file == "dated_out.gpkg" ? "" : " 00:00:00";
        EXPECT_EQ(seen["155-463"], "2019/12/31" + midnight + " 2021/05/04" + midnight + " 3.75 ")
            << file;
        EXPECT_EQ(seen["156-463"], "null null null ") << file;
    }
}

TEST(AggregateCli, EeaOutputHasTheShortCode) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 100, 2);
    const std::string out = dir + "/eea.gpkg";
    const CliResult result = runCli({"aggregate", data.path, out, "--grid", "eea"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(dataset);
    std::int64_t total = 0;
    for (auto& feature : *dataset->GetLayer(0)) {
        const std::string code = feature->GetFieldAsString("cell_code");
        const std::string short_code = feature->GetFieldAsString("cell_code_short");
        EXPECT_EQ(code.rfind("CRS3035RES1000mN", 0), 0U) << code;
        EXPECT_EQ(short_code.rfind("1kmE", 0), 0U) << short_code;
        // Both codes name the same corner: N<north>E<east> and <size>E<east km>N<north km>.
        const std::string north = code.substr(16, code.rfind('E') - 16);
        const std::string east = code.substr(code.rfind('E') + 1);
        EXPECT_EQ(short_code, "1kmE" + east.substr(0, east.size() - 3) + "N" +
                                  north.substr(0, north.size() - 3));
        total += feature->GetFieldAsInteger64("n_obs");
    }
    EXPECT_EQ(total, 100);
}

TEST(AggregateCli, ReportJsonAccountsForEveryFeature) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 500, 3);
    const std::string report = dir + "/report.json";
    const CliResult result =
        runCli({"aggregate", data.path, dir + "/out.gpkg", "--group-by", "soort", "--min-count",
                "2", "--report", report, "--progress"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("0...10...20...30...40...50...60...70...80...90...100 - done."),
              std::string::npos)
        << result.err;
    std::ifstream in(report);
    const json doc = json::parse(in);
    EXPECT_EQ(doc.at("features_read"), 500);
    EXPECT_EQ(doc.at("skipped").at("total"), 0);
    EXPECT_TRUE(doc.at("conserved").get<bool>());
    const std::int64_t written = doc.at("observations_written");
    const std::int64_t suppressed = doc.at("observations_suppressed");
    EXPECT_EQ(written + suppressed, 500);
    EXPECT_GT(doc.at("rows_suppressed").get<int>(), 0);
    std::int64_t expected_suppressed = 0;
    for (const auto& [key, row] : data.expected) {
        expected_suppressed += row.count < 2 ? row.count : 0;
    }
    EXPECT_EQ(suppressed, expected_suppressed);
    const Output output = readOutput(dir + "/out.gpkg");
    for (const auto& [key, row] : output.rows) {
        EXPECT_GE(row.count, 2) << key;
    }
    EXPECT_NE(result.out.find("accounted for        all 500 features"), std::string::npos)
        << result.out;
}

TEST(AggregateCli, WarnsAboutLocationRevealingGroupBy) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 50, 4);
    const CliResult result =
        runCli({"aggregate", data.path, dir + "/out.gpkg", "--group-by", "adres"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("warning: group-by field \"adres\" may reveal locations"),
              std::string::npos)
        << result.err;
}

TEST(AggregateCli, ExistingOutputNeedsOverwriteAndTheInputIsNeverOverwritten) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 50, 5);
    const std::string out = dir + "/out.gpkg";
    {
        std::ofstream existing(out);
        existing << "precious";
    }
    CliResult result = runCli({"aggregate", data.path, out});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("out.gpkg: exists; use --overwrite"), std::string::npos);
    std::ifstream unchanged(out);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(unchanged), {}), "precious");

    result = runCli({"aggregate", data.path, out, "--overwrite"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(readOutput(out).rows.size() > 0, true);

    result = runCli({"aggregate", data.path, data.path, "--overwrite"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("would overwrite the input"), std::string::npos) << result.err;
    EXPECT_EQ(filesIn(dir), (std::vector<std::string>{"obs.gpkg", "out.gpkg"}));
}

TEST(AggregateCli, InputErrorsAreOneLineAndLeaveNothing) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 50, 6);
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"aggregate", dir + "/missing.gpkg", dir + "/out.gpkg"}, "missing.gpkg: no such file"},
        {{"aggregate", data.path, dir + "/out.gpkg", "--sum", "soort"},
         "only numbers can be summed"},
        {{"aggregate", data.path, dir + "/out.gpkg", "--group-by", "sort"},
         "has no field \"sort\""},
    };
    for (const auto& [args, message] : cases) {
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exit_code, 3) << result.err;
        EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    }
    const CliResult usage =
        runCli({"aggregate", data.path, dir + "/out.gpkg", "--group-by", "n_obs"});
    EXPECT_EQ(usage.exit_code, 2);
    const CliResult size =
        runCli({"aggregate", data.path, dir + "/out.gpkg", "--cell-size", "1500"});
    EXPECT_EQ(size.exit_code, 2);
    EXPECT_NE(size.err.find("multiple of 1000"), std::string::npos) << size.err;
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"obs.gpkg"});
}

TEST(AggregateCli, AReadErrorHalfwayLeavesNoOutput) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 60000, 7, "big.gpkg");
    // Cut the file in half: GDAL opens it, then fails while streaming the features.
    const auto size = fs::file_size(data.path);
    fs::resize_file(data.path, size / 2);
    const CliResult result = runCli({"aggregate", data.path, dir + "/out.gpkg"});
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("big.gpkg"), std::string::npos) << result.err;
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"big.gpkg"});
}

TEST(AggregateCli, CtrlCLeavesNoOutput) {
    const std::string dir = makeTempDir();
    // Unique group values make many rows, so the run lasts long enough to be interrupted.
    const Observations data = makeObservations(dir, 150000, 8);
    const std::string err = dir + "/err.txt";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 2);
        execl(GEOLICENCE_CLI_PATH, "geolicence", "aggregate", data.path.c_str(),
              (dir + "/out.gpkg").c_str(), "--group-by", "waarnemer", "--progress",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    // Interrupt once the progress bar shows: the handler is installed by then.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in(err);
        const std::string text(std::istreambuf_iterator<char>(in), {});
        if (!text.empty() && text[0] == '0') {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(child, SIGINT);
    int status = 0;
    waitpid(child, &status, 0);
    std::ifstream in(err);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    ASSERT_TRUE(WIFEXITED(status)) << text;
    EXPECT_EQ(WEXITSTATUS(status), 130) << text;
    EXPECT_NE(text.find("interrupted; no output written"), std::string::npos) << text;
    EXPECT_EQ(filesIn(dir), (std::vector<std::string>{"err.txt", "obs.gpkg"}));
}

// Every row of a GeoPackage table and its spatial index exactly as SQLite stores them (values
// with their storage class, reals as their bits, blobs in hex), in fid order.
std::string storedRows(const std::string& path, const std::string& table) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        ADD_FAILURE() << "cannot open " << path;
        return {};
    }
    std::string out;
    for (const std::string& sql : {"SELECT * FROM \"" + table + "\" ORDER BY fid",
                                   "SELECT * FROM \"rtree_" + table + "_geom\" ORDER BY id"}) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
        while (statement != nullptr && sqlite3_step(statement) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                const int type = sqlite3_column_type(statement, c);
                out += std::to_string(type) + ":";
                if (type == SQLITE_FLOAT) {
                    const double value = sqlite3_column_double(statement, c);
                    std::uint64_t bits = 0;
                    std::memcpy(&bits, &value, sizeof bits);
                    out += std::to_string(bits);
                } else if (type != SQLITE_NULL) {
                    const auto* bytes =
                        static_cast<const unsigned char*>(sqlite3_column_blob(statement, c));
                    for (int i = 0; i < sqlite3_column_bytes(statement, c); ++i) {
                        static const char* kHex = "0123456789abcdef";
                        out += kHex[bytes[i] >> 4];
                        out += kHex[bytes[i] & 15];
                    }
                }
                out += "|";
            }
            out += "\n";
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return out;
}

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A tiny memory limit makes the rows spill to sorted runs in a temporary folder next to the
// output, merged while writing: the output rows are byte for byte those of the run in memory,
// the report says it spilled, and no temporary folder is left behind.
TEST(AggregateCli, MemoryLimitSpillsAndWritesByteIdenticalRows) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 20000, 21);
    const std::vector<std::vector<std::string>> requests = {
        {"--group-by", "waarnemer", "--sum", "aantal"}, // a row per observation
        {"--group-by", "adres", "--group-by", "soort", "--sum", "aantal", "--max", "aantal",
         "--min-count", "2"}};
    for (const auto& request : requests) {
        std::map<std::string, std::string> outputs;
        std::map<std::string, json> reports;
        for (const std::string limit : {"", "64K"}) {
            for (const std::string extension : {".gpkg", ".csv"}) {
                const std::string name = "cells" + limit + extension;
                std::vector<std::string> args = {
                    "aggregate",          data.path,     dir + "/" + name, "--report",
                    dir + "/report.json", "--overwrite", "--licence",      "cc0-1.0"};
                args.insert(args.end(), request.begin(), request.end());
                if (!limit.empty()) {
                    args.insert(args.end(), {"--memory-limit", limit});
                }
                const CliResult result = runCli(args);
                ASSERT_EQ(result.exit_code, 0) << result.err;
                outputs[name] = extension == ".gpkg" ? storedRows(dir + "/" + name, "cells" + limit)
                                                     : fileText(dir + "/" + name);
                reports[name] = json::parse(fileText(dir + "/report.json"));
                if (!limit.empty()) {
                    EXPECT_NE(result.out.find("sorted runs"), std::string::npos) << result.out;
                }
            }
        }
        EXPECT_GT(outputs["cells.gpkg"].size(), 100000U);
        EXPECT_EQ(outputs["cells64K.gpkg"], outputs["cells.gpkg"]) << request[1];
        EXPECT_EQ(outputs["cells64K.csv"], outputs["cells.csv"]) << request[1];
        EXPECT_EQ(reports["cells.gpkg"].at("spill").at("runs"), 0);
        EXPECT_GT(reports["cells64K.gpkg"].at("spill").at("runs").get<int>(), 1);
        EXPECT_EQ(reports["cells64K.gpkg"].at("memory_limit_bytes"), 65536);
        for (const char* count : {"rows_written", "rows_suppressed", "observations_written",
                                  "observations_suppressed", "cells_written"}) {
            EXPECT_EQ(reports["cells64K.gpkg"].at(count), reports["cells.gpkg"].at(count)) << count;
        }
        EXPECT_TRUE(reports["cells64K.gpkg"].at("conserved").get<bool>());
    }
    EXPECT_EQ(filesIn(dir),
              (std::vector<std::string>{"cells.csv", "cells.csv.licence.json", "cells.gpkg",
                                        "cells64K.csv", "cells64K.csv.licence.json",
                                        "cells64K.gpkg", "obs.gpkg", "report.json"}))
        << "the outputs, their licence sidecars and nothing else";
}

TEST(AggregateCli, MemoryLimitMustBeASizeOfAtLeast64K) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 20, 22);
    for (const std::string bad : {"12Q", "0", "1K", "-5M", "G", "1.5.0M", "64KB2"}) {
        const CliResult result =
            runCli({"aggregate", data.path, dir + "/out.gpkg", "--memory-limit", bad});
        EXPECT_EQ(result.exit_code, 2) << bad << ": " << result.err;
        EXPECT_NE(result.err.find("--memory-limit " + bad + ": give a size of at least 64K"),
                  std::string::npos)
            << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    }
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"obs.gpkg"});
}

// The disk fills up while rows are spilled (a file size limit stands in for the full disk): an
// input error naming the temporary folder's place, and nothing left, no output, no folder.
TEST(AggregateCli, AFullDiskWhileSpillingLeavesNothing) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 20000, 23);
    CliLimits limits;
    limits.max_file_bytes = 200 * 1024;
    const CliResult result = runCli({"aggregate", data.path, dir + "/out.gpkg", "--group-by",
                                     "waarnemer", "--memory-limit", "64K"},
                                    {}, limits);
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("cannot write the rows that do not fit the memory limit"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"obs.gpkg"});
}

TEST(AggregateCli, CtrlCWhileSpillingLeavesNothing) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 150000, 24);
    const std::string err = dir + "/err.txt";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 2);
        execl(GEOLICENCE_CLI_PATH, "geolicence", "aggregate", data.path.c_str(),
              (dir + "/out.gpkg").c_str(), "--group-by", "waarnemer", "--memory-limit", "64K",
              "--progress", static_cast<char*>(nullptr));
        _exit(127);
    }
    // Interrupt once the spill folder is there: the run is spilling.
    bool spilling = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!spilling && std::chrono::steady_clock::now() < deadline) {
        for (const std::string& name : filesIn(dir)) {
            spilling = spilling || name.rfind(".geolicence-spill-", 0) == 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    kill(child, SIGINT);
    int status = 0;
    waitpid(child, &status, 0);
    const std::string text = fileText(err);
    EXPECT_TRUE(spilling) << "no spill folder appeared";
    ASSERT_TRUE(WIFEXITED(status)) << text;
    EXPECT_EQ(WEXITSTATUS(status), 130) << text;
    EXPECT_NE(text.find("interrupted; no output written"), std::string::npos) << text;
    EXPECT_EQ(filesIn(dir), (std::vector<std::string>{"err.txt", "obs.gpkg"}));
}

TEST(AggregateCli, RefusesACellSizeFinerThanTheNdffLicenceAllows) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 50, 9);
    ASSERT_EQ(runCli({"bind", data.path, "--licence", "ndff-uitvoerportaal"}).exit_code, 0);
    for (const std::string grid : {"rd", "be-lambert72"}) {
        const CliResult result = runCli(
            {"aggregate", data.path, dir + "/out.gpkg", "--grid", grid, "--cell-size", "500"});
        EXPECT_EQ(result.exit_code, 1) << result.err;
        EXPECT_NE(result.err.find("ndff-uitvoerportaal"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("N4: "), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("000_b5f211ad1171a64c.txt bullet 4"), std::string::npos);
        EXPECT_NE(result.err.find("at least 1000 m"), std::string::npos) << result.err;
    }
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"obs.gpkg"});
    // The same refusal when the licence is stated rather than bound.
    const std::string plain = makeObservations(dir, 10, 10, "plain.gpkg").path;
    const CliResult stated =
        runCli({"aggregate", plain, dir + "/out.gpkg", "--grid", "be-lambert72", "--cell-size",
                "250", "--licence", "ndff-uitvoerportaal"});
    EXPECT_EQ(stated.exit_code, 1) << stated.err;
}

TEST(AggregateCli, OutputIsBoundToTheInputsLicenceWithItsPrecision) {
    const std::string dir = makeTempDir();
    const Observations data = makeObservations(dir, 200, 11);
    ASSERT_EQ(runCli({"bind", data.path, "--licence", "ndff-uitvoerportaal"}).exit_code, 0);
    const std::string out = dir + "/uurhokken.gpkg";
    CliResult result = runCli({"aggregate", data.path, out, "--cell-size", "5000"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto licence = readDatasetLicence(out, bundledCatalog(), "uurhokken");
    ASSERT_TRUE(licence);
    EXPECT_EQ(licence->binding.licences.front().licence_id, "ndff-uitvoerportaal");
    EXPECT_EQ(std::get<double>(licence->binding.licences.front().options.at("cell_size_m")), 5000);
    EXPECT_EQ(runCli({"check", out, "--action", "publish"}).exit_code, 0)
        << "NDFF data aggregated to 5 km may be published";
    EXPECT_NE(runCli({"check", data.path, "--action", "publish"}).exit_code, 0)
        << "the exact observations may not";

    // A stated licence with an attribution duty: the text travels with the output (sidecar).
    const std::string geojson = dir + "/cells.geojson";
    result = runCli({"aggregate", data.path, geojson, "--licence", "cc-by-4.0", "--option",
                     "attribution=© Natuurvereniging"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto attributed = readDatasetLicence(geojson, bundledCatalog());
    ASSERT_TRUE(attributed);
    EXPECT_EQ(attributed->binding.licences.front().licence_id, "cc-by-4.0");
    EXPECT_EQ(attributed->attribution, std::vector<std::string>{"© Natuurvereniging"});
}

} // namespace
} // namespace geolicence::test
