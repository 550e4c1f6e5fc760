#include "report.h"

#include "binding_report.h"
#include "decision_json_writer.h"
#include "decision_text.h"
#include "folder_report.h"
#include "json_writer.h"
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
    if (format == "json") {
        // The decision's contract, plus how each layer was judged and, for the web, what the
        // services put out. Written straight, not built as a tree (json_writer.h): the same
        // bytes, in a fraction of the time for a large project.
        JsonWriter json;
        json.beginObject();
        writeDecisionMembers(json, result.decision);
        if (report.web) {
            json.key("target");
            json.string("web");
        }
        json.key("layers");
        writeCheckedLayers(json, result.layers);
        if (report.web) {
            json.key("served");
            json.value(servedToJson(result.served));
        }
        json.endObject();
        out << json.text() << "\n";
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
