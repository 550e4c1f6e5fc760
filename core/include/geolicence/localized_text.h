#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace geolicence {

// The languages users read: Dutch (the licences' own language) and English.
enum class Language { Dutch, English };

std::optional<Language> parseLanguage(std::string_view code);
std::string_view toString(Language language);

struct LocalizedText {
    std::string nl;
    std::string en;

    const std::string& in(Language language) const { return language == Language::Dutch ? nl : en; }
};

} // namespace geolicence
