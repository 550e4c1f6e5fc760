// Aggregating within a memory limit: rows that do not fit are sorted, spilled to a temporary
// folder and merged. The merged rows must be the in-memory rows exactly (same cells, groups,
// counts, aggregates to the last bit, same order), whatever the limit, and the folder must be
// gone afterwards.
#include "test_layers.h"
#include "test_support.h"

#include <geolicence/aggregation.h>
#include <geolicence/cell_stream.h>
#include <geolicence/memory_size.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

namespace geolicence::test {
namespace {

namespace fs = std::filesystem;

__extension__ typedef __int128 Int128; // exact sums of doubles below

// Observations with everything the accumulator keeps: a group-by text with nulls, an integer
// count, a real with one or two decimals (its sums are where the order of adding shows), a date.
std::string makeObservations(const std::string& dir, int count, unsigned seed) {
    const std::string path = dir + "/obs.gpkg";
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::int64_t> x_cm(15'000'000, 16'500'000);
    std::uniform_int_distribution<std::int64_t> y_cm(46'000'000, 47'500'000);
    std::uniform_int_distribution<int> species(0, 40);
    std::uniform_int_distribution<int> amount(1, 30);
    std::uniform_int_distribution<int> height_cm(0, 9999);
    std::uniform_int_distribution<int> day(1, 28);
    std::vector<TestFeature> features;
    for (int i = 0; i < count; ++i) {
        std::int64_t x = x_cm(random);
        const std::int64_t y = y_cm(random);
        if (i % 7 == 0) {
            x = x / 100'000 * 100'000; // on a cell edge
        }
        const int s = species(random);
        std::optional<std::string> soort;
        if (s < 40) {
            soort = "soort " + std::to_string(s);
        }
        std::ostringstream height;
        height << height_cm(random) / 100 << "." << height_cm(random) % 100;
        features.push_back(
            {std::make_pair(static_cast<double>(x) / 100.0, static_cast<double>(y) / 100.0),
             "",
             {soort, std::to_string(amount(random)), height.str(),
              "2021-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(day(random) % 10)}});
    }
    writeTestLayer(
        path, "GPKG", 28992,
        {{"soort", OFTString}, {"aantal", OFTInteger}, {"hoogte", OFTReal}, {"datum", OFTDate}},
        features);
    return path;
}

AggregationSpec fullSpec() {
    AggregationSpec spec;
    spec.group_by = {"soort"};
    spec.sum = {"aantal", "hoogte"};
    spec.min = {"hoogte", "datum"};
    spec.max = {"aantal", "datum"};
    spec.min_count = 2;
    return spec;
}

std::string text(const GroupValue& value) {
    if (std::holds_alternative<std::monostate>(value)) {
        return "<null>";
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        return *s;
    }
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*i);
    }
    return std::to_string(std::get<double>(value));
}

// Every row as text, aggregates as their exact bits, in the table's order.
std::vector<std::string> dump(const CellTable& table) {
    std::vector<std::string> rows;
    for (std::size_t i = 0; i < table.size(); ++i) {
        std::ostringstream row;
        row << table.grid().code(table.cell(i)) << "|";
        for (const GroupValue& value : table.groupValues(i)) {
            row << text(value) << "|";
        }
        row << table.count(i);
        for (std::size_t f = 0; f < table.aggregateFields().size(); ++f) {
            const auto value = table.aggregate(i, f);
            if (!value) {
                row << "|null";
            } else if (const auto* real = std::get_if<double>(&*value)) {
                std::uint64_t bits;
                std::memcpy(&bits, real, sizeof bits);
                row << "|" << *real << "#" << std::hex << bits << std::dec;
            } else {
                row << "|" << std::get<std::int64_t>(*value);
            }
        }
        rows.push_back(row.str());
    }
    return rows;
}

std::vector<std::string> entries(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

TEST(MemorySize, BinaryUnitsAsPeopleWriteThem) {
    EXPECT_EQ(parseMemorySize("512M"), std::uint64_t{512} << 20);
    EXPECT_EQ(parseMemorySize("1G"), std::uint64_t{1} << 30);
    EXPECT_EQ(parseMemorySize("64K"), std::uint64_t{64} << 10);
    EXPECT_EQ(parseMemorySize("64k"), std::uint64_t{64} << 10);
    EXPECT_EQ(parseMemorySize("1.5G"), std::uint64_t{3} << 29);
    EXPECT_EQ(parseMemorySize("2GiB"), std::uint64_t{2} << 30);
    EXPECT_EQ(parseMemorySize("300MB"), std::uint64_t{300} << 20);
    EXPECT_EQ(parseMemorySize("1 T"), std::uint64_t{1} << 40);
    EXPECT_EQ(parseMemorySize("1048576"), std::uint64_t{1} << 20);
    for (const char* bad : {"", "M", "0", "0.1", "-1G", "1X", "1GBB", "1iB", "1e9", "1.2.3M",
                            "99999999999999999999", "8E"}) {
        EXPECT_FALSE(parseMemorySize(bad)) << bad;
    }
    EXPECT_EQ(memorySizeText(std::uint64_t{1} << 30), "1 GiB");
    EXPECT_EQ(memorySizeText(std::uint64_t{3} << 29), "1.5 GiB");
    EXPECT_EQ(memorySizeText(65536), "64 KiB");
    EXPECT_EQ(memorySizeText(1000), "1000 bytes");
    EXPECT_EQ(kDefaultMemoryLimit, std::uint64_t{1} << 30);
}

TEST(Spill, MergedRowsAreTheInMemoryRowsExactly) {
    const std::string dir = makeTempDir();
    const std::string path = makeObservations(dir, 40000, 17);
    const std::string spill_dir = dir + "/spill";
    fs::create_directory(spill_dir);

    const AggregationResult memory = aggregateCells({path, "", ""}, fullSpec());
    ASSERT_EQ(memory.spill.runs, 0);
    for (const std::uint64_t limit : {kMinimumMemoryLimit, std::uint64_t{256} << 10}) {
        AggregationOptions options;
        options.memory_limit = limit;
        options.temporary_directory = spill_dir;
        const AggregationResult spilled = aggregateCells({path, "", ""}, fullSpec(), options);
        EXPECT_GT(spilled.spill.runs, 1) << "limit " << limit;
        EXPECT_EQ(dump(spilled.table), dump(memory.table)) << "limit " << limit;
        const AggregationCounts& a = spilled.counts;
        const AggregationCounts& b = memory.counts;
        EXPECT_EQ(a.features_read, b.features_read);
        EXPECT_EQ(a.rows_written, b.rows_written);
        EXPECT_EQ(a.rows_suppressed, b.rows_suppressed);
        EXPECT_EQ(a.observations_written, b.observations_written);
        EXPECT_EQ(a.observations_suppressed, b.observations_suppressed);
        EXPECT_EQ(a.cells_written, b.cells_written);
        EXPECT_TRUE(entries(spill_dir).empty()) << "the temporary folder outlived the run";
    }
    EXPECT_GT(memory.counts.rows_suppressed, 0) << "the data should have rows to suppress";
    EXPECT_GT(memory.table.size(), 1000U);
}

// More runs than are merged at once (64): merged in passes, still the same rows.
TEST(Spill, ManyRunsAreMergedInPasses) {
    const std::string dir = makeTempDir();
    const std::string path = makeObservations(dir, 120000, 23);
    AggregationSpec spec = fullSpec();
    spec.min_count = 1;
    spec.sum = {"hoogte"};
    spec.min.clear();
    spec.max.clear();
    const AggregationResult memory = aggregateCells({path, "", ""}, spec);
    AggregationOptions options;
    options.memory_limit = kMinimumMemoryLimit;
    options.temporary_directory = dir;
    const AggregationResult spilled = aggregateCells({path, "", ""}, spec, options);
    EXPECT_GT(spilled.spill.runs, 64);
    EXPECT_GE(spilled.spill.passes, 1);
    EXPECT_EQ(dump(spilled.table), dump(memory.table));
    EXPECT_EQ(entries(dir), std::vector<std::string>{"obs.gpkg"});
}

// The sum of reals is the exactly rounded sum of the doubles, whatever order they were added
// in: computed here in 128-bit fixed point (the values are below 100 with two decimals, so
// 2^60 times any of them is an integer).
TEST(Spill, SumsOfRealsAreExactlyRoundedInAnyOrder) {
    const std::string dir = makeTempDir();
    const std::string path = dir + "/reals.gpkg";
    std::mt19937_64 random(5);
    // 3,000 cells of 20 values each, in random order: every run holds part of most cells, so
    // the merge adds partial sums where memory added value after value.
    std::uniform_int_distribution<int> cell(0, 2999);
    std::uniform_int_distribution<int> hundredths(1, 9999);
    std::vector<TestFeature> features;
    std::map<std::string, Int128> exact;
    std::map<std::string, double> naive;
    for (int i = 0; i < 60000; ++i) {
        const int c = cell(random);
        const std::string value = std::to_string(hundredths(random) / 100.0);
        features.push_back(
            {std::make_pair(100500.0 + 1000 * (c % 60), 400500.0 + 1000 * (c / 60)), "", {value}});
        const double v = std::stod(value);
        const std::string code = std::to_string(100 + c % 60) + "-" + std::to_string(400 + c / 60);
        exact[code] += static_cast<Int128>(std::ldexp(v, 60));
        naive[code] += v;
    }
    writeTestLayer(path, "GPKG", 28992, {{"hoogte", OFTReal}}, features);
    AggregationSpec spec;
    spec.sum = {"hoogte"};
    AggregationOptions options;
    options.memory_limit = kMinimumMemoryLimit;
    options.temporary_directory = dir;
    const AggregationResult memory = aggregateCells({path, "", ""}, spec);
    const AggregationResult spilled = aggregateCells({path, "", ""}, spec, options);
    ASSERT_GT(spilled.spill.runs, 10);
    ASSERT_EQ(memory.table.size(), exact.size());
    int naive_differs = 0;
    for (std::size_t i = 0; i < memory.table.size(); ++i) {
        const std::string code = memory.table.grid().code(memory.table.cell(i));
        const double expected = std::ldexp(static_cast<double>(exact.at(code)), -60);
        EXPECT_EQ(std::get<double>(*memory.table.aggregate(i, 0)), expected) << code;
        naive_differs += naive.at(code) != expected ? 1 : 0;
    }
    EXPECT_EQ(dump(spilled.table), dump(memory.table));
    // Not a requirement, but what makes this test meaningful: adding in reading order is off.
    EXPECT_GT(naive_differs, 0) << "plain addition happened to be exact for every cell";
}

TEST(Spill, TheStreamHandsOutBlocksAndRemovesItsFolderWhenDestroyed) {
    const std::string dir = makeTempDir();
    const std::string path = makeObservations(dir, 30000, 29);
    const std::string spill_dir = dir + "/spill";
    fs::create_directory(spill_dir);
    AggregationOptions options;
    options.memory_limit = kMinimumMemoryLimit;
    options.temporary_directory = spill_dir;
    AggregationStream stream = openCellStream({path, "", ""}, fullSpec(), options);
    ASSERT_EQ(entries(spill_dir).size(), 1U) << "the runs' folder, while the stream lives";
    EXPECT_EQ(entries(spill_dir)[0].rfind(".geolicence-spill-", 0), 0U) << entries(spill_dir)[0];
    EXPECT_TRUE(entries(spill_dir + "/" + entries(spill_dir)[0]).empty())
        << "run files are unlinked as soon as they are made";
    CellBlock block;
    ASSERT_TRUE(stream.cells->next(block)); // half-read, then dropped (an error while writing)
    stream.cells.reset();
    EXPECT_TRUE(entries(spill_dir).empty());
}

TEST(Spill, CancelledWhileSpillingLeavesNoFolder) {
    const std::string dir = makeTempDir();
    const std::string path = makeObservations(dir, 60000, 31);
    const std::string spill_dir = dir + "/spill";
    fs::create_directory(spill_dir);
    AggregationOptions options;
    options.memory_limit = kMinimumMemoryLimit;
    options.temporary_directory = spill_dir;
    bool folder_seen = false;
    int calls = 0;
    EXPECT_THROW(aggregateCells({path, "", ""}, fullSpec(), options,
                                [&](double) {
                                    folder_seen = folder_seen || !entries(spill_dir).empty();
                                    return !folder_seen || ++calls < 3;
                                }),
                 Cancelled);
    EXPECT_TRUE(folder_seen) << "the run was cancelled before it spilled";
    EXPECT_TRUE(entries(spill_dir).empty());
}

} // namespace
} // namespace geolicence::test
