#pragma once

#include <geolicence/action.h>

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <qgsdockwidget.h>

class QComboBox;
class QgsMapLayer;
class QLabel;
class QTableWidget;

namespace geolicence::qgis {

class LicenceState;

// One row per layer: licence, where it came from, status for the chosen intent, the duties
// owed. Unlicensed layers stand out; a double-click opens the layer's Licence page. Rows are
// worked out again only for layers that changed, and only while the panel is shown.
class LicenceDock : public QgsDockWidget {
    Q_OBJECT

public:
    static const QString kObjectName;

    LicenceDock(LicenceState* state, QWidget* parent = nullptr);

    Action intent() const;
    void setIntent(Action action);
    QTableWidget* table() const { return table_; }

    // Opens the Licence page of a layer (set by the plugin: Layer Properties).
    void setOpenLicencePage(std::function<void(const QString& layer_id)> open) {
        open_page_ = std::move(open);
    }

public slots:
    // Everything again (the catalog, the intent or the project changed).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Row {
        QString layer, licence, from, status, duties;
        int status_kind = 0;
    };
    void layerChanged(const QString& layer_id);
    void scheduleRebuild();
    void rebuild();
    Row rowOf(QgsMapLayer* layer) const;
    void openLicencePage(int row);

    QHash<QString, Row> rows_; // by layer id; a changed layer's row is dropped
    QStringList shown_order_;
    QTimer rebuild_timer_;
    bool dirty_ = true;
    std::function<void(const QString&)> open_page_;
    LicenceState* state_;
    QComboBox* intent_;
    QTableWidget* table_;
    QLabel* message_;
};

} // namespace geolicence::qgis
