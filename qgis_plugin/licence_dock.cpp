#include "licence_dock.h"

#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qgslayertree.h>
#include <qgsproject.h>

namespace geolicence::qgis {

const QString LicenceDock::kObjectName = QStringLiteral("GeolicenceDock");

namespace {
enum Column { LayerColumn, LicenceColumn, FromColumn, StatusColumn, DutiesColumn, ColumnCount };
} // namespace

LicenceDock::LicenceDock(LicenceState* state, QWidget* parent)
    : QgsDockWidget(gtr("Licences"), parent), state_(state) {
    setObjectName(kObjectName);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    intent_ = new QComboBox(content);
    for (Action action : {Action::Publish, Action::Share, Action::Export}) {
        intent_->addItem(gtr("Intent: %1").arg(actionLabel(action)), static_cast<int>(action));
    }
    layout->addWidget(intent_);
    table_ = new QTableWidget(0, ColumnCount, content);
    table_->setHorizontalHeaderLabels(
        {gtr("Layer"), gtr("Licence"), gtr("From"), gtr("Status"), gtr("Duties")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(table_);
    message_ = new QLabel(content);
    message_->setWordWrap(true);
    layout->addWidget(message_);
    setWidget(content);

    // Signals that come together (a layer added, then placed in the tree) are one rebuild.
    rebuild_timer_.setSingleShot(true);
    rebuild_timer_.setInterval(0);
    connect(&rebuild_timer_, &QTimer::timeout, this, &LicenceDock::rebuild);

    connect(intent_, qOverload<int>(&QComboBox::currentIndexChanged), this, &LicenceDock::refresh);
    connect(state_, &LicenceState::changed, this, &LicenceDock::refresh);
    connect(state_, &LicenceState::layerChanged, this, &LicenceDock::layerChanged);
    connect(state_, &LicenceState::layersRemoved, this, [this](const QStringList& ids) {
        for (const QString& id : ids) {
            rows_.remove(id);
        }
        scheduleRebuild();
    });
    connect(state_, &LicenceState::layerOrderChanged, this, &LicenceDock::scheduleRebuild);
    connect(table_, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { openLicencePage(row); });
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
    // Callers (and tests) expect the table to be current once refresh() returns.
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

LicenceDock::Row LicenceDock::rowOf(QgsMapLayer* layer) const {
    const Decision decision = state_->evaluateLayers({layer}, intent());
    const LayerBindingResult bound = state_->bindingOf(*layer);
    const LicenceProfile* profile =
        bound.binding ? state_->catalog().find(bound.binding->licence_id) : nullptr;
    const LayerStatus status = statusOf(decision);
    Row row;
    row.layer = layer->name();
    row.licence = profile != nullptr ? fromString(profile->title.in(state_->language()))
                  : bound.binding    ? fromString(bound.binding->licence_id)
                                     : QString();
    row.from = bound.binding ? fromString(bound.binding->from) : QString();
    row.status = statusLabel(status);
    if (const QString restriction = keyRestriction(decision); !restriction.isEmpty()) {
        row.status += QStringLiteral(": ") + restriction;
    }
    row.duties = dutiesText(decision);
    row.status_kind = static_cast<int>(status);
    return row;
}

void LicenceDock::rebuild() {
    if (!isVisible() && parent() != nullptr) {
        return; // done when the panel is shown
    }
    dirty_ = false;
    const QList<QgsMapLayer*> layers = QgsProject::instance()->layerTreeRoot()->layerOrder();
    QStringList order;
    for (QgsMapLayer* layer : layers) {
        order << layer->id();
    }
    // Rows stay where layers stay: layers that came or went get a row inserted or removed,
    // so adding one layer to a large project fills one row. Any other change of order
    // refills the table from the rows already worked out.
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
            table_->rowCount() == shown_order_.size()) {
            for (int row = shown_order_.size() - 1; row >= 0; --row) {
                if (!now.contains(shown_order_.at(row))) {
                    table_->removeRow(row);
                }
            }
            for (int row = 0; row < order.size(); ++row) {
                if (!before.contains(order.at(row))) {
                    table_->insertRow(row);
                    rows_.remove(order.at(row));
                }
            }
        } else {
            table_->setRowCount(layers.size());
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
        const Row& row = *cached;
        const auto status = static_cast<LayerStatus>(row.status_kind);
        auto cell = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, layer->id());
            if (status == LayerStatus::Unlicensed) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(QColor(255, 230, 180));
            } else if (status == LayerStatus::Prohibited && column == StatusColumn) {
                item->setForeground(QColor(180, 0, 0));
            }
            table_->setItem(row_index, column, item);
        };
        cell(LayerColumn, row.layer);
        cell(LicenceColumn, row.licence);
        cell(FromColumn, row.from);
        cell(StatusColumn, row.status);
        cell(DutiesColumn, row.duties);
        table_->resizeRowToContents(row_index);
    }
    shown_order_ = order;
    message_->setText(state_->catalogError());
    message_->setVisible(!state_->catalogError().isEmpty());
}

void LicenceDock::openLicencePage(int row) {
    const QTableWidgetItem* item = table_->item(row, LayerColumn);
    if (item != nullptr && open_page_) {
        open_page_(item->data(Qt::UserRole).toString());
    }
}

} // namespace geolicence::qgis
