"""Projects with embedded layers and groups, written by the real QGIS (part of the corpus).

A source project `bronnen/bronproject.qgs` (and `.qgz`) with its own data folder: observations
bound by custom property (NDFF), GRB buildings bound by a sidecar next to their file, an
unlicensed sketch layer and a hidden OpenStreetMap layer (source rule), grouped as
"Gedeeld" (observations, OpenStreetMap) > "Achtergrond" (GRB). Embedding projects in the corpus folder embed the group
(QgsProject.createEmbeddedGroup) and the sketch layer. QGIS 3.22's Python API has no
createEmbeddedLayer, so the single layer is embedded the way QGIS stores it
(<maplayer embedded="1" project=... id=...> and a tree node marked embedded), the project read
by QGIS (which loads the layer through QgsProject::createEmbeddedLayer) and written again by
QGIS: the files in the corpus are QGIS's own.

- ingebed.qgs / ingebed.qgz: embed from bronproject.qgs, same visibility as the source, and a
  layout "Kaart" like the source's; checking it must give the source's decision.
- ingebed uit qgz.qgs: the same from bronproject.qgz.
- ingebed verborgen.qgs: the group embedded with the observations hidden as well, and a
  second map locked to two embedded layers.
- ingebed ontbrekend.qgs: embeds from a project deleted after writing (fails closed).
"""
import json
import os
import shutil

from osgeo import ogr, osr
from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemMap, QgsPrintLayout, QgsProject,
                       QgsRasterLayer, QgsVectorLayer)

GRB_TEXT = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"


def _write_points(path, name):
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(28992)
    ds = ogr.GetDriverByName("GPKG" if path.endswith(".gpkg") else "GeoJSON").CreateDataSource(path)
    layer = ds.CreateLayer(name, ref, ogr.wkbPoint)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (155000 463000)"))
    layer.CreateFeature(feature)
    ds = None


def _layout(project, maps_layers=None):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Kaart")
    free = QgsLayoutItemMap(layout)
    free.setId("vrij")
    layout.addLayoutItem(free)
    if maps_layers is not None:
        locked = QgsLayoutItemMap(layout)
        locked.setId("vergrendeld")
        locked.setLayers(maps_layers)
        locked.setKeepLayerSet(True)
        layout.addLayoutItem(locked)
    label = QgsLayoutItemLabel(layout)
    label.setText(GRB_TEXT)
    layout.addLayoutItem(label)
    project.layoutManager().addLayout(layout)


def _build_source(folder):
    data = os.path.join(folder, "gegevens")
    os.makedirs(data)
    _write_points(os.path.join(data, "waarnemingen.gpkg"), "waarnemingen")
    _write_points(os.path.join(data, "gebouwen.geojson"), "gebouwen")
    with open(os.path.join(data, "gebouwen.geojson.licence.json"), "w", encoding="utf-8") as f:
        json.dump({"licence": "grb-art7-intern-gebruik",
                   "options": {"valid_until": "2030-12-31", "publication_right": True}}, f)
    project = QgsProject.instance()
    project.clear()
    root = project.layerTreeRoot()
    shared = root.addGroup("Gedeeld")
    background = shared.addGroup("Achtergrond")
    obs = QgsVectorLayer(f"{data}/waarnemingen.gpkg|layername=waarnemingen",
                         "Waarnemingen (bron)", "ogr")
    obs.setCustomProperty("geolicence/licence", "ndff-uitvoerportaal")
    obs.setCustomProperty("geolicence/options", json.dumps({"role": "subscriber"}))
    grb = QgsVectorLayer(f"{data}/gebouwen.geojson", "GRB gebouwen (bron)", "ogr")
    osm = QgsRasterLayer("type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png"
                         "&zmax=19&zmin=0", "OSM (bron)", "wms")
    sketch = QgsVectorLayer("Point?crs=EPSG:28992", "Schets (bron)", "memory")
    # OSM, hidden, sits directly in the shared group: QGIS stores the hidden layers of an
    # embedded group in "embedded-invisible-layers" but only looks for them below unchecked
    # nodes and among the group's own layers (QgsLayerTreeUtils::invisibleLayerList), so a
    # hidden layer in a checked subgroup would come back visible in the embedding project.
    for layer, parent in ((obs, shared), (osm, shared), (grb, background), (sketch, root)):
        project.addMapLayer(layer, False)
        parent.addLayer(layer)
    root.findLayer(osm.id()).setItemVisibilityChecked(False)
    _layout(project)
    ids = {"obs": obs.id(), "grb": grb.id(), "osm": osm.id(), "sketch": sketch.id()}
    for extension in (".qgs", ".qgz"):
        if not project.write(os.path.join(folder, "bronproject" + extension)):
            raise SystemExit(f"cannot write the source project: {project.error()}")
    project.clear()
    return ids


