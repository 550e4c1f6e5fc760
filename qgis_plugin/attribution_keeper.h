#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>

class QgsLayoutItemLabel;
class QgsPrintLayout;
class QgsProject;

namespace geolicence::qgis {

class LicenceState;

// Keeps one attribution label (item id "geolicence-attribution") on every print layout, whose
// text is exactly what the licences of the layers its maps render require: deduplicated, in a
// stable order, in the chosen language, never naming a party that forbids it. Updated when a
// layout is created, opened in the designer (layoutOpened), changed, or exported, and when the
// project's layers or their licences change (then the layouts open in a designer: the others
// are brought up to date when they are opened or exported, so a change to one layer of a large
// project does not check every layout); never as a side effect of reading a project, so
// opening one leaves it unmodified. The user's position and style are kept, and text updates
// go on the layout's undo stack. A label the user deleted is not put back by itself: the
// export check reports the unmet duty, and restore() puts it back.
class AttributionKeeper : public QObject {
    Q_OBJECT

public:
    static const QString kLabelId;

    AttributionKeeper(LicenceState* state, QgsProject* project, QObject* parent = nullptr);
    ~AttributionKeeper() override;

    // The attribution block `layout` owes.
    QString owedText(const QgsPrintLayout& layout) const;

    // Brings the label in line; returns it, or null when none is needed or the user removed it.
    QgsLayoutItemLabel* update(QgsPrintLayout& layout);

    // The user opened `layout` in the layout designer.
    void layoutOpened(QgsPrintLayout* layout);

    // Which layouts are open in a designer (set by the plugin); without it, every layout
    // follows the project's layers.
    void setOpenLayouts(std::function<QList<QgsPrintLayout*>()> open_layouts) {
        open_layouts_ = std::move(open_layouts);
    }

    // Puts a removed label back.
    QgsLayoutItemLabel* restore(QgsPrintLayout& layout);

    static bool userRemovedLabel(const QgsPrintLayout& layout);

private:
    void watch(QgsPrintLayout* layout);
    void schedule(QgsPrintLayout* layout);
    void scheduleAll();
    void scheduleOpen();
    void flush();
    QgsLayoutItemLabel* createLabel(QgsPrintLayout& layout, const QString& text);

    LicenceState* state_;
    QPointer<QgsProject> project_;
    QTimer debounce_;
    QList<QPointer<QgsPrintLayout>> pending_;
    bool updating_ = false;
    std::function<QList<QgsPrintLayout*>()> open_layouts_;
};

} // namespace geolicence::qgis
