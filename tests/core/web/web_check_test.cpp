// check --target web in the core: what a project tells QGIS Server (and Lizmap) to serve, read
// from hand-written projects in the forms QGIS writes, and how each served layer is judged.
// Projects written by QGIS itself and the real server are covered by tests/qgis/web_server_test.py.
#include "test_files.h"
#include "test_project.h"
#include "test_support.h"

#include <geolicence/errors.h>
#include <geolicence/lizmap_config.h>
#include <geolicence/project_reader.h>
#include <geolicence/service_exposure.h>
#include <geolicence/web_check.h>

#include <gtest/gtest.h>

#include <algorithm>

namespace geolicence::test {
namespace {

struct TestLayer {
    std::string id;
    std::string name;
    std::string licence; // custom property geolicence/licence; empty: unlicensed
    std::string options; // JSON object, custom property geolicence/options
    std::string extra;   // more XML inside <maplayer> (flags, attribution, ...)
    std::string type = "vector";
};

std::string escapeXml(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// A project as QGIS 3.22 writes it: layers in the tree root unless `tree` is given, the
// server keys in <properties>.
std::string projectXml(const std::vector<TestLayer>& layers, const std::string& properties,
                       const std::string& tree = "", const std::string& version = "3.22.16") {
    std::string xml = "<qgis version=\"" + version + "-Białowieża\" projectname=\"web\">\n";
    xml += "<title>Webkaart</title>\n<layer-tree-group>\n";
    if (tree.empty()) {
        for (const TestLayer& layer : layers) {
            xml += "<layer-tree-layer id=\"" + layer.id + "\" name=\"" + escapeXml(layer.name) +
                   "\" checked=\"Qt::Checked\"/>\n";
        }
    } else {
        xml += tree;
    }
    xml += "</layer-tree-group>\n<projectlayers>\n";
    for (const TestLayer& layer : layers) {
        xml += "<maplayer type=\"" + layer.type + "\">\n<id>" + layer.id + "</id>\n";
        xml += "<datasource>./" + layer.id + ".gpkg</datasource>\n<layername>" +
               escapeXml(layer.name) + "</layername>\n<provider>ogr</provider>\n";
        xml += layer.extra;
        if (!layer.licence.empty()) {
            xml += "<customproperties><Option type=\"Map\">"
                   "<Option name=\"geolicence/licence\" type=\"QString\" value=\"" +
                   layer.licence + "\"/>";
            if (!layer.options.empty()) {
                xml += "<Option name=\"geolicence/options\" type=\"QString\" value=\"" +
                       escapeXml(layer.options) + "\"/>";
            }
            xml += "</Option></customproperties>\n";
        }
        xml += "</maplayer>\n";
    }
    xml += "</projectlayers>\n<properties>\n" + properties + "</properties>\n</qgis>\n";
    return xml;
}

std::string stringList(const std::string& key, const std::vector<std::string>& values) {
    std::string xml = "<" + key + " type=\"QStringList\">";
    for (const std::string& value : values) {
        xml += "<value>" + escapeXml(value) + "</value>";
    }
    return xml + "</" + key + ">\n";
}

std::string entry(const std::string& key, const std::string& type, const std::string& value) {
    return "<" + key + " type=\"" + type + "\">" + escapeXml(value) + "</" + key + ">\n";
}

std::string flags(const std::string& identifiable) {
    return "<flags><Identifiable>" + identifiable +
           "</Identifiable><Removable>1</Removable><Searchable>1</Searchable></flags>\n";
}

std::string attribution(const std::string& text) {
    return "<attribution href=\"https://example.org\">" + escapeXml(text) + "</attribution>\n";
}

const std::string kOwnOptions;

TestLayer grbLayer(const std::string& extra = attribution(kGrbText)) {
    return {"grb", "GRB gebouwen", "grb-art5-oorspronkelijk-doel", "", extra};
}

TestLayer ownLayer() {
    return {"own", "Eigen plannen", kOwnDataLicence, "", ""};
}

TestLayer ndffLayer(const std::string& options = R"({"role": "subscriber"})") {
    return {"ndff", "Waarnemingen NDFF", "ndff-uitvoerportaal", options, ""};
}

class WebCheckTest : public ::testing::Test {
protected:
    void SetUp() override { dir_ = makeTempDir(); }

    Project write(const std::string& xml, const std::string& lizmap = "") {
        const std::string path = writeFile(dir_, "kaart.qgs", xml);
        if (!lizmap.empty()) {
            writeFile(dir_, "kaart.qgs.cfg", lizmap);
        }
        return readProject(path);
    }

    CheckResult check(const Project& project, const std::string& purpose = "public-task") {
        CheckRequest request;
        request.evaluation.action = Action::Publish;
        if (!purpose.empty()) {
            request.evaluation.context.purpose = purpose;
        }
        request.evaluation.context.date = Date::parse("2026-06-01");
        lizmap_ = readLizmapConfig(project.path);
        return checkWebServices(project, bundledCatalog(), request, lizmap_ ? &*lizmap_ : nullptr);
    }

    std::string dir_;
    std::optional<LizmapConfig> lizmap_;
};

const Finding* finding(const CheckResult& result, const std::string& rule,
                       const std::string& layer_id = "") {
    for (const Finding& f : result.decision.findings) {
        if (f.rule == rule && (layer_id.empty() || f.layer_id == layer_id)) {
            return &f;
        }
    }
    return nullptr;
}

const ServedLayer* served(const CheckResult& result, const std::string& id) {
    for (const ServedLayer& layer : result.served) {
        if (layer.exposure.layer_id == id) {
            return &layer;
        }
    }
    return nullptr;
}

std::string describe(const CheckResult& result) {
    std::string text = std::string(toString(result.decision.verdict)) + "\n";
    for (const Finding& f : result.decision.findings) {
        text += std::string(toString(f.severity)) + " " + f.layer_id + " " + f.licence + " " +
                f.rule + ": " + f.message + " (" + f.cite + ")\n";
    }
    return text;
}

// --- Reading what the project serves ---------------------------------------------------------

TEST_F(WebCheckTest, ReadsTheServerKeysAndLayerPropertiesQgisWrites) {
    const std::string properties =
        entry("WMSServiceTitle", "QString", "Webkaart gemeente") +
        entry("WMSServiceAbstract", "QString", "Kaarten van de gemeente") +
        stringList("WMSKeywordList", {"ruimte", ""}) +
        entry("WMSContactOrganization", "QString", "Gemeente Voorbeeld") +
        entry("WMSFees", "QString", "geen") + entry("WMSAccessConstraints", "QString", "open") +
        stringList("WMSRestrictedLayers", {"Eigen plannen"}) +
        entry("WMSAddWktGeometry", "bool", "true") + stringList("WFSLayers", {"grb"}) +
        "<WFSTLayers>" + stringList("Insert", {"grb"}) + stringList("Update", {}) +
        stringList("Delete", {"own"}) + "</WFSTLayers>\n" + stringList("WCSLayers", {"own"});
    TestLayer grb = grbLayer(flags("0") +
                             "<shortname>grb_gebouwen</shortname>\n"
                             "<title>GRB</title><abstract>Gebouwen</abstract>\n"
                             "<keywordList><value>gebouw</value></keywordList>\n" +
                             attribution(kGrbText));
    const Project project = write(projectXml({grb, ownLayer()}, properties));
    const ProjectServices& services = project.services;
    EXPECT_EQ(services.service.title, "Webkaart gemeente");
    EXPECT_EQ(services.service.keywords, std::vector<std::string>{"ruimte"});
    EXPECT_EQ(services.service.contact_organization, "Gemeente Voorbeeld");
    EXPECT_EQ(services.service.access_constraints, "open");
    EXPECT_EQ(services.wms_restricted, std::vector<std::string>{"Eigen plannen"});
    EXPECT_TRUE(services.feature_info_geometry);
    EXPECT_EQ(services.wfs_layers, std::vector<std::string>{"grb"});
    EXPECT_EQ(services.wfst_insert, std::vector<std::string>{"grb"});
    EXPECT_TRUE(services.wfst_update.empty());
    EXPECT_EQ(services.wfst_delete, std::vector<std::string>{"own"});
    const LayerServerProperties& layer = services.layer("grb");
    EXPECT_FALSE(layer.identifiable);
    EXPECT_EQ(layer.short_name, "grb_gebouwen");
    EXPECT_EQ(layer.title, "GRB");
    EXPECT_EQ(layer.abstract, "Gebouwen");
    EXPECT_EQ(layer.keywords, std::vector<std::string>{"gebouw"});
    EXPECT_EQ(layer.attribution, kGrbText);
    EXPECT_EQ(layer.attribution_url, "https://example.org");
    EXPECT_TRUE(services.layer("own").identifiable); // no <flags>: QGIS's default
}

TEST_F(WebCheckTest, ServiceTitleFallsBackToTheProjectTitle) {
    const Project project = write(projectXml({ownLayer()}, ""));
    EXPECT_EQ(project.services.service.title, "Webkaart");
}

TEST_F(WebCheckTest, IdentifiableOnlyWhenTheFlagIsExactlyOne) {
    const Project project =
        write(projectXml({{"a", "A", "", "", flags("1")},
                          {"b", "B", "", "", flags("0")},
                          {"c", "C", "", "", flags("true")},
                          {"d", "D", "", "", "<flags><Removable>1</Removable></flags>"}},
                         ""));
    EXPECT_TRUE(project.services.layer("a").identifiable);
    EXPECT_FALSE(project.services.layer("b").identifiable);
    EXPECT_FALSE(project.services.layer("c").identifiable);
    EXPECT_TRUE(project.services.layer("d").identifiable);
}

TEST_F(WebCheckTest, ProjectsBefore34ListNonIdentifiableLayersInTheirProperties) {
    const std::string properties =
        "<Identify>" + stringList("disabledLayers", {"b"}) + "</Identify>\n";
    const std::vector<TestLayer> layers{{"a", "A", "", "", ""}, {"b", "B", "", "", ""}};
    const Project old = write(projectXml(layers, properties, "", "3.2.3"));
    EXPECT_TRUE(old.services.layer("a").identifiable);
    EXPECT_FALSE(old.services.layer("b").identifiable);
    // QGIS 3.4 and later read only the layer flags; a stale list is ignored.
    const Project current = write(projectXml(layers, properties, "", "3.4.0"));
    EXPECT_TRUE(current.services.layer("b").identifiable);
}

TEST_F(WebCheckTest, FeatureInfoGeometryOnlyForEnabledOrTrue) {
    for (const auto& [type, value, expected] :
         std::vector<std::tuple<std::string, std::string, bool>>{{"bool", "true", true},
                                                                 {"QString", "enabled", true},
                                                                 {"QString", "TRUE", true},
                                                                 {"int", "1", false},
                                                                 {"bool", "false", false}}) {
        const Project project =
            write(projectXml({ownLayer()}, entry("WMSAddWktGeometry", type, value)));
        EXPECT_EQ(project.services.feature_info_geometry, expected) << type << " " << value;
    }
}

TEST_F(WebCheckTest, AListStoredAsOneStringIsAOneElementList) {
    const Project project = write(projectXml({ownLayer()}, entry("WFSLayers", "QString", "own")));
    EXPECT_EQ(project.services.wfs_layers, std::vector<std::string>{"own"});
}

TEST_F(WebCheckTest, EmbeddedLayersKeepTheDefaultsThatExposeMost) {
    std::string xml = projectXml({ownLayer()}, "");
    const std::string embedded = "<maplayer embedded=\"1\" project=\"./andere.qgs\" "
                                 "id=\"emb\"><id>emb</id><flags><Identifiable>0</Identifiable>"
                                 "</flags></maplayer>\n";
    xml.insert(xml.find("</projectlayers>"), embedded);
    const Project project = write(xml);
    EXPECT_TRUE(project.services.layer("emb").identifiable);
}

// --- What the services expose -----------------------------------------------------------

std::vector<std::string> channels(const std::vector<LayerExposure>& all, const std::string& id) {
    for (const LayerExposure& exposure : all) {
        if (exposure.layer_id == id) {
            std::vector<std::string> names;
            for (ServiceChannel channel : exposure.channels) {
                names.emplace_back(toString(channel));
            }
            return names;
        }
    }
    return {"(no such layer)"};
}

TEST_F(WebCheckTest, WmsRestrictionsFollowQgisServerByLayerAndFirstGroupName) {
    const std::vector<TestLayer> layers{{"l1", "Gebouwen", "", "", ""},
                                        {"l2", "Orthofoto", "", "", ""},
                                        {"l3", "Achtergrond", "", "", ""},
                                        {"l4", "Tweede groep laag", "", "", ""},
                                        {"l5", "Niet in de boom", "", "", ""}};
    // "Achtergrond" names a group (the first of two with that name) and a layer elsewhere:
    // QGIS Server excludes the group's layers only.
    const std::string tree =
        "<layer-tree-layer id=\"l1\" name=\"Gebouwen\"/>\n"
        "<layer-tree-group name=\"Kaarten\"><layer-tree-group name=\"Achtergrond\">"
        "<layer-tree-layer id=\"l2\" name=\"Orthofoto\"/></layer-tree-group></layer-tree-group>\n"
        "<layer-tree-layer id=\"l3\" name=\"Achtergrond\"/>\n"
        "<layer-tree-group name=\"Achtergrond\"><layer-tree-layer id=\"l4\" "
        "name=\"Tweede groep laag\"/></layer-tree-group>\n";
    const std::string properties =
        stringList("WMSRestrictedLayers", {"Gebouwen", "Achtergrond", "Niet in de boom"});
    const Project project = write(projectXml(layers, properties, tree));
    const auto exposure = serviceExposure(project, nullptr);
    const std::vector<std::string> none;
    const std::vector<std::string> wms{"wms-getmap", "wms-getfeatureinfo"};
    EXPECT_EQ(channels(exposure, "l1"), none);
    EXPECT_EQ(channels(exposure, "l2"), none);
    EXPECT_EQ(channels(exposure, "l3"), wms);
    EXPECT_EQ(channels(exposure, "l4"), wms);
    // QGIS Server only restricts layers of the layer tree; this one is served by GetMap.
    EXPECT_EQ(channels(exposure, "l5"), wms);
}

TEST_F(WebCheckTest, WfsServesVectorLayersAndWcsRasterLayers) {
    TestLayer raster{"r", "Hoogte", "", "", "", "raster"};
    const std::string properties = stringList("WFSLayers", {"v", "r"}) +
                                   stringList("WCSLayers", {"v", "r"}) + "<WFSTLayers>" +
                                   stringList("Update", {"v"}) + "</WFSTLayers>\n" +
                                   entry("WMSAddWktGeometry", "bool", "true");
    const Project project =
        write(projectXml({{"v", "Vector", "", "", flags("1")}, raster}, properties));
    const auto exposure = serviceExposure(project, nullptr);
    EXPECT_EQ(
        channels(exposure, "v"),
        (std::vector<std::string>{"wms-getmap", "wms-getfeatureinfo", "wms-getfeatureinfo-geometry",
                                  "wfs-getfeature", "wfs-transaction"}));
    EXPECT_EQ(channels(exposure, "r"),
              (std::vector<std::string>{"wms-getmap", "wms-getfeatureinfo", "wcs-getcoverage"}));
    EXPECT_TRUE(exposure[0].downloadable());
    EXPECT_TRUE(exposure[1].downloadable());
}

const char* kLizmap = R"({
  "layers": {
    "Punten": {"id": "p", "type": "layer", "popup": "True", "abstract": "Bron: test"},
    "Stil": {"id": "s", "type": "layer", "popup": true, "noLegendImage": "True"},
    "Groep": {"id": "Groep", "type": "group", "popup": "False"}
  },
  "attributeLayers": {"Punten": {"layerId": "p"}, "Stil": {"layerId": "s"}},
  "editionLayers": {"Punten": {"layerId": "p"}, "Stil": {"layerId": "s"}}
})";

TEST_F(WebCheckTest, ReadsLizmapConfigurationInBothBooleanStyles) {
    const Project project = write(
        projectXml({{"p", "Punten", "", "", ""}, {"s", "Stil", "", "", flags("0")}}, ""), kLizmap);
    const std::optional<LizmapConfig> lizmap = readLizmapConfig(project.path);
    ASSERT_TRUE(lizmap);
    EXPECT_EQ(lizmap->path, dir_ + "/kaart.qgs.cfg");
    ASSERT_EQ(lizmap->layers.size(), 3U);
    const LizmapLayer* points = lizmap->findLayer("p", "Punten");
    ASSERT_NE(points, nullptr);
    EXPECT_TRUE(points->popup);
    EXPECT_EQ(points->abstract, "Bron: test");
    EXPECT_TRUE(lizmap->findLayer("s", "Stil")->popup);
    EXPECT_TRUE(lizmap->findLayer("s", "Stil")->hide_legend);
    EXPECT_EQ(lizmap->findLayer("x", "Groep")->id, ""); // groups have no layer id
    ASSERT_EQ(lizmap->attribute_table.size(), 2U);
    EXPECT_EQ(lizmap->attribute_table[0].layer_id, "p");
}

TEST_F(WebCheckTest, LizmapOffersOnlyWhatQgisServerAnswers) {
    const Project project =
        write(projectXml({{"p", "Punten", "", "", ""}, {"s", "Stil", "", "", flags("0")}},
                         stringList("WFSLayers", {"p"})),
              kLizmap);
    const std::optional<LizmapConfig> lizmap = readLizmapConfig(project.path);
    const auto exposure = serviceExposure(project, &*lizmap);
    EXPECT_EQ(
        channels(exposure, "p"),
        (std::vector<std::string>{"wms-getmap", "wms-getfeatureinfo", "wfs-getfeature",
                                  "lizmap-popup", "lizmap-attribute-table", "lizmap-edition"}));
    // Not identifiable: no popup; not in WFS: no editing, but the table's download is
    // configured, so the layer counts as downloadable all the same.
    EXPECT_EQ(channels(exposure, "s"),
              (std::vector<std::string>{"wms-getmap", "lizmap-attribute-table"}));
    EXPECT_TRUE(exposure[1].downloadable());
    EXPECT_EQ(exposure[1].lizmap_notes, std::vector<std::string>{"attribute-table-without-wfs"});
}

TEST_F(WebCheckTest, EmptySectionsMayBeWrittenAsEmptyLists) {
    const std::string project = writeFile(dir_, "kaart.qgs", projectXml({ownLayer()}, ""));
    writeFile(dir_, "kaart.qgs.cfg",
              R"({"layers": [], "attributeLayers": [], "editionLayers": {}})");
    const std::optional<LizmapConfig> lizmap = readLizmapConfig(project);
    ASSERT_TRUE(lizmap);
    EXPECT_TRUE(lizmap->layers.empty());
    EXPECT_TRUE(lizmap->attribute_table.empty());
}

TEST_F(WebCheckTest, ABrokenLizmapConfigurationIsAnInputErrorNamingIt) {
    const std::string project = writeFile(dir_, "kaart.qgs", projectXml({ownLayer()}, ""));
    EXPECT_FALSE(readLizmapConfig(project));
    for (const std::string& text : {std::string("{\"layers\": "), std::string("[1, 2]"),
                                    std::string(R"({"attributeLayers": ["GRB gebouwen"]})")}) {
        writeFile(dir_, "kaart.qgs.cfg", text);
        try {
            readLizmapConfig(project);
            FAIL() << text;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(dir_ + "/kaart.qgs.cfg: not a valid Lizmap"),
                      std::string::npos)
                << e.what();
        }
    }
}

