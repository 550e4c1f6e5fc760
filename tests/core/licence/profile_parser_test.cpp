// Malformed profiles: each mistake gets its own message naming file, line and column.
#include "test_support.h"

#include <geolicence/catalog.h>
#include <geolicence/errors.h>
#include <geolicence/profile_parser.h>

#include <gtest/gtest.h>

namespace geolicence::test {
namespace {

ProfileError parseError(const std::string& file) {
    const std::string path = dataPath("profiles_bad/" + file);
    try {
        CatalogBuilder().addBundled().addFile(path).build();
    } catch (const ProfileError& e) {
        return e;
    }
    ADD_FAILURE() << file << " was accepted";
    return ProfileError(path, 0, 0, "accepted");
}

struct BadProfile {
    const char* file;
    int line;
    int column;
    const char* detail; // a part of the message that says what is wrong
};

class MalformedProfileTest : public ::testing::TestWithParam<BadProfile> {};

TEST_P(MalformedProfileTest, NamesFileLineColumnAndProblem) {
    const BadProfile& bad = GetParam();
    const ProfileError error = parseError(bad.file);
    EXPECT_NE(error.file().find(bad.file), std::string::npos) << error.what();
    EXPECT_EQ(error.line(), bad.line) << error.what();
    EXPECT_EQ(error.column(), bad.column) << error.what();
    EXPECT_NE(error.detail().find(bad.detail), std::string::npos) << error.what();
}

INSTANTIATE_TEST_SUITE_P(
    Profiles, MalformedProfileTest,
    ::testing::Values(
        BadProfile{"bad_json.json", 4, 9, "invalid JSON"},
        BadProfile{"unknown_action.json", 27, 17, "unknown action \"pubish\""},
        BadProfile{"missing_cite.json", 14, 5, "has no \"cite\""},
        BadProfile{"wrong_option_type.json", 16, 15,
                   "option \"publication_right\" has type bool, not string"},
        BadProfile{
            "undeclared_option.json", 27, 23,
            "uses option \"valid_until\", which profile \"bad-undeclared\" does not declare"},
        BadProfile{"misspelt_field.json", 14, 5, "does not match the licence profile schema"},
        BadProfile{"wrong_value_type.json", 27, 20, "expected a number, found the string \"1000\""},
        BadProfile{"unknown_purpose.json", 27, 20, "\"profit\" is not one of public-task"}),
    [](const auto& param_info) {
        std::string name = param_info.param.file;
        return name.substr(0, name.find('.'));
    });

TEST(ProfileCatalogErrors, DuplicateIdInOneDirectoryNamesBothFiles) {
    try {
        CatalogBuilder().addDirectory(dataPath("profiles_bad/duplicate_id")).build();
        FAIL() << "duplicate id accepted";
    } catch (const ProfileError& e) {
        EXPECT_NE(e.file().find("b.json"), std::string::npos);
        EXPECT_EQ(e.line(), 2);
        EXPECT_NE(e.detail().find("duplicate profile id \"dup-licence\""), std::string::npos);
        EXPECT_NE(e.detail().find("a.json"), std::string::npos);
    }
}

TEST(ProfileCatalogErrors, InheritanceCycleIsNamed) {
    try {
        CatalogBuilder().addDirectory(dataPath("profiles_bad/extends_cycle")).build();
        FAIL() << "cycle accepted";
    } catch (const ProfileError& e) {
        EXPECT_NE(e.detail().find("inheritance cycle: cycle-a -> cycle-b -> cycle-a"),
                  std::string::npos)
            << e.what();
        EXPECT_EQ(e.line(), 14);
    }
}

TEST(ProfileParser, ReadsAValidCustomProfile) {
    const LicenceProfile profile =
        parseProfile(readTextFile(dataPath("profiles_bad/valid_custom.json")), "valid.json");
    EXPECT_EQ(profile.id, "custom-open");
    ASSERT_EQ(profile.rules.size(), 1U);
    for (Action action : kAllActions) {
        EXPECT_TRUE(profile.rules[0].actions.contains(action));
    }
}

TEST(ProfileParser, RejectsANonObjectDocument) {
    try {
        parseProfile("[1, 2]", "list.json");
        FAIL();
    } catch (const ProfileError& e) {
        EXPECT_EQ(e.line(), 1);
        EXPECT_NE(e.detail().find("must be a JSON object"), std::string::npos);
    }
}

TEST(ProfileParser, NumberTooLargeIsInvalidJsonNotACrash) {
    try {
        parseProfile(R"({"id": "x", "version": 1e99999})", "huge.json");
        FAIL();
    } catch (const ProfileError& e) {
        EXPECT_NE(std::string(e.what()).find("huge.json: invalid JSON"), std::string::npos)
            << e.what();
    }
}

TEST(ProfileParser, EmptyFileIsInvalidJson) {
    try {
        parseProfile("", "empty.json");
        FAIL();
    } catch (const ProfileError& e) {
        EXPECT_NE(std::string(e.what()).find("empty.json:1:1: invalid JSON"), std::string::npos)
            << e.what();
    }
}

TEST(BundledProfiles, EveryRuleCitesASeedOrLicenceDocumentAndHasBothLanguages) {
    for (const LicenceProfile* profile : bundledCatalog().all()) {
        for (const Rule& rule : profile->rules) {
            EXPECT_FALSE(rule.message.nl.empty()) << profile->id << " " << rule.id;
            EXPECT_FALSE(rule.message.en.empty()) << profile->id << " " << rule.id;
            EXPECT_NE(rule.cite.find(' '), std::string::npos) << profile->id << " " << rule.id;
        }
    }
}

} // namespace
} // namespace geolicence::test
