#pragma once

#include "geolicence/licence_profile.h"
#include "geolicence/option_values.h"

#include <string>
#include <string_view>

namespace geolicence {

// Options as the JSON object written in sidecars, GeoPackage metadata and the QGIS custom
// property `geolicence/options`: booleans and numbers as JSON values, dates as "YYYY-MM-DD".
std::string optionsToJson(const OptionValues& options);

// Reads such an object, typing each value with `profile`. InputError naming `where` (a file, a
// layer) for invalid JSON, an undeclared option or a value of the wrong type.
OptionValues optionsFromJson(const LicenceProfile& profile, std::string_view json,
                             const std::string& where);

} // namespace geolicence
