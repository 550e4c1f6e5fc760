#include "binding/json_depth.h"

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

nlohmann::ordered_json parsed(std::string_view json, const std::string& where,
                              const std::string& what) {
    detail::checkJsonDepth(json, where);
    try {
        return nlohmann::ordered_json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse errors, and numbers out of range
        throw InputError(where + ": " + what + " are not valid JSON: " + e.what());
    }
}

nlohmann::ordered_json licencesArray(const std::vector<BoundLicence>& licences) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const BoundLicence& licence : licences) {
        nlohmann::ordered_json item;
        item["licence"] = licence.licence_id;
        item["options"] = nlohmann::ordered_json::parse(optionsToJson(licence.options));
        array.push_back(std::move(item));
    }
    return array;
}

std::vector<BoundLicence> licencesOf(const Catalog& catalog, const nlohmann::ordered_json& array,
                                     const std::string& where, bool allow_empty) {
    const std::string shape =
        where + ": \"licences\" must be a list of {\"licence\": \"<profile id>\", \"options\": "
                "{...}}";
    if (!array.is_array() || (!allow_empty && array.empty())) {
        throw InputError(shape + (array.is_array() ? " with at least one licence" : ""));
    }
    std::vector<BoundLicence> licences;
    for (const auto& item : array) {
        if (!item.is_object() || !item.contains("licence") || !item["licence"].is_string()) {
            throw InputError(shape);
        }
        BoundLicence licence{item["licence"].get<std::string>(), {}};
        const LicenceProfile* profile = catalog.find(licence.licence_id);
        if (profile == nullptr || profile->is_abstract) {
            throw InputError(where + ": licence \"" + licence.licence_id +
                             "\" is not in the catalog (see: geolicence licences list)");
        }
        if (item.contains("options")) {
            licence.options = optionsFromJson(*profile, item["options"].dump(), where);
        }
        addLicence(licences, licence);
    }
    return licences;
}

nlohmann::ordered_json derivedArray(const std::vector<DerivedInput>& inputs) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const DerivedInput& input : inputs) {
        nlohmann::ordered_json item;
        item["source"] = input.source;
        item["licences"] = licencesArray(input.licences);
        item["date"] = input.date;
        item["tool"] = input.tool;
        if (!input.derived_from.empty()) {
            item["derived_from"] = derivedArray(input.derived_from);
        }
        array.push_back(std::move(item));
    }
    return array;
}

std::string textField(const nlohmann::ordered_json& item, const char* name,
                      const std::string& where) {
    if (!item.contains(name)) {
        return "";
    }
    if (!item[name].is_string()) {
        throw InputError(where + ": \"derived_from\" entry field \"" + name + "\" must be a text");
    }
    return item[name].get<std::string>();
}

std::vector<DerivedInput> derivedOf(const Catalog& catalog, const nlohmann::ordered_json& array,
                                    const std::string& where) {
    // The depth is bounded by the text's nesting (checkJsonDepth, before parsing).
    if (!array.is_array()) {
        throw InputError(where + ": \"derived_from\" must be a list of {\"source\", "
                                 "\"licences\", \"date\", \"tool\"}");
    }
    std::vector<DerivedInput> inputs;
    for (const auto& item : array) {
        if (!item.is_object() || !item.contains("source") || !item["source"].is_string()) {
            throw InputError(where + ": each \"derived_from\" entry needs a \"source\" text");
        }
        DerivedInput input;
        input.source = item["source"].get<std::string>();
        input.licences = item.contains("licences")
                             ? licencesOf(catalog, item["licences"], where, true)
                             : std::vector<BoundLicence>{};
        input.date = textField(item, "date", where);
        input.tool = textField(item, "tool", where);
        if (item.contains("derived_from")) {
            input.derived_from = derivedOf(catalog, item["derived_from"], where);
        }
        inputs.push_back(std::move(input));
    }
    return inputs;
}

} // namespace

std::string licencesToJson(const std::vector<BoundLicence>& licences) {
    return licencesArray(licences).dump();
}

std::vector<BoundLicence> licencesFromJson(const Catalog& catalog, std::string_view json,
                                           const std::string& where) {
    return licencesOf(catalog, parsed(json, where, "licences"), where, false);
}

std::string derivedFromToJson(const std::vector<DerivedInput>& inputs) {
    return derivedArray(inputs).dump();
}

std::vector<DerivedInput> derivedFromFromJson(const Catalog& catalog, std::string_view json,
                                              const std::string& where) {
    return derivedOf(catalog, parsed(json, where, "derived_from entries"), where);
}

std::string optionsToJson(const OptionValues& options) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : options) {
        object[name] = valueToJson(value);
    }
    return object.dump();
}

OptionValues optionsFromJson(const LicenceProfile& profile, std::string_view json,
                             const std::string& where) {
    detail::checkJsonDepth(json, where);
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
