"""Runs inside the QGIS desktop (qgis --code) and does what an analyst does, through the real
menus, shortcuts and dialog buttons: opens the sample project, aggregates the exact NDFF
observations from the layer's context menu, claims a cell size on the Licence page, saves and
copies the exact points, exports the map; then writes what it saw as JSON.

Environment: GEOLICENCE_PROBE_OUT (result file), GEOLICENCE_PROBE_PROJECT (project to open),
GEOLICENCE_PROBE_WORKDIR (where copies go), GEOLICENCE_PROBE_MODE ("full", the default, or
"language": only what the user interface says, for a run with QGIS in another language).
"""
import json
import os
import time
import traceback

from qgis.core import (QgsApplication, QgsFeedback, QgsLayoutValidityCheckContext, QgsProject,
                       QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                       QgsProcessingModelChildParameterSource, QgsProcessingModelOutput,
                       QgsProcessingModelParameter, QgsProcessingParameterVectorLayer)
from qgis.gui import QgsDateEdit, QgsFileWidget, QgsProcessingAlgorithmDialogBase
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QContextMenuEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAction, QApplication, QComboBox, QDialog, QDialogButtonBox,
                                 QDockWidget, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton,
                                 QTextBrowser, QTreeView, QWidget)
from qgis.utils import iface

RESULT = {}
WORK = os.environ.get("GEOLICENCE_PROBE_WORKDIR", "/tmp")


def pump(seconds):
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def visible():
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def find_visible(kind=None, class_name=None):
    for widget in visible():
        if kind is not None and isinstance(widget, kind):
            return widget
        if class_name is not None and widget.metaObject().className() == class_name:
            return widget
    return None


def drive(trigger, steps, limit_seconds=60):
    """Calls trigger() (which may open modal dialogs) while a timer works through `steps`, each
    a function that returns True once it has done its part. Whatever is still open when time
    runs out is rejected, so the probe never hangs; the result says how far it got."""
    state = {"done": [], "timed_out": False, "error": None}
    pending = list(steps)
    deadline = time.time() + limit_seconds

    def tick():
        if pending:
            try:
                if pending[0]():
                    state["done"].append(pending.pop(0).__name__)
            except Exception:  # noqa: BLE001
                state["error"] = traceback.format_exc()
                pending.clear()
        if time.time() > deadline:
            state["timed_out"] = True
            pending.clear()
            for widget in visible():
                if isinstance(widget, QDialog) and widget is not iface.mainWindow():
                    widget.reject()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(100)
    trigger()
    while pending and not state["timed_out"]:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    timer.stop()
    return state


def answer_warning(button, seen):
    """A step: the licence warning, answered with `button` (cancel, go, aggregate)."""
    def licence_warning():
        box = find_visible(QMessageBox)
        if box is None:
            return False
        seen["warning"] = box.text()
        seen["offers_aggregation"] = box.findChild(QPushButton, "geolicenceAggregate") is not None
        if button == "cancel":
            box.button(QMessageBox.Cancel).click()
        elif button == "go":
            box.button(QMessageBox.Ignore).click()
        else:
            box.findChild(QPushButton, "geolicenceAggregate").click()
        return True
    return licence_warning


def closed(class_name, seen):
    def dialog_closed():
        gone = find_visible(class_name=class_name) is None
        seen["closed"] = gone
        return gone
    return dialog_closed


def ok_button(dialog):
    """The dialog's own OK: pages may hold hidden button boxes of their own."""
    for box in dialog.findChildren(QDialogButtonBox):
        if box.isVisibleTo(dialog) and box.button(QDialogButtonBox.Ok) is not None:
            return box.button(QDialogButtonBox.Ok)
    raise RuntimeError(f"no OK button in {dialog.windowTitle()}")


def layer_named(name):
    layers = QgsProject.instance().mapLayersByName(name)
    return layers[0] if layers else None


def dock():
    return iface.mainWindow().findChild(QDockWidget, "GeolicenceDock")


def dock_rows():
    """The Licences panel as shown: [layer, licence, status, details (the row's tooltip)]."""
    model = dock().findChild(QTreeView, "geolicenceLayers").model()
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())]
            + [model.index(r, 0).data(Qt.ToolTipRole) or ""]
            for r in range(model.rowCount())]


def dock_row_index(name):
    view = dock().findChild(QTreeView, "geolicenceLayers")
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == name:
            return view, model.index(r, 0)
    return view, None


def layout_results(layout):
    context = QgsLayoutValidityCheckContext(layout)
    results = QgsApplication.validityCheckRegistry().runChecks(0, context, QgsFeedback())
    return [{"type": "critical" if r.type == r.Critical else "warning", "title": r.title,
             "text": r.detailedDescription}
            for r in results if r.checkId == "geolicence_layout_licences"]


