#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace geolicence {

// A layer's data source as a file on disk, where it is one (GeoPackage, Shapefile, CSV, ...):
// the file and, for multi-layer files, the layer inside it.
struct DataSourceFile {
    std::filesystem::path path;
    std::string layer_name;
};

// Makes the relative file paths in a data source absolute the way QGIS's path resolver does:
// only paths starting with "./" or "../" are relative to the project's folder.
std::string resolveDataSource(const std::string& provider, const std::string& source,
                              const std::filesystem::path& project_dir);

// The file behind a (resolved) data source, for the providers that read files.
std::optional<DataSourceFile> dataSourceFile(const std::string& provider,
                                             const std::string& source);

// `source` as it may be shown in messages and reports: a password in a connection string
// (PostgreSQL's "password=...", also quoted, or "scheme://user:password@host") replaced by
// "***". Everything else is kept, so the user still sees which database was meant.
std::string shownSource(const std::string& source);

} // namespace geolicence
