#include "check/project_layer_source.h"

#include "gdal_support.h"

#include <geolicence/percent_encoding.h>

#include <cctype>
#include <cstdlib>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>
#include <optional>
#include <sstream>

namespace geolicence::detail {

void GdalDatasetCloser::operator()(GDALDataset* dataset) const {
    GDALClose(dataset);
}

namespace {

// What GDAL needs to read the layer: the dataset, its open options, the layer, a filter.
struct GdalSource {
    std::string dataset;
    CPLStringList open_options;
    std::string layer_name; // empty: `layer_index`
    int layer_index = 0;
    std::string attribute_filter;
};

std::map<std::string, std::string> queryItems(const std::string& query) {
    std::map<std::string, std::string> items;
    std::istringstream in(query);
    std::string item;
    while (std::getline(in, item, '&')) {
        const std::size_t equals = item.find('=');
        if (equals != std::string::npos) {
            // "%20" in a delimited-text URI's query, as QUrl writes it.
            items[item.substr(0, equals)] = percentDecoded(item.substr(equals + 1));
        }
    }
    return items;
}

// "path|layername=obs|subset=..." (QGIS's OGR provider).
GdalSource ogrSource(const std::string& source) {
    GdalSource gdal;
    std::size_t bar = source.find('|');
    gdal.dataset = source.substr(0, bar);
    gdal.open_options = vectorOpenOptions(gdal.dataset);
    while (bar != std::string::npos) {
        const std::size_t next = source.find('|', bar + 1);
        const std::string part =
            source.substr(bar + 1, next == std::string::npos ? std::string::npos : next - bar - 1);
        if (part.rfind("layername=", 0) == 0) {
            gdal.layer_name = part.substr(10);
        } else if (part.rfind("layerid=", 0) == 0) {
            gdal.layer_index = std::atoi(part.substr(8).c_str());
        } else if (part.rfind("subset=", 0) == 0) {
            // The subset is the rest: it may itself contain '|'.
            gdal.attribute_filter = source.substr(bar + 1 + 7);
            break;
        }
        bar = next;
    }
    return gdal;
}

// "file:///obs.csv?type=csv&xField=x&yField=y&crs=EPSG:28992" (QGIS's delimited text).
std::optional<GdalSource> delimitedTextSource(const std::string& source) {
    const std::string scheme = "file://";
    if (source.rfind(scheme, 0) != 0) {
        return std::nullopt;
    }
    const std::size_t query = source.find('?');
    GdalSource gdal;
    gdal.dataset = percentDecoded(source.substr(scheme.size(), query - scheme.size()));
    const auto items = queryItems(query == std::string::npos ? "" : source.substr(query + 1));
    const auto item = [&](const std::string& key) {
        const auto found = items.find(key);
        return found == items.end() ? std::string() : found->second;
    };
    if (!item("wktField").empty()) {
        gdal.open_options.SetNameValue("GEOM_POSSIBLE_NAMES", item("wktField").c_str());
    } else if (!item("xField").empty() && !item("yField").empty()) {
        gdal.open_options.SetNameValue("X_POSSIBLE_NAMES", item("xField").c_str());
        gdal.open_options.SetNameValue("Y_POSSIBLE_NAMES", item("yField").c_str());
    } else {
        return std::nullopt; // a table without geometry
    }
    gdal.open_options.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
    gdal.open_options.SetNameValue("AUTODETECT_TYPE", "YES");
    // A .txt or .tsv file is CSV to QGIS when the URI says so; GDAL goes by the name.
    gdal.dataset = "CSV:" + gdal.dataset;
    return gdal;
}

// key='value' or key=value in a PostgreSQL/SpatiaLite provider URI.
std::string uriValue(const std::string& uri, const std::string& key) {
    std::size_t at = 0;
    while ((at = uri.find(key + "=", at)) != std::string::npos) {
        if (at == 0 || uri[at - 1] == ' ') {
            break;
        }
        ++at;
    }
    if (at == std::string::npos) {
        return "";
    }
    std::size_t begin = at + key.size() + 1;
    if (begin < uri.size() && (uri[begin] == '\'' || uri[begin] == '"')) {
        const char quote = uri[begin];
        const std::size_t end = uri.find(quote, begin + 1);
        return uri.substr(begin + 1, end == std::string::npos ? end : end - begin - 1);
    }
    return uri.substr(begin, uri.find(' ', begin) - begin);
}

// table="schema"."name" (geom): the table as GDAL names it.
std::string uriTable(const std::string& uri) {
    const std::size_t at = uri.find("table=");
    if (at == std::string::npos) {
        return "";
    }
    std::string table;
    std::size_t i = at + 6;
    while (i < uri.size() && uri[i] != ' ') {
        if (uri[i] == '"') {
            const std::size_t end = uri.find('"', i + 1);
            table += uri.substr(i + 1, end == std::string::npos ? end : end - i - 1);
            i = end == std::string::npos ? uri.size() : end + 1;
        } else {
            table += uri[i++];
        }
    }
    return table;
}

std::string uriSql(const std::string& uri) {
    const std::size_t at = uri.rfind(" sql=");
    return at == std::string::npos ? "" : uri.substr(at + 5);
}

std::optional<GdalSource> postgresSource(const std::string& uri) {
    std::string connection;
    for (const char* key : {"dbname", "host", "port", "user", "password", "service", "sslmode"}) {
        const std::string value = uriValue(uri, key);
        if (!value.empty()) {
            connection += std::string(connection.empty() ? "" : " ") + key + "='" + value + "'";
        }
    }
    GdalSource gdal;
    gdal.dataset = "PG:" + connection;
    gdal.layer_name = uriTable(uri);
    gdal.attribute_filter = uriSql(uri);
    if (gdal.layer_name.empty()) {
        return std::nullopt; // a query layer: not measured here
    }
    return gdal;
}

std::optional<GdalSource> spatialiteSource(const std::string& uri) {
    GdalSource gdal;
    gdal.dataset = uriValue(uri, "dbname");
    gdal.layer_name = uriTable(uri);
    gdal.attribute_filter = uriSql(uri);
    if (gdal.dataset.empty() || gdal.layer_name.empty()) {
        return std::nullopt;
    }
    return gdal;
}

std::optional<GdalSource> gdalSource(const ProjectLayer& layer) {
    if (layer.provider == "ogr") {
        return ogrSource(layer.source);
    }
    if (layer.provider == "delimitedtext") {
        return delimitedTextSource(layer.source);
    }
    if (layer.provider == "postgres") {
        return postgresSource(layer.source);
    }
    if (layer.provider == "spatialite") {
        return spatialiteSource(layer.source);
    }
    return std::nullopt;
}

} // namespace

OpenedProjectLayer openProjectLayer(const ProjectLayer& layer) {
    OpenedProjectLayer opened;
    const std::optional<GdalSource> source = gdalSource(layer);
    if (!source) {
        opened.why_not = "geolicence cannot read the features of a " + layer.provider + " layer";
        return opened;
    }
    ensureGdalRegistered();
    const QuietGdalErrors quiet;
    opened.dataset.reset(static_cast<GDALDataset*>(
        GDALOpenEx(source->dataset.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                   source->open_options.List(), nullptr)));
    if (!opened.dataset) {
        opened.why_not = "its data cannot be read: " + QuietGdalErrors::openFailure();
        return opened;
    }
    opened.layer = source->layer_name.empty()
                       ? opened.dataset->GetLayer(source->layer_index)
                       : opened.dataset->GetLayerByName(source->layer_name.c_str());
    if (opened.layer == nullptr) {
        opened.why_not = "its data has no layer " + (source->layer_name.empty()
                                                         ? std::to_string(source->layer_index)
                                                         : "\"" + source->layer_name + "\"");
        return opened;
    }
    // QGIS shows only the features the subset lets through. A filter GDAL cannot apply leaves
    // all of them: more vertices can only show a finer grid, never a coarser one, and a larger
    // extent only reaches further.
    if (!source->attribute_filter.empty()) {
        opened.layer->SetAttributeFilter(source->attribute_filter.c_str());
    }
    return opened;
}

} // namespace geolicence::detail
