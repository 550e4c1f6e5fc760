#pragma once

#include "project/project_document.h"

#include <geolicence/project.h>
#include <geolicence/project_reader.h>

#include <filesystem>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>

namespace geolicence::detail {

// Resolves what a project embeds from other projects (QGIS "Embed Layers and Groups"), as
// QGIS 3.22 does (QgsProject::createEmbeddedLayer, createEmbeddedGroup, loadEmbeddedNodes):
// - the referenced project's path is relative to the embedding project (its path resolver);
// - a layer is the <maplayer> with that id in the referenced project, read there: its data
//   source resolved against that project's folder (unless it stores absolute paths), with its
//   custom properties and metadata, so its licence binding is the one it has there;
// - a group is the first group of that name in the referenced project's layer tree, with its
//   subgroups' check states from there; its layers are checked unless the embedding project
//   lists them in "embedded-invisible-layers";
// - one level only: what the referenced project itself embeds is not followed (QGIS refuses
//   it), so chains and cycles end there.
// Whatever cannot be resolved is added to the project's unreadable layers with the reason.
class EmbeddedLayers {
public:
    EmbeddedLayers(const ProjectDocument& embedding, const ProjectReadLimits& limits,
                   Project& project);

    // <maplayer embedded="1" project="..." id="..."/>, or a tree layer marked embedded whose
    // layer is not known yet. `name` is what the embedding project calls it (for messages).
    void addLayer(const std::string& id, const std::string& project_attribute,
                  const std::string& name);

    // A tree group marked embedded: its children from the referenced project, inserted first
    // (QGIS inserts them before any children the group already has).
    void expandGroup(LayerTreeNode& group, const pugi::xml_node& element);

private:
    // The referenced project, read once; nullptr with `reason` set when it cannot be read.
    const ProjectDocument* referenced(const std::filesystem::path& path, std::string& reason);
    bool known(const std::string& id) const;
    void addFrom(const ProjectDocument& source, const std::string& id, const std::string& name);
    void unreadable(UnreadableLayer::Kind kind, const std::string& id, const std::string& name,
                    const std::filesystem::path& project, const std::string& reason);

    const ProjectDocument& embedding_;
    const ProjectReadLimits& limits_;
    Project& project_;
    std::map<std::string, std::unique_ptr<ProjectDocument>> documents_; // by path
    std::map<std::string, std::string> failures_;                       // path -> reason
    std::size_t bytes_read_ = 0; // referenced projects share one size budget
};

} // namespace geolicence::detail
