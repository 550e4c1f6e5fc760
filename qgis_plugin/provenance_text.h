#pragma once

#include <geolicence/catalog.h>
#include <geolicence/licence_binding.h>
#include <geolicence/localized_text.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace geolicence::qgis {

// Where derived data came from, in words, for the Licences panel and the Licence page: each
// input of a derivation (`derived_from`) with the licences it carried and when and by what the
// data was made from it; an input's own inputs follow it, one level deeper. Read-only: the
// provenance is recorded by whatever made the data (geolicence bind, aggregate, Processing).
struct ProvenanceEntry {
    int depth = 0;    // 0: an input of the layer itself; 1: an input of that input; ...
    QString source;   // the path or data source (a password in it masked)
    QString licences; // the input's licences by short name, or "no licence"
    QString date;     // YYYY-MM-DD, as recorded
    QString tool;     // e.g. "geolicence bind"
    bool unlicensed = false;
};

QList<ProvenanceEntry> provenanceEntries(const Catalog& catalog, Language language,
                                         const std::vector<DerivedInput>& inputs);

// One line per entry, "/data/waarnemingen.gpkg: NDFF export portal (2026-03-01, geolicence
// bind)", an input's own inputs indented and marked with "↳".
QStringList provenanceLines(const Catalog& catalog, Language language,
                            const std::vector<DerivedInput>& inputs);

} // namespace geolicence::qgis
