#include "licence_expiry.h"

#include "layer_standing.h"
#include "licence_state.h"
#include "readable_names.h"
#include "status_text.h"
#include "translate.h"

#include <algorithm>
#include <optional>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

namespace {

// The binding's date options (valid_until, project_end) between `from` and `to`, the latest
// one when looking back (what ended) and the earliest when looking ahead (what ends next).
std::optional<QDate> dateBetween(const LicenceBinding& binding, const QDate& from, const QDate& to,
                                 bool latest) {
    std::optional<QDate> found;
    for (const BoundLicence& licence : binding.licences) {
        for (const auto& [name, value] : licence.options) {
            if (const auto* date = std::get_if<Date>(&value)) {
                const QDate day = QDate::fromString(fromString(date->toString()), Qt::ISODate);
                if (day < from || day > to) {
                    continue;
                }
                if (!found || (latest ? day > *found : day < *found)) {
                    found = day;
                }
            }
        }
    }
    return found;
}

} // namespace

QList<ExpiringLicence> expiringLicences(const LicenceState& state,
                                        const QList<QgsMapLayer*>& layers, const QDate& today,
                                        int within_days) {
    QList<ExpiringLicence> found;
    const QDate horizon = today.addDays(within_days);
    for (QgsMapLayer* layer : layers) {
        const LayerBindingResult bound = state.bindingOf(*layer);
        if (!bound.binding) {
            continue;
        }
        std::optional<QDate> until;
        bool expired = false;
        if (mustStopUsing(state, *layer, today)) {
            // Ended: the last day of use lies before today.
            until = dateBetween(*bound.binding, QDate(1, 1, 1), today.addDays(-1), true);
            expired = true;
        } else if (mustStopUsing(state, *layer, horizon)) {
            until = dateBetween(*bound.binding, today, horizon.addDays(-1), false);
        }
        if (!until) {
            continue;
        }
        const QString name =
            licenceShortNames(state.catalog(), state.language(), bound.binding->licences);
        auto same = std::find_if(found.begin(), found.end(), [&](const ExpiringLicence& known) {
            return known.licence == name && known.until == *until && known.expired == expired;
        });
        if (same == found.end()) {
            found.append(ExpiringLicence{name, *until, expired, {}});
            same = found.end() - 1;
        }
        same->layers << layer->name();
    }
    // What ended first, then what ends soonest.
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.expired != b.expired ? a.expired : a.until < b.until;
    });
    return found;
}

QString expiryNotice(const QList<ExpiringLicence>& licences) {
    QStringList sentences;
    for (const ExpiringLicence& licence : licences) {
        const QString until = licence.until.toString(Qt::ISODate);
        const QString layers = licence.layers.join(QStringLiteral(", "));
        sentences
            << (licence.expired
                    ? gtr("%1 was valid until %2: stop using %3.")
                          .arg(licence.licence, until, layers)
                    : gtr("%1 is valid until %2 only (%3).").arg(licence.licence, until, layers));
    }
    return sentences.join(QLatin1Char(' '));
}

} // namespace geolicence::qgis
