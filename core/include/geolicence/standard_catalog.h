#pragma once

#include "geolicence/catalog.h"

#include <filesystem>
#include <vector>

namespace geolicence {

// The catalog every front end judges with, assembled one way: the bundled profiles, then the
// directories in GEOLICENCE_CATALOG_PATH, then `directories` (the CLI's --catalog, the QGIS
// plugin's settings); a later profile replaces an earlier one with the same id. InputError
// when a directory or profile cannot be read: judging without the organisation's own reading
// of a licence could permit what it forbids.
Catalog standardCatalog(const std::vector<std::filesystem::path>& directories);

} // namespace geolicence
