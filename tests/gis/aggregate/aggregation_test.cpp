// The aggregation core against independent computations: integer brute force on generated
// points, per-point PROJ for reprojected input, and exact accounting of every feature read.
#include "test_layers.h"
#include "test_support.h"

#include <geolicence/aggregation.h>

#include <gtest/gtest.h>

#include <cmath>
#include <gdal_priv.h>
#include <map>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <random>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace geolicence::test {
namespace {

const std::vector<std::string> kSpecies = {"Parus major", "Bufo bufo", "Erinaceus europaeus",
                                           "Lutra lutra", "Myotis dasycneme"};

struct Expected {
    std::int64_t count = 0;
    std::int64_t sum = 0;

    bool operator==(const Expected& other) const {
        return count == other.count && sum == other.sum;
    }
};

std::ostream& operator<<(std::ostream& out, const Expected& row) {
    return out << "{n=" << row.count << " sum=" << row.sum << "}";
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::string groupText(const GroupValue& value) {
    if (std::holds_alternative<std::monostate>(value)) {
        return "<null>";
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*integer);
    }
    return std::to_string(std::get<double>(value));
}

// code|group -> count and (first aggregate as integer) sum.
std::map<std::string, Expected> rowsOf(const CellTable& table) {
    std::map<std::string, Expected> rows;
    for (std::size_t i = 0; i < table.size(); ++i) {
        std::string key = table.grid().code(table.cell(i));
        for (const GroupValue& value : table.groupValues(i)) {
            key += "|" + groupText(value);
        }
        Expected& row = rows[key];
        EXPECT_EQ(row.count, 0) << "row " << key << " appears twice";
        row.count = table.count(i);
        if (!table.aggregateFields().empty()) {
            if (const auto value = table.aggregate(i, 0)) {
                row.sum = std::get<std::int64_t>(*value);
            }
        }
    }
    return rows;
}

// Only the differences, so a failure shows what went wrong rather than two long maps.
std::string differences(const std::map<std::string, Expected>& actual,
                        const std::map<std::string, Expected>& expected) {
    std::ostringstream out;
    int shown = 0;
    for (const auto& [key, row] : expected) {
        const auto found = actual.find(key);
        if ((found == actual.end() || !(found->second == row)) && shown++ < 10) {
            out << "  " << key << ": expected " << row << ", got "
                << (found == actual.end() ? std::string("nothing") : "other") << "\n";
        }
    }
    for (const auto& [key, row] : actual) {
        if (expected.count(key) == 0 && shown++ < 20) {
            out << "  " << key << ": unexpected " << row << "\n";
        }
    }
    return out.str();
}

#define EXPECT_ROWS(actual, expected)                                                              \
    do {                                                                                           \
        const auto actual_rows = (actual);                                                         \
        EXPECT_TRUE(actual_rows == (expected)) << differences(actual_rows, (expected));            \
    } while (false)

struct Generated {
    std::string path;
    std::map<std::string, Expected> expected; // RD 1 km, grouped by soort, sum of aantal
    std::int64_t features = 0;
};

// Points in millimetres, so the expected cell is integer arithmetic and owes nothing to the
// floating point code under test; one in ten lies exactly on a cell edge or corner.
Generated generateRdPoints(const std::string& dir, int count, std::int64_t cell_size_m,
                           unsigned seed, bool null_species = true) {
    Generated out;
    out.path = dir + "/points.gpkg";
    std::mt19937_64 random(seed);
    // Inside the projected area of use of EPSG:28992 (x 646..284347, y 306671..637111), also
    // after moving a point down to a cell edge.
    std::uniform_int_distribution<std::int64_t> x_mm(13'000'000, 278'000'000);
    std::uniform_int_distribution<std::int64_t> y_mm(320'000'000, 620'000'000);
    std::uniform_int_distribution<int> species(0, static_cast<int>(kSpecies.size()) -
                                                      (null_species ? 0 : 1));
    std::uniform_int_distribution<int> amount(1, 50);
    std::vector<TestFeature> features;
    const std::int64_t size_mm = cell_size_m * 1000;
    for (int i = 0; i < count; ++i) {
        std::int64_t x = x_mm(random);
        std::int64_t y = y_mm(random);
        if (i % 10 == 0) {
            x = x / size_mm * size_mm;
        }
        if (i % 20 == 0) {
            y = y / size_mm * size_mm;
        }
        const int s = species(random);
        const int a = amount(random);
        std::optional<std::string> soort;
        if (s < static_cast<int>(kSpecies.size())) {
            soort = kSpecies[s];
        }
        features.push_back(
            {std::make_pair(static_cast<double>(x) / 1000.0, static_cast<double>(y) / 1000.0),
             "",
             {soort, std::to_string(a), "observer " + std::to_string(i)}});
        const std::int64_t column = floorDiv(x, size_mm);
        const std::int64_t row = floorDiv(y, size_mm);
        const std::string key = std::to_string(column * cell_size_m / 1000) + "-" +
                                std::to_string(row * cell_size_m / 1000) + "|" +
                                (soort ? *soort : "<null>");
        ++out.expected[key].count;
        out.expected[key].sum += a;
    }
    writeTestLayer(out.path, "GPKG", 28992,
                   {{"soort", OFTString}, {"aantal", OFTInteger}, {"waarnemer", OFTString}},
                   features);
    out.features = count;
    return out;
}

AggregationSpec rdSpec(std::int64_t cell_size = 1000) {
    AggregationSpec spec;
    spec.grid = GridKind::Rd;
    spec.cell_size_m = cell_size;
    spec.group_by = {"soort"};
    spec.sum = {"aantal"};
    return spec;
}

TEST(Aggregation, EqualsIntegerBruteForce) {
    const std::string dir = makeTempDir();
    const Generated data = generateRdPoints(dir, 30000, 1000, 7);
    const AggregationResult result = aggregateCells({data.path, "", ""}, rdSpec());
    EXPECT_ROWS(rowsOf(result.table), data.expected);
    EXPECT_EQ(result.counts.features_read, data.features);
    EXPECT_EQ(result.counts.features_used, data.features);
    EXPECT_EQ(result.counts.observations_written, data.features);
    EXPECT_EQ(result.counts.rows_written, static_cast<std::int64_t>(data.expected.size()));
    EXPECT_EQ(result.layer, "points");
}

// The query a GIS analyst would otherwise run (README.md, Performance: the peer of the bench).
TEST(Aggregation, EqualsTheOgr2ogrSqliteGroupBy) {
    const std::string dir = makeTempDir();
    const Generated data = generateRdPoints(dir, 20000, 1000, 21);
    const std::string out = dir + "/sql.gpkg";
    const std::string sql =
        "SELECT CAST(floor(ST_X(geom) / 1000) AS INTEGER) AS cx, "
        "CAST(floor(ST_Y(geom) / 1000) AS INTEGER) AS cy, soort, count(*) AS n, "
        "sum(aantal) AS s FROM points GROUP BY cx, cy, soort";
    const auto [status, text] = runShell("ogr2ogr -f GPKG -nln sql " + out + " " + data.path +
                                         " -dialect SQLite -sql \"" + sql + "\" 2>&1");
    ASSERT_EQ(status, 0) << text;
    std::map<std::string, Expected> expected;
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(dataset);
    for (auto& feature : dataset->GetLayer(0)) {
        const std::string soort = feature->IsFieldNull(2) ? "<null>" : feature->GetFieldAsString(2);
        expected[std::to_string(feature->GetFieldAsInteger64(0)) + "-" +
                 std::to_string(feature->GetFieldAsInteger64(1)) + "|" + soort] = {
            feature->GetFieldAsInteger64(3), feature->GetFieldAsInteger64(4)};
    }
    EXPECT_EQ(expected, data.expected) << "the two independent computations disagree";
    const AggregationResult result = aggregateCells({data.path, "", ""}, rdSpec());
    EXPECT_ROWS(rowsOf(result.table), expected);
}

// Every observation counts: points in the grid's own CRS go to their cell wherever they are. NDFF
// data reaches into the Dutch part of the North Sea, far north of RD's EPSG area of use (x 646 ..
// 284,347, y 306,671 .. 637,111); a third of these points lie outside it, west of its origin
// (negative x) or north of it. GDAL's SQLite dialect, grouping on floor(x / 1000), floor(y /
// 1000) on the same file, must give the same groups with the same counts and sums.
TEST(Aggregation, EveryPointCountsAsInGdalSqliteGroupBy) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/noordzee.gpkg";
    std::mt19937_64 random(77);
    std::uniform_int_distribution<std::int64_t> x_mm(-60'000'000, 340'000'000);
    std::uniform_int_distribution<std::int64_t> y_mm(280'000'000, 880'000'000);
    std::uniform_int_distribution<int> species(0, 4);
    std::uniform_int_distribution<int> amount(1, 50);
    std::vector<TestFeature> features;
    std::map<std::string, Expected> brute_force;
    int outside_area = 0;
    for (int i = 0; i < 20000; ++i) {
        std::int64_t x = x_mm(random);
        std::int64_t y = y_mm(random);
        if (i % 10 == 0) {
            x = x / 1'000'000 * 1'000'000;
        }
        if (i % 15 == 0) {
            y = y / 1'000'000 * 1'000'000;
        }
        const std::string soort = kSpecies[species(random)];
        const int a = amount(random);
        features.push_back(
            {std::make_pair(static_cast<double>(x) / 1000.0, static_cast<double>(y) / 1000.0),
             "",
             {soort, std::to_string(a)}});
        outside_area += (x < 646'000 || x > 284'347'000 || y < 306'671'000 || y > 637'111'000);
        Expected& row = brute_force[std::to_string(floorDiv(x, 1'000'000)) + "-" +
                                    std::to_string(floorDiv(y, 1'000'000)) + "|" + soort];
        ++row.count;
        row.sum += a;
    }
    ASSERT_GT(outside_area, 5000);
    writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}, {"aantal", OFTInteger}}, features);

    const std::string out = dir + "/sql.gpkg";
    const std::string sql =
        "SELECT CAST(floor(ST_X(geom) / 1000) AS INTEGER) AS cx, "
        "CAST(floor(ST_Y(geom) / 1000) AS INTEGER) AS cy, soort, count(*) AS n, "
        "sum(aantal) AS s FROM noordzee GROUP BY floor(ST_X(geom) / 1000), "
        "floor(ST_Y(geom) / 1000), soort";
    const auto [status, message] = runShell("ogr2ogr -f GPKG -nln sql " + out + " " + path +
                                            " -dialect SQLite -sql \"" + sql + "\" 2>&1");
    ASSERT_EQ(status, 0) << message;
    std::map<std::string, Expected> sqlite;
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(dataset);
    for (auto& feature : dataset->GetLayer(0)) {
        sqlite[std::to_string(feature->GetFieldAsInteger64(0)) + "-" +
               std::to_string(feature->GetFieldAsInteger64(1)) + "|" +
               feature->GetFieldAsString(2)] = {feature->GetFieldAsInteger64(3),
                                                feature->GetFieldAsInteger64(4)};
    }
    EXPECT_EQ(sqlite, brute_force) << "SQLite and integer arithmetic disagree";

    const AggregationResult result = aggregateCells({path, "", ""}, rdSpec());
    EXPECT_ROWS(rowsOf(result.table), sqlite);
    EXPECT_EQ(result.counts.features_used, 20000);
    EXPECT_EQ(result.counts.skipped.total(), 0);
    EXPECT_EQ(result.counts.outside_area, 0) << "no transformation, so no area of use";
    EXPECT_TRUE(result.warnings.empty());
}

