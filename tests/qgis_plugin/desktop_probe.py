"""Runs inside the QGIS desktop (qgis --code): checks what a user would see of the plugin
after start-up, unloads it, checks QGIS is as it was, and writes the findings as JSON.

Environment: GEOLICENCE_PROBE_OUT (result file), GEOLICENCE_PROBE_PROJECT (project to open).
"""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsFeedback, QgsLayoutValidityCheckContext, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QMessageBox, QTableWidget
from qgis.utils import iface

RESULT = {}


def layout_check_ids():
    registry = QgsApplication.validityCheckRegistry()
    return [check.id() for check in registry.checks(0)]


def intercept(window, action_name):
    """Triggers a QGIS action that opens an export dialog, answers the licence warning with
    Cancel, and reports what was seen. If no warning comes, the export dialog is closed by
    the probe itself (and the result says so), so the probe never hangs."""
    seen = {"warning": None, "closed_by_probe": False, "dialogs": []}
    ticks = {"n": 0}

    def answer():
        ticks["n"] += 1
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            name = widget.metaObject().className()
            if name not in seen["dialogs"]:
                seen["dialogs"].append(name)
            if isinstance(widget, QMessageBox) and seen["warning"] is None:
                seen["warning"] = widget.text()
                widget.button(QMessageBox.Cancel).click()
                return
            if ticks["n"] > 25 and name in ("QgsVectorLayerSaveAsDialog", "QgsMapSaveDialog"):
                seen["closed_by_probe"] = True
                widget.reject()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(200)
    window.findChild(QAction, action_name).trigger()  # returns once the dialog is closed
    timer.stop()
    return seen


def dock_rows(window):
    table = window.findChild(QDockWidget, "GeolicenceDock").findChild(QTableWidget)
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def publish_aggregated(window, layout):
    """The analyst's way to a publishable map: the automatic attribution label, aggregation of
    the exact observations with the Processing algorithm, the layout checks, a PDF export and a
    look at the layout designer."""
    import processing
    from qgis.core import QgsLayoutExporter, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication

    work = os.environ["GEOLICENCE_PROBE_WORKDIR"]
    label = layout.itemById("geolicence-attribution")
    RESULT["label_text"] = label.text() if label is not None else None
    observations = QgsProject.instance().mapLayersByName("NDFF waarnemingen")[0]
    buildings = QgsProject.instance().mapLayersByName("GRB gebouwen")[0]
    result = processing.run("geolicence:aggregate", {
        "INPUT": observations.id(), "GRID": 0, "CELL_SIZE": 1000, "GROUP_BY": ["soort"],
        "OUTPUT": os.path.join(work, "ndff_1km.gpkg")})
    aggregated = QgsVectorLayer(result["OUTPUT"], "NDFF per km-hok", "ogr")
    QgsProject.instance().addMapLayer(aggregated)
    RESULT["aggregated_observations"] = result.get("OBSERVATIONS")
    QCoreApplication.processEvents()
    RESULT["dock_rows_after_aggregation"] = dock_rows(window)
    # The published map shows the km squares instead of the exact points.
    layout.itemById("Kaart").setLayers([aggregated, buildings])
    QCoreApplication.processEvents()
    context = QgsLayoutValidityCheckContext(layout)
    checks = QgsApplication.validityCheckRegistry().runChecks(0, context, QgsFeedback())
    ours = [r for r in checks if r.checkId == "geolicence_layout_licences"]
    RESULT["criticals_before_pdf"] = [r.title for r in ours if r.type == r.Critical]
    if not RESULT["criticals_before_pdf"]:
        pdf = os.path.join(work, "natuurkaart.pdf")
        exported = QgsLayoutExporter(layout).exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
        RESULT["pdf"] = pdf if exported == QgsLayoutExporter.Success else None
    designer = iface.openLayoutDesigner(layout)
    designer.view().zoomFull()
    # Let the map render before the picture is taken.
    import time
    for _ in range(80):
        QCoreApplication.processEvents()
        time.sleep(0.05)
    shot = os.path.join(work, "layout-designer.png")
    RESULT["screenshot"] = shot if designer.window().grab().save(shot) else None
    designer.close()


def probe():
    try:
        project = os.environ.get("GEOLICENCE_PROBE_PROJECT")
        if project:
            RESULT["project_opened"] = QgsProject.instance().read(project)
        window = iface.mainWindow()
        dock = window.findChild(QDockWidget, "GeolicenceDock")
        RESULT["dock"] = dock is not None
        if dock is not None:
            table = dock.findChild(QTableWidget)
            RESULT["dock_rows"] = [[table.item(r, c).text() if table.item(r, c) else ""
                                    for c in range(table.columnCount())]
                                   for r in range(table.rowCount())]
        RESULT["layout_checks"] = layout_check_ids()
        RESULT["settings_action"] = window.findChild(QAction, "mActionGeolicenceSettings") is not None
        layout = QgsProject.instance().layoutManager().layoutByName("Natuurkaart A4")
        if layout is not None:
            context = QgsLayoutValidityCheckContext(layout)
            results = QgsApplication.validityCheckRegistry().runChecks(0, context, QgsFeedback())
            RESULT["layout_results"] = [
                {"type": "critical" if r.type == r.Critical else "warning", "title": r.title,
                 "text": r.detailedDescription}
                for r in results if r.checkId == "geolicence_layout_licences"]
        publish_aggregated(window, layout)
        observations = QgsProject.instance().mapLayersByName("NDFF waarnemingen")
        if observations:
            # Exporting their own NDFF data is allowed; after BIJ12 revoked access (N10) it
            # is not: the guard must speak up before the file dialog can be confirmed.
            observations[0].setCustomProperty("geolicence/options", '{"revoked": true}')
            iface.setActiveLayer(observations[0])
            RESULT["save_as"] = intercept(window, "mActionLayerSaveAs")
            RESULT["save_map_image"] = intercept(window, "mActionSaveMapAsImage")
    except Exception:  # noqa: BLE001 - the probe reports everything it meets
        RESULT["error"] = traceback.format_exc()
    finally:
        with open(os.environ["GEOLICENCE_PROBE_OUT"], "w", encoding="utf-8") as out:
            json.dump(RESULT, out, ensure_ascii=False, indent=1)
        QgsApplication.exit(0)


RESULT["workdir"] = os.environ.get("GEOLICENCE_PROBE_WORKDIR")


# QGIS runs this file in a namespace it then drops; a timer Python no longer references never
# fires, so it is kept alive in builtins.
import builtins  # noqa: E402

builtins.geolicence_probe_timer = QTimer()
builtins.geolicence_probe_timer.setSingleShot(True)
builtins.geolicence_probe_timer.timeout.connect(probe)
builtins.geolicence_probe_timer.start(3000)
