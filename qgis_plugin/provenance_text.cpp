#include "provenance_text.h"

#include "readable_names.h"
#include "translate.h"

#include <geolicence/data_source.h>

namespace geolicence::qgis {

namespace {

void collect(const Catalog& catalog, Language language, const std::vector<DerivedInput>& inputs,
             int depth, QList<ProvenanceEntry>& into) {
    for (const DerivedInput& input : inputs) {
        ProvenanceEntry entry;
        entry.depth = depth;
        // A connection string may hold a password; it is never shown.
        entry.source = QString::fromStdString(shownSource(input.source));
        entry.unlicensed = input.licences.empty();
        // An input without a licence stays visible: the derived data may owe something nobody
        // recorded.
        entry.licences = entry.unlicensed ? gtr("no licence")
                                          : licenceShortNames(catalog, language, input.licences);
        entry.date = QString::fromStdString(input.date);
        entry.tool = QString::fromStdString(input.tool);
        into << entry;
        collect(catalog, language, input.derived_from, depth + 1, into);
    }
}

} // namespace

QList<ProvenanceEntry> provenanceEntries(const Catalog& catalog, Language language,
                                         const std::vector<DerivedInput>& inputs) {
    QList<ProvenanceEntry> entries;
    collect(catalog, language, inputs, 0, entries);
    return entries;
}

QStringList provenanceLines(const Catalog& catalog, Language language,
                            const std::vector<DerivedInput>& inputs) {
    QStringList lines;
    for (const ProvenanceEntry& entry : provenanceEntries(catalog, language, inputs)) {
        // No-break spaces, so the indentation survives rich text.
        QString line = entry.depth == 0
                           ? QString()
                           : QString(2 * entry.depth, QChar(0x00A0)) + QStringLiteral("↳ ");
        line += entry.source + QStringLiteral(": ") + entry.licences;
        QStringList when;
        for (const QString& part : {entry.date, entry.tool}) {
            if (!part.isEmpty()) {
                when << part;
            }
        }
        if (!when.isEmpty()) {
            line += QStringLiteral(" (%1)").arg(when.join(QStringLiteral(", ")));
        }
        lines << line;
    }
    return lines;
}

} // namespace geolicence::qgis
