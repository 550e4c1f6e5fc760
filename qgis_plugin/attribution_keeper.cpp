#include "attribution_keeper.h"

#include "licence_state.h"
#include "translate.h"

#include <geolicence/attribution.h>

#include <QUndoStack>
#include <qgslayertree.h>
#include <qgslayoutatlas.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutmanager.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutundostack.h>
#include <qgsmapthemecollection.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>

namespace geolicence::qgis {

const QString AttributionKeeper::kLabelId = QStringLiteral("geolicence-attribution");

namespace {
const QString kPlacedProperty = QStringLiteral("geolicence/attributionPlaced");
constexpr double kMarginMm = 10.0;
constexpr double kFontPoints = 8.0;
} // namespace

AttributionKeeper::AttributionKeeper(LicenceState* state, QgsProject* project, QObject* parent)
    : QObject(parent), state_(state), project_(project) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(0);
    connect(&debounce_, &QTimer::timeout, this, &AttributionKeeper::flush);
    // What the project's layers owe changed; a project being read announces nothing.
    connect(state_, &LicenceState::layerChanged, this, &AttributionKeeper::scheduleOpen);
    connect(state_, &LicenceState::layersRemoved, this, &AttributionKeeper::scheduleOpen);
    connect(state_, &LicenceState::settingsChanged, this, &AttributionKeeper::scheduleAll);
    // Maps without a locked layer set render the visible layers or a theme: what they owe
    // changes with the layer tree's check boxes, its order and the themes.
    connect(state_, &LicenceState::layerOrderChanged, this, &AttributionKeeper::scheduleOpen);
    QgsLayerTree* root = project->layerTreeRoot();
    connect(root, &QgsLayerTreeNode::visibilityChanged, this, &AttributionKeeper::scheduleOpen);
    connect(root, &QgsLayerTree::customLayerOrderChanged, this, &AttributionKeeper::scheduleOpen);
    connect(root, &QgsLayerTree::hasCustomLayerOrderChanged, this,
            &AttributionKeeper::scheduleOpen);
    QgsMapThemeCollection* themes = project->mapThemeCollection();
    connect(themes, &QgsMapThemeCollection::mapThemesChanged, this,
            &AttributionKeeper::scheduleOpen);
    connect(themes, &QgsMapThemeCollection::mapThemeChanged, this,
            &AttributionKeeper::scheduleOpen);
    connect(project->layoutManager(), &QgsLayoutManager::layoutAdded, this,
            [this](const QString& name) {
                if (auto* layout = dynamic_cast<QgsPrintLayout*>(
                        project_->layoutManager()->layoutByName(name))) {
                    watch(layout);
                    schedule(layout); // not while a project is read: see schedule()
                }
            });
    for (QgsMasterLayoutInterface* layout : project->layoutManager()->layouts()) {
        if (auto* print = dynamic_cast<QgsPrintLayout*>(layout)) {
            watch(print);
        }
    }
}

AttributionKeeper::~AttributionKeeper() = default;

void AttributionKeeper::watch(QgsPrintLayout* layout) {
    // Maps changing their layers, themes or locks all end in the layout's changed(), or (as
    // the designer makes every change, undo and redo) in a move of its undo stack.
    connect(layout, &QgsLayout::changed, this, [this, layout] { schedule(layout); });
    connect(layout->undoStack()->stack(), &QUndoStack::indexChanged, this,
            [this, layout] { schedule(layout); });
    // An atlas publishes its coverage layer with the layout.
    connect(layout->atlas(), &QgsLayoutAtlas::toggled, this, [this, layout] { schedule(layout); });
    connect(layout->atlas(), &QgsLayoutAtlas::coverageLayerChanged, this,
            [this, layout] { schedule(layout); });
    connect(layout, &QgsLayout::itemAdded, this, [this, layout](QgsLayoutItem* item) {
        if (auto* map = qobject_cast<QgsLayoutItemMap*>(item)) {
            connect(map, &QgsLayoutItemMap::themeChanged, this,
                    [this, layout] { schedule(layout); });
            connect(map, &QgsLayoutObject::changed, this, [this, layout] { schedule(layout); });
        }
    });
    QList<QgsLayoutItemMap*> maps;
    layout->layoutItems(maps);
    for (QgsLayoutItemMap* map : maps) {
        connect(map, &QgsLayoutItemMap::themeChanged, this, [this, layout] { schedule(layout); });
        connect(map, &QgsLayoutObject::changed, this, [this, layout] { schedule(layout); });
    }
}

