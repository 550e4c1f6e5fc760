#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace geolicence {

// What an aggregation may hold in memory before it spills sorted runs to disk, unless told
// otherwise: a laptop has several times this, a national group-by needs more.
inline constexpr std::uint64_t kDefaultMemoryLimit = std::uint64_t{1} << 30;
// Below this the limit stops being a budget and becomes a way to write many tiny runs.
inline constexpr std::uint64_t kMinimumMemoryLimit = std::uint64_t{64} << 10;

// A size as people write it: "512M", "1G", "64K", "1.5G", "2GiB", "300MB", "1048576" (bytes).
// Units are binary (K = 1024) whatever their spelling, case does not matter. nullopt for
// anything else, zero or more than 2^62 bytes.
std::optional<std::uint64_t> parseMemorySize(std::string_view text);

// "1 GiB", "512 MiB", "1.5 GiB", "64 KiB", "1000 bytes".
std::string memorySizeText(std::uint64_t bytes);

} // namespace geolicence