def context_menu_action(layer, *path):
    """The action at `path` in the layer tree's context menu of `layer`, as a right-click
    builds it (the layer becomes the current one first)."""
    view = iface.layerTreeView()
    view.setCurrentLayer(layer)
    menu = view.menuProvider().createContextMenu()
    RESULT.setdefault("menus", []).append(menu)  # keep it alive while its action runs
    actions = menu.actions()
    for step in path:
        match = [a for a in actions if a.text().replace("&", "") == step]
        if not match:
            return None
        if step == path[-1]:
            return match[0]
        actions = match[0].menu().actions()
    return None


def open_project():
    project = os.environ["GEOLICENCE_PROBE_PROJECT"]
    iface.addProject(project)  # Project › Open
    pump(2)
    layout = QgsProject.instance().layoutManager().layoutByName("Natuurkaart A4")
    RESULT["open"] = {
        "dirty": QgsProject.instance().isDirty(),
        "undo_count": layout.undoStack().stack().count(),
        "label_before_designer": layout.itemById("geolicence-attribution") is not None,
    }
    notices = [item for item in iface.messageBar().items()
               if item.objectName() == "geolicenceExpiryNotice"]
    RESULT["expiry_notice"] = [{"title": n.title(), "text": n.text(), "level": int(n.level())}
                               for n in notices]
    RESULT["message_bar"] = [(item.objectName(), item.title(), item.text())
                             for item in iface.messageBar().items()]
    return layout


def aggregate_everywhere(ndff, grb):
    """The aggregate appears as a publishable layer from the layer's context menu, from
    processing.runAndLoadResults and from a model; the plugin menu entry follows the active
    layer."""
    window = iface.mainWindow()
    menu_action = window.findChild(QAction, "mActionGeolicenceAggregate")
    iface.setActiveLayer(grb)
    pump(0.2)
    enabled_for_grb = menu_action.isEnabled()
    iface.setActiveLayer(ndff)
    pump(0.2)
    RESULT["aggregate_menu"] = {"enabled_for_grb": enabled_for_grb,
                                "enabled_for_ndff": menu_action.isEnabled(),
                                "text": menu_action.text()}
    grb_entry = context_menu_action(grb, "Aggregate to 1 km grid…")
    RESULT["aggregate_menu"]["in_grb_context_menu"] = grb_entry is not None and grb_entry.isVisible()

    entry = context_menu_action(ndff, "Aggregate to 1 km grid…")
    seen = {}

    def run_dialog():
        dialog = find_visible(kind=QgsProcessingAlgorithmDialogBase)
        if dialog is None:
            return False
        seen["title"] = dialog.windowTitle()
        for button in dialog.findChildren(QPushButton):
            if button.text().replace("&", "") in ("Run", "Uitvoeren") and button.isVisible():
                button.click()
                return True
        return False

    def result_loaded():
        layer = layer_named("NDFF waarnemingen (1000 m grid)")
        if layer is None:
            return False
        seen["loaded"] = True
        dialog = find_visible(kind=QgsProcessingAlgorithmDialogBase)
        if dialog is not None:
            dialog.close()
        return True

    if entry is None or not entry.isVisible():
        RESULT["aggregate_context_menu"] = {"entry": False}
    else:
        state = drive(entry.trigger, [run_dialog, result_loaded], 120)
        RESULT["aggregate_context_menu"] = dict(seen, entry=True, drive=state)
    pump(1)

    import processing
    before = set(QgsProject.instance().mapLayers())
    processing.runAndLoadResults("geolicence:aggregate", {
        "INPUT": ndff.id(), "GRID": 0, "CELL_SIZE": 1000, "GROUP_BY": ["soort"],
        "OUTPUT": os.path.join(WORK, "ndff_1km_run.gpkg")})
    pump(0.5)
    added = [QgsProject.instance().mapLayer(i).source() for i in set(QgsProject.instance().mapLayers()) - before]
    RESULT["aggregate_run_and_load"] = added

    model = QgsProcessingModelAlgorithm("Publish observations", "probe")
    model.addModelParameter(QgsProcessingParameterVectorLayer("observations", "Observations"),
                            QgsProcessingModelParameter("observations"))
    child = QgsProcessingModelChildAlgorithm("geolicence:aggregate")
    child.setChildId("aggregate")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("observations")])
    child.addParameterSources("GRID", [QgsProcessingModelChildParameterSource.fromStaticValue(0)])
    child.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(1000)])
    output = QgsProcessingModelOutput("cells", "Cells from the model")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"cells": output})
    model.addChildAlgorithm(child)
    model.initAlgorithm()
    before = set(QgsProject.instance().mapLayers())
    processing.runAndLoadResults(model, {"observations": ndff.id(),
                                         "aggregate:cells": os.path.join(WORK, "ndff_1km_model.gpkg")})
    pump(0.5)
    added = [QgsProject.instance().mapLayer(i).source() for i in set(QgsProject.instance().mapLayers()) - before]
    RESULT["aggregate_model"] = added
    pump(0.5)
    RESULT["dock_rows_after_aggregation"] = dock_rows()


