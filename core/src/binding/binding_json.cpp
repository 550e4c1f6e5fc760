#include <geolicence/binding_json.h>
#include <geolicence/errors.h>

#include <nlohmann/json.hpp>

namespace geolicence {

namespace {

nlohmann::json valueToJson(const Value& value) {
    if (const bool* flag = std::get_if<bool>(&value)) {
        return *flag;
    }
    if (const double* number = std::get_if<double>(&value)) {
        return *number;
    }
    return toDisplayString(value);
}

} // namespace

std::string optionsToJson(const OptionValues& options) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : options) {
        object[name] = valueToJson(value);
    }
    return object.dump();
}

OptionValues optionsFromJson(const LicenceProfile& profile, std::string_view json,
                             const std::string& where) {
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse errors, and numbers out of range
        throw InputError(where + ": licence options are not valid JSON: " + e.what());
    }
    if (!object.is_object()) {
        throw InputError(where + ": licence options must be a JSON object");
    }
    OptionValues options;
    for (const auto& [name, value] : object.items()) {
        const OptionSpec* spec = profile.findOption(name);
        if (spec == nullptr) {
            throw InputError(where + ": licence " + profile.id + " has no option \"" + name + "\"");
        }
        try {
            if (value.is_boolean() && spec->type == OptionType::Bool) {
                options.emplace(name, value.get<bool>());
            } else if (value.is_number() && spec->type == OptionType::Number) {
                options.emplace(name, value.get<double>());
            } else if (value.is_string()) {
                options.emplace(name, parseOptionValue(profile, *spec, value.get<std::string>()));
            } else {
                throw InputError("option \"" + name + "\" of licence " + profile.id +
                                 " has a value of the wrong type: " + value.dump());
            }
        } catch (const InputError& e) {
            throw InputError(where + ": " + e.what());
        }
    }
    return options;
}

} // namespace geolicence
