#pragma once

#include <geolicence/licence_profile.h>

#include <QMap>
#include <qgsmaplayerconfigwidget.h>
#include <qgsmaplayerconfigwidgetfactory.h>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace geolicence::qgis {

class LicenceState;

// The "Licence" page of Layer Properties: a profile from the catalog and its options, saved in
// the project as the custom properties the CLI reads; "Attach to dataset" writes the sidecar
// or GeoPackage metadata so the licence travels with the file.
class LicencePage : public QgsMapLayerConfigWidget {
    Q_OBJECT

public:
    LicencePage(LicenceState* state, QgsMapLayer* layer, QgsMapCanvas* canvas,
                QWidget* parent = nullptr);

    // For tests and for the "Attach" button: choose a licence and set option values as text.
    void setLicence(const QString& id);
    void setOptionText(const QString& name, const QString& value);

public slots:
    void apply() override;
    void attachToDataset();

private:
    void rebuildOptions();
    QString optionsJson() const;

    LicenceState* state_;
    QComboBox* licence_;
    QFormLayout* options_form_;
    QWidget* options_box_;
    QPushButton* attach_;
    QLabel* message_;
    QMap<QString, QWidget*> editors_;
};

class LicencePageFactory : public QgsMapLayerConfigWidgetFactory {
public:
    explicit LicencePageFactory(LicenceState* state);
    bool supportLayerPropertiesDialog() const override { return true; }
    bool supportsLayer(QgsMapLayer* layer) const override;
    QgsMapLayerConfigWidget* createWidget(QgsMapLayer* layer, QgsMapCanvas* canvas,
                                          bool dock_widget, QWidget* parent) const override;

private:
    LicenceState* state_;
};

} // namespace geolicence::qgis
