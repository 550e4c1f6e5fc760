#include "junit_report.h"

#include <sstream>

namespace geolicence::cli {

namespace {

std::string escapeXml(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            // Control characters are not allowed in XML 1.0, even escaped.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                out += ' ';
            } else {
                out += c;
            }
        }
    }
    return out;
}

struct Case {
    std::string name;
    std::vector<const Finding*> errors;
    std::vector<const Finding*> failures;
    std::vector<const Finding*> notes;
};

std::string describe(const Finding& finding) {
    return "[" + std::string(toString(finding.severity)) + "] " +
           (finding.licence.empty() ? "" : finding.licence + " ") + finding.rule + ": " +
           finding.message + (finding.cite.empty() ? "" : " (" + finding.cite + ")");
}

std::string describeAll(const std::vector<const Finding*>& findings) {
    std::string text;
    for (const Finding* finding : findings) {
        text += describe(*finding) + "\n";
    }
    return text;
}

// <failure> or <error>: the first problem as its message, all of them as its text.
void writeProblems(std::ostringstream& xml, const char* element,
                   const std::vector<const Finding*>& problems) {
    if (problems.empty()) {
        return;
    }
    xml << "      <" << element << " message=\"" << escapeXml(problems.front()->message)
        << "\" type=\"" << escapeXml(problems.front()->rule) << "\">"
        << escapeXml(describeAll(problems)) << "</" << element << ">\n";
}

// One <testsuite> per checked file.
void writeSuite(std::ostringstream& xml, const CheckResult& result, bool strict,
                std::size_t& total_cases, std::size_t& total_failures, std::size_t& total_errors) {
    const std::string action(toString(result.decision.action));
    std::vector<Case> cases;
    std::vector<std::string> ids;
    for (const CheckedLayer& layer : result.layers) {
        cases.push_back(
            {action + ": " + layer.name +
                 (layer.binding ? " (" + layer.binding->describeIds() + ")" : " (no licence)"),
             {},
             {},
             {}});
        ids.push_back(layer.id);
    }
    Case general{action + ": " + result.subject, {}, {}, {}};
    for (const Finding& finding : result.decision.findings) {
        Case* target = &general;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i] == finding.layer_id) {
                target = &cases[i];
            }
        }
        // A file that could not be read is a broken test, not a failed one.
        if (finding.rule == "unreadable") {
            target->errors.push_back(&finding);
            continue;
        }
        const bool fails = finding.severity == Severity::Error ||
                           (strict && finding.severity == Severity::Warning);
        (fails ? target->failures : target->notes).push_back(&finding);
    }
    if (!general.errors.empty() || !general.failures.empty() || !general.notes.empty() ||
        cases.empty()) {
        cases.push_back(general);
    }
    std::size_t failures = 0;
    std::size_t errors = 0;
    for (const Case& c : cases) {
        failures += c.failures.empty() ? 0 : 1;
        errors += c.errors.empty() ? 0 : 1;
    }
    total_cases += cases.size();
    total_failures += failures;
    total_errors += errors;
    xml << "  <testsuite name=\"" << escapeXml("geolicence check " + action + " " + result.subject)
        << "\" tests=\"" << cases.size() << "\" failures=\"" << failures << "\" errors=\"" << errors
        << "\" skipped=\"0\">\n";
    for (const Case& c : cases) {
        xml << "    <testcase classname=\"" << escapeXml(result.subject) << "\" name=\""
            << escapeXml(c.name) << "\">\n";
        writeProblems(xml, "error", c.errors);
        writeProblems(xml, "failure", c.failures);
        if (!c.notes.empty()) {
            xml << "      <system-out>" << escapeXml(describeAll(c.notes)) << "</system-out>\n";
        }
        xml << "    </testcase>\n";
    }
    xml << "  </testsuite>\n";
}

} // namespace

std::string junitReport(const std::vector<CheckResult>& results, bool strict) {
    std::ostringstream suites;
    std::size_t cases = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;
    for (const CheckResult& result : results) {
        writeSuite(suites, result, strict, cases, failures, errors);
    }
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"geolicence\" tests=\"" << cases << "\" failures=\"" << failures
        << "\" errors=\"" << errors << "\">\n"
        << suites.str() << "</testsuites>\n";
    return xml.str();
}

} // namespace geolicence::cli
