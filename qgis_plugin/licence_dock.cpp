#include "licence_dock.h"

#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <qgslayertree.h>
#include <qgsproject.h>

namespace geolicence::qgis {

const QString LicenceDock::kObjectName = QStringLiteral("GeolicenceDock");

namespace {
enum Column { LayerColumn, LicenceColumn, FromColumn, StatusColumn, DutiesColumn, ColumnCount };
}

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

    connect(intent_, qOverload<int>(&QComboBox::currentIndexChanged), this, &LicenceDock::refresh);
    connect(state_, &LicenceState::changed, this, &LicenceDock::refresh);
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
    const QList<QgsMapLayer*> layers = QgsProject::instance()->layerTreeRoot()->layerOrder();
    table_->setRowCount(layers.size());
    int row = 0;
    for (QgsMapLayer* layer : layers) {
        const Decision decision = state_->evaluateLayers({layer}, intent());
        const LayerBindingResult bound = state_->bindingOf(*layer);
        const LicenceProfile* profile =
            bound.binding ? state_->catalog().find(bound.binding->licence_id) : nullptr;
        const LayerStatus status = statusOf(decision);
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
            table_->setItem(row, column, item);
        };
        cell(LayerColumn, layer->name());
        cell(LicenceColumn,
             profile != nullptr ? fromString(profile->title.in(state_->language())) : QString());
        cell(FromColumn, bound.binding ? fromString(bound.binding->from) : QString());
        QString status_text = statusLabel(status);
        if (const QString restriction = keyRestriction(decision); !restriction.isEmpty()) {
            table_->setItem(row, StatusColumn, nullptr);
            status_text += QStringLiteral(": ") + restriction;
        }
        cell(StatusColumn, status_text);
        cell(DutiesColumn, dutiesText(decision));
        ++row;
    }
    table_->resizeRowsToContents();
    message_->setText(state_->catalogError());
    message_->setVisible(!state_->catalogError().isEmpty());
}

void LicenceDock::openLicencePage(int row) {
    const QTableWidgetItem* item = table_->item(row, LayerColumn);
    if (item == nullptr) {
        return;
    }
    QgsMapLayer* layer = QgsProject::instance()->mapLayer(item->data(Qt::UserRole).toString());
    if (layer == nullptr) {
        return;
    }
    const LayerBindingResult bound = state_->bindingOf(*layer);
    const LicenceProfile* profile =
        bound.binding ? state_->catalog().find(bound.binding->licence_id) : nullptr;
    if (profile != nullptr && !profile->licence_url.empty()) {
        QDesktopServices::openUrl(QUrl(fromString(profile->licence_url)));
    }
}

} // namespace geolicence::qgis
