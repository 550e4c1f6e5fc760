#include "profile_json.h"

namespace geolicence::cli {

namespace {

nlohmann::ordered_json localized(const LocalizedText& text) {
    return {{"nl", text.nl}, {"en", text.en}};
}

nlohmann::ordered_json valueJson(const Value& value) {
    if (const bool* flag = std::get_if<bool>(&value)) {
        return *flag;
    }
    if (const double* number = std::get_if<double>(&value)) {
        return *number;
    }
    return toDisplayString(value);
}

std::string_view operatorText(Operator op) {
    switch (op) {
    case Operator::Eq:
        return "=";
    case Operator::Neq:
        return "!=";
    case Operator::Lt:
        return "<";
    case Operator::Lteq:
        return "<=";
    case Operator::Gt:
        return ">";
    case Operator::Gteq:
        return ">=";
    case Operator::IsAnyOf:
        return "in";
    case Operator::IsNoneOf:
        return "not in";
    case Operator::IsSet:
        return "is set";
    case Operator::IsNotSet:
        return "is not set";
    }
    return "?";
}

} // namespace

std::string constraintToText(const Constraint& constraint) {
    std::string text = constraint.left.text + " " + std::string(operatorText(constraint.op));
    if (constraint.right) {
        return text + " " + constraint.right->text;
    }
    if (constraint.op == Operator::IsAnyOf || constraint.op == Operator::IsNoneOf) {
        std::string list;
        for (const Value& value : constraint.values) {
            list += list.empty() ? "" : ", ";
            list += toDisplayString(value);
        }
        return text + " [" + list + "]";
    }
    if (!constraint.values.empty()) {
        text += " " + toDisplayString(constraint.values.front());
    }
    return text;
}

nlohmann::ordered_json profileSummaryJson(const LicenceProfile& profile) {
    return {{"id", profile.id},
            {"version", profile.version},
            {"title", localized(profile.title)},
            {"licensor", profile.licensor},
            {"source", {{"document", profile.source_document}, {"date", profile.source_date}}},
            {"file", profile.origin ? profile.origin->file : ""}};
}

nlohmann::ordered_json profileJson(const LicenceProfile& profile) {
    nlohmann::ordered_json out = profileSummaryJson(profile);
    if (!profile.licence_url.empty()) {
        out["licence_url"] = profile.licence_url;
    }
    out["options"] = nlohmann::ordered_json::array();
    for (const OptionSpec& option : profile.options) {
        nlohmann::ordered_json item = {{"name", option.name},
                                       {"type", std::string(toString(option.type))},
                                       {"meaning", localized(option.meaning)}};
        if (!option.values.empty()) {
            item["values"] = option.values;
        }
        if (option.default_value) {
            item["default"] = valueJson(*option.default_value);
        }
        item["required"] = option.required;
        out["options"].push_back(std::move(item));
    }
    out["rules"] = nlohmann::ordered_json::array();
    for (const Rule& rule : profile.rules) {
        nlohmann::ordered_json actions = nlohmann::ordered_json::array();
        for (Action action : kAllActions) {
            if (rule.actions.contains(action)) {
                actions.push_back(std::string(toString(action)));
            }
        }
        nlohmann::ordered_json constraints = nlohmann::ordered_json::array();
        for (const Constraint& constraint : rule.constraints) {
            constraints.push_back(constraintToText(constraint));
        }
        nlohmann::ordered_json duties = nlohmann::ordered_json::array();
        for (const DutySpec& duty : rule.duties) {
            nlohmann::ordered_json item = {{"type", std::string(toString(duty.type))}};
            if (duty.text) {
                item["text"] = localized(*duty.text);
            }
            if (!duty.text_option.empty()) {
                item["text_option"] = duty.text_option;
            }
            if (!duty.date_option.empty()) {
                item["date_option"] = duty.date_option;
            }
            if (!duty.party.empty()) {
                item["party"] = duty.party;
            }
            duties.push_back(std::move(item));
        }
        out["rules"].push_back({{"id", rule.id},
                                {"clause", rule.clause},
                                {"type", std::string(toString(rule.type))},
                                {"actions", actions},
                                {"constraints", constraints},
                                {"duties", duties},
                                {"cite", rule.cite},
                                {"message", localized(rule.message)}});
    }
    return out;
}

} // namespace geolicence::cli
