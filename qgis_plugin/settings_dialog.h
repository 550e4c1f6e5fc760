#pragma once

#include "plugin_settings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace geolicence::qgis {

// The organisation's defaults: purpose, role, licensed territory, extra catalog folders and
// the language of licence messages.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(const PluginSettings& settings, QWidget* parent = nullptr);
    PluginSettings settings() const;

private:
    QComboBox* purpose_;
    QComboBox* role_;
    QLineEdit* territory_;
    QPlainTextEdit* catalog_dirs_;
    QComboBox* language_;
};

} // namespace geolicence::qgis
