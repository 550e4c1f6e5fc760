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

// The "Licence" page of Layer Properties: the layer's licence wherever it comes from (the
// layer's own setting, a sidecar, GeoPackage metadata, layer metadata, a source rule) and
// which source that is; a profile from the catalog and its options, saved in the project as
// the custom properties the CLI reads; "Attach to dataset" writes the sidecar or GeoPackage
// metadata so the licence travels with the file. Options are checked as they are typed: while
// one is invalid the error is shown and the dialog's OK is disabled, so OK never drops a value.
class LicencePage : public QgsMapLayerConfigWidget {
    Q_OBJECT

public:
    static const QString kObjectName; // for QgisInterface::showLayerProperties(layer, page)

    LicencePage(LicenceState* state, QgsMapLayer* layer, QgsMapCanvas* canvas,
                QWidget* parent = nullptr);

    // For tests and for the "Attach" button: choose a licence and set option values as text.
    void setLicence(const QString& id);
    void setOptionText(const QString& name, const QString& value);

    // The error shown for the options as they are, or empty.
    QString validationError() const { return error_; }

public slots:
    void apply() override;
    void attachToDataset();

private:
    void showBinding();
    void rebuildOptions();
    void edited();
    void validate();
    void setDialogAcceptable(bool acceptable);
    QString optionsJson() const;

    LicenceState* state_;
    QComboBox* licence_;
    QFormLayout* options_form_;
    QWidget* options_box_;
    QPushButton* attach_;
    // The layer carries several licences: the page shows the first and writes nothing, since
    // it edits one licence and writing one would drop the others.
    bool several_ = false;
    QLabel* message_;
    QLabel* source_;
    QMap<QString, QWidget*> editors_;
    QString error_;
    bool edited_ = false;  // the user changed the licence or an option
    bool filling_ = false; // the page is filled from the binding, not by the user
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
