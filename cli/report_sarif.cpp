#include "report_sarif.h"

#include <geolicence/version.h>

#include <nlohmann/json.hpp>

#include <map>

namespace geolicence::cli {

namespace {

// SARIF calls the lowest level "note"; the others share our names.
std::string level(Severity severity) {
    return severity == Severity::Info ? "note" : std::string(toString(severity));
}

std::string ruleId(const Finding& finding) {
    return finding.licence.empty() ? finding.rule : finding.licence + "/" + finding.rule;
}

// A relative or absolute file path as a SARIF URI reference.
std::string uriOf(const std::string& path) {
    static const char* kHex = "0123456789ABCDEF";
    std::string uri;
    for (unsigned char c : path) {
        if (std::isalnum(c) != 0 ||
            std::string("/-._~").find(static_cast<char>(c)) != std::string::npos) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        }
    }
    return uri;
}

} // namespace

std::string sarifReport(const std::vector<CheckResult>& checked, const Catalog& catalog) {
    using Json = nlohmann::ordered_json;
    Json rules = Json::array();
    std::map<std::string, std::size_t> rule_index;
    Json results = Json::array();
    for (const CheckResult& result : checked) {
        for (const Finding& finding : result.decision.findings) {
            const std::string id = ruleId(finding);
            if (rule_index.find(id) == rule_index.end()) {
                rule_index[id] = rules.size();
                Json rule = {{"id", id}, {"shortDescription", {{"text", finding.message}}}};
                Json properties = Json::object();
                if (!finding.cite.empty()) {
                    properties["cite"] = finding.cite;
                }
                if (const LicenceProfile* profile = catalog.find(finding.licence)) {
                    properties["licence_title"] = profile->title.en;
                    if (!profile->licence_url.empty()) {
                        rule["helpUri"] = profile->licence_url;
                    }
                }
                if (!properties.empty()) {
                    rule["properties"] = properties;
                }
                rules.push_back(std::move(rule));
            }
            Json location = {
                {"physicalLocation", {{"artifactLocation", {{"uri", uriOf(result.subject)}}}}}};
            if (!finding.layer_id.empty()) {
                location["logicalLocations"] = Json::array(
                    {{{"name", finding.layer_name.empty() ? finding.layer_id : finding.layer_name},
                      {"fullyQualifiedName", finding.layer_id},
                      {"kind", "object"}}});
            }
            Json item = {
                {"ruleId", id},
                {"ruleIndex", rule_index[id]},
                {"level", level(finding.severity)},
                {"message",
                 {{"text", (finding.layer_name.empty() ? "" : "[" + finding.layer_name + "] ") +
                               finding.message +
                               (finding.cite.empty() ? "" : " (" + finding.cite + ")")}}},
                {"locations", Json::array({location})}};
            Json properties = {{"action", std::string(toString(result.decision.action))}};
            if (!finding.licence.empty()) {
                properties["licence"] = finding.licence;
            }
            if (!finding.cite.empty()) {
                properties["cite"] = finding.cite;
            }
            item["properties"] = properties;
            results.push_back(std::move(item));
        }
    }
    Json sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", Json::array({{{"tool",
                                {{"driver",
                                  {{"name", "geolicence"},
                                   {"version", kProgramVersion},
                                   {"properties", {{"catalogVersion", kCatalogVersion}}},
                                   {"informationUri", "https://geolicence.example/"},
                                   {"rules", rules}}}}},
                               {"invocations", Json::array({{{"executionSuccessful", true}}})},
                               {"results", results}}})}};
    return sarif.dump(2, ' ', false, Json::error_handler_t::replace);
}

} // namespace geolicence::cli
