#include "report/decision_json_writer.h"

namespace geolicence::cli {

namespace {

void stringOrNull(JsonWriter& out, const std::string& text) {
    if (text.empty()) {
        out.null();
    } else {
        out.string(text);
    }
}

} // namespace

void writeFinding(JsonWriter& out, const Finding& finding, const std::string* file) {
    out.beginObject();
    out.key("severity");
    out.string(toString(finding.severity));
    out.key("layer_id");
    stringOrNull(out, finding.layer_id);
    out.key("layer_name");
    stringOrNull(out, finding.layer_name);
    out.key("licence");
    stringOrNull(out, finding.licence);
    out.key("rule");
    out.string(finding.rule);
    out.key("message");
    out.string(finding.message);
    out.key("cite");
    stringOrNull(out, finding.cite);
    if (file != nullptr) {
        out.key("file");
        out.string(*file);
    }
    out.endObject();
}

namespace {

void writeDuty(JsonWriter& out, const Duty& duty) {
    out.beginObject();
    out.key("type");
    out.string(toString(duty.type));
    if (!duty.text.empty()) {
        out.key("text");
        out.string(duty.text);
    }
    if (!duty.party.empty()) {
        out.key("party");
        out.string(duty.party);
    }
    if (!duty.aliases.empty()) {
        out.key("aliases");
        out.beginArray();
        for (const std::string& alias : duty.aliases) {
            out.string(alias);
        }
        out.endArray();
    }
    if (duty.date) {
        out.key("date");
        out.string(duty.date->toString());
    }
    out.key("licence");
    out.string(duty.licence);
    out.key("rule");
    out.string(duty.rule);
    out.key("cite");
    out.string(duty.cite);
    out.key("layers");
    out.beginArray();
    for (const std::string& layer : duty.layers) {
        if (!layer.empty()) {
            out.string(layer);
        }
    }
    out.endArray();
    out.endObject();
}

} // namespace

void writeDecisionMembers(JsonWriter& out, const Decision& decision) {
    out.key("action");
    out.string(toString(decision.action));
    out.key("decision");
    out.string(toString(decision.verdict));
    out.key("findings");
    out.beginArray();
    for (const Finding& finding : decision.findings) {
        writeFinding(out, finding);
    }
    out.endArray();
    out.key("duties");
    out.beginArray();
    for (const Duty& duty : decision.duties) {
        writeDuty(out, duty);
    }
    out.endArray();
}

} // namespace geolicence::cli
