#include "gdal_support.h"

#include <geolicence/binding_json.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <unistd.h>

namespace geolicence {

namespace {

constexpr const char* kStandardUri = "https://geolicence.example/binding/1";

bool isGeoPackage(const std::filesystem::path& dataset) {
    std::string extension = dataset.extension().string();
    for (char& c : extension) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return extension == ".gpkg";
}

std::string sqlQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c;
        if (c == '\'') {
            quoted += '\'';
        }
    }
    return quoted + "'";
}

std::string toJson(const DatasetLicence& licence) {
    nlohmann::ordered_json out;
    out["licence"] = licence.binding.licence_id;
    out["options"] = nlohmann::json::parse(optionsToJson(licence.binding.options));
    if (!licence.attribution.empty()) {
        out["attribution"] = licence.attribution;
    }
    return out.dump(2);
}

DatasetLicence fromJson(const std::string& text, const Catalog& catalog, const std::string& where,
                        const std::string& from) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(where + ": licence binding is not valid JSON: " + e.what());
    }
    if (!doc.is_object() || !doc.contains("licence") || !doc["licence"].is_string()) {
        throw InputError(where + ": licence binding needs {\"licence\": \"<profile id>\"}");
    }
    DatasetLicence licence;
    licence.binding.licence_id = doc["licence"].get<std::string>();
    licence.binding.from = from;
    const LicenceProfile* profile = catalog.find(licence.binding.licence_id);
    if (profile == nullptr || profile->is_abstract) {
        throw InputError(where + ": licence \"" + licence.binding.licence_id +
                         "\" is not in the catalog (see: geolicence licences list)");
    }
    if (doc.contains("options")) {
        licence.binding.options = optionsFromJson(*profile, doc["options"].dump(), where);
    }
    if (doc.contains("attribution")) {
        if (!doc["attribution"].is_array()) {
            throw InputError(where + ": \"attribution\" must be a list of texts");
        }
        for (const auto& item : doc["attribution"]) {
            if (!item.is_string()) {
                throw InputError(where + ": \"attribution\" must be a list of texts");
            }
            licence.attribution.push_back(item.get<std::string>());
        }
    }
    return licence;
}

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openGeoPackage(const std::filesystem::path& dataset, bool update) {
    detail::ensureGdalRegistered();
    const char* drivers[] = {"GPKG", nullptr};
    DatasetPtr opened(GDALDataset::Open(dataset.string().c_str(),
                                        GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0), drivers));
    if (!opened) {
        throw InputError(dataset.string() +
                         ": cannot open as GeoPackage: " + detail::QuietGdalErrors::lastMessage());
    }
    return opened;
}

// Runs a statement that returns no rows; throws with GDAL's message when it fails.
void execute(GDALDataset& dataset, const std::filesystem::path& path, const std::string& sql) {
    CPLErrorReset();
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    if (result != nullptr) {
        dataset.ReleaseResultSet(result);
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw InputError(path.string() + ": cannot write licence metadata: " +
                         detail::QuietGdalErrors::lastMessage());
    }
}

bool hasTable(GDALDataset& dataset, const std::string& table) {
    OGRLayer* result = dataset.ExecuteSQL(
        ("SELECT name FROM sqlite_master WHERE type = 'table' AND name = " + sqlQuote(table))
            .c_str(),
        nullptr, "SQLITE");
    if (result == nullptr) {
        return false;
    }
    const bool found = result->GetFeatureCount() > 0;
    dataset.ReleaseResultSet(result);
    return found;
}

std::optional<DatasetLicence> readGeoPackage(const std::filesystem::path& path,
                                             const Catalog& catalog, const std::string& table) {
    DatasetPtr dataset = openGeoPackage(path, false);
    if (!hasTable(*dataset, "gpkg_metadata") || !hasTable(*dataset, "gpkg_metadata_reference")) {
        return std::nullopt;
    }
    // A binding of the layer's own table wins over one of the whole file.
    const std::string sql =
        "SELECT m.metadata AS metadata, r.reference_scope AS scope FROM gpkg_metadata m "
        "JOIN gpkg_metadata_reference r ON r.md_file_id = m.id WHERE m.mime_type = " +
        sqlQuote(kGeolicenceMimeType) + " AND (r.reference_scope = 'geopackage'" +
        (table.empty() ? std::string() : " OR r.table_name = " + sqlQuote(table)) +
        ") ORDER BY CASE r.reference_scope WHEN 'geopackage' THEN 1 ELSE 0 END, m.id DESC";
    OGRLayer* result = dataset->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    if (result == nullptr) {
        throw InputError(path.string() + ": cannot read GeoPackage metadata: " +
                         detail::QuietGdalErrors::lastMessage());
    }
    std::optional<DatasetLicence> licence;
    if (OGRFeature* row = result->GetNextFeature()) {
        const std::string text = row->GetFieldAsString("metadata");
        OGRFeature::DestroyFeature(row);
        dataset->ReleaseResultSet(result);
        return fromJson(text, catalog, path.string() + " (gpkg_metadata)", "geopackage-metadata");
    }
    dataset->ReleaseResultSet(result);
    return licence;
}

