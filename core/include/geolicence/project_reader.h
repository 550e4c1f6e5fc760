#pragma once

#include "geolicence/project.h"

#include <cstddef>
#include <filesystem>

namespace geolicence {

// Bounds that keep a hostile project file from exhausting the machine.
struct ProjectReadLimits {
    std::size_t max_project_bytes = 512u << 20; // the .qgs text, also inside a .qgz
    std::size_t max_zip_entries = 1000;
    std::size_t max_compression_ratio = 200;   // beyond this a .qgz entry is treated as a bomb
    std::size_t max_referenced_projects = 100; // distinct projects embedded layers come from
};

// Reads a .qgs (XML) or .qgz (zip holding the .qgs) as written by QGIS 1.8–3.40, the way
// QGIS 3.22 reads it: embedded layers and groups are taken from the projects they come from
// (one level, as QGIS: what is embedded there is not followed again), QGIS 1.x/2.x print
// composers become layouts. A layer that cannot be read (its project is missing, ...) is
// listed in `Project::unreadable_layers`, never dropped silently. XML entity declarations and
// external entities are refused, never expanded or fetched; a .qgz is never extracted to disk;
// the projects embedded layers come from are read within the same limits, their sizes counted
// together against `max_project_bytes`. Throws InputError naming the file
// and the problem when the project itself cannot be read.
Project readProject(const std::filesystem::path& path, const ProjectReadLimits& limits = {});

// True for the extensions readProject accepts.
bool isProjectFile(const std::filesystem::path& path);

} // namespace geolicence
