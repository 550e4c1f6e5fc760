#include <geolicence/data_source.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/layer_references.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace geolicence {

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool isRelative(const std::string& path) {
    return startsWith(path, "./") || startsWith(path, "../");
}

std::string absolute(const std::string& path, const std::filesystem::path& project_dir) {
    if (!isRelative(path)) {
        return path;
    }
    return (project_dir / path).lexically_normal().string();
}

// Resolves the path part of "path|option|option" or "/vsizip/path/inner".
std::string resolvePathWithSuffix(const std::string& source, const std::filesystem::path& dir) {
    const std::size_t bar = source.find('|');
    std::string path = source.substr(0, bar);
    std::string prefix;
    for (const char* vsi : {"/vsizip/", "/vsigzip/", "/vsitar/"}) {
        if (startsWith(path, vsi)) {
            prefix = vsi;
            path = path.substr(prefix.size());
        }
    }
    const std::string rest = bar == std::string::npos ? "" : source.substr(bar);
    return prefix + absolute(path, dir) + rest;
}

// The value of key='value' or key=value in a provider URI such as spatialite's.
std::optional<std::pair<std::size_t, std::size_t>> quotedValue(const std::string& source,
                                                               const std::string& key) {
    const std::size_t at = source.find(key + "=");
    if (at == std::string::npos) {
        return std::nullopt;
    }
    std::size_t begin = at + key.size() + 1;
    if (begin < source.size() && source[begin] == '\'') {
        ++begin;
        const std::size_t end = source.find('\'', begin);
        return std::make_pair(begin, end == std::string::npos ? source.size() : end);
    }
    const std::size_t end = source.find(' ', begin);
    return std::make_pair(begin, end == std::string::npos ? source.size() : end);
}

// GDAL's "GPKG:path:table" (a GeoPackage raster table): the path and the table, split at the
// last colon, as QGIS's GDAL provider decodes it.
std::optional<std::pair<std::string, std::string>> geopackageRaster(const std::string& source) {
    const std::string prefix = "GPKG:";
    if (!startsWith(source, prefix)) {
        return std::nullopt;
    }
    const std::string rest = source.substr(prefix.size());
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return std::make_pair(rest, std::string());
    }
    return std::make_pair(rest.substr(0, colon), rest.substr(colon + 1));
}

std::string layerNameOption(const std::string& source) {
    const std::string key = "|layername=";
    const std::size_t at = source.find(key);
    if (at == std::string::npos) {
        return "";
    }
    const std::size_t begin = at + key.size();
    return source.substr(begin, source.find('|', begin) - begin);
}

} // namespace

std::string resolveDataSource(const std::string& provider, const std::string& source,
                              const std::filesystem::path& project_dir) {
    if (provider == "virtual") {
        return resolveVirtualLayerSource(source, project_dir);
    }
    if (provider == "gdal") {
        if (const auto raster = geopackageRaster(source)) {
            return "GPKG:" + absolute(raster->first, project_dir) +
                   (raster->second.empty() ? "" : ":" + raster->second);
        }
    }
    if (provider == "ogr" || provider == "gdal") {
        return resolvePathWithSuffix(source, project_dir);
    }
    if (provider == "delimitedtext" && startsWith(source, "file:")) {
        const std::size_t query = source.find('?');
        std::string path = source.substr(5, query == std::string::npos ? query : query - 5);
        if (isRelative(path)) {
            return "file://" + absolute(path, project_dir) +
                   (query == std::string::npos ? "" : source.substr(query));
        }
        return source;
    }
    if (provider == "spatialite") {
        if (const auto range = quotedValue(source, "dbname")) {
            const std::string path = source.substr(range->first, range->second - range->first);
            return source.substr(0, range->first) + absolute(path, project_dir) +
                   source.substr(range->second);
        }
    }
    return source;
}

std::optional<DataSourceFile> dataSourceFile(const std::string& provider,
                                             const std::string& source) {
    if (provider == "gdal") {
        if (const auto raster = geopackageRaster(source)) {
            return DataSourceFile{raster->first, raster->second};
        }
    }
    if (provider == "ogr" || provider == "gdal") {
        const std::string path = source.substr(0, source.find('|'));
        if (path.empty() || startsWith(path, "/vsi") || path.find("://") != std::string::npos) {
            return std::nullopt;
        }
        return DataSourceFile{path, layerNameOption(source)};
    }
    if (provider == "delimitedtext" && startsWith(source, "file:")) {
        std::string path = source.substr(5, source.find('?') - 5);
        while (startsWith(path, "//")) {
            path = path.substr(1);
        }
        return DataSourceFile{path, ""};
    }
    if (provider == "spatialite") {
        if (const auto range = quotedValue(source, "dbname")) {
            return DataSourceFile{source.substr(range->first, range->second - range->first), ""};
        }
    }
    return std::nullopt;
}

std::string shownSource(const std::string& source) {
    std::string shown = source;
    // key=value form (libpq, GDAL's PG:, ODBC-like strings): any key ending in "password".
    for (std::size_t at = 0;
         (at = detail::lowerAscii(shown).find("password", at)) != std::string::npos;) {
        std::size_t value = at + 8;
        while (value < shown.size() && shown[value] == ' ') {
            ++value;
        }
        if (value >= shown.size() || shown[value] != '=') {
            at = value;
            continue;
        }
        ++value;
        while (value < shown.size() && shown[value] == ' ') {
            ++value;
        }
        std::size_t end = value;
        if (end < shown.size() && (shown[end] == '\'' || shown[end] == '"')) {
            const char quote = shown[end];
            for (++end; end < shown.size() && shown[end] != quote; ++end) {
                end += shown[end] == '\\' ? 1 : 0;
            }
            end = std::min(end + 1, shown.size());
        } else {
            while (end < shown.size() &&
                   std::string_view(" ;&\"'").find(shown[end]) == std::string_view::npos) {
                ++end;
            }
        }
        shown.replace(value, end - value, "***");
        at = value + 3;
    }
    // URI form: scheme://user:password@host
    const std::size_t scheme = shown.find("://");
    if (scheme != std::string::npos) {
        const std::size_t authority = scheme + 3;
        const std::size_t at_sign = shown.find('@', authority);
        const std::size_t slash = shown.find('/', authority);
        if (at_sign != std::string::npos && (slash == std::string::npos || at_sign < slash)) {
            const std::size_t colon = shown.find(':', authority);
            if (colon != std::string::npos && colon < at_sign) {
                shown.replace(colon + 1, at_sign - colon - 1, "***");
            }
        }
    }
    return shown;
}

} // namespace geolicence
