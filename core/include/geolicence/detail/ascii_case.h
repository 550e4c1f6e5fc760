#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <string_view>

namespace geolicence::detail {

// Lower case for ASCII letters only: file extensions, format and driver names, option keys,
// party names in licence texts compare without regard to case; other bytes (UTF-8) are kept.
inline std::string lowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// ".GPKG" and ".gpkg" alike.
inline std::string lowerExtension(const std::filesystem::path& path) {
    return lowerAscii(path.extension().string());
}

} // namespace geolicence::detail
