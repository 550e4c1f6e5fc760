"""Writes a QGIS project with N layers of small GeoPackage and GeoJSON files, licensed the three
ways projects carry licences (a third each): the layer's custom properties, GeoPackage metadata
and sidecar files (both written by `geolicence bind`), with 5 layouts whose maps show the
visible layers; and M extra licensed GeoPackages to add to it one by one.

Usage: make_plugin_bench_project.py GEOLICENCE_BINARY OUT_DIR [N] [M]
"""
import os
import subprocess
import sys

from osgeo import ogr, osr

LICENCES = [("ndff-uitvoerportaal", ["role=subscriber"]),
            ("grb-art7-intern-gebruik", ["valid_until=2030-12-31", "publication_right=true"]),
            ("cc-by-4.0", ["attribution=Gemeente Voorbeeld"])]


def write_points(path, index):
    driver = ogr.GetDriverByName("GPKG" if path.endswith(".gpkg") else "GeoJSON")
    data = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992 if path.endswith(".gpkg") else 4326)
    layer = data.CreateLayer("punten", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("soort", ogr.OFTString))
    for i in range(20):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("soort", f"soort {i % 4}")
        point = ogr.Geometry(ogr.wkbPoint)
        if path.endswith(".gpkg"):
            point.AddPoint_2D(150000 + index * 37.3 + i * 11.7, 460000 + i * 13.1)
        else:
            point.AddPoint_2D(5.1 + index * 0.0013 + i * 0.00017, 52.1 + i * 0.00011)
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    data = None


def bind(binary, path, index):
    licence, options = LICENCES[index % len(LICENCES)]
    command = [binary, "bind", path, "--licence", licence]
    for option in options:
        command += ["--option", option]
    subprocess.run(command, check=True, capture_output=True)


def main():
    binary, out = sys.argv[1], os.path.abspath(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    extra = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    os.makedirs(os.path.join(out, "extra"), exist_ok=True)
    layers = []
    for i in range(count):
        kind = i % 3
        path = os.path.join(out, "data", f"laag_{i:03d}." + ("geojson" if kind == 2 else "gpkg"))
        write_points(path, i)
        if kind == 0:
            licence, options = LICENCES[i % len(LICENCES)]
            properties = {"geolicence/licence": licence,
                          "geolicence/options": "{" + ", ".join(
                              '"%s": %s' % (o.split("=")[0], "true" if o.endswith("=true") else '"%s"' % o.split("=")[1])
                              for o in options) + "}"}
        else:
            bind(binary, path, i)
            properties = {}
        layers.append((path, f"laag {i:03d}", properties))
    for i in range(extra):
        path = os.path.join(out, "extra", f"nieuw_{i:02d}.gpkg")
        write_points(path, 1000 + i)
        bind(binary, path, i)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsLayoutItemLabel, QgsLayoutItemMap, QgsPrintLayout,
                           QgsProject, QgsVectorLayer)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    for path, name, properties in layers:
        layer = QgsVectorLayer(path + "|layername=punten", name, "ogr")
        for key, value in properties.items():
            layer.setCustomProperty(key, value)
        project.addMapLayer(layer)
    for n in range(5):
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName(f"Kaart {n + 1}")
        layout.addLayoutItem(QgsLayoutItemMap(layout))
        title = QgsLayoutItemLabel(layout)
        title.setText(f"Kaart {n + 1}")
        layout.addLayoutItem(title)
        project.layoutManager().addLayout(layout)
    if not project.write(os.path.join(out, "groot.qgz")):
        raise SystemExit(project.error())
    project.clear()
    app.exitQgis()


if __name__ == "__main__":
    main()
