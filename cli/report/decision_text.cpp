#include "decision_text.h"

#include <sstream>

namespace geolicence::cli {

namespace {
const char* verdictWord(Verdict verdict, bool dutch) {
    switch (verdict) {
    case Verdict::Permitted:
        return dutch ? "TOEGESTAAN" : "PERMITTED";
    case Verdict::Conditional:
        // Said in full: a conditional action must not be read as a yes.
        return dutch ? "VOORWAARDELIJK (geldt als niet toegestaan tot de ontbrekende gegevens "
                       "zijn opgegeven)"
                     : "CONDITIONAL (counts as not permitted until what is missing is given)";
    case Verdict::Prohibited:
        return dutch ? "VERBODEN" : "PROHIBITED";
    }
    return dutch ? "VERBODEN" : "PROHIBITED";
}
} // namespace

std::string decisionToText(const Decision& decision, Language language) {
    const bool dutch = language == Language::Dutch;
    std::ostringstream out;
    out << toString(decision.action) << ": " << verdictWord(decision.verdict, dutch) << "\n";
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
        out << (dutch ? "Plichten:\n" : "Duties:\n");
        for (const Duty& duty : decision.duties) {
            out << "  " << toString(duty.type);
            if (!duty.text.empty()) {
                out << ": " << duty.text;
            }
            if (!duty.party.empty()) {
                out << " (" << duty.party << ")";
            }
            if (duty.date) {
                out << " " << (dutch ? "uiterlijk " : "by ") << duty.date->toString();
            }
            out << "  [" << duty.licence << ", " << duty.cite << "]\n";
        }
    }
    return out.str();
}

} // namespace geolicence::cli
