// Bindings holding several licences (issue 15): written and read in sidecars, GeoPackage
// metadata and QGIS custom properties, with the provenance of derived data; the single-licence
// forms of before still read, as a list of one.
#include "test_files.h"
#include "test_layers.h"
#include "test_support.h"

#include <geolicence/binding_json.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace geolicence::test {
namespace {

using nlohmann::json;

const BoundLicence kNdff{"ndff-uitvoerportaal", {{"role", std::string("subscriber")}}};
const BoundLicence kGrb{"grb-art10-commercieel",
                        {{"publication_right", true}, {"valid_until", *Date::parse("2099-12-31")}}};

DatasetLicence combined() {
    DatasetLicence licence;
    licence.binding.licences = {kNdff, kGrb};
    DerivedInput grb_input{"gebouwen.geojson", {kGrb}, "2026-12-01", "geolicence bind", {}};
    DerivedInput ndff_input{"waarnemingen.gpkg", {kNdff}, "2026-12-01", "geolicence bind", {}};
    // The NDFF input was itself derived: the chain is kept.
    ndff_input.derived_from.push_back(
        DerivedInput{"export-2026.gpkg", {kNdff}, "2026-11-02", "geolicence bind", {}});
    licence.binding.derived_from = {ndff_input, grb_input};
    licence.attribution = {"Bron : GRB"};
    return licence;
}

std::string geojson(const std::string& dir, const std::string& name) {
    return writeFile(dir, name, R"({"type": "FeatureCollection", "features": []})");
}

json sidecarOf(const std::string& dataset) {
    return json::parse(readTextFile(sidecarPath(dataset)));
}

TEST(SeveralLicences, ASidecarRoundTripsEveryLicenceAndTheProvenanceChain) {
    const std::string data = geojson(makeTempDir(), "join.geojson");
    writeDatasetLicence(data, combined(), bundledCatalog());

    const json written = sidecarOf(data);
    EXPECT_FALSE(written.contains("licence"))
        << "several licences are never written as one, which an older reader would apply alone";
    ASSERT_EQ(written["licences"].size(), 2U);

    const auto read = readDatasetLicence(data, bundledCatalog());
    ASSERT_TRUE(read);
    EXPECT_EQ(read->binding.licences, (std::vector<BoundLicence>{kNdff, kGrb}));
    ASSERT_EQ(read->binding.derived_from.size(), 2U);
    const DerivedInput& first = read->binding.derived_from[0];
    EXPECT_EQ(first.source, "waarnemingen.gpkg");
    EXPECT_EQ(first.licences, std::vector<BoundLicence>{kNdff});
    EXPECT_EQ(first.date, "2026-12-01");
    EXPECT_EQ(first.tool, "geolicence bind");
    ASSERT_EQ(first.derived_from.size(), 1U);
    EXPECT_EQ(first.derived_from[0].source, "export-2026.gpkg");
    EXPECT_EQ(read->binding.derived_from[1].licences, std::vector<BoundLicence>{kGrb});
    EXPECT_EQ(read->attribution, std::vector<std::string>{"Bron : GRB"});
}

TEST(SeveralLicences, GeoPackageMetadataRoundTripsEveryLicence) {
    const std::string dir = makeTempDir();
    const std::string gpkg = dir + "/join.gpkg";
    writeTestLayer(gpkg, "GPKG", 28992, {}, {{std::make_pair(155000.0, 463000.0), "", {}}}, "join");
    writeDatasetLicence(gpkg, combined(), bundledCatalog(), "join");
    const auto read = readDatasetLicence(gpkg, bundledCatalog(), "join");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->binding.from, "geopackage-metadata");
    EXPECT_EQ(read->binding.licences, (std::vector<BoundLicence>{kNdff, kGrb}));
    EXPECT_EQ(read->binding.derived_from.size(), 2U);
}

