"""Runs inside the QGIS desktop (qgis --code) for plugin_overhead_bench.sh: opens the project
as File › Open does (three times; the best counts), then adds the extra layers one by one,
and writes the timings as JSON. Every event QGIS and the plugin queue is processed inside
the timed span, so deferred work is counted too.
"""
import glob
import json
import os
import time

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface


def drain():
    for _ in range(5):
        QCoreApplication.processEvents()


def run():
    result = {}
    try:
        project = os.environ["GEOLICENCE_PROBE_PROJECT"]
        opens, reads, phases = [], [], []
        profiler = QgsApplication.profiler()
        for _ in range(3):
            QgsProject.instance().clear()
            drain()
            profiler.clear("projectload")
            start = time.perf_counter()
            iface.addProject(project)
            reads.append(time.perf_counter() - start)
            drain()
            opens.append(time.perf_counter() - start)
            phases.append({name: round(profiler.profileTime(name, "projectload"), 3)
                           for name in profiler.childGroups("", "projectload")})
        result["open_s"] = opens
        result["read_s"] = reads  # until File › Open returned; the rest is queued work
        result["phases"] = phases
        result["layers"] = len(QgsProject.instance().mapLayers())
        adds = []
        extra = sorted(glob.glob(os.path.join(os.path.dirname(project), "extra", "*.gpkg")))
        for path in extra:
            layer = QgsVectorLayer(path + "|layername=punten", os.path.basename(path), "ogr")
            start = time.perf_counter()
            QgsProject.instance().addMapLayer(layer)
            drain()
            adds.append(time.perf_counter() - start)
        result["add_s"] = adds
        result["plugin_loaded"] = iface.mainWindow().findChild(QDockWidget, "GeolicenceDock") is not None
        # Which plugin library QGIS loaded: QGIS also loads plugins from its own folder, so an
        # installed copy could be measured instead of the build's.
        with open("/proc/self/maps") as maps:
            result["plugin_library"] = sorted({line.split()[-1] for line in maps
                                               if "libgeolicenceplugin" in line})
    except Exception as error:  # noqa: BLE001
        result["error"] = repr(error)
    with open(os.environ["GEOLICENCE_PROBE_OUT"], "w") as out:
        json.dump(result, out)
    QgsApplication.exit(0)


import builtins  # noqa: E402

builtins.geolicence_bench_timer = QTimer()
builtins.geolicence_bench_timer.setSingleShot(True)
builtins.geolicence_bench_timer.timeout.connect(run)
builtins.geolicence_bench_timer.start(3000)
