#include "export_guard.h"

#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/rule_ids.h>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <algorithm>
#include <qgsfilewidget.h>
#include <qgsmaplayer.h>
#include <set>
#include <tuple>

namespace geolicence::qgis {

namespace {

const char* const kCopySlot = "copySelectionToClipboard";

bool isLayerSaveDialog(const QString& class_name) {
    return class_name == QLatin1String("QgsVectorLayerSaveAsDialog") ||
           class_name == QLatin1String("QgsRasterLayerSaveAsDialog");
}

QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

ExportGuard::ExportGuard(LicenceState* state, Layers active_layer, Layers canvas_layers,
                         QObject* parent)
    : QObject(parent), state_(state), active_layer_(std::move(active_layer)),
      canvas_layers_(std::move(canvas_layers)) {
    ask_ = [](const QString& title, const QString& text, bool offer_aggregation) {
        QMessageBox box(QMessageBox::Warning, title, text,
                        QMessageBox::Cancel | QMessageBox::Ignore, QApplication::activeWindow());
        box.button(QMessageBox::Ignore)->setText(gtr("Go on anyway"));
        QPushButton* aggregate = nullptr;
        if (offer_aggregation) {
            aggregate = box.addButton(gtr("Aggregate to 1 km grid…"), QMessageBox::AcceptRole);
            aggregate->setObjectName(QStringLiteral("geolicenceAggregate"));
        }
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (aggregate != nullptr && box.clickedButton() == aggregate) {
            return Choice::Aggregate;
        }
        return box.clickedButton() == box.button(QMessageBox::Ignore) ? Choice::GoOn
                                                                      : Choice::Cancel;
    };
    notify_ = [](int, const QString&) {};
    qApp->installEventFilter(this);
}

ExportGuard::~ExportGuard() {
    if (qApp != nullptr) {
        qApp->removeEventFilter(this);
    }
    // QGIS gets its own copy back, as it was before the plugin.
    for (const QMetaObject::Connection& connection : copy_connections_) {
        disconnect(connection);
    }
    if (main_window_) {
        QPointer<QObject> window = main_window_;
        const auto copy = [window] {
            if (window) {
                QMetaObject::invokeMethod(window, kCopySlot);
            }
        };
        if (copy_action_) {
            connect(copy_action_, &QAction::triggered, main_window_, copy);
        }
        for (const QPointer<QObject>& shortcut : copy_shortcuts_) {
            if (shortcut) {
                connect(qobject_cast<QShortcut*>(shortcut), &QShortcut::activated, main_window_,
                        copy);
            }
        }
    }
}

void ExportGuard::guardCopyAction(QAction* copy_features, QWidget* map_canvas,
                                  QObject* main_window) {
    if (copy_features == nullptr || main_window == nullptr ||
        main_window->metaObject()->indexOfSlot("copySelectionToClipboard()") < 0) {
        return; // no QGIS copy to run after asking: leave the action alone
    }
    copy_action_ = copy_features;
    main_window_ = main_window;
    // QGIS connects the action, and the canvas's Ctrl+C, to lambdas with the main window as
    // context, which run copySelectionToClipboard().
    disconnect(copy_features, &QAction::triggered, main_window, nullptr);
    copy_connections_ << connect(copy_features, &QAction::triggered, this,
                                 &ExportGuard::copyFeatures);
    if (map_canvas != nullptr) {
        for (QShortcut* shortcut :
             map_canvas->findChildren<QShortcut*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (shortcut->key() == QKeySequence(QKeySequence::Copy)) {
                disconnect(shortcut, &QShortcut::activated, main_window, nullptr);
                copy_connections_ << connect(shortcut, &QShortcut::activated, this,
                                             &ExportGuard::copyFeatures);
                copy_shortcuts_ << shortcut;
            }
        }
    }
}

void ExportGuard::copyFeatures() {
    const QList<QgsMapLayer*> layers = active_layer_();
    if (!confirm(layers, {Action::Export, Action::Publish}, true)) {
        return;
    }
    if (main_window_) {
        QMetaObject::invokeMethod(main_window_, kCopySlot);
        if (!layers.isEmpty() && layers.front() != nullptr) {
            emit featuresCopied(layers.front());
        }
    }
}

QString ExportGuard::warningFor(const QList<QgsMapLayer*>& layers,
                                const QList<Action>& actions) const {
    QStringList lines;
    std::set<std::tuple<QString, std::string, std::string>> shown;
    for (QgsMapLayer* layer : layers) {
        if (layer == nullptr) {
            continue;
        }
        for (Action action : actions) {
            const Decision decision = state_->evaluateLayers({layer}, action);
            if (decision.permitted()) {
                continue;
            }
            // A conditional verdict has no error: its warnings say what is missing.
            const bool errors = std::any_of(
                decision.findings.begin(), decision.findings.end(),
                [](const Finding& finding) { return finding.severity == Severity::Error; });
            const Severity shown_severity = errors ? Severity::Error : Severity::Warning;
            for (const Finding& finding : decision.findings) {
                if (finding.severity != shown_severity || finding.rule == rule_ids::kUnlicensed ||
                    !shown.emplace(layer->id(), finding.licence, finding.rule).second) {
                    continue;
                }
                const LicenceProfile* profile = state_->catalog().find(finding.licence);
                lines << gtr("%1 — %2: %3 (%4)")
                             .arg(layer->name(),
                                  profile != nullptr
                                      ? fromString(profile->title.in(state_->language()))
                                      : fromString(finding.licence),
                                  findingMessage(finding), fromString(finding.cite));
            }
        }
    }
    if (lines.isEmpty()) {
        return QString();
    }
    QStringList wanted;
    for (Action action : actions) {
        wanted << actionLabel(action);
    }
    return gtr("The licence restricts this data (%1):").arg(wanted.join(QStringLiteral(", "))) +
           QStringLiteral("\n\n") + lines.join(QStringLiteral("\n\n"));
}

bool ExportGuard::confirm(const QList<QgsMapLayer*>& layers, const QList<Action>& actions,
                          bool aggregation_offered) {
    return confirmWarning(warningFor(layers, actions), layers, aggregation_offered);
}

bool ExportGuard::confirmWarning(const QString& warning, const QList<QgsMapLayer*>& layers,
                                 bool aggregation_offered) {
    if (warning.isEmpty()) {
        return true;
    }
    QgsMapLayer* demanding = nullptr;
    if (aggregation_offered && aggregate_) {
        for (QgsMapLayer* layer : layers) {
            if (layer != nullptr && state_->demandsAggregation(*layer)) {
                demanding = layer;
                break;
            }
        }
    }
    QString text = warning + QStringLiteral("\n\n");
    if (demanding != nullptr) {
        text += gtr("Aggregated to 1 km grid cells this data may be published.") +
                QStringLiteral("\n\n");
    }
    text += gtr("Cancel, or go on at your own responsibility?");
    switch (ask_(gtr("Licence warning"), text, demanding != nullptr)) {
    case Choice::GoOn:
        return true;
    case Choice::Aggregate: {
        QPointer<QgsMapLayer> layer(demanding);
        QMetaObject::invokeMethod(
            this,
            [this, layer] {
                if (layer && aggregate_) {
                    aggregate_(layer);
                }
            },
            Qt::QueuedConnection);
        return false;
    }
    case Choice::Cancel:
        break;
    }
    return false;
}

bool ExportGuard::eventFilter(QObject* watched, QEvent* event) {
    if ((event->type() != QEvent::Show && event->type() != QEvent::Hide) ||
        !watched->isWidgetType()) {
        return false;
    }
    auto* dialog = qobject_cast<QDialog*>(watched);
    if (dialog == nullptr) {
        return false;
    }
    const QString name = QString::fromLatin1(dialog->metaObject()->className());
    if (event->type() == QEvent::Hide) {
        // Remember which layer of the chosen file the copy goes to, for its licence. The
        // dialog's own header needs QGIS's generated UI code, so its widgets are asked.
        if (name == QLatin1String("QgsVectorLayerSaveAsDialog") &&
            dialog->result() == QDialog::Accepted) {
            auto* file = dialog->findChild<QgsFileWidget*>(QStringLiteral("mFilename"));
            const auto* layer = dialog->findChild<QLineEdit*>(QStringLiteral("leLayername"));
            if (file != nullptr) {
                saved_layer_names_.insert(absolute(file->filePath()),
                                          layer != nullptr ? layer->text() : QString());
            }
        }
        return false;
    }
    bool go_on = true;
    if (isLayerSaveDialog(name)) {
        // A copy carries the licence, but what it may be used for stays restricted.
        go_on = confirm(active_layer_(), {Action::Export, Action::Publish}, true);
    } else if (name == QLatin1String("QgsMapSaveDialog")) {
        go_on = confirm(canvas_layers_(), {Action::Publish}, false);
    }
    if (!go_on) {
        // Closed before the user can confirm: nothing is written.
        QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
    }
    return false;
}

void ExportGuard::layerSavedAs(QgsMapLayer* layer, const QString& path) {
    if (layer == nullptr || path.isEmpty()) {
        return;
    }
    const QString file = absolute(path);
    const QString table = saved_layer_names_.take(file);
    // The binding as the plugin judges the layer: a cell size claim the data contradicts is
    // not copied.
    const LayerInput input = state_->inputOf(*layer);
    if (!input.binding) {
        return;
    }
    try {
        DatasetLicence licence;
        licence.binding = *input.binding;
        // The finest cell size any of its licences records: the copy is no coarser.
        std::optional<double> cell_size;
        for (const BoundLicence& bound : licence.binding.licences) {
            const auto cell = bound.options.find("cell_size_m");
            if (cell != bound.options.end() && std::holds_alternative<double>(cell->second)) {
                cell_size = std::min(cell_size.value_or(std::get<double>(cell->second)),
                                     std::get<double>(cell->second));
            }
        }
        const double cell_size_m = cell_size.value_or(0.0);
        licence.attribution =
            attributionTexts(state_->catalog(), licence.binding, cell_size_m, state_->language());
        writeDatasetLicence(file.toStdString(), licence, state_->catalog(), table.toStdString());
        state_->refreshLayersOnFile(file);
        const LicenceProfile* profile =
            licence.binding.licences.size() == 1
                ? state_->catalog().find(licence.binding.licences.front().licence_id)
                : nullptr;
        notify_(0, gtr("The copy %1 carries the licence %2.")
                       .arg(file, profile != nullptr
                                      ? fromString(profile->title.in(state_->language()))
                                      : fromString(licence.binding.describeIds())));
    } catch (const Error& e) {
        notify_(2, gtr("The copy %1 carries no licence: %2").arg(file, fromString(e.what())));
    }
}

} // namespace geolicence::qgis
