#pragma once

#include "derived_binding.h"

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

class QAction;
class QgsMapLayer;
class QgsProject;

namespace geolicence::qgis {

class LicenceState;

// Pasted features are data of the layer they were copied from: Paste Features makes the layer
// they go into carry that layer's licences besides its own (derive(): the union, both recorded
// as its sources), and Paste Features as a new layer makes the new layer carry them.
//
// QGIS announces neither, so its paste actions (Edit menu, toolbar, the canvas's Ctrl+V) are
// taken over as Copy Features is (export_guard.h): QGIS's own paste runs, then the plugin looks
// at what it did (features added to the target's edit buffer, layers added). Where the features
// came from is what the plugin saw copied last (Copy Features through the export guard, or Cut
// Features), as long as the clipboard still holds what QGIS put there; when it holds something
// else (copied in another application, or in the attribute table), the source is unknown and
// the user is told that the pasted features' licence is not known.
class PasteWatch : public QObject {
    Q_OBJECT

public:
    using ActiveLayer = std::function<QgsMapLayer*()>;
    using Notify = std::function<void(int level, const QString& text)>;

    PasteWatch(LicenceState* state, QgsProject* project, ActiveLayer active_layer,
               QObject* parent = nullptr);
    ~PasteWatch() override;

    // QGIS's actions and the main window whose slots they run (pasteFromClipboard,
    // pasteAsNewMemoryVector, pasteAsNewVector); the canvas's Ctrl+V shortcut too. Cut Features
    // (the action and the canvas's Ctrl+X) is only watched: it puts features on the clipboard.
    void guardPasteActions(QAction* paste, QAction* paste_as_memory_layer,
                           QAction* paste_as_file_layer, QAction* cut, QWidget* map_canvas,
                           QObject* main_window);
    void setNotify(Notify notify) { notify_ = std::move(notify); }

    // QGIS put the features of `layer` on the clipboard (Copy or Cut Features).
    void featuresCopied(QgsMapLayer* layer);

    // QGIS pasted features from the clipboard into `target`, or (`new_layer`) made `target`
    // from them: `target` carries the copied layer's licences too.
    void featuresPasted(QgsMapLayer* target, bool new_layer);

private:
    struct Copied {
        QPointer<QgsMapLayer> layer;
        QString layer_id;
        QString layer_name;
        DerivationInput input; // as it was when copied
        QString clipboard;     // the clipboard's text right after QGIS copied
    };

    void takeOver(QAction* action, const char* slot, bool new_layer);
    void paste(const char* slot, bool new_layer);
    bool clipboardStillHolds(const Copied& copied) const;

    LicenceState* state_;
    QPointer<QgsProject> project_;
    ActiveLayer active_layer_;
    Notify notify_;
    QPointer<QObject> main_window_;
    std::optional<Copied> copied_;
    struct TakenOver {
        QPointer<QObject> sender; // an action or a shortcut
        const char* slot;
    };
    QList<TakenOver> taken_over_;
    QList<QMetaObject::Connection> connections_;
};

} // namespace geolicence::qgis
