#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace geolicence::detail {

// Bindings nest a few levels (a chain of derivations two per level); anything deeper is hostile.
inline constexpr std::size_t kMaxBindingJsonDepth = 256;

// InputError naming `where` when the arrays and objects of `json` nest deeper than
// kMaxBindingJsonDepth. Checked on the text, before parsing: nlohmann's dump() and the code
// walking a parsed document recurse, and a deep enough document would overflow the stack.
void checkJsonDepth(std::string_view json, const std::string& where);

} // namespace geolicence::detail