void writeGeoPackage(const std::filesystem::path& path, const DatasetLicence& licence,
                     const std::string& table) {
    DatasetPtr dataset = openGeoPackage(path, true);
    if (!table.empty() && dataset->GetLayerByName(table.c_str()) == nullptr) {
        throw InputError(path.string() + ": has no layer \"" + table + "\"");
    }
    if (dataset->StartTransaction() != OGRERR_NONE) {
        throw InputError(path.string() + ": cannot start a transaction");
    }
    try {
        // Tables and extension rows as the GeoPackage 1.2 metadata extension defines them.
        execute(*dataset, path,
                "CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY "
                "KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset', md_standard_uri "
                "TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT "
                "NULL DEFAULT '')");
        execute(*dataset, path,
                "CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT "
                "NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER, timestamp "
                "DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id "
                "INTEGER NOT NULL, md_parent_id INTEGER, CONSTRAINT crmr_mfi_fk FOREIGN KEY "
                "(md_file_id) REFERENCES gpkg_metadata(id), CONSTRAINT crmr_mpi_fk FOREIGN KEY "
                "(md_parent_id) REFERENCES gpkg_metadata(id))");
        execute(*dataset, path,
                "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
                "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
                "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
        for (const char* name : {"gpkg_metadata", "gpkg_metadata_reference"}) {
            execute(*dataset, path,
                    std::string("INSERT OR IGNORE INTO gpkg_extensions VALUES (") + sqlQuote(name) +
                        ", NULL, 'gpkg_metadata', "
                        "'http://www.geopackage.org/spec120/#extension_metadata', "
                        "'read-write')");
        }
        const std::string scope =
            table.empty() ? "reference_scope = 'geopackage'" : "table_name = " + sqlQuote(table);
        const std::string ours =
            "SELECT id FROM gpkg_metadata WHERE mime_type = " + sqlQuote(kGeolicenceMimeType);
        execute(*dataset, path,
                "DELETE FROM gpkg_metadata_reference WHERE " + scope + " AND md_file_id IN (" +
                    ours + ")");
        execute(*dataset, path,
                "DELETE FROM gpkg_metadata WHERE mime_type = " + sqlQuote(kGeolicenceMimeType) +
                    " AND id NOT IN (SELECT md_file_id FROM gpkg_metadata_reference)");
        execute(*dataset, path,
                "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) "
                "VALUES ('dataset', " +
                    sqlQuote(kStandardUri) + ", " + sqlQuote(kGeolicenceMimeType) + ", " +
                    sqlQuote(toJson(licence)) + ")");
        execute(
            *dataset, path,
            "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) "
            "VALUES (" +
                std::string(table.empty() ? "'geopackage', NULL" : "'table', " + sqlQuote(table)) +
                ", (SELECT max(id) FROM gpkg_metadata))");
    } catch (...) {
        dataset->RollbackTransaction();
        throw;
    }
    if (dataset->CommitTransaction() != OGRERR_NONE) {
        throw InputError(path.string() + ": cannot write licence metadata: " +
                         detail::QuietGdalErrors::lastMessage());
    }
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path temporary =
        path.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw InputError(path.string() + ": cannot write file");
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        throw InputError(path.string() + ": cannot write file: " + error.message());
    }
}

} // namespace

std::filesystem::path sidecarPath(const std::filesystem::path& dataset) {
    return dataset.string() + ".licence.json";
}

std::optional<DatasetLicence> readDatasetLicence(const std::filesystem::path& dataset,
                                                 const Catalog& catalog, const std::string& table) {
    const detail::QuietGdalErrors quiet;
    const std::filesystem::path sidecar = sidecarPath(dataset);
    std::error_code error;
    if (std::filesystem::exists(sidecar, error)) {
        return fromJson(readTextFile(sidecar), catalog, sidecar.string(), "sidecar");
    }
    if (isGeoPackage(dataset) && std::filesystem::exists(dataset, error)) {
        return readGeoPackage(dataset, catalog, table);
    }
    return std::nullopt;
}

void writeDatasetLicence(const std::filesystem::path& dataset, const DatasetLicence& licence,
                         const Catalog& catalog, const std::string& table) {
    const detail::QuietGdalErrors quiet;
    const LicenceProfile* profile = catalog.find(licence.binding.licence_id);
    if (profile == nullptr || profile->is_abstract) {
        throw InputError("licence \"" + licence.binding.licence_id +
                         "\" is not in the catalog (see: geolicence licences list)");
    }
    const std::vector<std::string> problems = checkOptionValues(*profile, licence.binding.options);
    if (!problems.empty()) {
        throw InputError(problems.front());
    }
    std::error_code error;
    if (!std::filesystem::exists(dataset, error)) {
        throw InputError(dataset.string() + ": no such file");
    }
    if (isGeoPackage(dataset)) {
        writeGeoPackage(dataset, licence, table);
        // A stale sidecar would win over the metadata just written.
        std::filesystem::remove(sidecarPath(dataset), error);
        return;
    }
    writeFileAtomically(sidecarPath(dataset), toJson(licence) + "\n");
}

} // namespace geolicence
