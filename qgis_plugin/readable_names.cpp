#include "readable_names.h"

#include "translate.h"

#include <QStringList>

namespace geolicence::qgis {

namespace {

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

struct ShortName {
    const char* id;
    const char* nl;
    const char* en;
};

// The bundled licences by a name that fits a 300 px panel; the full title is in the tooltip.
constexpr ShortName kShortNames[] = {
    {"cc-by-4.0", "CC BY 4.0", "CC BY 4.0"},
    {"cc0-1.0", "CC0 1.0", "CC0 1.0"},
    {"eigen-gegevens", "Eigen gegevens", "Own data"},
    {"gdi-vl-deelnemer", "GDI-Vl. deelnemer", "GDI-Vl. participant"},
    {"gdi-vl-gemeenschappelijk", "GDI-Vl. voorwaarden", "GDI-Vl. conditions"},
    {"gdi-vl-hergebruik-commercieel", "GDI-Vl. commercieel", "GDI-Vl. commercial"},
    {"gdi-vl-hergebruik-niet-commercieel", "GDI-Vl. niet-commercieel", "GDI-Vl. non-commercial"},
    {"gdi-vl-niet-deelnemer", "GDI-Vl. niet-deelnemer", "GDI-Vl. non-participant"},
    {"gdi-vl-publieke-toegang", "GDI-Vl. publieke toegang", "GDI-Vl. public access"},
    {"grb-art10-commercieel", "GRB art. 10", "GRB Art. 10"},
    {"grb-art5-oorspronkelijk-doel", "GRB art. 5", "GRB Art. 5"},
    {"grb-art6-testgebruik", "GRB art. 6", "GRB Art. 6"},
    {"grb-art7-intern-gebruik", "GRB art. 7", "GRB Art. 7"},
    {"grb-art8-onderwijs", "GRB art. 8", "GRB Art. 8"},
    {"grb-art9-onderzoek", "GRB art. 9", "GRB Art. 9"},
    {"grb-gemeenschappelijk", "GRB-voorwaarden", "GRB conditions"},
    {"logius-algemene-voorwaarden", "Logius voorwaarden", "Logius terms"},
    {"ndff-uitvoerportaal", "NDFF Uitvoerportaal", "NDFF export portal"},
    {"odbl-1.0", "ODbL 1.0", "ODbL 1.0"},
    {"vl-cc0", "CC0 (Vlaanderen)", "CC0 (Flanders)"},
    {"vl-gratis-hergebruik", "Gratis hergebruik (Vl.)", "Free reuse (Flanders)"},
    {"vl-hergebruik-vergoeding", "Hergebruik tegen vergoeding (Vl.)", "Reuse for a fee (Flanders)"},
};

// The profile whose document a citation starts with: the common conditions several licences
// share (an abstract profile) first, then the bound licence, then any.
const LicenceProfile* documentOf(const Catalog& catalog, const LicenceProfile* bound,
                                 const std::string& cite) {
    const auto cites = [&cite](const LicenceProfile& profile) {
        return !profile.source_document.empty() && cite.rfind(profile.source_document, 0) == 0;
    };
    const std::vector<const LicenceProfile*> all = catalog.all();
    for (const LicenceProfile* profile : all) {
        if (profile->is_abstract && cites(*profile)) {
            return profile;
        }
    }
    if (bound != nullptr && cites(*bound)) {
        return bound;
    }
    for (const LicenceProfile* profile : all) {
        if (cites(*profile)) {
            return profile;
        }
    }
    return nullptr;
}

} // namespace

QString licenceShortName(const LicenceProfile& profile, Language language) {
    for (const ShortName& name : kShortNames) {
        if (profile.id == name.id) {
            return QString::fromUtf8(language == Language::Dutch ? name.nl : name.en);
        }
    }
    return fromStd(profile.title.in(language));
}

QString licenceShortNames(const Catalog& catalog, Language language,
                          const std::vector<BoundLicence>& licences) {
    QStringList names;
    for (const BoundLicence& licence : licences) {
        const LicenceProfile* profile = catalog.find(licence.licence_id);
        names << (profile != nullptr ? licenceShortName(*profile, language)
                                     : fromStd(licence.licence_id));
    }
    return names.join(QStringLiteral(" + "));
}

QString licenceTitles(const Catalog& catalog, Language language,
                      const std::vector<BoundLicence>& licences) {
    QStringList titles;
    for (const BoundLicence& licence : licences) {
        const LicenceProfile* profile = catalog.find(licence.licence_id);
        titles << (profile != nullptr ? fromStd(profile->title.in(language))
                                      : fromStd(licence.licence_id));
    }
    return titles.join(QStringLiteral(" + "));
}

QString optionLabel(const std::string& name) {
    // One branch per option the bundled profiles declare (resources/licences/*.json).
    if (name == "valid_until") {
        return gtr("Valid until");
    }
    if (name == "project_end") {
        return gtr("End of the project");
    }
    if (name == "publication_right") {
        return gtr("Publication right granted");
    }
    if (name == "attribution") {
        return gtr("Attribution text");
    }
    if (name == "role") {
        return gtr("Your role");
    }
    if (name == "legend_required") {
        return gtr("Legend required");
    }
    if (name == "latest_version_required") {
        return gtr("Latest version required");
    }
    if (name == "conditions") {
        return gtr("Other conditions");
    }
    if (name == "fee_class") {
        return gtr("Fee class");
    }
    if (name == "revoked") {
        return gtr("Access revoked");
    }
    if (name == "permission_ref") {
        return gtr("Reference of the permission");
    }
    if (name == "is_competent_authority") {
        return gtr("Competent authority");
    }
    if (name == "cell_size_m") {
        return gtr("Aggregated to cells of (m)");
    }
    QString words = fromStd(name);
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty()) {
        words[0] = words[0].toUpper();
    }
    return words;
}