// Transformed points count too when PROJ takes them outside the grid CRS's area of use (here
// WGS 84 points over the North Sea, north of RD's area), with a warning and their number.
TEST(Aggregation, TransformedPointsOutsideTheAreaOfUseCountWithAWarning) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/wgs84.gpkg";
    std::mt19937_64 random(8);
    std::uniform_real_distribution<double> lon(3.0, 7.0);
    std::uniform_real_distribution<double> lat(51.0, 55.8);
    std::vector<TestFeature> features;
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < 3000; ++i) {
        points.emplace_back(lon(random), lat(random));
        features.push_back({points.back(), "", {}});
    }
    writeTestLayer(path, "GPKG", 4326, {}, features);

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference rd;
    rd.importFromEPSG(28992);
    rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&wgs84, &rd));
    std::map<std::string, Expected> expected;
    std::int64_t outside = 0;
    for (auto [x, y] : points) {
        ASSERT_TRUE(transform->Transform(1, &x, &y));
        outside += (x < 646.36 || x > 284347.0 || y < 306602.42 || y > 637111.0) ? 1 : 0;
        ++expected[std::to_string(static_cast<long long>(std::floor(x / 1000))) + "-" +
                   std::to_string(static_cast<long long>(std::floor(y / 1000)))]
              .count;
    }
    ASSERT_GT(outside, 500);
    const AggregationResult result = aggregateCells({path, "", ""}, AggregationSpec{});
    EXPECT_ROWS(rowsOf(result.table), expected);
    EXPECT_EQ(result.counts.features_used, 3000);
    EXPECT_NEAR(static_cast<double>(result.counts.outside_area), static_cast<double>(outside), 5);
    ASSERT_EQ(result.warnings.size(), 1U);
    EXPECT_NE(result.warnings[0].find(std::to_string(result.counts.outside_area) +
                                      " features lie outside the area of use of EPSG:28992"),
              std::string::npos)
        << result.warnings[0];
}

