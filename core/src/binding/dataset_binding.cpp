#include "binding/json_depth.h"

#include <geolicence/binding_json.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sqlite3.h>
#include <unistd.h>

namespace geolicence {

namespace {

constexpr const char* kStandardUri = "https://geolicence.example/binding/1";

bool isGeoPackage(const std::filesystem::path& dataset) {
    return detail::lowerExtension(dataset) == ".gpkg";
}

// One licence is written in the form every version reads ({"licence", "options"}); several
// only as "licences", so that a reader that knows one licence fails on the binding instead of
// applying the first licence alone.
std::string toJson(const DatasetLicence& licence) {
    nlohmann::ordered_json out;
    const std::vector<BoundLicence>& licences = licence.binding.licences;
    if (licences.size() == 1) {
        out["licence"] = licences.front().licence_id;
        out["options"] = nlohmann::json::parse(optionsToJson(licences.front().options));
    } else {
        out["licences"] = nlohmann::ordered_json::parse(licencesToJson(licences));
    }
    if (!licence.binding.derived_from.empty()) {
        out["derived_from"] =
            nlohmann::ordered_json::parse(derivedFromToJson(licence.binding.derived_from));
    }
    if (!licence.attribution.empty()) {
        out["attribution"] = licence.attribution;
    }
    return out.dump(2);
}

DatasetLicence fromJson(const std::string& text, const Catalog& catalog, const std::string& where,
                        const std::string& from) {
    detail::checkJsonDepth(text, where);
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) { // parse errors, and numbers out of range
        throw InputError(where + ": licence binding is not valid JSON: " + e.what());
    }
    const bool one = doc.is_object() && doc.contains("licence");
    const bool several = doc.is_object() && doc.contains("licences");
    if (one && several) {
        // Which of the two applies cannot be guessed; applying either could drop a licence.
        throw InputError(where + ": licence binding has both \"licence\" and \"licences\"; "
                                 "write one of them");
    }
    if ((!one && !several) || (one && !doc["licence"].is_string())) {
        throw InputError(where + ": licence binding needs {\"licence\": \"<profile id>\"} or "
                                 "{\"licences\": [{\"licence\": \"<profile id>\", "
                                 "\"options\": {...}}]}");
    }
    DatasetLicence licence;
    licence.binding.from = from;
    if (several) {
        licence.binding.licences = licencesFromJson(catalog, doc["licences"].dump(), where);
    } else {
        BoundLicence only{doc["licence"].get<std::string>(), {}};
        const LicenceProfile* profile = catalog.find(only.licence_id);
        if (profile == nullptr || profile->is_abstract) {
            throw InputError(where + ": licence \"" + only.licence_id +
                             "\" is not in the catalog (see: geolicence licences list)");
        }
        if (doc.contains("options")) {
            only.options = optionsFromJson(*profile, doc["options"].dump(), where);
        }
        licence.binding.licences.push_back(std::move(only));
    }
    if (doc.contains("derived_from")) {
        licence.binding.derived_from =
            derivedFromFromJson(catalog, doc["derived_from"].dump(), where);
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

// GeoPackage is SQLite: its metadata tables are read and written with SQLite itself, so
// checking a project does not have to load GDAL and its hundred libraries.
class GeoPackage {
public:
    GeoPackage(const std::filesystem::path& path, bool update) : path_(path.string()) {
        const int flags = update ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
        sqlite3* opened = nullptr;
        const int status = sqlite3_open_v2(path_.c_str(), &opened, flags, nullptr);
        // Owned before anything can throw: a file that opens but is not a GeoPackage must
        // still be closed (the constructor's throw never runs the destructor).
        db_.reset(opened);
        if (status != SQLITE_OK) {
            throw InputError(path_ + ": cannot open as GeoPackage: " +
                             (opened != nullptr ? sqlite3_errmsg(opened) : "out of memory"));
        }
        sqlite3_busy_timeout(db(), 5000);
        if (!hasTable("gpkg_contents")) {
            throw InputError(path_ + ": not a GeoPackage (no gpkg_contents table)");
        }
    }

    // Runs `sql` with text parameters; calls `row` for each result row.
    void run(const std::string& sql, const std::vector<std::string>& parameters,
             const std::function<void(sqlite3_stmt*)>& row = {}) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db(), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            fail();
        }
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            sqlite3_bind_text(statement, static_cast<int>(i + 1), parameters[i].c_str(), -1,
                              SQLITE_TRANSIENT);
        }
        int status = SQLITE_ROW;
        while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
            if (row) {
                row(statement);
            }
        }
        sqlite3_finalize(statement);
        if (status != SQLITE_DONE) {
            fail();
        }
    }

    bool hasTable(const std::string& table) {
        bool found = false;
        run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {table},
            [&](sqlite3_stmt*) { found = true; });
        return found;
    }

    bool hasContent(const std::string& table) {
        bool found = false;
        run("SELECT 1 FROM gpkg_contents WHERE table_name = ?", {table},
            [&](sqlite3_stmt*) { found = true; });
        return found;
    }

    [[noreturn]] void fail() const {
        throw InputError(path_ + ": GeoPackage metadata: " + sqlite3_errmsg(db()));
    }

