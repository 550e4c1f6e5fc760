"""Builds the QGIS project corpus the project reader is tested against, with the real QGIS.

Usage: python3 make_corpus.py OUTPUT_DIR

Writes small generated data (GeoPackage, Shapefile, GeoJSON, CSV, GeoTIFF) and projects that
exercise what the reader must get right: many providers, groups (nested, unchecked), hidden
layers, unicode and spaces in names and paths, map themes, custom layer order, layouts with
locked / theme-following / free / data-defined maps, labels (also HTML) and legends, an atlas,
.qgs and .qgz; projects that embed layers and groups from others (embedded_corpus.py); a
QGIS 2.18 project with print composers (qgis2_project.py) and QGIS's conversion of it.
"""
import json
import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import gdal, ogr, osr  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import embedded_corpus  # noqa: E402
import qgis2_project  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutObject,
    QgsMapThemeCollection,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsLayerTreeModel,
)


def srs(epsg):
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(epsg)
    return ref


def write_points(path, layer_name, epsg, points, driver="GPKG", mode="w"):
    drv = ogr.GetDriverByName(driver)
    if mode == "w" and os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.Open(path, 1) if mode == "a" else drv.CreateDataSource(path)
    layer = ds.CreateLayer(layer_name, srs(epsg), ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("soort", ogr.OFTString))
    for i, (x, y) in enumerate(points):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("soort", f"soort {i % 3}")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    ds = None


def write_polygons(path, epsg, driver):
    drv = ogr.GetDriverByName(driver)
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    layer = ds.CreateLayer("gebouwen", srs(epsg), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("naam", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("naam", "huis")
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        "POLYGON ((150000 200000, 150020 200000, 150020 200020, 150000 200020, 150000 200000))"))
    layer.CreateFeature(feature)
    ds = None


def write_data(data):
    os.makedirs(os.path.join(data, "map met spaties"), exist_ok=True)
    write_points(os.path.join(data, "waarnemingen.gpkg"), "waarnemingen", 28992,
                 [(155000, 463000), (155999, 463999), (156000, 464000)])
    write_points(os.path.join(data, "waarnemingen.gpkg"), "vogels", 28992,
                 [(150500, 460500)], mode="a")
    write_points(os.path.join(data, "map met spaties", "ünïcode punten.gpkg"), "punten", 4326,
                 [(5.1, 52.1)])
    write_polygons(os.path.join(data, "gebouwen.shp"), 31370, "ESRI Shapefile")
    write_polygons(os.path.join(data, "gebouwen.geojson"), 31370, "GeoJSON")
    with open(os.path.join(data, "tellingen.csv"), "w", encoding="utf-8") as csv:
        csv.write("x,y,aantal\n155100,463100,4\n155200,463300,2\n")
    raster = gdal.GetDriverByName("GTiff").Create(os.path.join(data, "hoogte.tif"), 4, 4, 1)
    raster.SetGeoTransform((155000, 250, 0, 464000, 0, -250))
    raster.SetProjection(srs(28992).ExportToWkt())
    raster = None
    # A licence that travels with the file: a sidecar next to the GeoJSON.
    with open(os.path.join(data, "gebouwen.geojson.licence.json"), "w", encoding="utf-8") as f:
        json.dump({"licence": "grb-art7-intern-gebruik",
                   "options": {"valid_until": "2030-12-31", "publication_right": True}}, f)


def add(project, layer, group=None, checked=True):
    # Network layers (WMS, PostGIS) cannot connect here; QGIS keeps them, marked invalid.
    project.addMapLayer(layer, False)
    parent = group if group is not None else project.layerTreeRoot()
    node = parent.addLayer(layer)
    node.setItemVisibilityChecked(checked)
    return layer


def layers_of(project, data):
    d = data
    return {
        "obs": QgsVectorLayer(f"{d}/waarnemingen.gpkg|layername=waarnemingen", "Waarnemingen NDFF", "ogr"),
        "birds": QgsVectorLayer(f"{d}/waarnemingen.gpkg|layername=vogels", "vogels", "ogr"),
        "unicode": QgsVectorLayer(f"{d}/map met spaties/ünïcode punten.gpkg|layername=punten",
                                  "Punten – ünïcode é", "ogr"),
        "shp": QgsVectorLayer(f"{d}/gebouwen.shp", "Gebouwen (GRB)", "ogr"),
        "geojson": QgsVectorLayer(f"{d}/gebouwen.geojson", "gebouwen geojson", "ogr"),
        "csv": QgsVectorLayer(f"file://{d}/tellingen.csv?type=csv&xField=x&yField=y&crs=EPSG:28992",
                              "tellingen", "delimitedtext"),
        "memory": QgsVectorLayer("Point?crs=EPSG:28992&field=naam:string", "kladlaag", "memory"),
        "raster": QgsRasterLayer(f"{d}/hoogte.tif", "hoogte", "gdal"),
        "xyz": QgsRasterLayer("type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmax=19&zmin=0",
                              "OpenStreetMap", "wms"),
        "grb_wms": QgsRasterLayer("contextualWMSLegend=0&crs=EPSG:31370&dpiMode=7&format=image/png&layers=GRB_BSK&styles&url=https://geo.api.vlaanderen.be/GRB-basiskaart/wms",
                                  "GRB basiskaart", "wms"),
        "postgis": QgsVectorLayer("dbname='gis' host=127.0.0.1 port=9 user='nobody' sslmode=disable key='id' srid=28992 type=Point checkPrimaryKeyUnicity='1' table=\"public\".\"waarnemingen\" (geom)",
                                  "postgis waarnemingen", "postgres"),
    }


def theme_from_state(project, name):
    model = QgsLayerTreeModel(project.layerTreeRoot())
    record = QgsMapThemeCollection.createThemeFromCurrentState(project.layerTreeRoot(), model)
    project.mapThemeCollection().insert(name, record)


