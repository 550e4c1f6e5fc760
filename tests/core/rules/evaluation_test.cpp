// The evaluation semantics on small purpose-made profiles, independent of the bundled ones.
#include "test_support.h"

#include <geolicence/decision_json.h>
#include <geolicence/evaluation.h>
#include <geolicence/profile_parser.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace geolicence::test {
namespace {

const char* kTestProfile = R"({
  "id": "test-licence", "version": "1", "title": {"nl": "Testlicentie", "en": "Test licence"},
  "licensor": "Tester", "source": {"document": "test.txt", "date": "2026-01-01"},
  "options": [
    {"name": "valid_until", "type": "date", "meaning": {"nl": "einde", "en": "end"}},
    {"name": "attribution", "type": "string", "meaning": {"nl": "bron", "en": "source"}},
    {"name": "permission_ref", "type": "string", "meaning": {"nl": "ok", "en": "ok"}},
    {"name": "cell_size_m", "type": "number", "meaning": {"nl": "hok", "en": "cell"}}
  ],
  "rules": [
    {"id": "view", "type": "permission", "action": ["display", "use-internal"],
     "cite": "test.txt 1", "message": {"nl": "Bekijken mag.", "en": "Viewing is permitted."}},
    {"id": "publish-public-task", "type": "permission", "action": "publish",
     "constraints": [{"operand": "context.purpose", "operator": "eq", "value": "public-task"}],
     "duties": [{"type": "attribute", "text_option": "attribution"}],
     "cite": "test.txt 2", "message": {"nl": "Publiceren mag.", "en": "Publishing is permitted."}},
    {"id": "publish-coarse", "type": "permission", "action": "publish",
     "constraints": [{"operand": "context.cell_size_m", "operator": "gteq", "value": 1000}],
     "cite": "test.txt 3", "message": {"nl": "Grof mag.", "en": "Coarse is permitted."}},
    {"id": "expired", "type": "prohibition", "action": "*",
     "constraints": [{"operand": "context.date", "operator": "gt", "value_of": "option.valid_until"}],
     "cite": "test.txt 4", "message": {"nl": "Verlopen.", "en": "Expired."}},
    {"id": "no-share-third", "type": "prohibition", "action": "share",
     "constraints": [{"operand": "context.recipient", "operator": "eq", "value": "third-party"}],
     "cite": "test.txt 5", "message": {"nl": "Niet aan derden.", "en": "Not to third parties."}},
    {"id": "always-report", "type": "obligation", "action": "publish",
     "duties": [{"type": "report-errors", "party": "Tester"},
                {"type": "no-endorsement", "party": "Tester", "aliases": ["TST"],
                 "unless_option": "permission_ref"}],
     "cite": "test.txt 6", "message": {"nl": "Meld fouten.", "en": "Report errors."}}
  ]})";

const char* kOtherProfile = R"({
  "id": "other-licence", "version": "1", "title": {"nl": "Ander", "en": "Other"},
  "licensor": "Other", "source": {"document": "other.txt", "date": "2026-01-01"},
  "options": [{"name": "attribution", "type": "string", "required": true,
               "meaning": {"nl": "bron", "en": "source"}}],
  "rules": [{"id": "anything", "type": "permission", "action": "*",
             "duties": [{"type": "attribute", "text_option": "attribution"}],
             "cite": "other.txt 1", "message": {"nl": "Alles mag.", "en": "Anything goes."}}]})";

const Catalog& testCatalog() {
    static const Catalog catalog = CatalogBuilder()
                                       .addProfile(parseProfile(kTestProfile, "test.json"))
                                       .addProfile(parseProfile(kOtherProfile, "other.json"))
                                       .build();
    return catalog;
}

LayerInput layer(const std::string& id, const std::string& licence, OptionValues options = {}) {
    return LayerInput{id, "Layer " + id, singleLicence(licence, std::move(options), "test"), {}};
}

EvaluationRequest request(Action action) {
    EvaluationRequest r;
    r.action = action;
    r.context.date = Date::parse("2026-06-01");
    return r;
}

bool hasFinding(const Decision& decision, const std::string& rule, Severity severity) {
    return std::any_of(decision.findings.begin(), decision.findings.end(),
                       [&](const Finding& f) { return f.rule == rule && f.severity == severity; });
}

