#include <geolicence/decision_json.h>

#include <nlohmann/json.hpp>

namespace geolicence {

std::string decisionToJson(const Decision& decision, int indent) {
    nlohmann::ordered_json out;
    out["action"] = std::string(toString(decision.action));
    out["decision"] = std::string(toString(decision.verdict));
    out["findings"] = nlohmann::ordered_json::array();
    for (const Finding& finding : decision.findings) {
        auto orNull = [](const std::string& text) {
            return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
        };
        out["findings"].push_back({{"severity", std::string(toString(finding.severity))},
                                   {"layer_id", orNull(finding.layer_id)},
                                   {"layer_name", orNull(finding.layer_name)},
                                   {"licence", orNull(finding.licence)},
                                   {"rule", finding.rule},
                                   {"message", finding.message},
                                   {"cite", orNull(finding.cite)}});
    }
    out["duties"] = nlohmann::ordered_json::array();
    for (const Duty& duty : decision.duties) {
        nlohmann::ordered_json item;
        item["type"] = std::string(toString(duty.type));
        if (!duty.text.empty()) {
            item["text"] = duty.text;
        }
        if (!duty.party.empty()) {
            item["party"] = duty.party;
        }
        if (!duty.aliases.empty()) {
            item["aliases"] = duty.aliases;
        }
        if (duty.date) {
            item["date"] = duty.date->toString();
        }
        item["licence"] = duty.licence;
        item["rule"] = duty.rule;
        item["cite"] = duty.cite;
        item["layers"] = nlohmann::ordered_json::array();
        for (const std::string& layer : duty.layers) {
            if (!layer.empty()) {
                item["layers"].push_back(layer);
            }
        }
        out["duties"].push_back(std::move(item));
    }
    // Replace, never throw, on invalid UTF-8 that came from a project file.
    return out.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace geolicence
