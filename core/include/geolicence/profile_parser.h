#pragma once

#include "geolicence/licence_profile.h"

#include <string>
#include <string_view>

namespace geolicence {

// Reads one licence profile: JSON syntax, then the JSON Schema, then meaning (vocabulary,
// value types). Throws ProfileError naming `file`, line, column and what is wrong.
// Inheritance and references to options are checked when the catalog is built.
LicenceProfile parseProfile(std::string_view text, const std::string& file);

} // namespace geolicence
