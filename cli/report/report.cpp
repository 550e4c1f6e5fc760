#include "report.h"

#include "decision_text.h"
#include "folder_report.h"
#include "junit_report.h"
#include "sarif_report.h"
#include "served_report.h"

#include <geolicence/decision_json.h>

#include <nlohmann/json.hpp>

namespace geolicence::cli {

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
        json["served"] = servedToJson(result.served);
        out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else if (format == "json") {
        out << decisionToJson(result.decision) << "\n";
    } else if (format == "sarif") {
        out << sarifReport({result}, report.catalog) << "\n";
    } else if (format == "junit") {
        out << junitReport({result}, report.strict);
    } else {
        out << result.subject << "\n" << decisionToText(result.decision, report.language);
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
