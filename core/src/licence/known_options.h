#pragma once

#include <geolicence/licence_profile.h>

#include <string_view>
#include <vector>

namespace geolicence::detail {

// The option vocabulary is closed: every profile that accepts `valid_until` means the same
// thing by it, so a tool (the QGIS licence page, the CLI) can offer the right editor for it.
struct KnownOption {
    std::string_view name;
    OptionType type;
    std::vector<std::string_view> values; // for Enum
};

const std::vector<KnownOption>& knownOptions();
const KnownOption* findKnownOption(std::string_view name);
std::string knownOptionNames();

} // namespace geolicence::detail
