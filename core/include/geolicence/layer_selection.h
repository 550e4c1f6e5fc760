#pragma once

#include "geolicence/project.h"

#include <string>
#include <vector>

namespace geolicence {

// The project's layers in QGIS's render order (custom layer order when enabled, else the
// layer tree from top to bottom), as ids.
//
// Every selection here keeps ids the project does not define (a tree node or a stored layer
// set naming a layer that is not there, an embedded layer whose project is missing): QGIS
// leaves them out silently, a check must report them (see reader_findings.h).
std::vector<std::string> layerOrder(const Project& project);

// Layers that are checked and inside checked groups, in render order.
std::vector<std::string> visibleLayers(const Project& project);

// Which layers a layout map renders, as QGIS 3.22 decides it (QgsLayoutItemMap::
// layersToRender): a data-defined layer list overrides everything; else a followed theme that
// exists gives that theme's visible layers; else a non-empty stored layer set; else the
// project's visible layers.
std::vector<std::string> layersToRender(const Project& project, const LayoutMap& map);

// What a layout publishes: the union over its maps, in first-seen order, and with an atlas
// enabled its coverage layer (its features make the pages, hidden or not).
std::vector<std::string> layersRenderedByLayout(const Project& project, const Layout& layout);

// Whether a legend of `layout` shows the layer.
bool legendShowsLayer(const Project& project, const Layout& layout, const std::string& layer_id);

} // namespace geolicence
