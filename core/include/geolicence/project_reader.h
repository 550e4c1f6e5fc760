#pragma once

#include "geolicence/project.h"

#include <cstddef>
#include <filesystem>

namespace geolicence {

// Bounds that keep a hostile project file from exhausting the machine.
struct ProjectReadLimits {
    std::size_t max_project_bytes = 512u << 20; // the .qgs text, also inside a .qgz
    std::size_t max_zip_entries = 1000;
    std::size_t max_compression_ratio = 200; // beyond this a .qgz entry is treated as a bomb
};

// Reads a .qgs (XML) or .qgz (zip holding the .qgs) as written by QGIS 3.10–3.40. XML entity
// declarations and external entities are refused, never expanded or fetched; a .qgz is never
// extracted to disk. Throws InputError naming the file and the problem.
Project readProject(const std::filesystem::path& path, const ProjectReadLimits& limits = {});

// True for the extensions readProject accepts.
bool isProjectFile(const std::filesystem::path& path);

} // namespace geolicence
