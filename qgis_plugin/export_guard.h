#pragma once

#include <geolicence/action.h>

#include <QList>
#include <QObject>
#include <functional>

class QAction;
class QgsMapLayer;

namespace geolicence::qgis {

class LicenceState;

// Warns before data leaves QGIS when a licence forbids it, naming layer, licence and article;
// the user may cancel or go on. QGIS offers no veto hook for these, so the guard watches for
// the moment the user is about to confirm: the "Save Vector Layer as…" dialog (main menu and
// layer-tree context menu alike) and the "Save Map as Image/PDF" dialog are caught when they
// open, before any file is written, and closed when the user cancels; "Copy Features" is
// caught when the features reach the clipboard, which is emptied again when the user cancels.
// Limits are documented in the README.
class ExportGuard : public QObject {
    Q_OBJECT

public:
    // Asks the user; true means "go on anyway".
    using Ask = std::function<bool(const QString& title, const QString& text)>;
    using Layers = std::function<QList<QgsMapLayer*>()>;

    ExportGuard(LicenceState* state, Layers active_layer, Layers canvas_layers,
                QObject* parent = nullptr);

    // QGIS's "Copy Features" action: after it has filled the clipboard, a refused copy is
    // taken back out of it.
    void watchCopyAction(QAction* copy_features);
    ~ExportGuard() override;

    void setAsk(Ask ask) { ask_ = std::move(ask); }

    // The warning for `layers` and `action`, or empty when the licences permit it.
    QString warningFor(const QList<QgsMapLayer*>& layers, Action action) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

    // Called after "Copy Features" has run.
    void featuresCopied();

private:
    LicenceState* state_;
    Layers active_layer_;
    Layers canvas_layers_;
    Ask ask_;
};

} // namespace geolicence::qgis
