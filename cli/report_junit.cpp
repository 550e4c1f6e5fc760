#include "report_junit.h"

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
    std::vector<const Finding*> failures;
    std::vector<const Finding*> notes;
};

std::string describe(const Finding& finding) {
    return "[" + std::string(toString(finding.severity)) + "] " +
           (finding.licence.empty() ? "" : finding.licence + " ") + finding.rule + ": " +
           finding.message + (finding.cite.empty() ? "" : " (" + finding.cite + ")");
}

} // namespace

std::string junitReport(const CheckResult& result, bool strict) {
    const std::string action(toString(result.decision.action));
    std::vector<Case> cases;
    std::vector<std::string> ids;
    for (const CheckedLayer& layer : result.layers) {
        cases.push_back(
            {action + ": " + layer.name +
                 (layer.binding ? " (" + layer.binding->licence_id + ")" : " (no licence)"),
             {},
             {}});
        ids.push_back(layer.id);
    }
    Case general{action + ": " + result.subject, {}, {}};
    for (const Finding& finding : result.decision.findings) {
        Case* target = &general;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i] == finding.layer_id) {
                target = &cases[i];
            }
        }
        const bool fails = finding.severity == Severity::Error ||
                           (strict && finding.severity == Severity::Warning);
        (fails ? target->failures : target->notes).push_back(&finding);
    }
    if (!general.failures.empty() || !general.notes.empty() || cases.empty()) {
        cases.push_back(general);
    }
    std::size_t failures = 0;
    for (const Case& c : cases) {
        failures += c.failures.empty() ? 0 : 1;
    }
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"geolicence\" tests=\"" << cases.size() << "\" failures=\""
        << failures << "\" errors=\"0\">\n"
        << "  <testsuite name=\"" << escapeXml("geolicence check " + action + " " + result.subject)
        << "\" tests=\"" << cases.size() << "\" failures=\"" << failures
        << "\" errors=\"0\" skipped=\"0\">\n";
    for (const Case& c : cases) {
        xml << "    <testcase classname=\"" << escapeXml(result.subject) << "\" name=\""
            << escapeXml(c.name) << "\">\n";
        if (!c.failures.empty()) {
            std::string text;
            for (const Finding* finding : c.failures) {
                text += describe(*finding) + "\n";
            }
            xml << "      <failure message=\"" << escapeXml(c.failures.front()->message)
                << "\" type=\"" << escapeXml(c.failures.front()->rule) << "\">" << escapeXml(text)
                << "</failure>\n";
        }
        if (!c.notes.empty()) {
            std::string text;
            for (const Finding* finding : c.notes) {
                text += describe(*finding) + "\n";
            }
            xml << "      <system-out>" << escapeXml(text) << "</system-out>\n";
        }
        xml << "    </testcase>\n";
    }
    xml << "  </testsuite>\n</testsuites>\n";
    return xml.str();
}

} // namespace geolicence::cli
