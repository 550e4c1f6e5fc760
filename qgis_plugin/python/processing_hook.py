"""geolicence: Processing runs carry the licences of their inputs.

The geolicence QGIS plugin (C++) runs this module inside QGIS's Python (processing_watch.cpp,
from the plugin's resources). QGIS's Processing framework tells a plugin nothing about a run, so
this wraps the places every run passes and hands each run's input layers and outputs to the
plugin's object "geolicenceProcessingWatch" (a child of the application), which makes every
decision with the licence engine. Nothing is decided here.

  QgsProcessingAlgorithm.run    processing.run, processing.runAndLoadResults, models run from
                                Python, the batch dialog (each row), dialogs of algorithms that
                                run on the main thread, Python code calling alg.run()
  AlgorithmDialog's task        the toolbox dialog (and a model's Run dialog) running the
                                algorithm in the background (QgsProcessingAlgRunnerTask)
  AlgorithmDialog.runAlgorithm, the Run buttons: the licence warning comes before anything runs,
  BatchAlgorithmDialog's        with Cancel
    runAlgorithm

Only the outermost run on QGIS's main thread is bound: the algorithms a Python algorithm runs
as its steps make intermediate data, and the run around them binds the final outputs (a run on
a worker thread, inside a background task, must not touch layers of the project either).

A failure in here is logged (Log Messages panel, "geolicence") and never stops QGIS's own run.
"""
import traceback

from qgis.PyQt.QtCore import (Q_ARG, Q_RETURN_ARG, QCoreApplication, QMetaObject, QObject,
                              QThread, Qt)
from qgis.core import (Qgis, QgsMapLayer, QgsMessageLog, QgsProcessing, QgsProcessingAlgorithm,
                       QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingOutputLayerDefinition, QgsProcessingParameters,
                       QgsProcessingUtils, QgsProperty)

WATCH = "geolicenceProcessingWatch"
LAYER_INPUTS = {"source", "vector", "raster", "layer", "multilayer", "mesh", "pointcloud",
                "dxflayers", "vectortilewriterlayers"}
# Outputs that are data: layers and files (an HTML report is not bound).
DATA_OUTPUTS = {"outputVector", "outputRaster", "outputLayer", "outputMultilayer", "outputFile",
                "outputFolder", "outputPointCloud", "outputVectorTile"}

_patches = []  # (owner, attribute, original), undone by uninstall()
_depth = [0]  # runs in progress on the main thread
_asked = [0]  # > 0 while a dialog that has asked already runs its algorithm


def _log(text, level=Qgis.Warning):
    QgsMessageLog.logMessage(text, "geolicence", level)


def _on_main_thread():
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def _watch():
    app = QCoreApplication.instance()
    return app.findChild(QObject, WATCH, Qt.FindDirectChildrenOnly) if app is not None else None


def _text(value, context):
    if isinstance(value, QgsProperty):
        if value.propertyType() == QgsProperty.StaticProperty:
            value = value.staticValue()
        else:
            value = value.valueAsString(context.expressionContext())[0]
    return "" if value is None else str(value)


def _layer_or_source(value, context):
    """An input as a layer (loaded into the context when it is a file), or its source when QGIS
    cannot load it: the plugin then reads the file's licence itself, or names it."""
    if isinstance(value, dict):  # DXF export and vector tile layers: {"layer": ..., ...}
        value = value.get("layer")
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsMapLayer):
        return value
    text = _text(value, context)
    if not text:
        return None
    layer = QgsProcessingUtils.mapLayerFromString(text, context)
    return layer if layer is not None else text


def _inputs(alg, parameters, context):
    inputs = []
    for definition in alg.parameterDefinitions():
        if definition.isDestination() or definition.type() not in LAYER_INPUTS:
            continue
        value = parameters.get(definition.name())
        for entry in value if isinstance(value, (list, tuple)) else [value]:
            item = _layer_or_source(entry, context)
            if item is not None:
                inputs.append(item)
    return inputs


def _destinations(alg, parameters, context):
    """Where the run writes, temporary outputs left out."""
    destinations = []
    for definition in alg.destinationParameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink
        text = _text(value, context)
        if text and text != QgsProcessing.TEMPORARY_OUTPUT and not text.startswith("memory:"):
            destinations.append(text)
    return destinations


def _layouts(alg, parameters, context):
    names = []
    for definition in alg.parameterDefinitions():
        if definition.type() == "layout" and parameters.get(definition.name()) is not None:
            layout = QgsProcessingParameters.parameterAsLayout(definition, parameters, context)
            if layout is not None:
                names.append(layout.name())
    return names


def _outputs(alg, results, context):
    outputs = []
    for definition in alg.outputDefinitions():
        if definition.type() not in DATA_OUTPUTS or definition.name() not in results:
            continue
        value = results[definition.name()]
        for entry in value if isinstance(value, (list, tuple)) else [value]:
            if entry is None or entry == "":
                continue
            if not isinstance(entry, QgsMapLayer):
                layer = QgsProcessingUtils.mapLayerFromString(str(entry), context, False)
                entry = layer if layer is not None else str(entry)
            outputs.append({"name": definition.name(), "kind": definition.type(), "value": entry})
    return outputs


