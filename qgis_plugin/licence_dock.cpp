#include "licence_dock.h"

#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <qgsapplication.h>
#include <qgsfilterlineedit.h>
#include <qgsiconutils.h>
#include <qgslayertree.h>
#include <qgsproject.h>

namespace geolicence::qgis {

const QString LicenceDock::kObjectName = QStringLiteral("GeolicenceDock");

LicenceDock::LicenceDock(LicenceState* state, QWidget* parent)
    : QgsDockWidget(gtr("Licences"), parent), state_(state) {
    setObjectName(kObjectName);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    intent_ = new QComboBox(content);
    intent_->setObjectName(QStringLiteral("geolicenceIntent"));
    for (Action action : {Action::Publish, Action::Share, Action::Export}) {
        intent_->addItem(gtr("Intent: %1").arg(actionLabel(action)), static_cast<int>(action));
    }
    intent_->setToolTip(gtr("The statuses say whether this may be done with each layer"));
    layout->addWidget(intent_);
    filter_ = new QgsFilterLineEdit(content);
    filter_->setObjectName(QStringLiteral("geolicenceFilter"));
    filter_->setShowSearchIcon(true);
    filter_->setPlaceholderText(gtr("Filter layers, licences or statuses…"));
    layout->addWidget(filter_);

    model_ = new QStandardItemModel(0, ColumnCount, this);
    model_->setHorizontalHeaderLabels({gtr("Layer"), gtr("Licence"), gtr("Status")});
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(kSortRole);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterRole(kFilterRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto* splitter = new QSplitter(Qt::Vertical, content);
    view_ = new QTreeView(splitter);
    view_->setObjectName(QStringLiteral("geolicenceLayers"));
    view_->setModel(proxy_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setWordWrap(false);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setSortingEnabled(true);
    // Unsorted until a header is clicked: the Layers panel's order.
    view_->header()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(LayerColumn, QHeaderView::Stretch);
    view_->header()->setSectionResizeMode(LicenceColumn, QHeaderView::Interactive);
    view_->header()->setSectionResizeMode(StatusColumn, QHeaderView::Interactive);
    view_->viewport()->installEventFilter(this);
    details_ = new QTextBrowser(splitter);
    details_->setObjectName(QStringLiteral("geolicenceDetails"));
    details_->setPlaceholderText(gtr("Select a layer to see its licence, duties and clauses."));
    details_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    details_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    splitter->addWidget(view_);
    splitter->addWidget(details_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    message_ = new QLabel(content);
    message_->setWordWrap(true);
    layout->addWidget(message_);
    setWidget(content);

    // Signals that come together (a layer added, then placed in the tree) are one rebuild.
    rebuild_timer_.setSingleShot(true);
    rebuild_timer_.setInterval(0);
    connect(&rebuild_timer_, &QTimer::timeout, this, &LicenceDock::rebuild);

    connect(intent_, qOverload<int>(&QComboBox::currentIndexChanged), this, &LicenceDock::refresh);
    connect(filter_, &QgsFilterLineEdit::textChanged, proxy_,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(state_, &LicenceState::changed, this, &LicenceDock::refresh);
    connect(state_, &LicenceState::layerChanged, this, &LicenceDock::layerChanged);
    connect(state_, &LicenceState::layersRemoved, this, [this](const QStringList& ids) {
        for (const QString& id : ids) {
            rows_.remove(id);
        }
        scheduleRebuild();
    });
    connect(state_, &LicenceState::layerOrderChanged, this, &LicenceDock::scheduleRebuild);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { currentChanged(current); });
    connect(view_, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const QString id = layerIdAt(index); !id.isEmpty() && open_page_) {
            open_page_(id);
        }
    });
    connect(view_, &QTreeView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = view_->indexAt(pos);
        if (!index.isValid()) {
            return;
        }
        QMenu* menu = contextMenuFor(index, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(view_->viewport()->mapToGlobal(pos));
    });
    refresh();
}

Action LicenceDock::intent() const {
    return static_cast<Action>(intent_->currentData().toInt());
}

void LicenceDock::setIntent(Action action) {
    intent_->setCurrentIndex(intent_->findData(static_cast<int>(action)));
}

void LicenceDock::refresh() {
    rows_.clear();
    shown_order_.clear();
    scheduleRebuild();
    // Callers (and tests) expect the rows to be current once refresh() returns.
    rebuild_timer_.stop();
    rebuild();
}

void LicenceDock::layerChanged(const QString& layer_id) {
    rows_.remove(layer_id);
    scheduleRebuild();
}

void LicenceDock::scheduleRebuild() {
    dirty_ = true;
    if (isVisible() || parent() == nullptr) {
        rebuild_timer_.start();
    }
}

void LicenceDock::showEvent(QShowEvent* event) {
    QgsDockWidget::showEvent(event);
    if (dirty_) {
        rebuild_timer_.start();
    }
}

bool LicenceDock::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    }
    return QgsDockWidget::eventFilter(watched, event);
}

