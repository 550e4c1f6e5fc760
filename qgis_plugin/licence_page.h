#pragma once

#include <geolicence/licence_binding.h>

#include <QList>
#include <functional>
#include <qgsmaplayerconfigwidget.h>
#include <qgsmaplayerconfigwidgetfactory.h>
#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace geolicence::qgis {

class LicenceEntry;
class LicenceState;

// The "Licence" page of Layer Properties: the layer's licences wherever they come from (the
// layer's own setting, a sidecar, GeoPackage metadata, layer metadata, a source rule) and
// which source that is. The layer is under every licence listed: each is chosen from the
// catalog with its options (LicenceEntry); licences can be added and removed. OK saves them
// in the project as the custom properties the CLI reads (the core's bindingProperties), and
// "Attach to dataset" writes them into the sidecar or GeoPackage metadata (the core's
// writeDatasetLicence), so they travel with the file. Derived data shows where it came from
// (`derived_from`), read-only, and keeps it when saved. Options are checked as they are typed:
// while one is invalid the error is shown and the dialog's OK is disabled, so OK never drops a
// value. When the layer's own setting cannot be read completely (a licence the catalog does
// not know, unreadable JSON), the page writes nothing: it would drop what it cannot show.
// Removing a licence a source of derived data carried is asked first: the licence still holds
// (every check judges the layer under it, `source-licence-dropped`), so a removal by mistake
// should not pass without a word.
class LicencePage : public QgsMapLayerConfigWidget {
    Q_OBJECT

public:
    static const QString kObjectName; // for QgisInterface::showLayerProperties(layer, page)

    // Asks the analyst a yes/no question; true: yes. A modal message box unless replaced (tests
    // answer it themselves).
    using Confirm = std::function<bool(const QString& title, const QString& text)>;
    void setConfirm(Confirm confirm) { confirm_ = std::move(confirm); }

    LicencePage(LicenceState* state, QgsMapLayer* layer, QgsMapCanvas* canvas,
                QWidget* parent = nullptr);

    // The licences as the page shows them, and what the buttons and editors do (also for
    // tests): the number of licences listed, the id of one, adding (empty: none chosen yet)
    // and removing one, choosing the licence of one, setting an option of one as text.
    int licenceCount() const { return static_cast<int>(entries_.size()); }
    QString licenceIdAt(int index) const;
    int addLicence(const QString& id = QString());
    // Removes the licence at `index`; asks first when a source of the derived layer carried it
    // and no other licence listed has its id. Returns whether it was removed.
    bool removeLicence(int index);
    void setLicenceAt(int index, const QString& id);
    void setOptionText(int index, const QString& name, const QString& value);

    // The layer's only licence (empty: none), replacing the list; an option of the first one.
    void setLicence(const QString& id);
    void setOptionText(const QString& name, const QString& value);

    // The error shown for the licences as they are, or empty.
    QString validationError() const { return error_; }
    // Empty when the page may write; otherwise why it writes nothing.
    QString readOnlyReason() const { return read_only_; }

public slots:
    void apply() override;
    void attachToDataset();

private:
    // Shows the layer's binding; `keep_entries`: the licences just written stay in their
    // editors (the binding read back is the one they hold), so an Apply keeps the focus.
    void showBinding(bool keep_entries = false);
    void showProvenance();
    LicenceEntry* appendEntry();
    // The sources of the derived layer that carried `licence_id`, or empty.
    QStringList sourcesCarrying(const QString& licence_id) const;
    // True when taking licence `id` off the entry at `index` (removed, or another chosen in its
    // place) may go ahead: no source carried it, another entry keeps it, or the analyst said Yes.
    bool mayDrop(int index, const QString& id);
    void clearEntries();
    void edited();
    void validate();
    void setDialogAcceptable(bool acceptable);
    // The licences as edited, with the provenance the layer had. InputError when one is
    // invalid or has no licence chosen.
    LicenceBinding editedBinding() const;

    LicenceState* state_;
    QLabel* source_;
    QVBoxLayout* entries_layout_;
    QList<LicenceEntry*> entries_;
    QPushButton* add_;
    QLabel* provenance_title_;
    QTreeWidget* provenance_;
    QPushButton* attach_;
    QLabel* message_;
    // The provenance of the binding shown: written back unchanged with the licences.
    std::vector<DerivedInput> derived_from_;
    QString read_only_;
    Confirm confirm_;
    bool file_backed_ = false; // the layer's data is a file "Attach to dataset" can write to
    QString error_;
    bool edited_ = false;  // the user changed a licence or an option
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
