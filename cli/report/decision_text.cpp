#include "decision_text.h"

#include <geolicence/messages.h>

#include <sstream>

namespace geolicence::cli {

namespace {
Msg verdictWord(Verdict verdict) {
    switch (verdict) {
    case Verdict::Permitted:
        return Msg::VerdictPermitted;
    case Verdict::Conditional:
        return Msg::VerdictConditional;
    case Verdict::Prohibited:
        return Msg::VerdictProhibited;
    }
    return Msg::VerdictProhibited;
}
} // namespace

std::string decisionToText(const Decision& decision, Language language) {
    std::ostringstream out;
    out << toString(decision.action) << ": " << say(verdictWord(decision.verdict), language)
        << "\n";
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
        for (const Finding& finding : decision.findings) {
            if (finding.severity != severity) {
                continue;
            }
            out << "  " << toString(severity) << ": ";
            if (!finding.layer_name.empty()) {
                out << "[" << finding.layer_name << "] ";
            }
            if (!finding.licence.empty()) {
                out << finding.licence << " " << finding.rule << ": ";
            }
            out << finding.message;
            if (!finding.cite.empty()) {
                out << " (" << finding.cite << ")";
            }
            out << "\n";
        }
    }
    if (!decision.duties.empty()) {
        out << say(Msg::DutiesHeading, language) << "\n";
        for (const Duty& duty : decision.duties) {
            out << "  " << toString(duty.type);
            if (!duty.text.empty()) {
                out << ": " << duty.text;
            }
            if (!duty.party.empty()) {
                out << " (" << duty.party << ")";
            }
            if (duty.date) {
                out << " " << say(Msg::DutyDueBy, language, {duty.date->toString()});
            }
            out << "  [" << duty.licence << ", " << duty.cite << "]\n";
        }
    }
    return out.str();
}

} // namespace geolicence::cli
