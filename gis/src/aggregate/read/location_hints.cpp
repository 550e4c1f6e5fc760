#include "aggregate/read/location_hints.h"

#include <geolicence/detail/ascii_case.h>

#include <array>
#include <cctype>
#include <cmath>

namespace geolicence::detail {

namespace {

struct NameHint {
    std::string_view token;
    std::string_view meaning;
};

constexpr std::array<NameHint, 42> kNameHints = {{
    {"x", "a coordinate"},
    {"y", "a coordinate"},
    {"lat", "a coordinate"},
    {"lon", "a coordinate"},
    {"lng", "a coordinate"},
    {"long", "a coordinate"},
    {"latitude", "a coordinate"},
    {"longitude", "a coordinate"},
    {"breedtegraad", "a coordinate"},
    {"lengtegraad", "a coordinate"},
    {"coord", "a coordinate"},
    {"coords", "a coordinate"},
    {"coordinate", "a coordinate"},
    {"coordinates", "a coordinate"},
    {"coordinaat", "a coordinate"},
    {"coordinaten", "a coordinate"},
    {"easting", "a coordinate"},
    {"northing", "a coordinate"},
    {"xcoord", "a coordinate"},
    {"ycoord", "a coordinate"},
    {"rdx", "a coordinate"},
    {"rdy", "a coordinate"},
    {"gps", "a coordinate"},
    {"address", "an address"},
    {"adres", "an address"},
    {"street", "an address"},
    {"straat", "an address"},
    {"straatnaam", "an address"},
    {"streetname", "an address"},
    {"huisnummer", "an address"},
    {"huisnr", "an address"},
    {"housenumber", "an address"},
    {"postcode", "a postcode"},
    {"postal", "a postcode"},
    {"zip", "a postcode"},
    {"zipcode", "a postcode"},
    {"pc6", "a postcode"},
    {"geom", "a geometry"},
    {"geometry", "a geometry"},
    {"wkt", "a geometry"},
    {"perceel", "a parcel"},
    {"parcel", "a parcel"},
}};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// Dutch postcode: 4 digits (not starting with 0), optional space, 2 letters.
bool looksLikePostcode(std::string_view text) {
    std::string compact;
    for (char c : text) {
        if (c != ' ') {
            compact += c;
        }
    }
    return compact.size() == 6 && compact[0] >= '1' && isDigit(compact[0]) && isDigit(compact[1]) &&
           isDigit(compact[2]) && isDigit(compact[3]) && isLetter(compact[4]) &&
           isLetter(compact[5]);
}

// Last words of street names (Dutch, then English), so that "Dorpsstraat 12" counts and a
// numbered category ("soort 12", "plot 3") does not.
constexpr std::array<std::string_view, 30> kStreetEndings = {
    "straat",    "weg",   "laan",   "plein",     "gracht", "kade",    "dijk", "singel",
    "steeg",     "hof",   "dreef",  "markt",     "ring",   "baan",    "pad",  "wal",
    "plantsoen", "park",  "erf",    "boulevard", "allee",  "street",  "road", "avenue",
    "lane",      "drive", "square", "way",       "rue",    "chaussee"};

// "Dorpsstraat 12", "Kerkweg 3a": a street name, a space, then a house number (with a suffix).
bool looksLikeAddress(std::string_view text) {
    const std::size_t space = text.find_last_of(' ');
    if (space == std::string_view::npos || space == 0 || space + 1 >= text.size()) {
        return false;
    }
    const std::string_view number = text.substr(space + 1);
    if (!isDigit(number[0]) || number.size() > 8) {
        return false;
    }
    const std::string street = detail::lowerAscii(text.substr(0, space));
    for (std::string_view ending : kStreetEndings) {
        if (street.size() >= ending.size() &&
            street.compare(street.size() - ending.size(), ending.size(), ending) == 0) {
            return true;
        }
    }
    return false;
}

// "52.0907, 5.1214", "POINT (155000 463000)", or a real with four or more decimals.
bool looksLikeCoordinateText(std::string_view text) {
    const std::string low = detail::lowerAscii(text);
    if (low.rfind("point", 0) == 0) {
        return true;
    }
    int numbers = 0;
    int long_fractions = 0;
    std::size_t i = 0;
    while (i < low.size()) {
        if (isDigit(low[i]) || low[i] == '-') {
            std::size_t j = i + 1;
            while (j < low.size() && isDigit(low[j])) {
                ++j;
            }
            if (j < low.size() && low[j] == '.') {
                std::size_t k = j + 1;
                while (k < low.size() && isDigit(low[k])) {
                    ++k;
                }
                long_fractions += (k - j - 1) >= 4 ? 1 : 0;
                j = k;
            }
            ++numbers;
            i = j;
        } else if (low[i] == ',' || low[i] == ' ' || low[i] == ';') {
            ++i;
        } else {
            return false;
        }
    }
    return numbers == 2 && long_fractions >= 1;
}

} // namespace

std::optional<std::string> locationRevealingName(std::string_view name) {
    const std::string low = detail::lowerAscii(name);
    std::size_t start = 0;
    while (start <= low.size()) {
        std::size_t end = start;
        while (end < low.size() && std::isalnum(static_cast<unsigned char>(low[end])) != 0) {
            ++end;
        }
        const std::string_view token(low.data() + start, end - start);
        for (const NameHint& hint : kNameHints) {
            if (token == hint.token) {
                return "its name suggests " + std::string(hint.meaning);
            }
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string> locationRevealingValues(const std::vector<GroupValue>& values) {
    std::size_t seen = 0;
    std::size_t postcodes = 0;
    std::size_t addresses = 0;
    std::size_t coordinates = 0;
    for (const GroupValue& value : values) {
        if (seen >= 10000) {
            break;
        }
        if (const auto* text = std::get_if<std::string>(&value)) {
            ++seen;
            postcodes += looksLikePostcode(*text) ? 1 : 0;
            addresses += looksLikeAddress(*text) ? 1 : 0;
            coordinates += looksLikeCoordinateText(*text) ? 1 : 0;
        } else if (const auto* real = std::get_if<double>(&value)) {
            ++seen;
            // A position has four or more decimals; a measurement or a class rarely does.
            const double thousandths = *real * 1000;
            coordinates += std::fabs(thousandths - std::round(thousandths)) > 1e-6 ? 1 : 0;
        } else if (std::holds_alternative<std::int64_t>(value)) {
            ++seen;
        }
    }
    if (seen == 0) {
        return std::nullopt;
    }
    const auto most = [seen](std::size_t matches) { return matches * 2 > seen; };
    if (most(postcodes)) {
        return std::string("its values look like postcodes");
    }
    if (most(addresses)) {
        return std::string("its values look like street addresses");
    }
    if (most(coordinates)) {
        return std::string("its values look like coordinates");
    }
    return std::nullopt;
}

} // namespace geolicence::detail
