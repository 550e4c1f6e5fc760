"""Runs inside the QGIS desktop (qgis --code) started with the installed packages: records
where the geolicence plugin library was loaded from and what of it a user sees, then quits.
Environment: GEOLICENCE_PROBE_OUT (result file)."""
import json
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QMenu
from qgis.utils import iface


def probe():
    result = {"loaded_from": [], "processing_provider": False, "menu": False}
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "libgeolicenceplugin" in line}
        result["loaded_from"] = sorted(paths)
        result["processing_provider"] = (
            QgsApplication.processingRegistry().providerById("geolicence") is not None)
        result["menu"] = any("geolicence" in menu.title().lower().replace("&", "")
                             for menu in iface.mainWindow().findChildren(QMenu))
    finally:
        with open(os.environ["GEOLICENCE_PROBE_OUT"], "w", encoding="utf-8") as out:
            json.dump(result, out)
        iface.actionExit().trigger()


# The file runs in a namespace QGIS drops afterwards: keep the timer alive in builtins.
import builtins  # noqa: E402

builtins.geolicence_probe_timer = QTimer()
builtins.geolicence_probe_timer.setSingleShot(True)
builtins.geolicence_probe_timer.timeout.connect(probe)
builtins.geolicence_probe_timer.start(3000)
