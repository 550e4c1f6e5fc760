#include "check/reader_findings.h"

#include <set>

namespace geolicence {

namespace {

std::string what(const UnreadableLayer& layer, bool dutch) {
    switch (layer.kind) {
    case UnreadableLayer::Kind::EmbeddedGroup:
        return (dutch ? "Ingebedde groep \"" : "Embedded group \"") + layer.name + "\"";
    case UnreadableLayer::Kind::LayerWithoutId:
        return (dutch ? "Laag \"" : "Layer \"") + layer.name +
               (dutch ? "\" (zonder id)" : "\" (without id)");
    case UnreadableLayer::Kind::EmbeddedLayer:
        break;
    }
    const std::string name = layer.name.empty() ? layer.layer_id : layer.name;
    return (dutch ? "Ingebedde laag \"" : "Embedded layer \"") + name + "\"";
}

Finding unreadableFinding(const UnreadableLayer& layer, bool dutch) {
    const bool group = layer.kind == UnreadableLayer::Kind::EmbeddedGroup;
    const std::string consequence =
        group ? (dutch ? " kon niet gelezen worden, dus de licenties van de lagen erin zijn niet "
                         "gecontroleerd: "
                       : " could not be read, so the licences of its layers were not checked: ")
              : (dutch ? " kon niet gelezen worden, dus de licentie ervan is niet gecontroleerd: "
                       : " could not be read, so its licence was not checked: ");
    const std::string message = what(layer, dutch) + consequence + layer.reason;
    return Finding{Severity::Error,    layer.layer_id, layer.name, "",
                   "unreadable-layer", message,        ""};
}

Finding unknownFinding(const std::string& id, bool dutch) {
    const std::string message =
        dutch ? "Het project verwijst naar laag \"" + id +
                    "\", maar definieert die niet; haar licentie kan niet gecontroleerd worden."
              : "The project refers to layer \"" + id +
                    "\" but does not define it; its licence cannot be checked.";
    return Finding{Severity::Error, id, "", "", "unknown-layer", message, ""};
}

} // namespace

std::vector<Finding> readerFindings(const Project& project,
                                    const std::vector<std::string>& selected_layer_ids,
                                    Language language) {
    const bool dutch = language == Language::Dutch;
    std::vector<Finding> findings;
    for (const UnreadableLayer& layer : project.unreadable_layers) {
        findings.push_back(unreadableFinding(layer, dutch));
    }
    std::set<std::string> reported;
    for (const std::string& id : selected_layer_ids) {
        if (project.findLayer(id) == nullptr && project.findUnreadable(id) == nullptr &&
            reported.insert(id).second) {
            findings.push_back(unknownFinding(id, dutch));
        }
    }
    return findings;
}

} // namespace geolicence
