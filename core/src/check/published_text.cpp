#include <geolicence/detail/ascii_case.h>
#include <geolicence/published_text.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace geolicence {

namespace {

// UTF-8 sequences dropped or replaced when comparing (see the header).
struct Replacement {
    const char* from;
    const char* to;
};
constexpr Replacement kReplacements[] = {
    {"\xC2\xA0", ""},        // no-break space
    {"\xC2\xAD", ""},        // soft hyphen
    {"\xE2\x80\x89", ""},    // thin space
    {"\xE2\x80\xAF", ""},    // narrow no-break space
    {"\xEF\xAC\x80", "ff"},  // U+FB00
    {"\xEF\xAC\x81", "fi"},  // U+FB01
    {"\xEF\xAC\x82", "fl"},  // U+FB02
    {"\xEF\xAC\x83", "ffi"}, // U+FB03
    {"\xEF\xAC\x84", "ffl"}, // U+FB04
    {"\xEF\xAC\x85", "st"},  // U+FB05
    {"\xEF\xAC\x86", "st"},  // U+FB06
};

std::string normalize(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isspace(c) == 0 && c >= ' ') {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        bool replaced = false;
        for (const Replacement& r : kReplacements) {
            const std::size_t length = std::char_traits<char>::length(r.from);
            if (text.compare(i, length, r.from) == 0) {
                out += r.to;
                i += length;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out += text[i];
            ++i;
        }
    }
    return out;
}

} // namespace

PublishedText::PublishedText(std::string name, const std::vector<std::string>& readings)
    : name_(std::move(name)) {
    for (const std::string& reading : readings) {
        normalized_.push_back(normalize(reading));
    }
}

bool PublishedText::empty() const {
    return std::all_of(normalized_.begin(), normalized_.end(),
                       [](const std::string& reading) { return reading.empty(); });
}

bool PublishedText::shows(const std::string& text) const {
    const std::string wanted = normalize(text);
    if (wanted.empty()) {
        return true;
    }
    return std::any_of(normalized_.begin(), normalized_.end(), [&](const std::string& reading) {
        return reading.find(wanted) != std::string::npos;
    });
}

bool PublishedText::mentions(const std::string& name) const {
    const std::string wanted = detail::lowerAscii(normalize(name));
    if (wanted.empty()) {
        return false;
    }
    return std::any_of(normalized_.begin(), normalized_.end(), [&](const std::string& reading) {
        return detail::lowerAscii(reading).find(wanted) != std::string::npos;
    });
}

} // namespace geolicence