def licence_pages(ndff, grb):
    """The Licence page of Layer Properties: where the binding comes from; an invalid option
    keeps the dialog open with the error; a valid cell size claim is saved."""
    def page_of(dialog):
        return dialog.findChild(QWidget, "geolicenceLicencePage")

    grb_seen = {}

    def read_grb_page():
        dialog = find_visible(class_name="QgsVectorLayerProperties")
        if dialog is None or page_of(dialog) is None:
            return False
        page = page_of(dialog)
        grb_seen["source"] = page.findChild(QLabel, "geolicenceBindingSource").text()
        grb_seen["licence"] = page.findChild(QComboBox, "geolicenceLicence").currentData()
        grb_seen["page_shown"] = page.isVisible()
        for box in dialog.findChildren(QDialogButtonBox):
            if box.isVisibleTo(dialog) and box.button(QDialogButtonBox.Cancel) is not None:
                box.button(QDialogButtonBox.Cancel).click()
                break
        return True

    drive(lambda: iface.showLayerProperties(grb, "geolicenceLicencePage"), [read_grb_page], 60)
    RESULT["grb_licence_page"] = grb_seen

    seen = {}

    def type_invalid_and_ok():
        dialog = find_visible(class_name="QgsVectorLayerProperties")
        if dialog is None or page_of(dialog) is None:
            return False
        page = page_of(dialog)
        seen["source"] = page.findChild(QLabel, "geolicenceBindingSource").text()
        page.findChild(QLineEdit, "cell_size_m").setText("een kilometer")
        ok = ok_button(dialog)
        seen["ok_enabled_when_invalid"] = ok.isEnabled()
        ok.click()
        return True

    def still_open_with_error():
        dialog = find_visible(class_name="QgsVectorLayerProperties")
        seen["open_after_ok"] = dialog is not None
        if dialog is not None:
            seen["error"] = page_of(dialog).findChild(QLabel, "geolicenceMessage").text()
        return True

    def type_claim_and_ok():
        dialog = find_visible(class_name="QgsVectorLayerProperties")
        if dialog is None:
            return True
        page_of(dialog).findChild(QLineEdit, "cell_size_m").setText("1000")
        ok = ok_button(dialog)
        seen["ok_enabled_when_valid"] = ok.isEnabled()
        ok.click()
        return True

    state = drive(lambda: iface.showLayerProperties(ndff, "geolicenceLicencePage"),
                  [type_invalid_and_ok, still_open_with_error, type_claim_and_ok,
                   closed("QgsVectorLayerProperties", seen)], 60)
    seen["options"] = ndff.customProperty("geolicence/options")
    seen["drive"] = state
    RESULT["ndff_licence_page"] = seen


def exports(ndff):
    """Save As from the Layer menu and from the layer tree's Export menu, Copy Features with
    Ctrl+C, Export Map to Image and to PDF: the warning comes first."""
    window = iface.mainWindow()
    iface.setActiveLayer(ndff)

    seen = {}
    RESULT["save_as_cancel"] = seen
    seen["drive"] = drive(window.findChild(QAction, "mActionLayerSaveAs").trigger,
                          [answer_warning("cancel", seen),
                           closed("QgsVectorLayerSaveAsDialog", seen)], 40)

    seen = {}
    RESULT["save_as_aggregate"] = seen

    def aggregate_dialog_opened():
        dialog = find_visible(kind=QgsProcessingAlgorithmDialogBase)
        if dialog is None:
            return False
        seen["aggregate_dialog"] = dialog.windowTitle()
        dialog.close()
        return True

    seen["drive"] = drive(window.findChild(QAction, "mActionLayerSaveAs").trigger,
                          [answer_warning("aggregate", seen),
                           closed("QgsVectorLayerSaveAsDialog", seen), aggregate_dialog_opened], 40)

    copy_path = os.path.join(WORK, "kopie_waarnemingen.gpkg")
    if os.path.exists(copy_path):
        os.remove(copy_path)
    seen = {"path": copy_path}
    RESULT["save_features_as"] = seen
    action = context_menu_action(ndff, "Export", "Save Features As…")
    seen["context_menu_entry"] = action is not None

    def fill_and_save():
        dialog = find_visible(class_name="QgsVectorLayerSaveAsDialog")
        if dialog is None:
            return False
        dialog.findChild(QgsFileWidget).setFilePath(copy_path)
        ok_button(dialog).click()
        return True

    def copy_licensed():
        copy = layer_named("kopie_waarnemingen")
        if not os.path.exists(copy_path) or copy is None:
            return False
        pump(0.3)
        rows = {row[0]: row for row in dock_rows()}
        seen["dock_row"] = rows.get("kopie_waarnemingen")
        return True

    if action is not None:
        seen["drive"] = drive(action.trigger, [answer_warning("go", seen), fill_and_save,
                                               copy_licensed], 60)

    # Ctrl+C on selected exact points: Cancel leaves the clipboard as it was.
    seen = {}
    RESULT["copy_features"] = seen
    iface.setActiveLayer(ndff)
    ndff.selectByIds(ndff.allFeatureIds()[:5])
    QApplication.clipboard().setText("nothing copied yet")
    window.activateWindow()
    QApplication.setActiveWindow(window)  # no window manager under Xvfb to do it
    canvas = iface.mapCanvas()
    canvas.setFocus()

    def press_ctrl_c():
        QTest.keyClick(canvas, Qt.Key_C, Qt.ControlModifier)

    seen["drive"] = drive(press_ctrl_c, [answer_warning("cancel", seen)], 20)
    if seen.get("warning") is None:
        seen["shortcut_missed"] = True
        seen["drive"] = drive(window.findChild(QAction, "mActionCopyFeatures").trigger,
                              [answer_warning("cancel", seen)], 20)
    seen["clipboard_after_cancel"] = QApplication.clipboard().text()
    went = {}
    drive(window.findChild(QAction, "mActionCopyFeatures").trigger, [answer_warning("go", went)], 20)
    seen["clipboard_after_go_on"] = QApplication.clipboard().text()[:200]

    for key, name in (("save_map_image", "mActionSaveMapAsImage"),
                      ("save_map_pdf", "mActionSaveMapAsPdf")):
        seen = {}
        RESULT[key] = seen
        seen["drive"] = drive(window.findChild(QAction, name).trigger,
                              [answer_warning("cancel", seen), closed("QgsMapSaveDialog", seen)], 40)


