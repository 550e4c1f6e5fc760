#pragma once

#include <geolicence/action.h>

#include <qgsdockwidget.h>

class QComboBox;
class QLabel;
class QTableWidget;

namespace geolicence::qgis {

class LicenceState;

// One row per layer: licence, where it came from, status for the chosen intent, the duties
// owed. Unlicensed layers stand out; a double-click opens the licence's page.
class LicenceDock : public QgsDockWidget {
    Q_OBJECT

public:
    static const QString kObjectName;

    LicenceDock(LicenceState* state, QWidget* parent = nullptr);

    Action intent() const;
    void setIntent(Action action);
    QTableWidget* table() const { return table_; }

public slots:
    void refresh();

private:
    void openLicencePage(int row);

    LicenceState* state_;
    QComboBox* intent_;
    QTableWidget* table_;
    QLabel* message_;
};

} // namespace geolicence::qgis
