#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <functional>

class QgsMapLayer;
class QgsProject;

namespace geolicence::qgis {

class ExportGuard;
class LicenceState;

// Processing is no way around the licences. QGIS runs algorithms in its Python Processing
// framework, which tells a plugin nothing, so the plugin installs a small Python hook
// (python/processing_hook.py, a plugin resource, run through QgsPythonRunner) around the
// places every run passes: QgsProcessingAlgorithm.run (processing.run, runAndLoadResults,
// batch mode, models run from Python), the toolbox dialog's background task and its Run
// button, and the batch dialog's Run button. The hook hands each run's input layers and
// outputs to this object (found by its object name, a child of the application); every
// decision is made here, with the core:
//  - before a run (confirmRun): an export algorithm writing licensed data to a file or
//    database warns as Save Features As does (a dialog: Cancel or go on; processing.run: a
//    warning in the message bar and the log, the run goes on); a layout exported through
//    Processing passes the layout check QGIS runs before a designer export, and a Critical
//    result refuses the run, as the designer does;
//  - after a run (bindRun): when any input is licensed, every output (a layer, or a file) is
//    bound to the union of the inputs' licences with their provenance (derive()), on the
//    output layer's custom properties or in the output file's GeoPackage metadata or sidecar;
//    an input without a licence is named in a warning and recorded as such, never dropped.
class ProcessingWatch : public QObject {
    Q_OBJECT

public:
    static const QString kObjectName;
    // Tells the user something (level: 0 info, 1 warning, 2 critical).
    using Notify = std::function<void(int level, const QString& text)>;

    ProcessingWatch(LicenceState* state, ExportGuard* guard, QgsProject* project,
                    QObject* parent = nullptr);
    ~ProcessingWatch() override;

    void setNotify(Notify notify) { notify_ = std::move(notify); }

    // Runs the Python hook in QGIS's Python (false when QGIS runs without Python); uninstall
    // puts Processing back as it was.
    static bool installHook();
    static void uninstallHook();

    // Before a run. `run`: "algorithm" (id), "algorithm_name", "inputs" (the input layers,
    // or the source of an input QGIS could not load), "destinations" (where the run writes,
    // temporary outputs left out), "declares_destinations" (false for an algorithm without
    // destination parameters, which writes where its other parameters say: a database
    // import), "layouts" (names of layouts it exports), "interactive" (true: a dialog, the
    // user is asked). Returns "go_on" (bool) and, when the run is
    // refused or cancelled, "reason"; "warning" is what the user was told.
    Q_INVOKABLE QVariantMap confirmRun(const QVariantMap& run);

    // After a successful run. `run`: "algorithm", "algorithm_name", "inputs" as above,
    // "outputs": a list of {"name", "kind" (QGIS's output type), "value": a layer or a
    // destination}. Returns one map per output written: "output", "licences" (ids joined with
    // " + "), "carriers" and "error".
    Q_INVOKABLE QVariantList bindRun(const QVariantMap& run);

    // Algorithms that copy their input out of QGIS unchanged: to a file, a database or
    // tiles. Writing licensed data with them warns as Save Features As does.
    static bool isExportAlgorithm(const QString& algorithm_id);

private:
    QString layoutRefusal(const QStringList& layout_names) const;

    LicenceState* state_;
    ExportGuard* guard_;
    QgsProject* project_;
    Notify notify_;
};

} // namespace geolicence::qgis
