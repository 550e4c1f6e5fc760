#include "licence_page.h"

#include "licence_state.h"
#include "readable_names.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/binding_json.h>
#include <geolicence/data_source.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>
#include <geolicence/option_values.h>
#include <geolicence/value.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <qgsdatetimeedit.h>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

const QString LicencePage::kObjectName = QStringLiteral("geolicenceLicencePage");

namespace {

const QString kLicenceKey = QString::fromLatin1(kLicenceProperty);
const QString kOptionsKey = QString::fromLatin1(kOptionsProperty);

// The date an editor holds as the core writes it, or empty when it is left unset.
QString isoDate(const QgsDateEdit& edit) {
    return edit.date().isValid() ? edit.date().toString(Qt::ISODate) : QString();
}

} // namespace

LicencePage::LicencePage(LicenceState* state, QgsMapLayer* layer, QgsMapCanvas* canvas,
                         QWidget* parent)
    : QgsMapLayerConfigWidget(layer, canvas, parent), state_(state) {
    setObjectName(kObjectName);
    setPanelTitle(gtr("Licence"));
    auto* layout = new QVBoxLayout(this);
    source_ = new QLabel(this);
    source_->setWordWrap(true);
    source_->setObjectName(QStringLiteral("geolicenceBindingSource"));
    layout->addWidget(source_);
    licence_ = new QComboBox(this);
    licence_->setObjectName(QStringLiteral("geolicenceLicence"));
    licence_->addItem(gtr("(no licence)"), QString());
    for (const LicenceProfile* profile : state_->catalog().bindable()) {
        licence_->addItem(fromString(profile->title.in(state_->language())) +
                              QStringLiteral("  [%1]").arg(fromString(profile->id)),
                          fromString(profile->id));
    }
    layout->addWidget(new QLabel(gtr("Licence or use right of this layer"), this));
    layout->addWidget(licence_);
    options_box_ = new QWidget(this);
    options_form_ = new QFormLayout(options_box_);
    layout->addWidget(options_box_);
    attach_ = new QPushButton(gtr("Attach to dataset"), this);
    attach_->setObjectName(QStringLiteral("geolicenceAttach"));
    attach_->setToolTip(gtr("Write the licence into the GeoPackage or a .licence.json file "
                            "beside the data, so it travels with the file"));
    layout->addWidget(attach_);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("geolicenceMessage"));
    layout->addWidget(message_);
    layout->addStretch();

    connect(licence_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        rebuildOptions();
        edited();
    });
    connect(attach_, &QPushButton::clicked, this, &LicencePage::attachToDataset);
    showBinding();
    attach_->setEnabled(!several_ && dataSourceFile(layer->providerType().toStdString(),
                                                    layer->source().toStdString())
                                         .has_value());
}

// The licence that applies, from whichever source, with its options, and where it comes from.
void LicencePage::showBinding() {
    filling_ = true;
    const LayerBindingResult bound = state_->bindingOf(*mLayer);
    QStringList lines;
    if (bound.sources.empty()) {
        lines << gtr("This layer has no licence yet.");
    }
    const auto title = [this](const LicenceBinding& binding) {
        QStringList titles;
        for (const BoundLicence& licence : binding.licences) {
            const LicenceProfile* profile = state_->catalog().find(licence.licence_id);
            titles << (profile != nullptr ? fromString(profile->title.in(state_->language()))
                                          : fromString(licence.licence_id));
        }
        return titles.join(QStringLiteral(" + "));
    };
    // Every source the core read, the one that applies first (as `geolicence inspect`).
    bool chosen_shown = false;
    for (const BindingSource& source : bound.sources) {
        if (!source.binding) {
            lines << gtr("%1 cannot be read: %2")
                         .arg(bindingOriginPhrase(source.from), fromString(source.error));
        } else if (!chosen_shown && bound.binding && source.from == bound.binding->from) {
            lines.prepend(gtr("Licence from %1: %2")
                              .arg(bindingOriginPhrase(source.from), title(*source.binding)));
            chosen_shown = true;
        } else {
            lines << gtr("Also found in %1 (not used): %2")
                         .arg(bindingOriginPhrase(source.from), title(*source.binding));
        }
    }
    several_ = bound.binding && bound.binding->licences.size() > 1;
    if (several_) {
        lines << gtr("Several licences: this page cannot change them yet; bind the layer with "
                     "all its licences where they were set.");
    }
    source_->setText(lines.join(QLatin1Char('\n')));
    licence_->setEnabled(!several_);
    if (bound.binding) {
        // The page edits one licence (the first); several are listed in the source text above.
        setLicence(fromString(bound.binding->licences.front().licence_id));
        for (const auto& [name, value] : bound.binding->licences.front().options) {
            setOptionText(fromString(name), fromString(toDisplayString(value)));
        }
    } else {
        setLicence(QString());
    }
    // A binding that cannot be read, or carriers that disagree, are said so (as errors in the
    // Licences panel and the layout check); the licence that applies still shows.
    QStringList problems;
    for (const Finding& problem :
         bound.problems(mLayer->id().toStdString(), mLayer->name().toStdString())) {
        problems << fromString(problem.message);
    }
    message_->setText(problems.join(QLatin1Char('\n')));
    filling_ = false;
    edited_ = false;
}

