#pragma once

#include <geolicence/project_reader.h>

#include <filesystem>
#include <string>

namespace geolicence::detail {

// Reads the .qgs member of a .qgz into memory, within `limits` (entry count, size, ratio).
std::string readQgsFromQgz(const std::filesystem::path& path, const ProjectReadLimits& limits);

} // namespace geolicence::detail
