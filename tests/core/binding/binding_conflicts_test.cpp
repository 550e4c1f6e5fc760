// Every place a licence is recorded is read, and places that disagree are never resolved by
// picking the first: a sidecar must not relabel NDFF observations as CC0 unnoticed.
#include "test_files.h"
#include "test_layers.h"
#include "test_support.h"

#include <geolicence/binding_json.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>
#include <geolicence/project_check.h>

#include <gtest/gtest.h>

#include <algorithm>

namespace geolicence::test {
namespace {

std::string makeGeoPackage(const std::string& dir) {
    const std::string path = dir + "/waarnemingen.gpkg";
    writeTestLayer(path, "GPKG", 28992, {}, {{std::make_pair(155000.0, 463000.0), "", {}}},
                   "waarnemingen");
    return path;
}

DatasetLicence licence(const std::string& id, OptionValues options = {}) {
    DatasetLicence bound;
    bound.binding = singleLicence(id, std::move(options), "");
    return bound;
}

void writeSidecar(const std::string& dataset, const std::string& json) {
    const std::filesystem::path path = sidecarPath(dataset);
    writeFile(path.parent_path().string(), path.filename().string(), json);
}

std::vector<Finding> conflictsOf(const std::string& dataset) {
    const auto sources = readDatasetLicenceSources(dataset, bundledCatalog(), "waarnemingen");
    return bindingConflicts(sources, bundledCatalog(), "l1", "Waarnemingen", Language::English);
}

TEST(BindingConflicts, ASidecarRelabellingAGeoPackageIsAnErrorNamingBoth) {
    const std::string gpkg = makeGeoPackage(makeTempDir());
    writeDatasetLicence(gpkg, licence("ndff-uitvoerportaal"), bundledCatalog(), "waarnemingen");
    writeSidecar(gpkg, R"({"licence": "vl-cc0"})");

    const auto sources = readDatasetLicenceSources(gpkg, bundledCatalog(), "waarnemingen");
    ASSERT_EQ(sources.size(), 2U);
    EXPECT_EQ(sources[0].from, "sidecar");
    EXPECT_EQ(sources[1].from, "geopackage-metadata");
    const std::vector<Finding> conflicts = conflictsOf(gpkg);
    ASSERT_EQ(conflicts.size(), 1U);
    EXPECT_EQ(conflicts[0].rule, "binding-conflict");
    EXPECT_EQ(conflicts[0].severity, Severity::Error);
    for (const char* named : {"vl-cc0", "ndff-uitvoerportaal", "sidecar", "geopackage-metadata"}) {
        EXPECT_NE(conflicts[0].message.find(named), std::string::npos)
            << named << " in: " << conflicts[0].message;
    }
    // A tool that must act on one licence refuses instead of choosing.
    EXPECT_THROW(readDatasetLicence(gpkg, bundledCatalog(), "waarnemingen"), InputError);
}

TEST(BindingConflicts, TheSameLicenceWithOtherOptionsIsAConflictTheSameOptionsAreNot) {
    const std::string gpkg = makeGeoPackage(makeTempDir());
    writeDatasetLicence(gpkg, licence("ndff-uitvoerportaal", {{"cell_size_m", 1000.0}}),
                        bundledCatalog(), "waarnemingen");
    writeSidecar(gpkg, R"({"licence": "ndff-uitvoerportaal", "options": {"cell_size_m": 5000}})");
    ASSERT_EQ(conflictsOf(gpkg).size(), 1U);
    EXPECT_NE(conflictsOf(gpkg)[0].message.find("different options"), std::string::npos);

    writeSidecar(gpkg, R"({"licence": "ndff-uitvoerportaal", "options": {"cell_size_m": 1000}})");
    EXPECT_TRUE(conflictsOf(gpkg).empty());
    EXPECT_TRUE(readDatasetLicence(gpkg, bundledCatalog(), "waarnemingen"));
}

ProjectLayer layerOn(const std::string& source, const std::string& licence_property) {
    ProjectLayer layer;
    layer.id = "obs";
    layer.name = "Waarnemingen";
    layer.provider = "ogr";
    layer.source = source;
    if (!licence_property.empty()) {
        layer.custom_properties[kLicenceProperty] = licence_property;
    }
    return layer;
}

Project projectWith(const ProjectLayer& layer) {
    Project project;
    project.path = "kaart.qgs";
    project.layers.push_back(layer);
    project.indexLayers();
    LayerTreeNode node;
    node.kind = LayerTreeNode::Kind::Layer;
    node.layer_id = layer.id;
    project.layer_tree.children.push_back(node);
    return project;
}

bool has(const Decision& decision, const std::string& rule, Severity severity) {
    return std::any_of(decision.findings.begin(), decision.findings.end(),
                       [&](const Finding& f) { return f.rule == rule && f.severity == severity; });
}

TEST(BindingConflicts, AProjectLayerWhoseFileSaysOtherwiseFailsTheCheck) {
    const std::string dir = makeTempDir();
    const std::string data = writeFile(dir, "waarnemingen.geojson", R"({"type":
        "FeatureCollection", "features": []})");
    writeSidecar(data, R"({"licence": "vl-cc0"})");
    const ProjectLayer layer = layerOn(data, "ndff-uitvoerportaal");

    const LayerBindingResult bound = LayerBinder(bundledCatalog()).bind(layer);
    ASSERT_EQ(bound.sources.size(), 2U) << "both places are read";
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(bound.binding->licences.front().licence_id, "ndff-uitvoerportaal")
        << "the documented order";
    ASSERT_EQ(bound.conflicts.size(), 1U);

    CheckRequest request;
    request.evaluation.action = Action::UseInternal;
    request.evaluation.context.date = Date::parse("2026-06-01");
    const CheckResult checked = checkProject(projectWith(layer), bundledCatalog(), request);
    EXPECT_EQ(checked.decision.verdict, Verdict::Prohibited)
        << "internal use is permitted under both, but the conflict must be settled first";
    EXPECT_TRUE(has(checked.decision, "binding-conflict", Severity::Error));
}

TEST(BindingConflicts, AnExplicitBindingFromAnotherLicensorThanTheSourceRuleWarns) {
    const ProjectLayer osm =
        layerOn("type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png", "vl-cc0");
    const LayerBindingResult bound = LayerBinder(bundledCatalog()).bind(osm);
    ASSERT_EQ(bound.sources.size(), 2U);
    EXPECT_EQ(bound.binding->licences.front().licence_id, "vl-cc0")
        << "a source rule is only a fallback";
    ASSERT_EQ(bound.conflicts.size(), 1U);
    EXPECT_EQ(bound.conflicts[0].severity, Severity::Warning);

    CheckRequest request;
    request.evaluation.action = Action::Display;
    request.evaluation.context.date = Date::parse("2026-06-01");
    const CheckResult checked = checkProject(projectWith(osm), bundledCatalog(), request);
    EXPECT_TRUE(has(checked.decision, "binding-conflict", Severity::Warning));
    EXPECT_EQ(checked.decision.verdict, Verdict::Permitted) << "a doubt warns, it does not fail";

    // The rule's own licensor bound explicitly: nothing to doubt.
    const ProjectLayer agreed =
        layerOn("type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png", "odbl-1.0");
    EXPECT_TRUE(LayerBinder(bundledCatalog()).bind(agreed).conflicts.empty());
}

} // namespace
} // namespace geolicence::test