// --- Judging what is served -------------------------------------------------------------

TEST_F(WebCheckTest, GrbServedThroughWmsOnlyWithOwnDataPasses) {
    const CheckResult result = check(write(projectXml({grbLayer(), ownLayer()}, "")));
    EXPECT_EQ(result.decision.verdict, Verdict::Permitted) << describe(result);
    const ServedLayer* grb = served(result, "grb");
    ASSERT_NE(grb, nullptr);
    EXPECT_EQ(grb->context.downloadable, false);
    EXPECT_EQ(grb->context.combined_with_own_data, true);
    EXPECT_EQ(grb->context.cell_size_m, 0.0);
    EXPECT_EQ(grb->context.recipient, "public");
}

TEST_F(WebCheckTest, GrbInTheWfsListIsProhibitedWithTheClauseAndTheFix) {
    const CheckResult result =
        check(write(projectXml({grbLayer(), ownLayer()}, stringList("WFSLayers", {"grb"}))));
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited);
    const Finding* fix = finding(result, "web-downloadable", "grb");
    ASSERT_NE(fix, nullptr) << describe(result);
    EXPECT_EQ(fix->severity, Severity::Error);
    EXPECT_EQ(fix->licence, "grb-art5-oorspronkelijk-doel");
    EXPECT_NE(fix->cite.find("Art. 5"), std::string::npos) << fix->cite;
    EXPECT_NE(fix->message.find("can be downloaded (WFS GetFeature)"), std::string::npos)
        << fix->message;
    EXPECT_NE(fix->message.find("remove layer \"GRB gebouwen\" from the WFS list"),
              std::string::npos)
        << fix->message;
    EXPECT_NE(fix->message.find("art5-limited-publication"), std::string::npos) << fix->message;
    EXPECT_EQ(served(result, "grb")->context.downloadable, true);
}

