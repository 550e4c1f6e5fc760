#include <geolicence/context_json.h>
#include <geolicence/errors.h>

#include <nlohmann/json.hpp>

#include <cmath>

namespace geolicence {

namespace {
std::optional<bool>* contextFlag(Context& context, const std::string& key) {
    if (key == "downloadable") {
        return &context.downloadable;
    }
    if (key == "combined_with_own_data") {
        return &context.combined_with_own_data;
    }
    if (key == "reproduces_data") {
        return &context.reproduces_data;
    }
    return nullptr;
}
} // namespace

Context contextFromJson(std::string_view json, const std::string& where) {
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse errors, and numbers out of range
        throw InputError(where + ": not valid JSON: " + e.what());
    }
    if (!object.is_object()) {
        throw InputError(where + ": the context must be a JSON object");
    }
    auto fail = [&](const std::string& key, const std::string& problem) {
        throw InputError(where + ": \"" + key + "\" " + problem);
    };
    Context context;
    for (const auto& [key, value] : object.items()) {
        if (key == "purpose" || key == "recipient") {
            if (!value.is_string()) {
                fail(key, "must be a string");
            }
            const std::string word = value.get<std::string>();
            const bool known = key == "purpose" ? isPurpose(word) : isRecipient(word);
            if (!known) {
                std::string allowed;
                if (key == "purpose") {
                    for (auto p : kPurposes) {
                        allowed += (allowed.empty() ? "" : ", ") + std::string(p);
                    }
                } else {
                    for (auto r : kRecipients) {
                        allowed += (allowed.empty() ? "" : ", ") + std::string(r);
                    }
                }
                fail(key, "is \"" + word + "\"; expected one of " + allowed);
            }
            (key == "purpose" ? context.purpose : context.recipient) = word;
        } else if (key == "cell_size_m") {
            if (!value.is_number() || !std::isfinite(value.get<double>()) ||
                value.get<double>() < 0) {
                fail(key, "must be a number of metres, 0 or more");
            }
            context.cell_size_m = value.get<double>();
        } else if (key == "date") {
            const auto date =
                value.is_string() ? Date::parse(value.get<std::string>()) : std::nullopt;
            if (!date) {
                fail(key, "must be a date \"YYYY-MM-DD\"");
            }
            context.date = date;
        } else if (std::optional<bool>* flag = contextFlag(context, key)) {
            if (!value.is_boolean()) {
                fail(key, "must be true or false");
            }
            *flag = value.get<bool>();
        } else {
            fail(key, "is not a context key (purpose, recipient, cell_size_m, date, "
                      "downloadable, combined_with_own_data, reproduces_data)");
        }
    }
    return context;
}

} // namespace geolicence
