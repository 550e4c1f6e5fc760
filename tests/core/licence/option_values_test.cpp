#include "test_support.h"

#include <geolicence/errors.h>
#include <geolicence/option_values.h>

#include <gtest/gtest.h>

namespace geolicence::test {
namespace {

const LicenceProfile& ndff() {
    return *bundledCatalog().find("ndff-uitvoerportaal");
}

TEST(OptionValues, ConvertsAssignmentsToTheDeclaredTypes) {
    const OptionValues values = parseOptionAssignments(
        ndff(), {"role=contractor", "project_end=2027-03-31", "is_competent_authority=ja",
                 "permission_ref=BIJ12/2026/17", "cell_size_m=1000"});
    EXPECT_EQ(std::get<std::string>(values.at("role")), "contractor");
    EXPECT_EQ(std::get<Date>(values.at("project_end")).toString(), "2027-03-31");
    EXPECT_TRUE(std::get<bool>(values.at("is_competent_authority")));
    EXPECT_EQ(std::get<std::string>(values.at("permission_ref")), "BIJ12/2026/17");
    EXPECT_DOUBLE_EQ(std::get<double>(values.at("cell_size_m")), 1000.0);
}

TEST(OptionValues, RejectsUndeclaredOptionsAndWrongTypesNamingTheOption) {
    auto message = [](const std::vector<std::string>& assignments) {
        try {
            parseOptionAssignments(ndff(), assignments);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message({"publication_right=true"}).find("has no option \"publication_right\""),
              std::string::npos);
    EXPECT_NE(message({"project_end=31-03-2027"}).find("expects a date YYYY-MM-DD"),
              std::string::npos);
    EXPECT_NE(message({"role=boss"}).find("one of subscriber|contractor"), std::string::npos);
    EXPECT_NE(message({"revoked=maybe"}).find("true or false"), std::string::npos);
    EXPECT_NE(message({"cell_size_m=1km"}).find("a number"), std::string::npos);
    EXPECT_NE(message({"role"}).find("NAME=VALUE"), std::string::npos);
}

TEST(OptionValues, CheckReportsWrongTypesFromOtherSources) {
    OptionValues values;
    values["revoked"] = std::string("yes");
    values["unknown_thing"] = true;
    const auto problems = checkOptionValues(ndff(), values);
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_NE(problems[0].find("revoked"), std::string::npos);
    EXPECT_NE(problems[1].find("unknown_thing"), std::string::npos);
}

} // namespace
} // namespace geolicence::test
