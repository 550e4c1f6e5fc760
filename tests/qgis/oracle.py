"""Asks QGIS what it reads in a project: its layers (id, name, provider, source, validity), the
visible and the checked layers, the map themes, and per layout its maps (layersToRender(),
and the stored layer set, lock and theme), labels and atlas.

Usage: python3 oracle.py PROJECT... (prints one JSON object per project, keyed by path)
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsLayoutItemLabel, QgsLayoutItemMap,  # noqa: E402
                       QgsPrintLayout, QgsProject)
from qgis.PyQt.QtGui import QTextDocument  # noqa: E402


def shown(text, html):
    """A label text as the page shows it: an HTML label's without markup."""
    if html:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def label(item):
    """The printed text (expressions evaluated) and the stored one, both as shown."""
    html = item.mode() == QgsLayoutItemLabel.ModeHtml
    return {"text": shown(item.currentText(), html), "raw": shown(item.text(), html),
            "html": html}


def read(path):
    project = QgsProject.instance()
    project.clear()
    if not project.read(path):
        return {"error": project.error()}
    layers = [{"id": layer.id(), "name": layer.name(), "provider": layer.providerType(),
               "source": layer.source(), "valid": layer.isValid(),
               "spatial": layer.isSpatial()}
              for layer in project.mapLayers().values()]
    visible = [layer.id() for layer in project.mapThemeCollection().masterVisibleLayers()
               if layer is not None]
    checked = [layer.id() for layer in project.layerTreeRoot().checkedLayers()
               if layer is not None]
    themes = {}
    for name in project.mapThemeCollection().mapThemes():
        records = project.mapThemeCollection().mapThemeState(name).layerRecords()
        themes[name] = [r.layer().id() for r in records if r.layer() is not None and r.isVisible]
    layouts = []
    for layout in project.layoutManager().layouts():
        if not isinstance(layout, QgsPrintLayout):
            layouts.append({"name": layout.name(), "report": True})
            continue
        maps = [{"id": item.id(), "uuid": item.uuid(),
                 "layers": [l.id() for l in item.layersToRender()],
                 "layer_set": [l.id() for l in item.layers() if l is not None],
                 "keep_layer_set": item.keepLayerSet(),
                 "theme": item.followVisibilityPresetName()
                 if item.followVisibilityPreset() else None}
                for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
        labels = [label(item) for item in layout.items() if isinstance(item, QgsLayoutItemLabel)]
        atlas = layout.atlas()
        layouts.append({"name": layout.name(), "maps": maps,
                        "labels": labels,
                        "atlas": {"enabled": atlas.enabled(),
                                  "coverage": atlas.coverageLayer().id()
                                  if atlas.coverageLayer() else ""}})
    return {"layers": layers, "visible": visible, "checked": checked, "themes": themes,
            "layouts": layouts}


def main():
    app = QgsApplication([], False)
    app.initQgis()
    result = {path: read(path) for path in sys.argv[1:]}
    QgsProject.instance().clear()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    app.exitQgis()


if __name__ == "__main__":
    main()
