#pragma once

#include <string>

namespace geolicence {

// What a layout label shows, as the project reader takes it from a project file: an HTML
// label's markup removed (html_text), expressions (`[% … %]`) kept as written, since only
// QGIS can evaluate them and an attribution built by one is not taken for shown. The QGIS
// plugin takes a live label through the same function, so both judge the same label alike.
std::string labelShownText(const std::string& text, bool html);

} // namespace geolicence