// Hundreds of thousands of output rows: the accumulator's arrays span several of their 2 MiB
// chunks and the hash table grows many times; the rows must still equal integer brute force and
// come in output order (cell column, cell row, then group value), which the radix sort makes.
TEST(Aggregation, ManyRowsAreExactAndInOutputOrder) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/many.gpkg";
    std::mt19937_64 random(99);
    std::uniform_int_distribution<std::int64_t> x_mm(13'000'000, 278'000'000);
    std::uniform_int_distribution<std::int64_t> y_mm(320'000'000, 620'000'000);
    std::uniform_int_distribution<int> species(0, 4999);
    std::vector<TestFeature> features;
    std::map<std::string, Expected> expected;
    for (int i = 0; i < 300000; ++i) {
        const std::int64_t x = x_mm(random);
        const std::int64_t y = y_mm(random);
        const std::string soort = "soort " + std::to_string(species(random));
        features.push_back(
            {std::make_pair(static_cast<double>(x) / 1000.0, static_cast<double>(y) / 1000.0),
             "",
             {soort, "1"}});
        Expected& row = expected[std::to_string(floorDiv(x, 1'000'000)) + "-" +
                                 std::to_string(floorDiv(y, 1'000'000)) + "|" + soort];
        ++row.count;
        ++row.sum;
    }
    writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}, {"aantal", OFTInteger}}, features);
    const AggregationResult result = aggregateCells({path, "", ""}, rdSpec());
    ASSERT_GT(result.table.size(), 250000U);
    EXPECT_ROWS(rowsOf(result.table), expected);
    for (std::size_t i = 1; i < result.table.size(); ++i) {
        const CellIndex a = result.table.cell(i - 1);
        const CellIndex b = result.table.cell(i);
        const auto key = [](const CellIndex& c, const std::vector<GroupValue>& g) {
            return std::make_tuple(c.column, c.row, g);
        };
        ASSERT_LT(key(a, result.table.groupValues(i - 1)), key(b, result.table.groupValues(i)))
            << "rows " << i - 1 << " and " << i << " are out of order";
    }
}

