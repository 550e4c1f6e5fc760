#include "folder_report.h"

#include "binding_report.h"
#include "decision_json_writer.h"
#include "decision_text.h"
#include "json_writer.h"
#include "served_report.h"

#include <geolicence/messages.h>

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
    // Written straight (json_writer.h), with the single-file report's decision writer: the
    // same bytes as the tree this was built as before (tests/cli/report/report_json_test.cpp).
    JsonWriter out;
    out.beginObject();
    out.key("action");
    out.string(toString(action));
    if (check.web) {
        out.key("target");
        out.string("web");
    }
    out.key("decision");
    out.string(toString(folderVerdict(check)));
    out.key("findings");
    out.beginArray();
    for (const CheckResult& result : check.files) {
        for (const Finding& finding : result.decision.findings) {
            writeFinding(out, finding, &result.subject);
        }
    }
    out.endArray();
    out.key("files");
    out.beginArray();
    for (const CheckResult& result : check.files) {
        out.beginObject();
        out.key("file");
        out.string(result.subject);
        writeDecisionMembers(out, result.decision);
        out.key("layers");
        writeCheckedLayers(out, result.layers);
        if (check.web) {
            out.key("served");
            out.value(servedToJson(result.served));
        }
        out.endObject();
    }
    out.endArray();
    out.endObject();
    return out.text();
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
