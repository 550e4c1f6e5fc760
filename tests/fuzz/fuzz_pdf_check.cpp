// libFuzzer target: any bytes as a PDF exported from a layout, checked as `check MAP.pdf
// --project P --layout L` checks it: read with poppler, then the attributions a GRB layer and
// an OpenStreetMap layer owe looked for in its text. The reader must answer with an
// InputError or a decision.
#include <geolicence/catalog.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>
#include <geolicence/pdf_text.h>
#include <geolicence/project_check.h>

#include <cstddef>
#include <cstdint>

namespace {

using namespace geolicence;

Project layoutProject() {
    Project project;
    project.path = "fuzz.qgs";
    ProjectLayer grb{"grb", "Gebouwen", "vector", "ogr", "grb.gpkg", "EPSG:31370", {}, {}, {}, {}};
    grb.custom_properties[kLicenceProperty] = "grb-art7-intern-gebruik";
    grb.custom_properties[kOptionsProperty] =
        R"({"valid_until": "2030-12-31", "publication_right": true})";
    ProjectLayer osm{"osm", "OpenStreetMap", "raster", "wms", "type=xyz", "EPSG:3857", {}, {}, {},
                     {}};
    osm.custom_properties[kLicenceProperty] = "odbl-1.0";
    project.layers = {grb, osm};
    project.indexLayers();
    Layout layout;
    layout.name = "Kaart";
    LayoutMap map;
    map.id = "Kaart 1";
    map.layer_set = {"grb", "osm"};
    layout.maps.push_back(map);
    project.layouts.push_back(layout);
    return project;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Catalog catalog = [] {
        CatalogBuilder builder;
        builder.addBundled();
        return builder.build();
    }();
    static const Project project = layoutProject();
    try {
        const PdfText text = readPdfText(reinterpret_cast<const char*>(data), size, "fuzz.pdf");
        CheckRequest request;
        request.evaluation.action = Action::Publish;
        request.layout = "Kaart";
        request.published = PublishedText("fuzz.pdf", text.readings);
        checkProject(project, catalog, request);
    } catch (const InputError&) {
    }
    return 0;
}
