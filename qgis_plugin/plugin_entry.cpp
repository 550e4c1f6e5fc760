// The functions QGIS looks up in a C++ plugin library, before and after creating the plugin.
#include "geolicence_plugin.h"

#include <qgisinterface.h>

using geolicence::qgis::GeolicencePlugin;

QGISEXTERN QgisPlugin* classFactory(QgisInterface* iface) {
    return new GeolicencePlugin(iface);
}

QGISEXTERN const QString* name() {
    return &GeolicencePlugin::kName;
}

QGISEXTERN const QString* description() {
    return &GeolicencePlugin::kDescription;
}

QGISEXTERN const QString* category() {
    return &GeolicencePlugin::kCategory;
}

QGISEXTERN int type() {
    return QgisPlugin::UI;
}

QGISEXTERN const QString* version() {
    return &GeolicencePlugin::kVersion;
}

QGISEXTERN const QString* icon() {
    return &GeolicencePlugin::kIcon;
}

QGISEXTERN void unload(QgisPlugin* plugin) {
    delete plugin;
}