def publish_layout(layout):
    """The layout designer adds the attribution label; the layout check blocks exact points
    (also with a cell size claim) and passes the km squares; the PDF carries the attribution."""
    from qgis.core import QgsLayoutExporter
    designer = iface.openLayoutDesigner(layout)
    pump(0.5)
    label = layout.itemById("geolicence-attribution")
    RESULT["label_text"] = label.text() if label is not None else None
    RESULT["layout_results_with_claim"] = layout_results(layout)
    cells = layer_named("NDFF waarnemingen (1000 m grid)")
    buildings = layer_named("GRB gebouwen")
    if cells is not None:
        layout.itemById("Kaart").setLayers([cells, buildings])
        pump(0.2)
        RESULT["criticals_with_cells"] = [r["title"] for r in layout_results(layout)
                                          if r["type"] == "critical"]
        if not RESULT["criticals_with_cells"]:
            pdf = os.path.join(WORK, "natuurkaart.pdf")
            exported = QgsLayoutExporter(layout).exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
            RESULT["pdf"] = pdf if exported == QgsLayoutExporter.Success else None
    designer.view().zoomFull()
    pump(3)
    shot = os.path.join(WORK, "layout-designer.png")
    RESULT["screenshot"] = shot if designer.window().grab().save(shot) else None
    designer.close()