// The licence and status columns take what they need up to a share of the width, the layer
// name the rest; what does not fit is elided (the tooltip has it all), never scrolled.
void LicenceDock::fitColumns() {
    const int width = view_->viewport()->width();
    QHeaderView* header = view_->header();
    const auto wanted = [&](int column) {
        // QTreeView hides its override; it is public in QAbstractItemView.
        const QAbstractItemView* items = view_;
        return std::max(items->sizeHintForColumn(column), header->sectionSizeHint(column));
    };
    header->resizeSection(StatusColumn, std::min(wanted(StatusColumn), width / 3));
    header->resizeSection(LicenceColumn, std::min(wanted(LicenceColumn), width / 4));
}

LicenceDock::Row LicenceDock::rowOf(QgsMapLayer* layer) const {
    Row row;
    row.name = layer->name();
    row.icon = QgsIconUtils::iconForLayer(layer);
    row.standing = standingOf(*state_, *layer, intent());
    row.details = standingDetails(row.name, row.standing, intent());
    return row;
}

void LicenceDock::fillRow(int row, const QString& layer_id, const Row& content) {
    const Standing standing = content.standing.standing;
    const auto item = [&](const QString& text, const QVariant& sort_key) {
        auto* cell = new QStandardItem(text);
        cell->setEditable(false);
        cell->setData(layer_id, kLayerIdRole);
        cell->setData(sort_key, kSortRole);
        cell->setData(text, kFilterRole);
        cell->setData(static_cast<int>(standing), kStandingRole);
        cell->setToolTip(content.details);
        if (standing == Standing::Unlicensed) {
            // The state that needs a decision first stands out in any theme.
            QFont font = cell->font();
            font.setBold(true);
            cell->setFont(font);
            cell->setBackground(QColor(229, 57, 53, 56));
        }
        return cell;
    };
    QStandardItem* layer = item(content.name, content.name.toLower());
    layer->setIcon(content.icon);
    // A derived layer is found by its sources as well (typing a file name finds what was made
    // from it).
    layer->setData(
        (QStringList{content.name} + content.standing.derived_from).join(QLatin1Char('\n')),
        kFilterRole);
    QString licence =
        content.standing.short_name.isEmpty() ? QStringLiteral("—") : content.standing.short_name;
    if (!content.standing.derived_from.isEmpty()) {
        licence = gtr("Derived: %1").arg(licence);
    }
    QStandardItem* status =
        item(standingLabel(standing),
             QStringLiteral("%1 %2").arg(static_cast<int>(standing)).arg(content.name.toLower()));
    status->setIcon(standingIcon(standing));
    model_->setItem(row, LayerColumn, layer);
    model_->setItem(row, LicenceColumn, item(licence, licence.toLower()));
    model_->setItem(row, StatusColumn, status);
}