TEST_F(WebCheckTest, TheFixIsInDutchWhenAskedFor) {
    const Project project =
        write(projectXml({grbLayer(), ownLayer()}, stringList("WFSLayers", {"grb"})));
    CheckRequest request;
    request.evaluation.context.purpose = "public-task";
    request.evaluation.language = Language::Dutch;
    const CheckResult result = checkWebServices(project, bundledCatalog(), request, nullptr);
    const Finding* fix = finding(result, "web-downloadable", "grb");
    ASSERT_NE(fix, nullptr);
    EXPECT_NE(fix->message.find("haal laag \"GRB gebouwen\" uit de WFS-lijst"), std::string::npos)
        << fix->message;
}

TEST_F(WebCheckTest, GrbWithoutOwnDataIsToldToServeItWithOwnData) {
    const CheckResult result = check(write(projectXml({grbLayer()}, "")));
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited);
    const Finding* fix = finding(result, "web-own-data", "grb");
    ASSERT_NE(fix, nullptr) << describe(result);
    EXPECT_NE(fix->message.find("eigen-gegevens"), std::string::npos) << fix->message;
    // An unlicensed layer is nobody's own data: it does not make the combination.
    const CheckResult unlicensed =
        check(write(projectXml({grbLayer(), {"x", "Schets", "", "", ""}}, "")));
    EXPECT_EQ(unlicensed.decision.verdict, Verdict::Prohibited) << describe(unlicensed);
}

