#pragma once

#include <geolicence/catalog.h>
#include <geolicence/licence_binding.h>
#include <geolicence/localized_text.h>

#include <QFrame>
#include <QMap>
#include <functional>

class QComboBox;
class QFormLayout;
class QPushButton;
class QWidget;

namespace geolicence::qgis {

// One licence of a layer on the Licence page: the profile, chosen from the catalog, its
// options (readable labels, QGIS's date editor, lists for enumerations) and a button that
// removes it from the layer. The options are typed by the core as they are entered, so a wrong
// date or number is refused with the core's message.
class LicenceEntry : public QFrame {
    Q_OBJECT

public:
    LicenceEntry(const Catalog& catalog, Language language, QWidget* parent = nullptr);

    // Asked before the analyst's choice in the list replaces licence `from` by `to`; false
    // keeps `from` with its options as they were.
    using MayChange = std::function<bool(const QString& from, const QString& to)>;
    void setMayChange(MayChange may_change) { may_change_ = std::move(may_change); }

    // Chooses the licence (empty: none chosen yet); its options form is built anew, empty.
    void setLicence(const QString& id);
    QString licenceId() const;
    // Sets an option as text ("true", "2027-12-31", "1000"); an unknown name is ignored.
    void setOptionText(const QString& name, const QString& value);
    void setOptions(const OptionValues& options);

    // The licence with its options as entered. InputError when no licence is chosen or an
    // option is invalid (the core's message).
    BoundLicence licence() const;

signals:
    void edited();
    void removeRequested();

private:
    void rebuildOptions();

    const Catalog& catalog_;
    Language language_;
    QComboBox* licence_;
    QPushButton* remove_;
    QWidget* options_box_;
    QFormLayout* options_form_;
    QMap<QString, QWidget*> editors_;
    MayChange may_change_;
    int shown_index_ = 0; // the licence whose options are shown
};

} // namespace geolicence::qgis
