#pragma once

#include "geolicence/context.h"

#include <string>
#include <string_view>

namespace geolicence {

// Reads a context object ({"purpose", "recipient", "cell_size_m", "date", "downloadable",
// "combined_with_own_data", "reproduces_data"}, any subset). InputError naming `where` and the key
// for unknown keys, wrong types, words outside the vocabulary and malformed dates.
Context contextFromJson(std::string_view json, const std::string& where);

} // namespace geolicence