def new_map(layout, item_id):
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)
    layout.addLayoutItem(item)
    return item


def label(layout, text):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    layout.addLayoutItem(item)
    return item


def build_main(project, data):
    l = layers_of(project, data)
    root = project.layerTreeRoot()
    obs = add(project, l["obs"])
    obs.setCustomProperty("geolicence/licence", "ndff-uitvoerportaal")
    obs.setCustomProperty("geolicence/options", json.dumps({"role": "subscriber"}))
    add(project, l["birds"], checked=False)
    nature = root.addGroup("Natuur – groep")
    add(project, l["unicode"], nature)
    add(project, l["csv"], nature)
    sub = nature.addGroup("subgroep")
    add(project, l["memory"], sub)
    background = root.addGroup("Achtergrond")
    shp = add(project, l["shp"], background)
    metadata = shp.metadata()
    metadata.setLicenses(["grb-art5-oorspronkelijk-doel"])
    shp.setMetadata(metadata)
    add(project, l["geojson"], background)
    add(project, l["grb_wms"], background)
    add(project, l["xyz"], background, checked=False)
    add(project, l["raster"], background)
    hidden = root.addGroup("verborgen groep")
    add(project, l["postgis"], hidden)
    hidden.setItemVisibilityChecked(False)

    theme_from_state(project, "werkkaart")
    # A second theme: only the observations and the background map.
    for node in root.findLayers():
        node.setItemVisibilityChecked(node.layerId() in (obs.id(), l["xyz"].id()))
    background.setItemVisibilityChecked(True)
    theme_from_state(project, "publicatie")
    # Back to the working state for the project's own visibility.
    project.mapThemeCollection().applyTheme("werkkaart", root, QgsLayerTreeModel(root))

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Publicatie A4")
    locked = new_map(layout, "vergrendeld")
    locked.setLayers([obs, l["grb_wms"]])
    locked.setKeepLayerSet(True)
    themed = new_map(layout, "thema")
    themed.setFollowVisibilityPreset(True)
    themed.setFollowVisibilityPresetName("publicatie")
    free = new_map(layout, "vrij")
    stale = new_map(layout, "oude laagset")
    stale.setLayers([l["csv"], l["memory"]])
    stale.setKeepLayerSet(False)
    missing_theme = new_map(layout, "ontbrekend thema")
    missing_theme.setFollowVisibilityPreset(True)
    missing_theme.setFollowVisibilityPresetName("bestaat niet")
    missing_theme.setLayers([l["raster"]])
    theme_over_set = new_map(layout, "thema wint")
    theme_over_set.setLayers([l["birds"]])
    theme_over_set.setKeepLayerSet(True)
    theme_over_set.setFollowVisibilityPreset(True)
    theme_over_set.setFollowVisibilityPresetName("publicatie")
    dd = new_map(layout, "data-defined")
    dd.dataDefinedProperties().setProperty(QgsLayoutObject.MapLayers,
                                           QgsProperty.fromValue("vogels|hoogte"))
    label(layout, "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden")
    label(layout, "Kaart: gemeente Voorbeeld")
    html = label(layout, '<div style="color:#333">&copy;&nbsp;OpenStreetMap contributors<br/>'
                         'Kaart: <i>gemeente</i> Voorbeeld &amp; co</div>')
    html.setMode(QgsLayoutItemLabel.ModeHtml)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(locked)
    layout.addLayoutItem(legend)
    project.layoutManager().addLayout(layout)

    second = QgsPrintLayout(project)
    second.initializeDefaults()
    second.setName("Werkdocument intern")
    new_map(second, "werk")
    second.atlas().setCoverageLayer(l["geojson"])
    second.atlas().setEnabled(True)
    second.atlas().setHideCoverage(True)
    project.layoutManager().addLayout(second)


def build_custom_order(project, data):
    l = layers_of(project, data)
    for key in ("obs", "shp", "raster", "xyz"):
        add(project, l[key])
    root = project.layerTreeRoot()
    root.setHasCustomLayerOrder(True)
    root.setCustomLayerOrder([l["xyz"], l["obs"], l["raster"], l["shp"]])
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Volgorde")
    new_map(layout, "kaart")
    project.layoutManager().addLayout(layout)


def build_empty(project, data):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Leeg")
    new_map(layout, "kaart")
    project.layoutManager().addLayout(layout)


def main():
    out = os.path.abspath(sys.argv[1])
    if os.path.exists(out):
        shutil.rmtree(out)
    data = os.path.join(out, "data")
    os.makedirs(data)
    write_data(data)
    app = QgsApplication([], False)
    app.initQgis()
    builders = {"hoofdproject": build_main, "eigen volgorde": build_custom_order, "leeg": build_empty}
    for name, build in builders.items():
        for extension in (".qgs", ".qgz"):
            project = QgsProject.instance()
            project.clear()
            project.setFileName(os.path.join(out, name + extension))
            build(project, data)
            if not project.write():
                raise SystemExit(f"cannot write {name}{extension}: {project.error()}")
    embedded_corpus.build(out)
    # A QGIS 2.18 project with composers, and QGIS's own conversion of it to QGIS 3.
    qgis2 = os.path.join(out, "kaart 2.18.qgs")
    qgis2_project.write(qgis2)
    project = QgsProject.instance()
    project.clear()
    if not project.read(qgis2) or not project.write(os.path.join(out, "kaart 2.18 (QGIS 3).qgs")):
        raise SystemExit(f"QGIS could not convert {qgis2}: {project.error()}")
    QgsProject.instance().clear()
    app.exitQgis()
    print(f"corpus written to {out}")


if __name__ == "__main__":
    main()