TEST_F(WebCheckTest, GetFeatureInfoWithGeometriesMakesGrbDownloadable) {
    const std::string geometry = entry("WMSAddWktGeometry", "bool", "true");
    const CheckResult result = check(write(projectXml({grbLayer(), ownLayer()}, geometry)));
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited);
    const Finding* fix = finding(result, "web-downloadable", "grb");
    ASSERT_NE(fix, nullptr) << describe(result);
    EXPECT_NE(fix->message.find("make layer \"GRB gebouwen\" non-identifiable"), std::string::npos)
        << fix->message;
    const CheckResult fixed = check(
        write(projectXml({grbLayer(flags("0") + attribution(kGrbText)), ownLayer()}, geometry)));
    EXPECT_EQ(fixed.decision.verdict, Verdict::Permitted) << describe(fixed);
}

TEST_F(WebCheckTest, GrbInLizmapsAttributeTableIsDownloadable) {
    const std::string lizmap = R"({"attributeLayers": {"GRB gebouwen": {"layerId": "grb"}}})";
    const CheckResult result = check(write(projectXml({grbLayer(), ownLayer()}, ""), lizmap));
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited);
    const Finding* fix = finding(result, "web-downloadable", "grb");
    ASSERT_NE(fix, nullptr) << describe(result);
    EXPECT_NE(fix->message.find("from Lizmap's attribute table tool"), std::string::npos)
        << fix->message;
    EXPECT_NE(finding(result, "lizmap-without-wfs", "grb"), nullptr);
}

