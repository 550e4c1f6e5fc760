#pragma once

#include <QCoreApplication>
#include <QString>

namespace geolicence::qgis {

// Every user-visible string of the plugin, in one translation context ("geolicence") so one
// Qt Linguist file (i18n/geolicence_nl.ts) holds the Dutch text.
inline QString gtr(const char* text) {
    return QCoreApplication::translate("geolicence", text);
}

} // namespace geolicence::qgis