TEST(Aggregation, UurhokkenOfFiveKilometres) {
    const std::string dir = makeTempDir();
    const Generated data = generateRdPoints(dir, 5000, 5000, 11);
    const AggregationResult result = aggregateCells({data.path, "", ""}, rdSpec(5000));
    EXPECT_ROWS(rowsOf(result.table), data.expected);
}

TEST(Aggregation, PointsOnEdgesAndCornersGoUpAndRight) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/edges.gpkg";
    writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}},
                   {{std::make_pair(155000.0, 463000.0), "", {"a"}},
                    {std::make_pair(155999.999, 463999.999), "", {"a"}},
                    {std::make_pair(156000.0, 463500.0), "", {"a"}},
                    {std::make_pair(155500.0, 464000.0), "", {"a"}},
                    {std::make_pair(std::nextafter(155000.0, 0.0), 463000.0), "", {"a"}}});
    AggregationSpec spec;
    const AggregationResult result = aggregateCells({path, "", ""}, spec);
    std::map<std::string, std::int64_t> counts;
    for (std::size_t i = 0; i < result.table.size(); ++i) {
        counts[result.table.grid().code(result.table.cell(i))] = result.table.count(i);
    }
    const std::map<std::string, std::int64_t> expected = {
        {"154-463", 1}, {"155-463", 2}, {"156-463", 1}, {"155-464", 1}};
    EXPECT_EQ(counts, expected);
}

