#include "licence_page.h"

#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/binding_json.h>
#include <geolicence/data_source.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

namespace {
const QString kLicenceKey = QString::fromLatin1(kLicenceProperty);
const QString kOptionsKey = QString::fromLatin1(kOptionsProperty);
} // namespace

LicencePage::LicencePage(LicenceState* state, QgsMapLayer* layer, QgsMapCanvas* canvas,
                         QWidget* parent)
    : QgsMapLayerConfigWidget(layer, canvas, parent), state_(state) {
    setPanelTitle(gtr("Licence"));
    auto* layout = new QVBoxLayout(this);
    licence_ = new QComboBox(this);
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
    attach_->setToolTip(gtr("Write the licence into the GeoPackage or a .licence.json file "
                            "beside the data, so it travels with the file"));
    layout->addWidget(attach_);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    layout->addWidget(message_);
    layout->addStretch();

    connect(licence_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &LicencePage::rebuildOptions);
    connect(attach_, &QPushButton::clicked, this, &LicencePage::attachToDataset);

    setLicence(layer->customProperty(kLicenceKey).toString());
    const QString stored = layer->customProperty(kOptionsKey).toString();
    const LicenceProfile* profile =
        state_->catalog().find(licence_->currentData().toString().toStdString());
    if (profile != nullptr && !stored.isEmpty()) {
        try {
            for (const auto& [name, value] :
                 optionsFromJson(*profile, stored.toStdString(), layer->name().toStdString())) {
                setOptionText(fromString(name), fromString(toDisplayString(value)));
            }
        } catch (const InputError& e) {
            message_->setText(fromString(e.what()));
        }
    }
    attach_->setEnabled(
        dataSourceFile(layer->providerType().toStdString(), layer->source().toStdString())
            .has_value());
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
        case OptionType::Bool:
            editor = new QCheckBox(options_box_);
            break;
        case OptionType::Enum: {
            auto* combo = new QComboBox(options_box_);
            combo->addItem(QString());
            for (const std::string& value : option.values) {
                combo->addItem(fromString(value));
            }
            editor = combo;
            break;
        }
        case OptionType::Date:
        case OptionType::String:
        case OptionType::Number: {
            auto* line = new QLineEdit(options_box_);
            line->setPlaceholderText(option.type == OptionType::Date ? QStringLiteral("YYYY-MM-DD")
                                                                     : QString());
            editor = line;
            break;
        }
        }
        editor->setToolTip(fromString(option.meaning.in(state_->language())));
        editor->setObjectName(fromString(option.name));
        options_form_->addRow(
            fromString(option.name) + (option.required ? QStringLiteral(" *") : QString()), editor);
        editors_.insert(fromString(option.name), editor);
    }
}

void LicencePage::setOptionText(const QString& name, const QString& value) {
    QWidget* editor = editors_.value(name);
    if (auto* box = qobject_cast<QCheckBox*>(editor)) {
        box->setChecked(value == QLatin1String("true"));
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->findText(value));
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(value);
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
            value = combo->currentText();
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
        message_->clear();
    } catch (const InputError& e) {
        message_->setText(fromString(e.what()));
    }
}

void LicencePage::attachToDataset() {
    const auto file =
        dataSourceFile(mLayer->providerType().toStdString(), mLayer->source().toStdString());
    const QString id = licence_->currentData().toString();
    if (!file || id.isEmpty()) {
        return;
    }
    try {
        DatasetLicence licence;
        licence.binding.licence_id = id.toStdString();
        const LicenceProfile* profile = state_->catalog().find(licence.binding.licence_id);
        licence.binding.options =
            optionsFromJson(*profile, optionsJson().toStdString(), mLayer->name().toStdString());
        writeDatasetLicence(file->path, licence, state_->catalog(), file->layer_name);
        message_->setText(gtr("The licence is now stored with %1.")
                              .arg(QString::fromStdString(file->path.string())));
        emit state_->changed();
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
