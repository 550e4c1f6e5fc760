// End-to-end tests of the built `geolicence` binary: output, JSON shapes and exit codes as the
// CLI contract in README.md ("Using the CLI") states them.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace geolicence::test {
namespace {

using nlohmann::json;

std::vector<std::string> bundledProfileFiles() {
    std::vector<std::string> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(sourcePath("resources/licences"))) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(CliLicences, ListJsonHasTheTwentyIds) {
    const CliResult result = runCli({"licences", "list", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json list = json::parse(result.out);
    ASSERT_EQ(list.size(), 20U);
    std::vector<std::string> ids;
    for (const json& entry : list) {
        ids.push_back(entry.at("id"));
        EXPECT_TRUE(entry.at("title").contains("nl"));
        EXPECT_TRUE(entry.at("title").contains("en"));
    }
    EXPECT_NE(std::find(ids.begin(), ids.end(), "ndff-uitvoerportaal"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "odbl-1.0"), ids.end());
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "grb-gemeenschappelijk"), ids.end())
        << "abstract base profiles are not listed";
}

TEST(CliLicences, ListTextSpeaksDutchWhenAsked) {
    const CliResult result = runCli({"licences", "list", "--lang", "nl"});
    ASSERT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("Voorwaarden gebruik Uitvoerportaal NDFF"), std::string::npos);
}