void LicencePage::setLicence(const QString& id) {
    const int index = licence_->findData(id);
    licence_->setCurrentIndex(index < 0 ? 0 : index);
    rebuildOptions();
}

void LicencePage::rebuildOptions() {
    while (options_form_->rowCount() > 0) {
        options_form_->removeRow(0);
    }
    editors_.clear();
    const LicenceProfile* profile =
        state_->catalog().find(licence_->currentData().toString().toStdString());
    if (profile == nullptr) {
        return;
    }
    for (const OptionSpec& option : profile->options) {
        QWidget* editor = nullptr;
        switch (option.type) {
        case OptionType::Bool: {
            auto* box = new QCheckBox(options_box_);
            connect(box, &QCheckBox::toggled, this, &LicencePage::edited);
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
                    &LicencePage::edited);
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
            connect(date, &QgsDateEdit::dateValueChanged, this, &LicencePage::edited);
            editor = date;
            break;
        }
        case OptionType::String:
        case OptionType::Number: {
            auto* line = new QLineEdit(options_box_);
            connect(line, &QLineEdit::textChanged, this, &LicencePage::edited);
            editor = line;
            break;
        }
        }
        const QString meaning = fromString(option.meaning.in(state_->language()));
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

void LicencePage::setOptionText(const QString& name, const QString& value) {
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

void LicencePage::edited() {
    if (filling_) {
        return;
    }
    edited_ = true;
    validate();
}

void LicencePage::validate() {
    try {
        optionsJson();
        error_.clear();
    } catch (const InputError& e) {
        error_ = fromString(e.what());
    }
    message_->setText(error_);
    setDialogAcceptable(error_.isEmpty());
}

// The Layer Properties dialog applies its pages only after it has closed, so an invalid value
// is refused before: OK stays disabled while the page shows an error.
void LicencePage::setDialogAcceptable(bool acceptable) {
    auto* dialog = qobject_cast<QDialog*>(window());
    if (dialog == nullptr) {
        return;
    }
    // The dialog's own buttons: pages may hold hidden button boxes of their own.
    for (QDialogButtonBox* buttons : dialog->findChildren<QDialogButtonBox*>()) {
        if (buttons->isVisibleTo(dialog) && buttons->button(QDialogButtonBox::Ok) != nullptr) {
            buttons->button(QDialogButtonBox::Ok)->setEnabled(acceptable);
        }
    }
}

// The options as the JSON object of the `geolicence/options` property, typed by the core so a
// wrong date or number is refused with the core's message.
QString LicencePage::optionsJson() const {
    const LicenceProfile* profile =
        state_->catalog().find(licence_->currentData().toString().toStdString());
    if (profile == nullptr) {
        return QString();
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
    return fromString(optionsToJson(parseOptionAssignments(*profile, assignments)));
}

void LicencePage::apply() {
    if (!edited_ || several_) {
        return; // what is shown came from the layer's sources: nothing to write
    }
    QgsMapLayer* target = mLayer;
    const QString id = licence_->currentData().toString();
    try {
        const QString options = optionsJson();
        if (id.isEmpty()) {
            target->removeCustomProperty(kLicenceKey);
            target->removeCustomProperty(kOptionsKey);
        } else {
            target->setCustomProperty(kOptionsKey, options);
            target->setCustomProperty(kLicenceKey, id);
        }
        error_.clear();
        message_->clear();
        showBinding();
    } catch (const InputError& e) {
        error_ = fromString(e.what());
        message_->setText(error_);
    }
}

void LicencePage::attachToDataset() {
    const auto file =
        dataSourceFile(mLayer->providerType().toStdString(), mLayer->source().toStdString());
    const QString id = licence_->currentData().toString();
    if (!file || id.isEmpty() || several_) {
        return;
    }
    try {
        DatasetLicence licence;
        const LicenceProfile* profile = state_->catalog().find(id.toStdString());
        licence.binding = singleLicence(
            id.toStdString(),
            optionsFromJson(*profile, optionsJson().toStdString(), mLayer->name().toStdString()),
            "");
        writeDatasetLicence(file->path, licence, state_->catalog(), file->layer_name);
        state_->refreshLayersOnFile(QString::fromStdString(file->path.string()));
        message_->setText(gtr("The licence is now stored with %1.")
                              .arg(QString::fromStdString(file->path.string())));
    } catch (const InputError& e) {
        message_->setText(fromString(e.what()));
    }
}

LicencePageFactory::LicencePageFactory(LicenceState* state)
    : QgsMapLayerConfigWidgetFactory(gtr("Licence"),
                                     QIcon(QStringLiteral(":/geolicence/icons/licence_ok.svg"))),
      state_(state) {}

bool LicencePageFactory::supportsLayer(QgsMapLayer* layer) const {
    return layer != nullptr;
}

QgsMapLayerConfigWidget* LicencePageFactory::createWidget(QgsMapLayer* layer, QgsMapCanvas* canvas,
                                                          bool, QWidget* parent) const {
    return new LicencePage(state_, layer, canvas, parent);
}

} // namespace geolicence::qgis