def fresh(*paths):
    """Removes what an earlier run left at `paths` (and its sidecars): what is checked must be
    made by this run."""
    for path in paths:
        for leftover in (path, path + ".licence.json"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return paths[0] if len(paths) == 1 else paths


def geolicence_properties(layer):
    return {key: layer.customProperty(key) for key in layer.customPropertyKeys()
            if key.startswith("geolicence/")} if layer is not None else None


def licence_messages():
    return [item.text() for item in iface.messageBar().items() if item.title() == "Licence"]


def run_button(dialog):
    for button in dialog.findChildren(QPushButton):
        if button.text().replace("&", "") in ("Run", "Uitvoeren") and button.isVisible():
            return button
    return None


def layer_on(path):
    for layer in QgsProject.instance().mapLayers().values():
        if layer.source().split("|")[0] == path:
            return layer
    return None


def map_layout(name, layers):
    from qgis.core import QgsLayoutItemMap, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsUnitTypes
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(name)
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(10, 10, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(200, 150, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(item)
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    item.zoomToExtent(layers[0].extent())
    QgsProject.instance().layoutManager().addLayout(layout)
    return layout


def run_in_dialog(algorithm, parameters, seen, steps_before=(), done=None, limit=90):
    """Opens the toolbox's dialog for `algorithm` with `parameters` and clicks Run, as a user
    does; `steps_before` answer what comes up before the run, `done` says when it has run."""
    import processing
    dialog = processing.createAlgorithmDialog(algorithm, parameters)
    RESULT.setdefault("dialogs", []).append(dialog)  # alive until the probe ends

    def click_run():
        button = run_button(dialog)
        if button is None:
            return False
        seen["title"] = dialog.windowTitle()
        # Clicked from the event loop, not from this step: what the click opens (the licence
        # warning) is modal, and the next steps must be able to answer it.
        QTimer.singleShot(0, button.click)
        return True

    seen["drive"] = drive(dialog.show, [click_run, *steps_before] + ([done] if done else []), limit)
    if dialog.isVisible():
        dialog.close()


def processing_carries_licences(ndff, grb):
    """Processing outputs carry the licences of their inputs, however the algorithm is run
    (issue 15): processing.run in the console, the toolbox dialog, a graphical model, batch
    mode; exports through Processing warn first; a layout of derived data is checked."""
    import processing
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects
    from qgis.core import (QgsProcessingException, QgsProcessingParameterFeatureSource,
                           QgsVectorLayer)
    seen = {}
    RESULT["processing"] = seen
    ndff.removeSelection()

    # processing.run in the Python console: a buffer of the NDFF points.
    buffered = processing.run("native:buffer", {"INPUT": ndff, "DISTANCE": 25, "SEGMENTS": 4,
                                                "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    buffered.setName("NDFF buffer (processing.run)")
    seen["run_buffer"] = geolicence_properties(buffered)
    QgsProject.instance().addMapLayer(buffered)
    pump(0.3)
    seen["run_buffer_dock_row"] = {row[0]: row for row in dock_rows()}.get(buffered.name())
    layout = map_layout("Buffer A4", [buffered])
    seen["buffer_layout_results"] = layout_results(layout)
    # Exported through Processing instead of the designer: refused as the designer refuses.
    pdf = fresh(os.path.join(WORK, "buffer.pdf"))
    try:
        processing.run("native:printlayouttopdf", {"LAYOUT": "Buffer A4", "OUTPUT": pdf})
        seen["buffer_pdf_refusal"] = None
    except QgsProcessingException as error:
        seen["buffer_pdf_refusal"] = str(error)
    seen["buffer_pdf_written"] = os.path.exists(pdf)

    # A join of NDFF points with GRB buildings, written to a file and loaded.
    join_path = fresh(os.path.join(WORK, "ndff_grb_join.gpkg"))
    processing.runAndLoadResults("native:joinattributesbylocation", {
        "INPUT": ndff.id(), "JOIN": grb.id(), "PREDICATE": [0], "METHOD": 0,
        "DISCARD_NONMATCHING": False, "OUTPUT": join_path})
    pump(0.3)
    joined = layer_on(join_path)
    seen["join_path"] = join_path
    seen["join_dock_row"] = {row[0]: row for row in dock_rows()}.get(joined.name()) if joined else None
    if joined is not None:
        layout = map_layout("Join A4", [joined])
        seen["join_layout_results"] = layout_results(layout)
        label = layout.itemById("geolicence-attribution")
        seen["join_layout_label"] = label.text() if label is not None else None

    # An input without a licence next to a licensed one: named, never dropped.
    sketch = QgsVectorLayer("Point?crs=EPSG:28992&field=soort:string", "Schets zonder licentie",
                            "memory")
    QgsProject.instance().addMapLayer(sketch)
    before = set(licence_messages())
    merged = processing.run("native:mergevectorlayers", {"LAYERS": [ndff, sketch],
                                                         "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    seen["merge"] = geolicence_properties(merged)
    seen["merge_messages"] = [m for m in licence_messages() if m not in before]

    # The toolbox dialog (the algorithm runs in the background), output to a file.
    dialog_path = fresh(os.path.join(WORK, "buffer_dialog.gpkg"))
    dialog_seen = {}
    seen["dialog"] = dialog_seen

    def dialog_output_loaded():
        return layer_on(dialog_path) is not None

    run_in_dialog("native:buffer", {"INPUT": ndff.id(), "DISTANCE": 25, "OUTPUT": dialog_path},
                  dialog_seen, done=dialog_output_loaded)
    pump(0.3)
    loaded = layer_on(dialog_path)
    dialog_seen["path"] = dialog_path
    dialog_seen["dock_row"] = {row[0]: row for row in dock_rows()}.get(loaded.name()) if loaded else None

    # A graphical model, saved in the project (Model Designer › Save Model in Project) and run
    # from the toolbox's dialog: a buffer of the model's input, to a temporary layer. (QGIS 3.22
    # crashes opening the dialog of a model no provider holds.)
    model = QgsProcessingModelAlgorithm("Buffer observations", "probe")
    model.addModelParameter(QgsProcessingParameterFeatureSource("observations", "Observations"),
                            QgsProcessingModelParameter("observations"))
    child = QgsProcessingModelChildAlgorithm("native:buffer")
    child.setChildId("buffer")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("observations")])
    child.addParameterSources("DISTANCE", [QgsProcessingModelChildParameterSource.fromStaticValue(25)])
    output = QgsProcessingModelOutput("buffered", "Buffered by the model")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"buffered": output})
    model.addChildAlgorithm(child)
    model.initAlgorithm()
    model_seen = {}
    seen["model"] = model_seen
    before_ids = set(QgsProject.instance().mapLayers())

    def model_output_loaded():
        added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before_ids]
        added = [layer for layer in added if layer is not None and layer.providerType() == "memory"]
        if not added:
            return False
        model_seen["layer"] = added[0].name()
        model_seen["properties"] = geolicence_properties(added[0])
        return True

    QgsApplication.processingRegistry().providerById("project").add_model(model)
    model_seen["id"] = "project:" + model.name()
    run_in_dialog(model_seen["id"], {"observations": ndff.id(), "buffer:buffered": "TEMPORARY_OUTPUT"},
                  model_seen, done=model_output_loaded)

    # Batch mode: two rows, NDFF and GRB, each to a file.
    batch_seen = {"paths": list(fresh(os.path.join(WORK, "batch_ndff.gpkg"), os.path.join(WORK, "batch_grb.gpkg")))}
    seen["batch"] = batch_seen
    dialog = BatchAlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("native:buffer"),
                                  parent=iface.mainWindow())
    RESULT.setdefault("dialogs", []).append(dialog)
    panel = dialog.mainWidget()
    while panel.batchRowCount() < 2:
        panel.addRow()
    context = dataobjects.createContext()
    columns = panel.parameter_to_column
    for row, (layer, path) in enumerate(zip((ndff, grb), batch_seen["paths"])):
        panel.wrappers[row][columns["INPUT"]].setParameterValue(layer.id(), context)
        panel.wrappers[row][columns["DISTANCE"]].setParameterValue(10, context)
        panel.tblParameters.cellWidget(row + 1, columns["OUTPUT"]).setValue(path)

    def batch_ran():
        return all(os.path.exists(path) for path in batch_seen["paths"])

    def click_batch_run():
        button = run_button(dialog)
        if button is None:
            return False
        QTimer.singleShot(0, button.click)
        return True

    batch_seen["rows"] = panel.batchRowCount()
    batch_seen["drive"] = drive(dialog.show, [click_batch_run, batch_ran], 90)
    dialog.close()

    # Batch mode of an export: one warning for all rows, before any runs; Cancel runs none.
    export_seen = {"path": fresh(os.path.join(WORK, "batch_savefeatures.gpkg"))}
    seen["batch_export_cancel"] = export_seen
    dialog = BatchAlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("native:savefeatures"),
                                  parent=iface.mainWindow())
    RESULT.setdefault("dialogs", []).append(dialog)
    panel = dialog.mainWidget()
    columns = panel.parameter_to_column
    panel.wrappers[0][columns["INPUT"]].setParameterValue(ndff.id(), context)
    panel.tblParameters.cellWidget(1, columns["OUTPUT"]).setValue(export_seen["path"])

    def batch_run_clicked():
        button = run_button(dialog)
        if button is None:
            return False
        QTimer.singleShot(0, button.click)
        return True

    export_seen["drive"] = drive(dialog.show, [batch_run_clicked, answer_warning("cancel", export_seen)], 40)
    pump(0.3)
    export_seen["written"] = os.path.exists(export_seen["path"])
    dialog.close()

    # Save vector features to file: the warning comes before the run; Cancel writes nothing.
    save_path = fresh(os.path.join(WORK, "ndff_savefeatures.gpkg"))
    cancel_seen = {}
    seen["savefeatures_cancel"] = cancel_seen
    run_in_dialog("native:savefeatures", {"INPUT": ndff.id(), "OUTPUT": save_path}, cancel_seen,
                  steps_before=[answer_warning("cancel", cancel_seen)], limit=40)
    cancel_seen["written"] = os.path.exists(save_path)
    go_seen = {"path": save_path}
    seen["savefeatures_go_on"] = go_seen
    run_in_dialog("native:savefeatures", {"INPUT": ndff.id(), "OUTPUT": save_path}, go_seen,
                  steps_before=[answer_warning("go", go_seen)], done=lambda: os.path.exists(save_path),
                  limit=60)
    pump(0.5)
    # processing.run: nobody to ask, so a warning in the message bar; the copy is licensed.
    console_path = fresh(os.path.join(WORK, "ndff_savefeatures_console.gpkg"))
    before = set(licence_messages())
    processing.run("native:savefeatures", {"INPUT": ndff, "OUTPUT": console_path})
    seen["savefeatures_console"] = {"path": console_path,
                                    "messages": [m for m in licence_messages() if m not in before]}
    # DXF export takes its layers as {"layer": ...} maps.
    dxf_path = fresh(os.path.join(WORK, "ndff.dxf"))
    before = set(licence_messages())
    processing.run("native:dxfexport", {"LAYERS": [{"layer": ndff.id(), "attributeIndex": -1}],
                                        "SYMBOLOGY_MODE": 0, "SYMBOLOGY_SCALE": 5000, "ENCODING": "cp1252",
                                        "CRS": "EPSG:28992",
                                        "OUTPUT": dxf_path})
    sidecar = dxf_path + ".licence.json"
    seen["dxf"] = {"messages": [m for m in licence_messages() if m not in before],
                   "sidecar": open(sidecar, encoding="utf-8").read() if os.path.exists(sidecar) else None}


