#pragma once

#include <geolicence/derivation.h>

#include <QString>
#include <QStringList>

class QgsMapLayer;

namespace geolicence::qgis {

class LicenceState;

// Data made in QGIS from other data (a Processing output, a layer features were pasted into)
// is under the licences of what it was made from. The plugin asks the core what that is
// (derive()) and writes it where the data carries it; no licence rule lives here.

// One input as the derivation records it, and what the user must be told about it.
struct DerivationInput {
    DerivationSource source;
    // Why its licence cannot be known for certain (a broken binding, carriers that disagree),
    // for a warning; empty when all is well.
    QString problem;
};

// What `layer` is under as an input: its binding as the plugin judges it (a contradicted cell
// size claim replaced by the measurement). When its carriers disagree, every licence any of
// them names: the derived data is never under less than one carrier claims. Recorded with the
// layer's file (or its data source, passwords hidden; "memory:NAME" for a memory layer).
DerivationInput derivationInputOf(const LicenceState& state, const QgsMapLayer& layer);
// An input QGIS did not load as a layer (a path or data source): the licence its file
// carries, if any.
DerivationInput derivationInputOf(const LicenceState& state, const QString& source);

// How the user knows a layer as a source: its file, else its data source without passwords.
QString sourceName(const QgsMapLayer& layer);
// The same for a source or destination no layer holds (a path, "path|layername=NAME").
QString sourceName(const QString& source);

// The licences of `binding` by their titles, in the plugin's language, joined with " + ".
QString licenceNames(const LicenceState& state, const LicenceBinding& binding);

// Where a derived binding was written.
struct WrittenBinding {
    QString target;       // the layer's name or the file
    QStringList carriers; // custom-property, geopackage-metadata, sidecar
    QString error;        // why it could not be written: the data carries no licence
};

// Binds `layer` to `binding` where the layer carries its licence, so no two carriers disagree:
// every explicit carrier it has (custom properties, its file's GeoPackage metadata or
// sidecar); without one, its file when it is a file, else its custom properties. A file
// carrier holds the attribution texts owed, as `geolicence bind` writes them.
WrittenBinding writeDerivedBinding(LicenceState& state, QgsMapLayer& layer,
                                   const LicenceBinding& binding);
// Binds the file `destination` (a path, or "path|layername=NAME") that no layer holds.
WrittenBinding writeDerivedBinding(LicenceState& state, const QString& destination,
                                   const LicenceBinding& binding);

} // namespace geolicence::qgis