QString optionValueLabel(const std::string& option, const std::string& value) {
    if (option == "role") {
        if (value == "organisation") {
            return gtr("the participating organisation");
        }
        if (value == "contractor") {
            return gtr("contractor");
        }
        if (value == "subscriber") {
            return gtr("subscriber");
        }
    }
    return fromStd(value);
}

QString bindingOriginShort(const std::string& from) {
    if (from == "custom-property") {
        return gtr("Project");
    }
    if (from == "sidecar") {
        return gtr(".licence.json file");
    }
    if (from == "geopackage-metadata") {
        return gtr("GeoPackage metadata");
    }
    if (from == "layer-metadata") {
        return gtr("Layer metadata");
    }
    if (from == "source-rule") {
        return gtr("Catalog rule");
    }
    return fromStd(from);
}

QString bindingOriginPhrase(const std::string& from) {
    if (from == "custom-property") {
        return gtr("the layer's own setting in this project");
    }
    if (from == "sidecar") {
        return gtr("a .licence.json file beside the data");
    }
    if (from == "geopackage-metadata") {
        return gtr("the GeoPackage's metadata");
    }
    if (from == "layer-metadata") {
        return gtr("the layer's metadata (licences)");
    }
    if (from == "source-rule") {
        return gtr("the catalog's rule for this data source");
    }
    return fromStd(from);
}

QString readableCitation(const Catalog& catalog, Language language, const std::string& licence_id,
                         const std::string& rule_id, const std::string& cite) {
    const LicenceProfile* bound = catalog.find(licence_id);
    QString clause;
    if (bound != nullptr) {
        for (const Rule& rule : bound->rules) {
            if (rule.id == rule_id) {
                clause = fromStd(rule.clause);
                break;
            }
        }
    }
    QString place = fromStd(cite);
    if (const LicenceProfile* document = documentOf(catalog, bound, cite)) {
        place = fromStd(cite.substr(document->source_document.size())).trimmed();
        if (place.startsWith(QLatin1Char(','))) {
            place = place.mid(1).trimmed();
        }
        QString name = licenceShortName(*document, language);
        if (!document->source_date.empty()) {
            name += QStringLiteral(" (%1)").arg(fromStd(document->source_date));
        }
        place = place.isEmpty() ? name : place + QStringLiteral(", ") + name;
    }
    if (clause.isEmpty()) {
        return place;
    }
    return place.isEmpty() ? clause : clause + QStringLiteral(" – ") + place;
}

} // namespace geolicence::qgis
