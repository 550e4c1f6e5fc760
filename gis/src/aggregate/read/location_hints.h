#pragma once

#include <geolicence/aggregation.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geolicence::detail {

// Heuristics for "this group-by field may reveal where an observation was, finer than its
// cell": a warning, never a refusal, since names and values only suggest it.

// What the field's name suggests (coordinates, an address, a postcode, a geometry); nullopt
// when nothing.
std::optional<std::string> locationRevealingName(std::string_view name);

// What most of the distinct values look like (postcodes, street addresses, coordinates);
// nullopt when they do not look location-revealing.
std::optional<std::string> locationRevealingValues(const std::vector<GroupValue>& values);

} // namespace geolicence::detail
