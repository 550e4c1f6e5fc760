// Every clause of the rule book (the one the profiles cite, README.md) is proven by cases in
// tests/data/clause_cases.json, and each clause's cases must break when that clause's rules
// are removed from the profiles: a test that still passes without its rule proves nothing.
#include "clause_cases.h"
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
