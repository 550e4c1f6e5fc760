#pragma once

#include <geolicence/action.h>

#include <QIcon>
#include <QString>
#include <QStringList>

class QgsMapLayer;

namespace geolicence::qgis {

class LicenceState;

// How a layer stands, as the panel, the layer tree and the notices tell it, from the most to
// the least urgent. The order is the order the panel sorts by.
enum class Standing {
    Unlicensed,     // no licence: nothing is known to be allowed
    StopUsing,      // a prohibition holds for any use at all (the licence expired, was revoked)
    NotPermitted,   // the intended action is prohibited
    NeedsDetails,   // the intended action waits for a value nobody gave (conditional)
    AggregateFirst, // publishing is permitted only aggregated to 1 km
    PermittedWithDuties, // permitted, with duties owed
    Permitted
};

struct LayerStanding {
    Standing standing = Standing::Unlicensed;
    QString short_name; // "GRB Art. 7", several joined ("NDFF export portal + GRB Art. 7");
                        // empty without a licence
    QString title;      // the licences' full titles, joined the same way
    int licence_count = 0;
    // Derived data (a buffer, a join, an aggregate): its inputs, one line each with their
    // licences, date and tool (provenance_text.h); empty for data that was not derived.
    QStringList derived_from;
    QString origin;     // where the binding came from, in words
    QString reason;     // why it is not (simply) permitted: the key finding's message
    QString citation;   // the key finding's clause and place in the licence, readable
    QStringList duties; // one line each, with their citation
};

// The standing of `layer` for `intent`; every verdict comes from the engine (LicenceState).
LayerStanding standingOf(const LicenceState& state, QgsMapLayer& layer, Action intent);

// True when a prohibition of the layer's licence holds for displaying it: whatever is
// intended, the layer must not be used any more. `on_date` is the date to judge (today when
// invalid).
bool mustStopUsing(const LicenceState& state, const QgsMapLayer& layer, const QDate& on_date);

QString standingLabel(Standing standing);
QIcon standingIcon(Standing standing);
// A stable name per standing ("stop-using"), for the indicators' object names and tests.
QString standingKey(Standing standing);

// The details as rich text for a tooltip or the panel's detail area: licence, status and why,
// clause, duties and where the binding came from.
QString standingDetails(const QString& layer_name, const LayerStanding& standing, Action intent);

} // namespace geolicence::qgis
