#include "clause_cases.h"

#include "test_support.h"

#include <geolicence/context_json.h>

#include <algorithm>
#include <fstream>

namespace geolicence::test {

using nlohmann::json;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string scalarText(const json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

const std::vector<ClauseCase>& clauseCases() {
    static const std::vector<ClauseCase> cases = [] {
        std::ifstream stream(dataPath("clause_cases.json"));
        const json table = json::parse(stream);
        std::vector<ClauseCase> list;
        for (std::size_t i = 0; i < table.size(); ++i) {
            list.push_back({i, table[i]});
        }
        return list;
    }();
    return cases;
}

LayerInput caseLayer(const Catalog& catalog, const json& data) {
    const std::string licence = data.at("licence");
    const LicenceProfile* profile = catalog.find(licence);
    if (profile == nullptr) {
        throw std::runtime_error("unknown licence " + licence);
    }
    LayerInput layer{"layer-1", "Test layer", LicenceBinding{licence, {}, "test"}, {}};
    const json options = data.value("options", json::object());
    for (const auto& [name, value] : options.items()) {
        const OptionSpec* spec = profile->findOption(name);
        if (spec == nullptr) {
            throw std::runtime_error("licence " + licence + " has no option " + name);
        }
        layer.binding->options.insert_or_assign(
            name, parseOptionValue(*profile, *spec, scalarText(value)));
    }
    const json facts = data.value("layer", json::object());
    if (facts.contains("within_territory")) {
        layer.facts.within_territory = facts["within_territory"].get<bool>();
    }
    if (facts.contains("contains_personal_data")) {
        layer.facts.contains_personal_data = facts["contains_personal_data"].get<bool>();
    }
    return layer;
}

EvaluationRequest caseRequest(const json& data) {
    EvaluationRequest request;
    request.action = parseAction(data.at("action").get<std::string>()).value();
    // The same reader as `--context FILE.json`, so the table speaks the CLI's vocabulary.
    request.context = contextFromJson(data.value("context", json::object()).dump(), "case");
    // A fixed date keeps the table deterministic; cases about expiry give their own.
    if (!request.context.date) {
        request.context.date = Date::parse("2026-06-01");
    }
    return request;
}

Decision runCase(const Catalog& catalog, const json& data) {
    return evaluate(catalog, caseRequest(data), {caseLayer(catalog, data)});
}

// Returns what in the decision contradicts the case's expectations; empty when it matches.
std::vector<std::string> mismatches(const json& data, const Decision& decision) {
    std::vector<std::string> problems;
    const json& expect = data.at("expect");
    const std::string decided(toString(decision.verdict));
    if (expect.at("decision") != decided) {
        problems.push_back("decision is " + decided);
    }
    for (const json& wanted : expect.value("duties", json::array())) {
        const bool found =
            std::any_of(decision.duties.begin(), decision.duties.end(), [&](const Duty& duty) {
                return toString(duty.type) == wanted.at("type").get<std::string>() &&
                       (!wanted.contains("text") || duty.text == wanted["text"]) &&
                       (!wanted.contains("party") || duty.party == wanted["party"]) &&
                       (!wanted.contains("date") ||
                        (duty.date && duty.date->toString() == wanted["date"]));
            });
        if (!found) {
            problems.push_back("duty missing: " + wanted.dump());
        }
    }
    for (const json& type : expect.value("absent_duties", json::array())) {
        for (const Duty& duty : decision.duties) {
            if (toString(duty.type) == type.get<std::string>()) {
                problems.push_back("duty owed but must not be: " + type.dump() + " " + duty.text);
            }
        }
    }
    for (const json& wanted : expect.value("findings", json::array())) {
        const bool found = std::any_of(
            decision.findings.begin(), decision.findings.end(), [&](const Finding& finding) {
                return finding.rule == wanted.at("rule").get<std::string>() &&
                       (!wanted.contains("severity") ||
                        toString(finding.severity) == wanted["severity"].get<std::string>());
            });
        if (!found) {
            problems.push_back("finding missing: " + wanted.dump());
        }
    }
    for (const json& forbidden : expect.value("no_text_contains", json::array())) {
        const std::string needle = lower(forbidden.get<std::string>());
        for (const Duty& duty : decision.duties) {
            if (lower(duty.text).find(needle) != std::string::npos ||
                (duty.type != DutyType::NoEndorsement &&
                 lower(duty.party).find(needle) != std::string::npos)) {
                problems.push_back("duty names " + forbidden.dump() + ": " + duty.text);
            }
        }
    }
    return problems;
}

} // namespace geolicence::test
