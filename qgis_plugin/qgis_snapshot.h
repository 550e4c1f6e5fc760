#pragma once

#include <geolicence/project.h>

class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;

namespace geolicence::qgis {

// Live QGIS objects as the core's plain model, as the project reader reads them from the saved
// file, so every decision is made by libgeolicence exactly as the CLI makes it for that file:
// the same layers chosen (layer_selection.h), the same bindings, the same labels.

ProjectLayer snapshotLayer(const QgsMapLayer& layer);

// The project's layers (valid or not: a layer whose data is missing still carries its
// licence), its layer tree with what is checked, its custom layer order and its map themes;
// no layouts (snapshotLayout adds the one being checked).
Project snapshotProject(const QgsProject& project);

// A layout as the project file stores it: each map's layer set, lock, followed theme and
// data-defined layer list (evaluated by QGIS), its atlas, its labels as written (an
// expression is not evaluated, as the CLI cannot evaluate it) and its legends.
Layout snapshotLayout(const QgsPrintLayout& layout);

} // namespace geolicence::qgis
