#include "check/reader_findings.h"

#include <geolicence/messages.h>

#include <set>

namespace geolicence {

namespace {

std::string what(const UnreadableLayer& layer, Language language) {
    switch (layer.kind) {
    case UnreadableLayer::Kind::EmbeddedGroup:
        return say(Msg::UnreadableEmbeddedGroup, language, {layer.name});
    case UnreadableLayer::Kind::LayerWithoutId:
        return say(Msg::UnreadableLayerWithoutId, language, {layer.name});
    case UnreadableLayer::Kind::EmbeddedLayer:
        break;
    }
    const std::string name = layer.name.empty() ? layer.layer_id : layer.name;
    return say(Msg::UnreadableEmbeddedLayer, language, {name});
}

Finding unreadableFinding(const UnreadableLayer& layer, Language language) {
    const bool group = layer.kind == UnreadableLayer::Kind::EmbeddedGroup;
    const std::string message =
        say(group ? Msg::UnreadableGroupConsequence : Msg::UnreadableLayerConsequence, language,
            {what(layer, language), layer.reason});
    return Finding{Severity::Error,    layer.layer_id, layer.name, "",
                   "unreadable-layer", message,        ""};
}

Finding unknownFinding(const std::string& id, Language language) {
    const std::string message = say(Msg::UnknownLayer, language, {id});
    return Finding{Severity::Error, id, "", "", "unknown-layer", message, ""};
}

} // namespace

std::vector<Finding> readerFindings(const Project& project,
                                    const std::vector<std::string>& selected_layer_ids,
                                    Language language) {
    std::vector<Finding> findings;
    for (const UnreadableLayer& layer : project.unreadable_layers) {
        findings.push_back(unreadableFinding(layer, language));
    }
    std::set<std::string> reported;
    for (const std::string& id : selected_layer_ids) {
        if (project.findLayer(id) == nullptr && project.findUnreadable(id) == nullptr &&
            reported.insert(id).second) {
            findings.push_back(unknownFinding(id, language));
        }
    }
    return findings;
}

} // namespace geolicence
