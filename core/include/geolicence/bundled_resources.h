#pragma once

#include <string_view>
#include <vector>

namespace geolicence::bundled {

// A resource compiled into the binary. `name` is its path in the source tree, so error
// messages point at the file a maintainer would edit.
struct EmbeddedFile {
    std::string_view name;
    std::string_view content;
};

const std::vector<EmbeddedFile>& licenceProfiles();
std::string_view licenceProfileSchema();

} // namespace geolicence::bundled
