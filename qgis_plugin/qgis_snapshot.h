#pragma once

#include <geolicence/project.h>

class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;

namespace geolicence::qgis {

// Live QGIS objects as the core's plain model, so every decision is made by libgeolicence
// exactly as the CLI makes it for a project file.

ProjectLayer snapshotLayer(const QgsMapLayer& layer);

// The project's layers (and its file path); enough to bind and evaluate them.
Project snapshotProject(const QgsProject& project);

// A layout as QGIS itself resolves it: each map's layers as QGIS will render them
// (layersToRender, stored as a locked set), label texts as they will print, and the layers
// each legend shows.
Layout snapshotLayout(const QgsPrintLayout& layout);

} // namespace geolicence::qgis
