// The project reader on hand-written projects (forms QGIS 3.22 no longer writes, relative
// paths) and on hostile files. What QGIS itself writes is covered by tests/qgis/.
#include "test_files.h"
#include "test_support.h"

#include <geolicence/errors.h>
#include <geolicence/layer_selection.h>
#include <geolicence/project_reader.h>

#include <gtest/gtest.h>

#include <chrono>

namespace geolicence::test {
namespace {

// A QGIS 3.10-style project: <property> custom properties, relative paths, two layouts.
const char* kOldStyleProject = R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="Oud project" version="3.10.14-A Coruña">
  <title>Oud project</title>
  <layer-tree-group>
    <layer-tree-layer id="obs" name="Waarnemingen" checked="Qt::Checked" providerKey="ogr"/>
    <layer-tree-group name="Achtergrond" checked="Qt::Unchecked">
      <layer-tree-layer id="csv" name="Tellingen" checked="Qt::Checked" providerKey="delimitedtext"/>
    </layer-tree-group>
    <layer-tree-layer id="lite" name="Spatialite" checked="Qt::Unchecked" providerKey="spatialite"/>
    <custom-order enabled="0"/>
  </layer-tree-group>
  <projectlayers>
    <maplayer type="vector" geometry="Point">
      <id>obs</id>
      <datasource>./data/obs.gpkg|layername=waarnemingen</datasource>
      <layername>Waarnemingen</layername>
      <srs><spatialrefsys><authid>EPSG:28992</authid></spatialrefsys></srs>
      <provider encoding="UTF-8">ogr</provider>
      <resourceMetadata><rights>BIJ12</rights><license>ndff-uitvoerportaal</license></resourceMetadata>
      <customproperties>
        <property key="geolicence/licence" value="ndff-uitvoerportaal"/>
        <property key="geolicence/options" value="{&quot;role&quot;: &quot;contractor&quot;}"/>
        <property key="variableNames"><value>a</value></property>
      </customproperties>
    </maplayer>
    <maplayer type="vector" geometry="Point">
      <id>csv</id>
      <datasource>file:./data/tellingen.csv?type=csv&amp;xField=x&amp;yField=y</datasource>
      <layername>Tellingen</layername>
      <provider>delimitedtext</provider>
    </maplayer>
    <maplayer type="vector" geometry="Point">
      <id>lite</id>
      <datasource>dbname='../shared/db.sqlite' table="punten" (geom)</datasource>
      <layername>Spatialite</layername>
      <provider>spatialite</provider>
    </maplayer>
  </projectlayers>
  <visibility-presets>
    <visibility-preset name="alles">
      <layer id="csv"/>
      <layer id="obs"/>
    </visibility-preset>
  </visibility-presets>
  <Layouts>
    <Layout name="Kaart">
      <LayoutItem type="65639" id="Map 1" uuid="{m1}" keepLayerSet="false" followPreset="false" followPresetName="">
        <LayerSet/>
      </LayoutItem>
      <LayoutItem type="65639" id="Map 2" uuid="{m2}" keepLayerSet="true" followPreset="true" followPresetName="alles">
        <LayerSet><Layer>lite</Layer></LayerSet>
      </LayoutItem>
      <LayoutItem type="65641" id="" uuid="{l1}" labelText="Bron: NDFF &amp; gemeente"/>
      <LayoutItem type="65642" id="" uuid="{g1}" map_uuid="{m1}">
        <layer-tree-group><layer-tree-group name="x"><layer-tree-layer id="obs"/></layer-tree-group></layer-tree-group>
      </LayoutItem>
    </Layout>
  </Layouts>
</qgis>
)";

std::string readError(const std::string& path, const ProjectReadLimits& limits = {}) {
    const auto start = std::chrono::steady_clock::now();
    try {
        readProject(path, limits);
    } catch (const InputError& e) {
        // Bounded time: a hostile file is refused quickly, never worked through.
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
        return e.what();
    }
    ADD_FAILURE() << path << " was read without error";
    return "";
}

TEST(ProjectReader, ReadsOldStyleCustomPropertiesMetadataAndRelativePaths) {
    const std::string dir = makeTempDir();
    const Project project = readProject(writeFile(dir, "oud.qgs", kOldStyleProject));
    ASSERT_EQ(project.layers.size(), 3U);
    const ProjectLayer& obs = *project.findLayer("obs");
    EXPECT_EQ(obs.name, "Waarnemingen");
    EXPECT_EQ(obs.provider, "ogr");
    EXPECT_EQ(obs.crs, "EPSG:28992");
    EXPECT_EQ(obs.source, dir + "/data/obs.gpkg|layername=waarnemingen");
    EXPECT_EQ(obs.custom_properties.at("geolicence/licence"), "ndff-uitvoerportaal");
    EXPECT_EQ(obs.custom_properties.at("geolicence/options"), R"({"role": "contractor"})");
    EXPECT_EQ(obs.metadata_licenses, std::vector<std::string>{"ndff-uitvoerportaal"});
    EXPECT_EQ(obs.metadata_rights, std::vector<std::string>{"BIJ12"});
    EXPECT_EQ(project.findLayer("csv")->source,
              "file://" + dir + "/data/tellingen.csv?type=csv&xField=x&yField=y");
    const std::string parent = std::filesystem::path(dir).parent_path().string();
    EXPECT_EQ(project.findLayer("lite")->source,
              "dbname='" + parent + "/shared/db.sqlite' table=\"punten\" (geom)");
}

TEST(ProjectReader, ReadsLayoutsLabelsAndLegends) {
    const Project project = readProject(writeFile(makeTempDir(), "oud.qgs", kOldStyleProject));
    ASSERT_EQ(project.layouts.size(), 1U);
    const Layout& layout = project.layouts[0];
    ASSERT_EQ(layout.maps.size(), 2U);
    ASSERT_EQ(layout.labels.size(), 1U);
    EXPECT_EQ(layout.labels[0].text, "Bron: NDFF & gemeente");
    ASSERT_EQ(layout.legends.size(), 1U);
    EXPECT_FALSE(layout.legends[0].auto_update);
    EXPECT_EQ(layout.legends[0].layers, std::vector<std::string>{"obs"});
    EXPECT_TRUE(legendShowsLayer(project, layout, "obs"));
    EXPECT_FALSE(legendShowsLayer(project, layout, "csv"));
}

TEST(LayerSelection, VisibleLayersNeedTheirGroupsChecked) {
    const Project project = readProject(writeFile(makeTempDir(), "oud.qgs", kOldStyleProject));
    EXPECT_EQ(visibleLayers(project), std::vector<std::string>{"obs"});
    EXPECT_EQ(layerOrder(project), (std::vector<std::string>{"obs", "csv", "lite"}));
}

TEST(LayerSelection, ThemeWinsOverStoredSetAndFreeMapsShowVisibleLayers) {
    const Project project = readProject(writeFile(makeTempDir(), "oud.qgs", kOldStyleProject));
    const Layout& layout = project.layouts[0];
    EXPECT_EQ(layersToRender(project, layout.maps[0]), std::vector<std::string>{"obs"});
    EXPECT_EQ(layersToRender(project, layout.maps[1]), (std::vector<std::string>{"obs", "csv"}))
        << "theme layers in layer order, not the stored set";
}

TEST(LayerSelection, MissingThemeFallsBackToVisibleLayersAndDataDefinedListWins) {
    Project project = readProject(writeFile(makeTempDir(), "oud.qgs", kOldStyleProject));
    LayoutMap map;
    map.follow_theme = true;
    map.theme_name = "bestaat niet";
    map.layer_set = {"lite"};
    EXPECT_EQ(layersToRender(project, map), std::vector<std::string>{"obs"});
    map.data_defined_layers = "Tellingen|Spatialite|geen laag";
    EXPECT_EQ(layersToRender(project, map), (std::vector<std::string>{"csv", "lite"}));
}

TEST(LayerSelection, CustomOrderDecidesRenderOrder) {
    Project project = readProject(writeFile(makeTempDir(), "oud.qgs", kOldStyleProject));
    project.custom_order_enabled = true;
    project.custom_order = {"lite", "obs"};
    EXPECT_EQ(layerOrder(project), (std::vector<std::string>{"lite", "obs", "csv"}))
        << "layers the custom order does not mention come after it";
}

TEST(ProjectReader, ReadsAQgz) {
    const std::string dir = makeTempDir();
    const std::string qgz =
        writeZip(dir + "/p.qgz", {{"p.qgs", kOldStyleProject}, {"p.qgd", std::string(100, 'x')}});
    const Project project = readProject(qgz);
    EXPECT_EQ(project.layers.size(), 3U);
    EXPECT_EQ(project.findLayer("obs")->source, dir + "/data/obs.gpkg|layername=waarnemingen");
}

struct HostileCase {
    std::string name;
    std::string expected;
};

TEST(ProjectReaderHostile, EntityBombIsRefusedWithoutExpansion) {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE qgis [\n<!ENTITY a \"aaaaaaaaaa\">\n";
    for (int i = 1; i < 10; ++i) {
        bomb += "<!ENTITY " + std::string(1, static_cast<char>('a' + i)) + " \"";
        for (int j = 0; j < 10; ++j) {
            bomb += "&" + std::string(1, static_cast<char>('a' + i - 1)) + ";";
        }
        bomb += "\">\n";
    }
    bomb += "]>\n<qgis><title>&j;</title></qgis>\n";
    const std::string error = readError(writeFile(makeTempDir(), "bomb.qgs", bomb));
    EXPECT_NE(error.find("bomb.qgs: XML entity declarations are not allowed"), std::string::npos)
        << error;
}

TEST(ProjectReaderHostile, ExternalEntityIsNeverFetched) {
    const std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE qgis [<!ENTITY x SYSTEM "
                            "\"file:///etc/passwd\">]>\n<qgis><title>&x;</title></qgis>\n";
    const std::string error = readError(writeFile(makeTempDir(), "xxe.qgs", xxe));
    EXPECT_NE(error.find("xxe.qgs: XML entity declarations are not allowed"), std::string::npos)
        << error;
}

TEST(ProjectReaderHostile, TruncatedProjectNamesTheLine) {
    const std::string text(kOldStyleProject);
    const std::string error =
        readError(writeFile(makeTempDir(), "kapot.qgs", text.substr(0, text.size() / 2)));
    EXPECT_NE(error.find("kapot.qgs:"), std::string::npos) << error;
    EXPECT_NE(error.find("not a valid QGIS project"), std::string::npos) << error;
}

TEST(ProjectReaderHostile, OtherXmlIsNotAProject) {
    const std::string error =
        readError(writeFile(makeTempDir(), "pagina.qgs", "<html><body/></html>"));
    EXPECT_NE(error.find("no <qgis> root element"), std::string::npos) << error;
}

TEST(ProjectReaderHostile, TruncatedQgzIsACorruptZip) {
    const std::string dir = makeTempDir();
    const std::string qgz = writeZip(dir + "/p.qgz", {{"p.qgs", kOldStyleProject}});
    const std::string bytes = readFile(qgz);
    const std::string error =
        readError(writeFile(dir, "half.qgz", bytes.substr(0, bytes.size() / 2)));
    EXPECT_NE(error.find("half.qgz: not a readable .qgz"), std::string::npos) << error;
}

TEST(ProjectReaderHostile, ZipWithThousandsOfEntriesIsRefused) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (int i = 0; i < 10000; ++i) {
        entries.emplace_back("f" + std::to_string(i) + ".txt", "");
    }
    entries.emplace_back("p.qgs", kOldStyleProject);
    const std::string error = readError(writeZip(makeTempDir() + "/many.qgz", entries));
    EXPECT_NE(error.find("many.qgz: .qgz holds 10001 entries"), std::string::npos) << error;
}

TEST(ProjectReaderHostile, ZipBombIsRefusedWhileInflating) {
    // 64 MiB of one character compresses about a thousandfold.
    const std::string text = "<qgis><title>" + std::string(64u << 20, 'a') + "</title></qgis>";
    const std::string error = readError(writeZip(makeTempDir() + "/bomb.qgz", {{"p.qgs", text}}));
    EXPECT_NE(error.find("bomb.qgz: the .qgs inside inflates more than 200 times"),
              std::string::npos)
        << error;
}

TEST(ProjectReaderHostile, ProjectOverTheSizeLimitIsRefused) {
    ProjectReadLimits limits;
    limits.max_project_bytes = 1000;
    const std::string dir = makeTempDir();
    EXPECT_NE(readError(writeFile(dir, "groot.qgs", kOldStyleProject), limits)
                  .find("over the project size limit"),
              std::string::npos);
    EXPECT_NE(readError(writeZip(dir + "/groot.qgz", {{"p.qgs", kOldStyleProject}}), limits)
                  .find("over the limit"),
              std::string::npos);
}

TEST(ProjectReaderHostile, QgzWithoutProjectOrWithTwo) {
    const std::string dir = makeTempDir();
    EXPECT_NE(readError(writeZip(dir + "/leeg.qgz", {{"readme.txt", "x"}})).find("holds no .qgs"),
              std::string::npos);
    EXPECT_NE(readError(writeZip(dir + "/twee.qgz",
                                 {{"a.qgs", kOldStyleProject}, {"b.qgs", kOldStyleProject}}))
                  .find("more than one .qgs"),
              std::string::npos);
}

TEST(ProjectReaderHostile, MissingFileAndWrongExtension) {
    EXPECT_NE(readError("/nonexistent/p.qgs").find("/nonexistent/p.qgs: no such file"),
              std::string::npos);
    const std::string dir = makeTempDir();
    EXPECT_NE(readError(writeFile(dir, "p.txt", kOldStyleProject)).find("expected .qgs or .qgz"),
              std::string::npos);
}

TEST(ProjectReaderHostile, InvalidUtf8InNamesIsKept) {
    std::string text(kOldStyleProject);
    const std::string name = "<layername>Waarnemingen</layername>";
    text.replace(text.find(name), name.size(), "<layername>Waar\xff\xfenemingen</layername>");
    const Project project = readProject(writeFile(makeTempDir(), "utf.qgs", text));
    EXPECT_EQ(project.findLayer("obs")->name, "Waar\xff\xfenemingen");
}

} // namespace
} // namespace geolicence::test
