#include "folder_report.h"

#include "binding_report.h"
#include "decision_text.h"
#include "served_report.h"

#include <geolicence/decision_json.h>
#include <geolicence/messages.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace geolicence::cli {

namespace {

std::size_t filesWith(const FolderCheck& check, Verdict verdict) {
    return static_cast<std::size_t>(
        std::count_if(check.files.begin(), check.files.end(), [&](const CheckResult& result) {
            return result.decision.verdict == verdict;
        }));
}

// The folder's verdict is its strictest file's.
Verdict folderVerdict(const FolderCheck& check) {
    Verdict verdict = Verdict::Permitted;
    for (const CheckResult& result : check.files) {
        verdict = std::max(verdict, result.decision.verdict);
    }
    return verdict;
}

} // namespace

std::string folderReportJson(const FolderCheck& check, Action action) {
    using Json = nlohmann::ordered_json;
    Json out;
    out["action"] = std::string(toString(action));
    if (check.web) {
        out["target"] = "web";
    }
    out["decision"] = std::string(toString(folderVerdict(check)));
    out["findings"] = Json::array();
    out["files"] = Json::array();
    for (const CheckResult& result : check.files) {
        // decisionToJson is the one definition of a decision's JSON; re-parsing it keeps this
        // report from drifting away from the single-file one.
        Json file = Json::parse(decisionToJson(result.decision, -1));
        for (Json finding : file["findings"]) {
            finding["file"] = result.subject;
            out["findings"].push_back(std::move(finding));
        }
        Json entry;
        entry["file"] = result.subject;
        entry.update(file);
        entry["layers"] = checkedLayersToJson(result.layers);
        if (check.web) {
            entry["served"] = servedToJson(result.served);
        }
        out["files"].push_back(std::move(entry));
    }
    return out.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string folderReportText(const FolderCheck& check, Language language) {
    std::ostringstream out;
    for (const CheckResult& result : check.files) {
        out << result.subject << "\n" << decisionToText(result.decision, language);
        if (check.web) {
            out << servedToText(result.served, language);
        }
        out << "\n";
    }
    const std::size_t prohibited = filesWith(check, Verdict::Prohibited) - check.unreadable;
    const std::size_t conditional = filesWith(check, Verdict::Conditional);
    const std::size_t permitted = filesWith(check, Verdict::Permitted);
    const auto n = [](std::size_t count) { return std::to_string(count); };
    out << (conditional > 0
                ? say(Msg::FolderSummaryConditional, language,
                      {n(check.files.size()), n(permitted), n(conditional), n(prohibited),
                       n(check.unreadable)})
                : say(Msg::FolderSummary, language,
                      {n(check.files.size()), n(permitted), n(prohibited), n(check.unreadable)}))
        << "\n";
    return out.str();
}

} // namespace geolicence::cli