TEST_F(WebCheckTest, TheGrbAttributionMustBeAdvertisedByTheService) {
    const CheckResult missing = check(write(projectXml({grbLayer(""), ownLayer()}, "")));
    EXPECT_EQ(missing.decision.verdict, Verdict::Prohibited);
    const Finding* error = finding(missing, "attribution-missing-in-service", "grb");
    ASSERT_NE(error, nullptr) << describe(missing);
    EXPECT_NE(error->message.find(kGrbText), std::string::npos);
    EXPECT_NE(error->message.find("Layer Properties › QGIS Server › Attribution"),
              std::string::npos);
    // The service's own metadata is advertised too (GetCapabilities), in any spacing.
    const std::string in_service =
        entry("WMSAccessConstraints", "QString",
              "Bron :  Grootschalig Referentie Bestand Vlaanderen,\nAGIV, reproductie verboden");
    const CheckResult service = check(write(projectXml({grbLayer(""), ownLayer()}, in_service)));
    EXPECT_EQ(service.decision.verdict, Verdict::Permitted) << describe(service);
    // So is the layer's abstract in Lizmap.
    const std::string lizmap = std::string(R"({"layers": {"GRB gebouwen": {"id": "grb", )") +
                               R"("abstract": ")" + kGrbText + R"("}}})";
    const CheckResult lizmapped = check(write(projectXml({grbLayer(""), ownLayer()}, ""), lizmap));
    EXPECT_EQ(lizmapped.decision.verdict, Verdict::Permitted) << describe(lizmapped);
}

