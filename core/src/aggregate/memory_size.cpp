#include <geolicence/memory_size.h>

#include <cctype>
#include <cmath>
#include <cstdio>

namespace geolicence {

std::optional<std::uint64_t> parseMemorySize(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == ' ') {
        ++i;
    }
    // Digits with at most one decimal point: "1.5G". No signs, no exponents.
    const std::size_t number_start = i;
    bool point = false;
    std::size_t digits = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (digits == 0 || digits > 18) {
        return std::nullopt;
    }
    const std::string number(text.substr(number_start, i - number_start));
    while (i < text.size() && text[i] == ' ') {
        ++i;
    }
    std::string unit;
    for (; i < text.size(); ++i) {
        unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    }
    while (!unit.empty() && unit.back() == ' ') {
        unit.pop_back();
    }
    int shift = 0;
    if (!unit.empty()) {
        const std::string_view prefixes = "KMGT";
        const std::size_t at = prefixes.find(unit[0]);
        std::string_view rest(unit);
        if (at != std::string_view::npos) {
            shift = 10 * static_cast<int>(at + 1);
            rest.remove_prefix(1);
        }
        if (!(rest.empty() || rest == "B" || (shift > 0 && rest == "IB"))) {
            return std::nullopt;
        }
    }
    const long double value = std::strtold(number.c_str(), nullptr) * std::ldexp(1.0L, shift);
    if (!(value >= 1) || value > std::ldexp(1.0L, 62)) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(std::floor(value));
}

std::string memorySizeText(std::uint64_t bytes) {
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    int unit = -1;
    long double value = static_cast<long double>(bytes);
    while (unit < 3 && value >= 1024) {
        value /= 1024;
        ++unit;
    }
    if (unit < 0) {
        return std::to_string(bytes) + " bytes";
    }
    char text[32];
    if (value == std::floor(value)) {
        std::snprintf(text, sizeof text, "%.0Lf %s", value, units[unit]);
    } else {
        std::snprintf(text, sizeof text, "%.1Lf %s", value, units[unit]);
    }
    return text;
}

} // namespace geolicence