TEST(Aggregation, NegativeCoordinatesOnTheEeaGrid) {
    // EPSG:3035's area of use reaches west of its false origin, so eastings there are negative.
    const std::string dir = makeTempDir();
    const std::string path = dir + "/atlantic.gpkg";
    writeTestLayer(path, "GPKG", 3035, {},
                   {{std::make_pair(-0.5, 3150000.0), "", {}},
                    {std::make_pair(-1000.0, 3150000.0), "", {}},
                    {std::make_pair(-1000.001, 3150000.0), "", {}},
                    {std::make_pair(0.0, 3150000.0), "", {}}});
    AggregationSpec spec;
    spec.grid = GridKind::Eea;
    const AggregationResult result = aggregateCells({path, "", ""}, spec);
    std::map<std::string, std::int64_t> counts;
    for (std::size_t i = 0; i < result.table.size(); ++i) {
        counts[result.table.grid().shortCode(result.table.cell(i))] = result.table.count(i);
    }
    const std::map<std::string, std::int64_t> expected = {
        {"1kmE-1N3150", 2}, {"1kmE-2N3150", 1}, {"1kmE0N3150", 1}};
    EXPECT_EQ(counts, expected);
}

// Cell numbers beyond 32 bits (more than 2 million km out on a 1 km grid) are no place on Earth:
// skipped as out of range, never wrapped round into a real cell.
TEST(Aggregation, CellsBeyond32BitsAreOutOfRangeNotWrapped) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/far.gpkg";
    writeTestLayer(path, "GPKG", 28992, {},
                   {{std::make_pair(1e15, 463000.0), "", {}},
                    {std::make_pair(155000.0, -1e300), "", {}},
                    {std::make_pair(4294967296.0 * 1000 + 155000, 463000.0), "", {}},
                    {std::make_pair(155000.0, 463000.0), "", {}}});
    const AggregationResult result = aggregateCells({path, "", ""}, AggregationSpec{});
    EXPECT_EQ(result.counts.skipped.out_of_range, 3);
    ASSERT_EQ(result.table.size(), 1U);
    EXPECT_EQ(result.table.grid().code(result.table.cell(0)), "155-463");
}

TEST(Aggregation, ConservationWithUnusableGeometries) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/mixed.gpkg";
    const double nan = std::nan("");
    const double inf = INFINITY;
    writeTestLayer(
        path, "GPKG", 28992, {{"soort", OFTString}},
        {
            {std::make_pair(155100.0, 463100.0), "", {"a"}}, // used
            {std::nullopt, "", {"a"}},                       // null geometry
            {std::nullopt, "POINT EMPTY", {"a"}},            // empty
            {std::nullopt, "POLYGON EMPTY", {"a"}},          // empty
            // GDAL's GeoPackage writer stores a point with one NaN as POINT EMPTY.
            {std::make_pair(nan, 463100.0), "", {"a"}},  // empty
            {std::make_pair(155100.0, inf), "", {"a"}},  // non-finite
            {std::make_pair(-inf, 463100.0), "", {"a"}}, // non-finite
            {std::make_pair(-5e6, 463100.0), "", {"a"}}, // used: far from RD's area, counted
            {std::nullopt,
             "POLYGON ((155000 463000,156000 464000,156000 463000,155000 464000,"
             "155000 463000))",
             {"a"}}, // bow-tie: invalid
            {std::nullopt,
             "POLYGON ((155100 463100,155900 463100,155900 463900,155100 463900,155100 463100))",
             {"a"}}, // used, centroid in 155-463
            {std::nullopt, "LINESTRING (154100 463500,154900 463500)", {"b"}}, // used: 154-463
        });
    const AggregationResult result = aggregateCells({path, "", ""}, AggregationSpec{});
    const AggregationCounts& c = result.counts;
    EXPECT_EQ(c.features_read, 11);
    EXPECT_EQ(c.skipped.null_geometry, 1);
    EXPECT_EQ(c.skipped.empty, 3);
    EXPECT_EQ(c.skipped.non_finite, 2);
    EXPECT_EQ(c.skipped.out_of_range, 0);
    EXPECT_EQ(c.skipped.invalid, 1);
    EXPECT_EQ(c.skipped.transform_failed, 0);
    EXPECT_EQ(c.features_used, 4);
    EXPECT_EQ(c.outside_area, 0) << "no transformation, so the area of use plays no part";
    EXPECT_EQ(c.features_read, c.features_used + c.skipped.total());
    EXPECT_EQ(c.observations_written + c.observations_suppressed, c.features_used);
}

