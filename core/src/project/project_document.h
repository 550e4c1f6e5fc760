#pragma once

#include <geolicence/project_reader.h>

#include <filesystem>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace geolicence::detail {

// A project file's XML, parsed without expanding or fetching anything, and how QGIS resolves
// the relative paths in it (QgsPathResolver).
class ProjectDocument {
public:
    // Reads a .qgs or .qgz within `limits`; InputError naming the file and the problem.
    static std::unique_ptr<ProjectDocument> load(const std::filesystem::path& path,
                                                 const ProjectReadLimits& limits);

    const std::filesystem::path& path() const { return path_; }
    std::size_t bytes() const { return bytes_; } // of the XML text
    pugi::xml_node root() const { return document_.child("qgis"); }

    // Whether relative paths ("./", "../") are resolved against this project's folder: unless
    // the project stores absolute paths (<properties><Paths><Absolute>true). A project without
    // that setting resolves them when it is the project being opened, and does not when its
    // layers are embedded elsewhere (QgsProject::createEmbeddedLayer assumes absolute paths).
    bool resolvesRelativePaths(bool when_unset) const;

    // A path as QgsPathResolver::readPath gives it: "./x" and "../x" against the project's
    // folder, anything else as written.
    std::string readPath(const std::string& path) const;

    // The element's start tag in the file (from its '<' to its first child), for reports;
    // unknown for a .qgz.
    SourceRegion regionOf(const pugi::xml_node& element) const;

private:
    std::filesystem::path path_;
    std::size_t bytes_ = 0;
    bool archive_ = false;
    std::vector<std::size_t> line_starts_; // offset of each line's first byte
    pugi::xml_document document_;
};

} // namespace geolicence::detail
