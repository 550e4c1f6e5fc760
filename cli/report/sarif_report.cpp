#include "sarif_report.h"

#include <geolicence/version.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>

namespace geolicence::cli {

namespace {

// SARIF calls the lowest level "note"; the others share our names.
std::string level(Severity severity) {
    return severity == Severity::Info ? "note" : std::string(toString(severity));
}

std::string ruleId(const Finding& finding) {
    return finding.licence.empty() ? finding.rule : finding.licence + "/" + finding.rule;
}

// A file path as a SARIF URI: an absolute path as a file:// URI (a relative reference
// starting with "/" cannot be resolved against a base, SARIF1004); a relative one as a
// relative reference, which code-scanning views resolve against the repository.
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
    return !path.empty() && path.front() == '/' ? "file://" + uri : uri;
}

using Json = nlohmann::ordered_json;

Json regionJson(const SourceRegion& region) {
    return {{"startLine", region.start_line},
            {"startColumn", region.start_column},
            {"endLine", region.end_line},
            {"endColumn", region.end_column}};
}

// Findings about what a layout shows point at the layout's element.
bool aboutTheLayout(const Finding& finding) {
    static const char* const kLayoutRules[] = {"attribution-missing", "legend-missing",
                                               "endorsement", "data-defined-layers"};
    return std::any_of(std::begin(kLayoutRules), std::end(kLayoutRules),
                       [&](const char* rule) { return finding.rule == rule; });
}

// Where in the checked file a finding points: the layout's or the layer's element in a .qgs,
// else the whole file (as SARIF's minimal whole-artifact region, its bytes).
std::optional<Json> regionOf(const CheckResult& result, const Finding& finding) {
    if (aboutTheLayout(finding) && result.layout_region.known()) {
        return regionJson(result.layout_region);
    }
    for (const CheckedLayer& layer : result.layers) {
        if (layer.id == finding.layer_id && layer.region.known()) {
            return regionJson(layer.region);
        }
    }
    std::error_code error;
    const auto size = std::filesystem::file_size(result.subject, error);
    if (error) {
        return std::nullopt;
    }
    return Json{{"byteOffset", 0}, {"byteLength", size}};
}

} // namespace

std::string sarifReport(const std::vector<CheckResult>& checked, const Catalog& catalog) {
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
            if (std::optional<Json> region = regionOf(result, finding)) {
                location["physicalLocation"]["region"] = std::move(*region);
            }
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
            // Every licence the finding's layer is under (a finding names the one it rests on).
            for (const CheckedLayer& layer : result.layers) {
                if (layer.id == finding.layer_id && !finding.layer_id.empty() && layer.binding) {
                    properties["layer_licences"] = Json::array();
                    for (const BoundLicence& licence : layer.binding->licences) {
                        properties["layer_licences"].push_back(licence.licence_id);
                    }
                    break;
                }
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
