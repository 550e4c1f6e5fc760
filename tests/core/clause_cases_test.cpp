// Every clause of the rule book (shared/LICENCES.md) is proven by cases in
// tests/data/clause_cases.json, and each clause's cases must break when that clause's rules
// are removed from the profiles: a test that still passes without its rule proves nothing.
#include "test_support.h"

#include <geolicence/bundled_resources.h>
#include <geolicence/evaluation.h>
#include <geolicence/profile_parser.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace geolicence::test {
namespace {

using nlohmann::json;

const std::vector<std::string>& ruleBookClauses() {
    static const std::vector<std::string> clauses = {
        "N1",     "N2",     "N3",     "N4",      "N5",      "N6",      "N7",        "N8",
        "N9",     "N10",    "G0",     "G1",      "G2",      "G3",      "Art. 5",    "Art. 6",
        "Art. 7", "Art. 8", "Art. 9", "Art. 10", "Art. 11", "L1",      "L2",        "L3",
        "L4",     "L5",     "L6",     "V1",      "V2",      "V3",      "V4",        "D1",
        "D2",     "D3",     "D4",     "D5",      "D6",      "CC0-1.0", "CC-BY-4.0", "ODbL-1.0"};
    return clauses;
}

struct ClauseCase {
    std::size_t index = 0;
    json data;
};

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

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string scalarText(const json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

Decision runCase(const Catalog& catalog, const json& data) {
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
    EvaluationRequest request;
    request.action = parseAction(data.at("action").get<std::string>()).value();
    const json context = data.value("context", json::object());
    if (context.contains("purpose")) {
        request.context.purpose = context["purpose"].get<std::string>();
    }
    if (context.contains("recipient")) {
        request.context.recipient = context["recipient"].get<std::string>();
    }
    if (context.contains("cell_size_m")) {
        request.context.cell_size_m = context["cell_size_m"].get<double>();
    }
    // A fixed date keeps the table deterministic; cases about expiry give their own.
    request.context.date = Date::parse(context.value("date", "2026-06-01")).value();
    if (context.contains("downloadable")) {
        request.context.downloadable = context["downloadable"].get<bool>();
    }
    if (context.contains("combined_with_own_data")) {
        request.context.combined_with_own_data = context["combined_with_own_data"].get<bool>();
    }
    return evaluate(catalog, request, {layer});
}

// Returns what in the decision contradicts the case's expectations; empty when it matches.
std::vector<std::string> mismatches(const json& data, const Decision& decision) {
    std::vector<std::string> problems;
    const json& expect = data.at("expect");
    const std::string decided = decision.permitted ? "permitted" : "prohibited";
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

class ClauseCaseTest : public ::testing::TestWithParam<ClauseCase> {};

TEST_P(ClauseCaseTest, DecisionAndDutiesMatchTheRuleBook) {
    const json& data = GetParam().data;
    SCOPED_TRACE(data.at("clause").get<std::string>() + ": " + data.value("name", ""));
    const Decision decision = runCase(bundledCatalog(), data);
    for (const std::string& problem : mismatches(data, decision)) {
        ADD_FAILURE() << problem;
    }
}

std::string caseName(const ::testing::TestParamInfo<ClauseCase>& info) {
    std::string name =
        info.param.data.at("clause").get<std::string>() + "_" + std::to_string(info.param.index);
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(RuleBook, ClauseCaseTest, ::testing::ValuesIn(clauseCases()), caseName);

TEST(ClauseTable, EveryRuleBookClauseHasCases) {
    for (const std::string& clause : ruleBookClauses()) {
        const bool covered =
            std::any_of(clauseCases().begin(), clauseCases().end(),
                        [&](const ClauseCase& c) { return c.data.at("clause") == clause; });
        EXPECT_TRUE(covered) << "no case for clause " << clause;
    }
}

// The bundled catalog without the rules that encode `clause`.
Catalog catalogWithout(const std::string& clause) {
    CatalogBuilder builder;
    for (const bundled::EmbeddedFile& file : bundled::licenceProfiles()) {
        LicenceProfile profile = parseProfile(file.content, std::string(file.name));
        profile.rules.erase(std::remove_if(profile.rules.begin(), profile.rules.end(),
                                           [&](const Rule& rule) { return rule.clause == clause; }),
                            profile.rules.end());
        builder.addProfile(std::move(profile));
    }
    return builder.build();
}

class ClauseMutationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ClauseMutationTest, CasesFailWhenTheClauseRulesAreRemoved) {
    const std::string& clause = GetParam();
    const Catalog mutated = catalogWithout(clause);
    std::size_t cases = 0;
    std::size_t broken = 0;
    for (const ClauseCase& c : clauseCases()) {
        if (c.data.at("clause") != clause) {
            continue;
        }
        ++cases;
        if (!mismatches(c.data, runCase(mutated, c.data)).empty()) {
            ++broken;
        }
    }
    ASSERT_GT(cases, 0U) << "no case for clause " << clause;
    EXPECT_GT(broken, 0U) << "removing every rule of clause " << clause
                          << " breaks none of its cases: they do not test it";
}

std::string clauseName(const ::testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(RuleBook, ClauseMutationTest, ::testing::ValuesIn(ruleBookClauses()),
                         clauseName);

} // namespace
} // namespace geolicence::test
