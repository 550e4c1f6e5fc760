#pragma once

#include "geolicence/catalog.h"
#include "geolicence/licence_binding.h"
#include "geolicence/licence_profile.h"
#include "geolicence/option_values.h"

#include <string>
#include <string_view>
#include <vector>

namespace geolicence {

// Options as the JSON object written in sidecars, GeoPackage metadata and the QGIS custom
// property `geolicence/options`: booleans and numbers as JSON values, dates as "YYYY-MM-DD".
std::string optionsToJson(const OptionValues& options);

// Reads such an object, typing each value with `profile`. InputError naming `where` (a file, a
// layer) for invalid JSON, an undeclared option or a value of the wrong type.
OptionValues optionsFromJson(const LicenceProfile& profile, std::string_view json,
                             const std::string& where);

// Several licences as the JSON array written in `licences` of sidecars and GeoPackage metadata
// and in the QGIS custom property `geolicence/licences`: [{"licence": id, "options": {...}}].
std::string licencesToJson(const std::vector<BoundLicence>& licences);

// Reads such an array: at least one entry, each naming a licence of `catalog` (not abstract),
// options typed with its profile. InputError naming `where` otherwise.
std::vector<BoundLicence> licencesFromJson(const Catalog& catalog, std::string_view json,
                                           const std::string& where);

// Provenance as the JSON array written in `derived_from` (and the custom property
// `geolicence/derived_from`): [{"source", "licences": [...], "date", "tool",
// "derived_from"?: [...]}]; an input without a licence has an empty `licences`.
std::string derivedFromToJson(const std::vector<DerivedInput>& inputs);

// Reads such an array; the licences of each input are read as licencesFromJson reads them,
// except that an empty list is allowed (an input without a licence). InputError naming `where`.
std::vector<DerivedInput> derivedFromFromJson(const Catalog& catalog, std::string_view json,
                                              const std::string& where);

} // namespace geolicence