TEST(Aggregation, ReprojectsLonLatInputWithXyAxisOrder) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/wgs84.gpkg";
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> lon(3.4, 7.1);
    std::uniform_real_distribution<double> lat(50.8, 53.5);
    std::vector<TestFeature> features;
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < 5000; ++i) {
        points.emplace_back(lon(random), lat(random));
        features.push_back({points.back(), "", {}});
    }
    writeTestLayer(path, "GPKG", 4326, {}, features);

    // Expected: each point on its own through OGR, then the floor rule in long double.
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference rd;
    rd.importFromEPSG(28992);
    rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&wgs84, &rd));
    std::map<std::string, Expected> expected;
    for (auto [x, y] : points) {
        ASSERT_TRUE(transform->Transform(1, &x, &y));
        const auto column = static_cast<long long>(std::floor(static_cast<long double>(x) / 1000));
        const auto row = static_cast<long long>(std::floor(static_cast<long double>(y) / 1000));
        ++expected[std::to_string(column) + "-" + std::to_string(row)].count;
    }
    const AggregationResult result = aggregateCells({path, "", ""}, AggregationSpec{});
    EXPECT_ROWS(rowsOf(result.table), expected);
    EXPECT_EQ(result.counts.features_used, 5000);
}

TEST(Aggregation, StatedCrsWhenTheSourceHasNone) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/nocrs.gpkg";
    writeTestLayer(path, "GPKG", 0, {}, {{std::make_pair(155100.0, 463100.0), "", {}}});
    try {
        aggregateCells({path, "", ""}, AggregationSpec{});
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("coordinate reference system"), std::string::npos);
    }
    const AggregationResult result = aggregateCells({path, "", "EPSG:28992"}, AggregationSpec{});
    ASSERT_EQ(result.table.size(), 1U);
    EXPECT_EQ(result.table.grid().code(result.table.cell(0)), "155-463");
}

TEST(Aggregation, MinCountSuppressesRowsAndCountsThem) {
    const std::string dir = makeTempDir();
    const Generated data = generateRdPoints(dir, 3000, 10000, 5);
    AggregationSpec spec = rdSpec(10000);
    spec.min_count = 3;
    const AggregationResult result = aggregateCells({data.path, "", ""}, spec);
    std::map<std::string, Expected> expected;
    std::int64_t suppressed_rows = 0;
    std::int64_t suppressed = 0;
    for (const auto& [key, row] : data.expected) {
        if (row.count >= 3) {
            expected[key] = row;
        } else {
            ++suppressed_rows;
            suppressed += row.count;
        }
    }
    ASSERT_GT(suppressed_rows, 0) << "the test data should have rows to suppress";
    EXPECT_ROWS(rowsOf(result.table), expected);
    EXPECT_EQ(result.counts.rows_suppressed, suppressed_rows);
    EXPECT_EQ(result.counts.observations_suppressed, suppressed);
    EXPECT_EQ(result.counts.observations_written + result.counts.observations_suppressed,
              result.counts.features_used);
}

TEST(Aggregation, MinAndMaxOfNumbersAndDates) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/dated.gpkg";
    writeTestLayer(
        path, "GPKG", 28992, {{"datum", OFTDate}, {"hoogte", OFTReal}, {"aantal", OFTInteger}},
        {{std::make_pair(155100.0, 463100.0), "", {"2021-05-04", "1.5", "3"}},
         {std::make_pair(155200.0, 463200.0), "", {"2019-12-31", "-2.25", std::nullopt}},
         {std::make_pair(155300.0, 463300.0), "", {std::nullopt, "7", "4"}},
         {std::make_pair(157300.0, 463300.0), "", {std::nullopt, std::nullopt, std::nullopt}}});
    AggregationSpec spec;
    spec.min = {"datum", "hoogte"};
    spec.max = {"datum", "hoogte"};
    spec.sum = {"aantal", "hoogte"};
    const AggregationResult result = aggregateCells({path, "", ""}, spec);
    const CellTable& table = result.table;
    ASSERT_EQ(table.size(), 2U);
    std::vector<std::string> names;
    for (const AggregateField& field : table.aggregateFields()) {
        names.push_back(field.name);
    }
    const std::vector<std::string> expected_names = {"sum_aantal", "sum_hoogte", "min_datum",
                                                     "min_hoogte", "max_datum",  "max_hoogte"};
    ASSERT_EQ(names, expected_names);
    EXPECT_EQ(table.aggregateFields()[0].kind, FieldKind::Integer64);
    EXPECT_EQ(table.aggregateFields()[2].kind, FieldKind::Date);
    EXPECT_EQ(std::get<std::int64_t>(*table.aggregate(0, 0)), 7);
    EXPECT_DOUBLE_EQ(std::get<double>(*table.aggregate(0, 1)), 6.25);
    EXPECT_EQ(std::get<std::int64_t>(*table.aggregate(0, 2)), 18261); // 2019-12-31
    EXPECT_DOUBLE_EQ(std::get<double>(*table.aggregate(0, 3)), -2.25);
    EXPECT_EQ(std::get<std::int64_t>(*table.aggregate(0, 4)), 18751); // 2021-05-04
    EXPECT_DOUBLE_EQ(std::get<double>(*table.aggregate(0, 5)), 7);
    for (std::size_t field = 0; field < 6; ++field) {
        EXPECT_FALSE(table.aggregate(1, field)) << "all null: no value, field " << field;
    }
}

