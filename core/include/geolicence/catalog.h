#pragma once

#include "geolicence/licence_profile.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace geolicence {

// The licence profiles known to this run: the bundled ones, then those of extra directories
// in order, a later one replacing an earlier one with the same id. Immutable once built.
class Catalog {
public:
    const LicenceProfile* find(std::string_view id) const;

    // Profiles that can be bound to a layer (not abstract), sorted by id.
    std::vector<const LicenceProfile*> bindable() const;

    // All profiles including abstract ones, sorted by id.
    std::vector<const LicenceProfile*> all() const;

private:
    friend class CatalogBuilder;
    std::map<std::string, LicenceProfile, std::less<>> profiles_;
};

class CatalogBuilder {
public:
    // Profiles compiled into the binary.
    CatalogBuilder& addBundled();
    // Every *.json file directly in `directory` (sorted by name). Two files with the same id
    // in one directory are an error; across directories the later one wins.
    CatalogBuilder& addDirectory(const std::filesystem::path& directory);
    // One profile from a file; replaces a profile with the same id.
    CatalogBuilder& addFile(const std::filesystem::path& file);
    CatalogBuilder& addProfile(LicenceProfile profile);

    // Resolves `extends` and checks what only the whole catalog can tell: inheritance cycles,
    // unknown base profiles, references to undeclared options, duplicate rule ids.
    Catalog build() const;

private:
    std::map<std::string, LicenceProfile, std::less<>> profiles_;
};

// Splits a PATH-like list (`dir1:dir2`), dropping empty entries.
std::vector<std::filesystem::path> splitSearchPath(std::string_view list);

// Reads a whole file; InputError naming the file when it cannot.
std::string readTextFile(const std::filesystem::path& file);

} // namespace geolicence