void AttributionKeeper::layoutOpened(QgsPrintLayout* layout) {
    schedule(layout);
}

void AttributionKeeper::schedule(QgsPrintLayout* layout) {
    if (updating_ || state_->projectIsLoading()) {
        return;
    }
    if (!pending_.contains(layout)) {
        pending_ << layout;
    }
    debounce_.start();
}

void AttributionKeeper::scheduleAll() {
    if (!project_) {
        return;
    }
    for (QgsMasterLayoutInterface* layout : project_->layoutManager()->layouts()) {
        if (auto* print = dynamic_cast<QgsPrintLayout*>(layout)) {
            schedule(print);
        }
    }
}

void AttributionKeeper::scheduleOpen() {
    if (!open_layouts_) {
        scheduleAll();
        return;
    }
    for (QgsPrintLayout* layout : open_layouts_()) {
        schedule(layout);
    }
}

void AttributionKeeper::flush() {
    const QList<QPointer<QgsPrintLayout>> layouts = pending_;
    pending_.clear();
    for (const QPointer<QgsPrintLayout>& layout : layouts) {
        if (layout) {
            update(*layout);
        }
    }
}

QString AttributionKeeper::owedText(const QgsPrintLayout& layout) const {
    const CheckResult checked = state_->checkLayout(layout, Action::Publish);
    QStringList lines;
    for (const std::string& text : attributionTexts(checked.decision)) {
        lines << QString::fromStdString(text);
    }
    return lines.join(QLatin1Char('\n'));
}

bool AttributionKeeper::userRemovedLabel(const QgsPrintLayout& layout) {
    return layout.customProperty(kPlacedProperty, false).toBool() &&
           layout.itemById(kLabelId) == nullptr;
}

QgsLayoutItemLabel* AttributionKeeper::createLabel(QgsPrintLayout& layout, const QString& text) {
    auto* label = new QgsLayoutItemLabel(&layout);
    label->setId(kLabelId);
    label->setText(text);
    QFont font = label->font();
    font.setPointSizeF(kFontPoints);
    label->setFont(font);
    label->adjustSizeToText();
    // Bottom of the first page, inside the margins, across the page's width.
    const QgsLayoutItemPage* page = layout.pageCollection()->page(0);
    const QSizeF size = page != nullptr ? page->sizeWithUnits().toQSizeF() : QSizeF(297, 210);
    const double height = label->sizeWithUnits().height();
    label->attemptResize(
        QgsLayoutSize(size.width() - 2 * kMarginMm, height, QgsUnitTypes::LayoutMillimeters));
    label->attemptMove(QgsLayoutPoint(kMarginMm, size.height() - kMarginMm - height,
                                      QgsUnitTypes::LayoutMillimeters),
                       true, false, 0);
    layout.addLayoutItem(label); // QGIS puts the addition on the undo stack
    layout.setCustomProperty(kPlacedProperty, true);
    return label;
}

QgsLayoutItemLabel* AttributionKeeper::update(QgsPrintLayout& layout) {
    updating_ = true;
    // The text itself, also on an atlas: what every page owes together (the maps' layers and
    // the coverage layer) is printed on each, and a text is what `geolicence check` can see
    // on the saved layout (an expression it cannot evaluate does not count as shown).
    const QString owed_now = owedText(layout);
    const QString& owed = owed_now;
    auto* label = qobject_cast<QgsLayoutItemLabel*>(layout.itemById(kLabelId));
    if (label == nullptr) {
        if (!owed_now.isEmpty() && !userRemovedLabel(layout)) {
            label = createLabel(layout, owed);
        }
    } else if (label->text() != owed) {
        layout.undoStack()->beginCommand(label, gtr("Update licence attribution"));
        label->setText(owed);
        label->update();
        layout.undoStack()->endCommand();
    }
    updating_ = false;
    return label;
}

QgsLayoutItemLabel* AttributionKeeper::restore(QgsPrintLayout& layout) {
    layout.setCustomProperty(kPlacedProperty, false);
    return update(layout);
}

} // namespace geolicence::qgis