TEST(SeveralLicences, OneLicenceIsStillWrittenAndReadInTheSingleForm) {
    const std::string dir = makeTempDir();
    const std::string data = geojson(dir, "obs.geojson");
    DatasetLicence one;
    one.binding.licences = {kNdff};
    writeDatasetLicence(data, one, bundledCatalog());
    const json written = sidecarOf(data);
    EXPECT_EQ(written["licence"], "ndff-uitvoerportaal") << "the form every version reads";
    EXPECT_FALSE(written.contains("licences"));

    // A sidecar as geolicence wrote it before several licences existed.
    const std::string old = geojson(dir, "old.geojson");
    writeFile(dir, "old.geojson.licence.json",
              R"({"licence": "grb-art10-commercieel", "options": {"publication_right": true,
                  "valid_until": "2099-12-31"}, "attribution": ["Bron : GRB"]})");
    const auto read = readDatasetLicence(old, bundledCatalog());
    ASSERT_TRUE(read);
    EXPECT_EQ(read->binding.licences, std::vector<BoundLicence>{kGrb}) << "a list of one";
    EXPECT_TRUE(read->binding.derived_from.empty());
}

TEST(SeveralLicences, AmbiguousOrEmptyListsAreInputErrorsNamingTheFile) {
    const std::string dir = makeTempDir();
    const std::string data = geojson(dir, "bad.geojson");
    for (const char* text :
         {R"({"licence": "vl-cc0", "licences": [{"licence": "ndff-uitvoerportaal"}]})",
          R"({"licences": []})", R"({"licences": [{"options": {}}]})",
          R"({"licences": [{"licence": "made-up"}]})",
          R"({"licences": [{"licence": "vl-cc0"}], "derived_from": [{"licences": []}]})",
          R"({"licences": [{"licence": "vl-cc0"}], "derived_from": {"source": "a"}})"}) {
        writeFile(dir, "bad.geojson.licence.json", text);
        try {
            readDatasetLicence(data, bundledCatalog());
            ADD_FAILURE() << "accepted: " << text;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("bad.geojson.licence.json"), std::string::npos)
                << e.what();
        }
    }
    DatasetLicence none;
    EXPECT_THROW(writeDatasetLicence(data, none, bundledCatalog()), InputError)
        << "an empty binding would make the data look licensed";
}

TEST(SeveralLicences, CarriersNamingTheSameLicencesInAnotherOrderAgreeOthersConflict) {
    const std::string dir = makeTempDir();
    const std::string gpkg = dir + "/join.gpkg";
    writeTestLayer(gpkg, "GPKG", 28992, {}, {{std::make_pair(155000.0, 463000.0), "", {}}}, "join");
    writeDatasetLicence(gpkg, combined(), bundledCatalog(), "join");
    const std::string same = json{{"licences", json::parse(licencesToJson({kGrb, kNdff}))}}.dump();
    writeFile(dir, "join.gpkg.licence.json", same);
    const auto conflicts = [&] {
        return bindingConflicts(readDatasetLicenceSources(gpkg, bundledCatalog(), "join"),
                                bundledCatalog(), "l", "join", Language::English);
    };
    EXPECT_TRUE(conflicts().empty());

    writeFile(dir, "join.gpkg.licence.json",
              json{{"licences", json::parse(licencesToJson({kNdff}))}}.dump());
    ASSERT_EQ(conflicts().size(), 1U) << "a sidecar cannot drop GRB from the GeoPackage's list";
    EXPECT_EQ(conflicts()[0].severity, Severity::Error);
    EXPECT_THROW(readDatasetLicence(gpkg, bundledCatalog(), "join"), InputError);
}

ProjectLayer layerWith(std::map<std::string, std::string> properties) {
    ProjectLayer layer;
    layer.id = "join";
    layer.name = "Join";
    layer.provider = "memory";
    layer.source = "Point?crs=EPSG:28992";
    for (auto& [key, value] : properties) {
        layer.custom_properties[key] = value;
    }
    return layer;
}

