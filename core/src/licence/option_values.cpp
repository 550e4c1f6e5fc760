#include "licence/known_options.h"

#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>
#include <geolicence/option_values.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace geolicence {

namespace {

std::string declaredOptionNames(const LicenceProfile& profile) {
    std::string names;
    for (const OptionSpec& option : profile.options) {
        names += names.empty() ? "" : ", ";
        names += option.name;
    }
    return names.empty() ? "none" : names;
}

const OptionSpec& declaredOption(const LicenceProfile& profile, std::string_view name) {
    const OptionSpec* spec = profile.findOption(name);
    if (spec == nullptr) {
        throw InputError("licence " + profile.id + " has no option \"" + std::string(name) +
                         "\" (its options: " + declaredOptionNames(profile) + ")");
    }
    return *spec;
}

[[noreturn]] void badValue(const LicenceProfile& profile, const OptionSpec& spec,
                           std::string_view text, const std::string& expected) {
    throw InputError("option \"" + spec.name + "\" of licence " + profile.id + " expects " +
                     expected + ", got \"" + std::string(text) + "\"");
}

bool matchesType(const OptionSpec& spec, const Value& value) {
    switch (spec.type) {
    case OptionType::Bool:
        return std::holds_alternative<bool>(value);
    case OptionType::Number:
        return std::holds_alternative<double>(value);
    case OptionType::Date:
        return std::holds_alternative<Date>(value);
    case OptionType::String:
        return std::holds_alternative<std::string>(value);
    case OptionType::Enum:
        return std::holds_alternative<std::string>(value) &&
               std::find(spec.values.begin(), spec.values.end(), std::get<std::string>(value)) !=
                   spec.values.end();
    }
    return false;
}

} // namespace

Value parseOptionValue(const LicenceProfile& profile, const OptionSpec& spec,
                       std::string_view text) {
    switch (spec.type) {
    case OptionType::Bool: {
        const std::string word = detail::lowerAscii(text);
        if (word == "true" || word == "yes" || word == "1" || word == "ja") {
            return true;
        }
        if (word == "false" || word == "no" || word == "0" || word == "nee") {
            return false;
        }
        badValue(profile, spec, text, "true or false");
    }
    case OptionType::Date: {
        const auto date = Date::parse(text);
        if (!date) {
            badValue(profile, spec, text, "a date YYYY-MM-DD");
        }
        return *date;
    }
    case OptionType::Number: {
        const std::string copy(text);
        char* end = nullptr;
        errno = 0;
        const double number = std::strtod(copy.c_str(), &end);
        if (copy.empty() || end != copy.c_str() + copy.size() || errno != 0 ||
            !std::isfinite(number)) {
            badValue(profile, spec, text, "a number");
        }
        return number;
    }
    case OptionType::Enum: {
        if (std::find(spec.values.begin(), spec.values.end(), text) == spec.values.end()) {
            std::string allowed;
            for (const std::string& value : spec.values) {
                allowed += allowed.empty() ? "" : "|";
                allowed += value;
            }
            badValue(profile, spec, text, "one of " + allowed);
        }
        return std::string(text);
    }
    case OptionType::String:
        if (text.empty()) {
            badValue(profile, spec, text, "a non-empty text");
        }
        return std::string(text);
    }
    return std::string(text);
}

OptionValues parseOptionAssignments(const LicenceProfile& profile,
                                    const std::vector<std::string>& assignments) {
    OptionValues values;
    for (const std::string& assignment : assignments) {
        const auto equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw InputError("option \"" + assignment + "\" is not of the form NAME=VALUE");
        }
        const std::string name = assignment.substr(0, equals);
        const OptionSpec& spec = declaredOption(profile, name);
        values.insert_or_assign(name,
                                parseOptionValue(profile, spec, assignment.substr(equals + 1)));
    }
    return values;
}

std::vector<std::string> checkOptionValues(const LicenceProfile& profile,
                                           const OptionValues& values) {
    std::vector<std::string> problems;
    for (const auto& [name, value] : values) {
        const OptionSpec* spec = profile.findOption(name);
        if (spec == nullptr) {
            problems.push_back("licence " + profile.id + " has no option \"" + name +
                               "\" (its options: " + declaredOptionNames(profile) + ")");
        } else if (!matchesType(*spec, value)) {
            problems.push_back("option \"" + name + "\" of licence " + profile.id +
                               " has the wrong type: expected " +
                               std::string(toString(spec->type)) + ", got \"" +
                               toDisplayString(value) + "\"");
        }
    }
    return problems;
}

} // namespace geolicence
