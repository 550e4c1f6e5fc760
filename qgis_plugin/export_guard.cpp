#include "export_guard.h"

#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QEvent>
#include <QMessageBox>
#include <QMetaObject>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

ExportGuard::ExportGuard(LicenceState* state, Layers active_layer, Layers canvas_layers,
                         QObject* parent)
    : QObject(parent), state_(state), active_layer_(std::move(active_layer)),
      canvas_layers_(std::move(canvas_layers)) {
    ask_ = [](const QString& title, const QString& text) {
        return QMessageBox::warning(QApplication::activeWindow(), title, text,
                                    QMessageBox::Cancel | QMessageBox::Ignore,
                                    QMessageBox::Cancel) == QMessageBox::Ignore;
    };
    qApp->installEventFilter(this);
}

void ExportGuard::watchCopyAction(QAction* copy_features) {
    // Connected after QGIS's own slot, so this runs once the features are on the clipboard.
    connect(copy_features, &QAction::triggered, this, &ExportGuard::featuresCopied);
}

ExportGuard::~ExportGuard() {
    if (qApp != nullptr) {
        qApp->removeEventFilter(this);
    }
}

QString ExportGuard::warningFor(const QList<QgsMapLayer*>& layers, Action action) const {
    QStringList lines;
    for (QgsMapLayer* layer : layers) {
        if (layer == nullptr) {
            continue;
        }
        const Decision decision = state_->evaluateLayers({layer}, action);
        if (decision.permitted()) {
            continue;
        }
        for (const Finding& finding : decision.findings) {
            if (finding.severity != Severity::Error) {
                continue;
            }
            const LicenceProfile* profile = state_->catalog().find(finding.licence);
            lines << gtr("%1 — %2: %3 (%4)")
                         .arg(layer->name(),
                              profile != nullptr ? fromString(profile->title.in(state_->language()))
                                                 : fromString(finding.licence),
                              fromString(finding.message), fromString(finding.cite));
        }
    }
    if (lines.isEmpty()) {
        return QString();
    }
    return gtr("The licence does not permit this (%1):").arg(actionLabel(action)) +
           QStringLiteral("\n\n") + lines.join(QStringLiteral("\n\n")) + QStringLiteral("\n\n") +
           gtr("Cancel, or go on at your own responsibility?");
}

bool ExportGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Show || !watched->isWidgetType()) {
        return false;
    }
    auto* dialog = qobject_cast<QDialog*>(watched);
    if (dialog == nullptr) {
        return false;
    }
    const QString name = QString::fromLatin1(dialog->metaObject()->className());
    QString warning;
    if (name == QLatin1String("QgsVectorLayerSaveAsDialog")) {
        warning = warningFor(active_layer_(), Action::Export);
    } else if (name == QLatin1String("QgsMapSaveDialog")) {
        warning = warningFor(canvas_layers_(), Action::Publish);
    } else {
        return false;
    }
    if (!warning.isEmpty() && !ask_(gtr("Licence warning"), warning)) {
        // Closed before the user can confirm: nothing is written.
        QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
    }
    return false;
}

void ExportGuard::featuresCopied() {
    const QString warning = warningFor(active_layer_(), Action::Export);
    if (!warning.isEmpty() && !ask_(gtr("Licence warning"), warning)) {
        QApplication::clipboard()->clear();
    }
}

} // namespace geolicence::qgis
