#include "report.h"

#include "binding_report.h"
#include "decision_text.h"
#include "folder_report.h"
#include "junit_report.h"
#include "sarif_report.h"
#include "served_report.h"

#include <geolicence/decision_json.h>

#include <nlohmann/json.hpp>

namespace geolicence::cli {

namespace {

// Layers under several licences or derived from other data, in the text form: a layer's
// single licence is already named in each of its findings.
void writeLayerLicences(std::ostream& out, const std::vector<CheckedLayer>& layers) {
    for (const CheckedLayer& layer : layers) {
        if (!layer.binding ||
            (layer.binding->licences.size() < 2 && layer.binding->derived_from.empty())) {
            continue;
        }
        out << "  [" << layer.name << "] " << licencesText(layer.binding->licences) << "\n";
        writeProvenance(out, layer.binding->derived_from, "    ");
    }
}

} // namespace

void writeReport(std::ostream& out, const std::string& format, const Decision& decision,
                 Language language) {
    if (format == "json") {
        out << decisionToJson(decision) << "\n";
    } else {
        out << decisionToText(decision, language);
    }
}

void writeReport(std::ostream& out, const std::string& format, const FileReport& report) {
    const CheckResult& result = report.result;
    if (format == "json" && report.web) {
        // The decision's contract, plus what the services put out and how each layer was judged.
        auto json = nlohmann::ordered_json::parse(decisionToJson(result.decision, -1));
        json["target"] = "web";
        json["layers"] = checkedLayersToJson(result.layers);
        json["served"] = servedToJson(result.served);
        out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else if (format == "json") {
        auto json = nlohmann::ordered_json::parse(decisionToJson(result.decision, -1));
        json["layers"] = checkedLayersToJson(result.layers);
        out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else if (format == "sarif") {
        out << sarifReport({result}, report.catalog) << "\n";
    } else if (format == "junit") {
        out << junitReport({result}, report.strict);
    } else {
        out << result.subject << "\n";
        writeLayerLicences(out, result.layers);
        out << decisionToText(result.decision, report.language);
        if (report.web) {
            out << servedToText(result.served, report.language);
        }
    }
}

void writeReport(std::ostream& out, const std::string& format, const FolderReport& report) {
    if (format == "json") {
        out << folderReportJson(report.check, report.action) << "\n";
    } else if (format == "sarif") {
        out << sarifReport(report.check.files, report.catalog) << "\n";
    } else if (format == "junit") {
        out << junitReport(report.check.files, report.strict);
    } else {
        out << folderReportText(report.check, report.language);
    }
}

} // namespace geolicence::cli
