#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

class QgsMapLayer;

namespace geolicence::qgis {

class LicenceState;

// A licence of the project that ended, or ends soon, and the layers that use it.
struct ExpiringLicence {
    QString licence; // short name
    QDate until;     // the last day it allows use (its date option, e.g. valid_until)
    bool expired = false;
    QStringList layers;
};

// The licences of `layers` that no longer allow any use on `today` (expired) or will not on
// `today + within_days`, with the date in the binding that ends them. The engine decides
// (a prohibition of the licence that holds for displaying the layer on that day); a licence
// that stops use without a date (revoked) is not an expiry and is left to the panel.
QList<ExpiringLicence> expiringLicences(const LicenceState& state,
                                        const QList<QgsMapLayer*>& layers, const QDate& today,
                                        int within_days);

// The message-bar text naming them, one sentence per licence; empty when there are none.
QString expiryNotice(const QList<ExpiringLicence>& licences);

} // namespace geolicence::qgis
