#include <geolicence/standard_catalog.h>

#include <cstdlib>

namespace geolicence {

Catalog standardCatalog(const std::vector<std::filesystem::path>& directories) {
    CatalogBuilder builder;
    builder.addBundled();
    if (const char* env = std::getenv("GEOLICENCE_CATALOG_PATH")) {
        for (const auto& directory : splitSearchPath(env)) {
            builder.addDirectory(directory);
        }
    }
    for (const auto& directory : directories) {
        builder.addDirectory(directory);
    }
    return builder.build();
}

} // namespace geolicence
