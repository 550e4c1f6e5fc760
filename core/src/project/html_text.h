#pragma once

#include <string>

namespace geolicence::detail {

// The text an HTML fragment shows (an HTML layout label): markup removed, line breaks for
// <br> and block elements, <script>, <style> and comments dropped, whitespace collapsed as a
// browser does, character references decoded (&nbsp; as a plain space: it prints as one).
// A named reference this table does not know is kept as written, so an attribution hidden
// behind it is not taken for shown.
std::string htmlToText(const std::string& html);

} // namespace geolicence::detail