TEST(CliLicences, ValidateAcceptsEveryBundledProfile) {
    std::vector<std::string> args = {"licences", "validate"};
    const auto files = bundledProfileFiles();
    args.insert(args.end(), files.begin(), files.end());
    const CliResult result = runCli(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
}

struct BadFile {
    const char* file;
    const char* expected; // part of the single stderr line
};

class CliValidateBadProfile : public ::testing::TestWithParam<BadFile> {};

TEST_P(CliValidateBadProfile, ExitsThreeWithOneClearLine) {
    const std::string path = dataPath(std::string("profiles_bad/") + GetParam().file);
    const CliResult result = runCli({"licences", "validate", path});
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_EQ(result.err.rfind("geolicence: " + path + ":", 0), 0U) << result.err;
    EXPECT_NE(result.err.find(GetParam().expected), std::string::npos) << result.err;
}

INSTANTIATE_TEST_SUITE_P(
    Profiles, CliValidateBadProfile,
    ::testing::Values(BadFile{"bad_json.json", ":4:9: invalid JSON"},
                      BadFile{"unknown_action.json", ":27:17: /rules/1/action: unknown action"},
                      BadFile{"missing_cite.json", "has no \"cite\""},
                      BadFile{"wrong_option_type.json", "has type bool, not string"},
                      BadFile{"undeclared_option.json", "does not declare"}),
    [](const auto& param_info) {
        std::string name = param_info.param.file;
        return name.substr(0, name.find('.'));
    });

TEST(CliLicences, DuplicateIdInACatalogDirectoryExitsThree) {
    const CliResult result =
        runCli({"licences", "list", "--catalog", dataPath("profiles_bad/duplicate_id")});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_NE(result.err.find("duplicate profile id \"dup-licence\""), std::string::npos)
        << result.err;
}

TEST(CliLicences, CatalogPathFromTheEnvironmentAddsProfiles) {
    const std::string dir = makeTempDir();
    std::filesystem::copy_file(dataPath("profiles_bad/valid_custom.json"), dir + "/custom.json");
    const CliResult result = runCli({"licences", "list", "--format", "json"},
                                    {"GEOLICENCE_CATALOG_PATH=/nonexistent-is-ignored-no:" + dir});
    // A missing directory in the environment is an error too: silently ignoring it would
    // evaluate against the wrong rules.
    EXPECT_EQ(result.exit_code, 3);
    const CliResult ok =
        runCli({"licences", "list", "--format", "json"}, {"GEOLICENCE_CATALOG_PATH=" + dir});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(json::parse(ok.out).size(), 21U);
}

TEST(CliLicences, ShowPrintsRulesWithCitations) {
    const CliResult result =
        runCli({"licences", "show", "grb-art6-testgebruik", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json profile = json::parse(result.out);
    EXPECT_EQ(profile.at("id"), "grb-art6-testgebruik");
    ASSERT_FALSE(profile.at("rules").empty());
    for (const json& rule : profile.at("rules")) {
        EXPECT_NE(rule.at("cite").get<std::string>().find("001_9ca1959ea1f6a1c8.txt"),
                  std::string::npos);
    }
}

TEST(CliEvaluate, NdffPublishExactIsProhibitedWithExitOne) {
    const CliResult result = runCli({"evaluate", "--licence", "ndff-uitvoerportaal", "--action",
                                     "publish", "--date", "2026-06-01", "--format", "json"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    const json decision = json::parse(result.out);
    EXPECT_EQ(decision.at("decision"), "prohibited");
    bool cites_n4 = false;
    for (const json& finding : decision.at("findings")) {
        cites_n4 |= finding.at("rule") == "n4-no-exact-publish" &&
                    finding.at("cite") == "000_b5f211ad1171a64c.txt bullet 4";
    }
    EXPECT_TRUE(cites_n4) << result.out;
}

TEST(CliEvaluate, NdffPublishAggregatedIsPermittedWithExitZero) {
    const CliResult result =
        runCli({"evaluate", "--licence", "ndff-uitvoerportaal", "--action", "publish",
                "--cell-size", "1000", "--date", "2026-06-01", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(json::parse(result.out).at("decision"), "permitted");
}

TEST(CliEvaluate, GrbPublishOwesTheExactAttribution) {
    const CliResult result =
        runCli({"evaluate", "--licence", "grb-art7-intern-gebruik", "--option",
                "publication_right=true", "--option", "valid_until=2030-12-31", "--action",
                "publish", "--date", "2026-06-01", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    const json decision = json::parse(result.out);
    bool attribution = false;
    for (const json& duty : decision.at("duties")) {
        attribution |=
            duty.at("type") == "attribute" &&
            duty.value("text", "") ==
                "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";
    }
    EXPECT_TRUE(attribution) << result.out;
}

TEST(CliEvaluate, ExpiredUseRightIsProhibited) {
    const CliResult result =
        runCli({"evaluate", "--licence", "grb-art7-intern-gebruik", "--option",
                "valid_until=2026-01-31", "--action", "use-internal", "--date", "2026-06-01"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.out.find("PROHIBITED"), std::string::npos) << result.out;
}

TEST(CliEvaluate, StrictTurnsWarningsIntoExitOne) {
    // Viewing CC BY data whose attribution text is not set: permitted, with a warning about
    // the missing required option.
    const std::vector<std::string> args = {"evaluate", "--licence", "cc-by-4.0", "--action",
                                           "display",  "--date",    "2026-06-01"};
    EXPECT_EQ(runCli(args).exit_code, 0);
    std::vector<std::string> strict = args;
    strict.push_back("--strict");
    EXPECT_EQ(runCli(strict).exit_code, 1);
}

TEST(CliEvaluate, UsageErrorsExitTwo) {
    EXPECT_EQ(runCli({"evaluate", "--licence", "cc0-1.0", "--action", "steal"}).exit_code, 2);
    EXPECT_EQ(runCli({"evaluate", "--licence", "cc0-1.0"}).exit_code, 2);
    EXPECT_EQ(runCli({"evaluate", "--licence", "no-such", "--action", "display"}).exit_code, 2);
    EXPECT_EQ(
        runCli({"evaluate", "--licence", "cc0-1.0", "--action", "display", "--date", "01-06-2026"})
            .exit_code,
        2);
    const CliResult option = runCli({"evaluate", "--licence", "ndff-uitvoerportaal", "--action",
                                     "share", "--option", "role=boss"});
    EXPECT_EQ(option.exit_code, 2);
    EXPECT_NE(option.err.find("role"), std::string::npos) << option.err;
    EXPECT_EQ(runCli({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(runCli({}).exit_code, 2);
}

TEST(CliEvaluate, HelpExitsZero) {
    const CliResult result = runCli({"evaluate", "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("--licence"), std::string::npos);
}

} // namespace
} // namespace geolicence::test