def paste_carries_licences(ndff):
    """Paste Features into another layer (and as a new scratch layer) brings the copied
    layer's licences along."""
    from qgis.PyQt.QtWidgets import QInputDialog
    from qgis.core import QgsVectorLayer
    seen = {}
    RESULT["paste"] = seen
    window = iface.mainWindow()
    target = QgsVectorLayer("Point?crs=EPSG:28992&field=soort:string", "Open plakdoel", "memory")
    target.setCustomProperty("geolicence/licence", "vl-cc0")
    QgsProject.instance().addMapLayer(target)
    iface.setActiveLayer(ndff)
    ndff.selectByIds(ndff.allFeatureIds()[:3])
    copied = {}
    copied["drive"] = drive(window.findChild(QAction, "mActionCopyFeatures").trigger,
                            [answer_warning("go", copied)], 20)
    seen["copy"] = copied
    target.startEditing()
    iface.setActiveLayer(target)
    window.findChild(QAction, "mActionPasteFeatures").trigger()
    pump(0.3)
    seen["pasted_features"] = target.featureCount()
    target.commitChanges()
    seen["target"] = geolicence_properties(target)
    seen["target_dock_row"] = {row[0]: row for row in dock_rows()}.get(target.name())

    # Ctrl+V on the map, into a layer without a licence.
    sketch = QgsVectorLayer("Point?crs=EPSG:28992&field=soort:string", "Schets om in te plakken", "memory")
    QgsProject.instance().addMapLayer(sketch)
    sketch.startEditing()
    iface.setActiveLayer(sketch)
    before = set(licence_messages())
    window.activateWindow()
    QApplication.setActiveWindow(window)  # no window manager under Xvfb to do it
    canvas = iface.mapCanvas()
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key_V, Qt.ControlModifier)
    pump(0.3)
    seen["shortcut_pasted_features"] = sketch.featureCount()
    sketch.commitChanges()
    seen["shortcut_target"] = geolicence_properties(sketch)
    seen["shortcut_messages"] = [m for m in licence_messages() if m not in before]

    scratch = {}
    seen["scratch"] = scratch
    before_ids = set(QgsProject.instance().mapLayers())

    def name_the_layer():
        dialog = find_visible(kind=QInputDialog)
        if dialog is None:
            return False
        dialog.setTextValue("Geplakte waarnemingen")
        dialog.accept()
        return True

    def scratch_added():
        added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before_ids]
        if not added:
            return False
        scratch["layer"] = added[0].name()
        scratch["properties"] = geolicence_properties(added[0])
        return True

    iface.setActiveLayer(ndff)
    scratch["drive"] = drive(window.findChild(QAction, "mActionPasteAsNewMemoryVector").trigger,
                             [name_the_layer, scratch_added], 30)