TEST(Evaluation, PermissionThatHoldsPermitsAndNamesItself) {
    const Decision d =
        evaluate(testCatalog(), request(Action::Display), {layer("a", "test-licence")});
    EXPECT_TRUE(d.permitted());
    EXPECT_TRUE(hasFinding(d, "view", Severity::Info));
}

TEST(Evaluation, ActionNoPermissionCoversIsProhibited) {
    const Decision d = evaluate(testCatalog(), request(Action::Sell), {layer("a", "test-licence")});
    EXPECT_FALSE(d.permitted());
    EXPECT_TRUE(hasFinding(d, "no-permission", Severity::Error));
}

TEST(Evaluation, ProhibitionWinsOverPermission) {
    EvaluationRequest r = request(Action::Display);
    r.context.date = Date::parse("2027-01-02");
    const Decision d =
        evaluate(testCatalog(), r,
                 {layer("a", "test-licence", {{"valid_until", *Date::parse("2027-01-01")}})});
    EXPECT_FALSE(d.permitted());
    EXPECT_TRUE(hasFinding(d, "expired", Severity::Error));
    EXPECT_FALSE(hasFinding(d, "view", Severity::Info));
}

TEST(Evaluation, AnOptionalOptionLeftOutMeansAbsentNotUnknown) {
    const Decision d =
        evaluate(testCatalog(), request(Action::Display), {layer("a", "test-licence")});
    EXPECT_TRUE(d.permitted());
    EXPECT_FALSE(hasFinding(d, "expired", Severity::Warning)) << "no end date: nothing expires";
}

TEST(Evaluation, UnknownContextMakesPermissionConditionalAndSaysWhatIsMissing) {
    const Decision d =
        evaluate(testCatalog(), request(Action::Publish), {layer("a", "test-licence")});
    EXPECT_EQ(d.verdict, Verdict::Conditional);
    EXPECT_FALSE(d.permitted());
    ASSERT_TRUE(hasFinding(d, "conditional", Severity::Error));
    EXPECT_FALSE(hasFinding(d, "no-permission", Severity::Error));
    const auto it = std::find_if(d.findings.begin(), d.findings.end(),
                                 [](const Finding& f) { return f.rule == "conditional"; });
    EXPECT_NE(it->message.find("context.purpose"), std::string::npos) << it->message;
}

TEST(Evaluation, NoPermissionUnderAnyContextIsProhibitedNotConditional) {
    const Decision d = evaluate(testCatalog(), request(Action::Sell), {layer("a", "test-licence")});
    EXPECT_EQ(d.verdict, Verdict::Prohibited);
}

TEST(Evaluation, AProhibitionThatMayHoldMakesThePermittedActionConditional) {
    // Sharing is covered by no permission here, so use a licence that permits everything and
    // only forbids third parties.
    const char* profile = R"({
      "id": "share-licence", "version": "1", "title": {"nl": "D", "en": "S"},
      "licensor": "S", "source": {"document": "s.txt", "date": "2026-01-01"},
      "rules": [
        {"id": "all", "type": "permission", "action": "*", "cite": "s.txt 1",
         "message": {"nl": "Mag.", "en": "May."}},
        {"id": "no-share-third", "type": "prohibition", "action": "share",
         "constraints": [{"operand": "context.recipient", "operator": "eq",
                          "value": "third-party"}],
         "cite": "s.txt 2", "message": {"nl": "Niet.", "en": "Not."}}]})";
    const Catalog catalog = CatalogBuilder().addProfile(parseProfile(profile, "s.json")).build();
    const Decision unknown =
        evaluate(catalog, request(Action::Share), {layer("a", "share-licence")});
    EXPECT_EQ(unknown.verdict, Verdict::Conditional) << "never permitted while it may be forbidden";
    EXPECT_TRUE(hasFinding(unknown, "no-share-third", Severity::Error));
    EvaluationRequest r = request(Action::Share);
    r.context.recipient = "contractor";
    const Decision known = evaluate(catalog, r, {layer("a", "share-licence")});
    EXPECT_EQ(known.verdict, Verdict::Permitted);
    EXPECT_FALSE(hasFinding(known, "no-share-third", Severity::Error));
    r.context.recipient = "third-party";
    EXPECT_EQ(evaluate(catalog, r, {layer("a", "share-licence")}).verdict, Verdict::Prohibited);
}

