// QGIS 1.x/2.x print composers read as the layouts QGIS 3.22 converts them to, HTML labels,
// atlases and the old <legend> layer tree, on hand-written projects. QGIS's own reading of a
// 2.18 project and of real 1.8/2.18 projects is compared in tests/qgis/.
#include "test_files.h"
#include "test_support.h"

#include <geolicence/attribution.h>
#include <geolicence/layer_selection.h>
#include <geolicence/project_check.h>
#include <geolicence/project_reader.h>

#include <gtest/gtest.h>

namespace geolicence::test {
namespace {

const char* const kGrb =
    "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";

std::string item(const std::string& uuid, const std::string& id = "") {
    return "<ComposerItem id=\"" + id + "\" uuid=\"" + uuid + "\" x=\"0\" y=\"0\"/>";
}

// A QGIS 2.18 project: GRB buildings (custom property), OpenStreetMap (source rule), a theme.
std::string qgis2(const std::string& composers, const std::string& version = "2.18.28") {
    return "<qgis version=\"" + version +
           "\"><layer-tree-group>"
           "<layer-tree-layer id=\"grb\" name=\"Gebouwen\" checked=\"Qt::Checked\"/>"
           "<layer-tree-layer id=\"osm\" name=\"OSM\" checked=\"Qt::Unchecked\"/>"
           "</layer-tree-group>" +
           composers +
           "<projectlayers><maplayer type=\"vector\" geometry=\"Polygon\"><id>grb</id>"
           "<datasource>./grb.shp</datasource><layername>Gebouwen</layername>"
           "<provider>ogr</provider><customproperties>"
           "<property key=\"geolicence/licence\" value=\"grb-art7-intern-gebruik\"/>"
           "<property key=\"geolicence/options\" value=\"{&quot;valid_until&quot;: "
           "&quot;2030-12-31&quot;, &quot;publication_right&quot;: true}\"/>"
           "</customproperties></maplayer>"
           "<maplayer type=\"raster\"><id>osm</id><datasource>type=xyz&amp;url=https://"
           "tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png</datasource>"
           "<layername>OSM</layername><provider>wms</provider></maplayer></projectlayers>"
           "<visibility-presets><visibility-preset name=\"achtergrond\">"
           "<layer id=\"osm\" visible=\"1\"/></visibility-preset></visibility-presets></qgis>";
}

std::string composer(const std::string& title, const std::string& items,
                     const std::string& composition_name = "", const std::string& atlas = "") {
    const std::string name = composition_name.empty() ? "" : " name=\"" + composition_name + "\"";
    return "<Composer title=\"" + title + "\" visible=\"0\"><Composition" + name +
           " paperWidth=\"297\" paperHeight=\"210\" numPages=\"1\">" + items + "</Composition>" +
           atlas + "</Composer>";
}

std::string map(int number, const std::string& uuid, const std::string& layers,
                const std::string& keep, const std::string& preset = "",
                const std::string& data_defined = "") {
    return "<ComposerMap id=\"" + std::to_string(number) + "\" keepLayerSet=\"" + keep +
           "\" followPreset=\"" + (preset.empty() ? "false" : "true") + "\" followPresetName=\"" +
           preset + "\"><LayerSet>" + layers + "</LayerSet><ComposerItem id=\"Map " +
           std::to_string(number) + "\" uuid=\"" + uuid + "\">" + data_defined +
           "</ComposerItem></ComposerMap>";
}

std::string label(const std::string& text, int html_state, const std::string& uuid) {
    return "<ComposerLabel labelText=\"" + text + "\" htmlState=\"" + std::to_string(html_state) +
           "\">" + item(uuid) + "</ComposerLabel>";
}

TEST(Composers, NamedAsQgisConvertsThemAndDuplicatesNumbered) {
    const Project project =
        readProject(writeFile(makeTempDir(), "p.qgs",
                              qgis2(composer("Composer 1", map(0, "{m1}", "", "false")) +
                                    composer("Composer 1", map(0, "{m2}", "", "false")) +
                                    composer("Titel", map(0, "{m3}", "", "false"), "Eigen naam"))));
    ASSERT_EQ(project.layouts.size(), 3U);
    EXPECT_EQ(project.layouts[0].name, "Composer 1");
    EXPECT_EQ(project.layouts[1].name, "Composer 1 2");
    EXPECT_EQ(project.layouts[2].name, "Eigen naam") << "the composition's name wins";
    EXPECT_NE(project.findLayout("Composer 1 2"), nullptr);
}

TEST(Composers, MapsLabelsLegendsAndAtlasAreRead) {
    const std::string items =
        map(0, "{vast}", "<Layer>grb</Layer><Layer>osm</Layer>", "true") +
        map(1, "{thema}", "<Layer>grb</Layer>", "false", "achtergrond") +
        map(2, "{vrij}", "", "false") + label(kGrb, 0, "{l1}") +
        label("&lt;p&gt;&amp;copy;&amp;nbsp;OpenStreetMap &lt;b&gt;contributors&lt;/b&gt;"
              "&lt;/p&gt;",
              2, "{l2}") +
        "<ComposerLegend map=\"1\" legendFilterByMap=\"1\">" + item("{g1}") + "</ComposerLegend>";
    const std::string atlas =
        "<Atlas enabled=\"true\" coverageLayer=\"grb\" hideCoverage=\"true\"/>";
    const Project project =
        readProject(writeFile(makeTempDir(), "p.qgs", qgis2(composer("Kaart", items, "", atlas))));
    ASSERT_EQ(project.layouts.size(), 1U);
    const Layout& layout = project.layouts[0];
    ASSERT_EQ(layout.maps.size(), 3U);
    EXPECT_EQ(layout.maps[0].id, "Map 0");
    EXPECT_EQ(layout.maps[0].uuid, "{vast}");
    EXPECT_TRUE(layout.maps[0].keep_layer_set);
    EXPECT_EQ(layersToRender(project, layout.maps[0]), (std::vector<std::string>{"grb", "osm"}));
    EXPECT_EQ(layersToRender(project, layout.maps[1]), std::vector<std::string>{"osm"})
        << "a followed theme wins over the stored set";
    EXPECT_EQ(layersToRender(project, layout.maps[2]), std::vector<std::string>{"grb"});
    ASSERT_EQ(layout.labels.size(), 2U);
    EXPECT_EQ(layout.labels[0].text, kGrb);
    EXPECT_FALSE(layout.labels[0].html);
    EXPECT_TRUE(layout.labels[1].html);
    EXPECT_EQ(layout.labels[1].text, "© OpenStreetMap contributors");
    ASSERT_EQ(layout.legends.size(), 1U);
    EXPECT_EQ(layout.legends[0].linked_map_uuid, "{thema}") << "2.x links by map number";
    EXPECT_TRUE(layout.legends[0].filter_by_map);
    EXPECT_TRUE(layout.atlas.enabled);
    EXPECT_EQ(layout.atlas.coverage_layer_id, "grb");
    EXPECT_TRUE(layout.atlas.hide_coverage);
}

TEST(Composers, CheckAndAttributionWorkOnAQgis2Layout) {
    const std::string labelled = map(0, "{m}", "<Layer>grb</Layer><Layer>osm</Layer>", "true") +
                                 label(kGrb, 0, "{l1}") +
                                 label("&amp;copy; OpenStreetMap contributors", 2, "{l2}");
    const std::string bare = map(0, "{m}", "<Layer>grb</Layer>", "true");
    const Project project = readProject(
        writeFile(makeTempDir(), "p.qgs",
                  qgis2(composer("Met bron", labelled) + composer("Zonder bron", bare))));
    CheckRequest request;
    request.evaluation.action = Action::Publish;
    // The paid GRB right ends on valid_until: without a date the decision would be conditional.
    request.evaluation.context.date = Date::parse("2026-06-01");
    request.layout = "Met bron";
    const CheckResult labelled_result = checkProject(project, bundledCatalog(), request);
    EXPECT_TRUE(labelled_result.decision.permitted());
    EXPECT_EQ(attributionTexts(labelled_result.decision),
              (std::vector<std::string>{kGrb, "© OpenStreetMap contributors"}));
    request.layout = "Zonder bron";
    const CheckResult bare_result = checkProject(project, bundledCatalog(), request);
    EXPECT_FALSE(bare_result.decision.permitted());
    ASSERT_FALSE(bare_result.decision.findings.empty());
    EXPECT_EQ(bare_result.decision.findings.back().rule, "attribution-missing");
}

TEST(Composers, AtlasCoverageLayerIsCheckedWithTheLayout) {
    const std::string atlas = "<Atlas enabled=\"true\" coverageLayer=\"grb\"/>";
    const Project project = readProject(writeFile(
        makeTempDir(), "p.qgs",
        qgis2(composer("Atlas", map(0, "{m}", "<Layer>osm</Layer>", "true"), "", atlas))));
    EXPECT_EQ(layersRenderedByLayout(project, project.layouts[0]),
              (std::vector<std::string>{"osm", "grb"}))
        << "the pages are the buildings: their licence applies, hidden or not";
}

TEST(Composers, DataDefinedLayersOfQgis2) {
    const std::string literal = "<dataDefinedMapLayers active=\"true\" useExpr=\"true\" "
                                "expr=\"'OSM'\" field=\"\"/>";
    const std::string expression = "<dataDefinedMapLayers active=\"true\" useExpr=\"true\" "
                                   "expr=\"@atlas_pagename\" field=\"\"/>";
    const Project project = readProject(
        writeFile(makeTempDir(), "p.qgs",
                  qgis2(composer("K", map(0, "{a}", "<Layer>grb</Layer>", "true", "", literal) +
                                          map(1, "{b}", "", "false", "", expression)))));
    EXPECT_EQ(layersToRender(project, project.layouts[0].maps[0]), std::vector<std::string>{"osm"});
    EXPECT_TRUE(project.layouts[0].maps[1].data_defined_layers_unresolved);
}

TEST(Composers, Qgis18ItemsOutsideTheCompositionAreMovedAsQgisDoes) {
    // QGIS 1.8 wrote items next to <Composition>; QGIS moves them in for files whose version
    // is on its chain of format transforms (1.8.0 is, 1.7.1 is not).
    const std::string items = "<Composer title=\"Oud\">" +
                              map(0, "", "<Layer>grb</Layer>", "true") + label(kGrb, 0, "") +
                              "<Composition paperWidth=\"297\"/></Composer>";
    const Project moved = readProject(writeFile(makeTempDir(), "p.qgs", qgis2(items, "1.8.0")));
    ASSERT_EQ(moved.layouts.size(), 1U);
    ASSERT_EQ(moved.layouts[0].maps.size(), 1U);
    EXPECT_FALSE(moved.layouts[0].maps[0].uuid.empty()) << "made up, as QGIS does";
    EXPECT_EQ(moved.layouts[0].labels.size(), 1U);
    const Project kept = readProject(writeFile(makeTempDir(), "p.qgs", qgis2(items, "1.7.1")));
    ASSERT_EQ(kept.layouts.size(), 1U);
    EXPECT_TRUE(kept.layouts[0].maps.empty());
}

TEST(LegacyLegend, QgisBelow24TreeGivesVisibility) {
    const std::string project =
        "<qgis version=\"1.8.0\"><legend updateDrawingOrder=\"true\">"
        "<legendlayer checked=\"Qt::Checked\" name=\"a\"><filegroup><legendlayerfile "
        "layerid=\"a\" visible=\"1\"/></filegroup></legendlayer>"
        "<legendgroup name=\"g\" checked=\"Qt::Unchecked\"><legendlayer checked=\"Qt::Checked\" "
        "name=\"b\"><filegroup><legendlayerfile layerid=\"b\"/></filegroup></legendlayer>"
        "</legendgroup></legend><projectlayers>"
        "<maplayer type=\"vector\"><id>a</id><layername>a</layername></maplayer>"
        "<maplayer type=\"vector\"><id>b</id><layername>b</layername></maplayer>"
        "</projectlayers></qgis>";
    const Project read = readProject(writeFile(makeTempDir(), "p.qgs", project));
    EXPECT_EQ(layerOrder(read), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(visibleLayers(read), std::vector<std::string>{"a"});
}

TEST(HtmlLabels, Qgis3HtmlLabelIsTheTextItShows) {
    const std::string project =
        "<qgis version=\"3.22.16\"><Layouts><Layout name=\"L\">"
        "<LayoutItem type=\"65641\" htmlState=\"1\" labelText=\""
        "&lt;style&gt;p {color: red}&lt;/style&gt;&lt;script&gt;var a = '&amp;lt;';"
        "&lt;/script&gt;&lt;!-- verborgen --&gt;&lt;p class=&quot;x&gt;y&quot;&gt;Bron&amp;nbsp;:"
        " AGIV &amp;amp; &amp;#169; &amp;#x00e9;&amp;eacute;&lt;br/&gt;regel"
        "  twee &amp;onbekend; &amp;shy;&lt;/p&gt;\"/>"
        "<LayoutItem type=\"65641\" htmlState=\"0\" labelText=\"&lt;b&gt;letterlijk&lt;/b&gt;\"/>"
        "</Layout></Layouts></qgis>";
    const Project read = readProject(writeFile(makeTempDir(), "p.qgs", project));
    ASSERT_EQ(read.layouts[0].labels.size(), 2U);
    EXPECT_EQ(read.layouts[0].labels[0].text, "Bron : AGIV & © éé\nregel twee &onbekend;");
    EXPECT_EQ(read.layouts[0].labels[1].text, "<b>letterlijk</b>") << "not HTML: as written";
}

} // namespace
} // namespace geolicence::test