def language_only():
    window = iface.mainWindow()
    RESULT["settings_text"] = window.findChild(QAction, "mActionGeolicenceSettings").text()
    RESULT["aggregate_text"] = window.findChild(QAction, "mActionGeolicenceAggregate").text()
    RESULT["dock_rows"] = dock_rows()
    model = dock().findChild(QTreeView, "geolicenceLayers").model()
    RESULT["dock_headers"] = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]


def indicator_of(layer):
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    for indicator in iface.layerTreeView().indicators(node):
        if indicator.objectName().startswith("geolicence:"):
            image = indicator.icon().pixmap(16, 16).toImage()
            return {"state": indicator.objectName()[len("geolicence:"):],
                    "tooltip": indicator.toolTip(),
                    "icon": bytes(image.constBits().asstring(image.sizeInBytes())).hex()[:4000]}
    return None


def panel_and_indicators(ndff, grb):
    """The Licences panel at a normal dock width, its rows, click, double-click and context
    menu through the real widgets; the layer-tree indicators of every state; screenshots."""
    from qgis.core import QgsVectorLayer
    expired = QgsVectorLayer("Point?crs=EPSG:31370", "GRB verlopen", "memory")
    expired.setCustomProperty("geolicence/licence", "grb-art7-intern-gebruik")
    expired.setCustomProperty("geolicence/options", '{"valid_until": "2020-12-31"}')
    bare = QgsVectorLayer("Point?crs=EPSG:31370", "Schets zonder licentie", "memory")
    QgsProject.instance().addMapLayers([expired, bare])
    pump(0.5)
    RESULT["indicators"] = {layer.name(): indicator_of(layer) for layer in (ndff, grb, expired, bare)}

    window = iface.mainWindow()
    panel = dock()
    panel.show()
    window.resizeDocks([panel], [300], Qt.Horizontal)
    pump(0.5)
    view = panel.findChild(QTreeView, "geolicenceLayers")
    header = view.header()
    seen = {"dock_width": panel.width(), "viewport_width": view.viewport().width(),
            "header_length": header.length(),
            "horizontal_scrollbar": view.horizontalScrollBar().isVisible(),
            "row_heights": [view.visualRect(view.model().index(r, 0)).height()
                            for r in range(view.model().rowCount())],
            "rows": dock_rows()}
    RESULT["panel"] = seen

    # A click on the GRB row makes it the current layer in the Layers panel.
    iface.setActiveLayer(ndff)
    view, index = dock_row_index("GRB gebouwen")
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(index).center())
    pump(0.3)
    seen["active_after_click"] = iface.activeLayer().name() if iface.activeLayer() else None
    seen["details_after_click"] = panel.findChild(QTextBrowser, "geolicenceDetails").toPlainText()
    seen["screenshot"] = os.path.join(WORK, "licences-panel.png")
    if not panel.grab().save(seen["screenshot"]):
        seen["screenshot"] = None

    # The context menu, opened with the right mouse button: Copy Details.
    QApplication.clipboard().setText("")
    # A right-click: the press, then the context menu event the window system sends with it.
    at = view.visualRect(index).center()
    QTest.mousePress(view.viewport(), Qt.RightButton, Qt.NoModifier, at)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Mouse, at,
                                                              view.viewport().mapToGlobal(at)))
    QTest.mouseRelease(view.viewport(), Qt.RightButton, Qt.NoModifier, at)
    pump(0.3)
    menus = [w for w in visible() if isinstance(w, QMenu)]
    seen["context_menu"] = [a.objectName() for m in menus for a in m.actions() if a.objectName()]
    copy = [a for m in menus for a in m.actions() if a.objectName() == "geolicenceCopyDetails"]
    if copy:
        copy[0].trigger()
    for menu in menus:
        menu.close()
    seen["copied"] = QApplication.clipboard().text()

    # A double-click opens the layer's Licence page: a date picker for valid_until.
    page_seen = {}

    def read_page():
        dialog = find_visible(class_name="QgsVectorLayerProperties")
        page = dialog.findChild(QWidget, "geolicenceLicencePage") if dialog else None
        if page is None or not page.isVisible():
            return False
        pump(0.5)
        date = page.findChild(QWidget, "valid_until")
        page_seen["editor_class"] = date.metaObject().className() if date is not None else None
        page_seen["date_picker"] = page_seen["editor_class"] == "QgsDateEdit"
        if page_seen["date_picker"]:
            date = sip.cast(date, QgsDateEdit)  # created in C++: PyQt sees its Qt base class
            page_seen["date"] = date.date().toString(Qt.ISODate)
            page_seen["calendar_popup"] = date.calendarPopup()
            page_seen["allows_unset"] = date.allowNull()
        page_seen["labels"] = {label.objectName(): label.text()
                               for label in page.findChildren(QLabel) if label.objectName().startswith("label_")}
        page_seen["screenshot"] = os.path.join(WORK, "licence-page.png")
        if not dialog.grab().save(page_seen["screenshot"]):
            page_seen["screenshot"] = None
        for box in dialog.findChildren(QDialogButtonBox):
            if box.isVisibleTo(dialog) and box.button(QDialogButtonBox.Cancel) is not None:
                box.button(QDialogButtonBox.Cancel).click()
                break
        return True

    def double_click():
        QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(index).center())

    page_seen["drive"] = drive(double_click, [read_page, closed("QgsVectorLayerProperties", page_seen)], 60)
    RESULT["panel_licence_page"] = page_seen

    QgsProject.instance().removeMapLayers([expired.id(), bare.id()])
    pump(0.3)