TEST(Evaluation, AnOptionThatDecidesMakesTheConstraintUnknownWhenUnset) {
    const char* profile = R"({
      "id": "ending-licence", "version": "1", "title": {"nl": "E", "en": "E"},
      "licensor": "E", "source": {"document": "e.txt", "date": "2026-01-01"},
      "options": [{"name": "project_end", "type": "date", "meaning": {"nl": "e", "en": "e"}}],
      "rules": [
        {"id": "all", "type": "permission", "action": "*", "cite": "e.txt 1",
         "message": {"nl": "Mag.", "en": "May."}},
        {"id": "ended", "type": "prohibition", "action": "*",
         "constraints": [{"operand": "context.date", "operator": "gt",
                          "value_of": "option.project_end", "unset_is_unknown": true}],
         "cite": "e.txt 2", "message": {"nl": "Voorbij.", "en": "Over."}}]})";
    const Catalog catalog = CatalogBuilder().addProfile(parseProfile(profile, "e.json")).build();
    const Decision unset =
        evaluate(catalog, request(Action::Display), {layer("a", "ending-licence")});
    EXPECT_EQ(unset.verdict, Verdict::Conditional);
    const auto it = std::find_if(unset.findings.begin(), unset.findings.end(),
                                 [](const Finding& f) { return f.rule == "ended"; });
    ASSERT_NE(it, unset.findings.end());
    EXPECT_NE(it->message.find("--option project_end="), std::string::npos) << it->message;
    EXPECT_EQ(
        evaluate(catalog, request(Action::Display),
                 {layer("a", "ending-licence", {{"project_end", *Date::parse("2027-01-01")}})})
            .verdict,
        Verdict::Permitted);
    EXPECT_EQ(
        evaluate(catalog, request(Action::Display),
                 {layer("a", "ending-licence", {{"project_end", *Date::parse("2026-01-01")}})})
            .verdict,
        Verdict::Prohibited);
}

TEST(Evaluation, BoundCellSizeCountsEvenWhenTheCallerSaysExact) {
    EvaluationRequest r = request(Action::Publish);
    r.context.cell_size_m = 0;
    const Decision d =
        evaluate(testCatalog(), r, {layer("grid", "test-licence", {{"cell_size_m", 1000.0}})});
    EXPECT_TRUE(d.permitted());
    EXPECT_TRUE(hasFinding(d, "publish-coarse", Severity::Info));
}

TEST(Evaluation, UnlicensedLayerIsAWarningNeverSilence) {
    LayerInput bare{"x", "Bare layer", std::nullopt, {}};
    const Decision d = evaluate(testCatalog(), request(Action::Publish), {bare});
    EXPECT_TRUE(d.permitted()) << "nothing prohibits it";
    ASSERT_TRUE(hasFinding(d, "unlicensed", Severity::Warning));
    EXPECT_TRUE(d.hasWarnings());
}

TEST(Evaluation, UnknownLicenceIdIsAnError) {
    const Decision d = evaluate(testCatalog(), request(Action::Display), {layer("a", "no-such")});
    EXPECT_FALSE(d.permitted());
    EXPECT_TRUE(hasFinding(d, "unknown-licence", Severity::Error));
}

TEST(Evaluation, WrongOptionTypeInABindingIsAnError) {
    const Decision d =
        evaluate(testCatalog(), request(Action::Display),
                 {layer("a", "test-licence", {{"valid_until", std::string("soon")}})});
    EXPECT_FALSE(d.permitted());
    EXPECT_TRUE(hasFinding(d, "invalid-option", Severity::Error));
}

TEST(Evaluation, AttributionOwedWithoutItsTextMakesPublishingConditional) {
    const Decision d =
        evaluate(testCatalog(), request(Action::Publish), {layer("a", "other-licence")});
    EXPECT_EQ(d.verdict, Verdict::Conditional);
    EXPECT_TRUE(hasFinding(d, "missing-option", Severity::Warning));
    ASSERT_TRUE(hasFinding(d, "anything", Severity::Error)) << "names the unmet duty";
    ASSERT_EQ(d.duties.size(), 1U);
    EXPECT_EQ(d.duties[0].type, DutyType::Attribute);
    // Viewing puts nothing out: the unknown text does not hold it up.
    EXPECT_EQ(
        evaluate(testCatalog(), request(Action::Display), {layer("a", "other-licence")}).verdict,
        Verdict::Permitted);
    EXPECT_EQ(evaluate(testCatalog(), request(Action::Publish),
                       {layer("a", "other-licence", {{"attribution", std::string("Bron: X")}})})
                  .verdict,
              Verdict::Permitted);
}

