#include "test_support.h"

#include <geolicence/catalog.h>
#include <geolicence/errors.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace geolicence::test {
namespace {

TEST(Catalog, BundlesExactlyTheTwentyBindableProfiles) {
    std::vector<std::string> ids;
    for (const LicenceProfile* profile : bundledCatalog().bindable()) {
        ids.push_back(profile->id);
    }
    const std::vector<std::string> expected = {
        "cc-by-4.0",
        "cc0-1.0",
        "eigen-gegevens",
        "gdi-vl-deelnemer",
        "gdi-vl-hergebruik-commercieel",
        "gdi-vl-hergebruik-niet-commercieel",
        "gdi-vl-niet-deelnemer",
        "gdi-vl-publieke-toegang",
        "grb-art10-commercieel",
        "grb-art5-oorspronkelijk-doel",
        "grb-art6-testgebruik",
        "grb-art7-intern-gebruik",
        "grb-art8-onderwijs",
        "grb-art9-onderzoek",
        "logius-algemene-voorwaarden",
        "ndff-uitvoerportaal",
        "odbl-1.0",
        "vl-cc0",
        "vl-gratis-hergebruik",
        "vl-hergebruik-vergoeding",
    };
    EXPECT_EQ(ids, expected);
}

TEST(Catalog, AbstractBaseProfilesAreResolvedIntoTheirChildren) {
    const LicenceProfile* art5 = bundledCatalog().find("grb-art5-oorspronkelijk-doel");
    ASSERT_NE(art5, nullptr);
    const bool has_attribution = std::any_of(art5->rules.begin(), art5->rules.end(),
                                             [](const Rule& rule) { return rule.clause == "G1"; });
    EXPECT_TRUE(has_attribution) << "G1 is inherited from the common GRB profile";
    const LicenceProfile* base = bundledCatalog().find("grb-gemeenschappelijk");
    ASSERT_NE(base, nullptr);
    EXPECT_TRUE(base->is_abstract);
}

TEST(Catalog, ALaterDirectoryOverridesAProfileById) {
    const std::string dir = makeTempDir();
    std::ofstream(dir + "/cc0.json") << R"({
      "id": "cc0-1.0", "version": "99", "title": {"nl": "Eigen CC0", "en": "Own CC0"},
      "licensor": "Us", "source": {"document": "own.txt", "date": "2026-01-01"},
      "rules": [{"id": "all", "type": "permission", "action": "*", "cite": "own.txt 1",
                 "message": {"nl": "Alles mag.", "en": "Anything goes."}}]})";
    const Catalog catalog = CatalogBuilder().addBundled().addDirectory(dir).build();
    ASSERT_NE(catalog.find("cc0-1.0"), nullptr);
    EXPECT_EQ(catalog.find("cc0-1.0")->version, "99");
    EXPECT_EQ(catalog.bindable().size(), 20U);
}

TEST(Catalog, MissingDirectoryIsAnInputErrorNamingIt) {
    try {
        CatalogBuilder().addDirectory("/nonexistent/catalog");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/catalog"), std::string::npos);
    }
}

TEST(Catalog, SplitsSearchPathsLikePath) {
    const auto paths = splitSearchPath("/a::/b/c:");
    ASSERT_EQ(paths.size(), 2U);
    EXPECT_EQ(paths[0], "/a");
    EXPECT_EQ(paths[1], "/b/c");
    EXPECT_TRUE(splitSearchPath("").empty());
}

TEST(ReadTextFile, NamesTheFileWhenItCannotBeRead) {
    try {
        readTextFile("/nonexistent/profile.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/profile.json: cannot open file"),
                  std::string::npos);
    }
}

} // namespace
} // namespace geolicence::test
