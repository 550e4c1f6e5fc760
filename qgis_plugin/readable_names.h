#pragma once

#include <geolicence/catalog.h>
#include <geolicence/licence_binding.h>
#include <geolicence/localized_text.h>

#include <QString>
#include <string>
#include <vector>

namespace geolicence::qgis {

// The words a user reads for the codes the engine and the profiles use: a licence's short
// name for a narrow column, an option's label, where a binding came from, and a citation that
// names the licence document instead of the seed file it was taken from.

// A few words for a licence ("GRB art. 7", "CC BY 4.0"); for a profile the plugin does not
// know, its title.
QString licenceShortName(const LicenceProfile& profile, Language language);

// Several licences by their short names, or by their titles, joined with " + " ("NDFF export
// portal + GRB Art. 7"): every licence of a binding applies, so every one is named. A licence
// the catalog does not know is named by its id.
QString licenceShortNames(const Catalog& catalog, Language language,
                          const std::vector<BoundLicence>& licences);
QString licenceTitles(const Catalog& catalog, Language language,
                      const std::vector<BoundLicence>& licences);

// "Valid until" for `valid_until`; options the plugin does not know read as their name with
// spaces ("fee class").
QString optionLabel(const std::string& name);
// An enumeration value as words ("contractor" → "contractor (assignment)"); else the value.
QString optionValueLabel(const std::string& option, const std::string& value);

// Where a binding came from, short ("GeoPackage metadata") for a column, and as part of a
// sentence ("the GeoPackage's metadata").
QString bindingOriginShort(const std::string& from);
QString bindingOriginPhrase(const std::string& from);

// "N4 – bullet 4, NDFF export portal (2024-01-01)" for the rule `rule_id` of licence
// `licence_id` cited as "000_b5f211ad1171a64c.txt bullet 4": the clause of the rule book, the
// place in the document, and the document by the licence's name and date.
QString readableCitation(const Catalog& catalog, Language language, const std::string& licence_id,
                         const std::string& rule_id, const std::string& cite);

} // namespace geolicence::qgis
