#include "plugin_settings.h"

#include <qgssettings.h>

namespace geolicence::qgis {

PluginSettings PluginSettings::load() {
    const QgsSettings settings;
    PluginSettings loaded;
    loaded.purpose = settings.value(QStringLiteral("geolicence/purpose")).toString();
    loaded.role = settings.value(QStringLiteral("geolicence/role")).toString();
    loaded.territory_file = settings.value(QStringLiteral("geolicence/territory")).toString();
    loaded.catalog_dirs = settings.value(QStringLiteral("geolicence/catalogDirs")).toStringList();
    loaded.language = settings.value(QStringLiteral("geolicence/language")).toString();
    return loaded;
}

void PluginSettings::save() const {
    QgsSettings settings;
    settings.setValue(QStringLiteral("geolicence/purpose"), purpose);
    settings.setValue(QStringLiteral("geolicence/role"), role);
    settings.setValue(QStringLiteral("geolicence/territory"), territory_file);
    settings.setValue(QStringLiteral("geolicence/catalogDirs"), catalog_dirs);
    settings.setValue(QStringLiteral("geolicence/language"), language);
}

} // namespace geolicence::qgis
