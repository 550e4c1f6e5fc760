#include "licence_entry.h"

#include "readable_names.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/errors.h>
#include <geolicence/option_values.h>
#include <geolicence/value.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <qgsapplication.h>
#include <qgsdatetimeedit.h>

namespace geolicence::qgis {

namespace {

// The date an editor holds as the core writes it, or empty when it is left unset.
QString isoDate(const QgsDateEdit& edit) {
    return edit.date().isValid() ? edit.date().toString(Qt::ISODate) : QString();
}

} // namespace

LicenceEntry::LicenceEntry(const Catalog& catalog, Language language, QWidget* parent)
    : QFrame(parent), catalog_(catalog), language_(language) {
    setObjectName(QStringLiteral("geolicenceLicenceEntry"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout();
    licence_ = new QComboBox(this);
    licence_->setObjectName(QStringLiteral("geolicenceLicence"));
    licence_->addItem(gtr("(choose a licence)"), QString());
    for (const LicenceProfile* profile : catalog_.bindable()) {
        licence_->addItem(fromString(profile->title.in(language_)) +
                              QStringLiteral("  [%1]").arg(fromString(profile->id)),
                          fromString(profile->id));
    }
    // Long titles must not widen the page beyond the dialog.
    licence_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    licence_->setMinimumContentsLength(20);
    top->addWidget(licence_, 1);
    remove_ = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/symbologyRemove.svg")),
                              gtr("Remove"), this);
    remove_->setObjectName(QStringLiteral("geolicenceRemoveLicence"));
    remove_->setToolTip(gtr("Remove this licence from the layer"));
    top->addWidget(remove_);
    layout->addLayout(top);
    options_box_ = new QWidget(this);
    options_form_ = new QFormLayout(options_box_);
    options_form_->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(options_box_);

    connect(licence_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        if (may_change_ && !may_change_(licence_->itemData(shown_index_).toString(),
                                        licence_->itemData(index).toString())) {
            // Back to the licence shown, its options untouched (they were not rebuilt yet).
            const QSignalBlocker quiet(licence_);
            licence_->setCurrentIndex(shown_index_);
            return;
        }
        shown_index_ = index;
        rebuildOptions();
        emit edited();
    });
    connect(remove_, &QPushButton::clicked, this, &LicenceEntry::removeRequested);
}

void LicenceEntry::setLicence(const QString& id) {
    const int index = licence_->findData(id);
    if (index == licence_->currentIndex()) {
        rebuildOptions(); // the same licence chosen again starts with empty options too
        return;
    }
    licence_->setCurrentIndex(index < 0 ? 0 : index);
}

QString LicenceEntry::licenceId() const {
    return licence_->currentData().toString();
}

void LicenceEntry::rebuildOptions() {
    while (options_form_->rowCount() > 0) {
        options_form_->removeRow(0);
    }
    editors_.clear();
    const LicenceProfile* profile = catalog_.find(licenceId().toStdString());
    if (profile == nullptr) {
        return;
    }
    for (const OptionSpec& option : profile->options) {
        QWidget* editor = nullptr;
        switch (option.type) {
        case OptionType::Bool: {
            auto* box = new QCheckBox(options_box_);
            connect(box, &QCheckBox::toggled, this, &LicenceEntry::edited);
            editor = box;
            break;
        }
        case OptionType::Enum: {
            auto* combo = new QComboBox(options_box_);
            combo->addItem(QString(), QString());
            for (const std::string& value : option.values) {
                combo->addItem(optionValueLabel(option.name, value), fromString(value));
            }
            connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this,
                    &LicenceEntry::edited);
            editor = combo;
            break;
        }
        case OptionType::Date: {
            // QGIS's own date editor: a calendar popup, and the clear button leaves it unset.
            auto* date = new QgsDateEdit(options_box_);
            date->setAllowNull(true);
            date->setCalendarPopup(true);
            date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            date->setNullRepresentation(gtr("(no date)"));
            date->clear();
            connect(date, &QgsDateEdit::dateValueChanged, this, &LicenceEntry::edited);
            editor = date;
            break;
        }
        case OptionType::String:
        case OptionType::Number: {
            auto* line = new QLineEdit(options_box_);
            connect(line, &QLineEdit::textChanged, this, &LicenceEntry::edited);
            editor = line;
            break;
        }
        }
        const QString meaning = fromString(option.meaning.in(language_));
        editor->setToolTip(meaning);
        editor->setObjectName(fromString(option.name));
        auto* label = new QLabel(optionLabel(option.name) +
                                     (option.required ? QStringLiteral(" *") : QString()),
                                 options_box_);
        label->setObjectName(QStringLiteral("label_") + fromString(option.name));
        label->setToolTip(meaning + QStringLiteral(" (%1)").arg(fromString(option.name)));
        label->setBuddy(editor);
        options_form_->addRow(label, editor);
        editors_.insert(fromString(option.name), editor);
    }
}

void LicenceEntry::setOptionText(const QString& name, const QString& value) {
    QWidget* editor = editors_.value(name);
    if (auto* box = qobject_cast<QCheckBox*>(editor)) {
        box->setChecked(value == QLatin1String("true"));
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->findData(value));
    } else if (auto* date = qobject_cast<QgsDateEdit*>(editor)) {
        // Text that is no date leaves the editor unset (the core refuses such a date anyway).
        const QDate parsed = QDate::fromString(value.trimmed(), Qt::ISODate);
        if (parsed.isValid()) {
            date->setDate(parsed);
        } else {
            date->clear();
        }
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(value);
    }
}

void LicenceEntry::setOptions(const OptionValues& options) {
    for (const auto& [name, value] : options) {
        setOptionText(fromString(name), fromString(toDisplayString(value)));
    }
}

BoundLicence LicenceEntry::licence() const {
    const LicenceProfile* profile = catalog_.find(licenceId().toStdString());
    if (profile == nullptr) {
        throw InputError(
            gtr("Choose a licence for every entry, or remove the entry").toStdString());
    }
    std::vector<std::string> assignments;
    for (auto it = editors_.begin(); it != editors_.end(); ++it) {
        QString value;
        if (auto* box = qobject_cast<QCheckBox*>(it.value())) {
            if (!box->isChecked()) {
                continue;
            }
            value = QStringLiteral("true");
        } else if (auto* combo = qobject_cast<QComboBox*>(it.value())) {
            value = combo->currentData().toString();
        } else if (auto* date = qobject_cast<QgsDateEdit*>(it.value())) {
            value = isoDate(*date);
        } else if (auto* line = qobject_cast<QLineEdit*>(it.value())) {
            value = line->text().trimmed();
        }
        if (!value.isEmpty()) {
            assignments.push_back((it.key() + QLatin1Char('=') + value).toStdString());
        }
    }
    return BoundLicence{profile->id, parseOptionAssignments(*profile, assignments)};
}

} // namespace geolicence::qgis