TEST_F(WebCheckTest, ExactNdffPointsWithGetFeatureInfoAreProhibitedAndToldToAggregate) {
    const CheckResult result = check(write(projectXml({ndffLayer()}, "")));
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited);
    EXPECT_NE(finding(result, "n4-no-exact-publish", "ndff"), nullptr) << describe(result);
    const Finding* fix = finding(result, "web-exact-positions", "ndff");
    ASSERT_NE(fix, nullptr) << describe(result);
    EXPECT_NE(fix->message.find("WMS GetFeatureInfo"), std::string::npos) << fix->message;
    EXPECT_NE(fix->message.find("aggregate the data to 1000 m cells first"), std::string::npos)
        << fix->message;
    EXPECT_NE(fix->cite.find("000_b5f211ad1171a64c.txt"), std::string::npos) << fix->cite;
}

TEST_F(WebCheckTest, NotIdentifiableIsNotEnoughForExactPoints) {
    // GetMap draws every point where it is, at any zoom.
    const CheckResult result = check(write(
        projectXml({{"ndff", "Waarnemingen NDFF", "ndff-uitvoerportaal", "", flags("0")}}, "")));
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited) << describe(result);
}

TEST_F(WebCheckTest, TheOneKilometreAggregatePassesEvenWhenDownloadable) {
    const CheckResult result =
        check(write(projectXml({ndffLayer(R"({"role": "subscriber", "cell_size_m": 1000})")},
                               stringList("WFSLayers", {"ndff"}))));
    EXPECT_EQ(result.decision.verdict, Verdict::Permitted) << describe(result);
}

