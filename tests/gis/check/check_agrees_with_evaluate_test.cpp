// `check` on a dataset bound to a licence decides every rule-book situation the way
// `evaluate` does: the binding carried by the file loses nothing on the way.
#include "clause_cases.h"
#include "test_support.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/dataset_check.h>

#include <gtest/gtest.h>

#include <fstream>

namespace geolicence::test {
namespace {

std::vector<std::string> summary(const Decision& decision) {
    std::vector<std::string> lines{std::string(toString(decision.verdict))};
    for (const Finding& finding : decision.findings) {
        lines.push_back(std::string(toString(finding.severity)) + " " + finding.rule);
    }
    for (const Duty& duty : decision.duties) {
        lines.push_back(std::string(toString(duty.type)) + " " + duty.text + " " +
                        (duty.date ? duty.date->toString() : ""));
    }
    return lines;
}

TEST(CheckAgreesWithEvaluate, OnEveryClauseCaseWithoutLayerFacts) {
    const std::string dir = makeTempDir();
    std::size_t compared = 0;
    for (const ClauseCase& c : clauseCases()) {
        if (c.data.contains("layer")) {
            continue; // facts about the layer are measured, not carried by a binding
        }
        const std::string dataset = dir + "/case" + std::to_string(c.index) + ".geojson";
        std::ofstream(dataset) << R"({"type": "FeatureCollection", "features": []})";
        const LayerInput layer = caseLayer(bundledCatalog(), c.data);
        writeDatasetLicence(dataset, DatasetLicence{*layer.binding, {}}, bundledCatalog());

        CheckRequest request;
        request.evaluation = caseRequest(c.data);
        const CheckResult checked = checkDataset(dataset, bundledCatalog(), request);
        const Decision evaluated = evaluate(bundledCatalog(), request.evaluation, {layer});
        EXPECT_EQ(summary(checked.decision), summary(evaluated))
            << c.data["clause"] << ": " << c.data.value("name", "");
        ++compared;
    }
    EXPECT_GT(compared, 100U);
}

} // namespace
} // namespace geolicence::test