TEST(SeveralLicences, CustomPropertiesCarryAListAndTheProvenance) {
    const LayerBinder binder(bundledCatalog());
    const LayerBindingResult bound = binder.bind(
        layerWith({{kLicencesProperty, licencesToJson({kNdff, kGrb})},
                   {kDerivedFromProperty, derivedFromToJson(combined().binding.derived_from)}}));
    ASSERT_TRUE(bound.binding);
    EXPECT_TRUE(bound.error.empty()) << bound.error;
    EXPECT_EQ(bound.binding->from, "custom-property");
    EXPECT_EQ(bound.binding->licences, (std::vector<BoundLicence>{kNdff, kGrb}));
    EXPECT_EQ(bound.binding->derived_from.size(), 2U);
}

TEST(SeveralLicences, TheOldCustomPropertiesStillReadAsAListOfOne) {
    const LayerBindingResult bound =
        LayerBinder(bundledCatalog())
            .bind(layerWith({{kLicenceProperty, "ndff-uitvoerportaal"},
                             {kOptionsProperty, R"({"role": "subscriber"})"}}));
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(bound.binding->licences, std::vector<BoundLicence>{kNdff});
}

TEST(SeveralLicences, OldAndNewCustomPropertiesThatDisagreeAreABrokenBindingUnderBoth) {
    const LayerBindingResult bound =
        LayerBinder(bundledCatalog())
            .bind(layerWith(
                {{kLicenceProperty, "vl-cc0"}, {kLicencesProperty, licencesToJson({kNdff})}}));
    ASSERT_TRUE(bound.binding);
    EXPECT_NE(bound.error.find("disagree"), std::string::npos) << bound.error;
    EXPECT_TRUE(bound.binding->hasLicence("ndff-uitvoerportaal") &&
                bound.binding->hasLicence("vl-cc0"))
        << "neither is dropped";
    const std::vector<Finding> problems = bound.problems("join", "Join");
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.front().rule, "invalid-binding");
    EXPECT_EQ(problems.front().severity, Severity::Error);

    const LayerBindingResult agreeing =
        LayerBinder(bundledCatalog())
            .bind(layerWith({{kLicenceProperty, "ndff-uitvoerportaal"},
                             {kOptionsProperty, R"({"role": "subscriber"})"},
                             {kLicencesProperty, licencesToJson({kNdff, kGrb})}}));
    EXPECT_TRUE(agreeing.error.empty()) << agreeing.error;
    EXPECT_EQ(agreeing.binding->licences, (std::vector<BoundLicence>{kNdff, kGrb}));
}

TEST(SeveralLicences, AnUnreadableListInACustomPropertyIsAnErrorNotAnUnlicensedLayer) {
    const LayerBindingResult bound =
        LayerBinder(bundledCatalog()).bind(layerWith({{kLicencesProperty, "[{\"licence\": "}}));
    EXPECT_FALSE(bound.error.empty());
    const std::vector<Finding> problems = bound.problems("join", "Join");
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].rule, "invalid-binding");
    EXPECT_EQ(problems[0].severity, Severity::Error);
}

TEST(SeveralLicences, TheCustomPropertiesAnAdapterWritesReadBackAsTheSameBinding) {
    for (const LicenceBinding& binding :
         {singleLicence(kNdff.licence_id, kNdff.options, ""), combined().binding}) {
        std::map<std::string, std::string> properties;
        // Stale keys of an earlier binding, which the new properties must clear.
        properties[kLicenceProperty] = "vl-cc0";
        properties[kDerivedFromProperty] = "[]";
        for (const auto& [key, value] : bindingProperties(binding)) {
            if (value.empty()) {
                properties.erase(key);
            } else {
                properties[key] = value;
            }
        }
        const LayerBindingResult bound = LayerBinder(bundledCatalog()).bind(layerWith(properties));
        ASSERT_TRUE(bound.binding);
        EXPECT_TRUE(bound.error.empty()) << bound.error;
        EXPECT_EQ(bound.binding->licences, binding.licences);
        ASSERT_EQ(bound.binding->derived_from.size(), binding.derived_from.size());
        EXPECT_EQ(properties.count(kLicencesProperty), binding.licences.size() > 1 ? 1U : 0U)
            << "one licence keeps the form every version reads";
    }
}

} // namespace
} // namespace geolicence::test
