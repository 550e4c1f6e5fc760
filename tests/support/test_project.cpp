#include "test_project.h"

#include <filesystem>
#include <fstream>
#include <vector>

namespace geolicence::test {

const char* const kGrbText =
    "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";

namespace {

std::string layer(const std::string& id, const std::string& name, const std::string& provider,
                  const std::string& source, const std::string& properties = "") {
    return "<maplayer type=\"vector\"><id>" + id + "</id><datasource>" + source +
           "</datasource><layername>" + name + "</layername><provider>" + provider +
           "</provider><srs><spatialrefsys><authid>EPSG:28992</authid></spatialrefsys></srs>"
           "<customproperties><Option type=\"Map\">" +
           properties + "</Option></customproperties></maplayer>\n";
}

std::string map(const std::string& id, const std::vector<std::string>& layers) {
    std::string set;
    for (const std::string& l : layers) {
        set += "<Layer>" + l + "</Layer>";
    }
    return "<LayoutItem type=\"65639\" id=\"" + id + "\" uuid=\"{" + id +
           "}\" keepLayerSet=\"true\" followPreset=\"false\"><LayerSet>" + set +
           "</LayerSet></LayoutItem>\n";
}

std::string label(const std::string& text) {
    return "<LayoutItem type=\"65641\" uuid=\"{l}\" labelText=\"" + text + "\"/>\n";
}

} // namespace

std::string writeLicencedProject(const std::string& dir) {
    std::filesystem::create_directories(dir + "/data");
    const std::string empty = R"({"type": "FeatureCollection", "features": []})";
    std::ofstream(dir + "/data/obs.geojson") << empty;
    std::ofstream(dir + "/data/grb.geojson") << empty;
    std::ofstream(dir + "/data/grb.geojson.licence.json")
        << R"({"licence": "grb-art7-intern-gebruik", "options": {"valid_until": "2030-12-31", "publication_right": true}})";
    const std::string layers =
        layer("obs", "Waarnemingen", "ogr", "./data/obs.geojson",
              R"(<Option name="geolicence/licence" value="ndff-uitvoerportaal" type="QString"/>)") +
        layer("grb", "Gebouwen", "ogr", "./data/grb.geojson") +
        layer("osm", "OpenStreetMap", "wms",
              "type=xyz&amp;url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png") +
        layer("schets", "Schets", "memory", "Point?crs=EPSG:28992");
    const std::string project = dir + "/kaart.qgs";
    std::ofstream(project) << "<qgis version=\"3.22.16\"><layer-tree-group>"
                              "<layer-tree-layer id=\"obs\" checked=\"Qt::Checked\"/>"
                              "<layer-tree-layer id=\"grb\" checked=\"Qt::Checked\"/>"
                              "<layer-tree-layer id=\"osm\" checked=\"Qt::Unchecked\"/>"
                              "<layer-tree-layer id=\"schets\" checked=\"Qt::Checked\"/>"
                              "</layer-tree-group><projectlayers>"
                           << layers << "</projectlayers><Layouts>"
                           << "<Layout name=\"Intern\">" << map("kaart", {"obs", "grb"})
                           << label(kGrbText) << "</Layout>"
                           << "<Layout name=\"Publicatie\">" << map("kaart", {"grb", "osm"})
                           << label(kGrbText) << label("© OpenStreetMap contributors")
                           << "</Layout>"
                           << "<Layout name=\"Zonder bron\">" << map("kaart", {"grb"})
                           << "</Layout>"
                           << "</Layouts></qgis>\n";
    return project;
}

bool hasFinding(const nlohmann::json& decision, const std::string& rule) {
    for (const nlohmann::json& finding : decision["findings"]) {
        if (finding["rule"] == rule) {
            return true;
        }
    }
    return false;
}

} // namespace geolicence::test
