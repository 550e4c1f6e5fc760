#include "settings_dialog.h"

#include "translate.h"

#include <geolicence/context.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace geolicence::qgis {

SettingsDialog::SettingsDialog(const PluginSettings& settings, QWidget* parent) : QDialog(parent) {
    setWindowTitle(gtr("geolicence settings"));
    auto* form = new QFormLayout(this);
    purpose_ = new QComboBox(this);
    purpose_->addItem(gtr("(not set)"), QString());
    for (std::string_view purpose : kPurposes) {
        purpose_->addItem(QString::fromUtf8(purpose.data(), static_cast<int>(purpose.size())),
                          QString::fromUtf8(purpose.data(), static_cast<int>(purpose.size())));
    }
    purpose_->setCurrentIndex(std::max(0, purpose_->findData(settings.purpose)));
    form->addRow(gtr("Purpose of use"), purpose_);
    role_ = new QComboBox(this);
    role_->addItem(gtr("(not set)"), QString());
    role_->addItem(gtr("subscriber"), QStringLiteral("subscriber"));
    role_->addItem(gtr("contractor (temporary account)"), QStringLiteral("contractor"));
    role_->setCurrentIndex(std::max(0, role_->findData(settings.role)));
    form->addRow(gtr("NDFF role"), role_);
    territory_ = new QLineEdit(settings.territory_file, this);
    territory_->setPlaceholderText(gtr("Polygon file of the licensed territory"));
    form->addRow(gtr("Territory"), territory_);
    catalog_dirs_ = new QPlainTextEdit(settings.catalog_dirs.join(QLatin1Char('\n')), this);
    catalog_dirs_->setToolTip(gtr("One folder per line; a later folder overrides a licence id"));
    form->addRow(gtr("Licence folders"), catalog_dirs_);
    language_ = new QComboBox(this);
    language_->addItem(gtr("As QGIS"), QString());
    language_->addItem(QStringLiteral("Nederlands"), QStringLiteral("nl"));
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->setCurrentIndex(std::max(0, language_->findData(settings.language)));
    form->addRow(gtr("Language"), language_);
    auto* restart = new QLabel(gtr("A new language is used once QGIS has been restarted."), this);
    restart->setWordWrap(true);
    form->addRow(QString(), restart);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

PluginSettings SettingsDialog::settings() const {
    PluginSettings settings;
    settings.purpose = purpose_->currentData().toString();
    settings.role = role_->currentData().toString();
    settings.territory_file = territory_->text().trimmed();
    for (const QString& line : catalog_dirs_->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            settings.catalog_dirs << line.trimmed();
        }
    }
    settings.language = language_->currentData().toString();
    return settings;
}

} // namespace geolicence::qgis