TEST_F(WebCheckTest, ALayerTheServicesDoNotServeIsNotJudged) {
    const CheckResult result = check(write(projectXml(
        {ndffLayer(), ownLayer()}, stringList("WMSRestrictedLayers", {"Waarnemingen NDFF"}))));
    EXPECT_EQ(result.decision.verdict, Verdict::Permitted) << describe(result);
    EXPECT_EQ(served(result, "ndff"), nullptr);
    ASSERT_EQ(result.layers.size(), 1U);
    EXPECT_EQ(result.layers[0].id, "own");
}

TEST_F(WebCheckTest, TheProjectDecidesDownloadableNotTheCaller) {
    const Project project =
        write(projectXml({grbLayer(), ownLayer()}, stringList("WFSLayers", {"grb"})));
    CheckRequest request;
    request.evaluation.context.purpose = "public-task";
    request.evaluation.context.downloadable = false;
    request.evaluation.context.cell_size_m = 5000;
    const CheckResult result = checkWebServices(project, bundledCatalog(), request, nullptr);
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited) << describe(result);
    EXPECT_NE(finding(result, "web-context"), nullptr);
}

TEST_F(WebCheckTest, ALicenceThatNeverAllowsPublishingIsTakenOutOfTheServices) {
    // GRB test use (Art. 6): no publication at all, however it is served.
    TestLayer test_use{"t", "GRB test", "grb-art6-testgebruik", "", ""};
    const CheckResult result =
        check(write(projectXml({test_use, ownLayer()}, stringList("WFSLayers", {"t"}))), "test");
    EXPECT_EQ(result.decision.verdict, Verdict::Prohibited);
    const Finding* fix = finding(result, "web-not-publishable", "t");
    ASSERT_NE(fix, nullptr) << describe(result);
    EXPECT_NE(fix->message.find("exclude layer \"GRB test\" from WMS"), std::string::npos)
        << fix->message;
    EXPECT_NE(fix->message.find("remove layer \"GRB test\" from the WFS list"), std::string::npos)
        << fix->message;
}

