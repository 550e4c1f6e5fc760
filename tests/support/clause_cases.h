#pragma once

#include <geolicence/catalog.h>
#include <geolicence/evaluation.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace geolicence::test {

// The rule-book table tests/data/clause_cases.json: one situation per entry and what the
// licence says about it.
struct ClauseCase {
    std::size_t index = 0;
    nlohmann::json data;
};

const std::vector<ClauseCase>& clauseCases();

// The licence binding and the evaluation request a case describes.
LayerInput caseLayer(const Catalog& catalog, const nlohmann::json& data);
EvaluationRequest caseRequest(const nlohmann::json& data);

Decision runCase(const Catalog& catalog, const nlohmann::json& data);

// What in the decision contradicts the case's expectations; empty when it matches.
std::vector<std::string> mismatches(const nlohmann::json& data, const Decision& decision);

} // namespace geolicence::test
