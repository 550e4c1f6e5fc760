"""Writes the bundled sample: a QGIS project with NDFF-like observation points (EPSG:28992),
GRB-like building polygons (EPSG:31370) and a print layout, made with the real QGIS.

Usage: python3 make_sample.py OUTPUT_DIR [N_OBSERVATIONS]
The data is generated (deterministic pseudo-random), so the repository holds no binary files.
"""
import os
import random
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import ogr, osr  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)

SPECIES = ["Kamsalamander", "Das", "Huismus", "Gierzwaluw", "Rugstreeppad", "Steenuil"]
OBSERVERS = ["J. de Vries", "A. Jansen", "M. Bakker", "P. Visser"]


def spatial_reference(epsg):
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(epsg)
    return reference


def write_observations(path, count):
    rng = random.Random(28992)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("waarnemingen", spatial_reference(28992), ogr.wkbPoint)
    for name, kind in (("soort", ogr.OFTString), ("aantal", ogr.OFTInteger),
                       ("waarnemer", ogr.OFTString), ("datum", ogr.OFTDate)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for i in range(count):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("soort", SPECIES[rng.randrange(len(SPECIES))])
        feature.SetField("aantal", rng.randint(1, 12))
        feature.SetField("waarnemer", OBSERVERS[rng.randrange(len(OBSERVERS))])
        feature.SetField("datum", f"2024-{rng.randint(3, 9):02d}-{rng.randint(1, 28):02d}")
        x = 152000 + rng.random() * 6000
        y = 460000 + rng.random() * 6000
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x:.2f} {y:.2f})"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def write_buildings(path):
    rng = random.Random(31370)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("gebouwen", spatial_reference(31370), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("oidn", ogr.OFTInteger))
    for i in range(200):
        x = 104000 + rng.random() * 2000
        y = 193000 + rng.random() * 2000
        w, h = 8 + rng.random() * 15, 8 + rng.random() * 15
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("oidn", 1000 + i)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON (({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"))
        layer.CreateFeature(feature)
    ds = None


def main():
    out = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "data"))
    write_observations(os.path.join(out, "data", "waarnemingen.gpkg"), count)
    write_buildings(os.path.join(out, "data", "grb_gebouwen.gpkg"))

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setFileName(os.path.join(out, "natuurkaart.qgz"))
    project.setTitle("Natuurkaart gemeente Voorbeeld")
    observations = QgsVectorLayer(os.path.join(out, "data", "waarnemingen.gpkg") + "|layername=waarnemingen",
                                  "NDFF waarnemingen", "ogr")
    observations.setCustomProperty("geolicence/licence", "ndff-uitvoerportaal")
    observations.setCustomProperty("geolicence/options", '{"role": "subscriber"}')
    buildings = QgsVectorLayer(os.path.join(out, "data", "grb_gebouwen.gpkg") + "|layername=gebouwen",
                               "GRB gebouwen", "ogr")
    project.addMapLayers([observations, buildings])

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Natuurkaart A4")
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("Kaart")
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(10, 10, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(277, 170, QgsUnitTypes.LayoutMillimeters))
    # An extent with the item's own proportions, so setExtent keeps the item's size.
    half_height = 3000 * 170 / 277
    map_item.setExtent(QgsRectangle(152000, 463000 - half_height, 158000, 463000 + half_height))
    map_item.setLayers([observations, buildings])
    map_item.setKeepLayerSet(True)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    layout.addLayoutItem(legend)
    title = QgsLayoutItemLabel(layout)
    title.setText("Beschermde soorten – gemeente Voorbeeld")
    layout.addLayoutItem(title)
    project.layoutManager().addLayout(layout)
    if not project.write():
        raise SystemExit(f"cannot write the sample project: {project.error()}")
    project.clear()
    app.exitQgis()
    print(f"sample written to {out}")


if __name__ == "__main__":
    main()
