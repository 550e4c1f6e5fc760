#pragma once

#include "geolicence/licence_profile.h"
#include "geolicence/value.h"

#include <map>
#include <string>
#include <vector>

namespace geolicence {

using OptionValues = std::map<std::string, Value, std::less<>>;

// Converts `name=value` assignments (as typed on a command line) to typed option values of
// `profile`. InputError for an option the profile does not declare or a value of the wrong type.
OptionValues parseOptionAssignments(const LicenceProfile& profile,
                                    const std::vector<std::string>& assignments);

// Converts one textual value to the option's type (bool: true/false/yes/no/1/0/ja/nee).
Value parseOptionValue(const LicenceProfile& profile, const OptionSpec& spec,
                       std::string_view text);

// Checks values already typed elsewhere (e.g. read from JSON) against the profile; returns
// the problems, empty when all is well.
std::vector<std::string> checkOptionValues(const LicenceProfile& profile,
                                           const OptionValues& values);

} // namespace geolicence
