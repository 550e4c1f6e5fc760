"""Writes a large QGIS project for the `check` benchmark: N layers (a third bound by custom
property, a third by sidecar files, a third by the catalog's source rules), nested groups, a
map theme and L layouts with locked, theme-following and free maps. With `claims`, the NDFF
layers' bindings claim a 1 km cell size, which `geolicence check` then measures on each
layer's data (with GDAL, in geolicence-gis).

Usage: python3 make_large_project.py OUTPUT_DIR [N_LAYERS] [N_LAYOUTS] [claims]
Pure Python: the benchmark needs no QGIS.
"""
import json
import os
import sys
from xml.sax.saxutils import quoteattr


def main():
    out = os.path.abspath(sys.argv[1])
    layers = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    layouts = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    claims = len(sys.argv) > 4 and sys.argv[4] == "claims"
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    maplayers, tree, ids = [], [], []
    for i in range(layers):
        layer_id = f"laag_{i:04d}"
        ids.append(layer_id)
        properties = ""
        if i % 3 == 0:
            provider, source = "ogr", f"./data/laag_{i:04d}.geojson"
            options = "cell_size_m&quot;: 1000" if claims else "role&quot;: &quot;subscriber&quot;"
            properties = ('<Option name="geolicence/licence" value="ndff-uitvoerportaal" type="QString"/>'
                          f'<Option name="geolicence/options" value="{{&quot;{options}}}" type="QString"/>')
            with open(os.path.join(out, "data", f"laag_{i:04d}.geojson"), "w") as f:
                f.write('{"type": "FeatureCollection", "features": []}')
        elif i % 3 == 1:
            provider, source = "ogr", f"./data/laag_{i:04d}.geojson"
            with open(os.path.join(out, "data", f"laag_{i:04d}.geojson"), "w") as f:
                f.write('{"type": "FeatureCollection", "features": []}')
            with open(os.path.join(out, "data", f"laag_{i:04d}.geojson.licence.json"), "w") as f:
                json.dump({"licence": "grb-art7-intern-gebruik",
                           "options": {"valid_until": "2030-12-31", "publication_right": True}}, f)
        else:
            provider = "wms"
            source = "type=xyz&amp;url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png"
        maplayers.append(
            f'<maplayer type="vector"><id>{layer_id}</id><datasource>{source}</datasource>'
            f'<layername>Laag {i}</layername><provider>{provider}</provider>'
            '<srs><spatialrefsys><authid>EPSG:28992</authid></spatialrefsys></srs>'
            f'<customproperties><Option type="Map">{properties}</Option></customproperties></maplayer>')
        checked = "Qt::Checked" if i % 5 else "Qt::Unchecked"
        tree.append(f'<layer-tree-layer id="{layer_id}" name="Laag {i}" checked="{checked}"/>')
    groups = "".join(f'<layer-tree-group name="groep {g}" checked="Qt::Checked">'
                     + "".join(tree[g * 100:(g + 1) * 100]) + "</layer-tree-group>"
                     for g in range((layers + 99) // 100))
    theme = "".join(f'<layer id="{i}" visible="1"/>' for i in ids[::2])
    label = quoteattr("Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"
                      " — © OpenStreetMap contributors")
    layout_xml = []
    for n in range(layouts):
        locked = "".join(f"<Layer>{i}</Layer>" for i in ids[n * 50:n * 50 + 100])
        layout_xml.append(
            f'<Layout name="Layout {n}">'
            f'<LayoutItem type="65639" id="vergrendeld" uuid="{{a{n}}}" keepLayerSet="true"><LayerSet>{locked}</LayerSet></LayoutItem>'
            f'<LayoutItem type="65639" id="thema" uuid="{{b{n}}}" followPreset="true" followPresetName="thema"><LayerSet/></LayoutItem>'
            f'<LayoutItem type="65639" id="vrij" uuid="{{c{n}}}"><LayerSet/></LayoutItem>'
            f'<LayoutItem type="65641" uuid="{{d{n}}}" labelText={label}/>'
            f'<LayoutItem type="65642" uuid="{{e{n}}}" map_uuid="{{a{n}}}"/>'
            '</Layout>')
    with open(os.path.join(out, "groot.qgs"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE qgis PUBLIC \'http://mrcc.com/qgis.dtd\' \'SYSTEM\'>\n'
                '<qgis projectname="groot" version="3.22.16-Białowieża">'
                f'<layer-tree-group>{groups}<custom-order enabled="0"/></layer-tree-group>'
                f'<projectlayers>{"".join(maplayers)}</projectlayers>'
                f'<visibility-presets><visibility-preset name="thema">{theme}</visibility-preset></visibility-presets>'
                f'<Layouts>{"".join(layout_xml)}</Layouts></qgis>\n')
    print(os.path.join(out, "groot.qgs"))


if __name__ == "__main__":
    main()
