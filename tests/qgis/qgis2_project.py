"""A QGIS 2.18 project with print composers, for the corpus (the real QGIS converts it).

Written by hand after QGIS 2.18's own format (QgsComposition::writeXML, QgsComposerMap,
QgsComposerLabel, QgsComposerLegend, QgsAtlasComposition in the release-2_18 branch) and the
2.18 projects in tests/data/real_projects/: layers with <property> custom properties, the layer
tree and the old <legend> side by side, the custom order in <layer-tree-canvas>, a map theme,
and two composers with the same title (QGIS 3 numbers the second):
- "Kaart 2.18": a map locked to the GRB buildings (sidecar licence) and OpenStreetMap, a map
  following theme "publicatie" (the NDFF observations), the GRB attribution as a plain label,
  the OpenStreetMap one as an HTML label, a legend linked to the first map, and an atlas over
  the buildings;
- "Kaart 2.18" again (QGIS 3: "Kaart 2.18 2"): a free map and no label at all.
make_corpus.py writes it next to the data, lets QGIS read it and write it as QGIS 3.22 does;
compare_with_qgis.py checks that both files get the same decisions.
"""

GRB = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"

LAYERS = [
    # id, name, provider, source, geometry, properties
    ("waarnemingen20180101120000001", "Waarnemingen", "ogr",
     "./data/waarnemingen.gpkg|layername=waarnemingen", "Point",
     '<property key="geolicence/licence" value="ndff-uitvoerportaal"/>'
     '<property key="geolicence/options" value="{&quot;role&quot;: &quot;subscriber&quot;}"/>'),
    ("gebouwen20180101120000002", "Gebouwen", "ogr", "./data/gebouwen.geojson", "Polygon", ""),
    ("osm20180101120000003", "OpenStreetMap", "wms",
     "type=xyz&amp;url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&amp;zmax=19&amp;zmin=0",
     None, ""),
]


def _maplayer(layer_id, name, provider, source, geometry, properties):
    kind = "raster" if geometry is None else "vector"
    geometry_attribute = f' geometry="{geometry}"' if geometry else ""
    return f"""    <maplayer minimumScale="0" maximumScale="1e+08" type="{kind}"{geometry_attribute} hasScaleBasedVisibilityFlag="0">
      <id>{layer_id}</id>
      <datasource>{source}</datasource>
      <keywordList>
        <value></value>
      </keywordList>
      <layername>{name}</layername>
      <srs>
        <spatialrefsys>
          <proj4>+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +units=m +no_defs</proj4>
          <srsid>2517</srsid>
          <srid>28992</srid>
          <authid>EPSG:28992</authid>
          <description>Amersfoort / RD New</description>
          <projectionacronym>sterea</projectionacronym>
          <ellipsoidacronym>bessel</ellipsoidacronym>
          <geographicflag>false</geographicflag>
        </spatialrefsys>
      </srs>
      <provider encoding="UTF-8">{provider}</provider>
      <customproperties>{properties}</customproperties>
    </maplayer>
"""


def _item(uuid, item_id, x, y, z):
    return (f'<ComposerItem pagey="{y}" page="1" id="{item_id}" lastValidViewScaleFactor="-1" '
            f'positionMode="0" positionLock="false" x="{x}" y="{y}" visibility="1" zValue="{z}" '
            f'background="true" transparency="0" frameJoinStyle="miter" blendMode="0" '
            f'width="100" outlineWidth="0.3" excludeFromExports="0" uuid="{uuid}" frame="false" '
            f'height="80" itemRotation="0"><FrameColor alpha="255" blue="0" green="0" red="0"/>'
            f'<BackgroundColor alpha="255" blue="255" green="255" red="255"/>'
            f'<customproperties/></ComposerItem>')


def _map(number, uuid, item_id, layers, keep, preset=""):
    layer_set = "".join(f"<Layer>{layer}</Layer>" for layer in layers)
    follow = "true" if preset else "false"
    return (f'      <ComposerMap followPreset="{follow}" mapRotation="0" keepLayerSet="{keep}" '
            f'followPresetName="{preset}" id="{number}" previewMode="Cache" drawCanvasItems="true">\n'
            f'        <Extent ymin="463000" xmin="155000" ymax="464000" xmax="156000"/>\n'
            f'        <LayerSet>{layer_set}</LayerSet>\n        <Grid/>\n'
            f'        <AtlasMap scalingMode="2" atlasDriven="{"1" if number == 0 else "0"}" '
            f'margin="0.1"/>\n        {_item(uuid, item_id, 10, 10 + 90 * number, 1 + number)}\n'
            f'      </ComposerMap>\n')


def _label(uuid, text, html):
    return (f'      <ComposerLabel valign="32" marginX="1" marginY="1" labelText="{text}" '
            f'htmlState="{2 if html else 0}" halign="1">\n'
            f'        <LabelFont description="Sans,10,-1,5,50,0,0,0,0,0" style=""/>\n'
            f'        <FontColor red="0" green="0" blue="0"/>\n'
            f'        {_item(uuid, "", 120, 200, 5)}\n      </ComposerLabel>\n')


