#include "project/embedded_layers.h"

#include "project/layer_tree_xml.h"
#include "project/layer_xml.h"

#include <geolicence/errors.h>

#include <algorithm>
#include <optional>

namespace geolicence::detail {

namespace {

pugi::xml_node findMapLayer(const pugi::xml_node& qgis, const std::string& id) {
    // Any <maplayer> under <projectlayers>, as QGIS looks for it (elementsByTagName).
    for (const pugi::xpath_node& layer : qgis.child("projectlayers").select_nodes(".//maplayer")) {
        if (layer.node().child("id").text().as_string() == id) {
            return layer.node();
        }
    }
    return {};
}

// The embedded reference for `id` inside the referenced project, if it embeds it in turn.
pugi::xml_node findEmbeddedReference(const pugi::xml_node& qgis, const std::string& id) {
    for (const pugi::xpath_node& layer : qgis.child("projectlayers").select_nodes(".//maplayer")) {
        const pugi::xml_node node = layer.node();
        if (std::string(node.attribute("embedded").as_string()) == "1" &&
            node.attribute("id").as_string() == id) {
            return node;
        }
    }
    return {};
}

template <typename Visit> void forEachLayer(LayerTreeNode& node, const Visit& visit) {
    for (LayerTreeNode& child : node.children) {
        if (child.kind == LayerTreeNode::Kind::Layer) {
            visit(child);
        } else {
            forEachLayer(child, visit);
        }
    }
}

} // namespace

EmbeddedLayers::EmbeddedLayers(const ProjectDocument& embedding, const ProjectReadLimits& limits,
                               Project& project)
    : embedding_(embedding), limits_(limits), project_(project) {}

bool EmbeddedLayers::known(const std::string& id) const {
    return std::any_of(project_.layers.begin(), project_.layers.end(),
                       [&](const ProjectLayer& layer) { return layer.id == id; }) ||
           std::any_of(project_.unreadable_layers.begin(), project_.unreadable_layers.end(),
                       [&](const UnreadableLayer& layer) { return layer.layer_id == id; });
}

void EmbeddedLayers::unreadable(UnreadableLayer::Kind kind, const std::string& id,
                                const std::string& name, const std::filesystem::path& project,
                                const std::string& reason) {
    project_.unreadable_layers.push_back(UnreadableLayer{kind, id, name, project, reason});
}

const ProjectDocument* EmbeddedLayers::referenced(const std::filesystem::path& path,
                                                  std::string& reason) {
    const std::string key = path.lexically_normal().string();
    if (const auto it = documents_.find(key); it != documents_.end()) {
        return it->second.get();
    }
    if (const auto it = failures_.find(key); it != failures_.end()) {
        reason = it->second;
        return nullptr;
    }
    if (documents_.size() >= limits_.max_referenced_projects) {
        reason = embedding_.path().string() + ": embeds layers from more than " +
                 std::to_string(limits_.max_referenced_projects) + " projects; not reading " + key;
        return nullptr;
    }
    try {
        // All referenced projects together stay within one project's size limit, so a
        // project cannot make the reader hold a hundred of the largest.
        ProjectReadLimits remaining = limits_;
        remaining.max_project_bytes = limits_.max_project_bytes - bytes_read_;
        auto document = ProjectDocument::load(path, remaining);
        bytes_read_ += document->bytes();
        return documents_.emplace(key, std::move(document)).first->second.get();
    } catch (const InputError& e) {
        reason = e.what();
        failures_.emplace(key, reason);
        return nullptr;
    }
}

void EmbeddedLayers::addFrom(const ProjectDocument& source, const std::string& id,
                             const std::string& name) {
    const pugi::xml_node node = findMapLayer(source.root(), id);
    if (!node || std::string(node.attribute("embedded").as_string()) == "1") {
        const pugi::xml_node reference = findEmbeddedReference(source.root(), id);
        const std::string reason =
            reference ? source.path().string() + ": layer \"" + id +
                            "\" is itself embedded there (from " +
                            reference.attribute("project").as_string() +
                            "); QGIS does not follow an embedded layer further"
                      : source.path().string() + ": has no layer with id \"" + id + "\"";
        unreadable(UnreadableLayer::Kind::EmbeddedLayer, id, name, source.path(), reason);
        return;
    }
    std::optional<std::filesystem::path> dir;
    if (source.resolvesRelativePaths(false)) {
        dir = source.path().parent_path();
    }
    ProjectLayer layer = readMapLayer(node, dir);
    layer.embedded_from = source.path();
    project_.layers.push_back(std::move(layer));
}

void EmbeddedLayers::addLayer(const std::string& id, const std::string& project_attribute,
                              const std::string& name) {
    if (known(id)) {
        return;
    }
    if (project_attribute.empty()) {
        unreadable(UnreadableLayer::Kind::EmbeddedLayer, id, name, {},
                   embedding_.path().string() + ": embedded layer \"" + id +
                       "\" names no project to take it from");
        return;
    }
    const std::filesystem::path path = embedding_.readPath(project_attribute);
    std::string reason;
    const ProjectDocument* source = referenced(path, reason);
    if (source == nullptr) {
        unreadable(UnreadableLayer::Kind::EmbeddedLayer, id, name, path, reason);
        return;
    }
    addFrom(*source, id, name);
}

void EmbeddedLayers::expandGroup(LayerTreeNode& group, const pugi::xml_node& element) {
    const std::string attribute = embeddedProject(element);
    if (attribute.empty()) {
        unreadable(UnreadableLayer::Kind::EmbeddedGroup, "", group.name, {},
                   embedding_.path().string() + ": embedded group \"" + group.name +
                       "\" names no project to take it from");
        return;
    }
    const std::filesystem::path path = embedding_.readPath(attribute);
    std::string reason;
    const ProjectDocument* source = referenced(path, reason);
    if (source == nullptr) {
        unreadable(UnreadableLayer::Kind::EmbeddedGroup, "", group.name, path, reason);
        return;
    }
    const pugi::xml_node found = findTreeGroup(source->root(), group.name);
    if (!found || isEmbeddedNode(found)) {
        unreadable(UnreadableLayer::Kind::EmbeddedGroup, "", group.name, source->path(),
                   source->path().string() +
                       (found ? ": group \"" + group.name + "\" is itself embedded there (from " +
                                    embeddedProject(found) +
                                    "); QGIS does not embed an embedded group again"
                              : ": has no group named \"" + group.name + "\""));
        return;
    }
    // Subgroups the referenced project embeds in turn are stored there without children:
    // QGIS shows them empty. Said, not hidden.
    LayerTreeHooks hooks;
    hooks.embedded_group = [&](LayerTreeNode& subgroup, const pugi::xml_node& subelement) {
        unreadable(UnreadableLayer::Kind::EmbeddedGroup, "", subgroup.name, source->path(),
                   source->path().string() + ": group \"" + subgroup.name +
                       "\" (in embedded group \"" + group.name +
                       "\") is itself embedded there (from " + embeddedProject(subelement) +
                       "); QGIS does not follow an embedded group further");
    };
    LayerTreeNode copy = readTreeGroup(found, hooks);
    const std::vector<std::string> invisible =
        readCustomPropertyList(element, "embedded-invisible-layers");
    forEachLayer(copy, [&](LayerTreeNode& layer) {
        layer.checked =
            std::find(invisible.begin(), invisible.end(), layer.layer_id) == invisible.end();
        if (!known(layer.layer_id)) {
            addFrom(*source, layer.layer_id, layer.name);
        }
    });
    group.children.insert(group.children.begin(), copy.children.begin(), copy.children.end());
}

} // namespace geolicence::detail