TEST(Aggregation, IntersectsCountsEveryCellReached) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/lines.gpkg";
    writeTestLayer(
        path, "GPKG", 28992, {},
        {// crosses 155, 156 and 157 in row 463
         {std::nullopt, "LINESTRING (155500 463500,157500 463500)", {}},
         // runs along the edge between rows 463 and 464 only
         {std::nullopt, "LINESTRING (158100 464000,158900 464000)", {}},
         // a square exactly on cell 160-463: its edges touch neighbours only
         {std::nullopt,
          "POLYGON ((160000 463000,161000 463000,161000 464000,160000 464000,"
          "160000 463000))",
          {}},
         {std::nullopt, "MULTIPOINT ((162100 463100),(162200 463200),(163000 463000))", {}}});
    AggregationSpec spec;
    spec.assign = Assignment::Intersects;
    const AggregationResult result = aggregateCells({path, "", ""}, spec);
    std::map<std::string, std::int64_t> counts;
    for (std::size_t i = 0; i < result.table.size(); ++i) {
        counts[result.table.grid().code(result.table.cell(i))] = result.table.count(i);
    }
    const std::map<std::string, std::int64_t> expected = {
        {"155-463", 1}, {"156-463", 1}, {"157-463", 1}, {"158-464", 1},
        {"160-463", 1}, {"162-463", 1}, {"163-463", 1}};
    EXPECT_EQ(counts, expected);
    EXPECT_EQ(result.counts.features_used, 4);
    EXPECT_EQ(result.counts.observations, 7);
    EXPECT_EQ(result.counts.larger_than_cell, 1) << "the long line";
}

TEST(Aggregation, CentroidCountsEachFeatureOnceAndReportsLargeOnes) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/lines.gpkg";
    writeTestLayer(path, "GPKG", 28992, {},
                   {{std::nullopt, "LINESTRING (155500 463500,157500 463500)", {}}});
    const AggregationResult result = aggregateCells({path, "", ""}, AggregationSpec{});
    ASSERT_EQ(result.table.size(), 1U);
    EXPECT_EQ(result.table.grid().code(result.table.cell(0)), "156-463");
    EXPECT_EQ(result.counts.larger_than_cell, 1);
    ASSERT_EQ(result.warnings.size(), 1U);
    EXPECT_NE(result.warnings[0].find("larger than a cell"), std::string::npos);
}

TEST(Aggregation, WarnsAboutLocationRevealingGroupBy) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/revealing.gpkg";
    writeTestLayer(path, "GPKG", 28992,
                   {{"postcode", OFTString}, {"plek", OFTString}, {"soort", OFTString}},
                   {{std::make_pair(155100.0, 463100.0), "", {"3811 AB", "Dorpsstraat 12", "a"}},
                    {std::make_pair(155200.0, 463100.0), "", {"3812AC", "Kerkweg 3a", "b"}}});
    AggregationSpec spec;
    spec.group_by = {"postcode", "plek", "soort"};
    const AggregationResult result = aggregateCells({path, "", ""}, spec);
    ASSERT_EQ(result.warnings.size(), 2U);
    EXPECT_NE(result.warnings[0].find("\"postcode\""), std::string::npos) << result.warnings[0];
    EXPECT_NE(result.warnings[1].find("\"plek\""), std::string::npos) << result.warnings[1];
    EXPECT_NE(result.warnings[1].find("street addresses"), std::string::npos);
}