private:
    struct Close {
        void operator()(sqlite3* db) const { sqlite3_close(db); }
    };
    sqlite3* db() const { return db_.get(); }

    std::string path_;
    std::unique_ptr<sqlite3, Close> db_;
};

std::optional<DatasetLicence> readGeoPackage(const std::filesystem::path& path,
                                             const Catalog& catalog, const std::string& table) {
    GeoPackage gpkg(path, false);
    if (!gpkg.hasTable("gpkg_metadata") || !gpkg.hasTable("gpkg_metadata_reference")) {
        return std::nullopt;
    }
    // A data source without a layer name means the file's only layer (as GDAL opens it).
    std::string only_table;
    if (table.empty()) {
        int tables = 0;
        gpkg.run("SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', "
                 "'attributes')",
                 {}, [&](sqlite3_stmt* row) {
                     ++tables;
                     const unsigned char* name = sqlite3_column_text(row, 0);
                     only_table = name != nullptr ? reinterpret_cast<const char*>(name) : "";
                 });
        if (tables != 1) {
            only_table.clear();
        }
    }
    const std::string& wanted = table.empty() ? only_table : table;
    // A binding of the layer's own table wins over one of the whole file.
    std::optional<std::string> text;
    gpkg.run("SELECT m.metadata FROM gpkg_metadata m JOIN gpkg_metadata_reference r "
             "ON r.md_file_id = m.id WHERE m.mime_type = ? AND (r.reference_scope = "
             "'geopackage' OR (? <> '' AND r.table_name = ?)) ORDER BY CASE "
             "r.reference_scope WHEN 'geopackage' THEN 1 ELSE 0 END, m.id DESC LIMIT 1",
             {kGeolicenceMimeType, wanted, wanted}, [&](sqlite3_stmt* row) {
                 const unsigned char* value = sqlite3_column_text(row, 0);
                 text = value != nullptr ? reinterpret_cast<const char*>(value) : "";
             });
    if (!text) {
        return std::nullopt;
    }
    return fromJson(*text, catalog, path.string() + " (gpkg_metadata)", "geopackage-metadata");
}

