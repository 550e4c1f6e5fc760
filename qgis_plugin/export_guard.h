#pragma once

#include <geolicence/action.h>

#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QgsMapLayer;

namespace geolicence::qgis {

class LicenceState;

// Warns before data leaves QGIS when its licence restricts what may be done with it, naming
// layer, licence and article; the user may cancel, go on, or (when the licence permits the
// data aggregated) aggregate instead. QGIS offers no veto hook for these, so the guard steps
// in where it can before anything is written:
//  - "Save Vector Layer as…" / "Save Raster Layer as…" (Layer menu and the layer tree's
//    Export menu alike) and "Save Map as Image/PDF" are caught when their dialog opens and
//    closed again when the user does not go on;
//  - "Copy Features" (Edit menu, toolbar, Ctrl+C) is taken over: QGIS's own copy runs only
//    once the user goes on.
// A copy saved anyway carries the layer's licence (GeoPackage metadata or a sidecar, written
// with the core's writeDatasetLicence), so it is never "unlicensed". Limits are in the README.
class ExportGuard : public QObject {
    Q_OBJECT

public:
    enum class Choice { Cancel, GoOn, Aggregate };
    // Asks the user; `offer_aggregation` adds the "Aggregate to 1 km grid…" choice.
    using Ask =
        std::function<Choice(const QString& title, const QString& text, bool offer_aggregation)>;
    using Layers = std::function<QList<QgsMapLayer*>()>;
    // Tells the user something that needs no answer (level: 0 info, 1 warning, 2 critical).
    using Notify = std::function<void(int level, const QString& text)>;

    ExportGuard(LicenceState* state, Layers active_layer, Layers canvas_layers,
                QObject* parent = nullptr);
    ~ExportGuard() override;

    // QGIS's "Copy Features" action, the map canvas (whose own Ctrl+C shortcut copies the
    // selected features too) and the main window whose copySelectionToClipboard() slot both
    // run: the guard asks first and lets QGIS copy only when the user goes on.
    void guardCopyAction(QAction* copy_features, QWidget* map_canvas, QObject* main_window);

    void setAsk(Ask ask) { ask_ = std::move(ask); }
    void setNotify(Notify notify) { notify_ = std::move(notify); }
    void setAggregate(std::function<void(QgsMapLayer*)> aggregate) {
        aggregate_ = std::move(aggregate);
    }

    // The warning for data of `layers` leaving QGIS as `actions` would have it, or empty when
    // the licences permit all of them. Each finding once.
    QString warningFor(const QList<QgsMapLayer*>& layers, const QList<Action>& actions) const;

    // Asks about `warning` (from warningFor) for data of `layers` leaving QGIS; true when the
    // user goes on. `aggregation_offered`: a layer whose licence demands aggregation can be
    // aggregated instead (then false: the user took the other way).
    bool confirmWarning(const QString& warning, const QList<QgsMapLayer*>& layers,
                        bool aggregation_offered);

    // QGIS saved `layer` to `path` (QgisInterface::layerSavedAs): the copy gets its licence.
    void layerSavedAs(QgsMapLayer* layer, const QString& path);

signals:
    // The user went on and QGIS copied the features of `layer` to the clipboard.
    void featuresCopied(QgsMapLayer* layer);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Asks about `layers` leaving as `actions`; true when the user goes on.
    bool confirm(const QList<QgsMapLayer*>& layers, const QList<Action>& actions,
                 bool aggregation_offered);
    void copyFeatures();

    LicenceState* state_;
    Layers active_layer_;
    Layers canvas_layers_;
    Ask ask_;
    Notify notify_;
    std::function<void(QgsMapLayer*)> aggregate_;
    QPointer<QAction> copy_action_;
    QPointer<QObject> main_window_;
    QList<QMetaObject::Connection> copy_connections_;
    QList<QPointer<QObject>> copy_shortcuts_;   // the canvas's Ctrl+C
    QHash<QString, QString> saved_layer_names_; // file chosen in a Save As dialog -> its layer
};

} // namespace geolicence::qgis
