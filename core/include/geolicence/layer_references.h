#pragma once

#include "geolicence/project.h"

#include <filesystem>
#include <string>
#include <vector>

namespace geolicence {

// What a layer shows besides its own data, read from how QGIS defines it: a virtual layer
// (provider "virtual") shows the result of SQL over its sources, project layers (`layer_ref`)
// and data read directly (`layer=provider:source:name`); a vector join shows the joined layer's
// attributes. Such a layer is derived data made on the fly, so it is under its sources'
// licences as a layer made by Processing is (project_binding.h applies them).
struct LayerReferences {
    std::vector<std::string> layer_ids; // project layers, in the order QGIS lists them
    std::vector<ProjectLayer> data;     // sources read directly: provider and source only
    std::string tool;                   // "QGIS virtual layer", "QGIS join" or both

    bool empty() const { return layer_ids.empty() && data.empty(); }
};

LayerReferences layerReferences(const ProjectLayer& layer);

// A virtual layer's definition with every relative path of its directly read sources made
// absolute against `project_dir`, as QGIS resolves them when it reads the project (it writes
// them relative, e.g. `layer=ogr:.%2Fobs.gpkg:obs:UTF-8`).
std::string resolveVirtualLayerSource(const std::string& source,
                                      const std::filesystem::path& project_dir);

} // namespace geolicence