void writeGeoPackage(const std::filesystem::path& path, const DatasetLicence& licence,
                     const std::string& table) {
    GeoPackage gpkg(path, true);
    if (!table.empty() && !gpkg.hasContent(table)) {
        throw InputError(path.string() + ": has no layer \"" + table + "\"");
    }
    gpkg.run("BEGIN IMMEDIATE", {});
    try {
        // Tables and extension rows as the GeoPackage 1.2 metadata extension defines them.
        gpkg.run("CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY "
                 "KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset', md_standard_uri "
                 "TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT "
                 "NULL DEFAULT '')",
                 {});
        gpkg.run("CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT "
                 "NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER, timestamp "
                 "DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id "
                 "INTEGER NOT NULL, md_parent_id INTEGER, CONSTRAINT crmr_mfi_fk FOREIGN KEY "
                 "(md_file_id) REFERENCES gpkg_metadata(id), CONSTRAINT crmr_mpi_fk FOREIGN KEY "
                 "(md_parent_id) REFERENCES gpkg_metadata(id))",
                 {});
        gpkg.run("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
                 "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
                 "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
                 {});
        for (const char* name : {"gpkg_metadata", "gpkg_metadata_reference"}) {
            gpkg.run("INSERT OR IGNORE INTO gpkg_extensions VALUES (?, NULL, 'gpkg_metadata', "
                     "'http://www.geopackage.org/spec120/#extension_metadata', 'read-write')",
                     {name});
        }
        const std::string scope =
            table.empty() ? "reference_scope = 'geopackage' AND ? = ''" : "table_name = ?";
        gpkg.run("DELETE FROM gpkg_metadata_reference WHERE " + scope +
                     " AND md_file_id IN (SELECT id FROM gpkg_metadata WHERE mime_type = ?)",
                 {table, kGeolicenceMimeType});
        gpkg.run("DELETE FROM gpkg_metadata WHERE mime_type = ? AND id NOT IN "
                 "(SELECT md_file_id FROM gpkg_metadata_reference)",
                 {kGeolicenceMimeType});
        gpkg.run("INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) "
                 "VALUES ('dataset', ?, ?, ?)",
                 {kStandardUri, kGeolicenceMimeType, toJson(licence)});
        gpkg.run(table.empty()
                     ? "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, "
                       "md_file_id) VALUES ('geopackage', NULLIF(?, ''), last_insert_rowid())"
                     : "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, "
                       "md_file_id) VALUES ('table', ?, last_insert_rowid())",
                 {table});
        gpkg.run("COMMIT", {});
    } catch (...) {
        try {
            gpkg.run("ROLLBACK", {});
        } catch (const InputError&) {
            // The original error says more than a failed rollback.
        }
        throw;
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
            // The cause (read-only, full disk) is what the user can act on.
            const std::string cause = std::strerror(errno);
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw InputError(path.string() + ": cannot write file (" + cause + ")");
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

std::vector<BindingSource> readDatasetLicenceSources(const std::filesystem::path& dataset,
                                                     const Catalog& catalog,
                                                     const std::string& table) {
    std::vector<BindingSource> sources;
    auto read = [&](const std::string& from, const std::string& where, auto reader) {
        BindingSource source{from, where, std::nullopt, {}, ""};
        try {
            std::optional<DatasetLicence> licence = reader();
            if (!licence) {
                return;
            }
            source.binding = std::move(licence->binding);
            source.attribution = std::move(licence->attribution);
        } catch (const InputError& e) {
            source.error = e.what();
        }
        sources.push_back(std::move(source));
    };
    const std::filesystem::path sidecar = sidecarPath(dataset);
    std::error_code error;
    if (std::filesystem::exists(sidecar, error)) {
        read("sidecar", sidecar.string(), [&]() -> std::optional<DatasetLicence> {
            return fromJson(readTextFile(sidecar), catalog, sidecar.string(), "sidecar");
        });
    }
    if (isGeoPackage(dataset) && std::filesystem::exists(dataset, error)) {
        read("geopackage-metadata", dataset.string(),
             [&] { return readGeoPackage(dataset, catalog, table); });
    }
    return sources;
}

std::optional<DatasetLicence> readDatasetLicence(const std::filesystem::path& dataset,
                                                 const Catalog& catalog, const std::string& table) {
    const std::vector<BindingSource> sources = readDatasetLicenceSources(dataset, catalog, table);
    for (const BindingSource& source : sources) {
        if (!source.error.empty()) {
            throw InputError(source.error);
        }
    }
    const std::vector<Finding> conflicts =
        bindingConflicts(sources, catalog, "", dataset.filename().string(), Language::English);
    for (const Finding& conflict : conflicts) {
        if (conflict.severity == Severity::Error) {
            throw InputError(dataset.string() + ": binding conflict: " + conflict.message);
        }
    }
    if (sources.empty()) {
        return std::nullopt;
    }
    return DatasetLicence{*sources.front().binding, sources.front().attribution};
}

void writeDatasetLicence(const std::filesystem::path& dataset, const DatasetLicence& licence,
                         const Catalog& catalog, const std::string& table) {
    if (licence.binding.licences.empty()) {
        throw InputError(dataset.string() + ": a binding needs at least one licence");
    }
    for (const BoundLicence& bound : licence.binding.licences) {
        const LicenceProfile* profile = catalog.find(bound.licence_id);
        if (profile == nullptr || profile->is_abstract) {
            throw InputError("licence \"" + bound.licence_id +
                             "\" is not in the catalog (see: geolicence licences list)");
        }
        const std::vector<std::string> problems = checkOptionValues(*profile, bound.options);
        if (!problems.empty()) {
            throw InputError(problems.front());
        }
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
