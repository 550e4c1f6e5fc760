#pragma once

#include "layer_standing.h"

#include <geolicence/action.h>

#include <QHash>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <qgsdockwidget.h>

class QComboBox;
class QgsFilterLineEdit;
class QgsMapLayer;
class QLabel;
class QMenu;
class QModelIndex;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTextBrowser;
class QTreeView;

namespace geolicence::qgis {

class LicenceState;

// The Licences panel: one compact row per layer (layer with its icon, the short name of every
// licence it is under, "Derived:" in front for data made from other data, standing for the
// chosen intent), sortable and filterable (a derived layer also by its sources); the details
// (reason, clause, duties, the sources a derived layer was made from, where the licence was
// set) in each row's tooltip and in the detail area below for the current row. A click makes the
// layer current in the Layers panel, a double-click opens its Licence page, the context menu also
// zooms to it or copies the details. Rows are worked out again only for layers that changed, and
// only while the panel is shown.
class LicenceDock : public QgsDockWidget {
    Q_OBJECT

public:
    static const QString kObjectName;
    enum Column { LayerColumn, LicenceColumn, StatusColumn, ColumnCount };
    static constexpr int kLayerIdRole = Qt::UserRole + 1;
    static constexpr int kSortRole = Qt::UserRole + 2;
    static constexpr int kStandingRole = Qt::UserRole + 3;
    // What the filter matches: the text shown, and for a derived layer its sources too.
    static constexpr int kFilterRole = Qt::UserRole + 4;

    LicenceDock(LicenceState* state, QWidget* parent = nullptr);

    Action intent() const;
    void setIntent(Action action);

    // The rows as shown (sorted and filtered); each item carries kLayerIdRole.
    QSortFilterProxyModel* rows() const { return proxy_; }
    QTreeView* view() const { return view_; }
    QgsFilterLineEdit* filter() const { return filter_; }
    QTextBrowser* details() const { return details_; }
    // The details of a layer as plain text (what "Copy details" copies).
    QString detailsText(const QString& layer_id) const;

    // The context menu of a row (of rows(); the panel shows it on a right-click).
    QMenu* contextMenuFor(const QModelIndex& index, QWidget* parent);

    // What the panel asks of QGIS (set by the plugin): open the Licence page of Layer
    // Properties, make the layer the current one in the Layers panel, zoom to it.
    void setOpenLicencePage(std::function<void(const QString& layer_id)> open) {
        open_page_ = std::move(open);
    }
    void setSelectLayer(std::function<void(const QString& layer_id)> select) {
        select_layer_ = std::move(select);
    }
    void setZoomToLayer(std::function<void(const QString& layer_id)> zoom) {
        zoom_to_layer_ = std::move(zoom);
    }

public slots:
    // Everything again (the catalog, the intent or the project changed).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Row {
        QString name;
        QIcon icon;
        LayerStanding standing;
        QString details; // rich text
    };
    void layerChanged(const QString& layer_id);
    void scheduleRebuild();
    void rebuild();
    Row rowOf(QgsMapLayer* layer) const;
    void fillRow(int row, const QString& layer_id, const Row& content);
    void fitColumns();
    void currentChanged(const QModelIndex& current);
    QString layerIdAt(const QModelIndex& index) const;

    QHash<QString, Row> rows_; // by layer id; a changed layer's row is dropped
    QStringList shown_order_;
    QTimer rebuild_timer_;
    bool dirty_ = true;
    bool rebuilding_ = false;
    std::function<void(const QString&)> open_page_;
    std::function<void(const QString&)> select_layer_;
    std::function<void(const QString&)> zoom_to_layer_;
    LicenceState* state_;
    QComboBox* intent_;
    QgsFilterLineEdit* filter_;
    QStandardItemModel* model_;
    QSortFilterProxyModel* proxy_;
    QTreeView* view_;
    QTextBrowser* details_;
    QLabel* message_;
};

} // namespace geolicence::qgis
