"""Asks QGIS what it reads in a project: layers and, per layout map, layersToRender().

Usage: python3 oracle.py PROJECT... (prints one JSON object per project, keyed by path)
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsLayoutItemMap, QgsProject  # noqa: E402


def read(path):
    project = QgsProject.instance()
    project.clear()
    if not project.read(path):
        return {"error": project.error()}
    layers = [{"id": layer.id(), "name": layer.name(), "provider": layer.providerType(),
               "valid": layer.isValid()} for layer in project.mapLayers().values()]
    layouts = []
    for layout in project.layoutManager().layouts():
        maps = [{"id": item.id(), "layers": [l.id() for l in item.layersToRender()]}
                for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
        layouts.append({"name": layout.name(), "maps": maps})
    return {"layers": layers, "layouts": layouts}


def main():
    app = QgsApplication([], False)
    app.initQgis()
    result = {path: read(path) for path in sys.argv[1:]}
    QgsProject.instance().clear()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    app.exitQgis()


if __name__ == "__main__":
    main()
