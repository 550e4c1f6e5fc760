"""Asks QGIS what it reads in a project: its layers (id, name, provider, source, validity), the
visible layers, and per layout its maps (layersToRender()), labels and atlas.

Usage: python3 oracle.py PROJECT... (prints one JSON object per project, keyed by path)
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsLayoutItemLabel, QgsLayoutItemMap,  # noqa: E402
                       QgsPrintLayout, QgsProject)
from qgis.PyQt.QtGui import QTextDocument  # noqa: E402


def label_text(item):
    """A label's text as printed; an HTML label's without markup (as the page shows it)."""
    text = item.currentText()
    if item.mode() == QgsLayoutItemLabel.ModeHtml:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText(), True
    return text, False


def read(path):
    project = QgsProject.instance()
    project.clear()
    if not project.read(path):
        return {"error": project.error()}
    layers = [{"id": layer.id(), "name": layer.name(), "provider": layer.providerType(),
               "source": layer.source(), "valid": layer.isValid()}
              for layer in project.mapLayers().values()]
    visible = [layer.id() for layer in project.mapThemeCollection().masterVisibleLayers()
               if layer is not None]
    layouts = []
    for layout in project.layoutManager().layouts():
        if not isinstance(layout, QgsPrintLayout):
            layouts.append({"name": layout.name(), "report": True})
            continue
        maps = [{"id": item.id(), "uuid": item.uuid(),
                 "layers": [l.id() for l in item.layersToRender()]}
                for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
        labels = [label_text(item) for item in layout.items()
                  if isinstance(item, QgsLayoutItemLabel)]
        atlas = layout.atlas()
        layouts.append({"name": layout.name(), "maps": maps,
                        "labels": [{"text": t, "html": h} for t, h in labels],
                        "atlas": {"enabled": atlas.enabled(),
                                  "coverage": atlas.coverageLayer().id()
                                  if atlas.coverageLayer() else ""}})
    return {"layers": layers, "visible": visible, "layouts": layouts}


def main():
    app = QgsApplication([], False)
    app.initQgis()
    result = {path: read(path) for path in sys.argv[1:]}
    QgsProject.instance().clear()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    app.exitQgis()


if __name__ == "__main__":
    main()
