#include <geolicence/localized_text.h>

namespace geolicence {

std::optional<Language> parseLanguage(std::string_view code) {
    if (code == "nl") {
        return Language::Dutch;
    }
    if (code == "en") {
        return Language::English;
    }
    return std::nullopt;
}

std::string_view toString(Language language) {
    return language == Language::Dutch ? "nl" : "en";
}

} // namespace geolicence
