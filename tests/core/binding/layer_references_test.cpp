// A virtual layer and a layer with vector joins show other layers' data: they are derived data
// made on the fly, under every licence of what they show (bindProjectLayer), so exact NDFF
// points behind a virtual layer or a join are judged as NDFF data, not as an unlicensed layer.
#include "test_support.h"

#include <geolicence/layer_references.h>
#include <geolicence/project_binding.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace geolicence::test {
namespace {

ProjectLayer boundLayer(const std::string& id, const std::string& licence) {
    ProjectLayer layer;
    layer.id = id;
    layer.name = id;
    layer.type = "vector";
    layer.provider = "memory";
    layer.source = "Point?crs=EPSG:28992";
    if (!licence.empty()) {
        layer.custom_properties[kLicenceProperty] = licence;
    }
    return layer;
}

ProjectLayer virtualLayer(const std::string& id, const std::string& definition) {
    ProjectLayer layer = boundLayer(id, "");
    layer.provider = "virtual";
    layer.source = definition;
    return layer;
}

struct Bound {
    std::optional<LicenceBinding> binding;
    std::vector<Finding> problems;
};

Bound bindShown(const ProjectLayer& layer, const std::map<std::string, ProjectLayer>& project) {
    const LayerBinder binder(bundledCatalog());
    Bound result;
    const ProjectLayerLookup lookup = [&project](const std::string& id) {
        const auto it = project.find(id);
        return it == project.end() ? std::nullopt : std::optional<ProjectLayer>(it->second);
    };
    result.binding = bindProjectLayer(binder, bundledCatalog(), layer, {}, Language::English,
                                      result.problems, nullptr, lookup)
                         .binding;
    return result;
}

std::vector<std::string> ids(const LicenceBinding& binding) {
    std::vector<std::string> out;
    for (const BoundLicence& licence : binding.licences) {
        out.push_back(licence.licence_id);
    }
    return out;
}

TEST(LayerReferences, AVirtualLayerNamesItsProjectLayersAndItsFiles) {
    // As QGIS 3.22 writes it (QgsVirtualLayerDefinition::toString).
    const LayerReferences references = layerReferences(virtualLayer(
        "v", "?layer_ref=punten_97406ccf:p&layer=ogr:%2Fdata%2Fobs%20nl.gpkg%7Clayername%3Dobs:"
             "q:UTF-8&query=SELECT%20p.*%20FROM%20p%20JOIN%20q%20ON%20p.code%20%3D%20q.code"));
    EXPECT_EQ(references.layer_ids, std::vector<std::string>{"punten_97406ccf"});
    ASSERT_EQ(references.data.size(), 1U);
    EXPECT_EQ(references.data[0].provider, "ogr");
    EXPECT_EQ(references.data[0].source, "/data/obs nl.gpkg|layername=obs");
    EXPECT_EQ(references.data[0].name, "q");
    EXPECT_EQ(references.tool, "QGIS virtual layer");
}

TEST(LayerReferences, JoinsAreReferencesAndOtherLayersHaveNone) {
    ProjectLayer gemeenten = boundLayer("gemeenten", "cc0-1.0");
    EXPECT_TRUE(layerReferences(gemeenten).empty());
    gemeenten.joined_layer_ids = {"ndff"};
    const LayerReferences references = layerReferences(gemeenten);
    EXPECT_EQ(references.layer_ids, std::vector<std::string>{"ndff"});
    EXPECT_EQ(references.tool, "QGIS join");
}

TEST(LayerReferences, RelativeSourcesAreResolvedAndTheRestKeptByteForByte) {
    const std::string definition = "?layer=ogr:.%2Fobs.gpkg%7Clayername%3Dobs:q:UTF-8&layer_ref=a:"
                                   "p&query=SELECT%201&nogeometry";
    const std::string resolved = resolveVirtualLayerSource(definition, "/work/kaarten");
    EXPECT_EQ(resolved, "?layer=ogr:%2Fwork%2Fkaarten%2Fobs.gpkg%7Clayername%3Dobs:q:UTF-8"
                        "&layer_ref=a:p&query=SELECT%201&nogeometry");
    EXPECT_EQ(layerReferences(virtualLayer("v", resolved)).data.at(0).source,
              "/work/kaarten/obs.gpkg|layername=obs");
    const std::string absolute = "?layer=ogr:%2Fdata%2Fobs.gpkg:q:UTF-8&query=SELECT%201";
    EXPECT_EQ(resolveVirtualLayerSource(absolute, "/work/kaarten"), absolute);
}

TEST(LayerReferences, AVirtualLayerIsUnderItsSourcesLicences) {
    const std::map<std::string, ProjectLayer> project = {
        {"ndff", boundLayer("ndff", "ndff-uitvoerportaal")},
        {"grb", boundLayer("grb", "cc-by-4.0")}};
    const Bound bound =
        bindShown(virtualLayer("v", "?layer_ref=ndff:a&layer_ref=grb:b&query=SELECT%201"), project);
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(ids(*bound.binding), (std::vector<std::string>{"ndff-uitvoerportaal", "cc-by-4.0"}));
    ASSERT_EQ(bound.binding->derived_from.size(), 2U);
    EXPECT_EQ(bound.binding->derived_from[0].source, "ndff");
    EXPECT_EQ(bound.binding->derived_from[0].tool, "QGIS virtual layer");
    EXPECT_EQ(bound.binding->from, "QGIS virtual layer");
}

TEST(LayerReferences, AJoinAddsTheJoinedLayersLicencesToTheLayersOwn) {
    ProjectLayer gemeenten = boundLayer("gemeenten", "cc0-1.0");
    gemeenten.joined_layer_ids = {"ndff"};
    const Bound bound = bindShown(gemeenten, {{"ndff", boundLayer("ndff", "ndff-uitvoerportaal")}});
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(ids(*bound.binding), (std::vector<std::string>{"cc0-1.0", "ndff-uitvoerportaal"}));
    EXPECT_EQ(bound.binding->from, "custom-property + QGIS join");
}

// Aggregated NDFF cells behind a virtual layer do not make the virtual layer aggregated: SQL can
// make exact points of them, and the CLI cannot measure what the SQL gives.
TEST(LayerReferences, ASourcesClaimedCellSizeIsNotInherited) {
    ProjectLayer cells = boundLayer("hokken", "ndff-uitvoerportaal");
    cells.custom_properties[kOptionsProperty] = R"({"cell_size_m": 1000})";
    const Bound bound =
        bindShown(virtualLayer("v", "?layer_ref=hokken:h&query=SELECT%201"), {{"hokken", cells}});
    ASSERT_TRUE(bound.binding);
    ASSERT_EQ(bound.binding->licences.size(), 1U);
    EXPECT_EQ(bound.binding->licences[0].options.count("cell_size_m"), 0U);
    // The record of what the source carried keeps it.
    EXPECT_EQ(bound.binding->derived_from.at(0).licences.at(0).options.count("cell_size_m"), 1U);
}

TEST(LayerReferences, AMissingOrUnlicensedSourceStaysOnRecordWithoutALicence) {
    const Bound bound =
        bindShown(virtualLayer("v", "?layer_ref=weg:a&layer_ref=vrij:b&query=SELECT%201"),
                  {{"vrij", boundLayer("vrij", "")}});
    ASSERT_TRUE(bound.binding);
    EXPECT_TRUE(bound.binding->licences.empty());
    ASSERT_EQ(bound.binding->derived_from.size(), 2U);
    EXPECT_TRUE(bound.binding->derived_from[0].licences.empty());
    EXPECT_TRUE(bound.binding->derived_from[1].licences.empty());
}

TEST(LayerReferences, VirtualLayersOverVirtualLayersAreFollowedAndLoopsEnd) {
    const std::map<std::string, ProjectLayer> project = {
        {"ndff", boundLayer("ndff", "ndff-uitvoerportaal")},
        {"midden", virtualLayer("midden", "?layer_ref=ndff:a&query=SELECT%201")},
        {"lus1", virtualLayer("lus1", "?layer_ref=lus2:a&query=SELECT%201")},
        {"lus2", virtualLayer("lus2", "?layer_ref=lus1:a&layer_ref=ndff:b&query=SELECT%201")}};
    const Bound chained =
        bindShown(virtualLayer("boven", "?layer_ref=midden:m&query=SELECT%201"), project);
    ASSERT_TRUE(chained.binding);
    EXPECT_EQ(ids(*chained.binding), std::vector<std::string>{"ndff-uitvoerportaal"});
    ASSERT_EQ(chained.binding->derived_from.size(), 1U);
    EXPECT_EQ(chained.binding->derived_from[0].derived_from.size(), 1U);

    const Bound looped = bindShown(project.at("lus1"), project);
    ASSERT_TRUE(looped.binding);
    EXPECT_EQ(ids(*looped.binding), std::vector<std::string>{"ndff-uitvoerportaal"});
}

TEST(LayerReferences, AFileReadByTheVirtualLayerIsBoundFromItsSidecar) {
    const std::string dir = makeTempDir();
    const std::string file = dir + "/obs.geojson";
    std::ofstream(file) << R"({"type":"FeatureCollection","features":[]})";
    std::ofstream(file + ".licence.json") << R"({"licence":"ndff-uitvoerportaal"})";
    const Bound bound =
        bindShown(virtualLayer("v", "?layer=ogr:" + file + ":q:UTF-8&query=SELECT%201"), {});
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(ids(*bound.binding), std::vector<std::string>{"ndff-uitvoerportaal"});
}

} // namespace
} // namespace geolicence::test
