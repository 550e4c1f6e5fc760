#pragma once

#include "geolicence/binding_source.h"
#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// The licence that travels with a data file, so that a copy, an export or an aggregated
// derivative keeps saying what may be done with it.
//
// Two carriers, read in this order:
//  - a sidecar `<dataset>.licence.json`: {"licence": id, "options": {...},
//    "attribution": ["text", ...]}, or for data under several licences
//    {"licences": [{"licence": id, "options": {...}}, ...], ...}; derived data adds
//    "derived_from" (binding_json.h) next to the licences;
//  - for a GeoPackage, a `gpkg_metadata` row with MIME type application/vnd.geolicence+json
//    holding the same JSON, referenced from the layer's table (or the whole file).
struct DatasetLicence {
    LicenceBinding binding;               // binding.from says which carrier it came from
    std::vector<std::string> attribution; // attribution texts owed, as written at bind time
};

inline constexpr const char* kGeolicenceMimeType = "application/vnd.geolicence+json";

std::filesystem::path sidecarPath(const std::filesystem::path& dataset);

// Reads every carrier of `dataset` (layer `table` of a GeoPackage, or the file as a whole):
// the sidecar, then the GeoPackage metadata. A carrier that exists but cannot be read (bad
// JSON, unknown licence, wrong option types) is a source with its `error` set.
std::vector<BindingSource> readDatasetLicenceSources(const std::filesystem::path& dataset,
                                                     const Catalog& catalog,
                                                     const std::string& table = "");

// Reads the binding of `dataset` (layer `table` of a GeoPackage, or the file as a whole);
// options are typed with the profile from `catalog`. nullopt when the dataset carries none.
// InputError for a carrier that exists but is unreadable or names an unknown licence, and for
// carriers that disagree (binding conflict): a tool that must act on one licence (aggregate)
// never picks one of two silently.
std::optional<DatasetLicence> readDatasetLicence(const std::filesystem::path& dataset,
                                                 const Catalog& catalog,
                                                 const std::string& table = "");

// Writes the binding: GeoPackage metadata for `.gpkg` (referenced from `table`, or the whole
// file when empty), a sidecar for anything else. Replaces an earlier geolicence binding.
// Atomic for the sidecar (temporary file + rename).
void writeDatasetLicence(const std::filesystem::path& dataset, const DatasetLicence& licence,
                         const Catalog& catalog, const std::string& table = "");

} // namespace geolicence
