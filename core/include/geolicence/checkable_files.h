#pragma once

#include <filesystem>
#include <vector>

namespace geolicence {

enum class CheckableKind { Project, Dataset };

struct CheckableFile {
    std::filesystem::path path;
    CheckableKind kind = CheckableKind::Project;
};

// True for the extensions of the vector formats a publishing pipeline exports (GeoPackage,
// GeoJSON, Shapefile, FlatGeobuf, CSV, GML, KML): what `check DIR --recursive` treats as data.
bool isDatasetFile(const std::filesystem::path& path);

// True for a .pdf (any case): an exported map, checked against the layout it came from.
bool isPdfFile(const std::filesystem::path& path);

// Every QGIS project and dataset under `folder`, sorted by path so reports are stable. Hidden
// files and folders (.git, .venv, ...) are skipped and symbolic links to folders are not
// followed, so a link cycle cannot make the walk endless. Licence sidecars
// (`*.licence.json`) are not datasets. InputError when `folder` cannot be listed.
std::vector<CheckableFile> findCheckableFiles(const std::filesystem::path& folder);

} // namespace geolicence