def _embed_sketch_and_reload(path, reference, sketch_id):
    """Adds the single embedded layer as QGIS stores it, then lets QGIS read the file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    node = (f'<layer-tree-layer id="{sketch_id}" name="Schets (bron)" checked="Qt::Checked" '
            f'providerKey="memory"><customproperties><Option type="Map">'
            f'<Option type="int" value="1" name="embedded"/>'
            f'<Option type="QString" value="{reference}" name="embedded_project"/>'
            f'</Option></customproperties></layer-tree-layer>\n    <custom-order')
    text = text.replace("<custom-order", node, 1)
    element = f'<maplayer embedded="1" project="{reference}" id="{sketch_id}"/>'
    if "<projectlayers/>" in text:
        text = text.replace("<projectlayers/>", f"<projectlayers>{element}</projectlayers>")
    else:
        text = text.replace("<projectlayers>", f"<projectlayers>{element}", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    project = QgsProject.instance()
    project.clear()
    if not project.read(path) or project.mapLayer(sketch_id) is None:
        raise SystemExit(f"QGIS did not load the embedded layer of {path}: {project.error()}")
    return project


def _build_embedding(out, name, source, ids, invisible, extension=".qgs", locked=False):
    """Embeds group "Gedeeld" and the sketch layer from `source`; written by QGIS."""
    project = QgsProject.instance()
    project.clear()
    # The .qgs that QGIS reads back; for a .qgz target a stand-in removed afterwards.
    path = os.path.join(out, name + (".qgs" if extension == ".qgs" else " (vooraf).qgs"))
    project.setFileName(path)
    group = project.createEmbeddedGroup("Gedeeld", source, invisible)
    if group is None:
        raise SystemExit(f"QGIS could not embed group Gedeeld from {source}")
    project.layerTreeRoot().addChildNode(group)
    if not project.write():
        raise SystemExit(f"cannot write {path}: {project.error()}")
    project = _embed_sketch_and_reload(path, "./" + os.path.relpath(source, out), ids["sketch"])
    # The source's layout; optionally with a second map locked to two embedded layers.
    _layout(project, [project.mapLayer(ids["grb"]), project.mapLayer(ids["sketch"])]
            if locked else None)
    target = os.path.join(out, name + extension)
    if not project.write(target):
        raise SystemExit(f"cannot write {target}: {project.error()}")
    if target != path:
        os.remove(path)
    project.clear()
    for backup in (path + "~", target + "~"):  # QGIS keeps the previous version as file~
        if os.path.exists(backup):
            os.remove(backup)


def build(out):
    """Writes the source projects and the embedding projects into `out`."""
    folder = os.path.join(out, "bronnen")
    ids = _build_source(folder)
    source = os.path.join(folder, "bronproject.qgs")
    _build_embedding(out, "ingebed", source, ids, [ids["osm"]])
    _build_embedding(out, "ingebed", source, ids, [ids["osm"]], ".qgz")
    _build_embedding(out, "ingebed uit qgz", os.path.join(folder, "bronproject.qgz"), ids,
                     [ids["osm"]])
    _build_embedding(out, "ingebed verborgen", source, ids, [ids["osm"], ids["obs"]],
                     locked=True)
    doomed = os.path.join(folder, "tijdelijk.qgs")
    shutil.copy(source, doomed)
    _build_embedding(out, "ingebed ontbrekend", doomed, ids, [ids["osm"]])
    os.remove(doomed)
