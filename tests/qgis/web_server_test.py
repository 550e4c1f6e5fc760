"""`geolicence check PROJECT --target web` against the real QGIS and the real QGIS Server.

Projects are written by QGIS itself with their server settings set through PyQGIS (WMS
exclusions by layer and by group, WFS with transactions, WCS, identifiable flags, geometries in
GetFeatureInfo, attributions, service metadata) plus hand edits QGIS still reads (a project saved
by QGIS 3.2 with its list of non-identifiable layers, a flag written as "true"). For each one:

1. QGIS reads it back (QgsProject, QgsServerProjectUtils): `geolicence inspect` must read the
   same server settings and layer properties;
2. QGIS Server answers requests in-process (qgis.server.QgsServer, no network): every layer that
   `check --target web` says is drawn, identifiable, downloadable through WFS/WCS or has
   geometries in GetFeatureInfo is served so, and every layer it does not is refused;
3. the verdicts the issue asks for: GRB (Art. 5) through WMS only with own data passes, the same
   with GRB in the WFS list is prohibited with the clause and the fix, exact NDFF points served
   with GetFeatureInfo are prohibited and their 1 km aggregate (made by geolicence aggregate)
   passes.

Usage: /usr/bin/python3 web_server_test.py GEOLICENCE_BINARY WORK_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402

GRB = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"

# Where each test layer has a feature (x, y, crs): GetFeatureInfo asks there.
GRB_AT = (150010, 200010, "EPSG:31370")
OWN_AT = (150060, 200060, "EPSG:31370")
NDFF_AT = (155123.4, 463456.7, "EPSG:28992")
CELL_AT = (155500, 463500, "EPSG:28992")
RASTER_AT = (150100, 199900, "EPSG:31370")

tally = Tally()
check = tally.check
# Per channel, how often the server was seen serving it and refusing it: each must be both, or
# the corpus does not test that channel.
seen = {}


def observe(channel, served):
    seen.setdefault(channel, set()).add(served)


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)


# --- data, written with GDAL and bound with geolicence ---------------------------------------

def write_data(data, binary):
    from osgeo import gdal, ogr, osr

    def srs(epsg):
        ref = osr.SpatialReference()
        ref.ImportFromEPSG(epsg)
        return ref

    def layer(path, name, epsg, geometry, wkts, field="naam"):
        driver = ogr.GetDriverByName("GPKG")
        ds = driver.CreateDataSource(path)
        out = ds.CreateLayer(name, srs(epsg), geometry)
        out.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for i, wkt in enumerate(wkts):
            feature = ogr.Feature(out.GetLayerDefn())
            feature.SetField(field, f"{name} {i}")
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            out.CreateFeature(feature)
        ds = None
        return path

    def square(x, y, size):
        return f"POLYGON (({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"

    os.makedirs(data)
    layer(f"{data}/grb.gpkg", "gebouwen", 31370, ogr.wkbPolygon,
          [square(150000, 200000, 20), square(150200, 200200, 20)])
    own = layer(f"{data}/eigen.gpkg", "plannen", 31370, ogr.wkbPolygon,
                [square(150050, 200050, 20)])
    ndff = layer(f"{data}/ndff.gpkg", "waarnemingen", 28992, ogr.wkbPoint,
                 [f"POINT ({NDFF_AT[0]} {NDFF_AT[1]})", "POINT (155800.2 463100.9)"], "soort")
    raster = gdal.GetDriverByName("GTiff").Create(f"{data}/hoogte.tif", 4, 4, 1)
    raster.SetGeoTransform((150000, 50, 0, 200000, 0, -50))
    raster.SetProjection(srs(31370).ExportToWkt())
    raster.GetRasterBand(1).Fill(7)
    raster = None
    for path, licence, options in ((own, "eigen-gegevens", []),
                                   (ndff, "ndff-uitvoerportaal", ["--option", "role=subscriber"])):
        result = run(binary, "bind", path, "--licence", licence, *options)
        if result.returncode != 0:
            raise SystemExit(f"bind {path}: {result.stderr}")
    # The 1 km aggregate the NDFF terms allow to publish, bound by geolicence itself.
    cells = f"{data}/kilometerhokken.gpkg"
    result = run(binary, "aggregate", ndff, cells, "--group-by", "soort")
    if result.returncode != 0:
        raise SystemExit(f"aggregate: {result.stderr}")
    return {"grb": f"{data}/grb.gpkg|layername=gebouwen",
            "own": f"{own}|layername=plannen",
            "ndff": f"{ndff}|layername=waarnemingen",
            "cells": f"{cells}|layername=kilometerhokken",
            "raster": f"{data}/hoogte.tif"}


# --- projects, written by QGIS -------------------------------------------------------------

def build_projects(work, sources):
    from qgis.core import QgsMapLayer, QgsProject, QgsRasterLayer, QgsVectorLayer

    def vector(key, name):
        layer = QgsVectorLayer(sources[key], name, "ogr")
        assert layer.isValid(), name
        return layer

    def grb_layer(name="GRB gebouwen", with_attribution=True):
        grb = vector("grb", name)
        # As the plugin's Licence page writes it.
        grb.setCustomProperty("geolicence/licence", "grb-art5-oorspronkelijk-doel")
        if with_attribution:
            grb.setAttribution(GRB)
            grb.setAttributionUrl("https://www.geopunt.be")
        return grb

    def not_identifiable(layer):
        layer.setFlags(layer.flags() & ~QgsMapLayer.Identifiable)
        return layer

    def save(name, layers, settings=None, groups=None):
        project = QgsProject.instance()
        project.clear()
        project.setTitle(name)
        path = os.path.join(work, name)
        project.setFileName(path)
        root = project.layerTreeRoot()
        for layer in layers:
            project.addMapLayer(layer, False)
            group = (groups or {}).get(layer.name())
            parent = root.findGroup(group) or root.addGroup(group) if group else root
            parent.addLayer(layer)
        for write in settings or []:
            write(project)
        assert project.write(), project.error()
        return path

    def wfs(*layers, transactions=()):
        def write(project):
            project.writeEntry("WFSLayers", "/", [layer.id() for layer in layers])
            for operation in transactions:
                project.writeEntry("WFSTLayers", operation, [layers[0].id()])
        return write

    def entry(key, value):
        def write(project):
            if isinstance(value, bool):
                project.writeEntryBool(key, "/", value)  # as Project Properties writes it
            else:
                project.writeEntry(key, "/", value)
        return write

    projects = {}
    projects["grb_wms"] = save("grb_wms.qgs", [grb_layer(), vector("own", "Eigen plannen")])
    grb = grb_layer()
    projects["grb_wfs"] = save("grb_wfs.qgs", [grb, vector("own", "Eigen plannen")], [wfs(grb)])
    projects["ndff_exact"] = save("ndff_exact.qgs", [vector("ndff", "Waarnemingen NDFF")])
    cells = vector("cells", "NDFF kilometerhokken")
    projects["ndff_km"] = save("ndff_km.qgs", [cells], [wfs(cells)])

    # The reading corpus: every setting at once.
    a = grb_layer("Gebouwen A")
    a.setShortName("gebouwen_a")
    a.setTitle("Gebouwen (GRB)")
    a.setAbstract("GRB-gebouwen van de gemeente")
    a.setKeywordList("gebouwen, GRB")
    b = not_identifiable(vector("own", "Eigen B"))
    c = vector("ndff", "Waarnemingen C")
    d = vector("cells", "Hokken D")
    e = QgsRasterLayer(sources["raster"], "Hoogte E", "gdal")
    f = vector("own", "Eigen F")
    corpus_layers = [a, b, c, d, e, f]
    corpus_settings = [
        # D is excluded from WMS (its group) but in the WFS list: still downloadable.
        wfs(a, b, d, transactions=("Insert", "Update", "Delete")),
        entry("WCSLayers", [e.id()]),
        entry("WMSRestrictedLayers", ["Waarnemingen C", "Verborgen"]),
        entry("WMSAddWktGeometry", True),
        entry("WMSServiceTitle", "Webkaart Voorbeeld"),
        entry("WMSServiceAbstract", "Kaarten van de gemeente Voorbeeld"),
        entry("WMSKeywordList", ["ruimte", "gebouwen"]),
        entry("WMSContactOrganization", "Gemeente Voorbeeld"),
        entry("WMSFees", "geen"),
        entry("WMSAccessConstraints", GRB),
        entry("WMSServiceCapabilities", True),
    ]
    projects["services"] = save("services.qgs", corpus_layers, corpus_settings,
                                {"Hokken D": "Verborgen"})
    f_id = f.id()
    projects["services_qgz"] = save("services.qgz", [
        grb_layer("Gebouwen A"), not_identifiable(vector("own", "Eigen B"))],
        [entry("WMSRestrictedLayers", ["Eigen B"])])
    QgsProject.instance().clear()

    # Hand edits QGIS still reads: a project saved by QGIS 3.2 (non-identifiable layers listed
    # in the project's properties, no layer flags), and a flag written as "true".
    text = open(projects["services"], encoding="utf-8").read()
    legacy = re.sub(r'<qgis ([^>]*)version="[^"]*"', r'<qgis \1version="3.2.3-Bonn"', text, 1)
    legacy = re.sub(r"\s*<flags>.*?</flags>", "", legacy, flags=re.S)
    legacy = legacy.replace("<properties>", "<properties>\n    <Identify><disabledLayers "
                            f'type="QStringList"><value>{f_id}</value></disabledLayers>'
                            "</Identify>", 1)
    projects["legacy"] = os.path.join(work, "legacy.qgs")
    open(projects["legacy"], "w", encoding="utf-8").write(legacy)
    def flag_true(match):
        block = match.group(0)
        if "<layername>Gebouwen A</layername>" not in block:
            return block
        return block.replace("<Identifiable>1</Identifiable>", "<Identifiable>true</Identifiable>")
    flagged = re.sub(r"<maplayer .*?</maplayer>", flag_true, text, flags=re.S)
    assert flagged != text
    projects["flag_true"] = os.path.join(work, "flag_true.qgs")
    open(projects["flag_true"], "w", encoding="utf-8").write(flagged)

    # Lizmap: GRB served through WMS only, but offered in Lizmap's attribute table.
    projects["grb_lizmap"] = shutil.copy(projects["grb_wms"], os.path.join(work, "grb_lizmap.qgs"))
    grb_id = re.search(r"<id>(GRB_gebouwen[^<]*)</id>", text_of(projects["grb_lizmap"])).group(1)
    with open(projects["grb_lizmap"] + ".cfg", "w", encoding="utf-8") as cfg:
        json.dump({"layers": {"GRB gebouwen": {"id": grb_id, "type": "layer", "popup": "True"}},
                   "attributeLayers": {"GRB gebouwen": {"layerId": grb_id, "primaryKey": "fid"}}},
                  cfg)
    return projects


def text_of(path):
    return open(path, encoding="utf-8").read()


# --- 1. the reader against QGIS --------------------------------------------------------------

def qgis_reading(path):
    from qgis.core import QgsMapLayer, QgsProject
    from qgis.server import QgsServerProjectUtils as utils
    project = QgsProject.instance()
    project.clear()
    assert project.read(path), path
    layers = {}
    for layer in project.mapLayers().values():
        layers[layer.id()] = {
            "identifiable": bool(layer.flags() & QgsMapLayer.Identifiable),
            "short_name": layer.shortName(), "title": layer.title(),
            "abstract": layer.abstract(), "attribution": layer.attribution(),
            "attribution_url": layer.attributionUrl(), "name": layer.name(),
            "type": "vector" if layer.type() == 0 else "raster",
            "keywords": [k.strip() for k in layer.keywordList().split(",") if k.strip()]}
    return {
        "service": {"title": utils.owsServiceTitle(project),
                    "abstract": utils.owsServiceAbstract(project),
                    "keywords": utils.owsServiceKeywords(project),
                    "contact_organization": utils.owsServiceContactOrganization(project),
                    "fees": utils.owsServiceFees(project),
                    "access_constraints": utils.owsServiceAccessConstraints(project)},
        "wms_restricted": utils.wmsRestrictedLayers(project),
        "feature_info_geometry": utils.wmsFeatureInfoAddWktGeometry(project),
        "wfs_layers": utils.wfsLayerIds(project),
        "wfst": {"insert": utils.wfstInsertLayerIds(project),
                 "update": utils.wfstUpdateLayerIds(project),
                 "delete": utils.wfstDeleteLayerIds(project)},
        "wcs_layers": utils.wcsLayerIds(project),
        "layers": layers,
    }


def compare_reading(binary, name, path, theirs):
    result = run(binary, "inspect", path, "--format", "json")
    if not check(result.returncode == 0, f"{name}: inspect exit {result.returncode}: {result.stderr}"):
        return None
    ours = json.loads(result.stdout)["services"]
    for key, value in theirs["service"].items():
        check(ours["service"][key] == value,
              f"{name}: service {key}: ours {ours['service'][key]!r}, QGIS {value!r}")
    for key in ("wms_restricted", "feature_info_geometry", "wfs_layers", "wcs_layers"):
        check(ours[key] == theirs[key], f"{name}: {key}: ours {ours[key]!r}, QGIS {theirs[key]!r}")
    for key in ("insert", "update", "delete"):
        check(ours["wfst"][key] == theirs["wfst"][key], f"{name}: wfst {key} differs")
    our_layers = {layer["id"]: layer for layer in ours["layers"]}
    check(set(our_layers) == set(theirs["layers"]), f"{name}: layer ids differ")
    for layer_id, layer in theirs["layers"].items():
        mine = our_layers.get(layer_id)
        if mine is None:
            continue
        for key in ("identifiable", "short_name", "title", "abstract", "attribution",
                    "attribution_url", "keywords"):
            check(mine[key] == layer[key],
                  f"{name}: {layer['name']} {key}: ours {mine[key]!r}, QGIS {layer[key]!r}")
    return ours


# --- 2. the server against check --target web -------------------------------------------------

class Server:
    def __init__(self):
        from qgis.server import QgsServer
        self.server = QgsServer()

    def get(self, path, **params):
        from qgis.server import QgsBufferServerRequest, QgsBufferServerResponse
        from urllib.parse import urlencode
        request = QgsBufferServerRequest("http://localhost/?" + urlencode({"MAP": path, **params}))
        response = QgsBufferServerResponse()
        self.server.handleRequest(request, response)
        return response.statusCode(), response.headers().get("Content-Type", ""), \
            bytes(response.body())


def where(layer_name):
    for prefix, at in (("GRB", GRB_AT), ("Gebouwen", GRB_AT), ("Eigen", OWN_AT),
                       ("Waarnemingen", NDFF_AT), ("NDFF", CELL_AT), ("Hokken", CELL_AT),
                       ("Hoogte", RASTER_AT)):
        if layer_name.startswith(prefix):
            return at
    raise KeyError(layer_name)


def wms_name(layer):
    return layer["short_name"] or layer["name"]


def type_name(layer):
    # QGIS Server's WFS/WCS name: the short name, else the name with spaces as underscores.
    return (layer["short_name"] or layer["name"]).replace(" ", "_")


def painted_pixels(server, path, layer):
    """How many pixels GetMap paints around the layer's feature: QGIS Server answers a request
    for an excluded layer with an empty image, not an error."""
    from qgis.PyQt.QtGui import QImage
    x, y, crs = where(layer["name"])
    status, content_type, body = server.get(
        path, SERVICE="WMS", REQUEST="GetMap", VERSION="1.3.0", CRS=crs,
        BBOX=f"{x - 100},{y - 100},{x + 100},{y + 100}", WIDTH="50", HEIGHT="50",
        LAYERS=wms_name(layer), FORMAT="image/png", TRANSPARENT="true")
    image = QImage.fromData(body) if status == 200 and content_type.startswith("image/") else None
    if image is None or image.isNull():
        return 0
    return sum(1 for i in range(image.width()) for j in range(image.height())
               if image.pixelColor(i, j).alpha() > 0)


def feature_info(server, path, layer):
    x, y, crs = where(layer["name"])
    # WITH_GEOMETRY is what a client asks when it wants the geometries: QGIS Server adds them
    # only when the project allows it (WMSAddWktGeometry).
    status, _, body = server.get(
        path, SERVICE="WMS", REQUEST="GetFeatureInfo", VERSION="1.3.0", CRS=crs,
        BBOX=f"{x - 50},{y - 50},{x + 50},{y + 50}", WIDTH="101", HEIGHT="101", I="50", J="50",
        LAYERS=wms_name(layer), QUERY_LAYERS=wms_name(layer), INFO_FORMAT="text/xml",
        FEATURE_COUNT="10", WITH_GEOMETRY="true")
    if status != 200:
        return None
    root = ET.fromstring(body)
    answers = root.findall(".//Feature") or \
        [a for a in root.findall(".//Layer/Attribute")]  # a raster answers with its bands
    geometries = [a for a in root.iter("Attribute") if a.get("name") == "geometry"]
    return {"answers": len(answers), "geometries": len(geometries)}


def compare_with_server(server, binary, name, path, reading, purpose="public-task"):
    result = run(binary, "check", path, "--target", "web", "--purpose", purpose,
                 "--format", "json")
    if not check(result.returncode in (0, 1), f"{name}: check exit {result.returncode}: {result.stderr}"):
        return None
    decision = json.loads(result.stdout)
    served = {layer["layer_id"]: layer for layer in decision["served"]}
    capabilities = ET.fromstring(server.get(path, SERVICE="WMS", REQUEST="GetCapabilities",
                                            VERSION="1.3.0")[2])
    ns = {"w": "http://www.opengis.net/wms"}
    advertised = {}
    for element in capabilities.iter("{http://www.opengis.net/wms}Layer"):
        layer_name = element.findtext("w:Name", None, ns)
        if layer_name is not None:
            advertised[layer_name] = element.findtext("w:Attribution/w:Title", "", ns)
    service = capabilities.find("w:Service", ns)
    if reading["service"]["access_constraints"]:  # else QGIS advertises a default
        check(service.findtext("w:AccessConstraints", "", ns) ==
              reading["service"]["access_constraints"], f"{name}: AccessConstraints advertised")
    check(service.findtext("w:Title", "", ns) == reading["service"]["title"],
          f"{name}: service Title advertised")
    for layer_id, layer in reading["layers"].items():
        layer["name"] = layer.get("name") or layer_id
        ours = served.get(layer_id, {"channels": [], "downloadable": False})
        channels = set(ours["channels"])
        label = f"{name}: {layer['name']}"
        # GetMap: drawn exactly when check says so; the capabilities list it with its attribution.
        painted = painted_pixels(server, path, layer)
        observe("wms-getmap", painted > 0)
        check((painted > 0) == ("wms-getmap" in channels),
              f"{label}: GetMap paints {painted} pixels, check says {sorted(channels)}")
        check((wms_name(layer) in advertised) == ("wms-getmap" in channels),
              f"{label}: listed in WMS capabilities")
        if wms_name(layer) in advertised:
            check(advertised[wms_name(layer)] == layer["attribution"],
                  f"{label}: advertised attribution {advertised[wms_name(layer)]!r}")
        info = feature_info(server, path, layer)
        answered = info is not None and info["answers"] > 0
        observe("wms-getfeatureinfo", answered)
        check(answered == ("wms-getfeatureinfo" in channels),
              f"{label}: GetFeatureInfo {info}, check says {sorted(channels)}")
        with_geometry = info is not None and info["geometries"] > 0
        observe("wms-getfeatureinfo-geometry", with_geometry)
        check(with_geometry == ("wms-getfeatureinfo-geometry" in channels),
              f"{label}: GetFeatureInfo geometries {info}, check says {sorted(channels)}")
        # WFS GetFeature: the features themselves, exactly when check says so.
        status, _, body = server.get(path, SERVICE="WFS", REQUEST="GetFeature", VERSION="1.1.0",
                                     TYPENAME=type_name(layer), OUTPUTFORMAT="GeoJSON")
        features = json.loads(body).get("features", []) if status == 200 else []
        observe("wfs-getfeature", bool(features))
        check(bool(features) == ("wfs-getfeature" in channels),
              f"{label}: WFS GetFeature {status} with {len(features)} features, "
              f"check says {sorted(channels)}")
        status, content_type, body = server.get(
            path, SERVICE="WCS", REQUEST="GetCoverage", VERSION="1.0.0",
            COVERAGE=type_name(layer), CRS="EPSG:31370", BBOX="150000,199800,150200,200000",
            WIDTH="4", HEIGHT="4", FORMAT="GeoTIFF")
        coverage = status == 200 and body[:4] in (b"II*\x00", b"MM\x00*")
        observe("wcs-getcoverage", coverage)
        check(coverage == ("wcs-getcoverage" in channels),
              f"{label}: WCS GetCoverage {status} {content_type}, check says {sorted(channels)}")
        server_download = bool(features) or coverage or with_geometry
        if "lizmap-attribute-table" not in channels:
            check(ours["downloadable"] == server_download,
                  f"{label}: check downloadable {ours['downloadable']}, server {server_download}")
    return decision


def findings(decision, rule, layer_name=None):
    return [f for f in decision["findings"]
            if f["rule"] == rule and (layer_name is None or f["layer_name"] == layer_name)]


def main():
    binary, work = sys.argv[1], os.path.abspath(sys.argv[2])
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    sources = write_data(os.path.join(work, "data"), binary)

    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    projects = build_projects(work, sources)
    readings = {}
    for name, path in projects.items():
        readings[name] = qgis_reading(path)
        compare_reading(binary, name, path, readings[name])
    # The hand edits did what they are for, in QGIS's own reading.
    legacy_f = [l for l in readings["legacy"]["layers"].values() if l["name"] == "Eigen F"][0]
    check(not legacy_f["identifiable"], "QGIS reads the 3.2 project's disabledLayers list")
    flag_a = [l for l in readings["flag_true"]["layers"].values() if l["name"] == "Gebouwen A"][0]
    check(not flag_a["identifiable"], "QGIS reads <Identifiable>true</Identifiable> as not identifiable")

    from qgis.core import QgsProject
    QgsProject.instance().clear()
    server = Server()
    decisions = {}
    for name, path in projects.items():
        decisions[name] = compare_with_server(server, binary, name, path, readings[name])

    for channel in ("wms-getmap", "wms-getfeatureinfo", "wms-getfeatureinfo-geometry",
                    "wfs-getfeature", "wcs-getcoverage"):
        check(seen.get(channel) == {True, False},
              f"the server both served and refused {channel}: {seen.get(channel)}")

    # 3. What the issue asks for.
    grb_wms, grb_wfs = decisions["grb_wms"], decisions["grb_wfs"]
    check(grb_wms and grb_wms["decision"] == "permitted",
          f"GRB through WMS only with own data: {grb_wms and grb_wms['decision']}")
    check(grb_wfs and grb_wfs["decision"] == "prohibited",
          f"GRB in the WFS list: {grb_wfs and grb_wfs['decision']}")
    fix = findings(grb_wfs, "web-downloadable", "GRB gebouwen") if grb_wfs else []
    check(len(fix) == 1 and "Art. 5" in (fix[0]["cite"] or "")
          and 'remove layer "GRB gebouwen" from the WFS list' in fix[0]["message"],
          f"GRB in WFS: the clause and the fix: {fix}")
    exact, km = decisions["ndff_exact"], decisions["ndff_km"]
    check(exact and exact["decision"] == "prohibited", "exact NDFF points served: prohibited")
    check(exact and findings(exact, "n4-no-exact-publish")
          and any("aggregate the data to 1000 m cells first" in f["message"]
                  for f in findings(exact, "web-exact-positions")),
          f"exact NDFF: N4 and the fix: {exact and exact['findings']}")
    ndff_served = exact["served"][0]["channels"] if exact else []
    check("wms-getfeatureinfo" in ndff_served, "exact NDFF points answer GetFeatureInfo")
    check(km and km["decision"] == "permitted",
          f"the 1 km aggregate, downloadable through WFS: {km and km['decision']}: "
          f"{km and km['findings']}")
    lizmap = decisions["grb_lizmap"]
    check(lizmap and lizmap["decision"] == "prohibited"
          and findings(lizmap, "web-downloadable", "GRB gebouwen")
          and findings(lizmap, "lizmap-without-wfs", "GRB gebouwen"),
          f"GRB in Lizmap's attribute table: {lizmap and lizmap['findings']}")

    # A deployment repository in one run.
    result = run(binary, "check", work, "--recursive", "--target", "web", "--purpose",
                 "public-task", "--format", "json")
    folder = json.loads(result.stdout) if result.stdout else {}
    check(result.returncode == 1 and folder.get("target") == "web"
          and len(folder.get("files", [])) == len(projects)
          and all("served" in entry for entry in folder["files"]),
          f"check DIR --recursive --target web: exit {result.returncode} {result.stderr}")
    app.exitQgis()
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
