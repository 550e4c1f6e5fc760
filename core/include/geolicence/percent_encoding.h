#pragma once

#include <string>
#include <string_view>

namespace geolicence {

// QUrl::fromPercentEncoding: each %XX becomes its byte; anything else (a lone '%') stays as it
// is. QGIS writes data source URIs this way (virtual layers, delimited text).
std::string percentDecoded(std::string_view text);

// QUrl::toPercentEncoding: every byte but the unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX.
std::string percentEncoded(std::string_view text);

} // namespace geolicence