def probe():
    with open("/proc/self/maps") as maps:  # QGIS also loads plugins from its own folder
        RESULT["plugin_library"] = sorted({line.split()[-1] for line in maps
                                           if "libgeolicenceplugin" in line})
    try:
        layout = open_project()
        if os.environ.get("GEOLICENCE_PROBE_MODE") == "language":
            language_only()
            return
        window = iface.mainWindow()
        RESULT["dock"] = window.findChild(QDockWidget, "GeolicenceDock") is not None
        RESULT["dock_rows"] = dock_rows()
        RESULT["settings_action"] = window.findChild(QAction, "mActionGeolicenceSettings") is not None
        RESULT["layout_results"] = layout_results(layout)
        ndff, grb = layer_named("NDFF waarnemingen"), layer_named("GRB gebouwen")
        panel_and_indicators(ndff, grb)
        aggregate_everywhere(ndff, grb)
        licence_pages(ndff, grb)
        exports(ndff)
        publish_layout(layout)
        started = time.time()
        processing_carries_licences(ndff, grb)
        paste_carries_licences(ndff)
        RESULT["derived_seconds"] = round(time.time() - started, 1)
    except Exception:  # noqa: BLE001 - the probe reports everything it meets
        RESULT["error"] = traceback.format_exc()
    finally:
        RESULT.pop("menus", None)
        RESULT.pop("dialogs", None)
        try:
            QgsProject.instance().clear()
            pump(0.5)
        except Exception:  # noqa: BLE001
            RESULT["error_at_close"] = traceback.format_exc()
        with open(os.environ["GEOLICENCE_PROBE_OUT"], "w", encoding="utf-8") as out:
            json.dump(RESULT, out, ensure_ascii=False, indent=1)
        QgsApplication.exit(0)


# QGIS runs this file in a namespace it then drops; a timer Python no longer references never
# fires, so it is kept alive in builtins.
import builtins  # noqa: E402

builtins.geolicence_probe_timer = QTimer()
builtins.geolicence_probe_timer.setSingleShot(True)
builtins.geolicence_probe_timer.timeout.connect(probe)
builtins.geolicence_probe_timer.start(3000)