void LicenceDock::rebuild() {
    if (!isVisible() && parent() != nullptr) {
        return; // done when the panel is shown
    }
    dirty_ = false;
    rebuilding_ = true;
    const QString current = layerIdAt(view_->currentIndex());
    const QList<QgsMapLayer*> layers = QgsProject::instance()->layerTreeRoot()->layerOrder();
    QStringList order;
    for (QgsMapLayer* layer : layers) {
        order << layer->id();
    }
    // Rows stay where layers stay: layers that came or went get a row inserted or removed,
    // so adding one layer to a large project fills one row. Any other change of order
    // refills the model from the rows already worked out.
    bool fill_all = false;
    if (order != shown_order_) {
        const QSet<QString> now(order.begin(), order.end());
        const QSet<QString> before(shown_order_.begin(), shown_order_.end());
        QStringList staying_before;
        QStringList staying_now;
        for (const QString& id : shown_order_) {
            if (now.contains(id)) {
                staying_before << id;
            }
        }
        for (const QString& id : order) {
            if (before.contains(id)) {
                staying_now << id;
            }
        }
        if (!shown_order_.isEmpty() && staying_before == staying_now &&
            model_->rowCount() == shown_order_.size()) {
            for (int row = shown_order_.size() - 1; row >= 0; --row) {
                if (!now.contains(shown_order_.at(row))) {
                    model_->removeRow(row);
                }
            }
            for (int row = 0; row < order.size(); ++row) {
                if (!before.contains(order.at(row))) {
                    model_->insertRow(row);
                    rows_.remove(order.at(row));
                }
            }
        } else {
            model_->removeRows(0, model_->rowCount());
            model_->setRowCount(layers.size());
            fill_all = true;
        }
    }
    int index = 0;
    for (QgsMapLayer* layer : layers) {
        const int row_index = index++;
        auto cached = rows_.find(layer->id());
        if (!fill_all && cached != rows_.end()) {
            continue; // unchanged, already shown
        }
        if (cached == rows_.end()) {
            cached = rows_.insert(layer->id(), rowOf(layer));
        }
        fillRow(row_index, layer->id(), *cached);
    }
    shown_order_ = order;
    fitColumns();
    // The row that was current stays current (and its details current).
    const QModelIndexList same =
        proxy_->match(proxy_->index(0, LayerColumn), kLayerIdRole, current, 1, Qt::MatchExactly);
    if (!current.isEmpty() && !same.isEmpty()) {
        view_->setCurrentIndex(same.first());
    }
    currentChanged(view_->currentIndex());
    rebuilding_ = false;
    message_->setText(state_->catalogError());
    message_->setVisible(!state_->catalogError().isEmpty());
}

QString LicenceDock::layerIdAt(const QModelIndex& index) const {
    return index.isValid() ? index.data(kLayerIdRole).toString() : QString();
}

void LicenceDock::currentChanged(const QModelIndex& current) {
    const QString id = layerIdAt(current);
    const auto row = rows_.constFind(id);
    details_->setHtml(row != rows_.constEnd() ? row->details : QString());
    if (!rebuilding_ && !id.isEmpty() && select_layer_) {
        select_layer_(id);
    }
}

QString LicenceDock::detailsText(const QString& layer_id) const {
    const auto row = rows_.constFind(layer_id);
    return row != rows_.constEnd() ? QTextDocumentFragment::fromHtml(row->details).toPlainText()
                                   : QString();
}

QMenu* LicenceDock::contextMenuFor(const QModelIndex& index, QWidget* parent) {
    auto* menu = new QMenu(parent);
    const QString id = layerIdAt(index);
    if (id.isEmpty()) {
        return menu;
    }
    QAction* open = menu->addAction(
        QgsApplication::getThemeIcon(QStringLiteral("/mActionPropertiesWidget.svg")),
        gtr("Open Licence Page…"));
    open->setObjectName(QStringLiteral("geolicenceOpenLicencePage"));
    connect(open, &QAction::triggered, this, [this, id] {
        if (open_page_) {
            open_page_(id);
        }
    });
    menu->setDefaultAction(open);
    QAction* zoom =
        menu->addAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomToLayer.svg")),
                        gtr("Zoom to Layer"));
    zoom->setObjectName(QStringLiteral("geolicenceZoomToLayer"));
    connect(zoom, &QAction::triggered, this, [this, id] {
        if (zoom_to_layer_) {
            zoom_to_layer_(id);
        }
    });
    QAction* select = menu->addAction(
        QgsApplication::getThemeIcon(QStringLiteral("/mActionShowSelectedLayers.svg")),
        gtr("Select in Layers Panel"));
    select->setObjectName(QStringLiteral("geolicenceSelectLayer"));
    connect(select, &QAction::triggered, this, [this, id] {
        if (select_layer_) {
            select_layer_(id);
        }
    });
    menu->addSeparator();
    QAction* copy = menu->addAction(
        QgsApplication::getThemeIcon(QStringLiteral("/mActionEditCopy.svg")), gtr("Copy Details"));
    copy->setObjectName(QStringLiteral("geolicenceCopyDetails"));
    connect(copy, &QAction::triggered, this,
            [this, id] { QApplication::clipboard()->setText(detailsText(id)); });
    return menu;
}

} // namespace geolicence::qgis
