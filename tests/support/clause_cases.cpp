#include "clause_cases.h"

#include "test_support.h"

#include <geolicence/context_json.h>
#include <geolicence/project_check.h>

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

namespace {

BoundLicence caseLicence(const Catalog& catalog, const std::string& licence, const json& options) {
    const LicenceProfile* profile = catalog.find(licence);
    if (profile == nullptr) {
        throw std::runtime_error("unknown licence " + licence);
    }
    BoundLicence bound{licence, {}};
    for (const auto& [name, value] : options.items()) {
        const OptionSpec* spec = profile->findOption(name);
        if (spec == nullptr) {
            throw std::runtime_error("licence " + licence + " has no option " + name);
        }
        bound.options.insert_or_assign(name, parseOptionValue(*profile, *spec, scalarText(value)));
    }
    return bound;
}

} // namespace

// A case names one licence ("licence", "options") or several ("licences": [{"licence",
// "options"}]), as a binding of derived or combined data holds them.
LayerInput caseLayer(const Catalog& catalog, const json& data) {
    LayerInput layer{"layer-1", "Test layer", LicenceBinding{{}, "test", {}}, {}};
    if (data.contains("licences")) {
        for (const json& item : data.at("licences")) {
            layer.binding->licences.push_back(
                caseLicence(catalog, item.at("licence"), item.value("options", json::object())));
        }
    } else {
        layer.binding->licences.push_back(
            caseLicence(catalog, data.at("licence"), data.value("options", json::object())));
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

namespace {

// A case with "layout": {"labels": [...], "legend": bool} is checked as a layout whose one map
// renders the layer, the way `check --layout` does: the duties owed are then verified on it.
Decision checkOnLayout(const Catalog& catalog, const json& data) {
    const LayerInput input = caseLayer(catalog, data);
    Project project;
    project.path = "clause-case.qgs";
    ProjectLayer layer;
    layer.id = input.id;
    layer.name = input.name;
    project.layers.push_back(layer);
    project.indexLayers();
    LayerTreeNode node;
    node.kind = LayerTreeNode::Kind::Layer;
    node.layer_id = input.id;
    node.name = input.name;
    project.layer_tree.children.push_back(node);
    Layout layout;
    layout.name = "Case";
    LayoutMap map;
    map.id = "Map 1";
    map.uuid = "{map-1}";
    map.layer_set = {input.id};
    layout.maps.push_back(map);
    const json& spec = data.at("layout");
    for (const json& text : spec.value("labels", json::array())) {
        layout.labels.push_back(LayoutLabel{"", "", text.get<std::string>()});
    }
    if (spec.value("legend", false)) {
        LayoutLegend legend;
        legend.linked_map_uuid = map.uuid;
        layout.legends.push_back(legend);
    }
    project.layouts.push_back(layout);
    CheckRequest request;
    request.evaluation = caseRequest(data);
    request.layout = layout.name;
    return checkProject(project, catalog, request,
                        [&](const std::vector<std::string>&, std::vector<Finding>&) {
                            return std::vector<LayerInput>{input};
                        })
        .decision;
}

} // namespace

Decision runCase(const Catalog& catalog, const json& data) {
    if (data.contains("layout")) {
        return checkOnLayout(catalog, data);
    }
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
                       (!wanted.contains("licence") || duty.licence == wanted["licence"]) &&
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
                       (!wanted.contains("licence") || finding.licence == wanted["licence"]) &&
                       (!wanted.contains("severity") ||
                        toString(finding.severity) == wanted["severity"].get<std::string>()) &&
                       (!wanted.contains("message_contains") ||
                        finding.message.find(wanted["message_contains"].get<std::string>()) !=
                            std::string::npos);
            });
        if (!found) {
            problems.push_back("finding missing: " + wanted.dump());
        }
    }
    for (const json& rule : expect.value("absent_findings", json::array())) {
        for (const Finding& finding : decision.findings) {
            if (finding.rule == rule.get<std::string>()) {
                problems.push_back("finding present but must not be: " + rule.dump() + " " +
                                   finding.message);
            }
        }
    }
    for (const json& forbidden : expect.value("no_text_contains", json::array())) {
        const std::string needle = lower(forbidden.get<std::string>());
        for (const Duty& duty : decision.duties) {
            // The no-endorsement duty names the party in order to forbid naming it.
            if (duty.type == DutyType::NoEndorsement) {
                continue;
            }
            if (lower(duty.text).find(needle) != std::string::npos ||
                lower(duty.party).find(needle) != std::string::npos) {
                problems.push_back("duty names " + forbidden.dump() + ": " + duty.text);
            }
        }
    }
    return problems;
}

} // namespace geolicence::test
