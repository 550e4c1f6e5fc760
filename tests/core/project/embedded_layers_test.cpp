// Embedded layers and groups (QGIS "Embed Layers and Groups") on hand-written projects: what
// QGIS itself writes is compared with QGIS in tests/qgis/ (embedded_corpus.py); here the rules
// that need odd files: chains and cycles, missing or unreadable sources, absolute-path
// sources, the limit on referenced projects, and that a check fails closed on each.
#include "test_files.h"
#include "test_support.h"

#include <geolicence/layer_selection.h>
#include <geolicence/project_check.h>
#include <geolicence/project_reader.h>

#include <gtest/gtest.h>

#include <filesystem>

namespace geolicence::test {
namespace {

std::string maplayer(const std::string& id, const std::string& name, const std::string& source,
                     const std::string& properties = "") {
    return "<maplayer type=\"vector\"><id>" + id + "</id><datasource>" + source +
           "</datasource><layername>" + name +
           "</layername><provider>ogr</provider><customproperties>" + properties +
           "</customproperties></maplayer>\n";
}

std::string embeddedMaplayer(const std::string& id, const std::string& project) {
    return "<maplayer embedded=\"1\" project=\"" + project + "\" id=\"" + id + "\"/>\n";
}

std::string embeddedProperties(const std::string& project, const std::string& extra = "") {
    return "<customproperties><Option type=\"Map\"><Option type=\"int\" value=\"1\" "
           "name=\"embedded\"/><Option type=\"QString\" value=\"" +
           project + "\" name=\"embedded_project\"/>" + extra + "</Option></customproperties>";
}

std::string project(const std::string& tree, const std::string& layers,
                    const std::string& extra = "", const std::string& paths = "false") {
    return "<qgis version=\"3.22.16\"><layer-tree-group>" + tree +
           "</layer-tree-group><projectlayers>" + layers + "</projectlayers>" + extra +
           "<properties><Paths><Absolute type=\"bool\">" + paths +
           "</Absolute></Paths></properties></qgis>\n";
}

const char* const kNdff = "<property key=\"geolicence/licence\" value=\"ndff-uitvoerportaal\"/>";

// bron/bron.qgs: "Gedeeld" (obs, Achtergrond (grb unchecked)) and a loose sketch layer.
std::string writeSource(const std::string& dir, const std::string& name = "bron.qgs") {
    std::filesystem::create_directories(dir + "/bron/data");
    writeFile(dir + "/bron/data", "grb.geojson", "{}");
    writeFile(
        dir + "/bron/data", "grb.geojson.licence.json",
        R"({"licence": "grb-art7-intern-gebruik", "options": {"valid_until": "2030-12-31", "publication_right": true}})");
    const std::string tree =
        "<layer-tree-group name=\"Gedeeld\" checked=\"Qt::Checked\">"
        "<layer-tree-layer id=\"obs\" name=\"Waarnemingen\" checked=\"Qt::Checked\"/>"
        "<layer-tree-group name=\"Achtergrond\" checked=\"Qt::Unchecked\">"
        "<layer-tree-layer id=\"grb\" name=\"Gebouwen\" checked=\"Qt::Checked\"/>"
        "</layer-tree-group></layer-tree-group>"
        "<layer-tree-layer id=\"schets\" name=\"Schets\" checked=\"Qt::Checked\"/>";
    const std::string layers = maplayer("obs", "Waarnemingen", "./data/obs.gpkg", kNdff) +
                               maplayer("grb", "Gebouwen", "./data/grb.geojson") +
                               maplayer("schets", "Schets", "../elders/schets.shp");
    return writeFile(dir + "/bron", name, project(tree, layers));
}

CheckResult checkPublish(const Project& project) {
    CheckRequest request;
    request.evaluation.action = Action::Publish;
    return checkProject(project, bundledCatalog(), request);
}

std::vector<std::string> rules(const Decision& decision) {
    std::vector<std::string> out;
    for (const Finding& finding : decision.findings) {
        out.push_back(finding.rule);
    }
    return out;
}

const Finding* findingOf(const Decision& decision, const std::string& rule) {
    for (const Finding& finding : decision.findings) {
        if (finding.rule == rule) {
            return &finding;
        }
    }
    return nullptr;
}

TEST(EmbeddedLayers, LayerIsReadInItsProjectWithItsBindingAndTheEmbeddingVisibility) {
    const std::string dir = makeTempDir();
    writeSource(dir);
    const std::string tree = "<layer-tree-layer id=\"obs\" name=\"Mijn naam\" "
                             "checked=\"Qt::Unchecked\">" +
                             embeddedProperties("./bron/bron.qgs") +
                             "</layer-tree-layer><layer-tree-layer id=\"grb\" name=\"x\" "
                             "checked=\"Qt::Checked\">" +
                             embeddedProperties("./bron/bron.qgs") + "</layer-tree-layer>";
    const Project embedding =
        readProject(writeFile(dir, "doel.qgs",
                              project(tree, embeddedMaplayer("obs", "./bron/bron.qgs") +
                                                embeddedMaplayer("grb", "./bron/bron.qgs"))));
    EXPECT_TRUE(embedding.unreadable_layers.empty());
    const ProjectLayer* obs = embedding.findLayer("obs");
    ASSERT_NE(obs, nullptr);
    EXPECT_EQ(obs->name, "Waarnemingen") << "QGIS keeps the source project's name";
    EXPECT_EQ(obs->source, dir + "/bron/data/obs.gpkg") << "relative to the source project";
    EXPECT_EQ(obs->custom_properties.at("geolicence/licence"), "ndff-uitvoerportaal");
    EXPECT_EQ(obs->embedded_from, dir + "/bron/bron.qgs");
    EXPECT_EQ(visibleLayers(embedding), std::vector<std::string>{"grb"})
        << "the embedding project's check state, not the source's";
    // The sidecar next to the source project's data binds the GRB layer.
    const CheckResult result = checkPublish(embedding);
    ASSERT_EQ(result.layers.size(), 1U);
    ASSERT_TRUE(result.layers[0].binding);
    EXPECT_EQ(result.layers[0].binding->licences.front().licence_id, "grb-art7-intern-gebruik");
    EXPECT_EQ(result.layers[0].binding->from, "sidecar");
}

TEST(EmbeddedLayers, GroupBringsItsSubtreeAndTheEmbeddingHidesWhatItLists) {
    const std::string dir = makeTempDir();
    writeSource(dir);
    // The old-style list of one ("value" attribute), as QGIS 3.0 wrote it.
    const std::string tree =
        "<layer-tree-group name=\"Gedeeld\" checked=\"Qt::Checked\"><customproperties>"
        "<property key=\"embedded\" value=\"1\"/>"
        "<property key=\"embedded-invisible-layers\" value=\"obs\"/>"
        "<property key=\"embedded_project\" value=\"./bron/bron.qgs\"/>"
        "</customproperties></layer-tree-group>";
    const Project embedding = readProject(writeFile(dir, "doel.qgs", project(tree, "")));
    EXPECT_TRUE(embedding.unreadable_layers.empty());
    ASSERT_NE(embedding.findLayer("obs"), nullptr);
    ASSERT_NE(embedding.findLayer("grb"), nullptr);
    EXPECT_EQ(embedding.findLayer("schets"), nullptr) << "only the group's layers";
    EXPECT_EQ(layerOrder(embedding), (std::vector<std::string>{"obs", "grb"}));
    // obs hidden by the list; grb checked (not listed) but its subgroup is unchecked there.
    EXPECT_TRUE(visibleLayers(embedding).empty());
}

TEST(EmbeddedLayers, SourceMayBeAQgzAndStoreAbsolutePaths) {
    const std::string dir = makeTempDir();
    std::filesystem::create_directories(dir + "/bron");
    writeZip(dir + "/bron/bron.qgz",
             {{"bron.qgs", project("", maplayer("obs", "Waarnemingen", "./data/obs.gpkg", kNdff),
                                   "", "true")}});
    const Project embedding =
        readProject(writeFile(dir, "doel.qgs",
                              project("<layer-tree-layer id=\"obs\" checked=\"Qt::Checked\"/>",
                                      embeddedMaplayer("obs", "./bron/bron.qgz"))));
    ASSERT_NE(embedding.findLayer("obs"), nullptr);
    EXPECT_EQ(embedding.findLayer("obs")->source, "./data/obs.gpkg")
        << "a project storing absolute paths resolves nothing (QgsPathResolver without base)";
}

TEST(EmbeddedLayers, MissingSourceProjectIsAnErrorNamingTheFile) {
    const std::string dir = makeTempDir();
    const std::string tree =
        "<layer-tree-layer id=\"obs\" name=\"Waarnemingen\" checked=\"Qt::Checked\">" +
        embeddedProperties("./weg.qgs") +
        "</layer-tree-layer><layer-tree-group name=\"Gedeeld\" checked=\"Qt::Unchecked\">" +
        embeddedProperties("./weg.qgs") + "</layer-tree-group>";
    const Project embedding = readProject(
        writeFile(dir, "doel.qgs", project(tree, embeddedMaplayer("obs", "./weg.qgs"))));
    ASSERT_EQ(embedding.unreadable_layers.size(), 2U);
    EXPECT_EQ(embedding.unreadable_layers[0].layer_id, "obs");
    EXPECT_EQ(embedding.unreadable_layers[0].name, "Waarnemingen") << "the tree node's name";
    EXPECT_EQ(embedding.unreadable_layers[0].reason, dir + "/weg.qgs: no such file");
    EXPECT_EQ(embedding.unreadable_layers[1].kind, UnreadableLayer::Kind::EmbeddedGroup);
    const CheckResult result = checkPublish(embedding);
    EXPECT_FALSE(result.decision.permitted());
    EXPECT_EQ(rules(result.decision),
              (std::vector<std::string>{"unreadable-layer", "unreadable-layer"}))
        << "once per layer and group, not again as an unknown id";
    EXPECT_EQ(result.decision.findings[0].severity, Severity::Error);
    EXPECT_NE(result.decision.findings[0].message.find(dir + "/weg.qgs: no such file"),
              std::string::npos);
    EXPECT_NE(result.decision.findings[1].message.find("Embedded group \"Gedeeld\""),
              std::string::npos)
        << "even hidden: what an unreadable group holds is unknown";
}

TEST(EmbeddedLayers, UnreadableSourceProjectIsAnError) {
    const std::string dir = makeTempDir();
    writeFile(dir, "kapot.qgs", "<qgis><projectlayers>");
    writeFile(dir, "aanval.qgs",
              "<!DOCTYPE qgis [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              "<qgis>&x;</qgis>");
    const Project embedding = readProject(writeFile(
        dir, "doel.qgs",
        project("<layer-tree-layer id=\"a\"/><layer-tree-layer id=\"b\"/>",
                embeddedMaplayer("a", "./kapot.qgs") + embeddedMaplayer("b", "./aanval.qgs"))));
    ASSERT_EQ(embedding.unreadable_layers.size(), 2U);
    EXPECT_NE(embedding.unreadable_layers[0].reason.find("kapot.qgs:1: not a valid QGIS project"),
              std::string::npos)
        << embedding.unreadable_layers[0].reason;
    EXPECT_NE(embedding.unreadable_layers[1].reason.find("entity declarations are not allowed"),
              std::string::npos)
        << embedding.unreadable_layers[1].reason;
}

TEST(EmbeddedLayers, ChainsAndCyclesEndAfterOneLevelAsInQgis) {
    const std::string dir = makeTempDir();
    writeSource(dir);
    // midden.qgs embeds obs from bron; doel.qgs embeds obs from midden: QGIS does not follow.
    writeFile(dir, "midden.qgs",
              project("<layer-tree-layer id=\"obs\"/>" +
                          std::string("<layer-tree-group name=\"Gedeeld\">") +
                          embeddedProperties("./bron/bron.qgs") + "</layer-tree-group>",
                      embeddedMaplayer("obs", "./bron/bron.qgs")));
    const std::string self = "<layer-tree-layer id=\"zelf\" name=\"Zelf\"/>";
    const Project embedding = readProject(writeFile(
        dir, "doel.qgs",
        project(self + "<layer-tree-group name=\"Gedeeld\">" + embeddedProperties("./midden.qgs") +
                    "</layer-tree-group>",
                embeddedMaplayer("obs", "./midden.qgs") + embeddedMaplayer("zelf", "./doel.qgs"))));
    EXPECT_TRUE(embedding.layers.empty());
    ASSERT_EQ(embedding.unreadable_layers.size(), 3U);
    EXPECT_NE(embedding.unreadable_layers[0].reason.find("is itself embedded there (from "
                                                         "./bron/bron.qgs)"),
              std::string::npos)
        << embedding.unreadable_layers[0].reason;
    EXPECT_NE(embedding.unreadable_layers[1].reason.find("is itself embedded there"),
              std::string::npos)
        << "a project embedding from itself finds only the reference: "
        << embedding.unreadable_layers[1].reason;
    EXPECT_NE(
        embedding.unreadable_layers[2].reason.find("group \"Gedeeld\" is itself embedded there"),
        std::string::npos)
        << embedding.unreadable_layers[2].reason;
}

TEST(EmbeddedLayers, LayerOrGroupTheSourceLacksIsAnError) {
    const std::string dir = makeTempDir();
    writeSource(dir);
    const Project embedding = readProject(
        writeFile(dir, "doel.qgs",
                  project("<layer-tree-layer id=\"weg\"/><layer-tree-group name=\"Bestaat niet\">" +
                              embeddedProperties("./bron/bron.qgs") + "</layer-tree-group>",
                          embeddedMaplayer("weg", "./bron/bron.qgs"))));
    ASSERT_EQ(embedding.unreadable_layers.size(), 2U);
    EXPECT_EQ(embedding.unreadable_layers[0].reason,
              dir + "/bron/bron.qgs: has no layer with id \"weg\"");
    EXPECT_EQ(embedding.unreadable_layers[1].reason,
              dir + "/bron/bron.qgs: has no group named \"Bestaat niet\"");
}

TEST(EmbeddedLayers, ReferencedProjectsAreBounded) {
    const std::string dir = makeTempDir();
    writeSource(dir, "een.qgs");
    writeSource(dir, "twee.qgs");
    ProjectReadLimits limits;
    limits.max_referenced_projects = 1;
    const Project embedding =
        readProject(writeFile(dir, "doel.qgs",
                              project("", embeddedMaplayer("obs", "./bron/een.qgs") +
                                              embeddedMaplayer("grb", "./bron/twee.qgs"))),
                    limits);
    ASSERT_NE(embedding.findLayer("obs"), nullptr);
    ASSERT_EQ(embedding.unreadable_layers.size(), 1U);
    EXPECT_NE(embedding.unreadable_layers[0].reason.find("embeds layers from more than 1 "
                                                         "projects"),
              std::string::npos);
}

TEST(EmbeddedLayers, ReferencedProjectsShareOneSizeBudget) {
    const std::string dir = makeTempDir();
    const std::string een = writeSource(dir, "een.qgs");
    writeSource(dir, "twee.qgs");
    const std::string embedding =
        writeFile(dir, "doel.qgs",
                  project("", embeddedMaplayer("obs", "./bron/een.qgs") +
                                  embeddedMaplayer("grb", "./bron/twee.qgs")));
    ProjectReadLimits limits;
    // Room for the embedding project and one source, not for both sources.
    limits.max_project_bytes = std::filesystem::file_size(een) * 3 / 2;
    const Project read = readProject(embedding, limits);
    ASSERT_NE(read.findLayer("obs"), nullptr);
    ASSERT_EQ(read.unreadable_layers.size(), 1U);
    EXPECT_NE(read.unreadable_layers[0].reason.find("twee.qgs"), std::string::npos);
    EXPECT_NE(read.unreadable_layers[0].reason.find("over the project size limit"),
              std::string::npos)
        << read.unreadable_layers[0].reason;
}

TEST(EmbeddedLayers, PipeAsSourceProjectIsRefusedNotWaitedOn) {
    const std::string dir = makeTempDir();
    ASSERT_EQ(runShell("mkfifo '" + dir + "/pijp.qgs'").first, 0);
    const Project embedding =
        readProject(writeFile(dir, "doel.qgs", project("", embeddedMaplayer("obs", "./pijp.qgs"))));
    ASSERT_EQ(embedding.unreadable_layers.size(), 1U);
    EXPECT_EQ(embedding.unreadable_layers[0].reason, dir + "/pijp.qgs: not a regular file");
}

TEST(UnidentifiedLayers, LayerWithoutIdAndUnknownIdsFailTheCheck) {
    const std::string dir = makeTempDir();
    const std::string layout =
        "<Layouts><Layout name=\"Kaart\"><LayoutItem type=\"65639\" id=\"kaart\" "
        "uuid=\"{k}\" keepLayerSet=\"true\"><LayerSet><Layer>obs</Layer><Layer>verdwenen"
        "</Layer></LayerSet></LayoutItem></Layout></Layouts>";
    const Project with_problems =
        readProject(writeFile(dir, "p.qgs",
                              project("<layer-tree-layer id=\"obs\" checked=\"Qt::Checked\"/>",
                                      maplayer("obs", "Waarnemingen", "./obs.gpkg", kNdff) +
                                          maplayer("", "Naamloos", "./x.gpkg"),
                                      layout)));
    ASSERT_EQ(with_problems.unreadable_layers.size(), 1U);
    EXPECT_EQ(with_problems.unreadable_layers[0].kind, UnreadableLayer::Kind::LayerWithoutId);
    CheckRequest request;
    request.evaluation.action = Action::UseInternal;
    request.layout = "Kaart";
    const CheckResult result = checkProject(with_problems, bundledCatalog(), request);
    EXPECT_FALSE(result.decision.permitted()) << "use-internal is permitted for NDFF: the "
                                                 "problems alone must fail it";
    const Finding* unknown = findingOf(result.decision, "unknown-layer");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->layer_id, "verdwenen");
    EXPECT_EQ(unknown->severity, Severity::Error);
    const Finding* unreadable = findingOf(result.decision, "unreadable-layer");
    ASSERT_NE(unreadable, nullptr);
    EXPECT_NE(unreadable->message.find("\"Naamloos\" (without id)"), std::string::npos);
    // In Dutch as well.
    request.evaluation.language = Language::Dutch;
    const CheckResult dutch = checkProject(with_problems, bundledCatalog(), request);
    EXPECT_NE(findingOf(dutch.decision, "unknown-layer")->message.find("definieert die niet"),
              std::string::npos);
}

} // namespace
} // namespace geolicence::test