def _context():
    from processing.tools import dataobjects
    return dataobjects.createContext()


def _confirm(alg, rows, interactive):
    """Asks the plugin before `alg` runs with each parameter set of `rows`; returns its answer
    ({"go_on": bool, "reason": str}), or None when there is nothing to ask."""
    watch = _watch()
    if watch is None:
        return None
    context = _context()
    run = {"algorithm": alg.id(), "algorithm_name": alg.displayName(), "interactive": interactive,
           "inputs": [], "destinations": [], "layouts": [],
           # An algorithm without destination parameters (an import into a database) writes
           # where its other parameters say.
           "declares_destinations": bool(alg.destinationParameterDefinitions())}
    for parameters in rows:
        run["inputs"] += _inputs(alg, parameters, context)
        run["destinations"] += _destinations(alg, parameters, context)
        run["layouts"] += _layouts(alg, parameters, context)
    return QMetaObject.invokeMethod(watch, "confirmRun", Qt.DirectConnection,
                                    Q_RETURN_ARG("QVariantMap"), Q_ARG("QVariantMap", run))


def _bind(alg, parameters, context, results):
    watch = _watch()
    if watch is None:
        return None
    run = {"algorithm": alg.id(), "algorithm_name": alg.displayName(),
           "inputs": _inputs(alg, parameters, context),
           "outputs": _outputs(alg, results, context)}
    if not run["outputs"]:
        return None
    return QMetaObject.invokeMethod(watch, "bindRun", Qt.DirectConnection,
                                    Q_RETURN_ARG("QVariantList"), Q_ARG("QVariantMap", run))


def _safely(what, function, *args):
    try:
        return function(*args)
    except Exception:  # noqa: BLE001 - QGIS's own run must never fail because of the plugin
        _log("geolicence could not {}: {}".format(what, traceback.format_exc()), Qgis.Critical)
        return None


def _wrap_run(original):
    def run(self, parameters, context, *args, **kwargs):
        outermost = _on_main_thread() and _depth[0] == 0
        if outermost and _asked[0] == 0:
            answer = _safely("check the run", _confirm, self, [parameters], False)
            if answer and not answer.get("go_on", True):
                raise QgsProcessingException(answer.get("reason") or "refused by geolicence")
        if outermost:
            _depth[0] += 1
        try:
            results, ok = original(self, parameters, context, *args, **kwargs)
        finally:
            if outermost:
                _depth[0] -= 1
        if outermost and ok:
            _safely("bind the outputs", _bind, self, parameters, context, results)
        return results, ok
    return run


def _wrap_task(original):
    """The toolbox dialog's background task: its outputs are bound when it has run, before the
    dialog loads them (this slot is connected first)."""
    def task(alg, parameters, context, *args, **kwargs):
        created = original(alg, parameters, context, *args, **kwargs)

        def executed(ok, results):
            if ok:
                _safely("bind the outputs", _bind, alg, parameters, context, results)
        created.executed.connect(executed)
        return created
    return task


def _run_if_confirmed(answer, original, dialog):
    """Runs the dialog's own Run unless the user cancelled; the runs it starts were asked."""
    if answer and not answer.get("go_on", True):
        return None
    _asked[0] += 1
    try:
        return original(dialog)
    finally:
        _asked[0] -= 1


def _wrap_dialog_run(original):
    def runAlgorithm(self):  # noqa: N802 - QGIS's name
        try:
            parameters = self.createProcessingParameters()
        except Exception:  # noqa: BLE001 - invalid values: the dialog says so itself
            return original(self)
        answer = _safely("check the run", _confirm, self.algorithm(), [parameters], True)
        return _run_if_confirmed(answer, original, self)
    return runAlgorithm


def _wrap_batch_run(original):
    def runAlgorithm(self):  # noqa: N802 - QGIS's name
        def rows():
            panel = self.mainWidget()
            found = []
            for row in range(panel.batchRowCount()):
                parameters, ok = panel.parametersForRow(row, warnOnInvalid=False)
                if ok:
                    found.append(parameters)
            return found
        answer = _safely("check the run", lambda: _confirm(self.algorithm(), rows(), True))
        return _run_if_confirmed(answer, original, self)
    return runAlgorithm


def _patch(owner, attribute, wrap):
    original = getattr(owner, attribute)
    _patches.append((owner, attribute, original))
    setattr(owner, attribute, wrap(original))


def install():
    if _patches:
        return
    from processing.gui import AlgorithmDialog, BatchAlgorithmDialog
    _patch(QgsProcessingAlgorithm, "run", _wrap_run)
    _patch(AlgorithmDialog, "QgsProcessingAlgRunnerTask", _wrap_task)
    _patch(AlgorithmDialog.AlgorithmDialog, "runAlgorithm", _wrap_dialog_run)
    _patch(BatchAlgorithmDialog.BatchAlgorithmDialog, "runAlgorithm", _wrap_batch_run)


def uninstall():
    while _patches:
        owner, attribute, original = _patches.pop()
        setattr(owner, attribute, original)
