#include "report/binding_report.h"

#include <geolicence/binding_json.h>
#include <geolicence/value.h>

#include <variant>

namespace geolicence::cli {

nlohmann::ordered_json bindingToJson(const LicenceBinding& binding) {
    using Json = nlohmann::ordered_json;
    Json out;
    out["id"] = binding.licences.empty() ? Json() : Json(binding.licences.front().licence_id);
    out["from"] = binding.from;
    out["licences"] = Json::parse(licencesToJson(binding.licences));
    out["derived_from"] = Json::parse(derivedFromToJson(binding.derived_from));
    return out;
}

nlohmann::ordered_json checkedLayersToJson(const std::vector<CheckedLayer>& layers) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const CheckedLayer& layer : layers) {
        out.push_back({{"id", layer.id},
                       {"name", layer.name},
                       {"licence",
                        layer.binding ? bindingToJson(*layer.binding) : nlohmann::ordered_json()}});
    }
    return out;
}

namespace {

// licencesToJson and derivedFromToJson (binding_json.cpp) dump strictly: option values and
// provenance texts that are not UTF-8 make them throw, and bindingToJson with them.
bool isUtf8(const std::vector<BoundLicence>& licences) {
    for (const BoundLicence& licence : licences) {
        if (!isValidUtf8(licence.licence_id)) {
            return false;
        }
        for (const auto& [name, value] : licence.options) {
            if (!isValidUtf8(name) || (std::holds_alternative<std::string>(value) &&
                                       !isValidUtf8(toDisplayString(value)))) {
                return false;
            }
        }
    }
    return true;
}

bool isUtf8(const std::vector<DerivedInput>& inputs) {
    for (const DerivedInput& input : inputs) {
        if (!isValidUtf8(input.source) || !isValidUtf8(input.date) || !isValidUtf8(input.tool) ||
            !isUtf8(input.licences) || !isUtf8(input.derived_from)) {
            return false;
        }
    }
    return true;
}

// As optionsToJson: the options in name order, each a boolean, a number or a text.
void writeOptions(JsonWriter& out, const OptionValues& options) {
    out.beginObject();
    for (const auto& [name, value] : options) {
        out.key(name);
        if (const bool* flag = std::get_if<bool>(&value)) {
            out.boolean(*flag);
        } else if (const double* number = std::get_if<double>(&value)) {
            out.number(*number);
        } else {
            out.string(toDisplayString(value));
        }
    }
    out.endObject();
}

void writeLicences(JsonWriter& out, const std::vector<BoundLicence>& licences) {
    out.beginArray();
    for (const BoundLicence& licence : licences) {
        out.beginObject();
        out.key("licence");
        out.string(licence.licence_id);
        out.key("options");
        writeOptions(out, licence.options);
        out.endObject();
    }
    out.endArray();
}

void writeDerivedFrom(JsonWriter& out, const std::vector<DerivedInput>& inputs) {
    out.beginArray();
    for (const DerivedInput& input : inputs) {
        out.beginObject();
        out.key("source");
        out.string(input.source);
        out.key("licences");
        writeLicences(out, input.licences);
        out.key("date");
        out.string(input.date);
        out.key("tool");
        out.string(input.tool);
        if (!input.derived_from.empty()) {
            out.key("derived_from");
            writeDerivedFrom(out, input.derived_from);
        }
        out.endObject();
    }
    out.endArray();
}

// bindingToJson's shape, written.
void writeBinding(JsonWriter& out, const LicenceBinding& binding) {
    if (!isUtf8(binding.licences) || !isUtf8(binding.derived_from)) {
        // Fail as bindingToJson does, with its exception (an internal error, exit 70).
        (void)licencesToJson(binding.licences);
        (void)derivedFromToJson(binding.derived_from);
    }
    out.beginObject();
    out.key("id");
    if (binding.licences.empty()) {
        out.null();
    } else {
        out.string(binding.licences.front().licence_id);
    }
    out.key("from");
    out.string(binding.from);
    out.key("licences");
    writeLicences(out, binding.licences);
    out.key("derived_from");
    writeDerivedFrom(out, binding.derived_from);
    out.endObject();
}

} // namespace

void writeCheckedLayers(JsonWriter& out, const std::vector<CheckedLayer>& layers) {
    out.beginArray();
    for (const CheckedLayer& layer : layers) {
        out.beginObject();
        out.key("id");
        out.string(layer.id);
        out.key("name");
        out.string(layer.name);
        out.key("licence");
        if (layer.binding) {
            writeBinding(out, *layer.binding);
        } else {
            out.null();
        }
        out.endObject();
    }
    out.endArray();
}

std::string licencesText(const std::vector<BoundLicence>& licences) {
    if (licences.empty()) {
        return "NO LICENCE";
    }
    std::string text;
    for (const BoundLicence& licence : licences) {
        text += (text.empty() ? "" : " + ") + licence.licence_id;
    }
    return text;
}

void writeProvenance(std::ostream& out, const std::vector<DerivedInput>& inputs,
                     const std::string& indent) {
    for (const DerivedInput& input : inputs) {
        out << indent << "derived from " << input.source << ": " << licencesText(input.licences);
        std::string made = input.tool;
        made += (!made.empty() && !input.date.empty() ? ", " : "") + input.date;
        if (!made.empty()) {
            out << " (" << made << ")";
        }
        out << "\n";
        writeProvenance(out, input.derived_from, indent + "  ");
    }
}

} // namespace geolicence::cli