TEST(Aggregation, MissingOrUnfitFieldsNameTheFile) {
    const std::string dir = makeTempDir();
    const Generated data = generateRdPoints(dir, 10, 1000, 1);
    AggregationSpec spec;
    spec.group_by = {"sort"};
    try {
        aggregateCells({data.path, "", ""}, spec);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), data.path + ": has no field \"sort\" (its fields: "
                                                     "soort, aantal, waarnemer)");
    }
    spec.group_by.clear();
    spec.sum = {"soort"};
    EXPECT_THROW(aggregateCells({data.path, "", ""}, spec), InputError);
    EXPECT_THROW(aggregateCells({dir + "/missing.gpkg", "", ""}, AggregationSpec{}), InputError);
    EXPECT_THROW(aggregateCells({data.path, "nolayer", ""}, AggregationSpec{}), InputError);
}

TEST(Aggregation, SpecProblems) {
    AggregationSpec spec;
    EXPECT_TRUE(specProblems(spec).empty());
    spec.group_by = {"n_obs"};
    EXPECT_EQ(specProblems(spec).size(), 1U);
    spec.group_by = {"soort", "SOORT"};
    EXPECT_EQ(specProblems(spec).size(), 1U);
    spec.group_by.clear();
    spec.cell_size_m = 500;
    spec.min_count = 0;
    EXPECT_EQ(specProblems(spec).size(), 2U);
    EXPECT_THROW(aggregateCells({"x.gpkg", "", ""}, spec), std::invalid_argument);
}

TEST(Aggregation, CancelledThroughTheProgressCallback) {
    const std::string dir = makeTempDir();
    const Generated data = generateRdPoints(dir, 200000, 1000, 9);
    int calls = 0;
    EXPECT_THROW(
        aggregateCells({data.path, "", ""}, rdSpec(), [&calls](double) { return ++calls < 2; }),
        Cancelled);
    double last = -1;
    bool monotone = true;
    aggregateCells({data.path, "", ""}, rdSpec(), [&](double fraction) {
        monotone = monotone && fraction >= last && fraction <= 1.0;
        last = fraction;
        return true;
    });
    EXPECT_TRUE(monotone);
    EXPECT_EQ(last, 1.0);
}

TEST(Aggregation, ReadsShapefileCsvAndGeoJson) {
    const std::string dir = makeTempDir();
    // Shapefile and CSV have no null text, so no null species here.
    const Generated data = generateRdPoints(dir, 2000, 1000, 13, false);
    for (const auto& [driver, file] :
         std::vector<std::pair<std::string, std::string>>{{"ESRI Shapefile", "/points.shp"},
                                                          {"GeoJSON", "/points.geojson"},
                                                          {"FlatGeobuf", "/points.fgb"}}) {
        const std::string out = dir + file;
        const auto [status, text] =
            runShell("ogr2ogr -f '" + driver + "' " + out + " " + data.path + " 2>&1");
        ASSERT_EQ(status, 0) << text;
        const AggregationResult result = aggregateCells({out, "", ""}, rdSpec());
        EXPECT_EQ(rowsOf(result.table), data.expected) << driver;
    }
    // CSV with X/Y columns and no CRS: the CRS is stated.
    const std::string csv = dir + "/points.csv";
    const auto [status, text] = runShell("ogr2ogr -f CSV " + csv + " " + data.path +
                                         " -lco GEOMETRY=AS_XY -lco CREATE_CSVT=YES 2>&1");
    ASSERT_EQ(status, 0) << text;
    const AggregationResult result = aggregateCells({csv, "", "EPSG:28992"}, rdSpec());
    EXPECT_ROWS(rowsOf(result.table), data.expected);
    // CSV with a WKT column.
    const std::string wkt = dir + "/wkt.csv";
    const auto [wkt_status, wkt_text] = runShell("ogr2ogr -f CSV " + wkt + " " + data.path +
                                                 " -lco GEOMETRY=AS_WKT -lco CREATE_CSVT=YES 2>&1");
    ASSERT_EQ(wkt_status, 0) << wkt_text;
    const AggregationResult from_wkt = aggregateCells({wkt, "", "EPSG:28992"}, rdSpec());
    EXPECT_ROWS(rowsOf(from_wkt.table), data.expected);
}

} // namespace
} // namespace geolicence::test
