// The engine on a layer under several licences (derived or combined data): every licence is
// applied, the strictest verdict wins, duties are the union, and each finding names its licence.
#include "test_support.h"

#include <geolicence/derivation.h>
#include <geolicence/evaluation.h>
#include <geolicence/precision_claim.h>
#include <geolicence/rule_ids.h>

#include <gtest/gtest.h>

#include <algorithm>

namespace geolicence::test {
namespace {

const std::string kGrbText =
    "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";

BoundLicence grbArt10() {
    return {"grb-art10-commercieel",
            {{"publication_right", true}, {"valid_until", *Date::parse("2099-12-31")}}};
}

BoundLicence grbArt9() {
    return {"grb-art9-onderzoek",
            {{"publication_right", true}, {"valid_until", *Date::parse("2099-12-31")}}};
}

LayerInput layerUnder(std::vector<BoundLicence> licences, std::vector<DerivedInput> from = {}) {
    LayerInput layer{"join", "Join", LicenceBinding{std::move(licences), "test", {}}, {}};
    layer.binding->derived_from = std::move(from);
    return layer;
}

Decision publish(const LayerInput& layer, Context context = {}) {
    EvaluationRequest request;
    request.action = Action::Publish;
    request.context = std::move(context);
    request.context.date = Date::parse("2026-12-01");
    request.context.purpose = "research";
    return evaluate(bundledCatalog(), request, {layer});
}

std::vector<std::string> attributions(const Decision& decision) {
    std::vector<std::string> texts;
    for (const Duty& duty : decision.duties) {
        if (duty.type == DutyType::Attribute) {
            texts.push_back(duty.text);
        }
    }
    return texts;
}

TEST(SeveralLicencesEvaluation, TheSameAttributionOwedUnderTwoLicencesIsOwedOnce) {
    const Decision decision = publish(layerUnder({grbArt10(), grbArt9()}));
    EXPECT_EQ(decision.verdict, Verdict::Permitted);
    EXPECT_EQ(attributions(decision), std::vector<std::string>{kGrbText});
}

TEST(SeveralLicencesEvaluation, DutiesKeepTheOrderOfTheLicences) {
    const BoundLicence odbl{"odbl-1.0", {}};
    const BoundLicence ccby{"cc-by-4.0", {{"attribution", std::string("© Kadaster")}}};
    EXPECT_EQ(attributions(publish(layerUnder({odbl, ccby}))),
              (std::vector<std::string>{"© OpenStreetMap contributors", "© Kadaster"}));
    EXPECT_EQ(attributions(publish(layerUnder({ccby, odbl}))),
              (std::vector<std::string>{"© Kadaster", "© OpenStreetMap contributors"}));
}

TEST(SeveralLicencesEvaluation, TheVerdictDoesNotDependOnTheOrderOfTheLicences) {
    const BoundLicence ndff{"ndff-uitvoerportaal", {{"role", std::string("subscriber")}}};
    Context exact;
    exact.cell_size_m = 0.0;
    const Decision one = publish(layerUnder({ndff, grbArt10()}), exact);
    const Decision other = publish(layerUnder({grbArt10(), ndff}), exact);
    EXPECT_EQ(one.verdict, Verdict::Prohibited);
    EXPECT_EQ(other.verdict, Verdict::Prohibited);
    // Each finding names the licence it rests on.
    for (const Decision* decision : {&one, &other}) {
        const auto n4 =
            std::find_if(decision->findings.begin(), decision->findings.end(),
                         [](const Finding& f) { return f.rule == "n4-no-exact-publish"; });
        ASSERT_NE(n4, decision->findings.end());
        EXPECT_EQ(n4->licence, "ndff-uitvoerportaal");
        EXPECT_EQ(attributions(*decision), std::vector<std::string>{kGrbText})
            << "GRB's attribution is listed even though NDFF prohibits";
    }
}

TEST(SeveralLicencesEvaluation, AnUnknownLicenceAmongSeveralProhibitsAndTheOthersAreStillJudged) {
    const Decision decision = publish(layerUnder({{"made-up", {}}, grbArt10()}));
    EXPECT_EQ(decision.verdict, Verdict::Prohibited);
    const auto unknown = std::find_if(decision.findings.begin(), decision.findings.end(),
                                      [](const Finding& f) { return f.rule == "unknown-licence"; });
    ASSERT_NE(unknown, decision.findings.end());
    EXPECT_EQ(unknown->licence, "made-up");
    EXPECT_EQ(attributions(decision), std::vector<std::string>{kGrbText});
}

TEST(SeveralLicencesEvaluation, AnUnlicensedSourceOfDerivedDataIsAWarningNamingIt) {
    const DerivedInput licensed{"gebouwen.geojson", {grbArt10()}, "2026-12-01", "t", {}};
    DerivedInput unlicensed{"eigen.geojson", {}, "2026-12-01", "t", {}};
    DerivedInput deeper{"tussen.gpkg", {grbArt10()}, "2026-12-01", "t", {}};
    deeper.derived_from.push_back(DerivedInput{"oud.shp", {}, "2026-11-01", "t", {}});
    const Decision decision = publish(layerUnder({grbArt10()}, {licensed, unlicensed, deeper}));
    std::vector<std::string> named;
    for (const Finding& finding : decision.findings) {
        if (finding.rule == "unlicensed-source") {
            EXPECT_EQ(finding.severity, Severity::Warning);
            named.push_back(finding.message);
        }
    }
    ASSERT_EQ(named.size(), 2U) << "the direct and the deeper unlicensed input";
    EXPECT_NE(named[0].find("eigen.geojson"), std::string::npos) << named[0];
    EXPECT_NE(named[1].find("oud.shp"), std::string::npos) << named[1];
    EXPECT_TRUE(decision.hasWarnings()) << "--strict fails on it";

    const Decision clean = publish(layerUnder({grbArt10()}, {licensed}));
    EXPECT_FALSE(std::any_of(clean.findings.begin(), clean.findings.end(),
                             [](const Finding& f) { return f.rule == "unlicensed-source"; }));
}

const Finding* findingOf(const Decision& decision, const std::string& rule) {
    const auto found = std::find_if(decision.findings.begin(), decision.findings.end(),
                                    [&](const Finding& f) { return f.rule == rule; });
    return found == decision.findings.end() ? nullptr : &*found;
}

BoundLicence ndffSubscriber() {
    return {"ndff-uitvoerportaal", {{"role", std::string("subscriber")}}};
}

BoundLicence ccBy() {
    return {"cc-by-4.0", {{"attribution", std::string("© Gemeente X")}}};
}

// NDFF-derived points whose NDFF licence was removed by hand (only CC BY left): the licence
// still holds, so publishing the exact points is prohibited as it was, and the loss is named.
TEST(SeveralLicencesEvaluation, ALicenceASourceCarriedThatTheLayerLostStillProhibits) {
    const DerivedInput ndff_input{
        "waarnemingen.gpkg", {ndffSubscriber()}, "2026-12-01", "native:buffer", {}};
    Context exact;
    exact.cell_size_m = 0.0;
    const Decision decision = publish(layerUnder({ccBy()}, {ndff_input}), exact);
    EXPECT_EQ(decision.verdict, Verdict::Prohibited) << "CC BY alone would permit";
    const Finding* dropped = findingOf(decision, rule_ids::kSourceLicenceDropped);
    ASSERT_NE(dropped, nullptr);
    EXPECT_EQ(dropped->severity, Severity::Error);
    EXPECT_EQ(dropped->licence, "ndff-uitvoerportaal");
    EXPECT_EQ(dropped->layer_id, "join");
    for (const char* named : {"\"Join\"", "waarnemingen.gpkg", "ndff-uitvoerportaal"}) {
        EXPECT_NE(dropped->message.find(named), std::string::npos) << dropped->message;
    }
    const Finding* n4 = findingOf(decision, "n4-no-exact-publish");
    ASSERT_NE(n4, nullptr) << "judged under the input's NDFF licence";
    EXPECT_EQ(n4->licence, "ndff-uitvoerportaal");
    // Without the provenance nothing tells that NDFF was there: CC BY permits.
    EXPECT_EQ(publish(layerUnder({ccBy()}), exact).verdict, Verdict::Permitted);

    // In Dutch through the message table.
    EvaluationRequest dutch;
    dutch.action = Action::Publish;
    dutch.context = exact;
    dutch.context.date = Date::parse("2026-12-01");
    dutch.language = Language::Dutch;
    const Decision in_dutch =
        evaluate(bundledCatalog(), dutch, {layerUnder({ccBy()}, {ndff_input})});
    const Finding* dutch_dropped = findingOf(in_dutch, rule_ids::kSourceLicenceDropped);
    ASSERT_NE(dutch_dropped, nullptr);
    EXPECT_NE(dutch_dropped->message.find("is afgeleid van \"waarnemingen.gpkg\""),
              std::string::npos)
        << dutch_dropped->message;
}

// When the lost licence permits the action the verdict stays, but the loss is still a warning
// (--strict fails on it), once per input that carried it.
TEST(SeveralLicencesEvaluation, ALostLicenceThatPermitsTheActionIsAWarningPerSource) {
    const DerivedInput first{"a.gpkg", {ndffSubscriber()}, "2026-12-01", "t", {}};
    const DerivedInput second{"b.gpkg", {ndffSubscriber(), grbArt10()}, "2026-12-01", "t", {}};
    EvaluationRequest request;
    request.action = Action::UseInternal;
    request.context.date = Date::parse("2026-12-01");
    request.context.purpose = "research";
    const Decision decision =
        evaluate(bundledCatalog(), request, {layerUnder({ccBy(), grbArt10()}, {first, second})});
    EXPECT_EQ(decision.verdict, Verdict::Permitted);
    std::vector<std::string> sources;
    for (const Finding& finding : decision.findings) {
        if (finding.rule == rule_ids::kSourceLicenceDropped) {
            EXPECT_EQ(finding.severity, Severity::Warning);
            EXPECT_EQ(finding.licence, "ndff-uitvoerportaal") << "GRB is still bound";
            sources.push_back(finding.message);
        }
    }
    ASSERT_EQ(sources.size(), 2U);
    EXPECT_NE(sources[0].find("a.gpkg"), std::string::npos);
    EXPECT_NE(sources[1].find("b.gpkg"), std::string::npos);
    EXPECT_TRUE(decision.hasWarnings());
}

// What derive() makes keeps every licence; an aggregation keeps the licence with other
// options (cell_size_m): neither lost anything.
TEST(SeveralLicencesEvaluation, DerivedDataThatKeptItsSourcesLicencesHasNoLostLicence) {
    const Derivation join =
        derive({{"waarnemingen.gpkg", LicenceBinding{{ndffSubscriber()}, "sidecar", {}}},
                {"gebouwen.geojson", LicenceBinding{{grbArt10()}, "sidecar", {}}}},
               "2026-12-01", "geolicence bind");
    LayerInput layer{"join", "Join", join.binding, {}};
    EXPECT_EQ(findingOf(publish(layer), rule_ids::kSourceLicenceDropped), nullptr);
    EXPECT_TRUE(droppedSourceLicences(join.binding).empty());

    BoundLicence aggregated = ndffSubscriber();
    aggregated.options["cell_size_m"] = 1000.0;
    const DerivedInput exact_input{
        "waarnemingen.gpkg", {ndffSubscriber()}, "2026-12-01", "geolicence aggregate", {}};
    const Decision cells = publish(layerUnder({aggregated}, {exact_input}));
    EXPECT_EQ(findingOf(cells, rule_ids::kSourceLicenceDropped), nullptr);
    EXPECT_EQ(cells.verdict, Verdict::Permitted);
}

// An aggregated input's cell size claim, under a licence the derived layer lost, is measured
// like the layer's own: exact points cannot hide behind it.
TEST(SeveralLicencesEvaluation, ALostLicencesCellSizeClaimIsMeasured) {
    BoundLicence aggregated = ndffSubscriber();
    aggregated.options["cell_size_m"] = 1000.0;
    LayerInput layer =
        layerUnder({ccBy()}, {DerivedInput{"hokken.gpkg", {aggregated}, "2026-12-01", "t", {}}});
    EXPECT_TRUE(claimsCellSize(bundledCatalog(), *layer.binding));
    EXPECT_TRUE(rulesOnPrecision(bundledCatalog(), *layer.binding));
    EXPECT_EQ(publish(layer).verdict, Verdict::Permitted) << "the claim believed, unmeasured";

    MeasuredPrecision exact_points;
    exact_points.measured = true;
    exact_points.crs = "EPSG:28992";
    std::vector<Finding> notes;
    applyMeasuredPrecision(exact_points, bundledCatalog(), Language::English, layer, notes);
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_EQ(notes[0].rule, rule_ids::kPrecisionClaimContradicted);
    EXPECT_EQ(notes[0].licence, "ndff-uitvoerportaal");
    EXPECT_NE(publish(layer).verdict, Verdict::Permitted);
}

TEST(SeveralLicencesEvaluation, ABindingWithoutLicencesIsAnUnlicensedLayer) {
    const Decision decision = publish(layerUnder({}));
    ASSERT_FALSE(decision.findings.empty());
    EXPECT_EQ(decision.findings.front().rule, "unlicensed");
}

TEST(Derivation, TheUnionOfTheInputsLicencesWithEveryInputRecorded) {
    const BoundLicence ndff{"ndff-uitvoerportaal", {}};
    LicenceBinding a{{ndff}, "sidecar", {}};
    a.derived_from.push_back(DerivedInput{"bron.gpkg", {ndff}, "2026-11-01", "x", {}});
    const LicenceBinding b{{grbArt10(), ndff}, "sidecar", {}};
    const Derivation derived = derive({{"a.gpkg", a}, {"b.geojson", b}, {"c.csv", std::nullopt}},
                                      "2026-12-03", "geolicence bind");
    EXPECT_EQ(derived.binding.licences, (std::vector<BoundLicence>{ndff, grbArt10()}))
        << "deduplicated, in the order first met";
    ASSERT_EQ(derived.binding.derived_from.size(), 3U) << "every input, the unlicensed one too";
    EXPECT_EQ(derived.binding.derived_from[0].source, "a.gpkg");
    EXPECT_EQ(derived.binding.derived_from[0].derived_from.size(), 1U) << "the chain is kept";
    EXPECT_EQ(derived.binding.derived_from[1].licences, b.licences);
    EXPECT_TRUE(derived.binding.derived_from[2].licences.empty());
    EXPECT_EQ(derived.binding.derived_from[2].date, "2026-12-03");
    EXPECT_EQ(derived.binding.derived_from[2].tool, "geolicence bind");
    EXPECT_EQ(derived.unlicensed, std::vector<std::string>{"c.csv"});

    const BoundLicence ndff_other{"ndff-uitvoerportaal", {{"cell_size_m", 1000.0}}};
    const Derivation both =
        derive({{"x", LicenceBinding{{ndff}, "", {}}}, {"y", LicenceBinding{{ndff_other}, "", {}}}},
               "2026-12-03", "t");
    EXPECT_EQ(both.binding.licences.size(), 2U)
        << "the same licence under other terms is a grant of its own, judged on its own";
}

} // namespace
} // namespace geolicence::test
