#include "test_support.h"

#include <geolicence/aggregation_job.h>
#include <geolicence/errors.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace geolicence::test {
namespace {

// Answers what validate asks of the files without opening any: the licence the input "carries"
// and the output driver, or an unreadable input.
class FixedInspector : public JobInspector {
public:
    std::optional<LicenceBinding> carried;
    bool unreadable = false;
    mutable int input_reads = 0;

    std::optional<LicenceBinding> inputLicence(const Catalog&,
                                               const AggregationInput& input) const override {
        ++input_reads;
        if (unreadable) {
            throw InputError(input.source + ": not a dataset");
        }
        return carried;
    }
    std::string outputDriver(const std::filesystem::path&,
                             const std::string& format) const override {
        return format.empty() ? "GPKG" : format;
    }
};

class AggregationJobTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = makeTempDir();
        std::ofstream(dir_ + "/obs.gpkg") << "stand-in";
        job_.input.source = dir_ + "/obs.gpkg";
        job_.output = dir_ + "/cells.gpkg";
    }
    AggregationJob::Validation validate() const {
        return job_.validate(bundledCatalog(), inspector_);
    }
    std::string dir_;
    AggregationJob job_;
    FixedInspector inspector_;
};

TEST_F(AggregationJobTest, ACleanJobBecomesTheRequestToRun) {
    job_.grid = "eea";
    job_.cell_size_m = 5000;
    job_.group_by = {"soort"};
    job_.sum = {"aantal"};
    job_.min_count = 3;
    job_.assign = "intersects";
    job_.memory_limit = "512M";
    job_.licence_id = "cc-by-4.0";
    const auto validation = validate();
    ASSERT_TRUE(validation.ok()) << validation.problems.front().message;
    const AggregationRequest& request = validation.request;
    EXPECT_EQ(request.spec.grid, GridKind::Eea);
    EXPECT_EQ(request.spec.cell_size_m, 5000);
    EXPECT_EQ(request.spec.assign, Assignment::Intersects);
    EXPECT_EQ(request.spec.min_count, 3);
    EXPECT_EQ(request.options.memory_limit, std::uint64_t{512} << 20);
    EXPECT_EQ(request.format, "GPKG");
    ASSERT_TRUE(request.licence);
    EXPECT_EQ(request.licence->licences.front().licence_id, "cc-by-4.0");
    EXPECT_EQ(inspector_.input_reads, 0); // a stated licence is not looked for in the input
}

TEST_F(AggregationJobTest, UsageProblemsAreTaggedUsage) {
    const auto kindOf = [this](const auto& change) {
        AggregationJob saved = job_;
        change(job_);
        const auto validation = validate();
        job_ = saved;
        return validation.ok() ? std::string("ok")
               : validation.problems.front().kind == JobProblem::Kind::Usage
                   ? "usage: " + validation.problems.front().message
                   : "other: " + validation.problems.front().message;
    };
    EXPECT_EQ(kindOf([](AggregationJob&) {}), "ok");
    EXPECT_EQ(
        kindOf([](AggregationJob& j) { j.memory_limit = "12"; }).rfind("usage: --memory-limit", 0),
        0U);
    EXPECT_EQ(kindOf([](AggregationJob& j) {
                  j.licence_id = "no-such-licence";
              }).rfind("usage: unknown licence", 0),
              0U);
    EXPECT_EQ(kindOf([](AggregationJob& j) { j.licence_options = {"role=x"}; }),
              "usage: --option needs --licence");
    EXPECT_EQ(kindOf([](AggregationJob& j) {
                  j.cell_size_m = 1500;
              }).rfind("usage: --cell-size 1500: ", 0),
              0U);
    EXPECT_EQ(kindOf([](AggregationJob& j) { j.grid = "utm"; }).rfind("usage: unknown grid", 0),
              0U);
    EXPECT_EQ(
        kindOf([](AggregationJob& j) { j.min_count = 0; }).rfind("usage: the minimum count", 0),
        0U);
    EXPECT_EQ(
        kindOf([](AggregationJob& j) { j.group_by = {"n_obs"}; }).rfind("usage: output column", 0),
        0U);
    // The input is never overwritten, an existing output only when asked.
    EXPECT_EQ(
        kindOf([this](AggregationJob& j) { j.output = dir_ + "/obs.gpkg"; }).rfind("usage: ", 0),
        0U);
    std::ofstream(dir_ + "/cells.gpkg") << "earlier output";
    EXPECT_EQ(kindOf([](AggregationJob&) {}).rfind("usage: ", 0), 0U);
    EXPECT_EQ(kindOf([](AggregationJob& j) { j.overwrite = true; }), "ok");
}

TEST_F(AggregationJobTest, AnUnreadableInputIsAnInputProblem) {
    inspector_.unreadable = true;
    const auto validation = validate();
    ASSERT_EQ(validation.problems.size(), 1U);
    EXPECT_EQ(validation.problems.front().kind, JobProblem::Kind::Input);
    EXPECT_NE(validation.problems.front().message.find("not a dataset"), std::string::npos);
}

TEST_F(AggregationJobTest, TheLicenceRefusesBeforeTheGridComplains) {
    // 500 m is no size the RD grid takes, but NDFF's refusal is what the user needs to read.
    inspector_.carried = singleLicence("ndff-uitvoerportaal", {}, "sidecar");
    job_.cell_size_m = 500;
    auto validation = validate();
    ASSERT_EQ(validation.problems.size(), 1U);
    EXPECT_EQ(validation.problems.front().kind, JobProblem::Kind::Refused);
    EXPECT_NE(validation.problems.front().message.find("ndff-uitvoerportaal"), std::string::npos);
    EXPECT_NE(validation.problems.front().message.find("at least 1000 m"), std::string::npos);
    // Stated rather than carried: the same refusal, and the input is not asked.
    inspector_.carried.reset();
    inspector_.input_reads = 0;
    job_.licence_id = "ndff-uitvoerportaal";
    validation = validate();
    ASSERT_FALSE(validation.ok());
    EXPECT_EQ(validation.problems.front().kind, JobProblem::Kind::Refused);
    EXPECT_EQ(inspector_.input_reads, 0);
    // At 1 km the licence has no objection.
    job_.cell_size_m = 1000;
    EXPECT_TRUE(validate().ok());
}

} // namespace
} // namespace geolicence::test
