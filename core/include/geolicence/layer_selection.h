#pragma once

#include "geolicence/project.h"

#include <string>
#include <vector>

namespace geolicence {

// The project's layers in QGIS's render order (custom layer order when enabled, else the
// layer tree from top to bottom), as ids.
std::vector<std::string> layerOrder(const Project& project);

// Layers that are checked and inside checked groups, in render order.
std::vector<std::string> visibleLayers(const Project& project);

// Which layers a layout map renders, as QGIS 3.22 decides it (QgsLayoutItemMap::
// layersToRender): a data-defined layer list overrides everything; else a followed theme that
// exists gives that theme's visible layers; else a non-empty stored layer set; else the
// project's visible layers. Ids of layers the project does not have are dropped.
std::vector<std::string> layersToRender(const Project& project, const LayoutMap& map);

// The union over a layout's maps, in first-seen order.
std::vector<std::string> layersRenderedByLayout(const Project& project, const Layout& layout);

// Whether a legend of `layout` shows the layer.
bool legendShowsLayer(const Project& project, const Layout& layout, const std::string& layer_id);

} // namespace geolicence