TEST(Evaluation, DutiesAreMergedOverLayersAndContainedAttributionsFolded) {
    EvaluationRequest r = request(Action::Publish);
    r.context.purpose = "public-task";
    const Decision d = evaluate(
        testCatalog(), r,
        {layer("a", "other-licence", {{"attribution", std::string("Bron: Provincie")}}),
         layer("b", "other-licence", {{"attribution", std::string("Bron: Provincie")}}),
         layer("c", "other-licence", {{"attribution", std::string("Bron: Provincie Limburg")}})});
    ASSERT_EQ(d.duties.size(), 1U);
    EXPECT_EQ(d.duties[0].text, "Bron: Provincie Limburg");
    EXPECT_EQ(d.duties[0].layers, (std::vector<std::string>{"c", "a", "b"}));
}

TEST(Evaluation, NoEndorsementRemovesAttributionsNamingTheParty) {
    EvaluationRequest r = request(Action::Publish);
    r.context.purpose = "public-task";
    const Decision d =
        evaluate(testCatalog(), r,
                 {layer("a", "test-licence", {{"attribution", std::string("Data: TST services")}}),
                  layer("b", "other-licence", {{"attribution", std::string("Kaart: gemeente")}})});
    for (const Duty& duty : d.duties) {
        EXPECT_EQ(duty.text.find("TST"), std::string::npos) << duty.text;
    }
    EXPECT_TRUE(hasFinding(d, "always-report", Severity::Warning));
    const bool kept = std::any_of(d.duties.begin(), d.duties.end(),
                                  [](const Duty& duty) { return duty.text == "Kaart: gemeente"; });
    EXPECT_TRUE(kept);
}

TEST(Evaluation, NoEndorsementLapsesWithWrittenConsent) {
    EvaluationRequest r = request(Action::Publish);
    r.context.purpose = "public-task";
    const Decision d = evaluate(testCatalog(), r,
                                {layer("a", "test-licence",
                                       {{"attribution", std::string("Data: TST")},
                                        {"permission_ref", std::string("letter 2026-04")}})});
    const bool kept = std::any_of(d.duties.begin(), d.duties.end(),
                                  [](const Duty& duty) { return duty.text == "Data: TST"; });
    EXPECT_TRUE(kept);
}

TEST(Evaluation, MessagesFollowTheRequestedLanguage) {
    EvaluationRequest r = request(Action::Display);
    r.language = Language::Dutch;
    const Decision d = evaluate(testCatalog(), r, {layer("a", "test-licence")});
    ASSERT_FALSE(d.findings.empty());
    EXPECT_EQ(d.findings[0].message, "Bekijken mag.");
}

TEST(Evaluation, IsDeterministic) {
    EvaluationRequest r = request(Action::Publish);
    const std::vector<LayerInput> layers = {layer("a", "test-licence"), layer("b", "other-licence"),
                                            LayerInput{"c", "C", std::nullopt, {}}};
    EXPECT_EQ(decisionToJson(evaluate(testCatalog(), r, layers)),
              decisionToJson(evaluate(testCatalog(), r, layers)));
}

TEST(DecisionJson, FollowsTheCliContract) {
    EvaluationRequest r = request(Action::Publish);
    r.context.purpose = "public-task";
    const auto json = nlohmann::json::parse(decisionToJson(
        evaluate(testCatalog(), r,
                 {layer("a", "test-licence", {{"attribution", std::string("Bron: X")}})})));
    EXPECT_EQ(json["action"], "publish");
    EXPECT_EQ(json["decision"], "permitted");
    for (const auto& finding : json["findings"]) {
        for (const char* key :
             {"severity", "layer_id", "layer_name", "licence", "rule", "message", "cite"}) {
            EXPECT_TRUE(finding.contains(key)) << key;
        }
    }
    const auto& duties = json["duties"];
    const auto attribution = std::find_if(
        duties.begin(), duties.end(), [](const auto& duty) { return duty["type"] == "attribute"; });
    ASSERT_NE(attribution, duties.end()) << json.dump();
    EXPECT_EQ((*attribution)["text"], "Bron: X");
    EXPECT_EQ((*attribution)["layers"], nlohmann::json::array({"a"}));
    EXPECT_EQ((*attribution)["cite"], "test.txt 2");
}

} // namespace
} // namespace geolicence::test
