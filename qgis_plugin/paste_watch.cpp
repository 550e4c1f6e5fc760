#include "paste_watch.h"

#include "licence_state.h"
#include "translate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QSet>
#include <QShortcut>
#include <algorithm>
#include <qgsmaplayer.h>
#include <qgsmessagelog.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayereditbuffer.h>

namespace geolicence::qgis {

namespace {

const char* const kPasteSlot = "pasteFromClipboard";
const char* const kPasteAsMemoryLayerSlot = "pasteAsNewMemoryVector";
const char* const kPasteAsFileLayerSlot = "pasteAsNewVector";

bool hasSlot(QObject* object, const char* slot) {
    return object != nullptr &&
           object->metaObject()->indexOfSlot((QByteArray(slot) + "()").constData()) >= 0;
}

int addedFeatures(QgsMapLayer* layer) {
    auto* vector = qobject_cast<QgsVectorLayer*>(layer);
    return vector != nullptr && vector->editBuffer() != nullptr
               ? static_cast<int>(vector->editBuffer()->addedFeatures().size())
               : 0;
}

bool coversAll(const std::optional<LicenceBinding>& target,
               const std::optional<LicenceBinding>& pasted) {
    if (!pasted) {
        return true;
    }
    return std::all_of(
        pasted->licences.begin(), pasted->licences.end(), [&](const BoundLicence& licence) {
            return target && std::find(target->licences.begin(), target->licences.end(), licence) !=
                                 target->licences.end();
        });
}

} // namespace

PasteWatch::PasteWatch(LicenceState* state, QgsProject* project, ActiveLayer active_layer,
                       QObject* parent)
    : QObject(parent), state_(state), project_(project), active_layer_(std::move(active_layer)) {
    notify_ = [](int, const QString&) {};
}

PasteWatch::~PasteWatch() {
    for (const QMetaObject::Connection& connection : connections_) {
        disconnect(connection);
    }
    // QGIS gets its own paste back, as it was before the plugin.
    if (!main_window_) {
        return;
    }
    QPointer<QObject> window = main_window_;
    for (const TakenOver& taken : taken_over_) {
        if (!taken.sender) {
            continue;
        }
        const char* slot = taken.slot;
        const auto run = [window, slot] {
            if (window) {
                QMetaObject::invokeMethod(window, slot);
            }
        };
        if (auto* action = qobject_cast<QAction*>(taken.sender)) {
            connect(action, &QAction::triggered, main_window_, run);
        } else if (auto* shortcut = qobject_cast<QShortcut*>(taken.sender)) {
            connect(shortcut, &QShortcut::activated, main_window_, run);
        }
    }
}

void PasteWatch::guardPasteActions(QAction* paste, QAction* paste_as_memory_layer,
                                   QAction* paste_as_file_layer, QAction* cut, QWidget* map_canvas,
                                   QObject* main_window) {
    if (main_window == nullptr) {
        return;
    }
    main_window_ = main_window;
    takeOver(paste, kPasteSlot, false);
    takeOver(paste_as_memory_layer, kPasteAsMemoryLayerSlot, true);
    takeOver(paste_as_file_layer, kPasteAsFileLayerSlot, true);
    const auto cutFeatures = [this] {
        if (QgsMapLayer* layer = active_layer_()) {
            featuresCopied(layer);
        }
    };
    if (map_canvas != nullptr) {
        for (QShortcut* shortcut :
             map_canvas->findChildren<QShortcut*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (shortcut->key() == QKeySequence(QKeySequence::Cut)) {
                // The canvas's Ctrl+X: watched after QGIS's own cut, as the Cut action is.
                connections_ << connect(shortcut, &QShortcut::activated, this, cutFeatures);
            }
            if (shortcut->key() == QKeySequence(QKeySequence::Paste) &&
                hasSlot(main_window, kPasteSlot)) {
                disconnect(shortcut, &QShortcut::activated, main_window, nullptr);
                connections_ << connect(shortcut, &QShortcut::activated, this,
                                        [this] { this->paste(kPasteSlot, false); });
                taken_over_ << TakenOver{shortcut, kPasteSlot};
            }
        }
    }
    if (cut != nullptr) {
        // Connected after QGIS's own cut, so this runs once the features are on the clipboard.
        connections_ << connect(cut, &QAction::triggered, this, cutFeatures);
    }
}

void PasteWatch::takeOver(QAction* action, const char* slot, bool new_layer) {
    if (action == nullptr || !hasSlot(main_window_, slot)) {
        return; // no QGIS paste to run: leave the action alone
    }
    // QGIS connects the action to its main window (a lambda or the slot itself).
    disconnect(action, &QAction::triggered, main_window_, nullptr);
    connections_ << connect(action, &QAction::triggered, this,
                            [this, slot, new_layer] { paste(slot, new_layer); });
    taken_over_ << TakenOver{action, slot};
}

void PasteWatch::paste(const char* slot, bool new_layer) {
    if (!main_window_) {
        return;
    }
    QPointer<QgsMapLayer> target = active_layer_();
    const int before = addedFeatures(target);
    const QStringList layers_before = project_ ? project_->mapLayers().keys() : QStringList();
    QMetaObject::invokeMethod(main_window_, slot);
    if (new_layer) {
        if (!project_) {
            return;
        }
        const QSet<QString> known(layers_before.begin(), layers_before.end());
        for (QgsMapLayer* layer : project_->mapLayers()) {
            if (!known.contains(layer->id())) {
                featuresPasted(layer, true);
            }
        }
    } else if (target) {
        if (addedFeatures(target) > before) {
            featuresPasted(target, false);
        }
    }
}

void PasteWatch::featuresCopied(QgsMapLayer* layer) {
    if (layer == nullptr) {
        return;
    }
    copied_ = Copied{layer, layer->id(), layer->name(), derivationInputOf(*state_, *layer),
                     QApplication::clipboard()->text()};
}

bool PasteWatch::clipboardStillHolds(const Copied& copied) const {
    return QApplication::clipboard()->text() == copied.clipboard;
}

void PasteWatch::featuresPasted(QgsMapLayer* target, bool new_layer) {
    if (target == nullptr) {
        return;
    }
    const QString what = new_layer
                             ? gtr("Layer “%1”, made from pasted features,").arg(target->name())
                             : gtr("Features pasted into “%1”").arg(target->name());
    if (!copied_ || !clipboardStillHolds(*copied_)) {
        const QString text =
            what + QStringLiteral(" ") +
            gtr("came from a copy the plugin did not see (another application, the attribute "
                "table): their licence is unknown and was not carried over.");
        QgsMessageLog::logMessage(text, QStringLiteral("geolicence"), Qgis::Warning);
        notify_(1, text);
        return;
    }
    const Copied& copied = *copied_;
    if (copied.layer_id == target->id()) {
        return; // pasted into the layer they came from
    }
    const std::optional<LicenceBinding>& pasted = copied.input.source.binding;
    if (!pasted || pasted->licences.empty()) {
        if (!copied.input.problem.isEmpty() || !new_layer) {
            const QString text =
                what + QStringLiteral(" ") +
                gtr("came from “%1”, which carries no licence that can be read%2.")
                    .arg(copied.layer_name, copied.input.problem.isEmpty()
                                                ? QString()
                                                : QStringLiteral(": ") + copied.input.problem);
            QgsMessageLog::logMessage(text, QStringLiteral("geolicence"), Qgis::Warning);
            notify_(copied.input.problem.isEmpty() ? 1 : 2, text);
        }
        return;
    }
    std::vector<DerivationSource> inputs;
    if (!new_layer) {
        const DerivationInput own = derivationInputOf(*state_, *target);
        if (coversAll(own.source.binding, pasted)) {
            return; // it carries these licences already
        }
        inputs.push_back(own.source);
    }
    inputs.push_back(copied.input.source);
    const Derivation derivation = derive(
        inputs, QDate::currentDate().toString(Qt::ISODate).toStdString(), "QGIS Paste Features");
    const WrittenBinding written = writeDerivedBinding(*state_, *target, derivation.binding);
    QStringList lines;
    int level = 0;
    if (written.error.isEmpty()) {
        lines << gtr("“%1” now carries the licences of the features pasted into it from “%2”: %3.")
                     .arg(target->name(), copied.layer_name,
                          licenceNames(*state_, derivation.binding));
    } else {
        level = 2;
        lines << gtr("“%1” could not be given the licences of the features pasted into it from "
                     "“%2” (%3): %4.")
                     .arg(target->name(), copied.layer_name,
                          licenceNames(*state_, derivation.binding), written.error);
    }
    if (!new_layer && !derivation.unlicensed.empty()) {
        level = std::max(level, 1);
        lines << gtr("“%1” carried no licence before: its earlier features are recorded as a "
                     "source without a licence.")
                     .arg(target->name());
    }
    const QString text = lines.join(QLatin1Char('\n'));
    QgsMessageLog::logMessage(text, QStringLiteral("geolicence"),
                              level == 2   ? Qgis::Critical
                              : level == 1 ? Qgis::Warning
                                           : Qgis::Info);
    notify_(level, text);
}

} // namespace geolicence::qgis