def _composition(items):
    return ('    <Composition resizeToContentsMarginLeft="0" snapping="0" showPages="1" '
            'guidesVisible="1" resizeToContentsMarginTop="0" worldFileMap="" alignmentSnap="1" '
            'printResolution="300" paperWidth="297" gridVisible="0" snapGridOffsetX="0" '
            'smartGuides="1" snapGridOffsetY="0" resizeToContentsMarginRight="0" snapTolerancePixels="5" '
            'printAsRaster="0" generateWorldFile="0" paperHeight="210" numPages="1" '
            'snapGridResolution="10" resizeToContentsMarginBottom="0">\n'
            f'{items}    </Composition>\n')


def project_text():
    obs, grb, osm = (layer[0] for layer in LAYERS)
    first = (_map(0, "{a1b2c3d4-0000-4000-8000-000000000001}", "Kaart", [grb, osm], "true")
             + _map(1, "{a1b2c3d4-0000-4000-8000-000000000002}", "Thema", [], "false",
                    "publicatie")
             + _label("{a1b2c3d4-0000-4000-8000-000000000003}", GRB, False)
             + _label("{a1b2c3d4-0000-4000-8000-000000000004}",
                      "&lt;p style=&quot;font-size:8pt&quot;&gt;&amp;copy; OpenStreetMap "
                      "&lt;b&gt;contributors&lt;/b&gt;&lt;/p&gt;", True)
             + '      <ComposerLegend symbolWidth="7" title="Legende" map="0" columnCount="1" '
               'legendFilterByMap="0" legendFilterByAtlas="0" resizeToContents="1">\n'
               '        <styles/>\n        '
             + _item("{a1b2c3d4-0000-4000-8000-000000000005}", "", 200, 10, 6)
             + '\n      </ComposerLegend>\n')
    second = _map(0, "{a1b2c3d4-0000-4000-8000-000000000006}", "", [], "false")
    atlas = (f'    <Atlas hideCoverage="true" coverageLayer="{grb}" singleFile="false" '
             f'filenamePattern="\'output_\'||@atlas_featurenumber" enabled="true" '
             f'coverageLayerName="Gebouwen" filterFeatures="false" coverageLayerProvider="ogr" '
             f'sortFeatures="false" pageNameExpression="" '
             f'coverageLayerSource="./data/gebouwen.geojson"/>\n')
    tree = "".join(f'    <layer-tree-layer expanded="1" checked="Qt::{state}" id="{i}" name="{n}">'
                   f'\n      <customproperties/>\n    </layer-tree-layer>\n'
                   for i, n, state in ((obs, "Waarnemingen", "Checked"),
                                       (grb, "Gebouwen", "Checked"),
                                       (osm, "OpenStreetMap", "Unchecked")))
    legend = "".join(f'    <legendlayer drawingOrder="-1" open="true" checked="Qt::{state}" '
                     f'name="{n}" showFeatureCount="0">\n      <filegroup open="true" hidden="false">'
                     f'\n        <legendlayerfile isInOverview="0" layerid="{i}" visible="{v}"/>\n'
                     f'      </filegroup>\n    </legendlayer>\n'
                     for i, n, state, v in ((obs, "Waarnemingen", "Checked", 1),
                                            (grb, "Gebouwen", "Checked", 1),
                                            (osm, "OpenStreetMap", "Unchecked", 0)))
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="Kaart 2.18" version="2.18.28">
  <title>Kaart 2.18</title>
  <autotransaction active="0"/>
  <evaluateDefaultValues active="0"/>
  <layer-tree-group expanded="1" checked="Qt::Checked" name="">
    <customproperties/>
{tree}  </layer-tree-group>
  <relations/>
  <layer-tree-canvas>
    <custom-order enabled="1">
      <item>{osm}</item>
      <item>{grb}</item>
      <item>{obs}</item>
    </custom-order>
  </layer-tree-canvas>
  <legend updateDrawingOrder="true">
{legend}  </legend>
  <Composer title="Kaart 2.18" visible="0">
{_composition(first)}{atlas}  </Composer>
  <Composer title="Kaart 2.18" visible="0">
{_composition(second)}    <Atlas enabled="false" hideCoverage="false" coverageLayer=""/>
  </Composer>
  <projectlayers>
{"".join(_maplayer(*layer) for layer in LAYERS)}  </projectlayers>
  <properties>
    <Paths>
      <Absolute type="bool">false</Absolute>
    </Paths>
  </properties>
  <visibility-presets>
    <visibility-preset hasCheckedStateInfo="1" name="publicatie">
      <layer id="{obs}" visible="1"/>
    </visibility-preset>
  </visibility-presets>
</qgis>
"""


def write(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(project_text())
