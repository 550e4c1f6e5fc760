// The organisation's default role (the CLI's --role, the QGIS plugin's role setting) fills in
// only what a binding leaves open, and only where the licence knows that role.
#include "test_support.h"

#include <geolicence/project_binding.h>
#include <geolicence/project_check.h>

#include <gtest/gtest.h>

namespace geolicence::test {
namespace {

LicenceBinding bound(const std::string& licence, OptionValues options = {}) {
    return singleLicence(licence, std::move(options), "custom-property");
}

std::optional<std::string> roleOf(const LicenceBinding& binding, std::size_t licence = 0) {
    const OptionValues& options = binding.licences.at(licence).options;
    const auto it = options.find("role");
    if (it == options.end()) {
        return std::nullopt;
    }
    const auto* text = std::get_if<std::string>(&it->second);
    return text != nullptr ? std::optional<std::string>(*text) : std::nullopt;
}

BindingDefaults role(const std::string& value) {
    BindingDefaults defaults;
    defaults.role = value;
    return defaults;
}

TEST(BindingDefaults, TheRoleIsFilledInWhereTheLicenceKnowsIt) {
    LicenceBinding ndff = bound("ndff-uitvoerportaal");
    applyBindingDefaults(ndff, bundledCatalog(), role("contractor"));
    EXPECT_EQ(roleOf(ndff), "contractor");
}

TEST(BindingDefaults, ARoleTheBindingSetsWins) {
    LicenceBinding ndff =
        bound("ndff-uitvoerportaal", {{"role", Value(std::string("subscriber"))}});
    applyBindingDefaults(ndff, bundledCatalog(), role("contractor"));
    EXPECT_EQ(roleOf(ndff), "subscriber");
}

// GDI-Vlaanderen's roles are organisation and contractor: an NDFF subscriber is not one.
TEST(BindingDefaults, ARoleTheLicenceDoesNotAcceptIsNotForcedOnIt) {
    LicenceBinding gdi = bound("gdi-vl-deelnemer");
    applyBindingDefaults(gdi, bundledCatalog(), role("subscriber"));
    EXPECT_EQ(roleOf(gdi), std::nullopt);
    applyBindingDefaults(gdi, bundledCatalog(), role("contractor"));
    EXPECT_EQ(roleOf(gdi), "contractor");
}

TEST(BindingDefaults, LicencesWithoutRolesAndUnknownLicencesAreLeftAlone) {
    LicenceBinding ccby = bound("cc-by-4.0");
    applyBindingDefaults(ccby, bundledCatalog(), role("contractor"));
    EXPECT_TRUE(ccby.licences.front().options.empty());
    LicenceBinding unknown = bound("bestaat-niet");
    applyBindingDefaults(unknown, bundledCatalog(), role("contractor"));
    EXPECT_TRUE(unknown.licences.front().options.empty());
}

// A binding of several licences: each licence that knows the role gets it, the others not.
TEST(BindingDefaults, EachLicenceOfSeveralGetsTheRoleItKnows) {
    LicenceBinding both = bound("ndff-uitvoerportaal");
    addLicence(both.licences, BoundLicence{"cc-by-4.0", {}});
    addLicence(both.licences, BoundLicence{"gdi-vl-deelnemer", {}});
    applyBindingDefaults(both, bundledCatalog(), role("contractor"));
    EXPECT_EQ(roleOf(both, 0), "contractor");
    EXPECT_TRUE(both.licences.at(1).options.empty());
    EXPECT_EQ(roleOf(both, 2), "contractor");
}

// checkProject applies the defaults as it binds: the contractor's NDFF data needs a project
// end date, which a subscriber's does not.
TEST(BindingDefaults, CheckProjectJudgesWithTheDefaults) {
    Project project;
    project.path = "p.qgs";
    ProjectLayer layer;
    layer.id = "ndff";
    layer.name = "waarnemingen";
    layer.provider = "memory";
    layer.custom_properties["geolicence/licence"] = "ndff-uitvoerportaal";
    project.layers.push_back(layer);
    project.layer_tree.children.push_back(
        LayerTreeNode{LayerTreeNode::Kind::Layer, "waarnemingen", "ndff", true, {}});
    project.indexLayers();
    CheckRequest request;
    request.evaluation.action = Action::UseInternal;
    request.evaluation.context.date = Date::parse("2026-01-01");
    const CheckResult as_subscriber = checkProject(project, bundledCatalog(), request);
    request.binding_defaults = role("contractor");
    const CheckResult as_contractor = checkProject(project, bundledCatalog(), request);
    ASSERT_EQ(as_contractor.layers.size(), 1U);
    ASSERT_TRUE(as_contractor.layers.front().binding);
    EXPECT_EQ(roleOf(*as_contractor.layers.front().binding), "contractor");
    EXPECT_NE(as_subscriber.decision.verdict, as_contractor.decision.verdict);
}

} // namespace
} // namespace geolicence::test
