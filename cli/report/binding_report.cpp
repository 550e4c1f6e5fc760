#include "report/binding_report.h"

#include <geolicence/binding_json.h>

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
