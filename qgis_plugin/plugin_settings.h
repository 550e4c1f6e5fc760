#pragma once

#include <QString>
#include <QStringList>

namespace geolicence::qgis {

// The organisation's defaults, kept in QGIS's settings under "geolicence/".
struct PluginSettings {
    QString purpose;          // default purpose of use; empty = ask the licence what it depends on
    QString role;             // default NDFF role (subscriber/contractor) for bindings without one
    QString territory_file;   // polygon file of the organisation's licensed territory
    QStringList catalog_dirs; // extra licence profile folders, later ones override by id
    QString language;         // "nl", "en", or empty for QGIS's own locale

    static PluginSettings load();
    void save() const;
};

} // namespace geolicence::qgis