TEST_F(WebCheckTest, AnUnstatedPurposeStaysConditionalWithoutAServiceFix) {
    const CheckResult result = check(write(projectXml({grbLayer(), ownLayer()}, "")), "");
    EXPECT_EQ(result.decision.verdict, Verdict::Conditional) << describe(result);
    EXPECT_EQ(finding(result, "web-downloadable"), nullptr);
    EXPECT_EQ(finding(result, "web-not-publishable"), nullptr);
}

TEST_F(WebCheckTest, WfsTransactionsOnLicensedDataAreAWarning) {
    const std::string properties = stringList("WFSLayers", {"ndff"}) + "<WFSTLayers>" +
                                   stringList("Delete", {"ndff"}) + "</WFSTLayers>\n";
    const CheckResult result = check(write(
        projectXml({ndffLayer(R"({"role": "subscriber", "cell_size_m": 1000})")}, properties)));
    const Finding* warning = finding(result, "web-transaction", "ndff");
    ASSERT_NE(warning, nullptr) << describe(result);
    EXPECT_EQ(warning->severity, Severity::Warning);
    EXPECT_EQ(result.decision.verdict, Verdict::Permitted);
}

TEST_F(WebCheckTest, ALegendOwedIsServedByGetLegendGraphicUnlessLizmapHidesIt) {
    TestLayer gdi{"gdi", "Fietsknooppunten", "gdi-vl-deelnemer",
                  R"({"legend_required": true, "attribution": "Bron: Toerisme"})",
                  attribution("Bron: Toerisme")};
    const CheckResult wms = check(write(projectXml({gdi}, "")));
    EXPECT_EQ(wms.decision.verdict, Verdict::Permitted) << describe(wms);
    const CheckResult hidden = check(write(
        projectXml({gdi}, ""), R"({"layers": {"x": {"id": "gdi", "noLegendImage": "True"}}})"));
    EXPECT_NE(finding(hidden, "legend-missing-in-service", "gdi"), nullptr) << describe(hidden);
    EXPECT_EQ(hidden.decision.verdict, Verdict::Prohibited);
    const CheckResult wfs_only = check(
        write(projectXml({gdi}, stringList("WMSRestrictedLayers", {"Fietsknooppunten"}) +
                                    stringList("WFSLayers", {"gdi"}) +
                                    entry("WMSAccessConstraints", "QString", "Bron: Toerisme"))));
    EXPECT_NE(finding(wfs_only, "legend-missing-in-service", "gdi"), nullptr) << describe(wfs_only);
}

TEST_F(WebCheckTest, NamingLogiusInTheServiceMetadataIsProhibited) {
    TestLayer logius{"brk", "Kadaster via Digikoppeling", "logius-algemene-voorwaarden", "", ""};
    const CheckResult plain = check(write(projectXml({logius}, "")));
    EXPECT_EQ(finding(plain, "endorsement"), nullptr) << describe(plain);
    const CheckResult named = check(write(projectXml(
        {logius}, entry("WMSServiceAbstract", "QString", "Met dank aan Logius en DigiD"))));
    const Finding* error = finding(named, "endorsement");
    ASSERT_NE(error, nullptr) << describe(named);
    EXPECT_EQ(named.decision.verdict, Verdict::Prohibited);
    EXPECT_EQ(error->licence, "logius-algemene-voorwaarden");
}

} // namespace
} // namespace geolicence::test
