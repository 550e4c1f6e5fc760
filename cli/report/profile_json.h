#pragma once

#include <geolicence/licence_profile.h>

#include <nlohmann/json.hpp>

namespace geolicence::cli {

// The catalog entry of `licences list --format json`.
nlohmann::ordered_json profileSummaryJson(const LicenceProfile& profile);

// A resolved profile (inherited rules included) for `licences show --format json`.
nlohmann::ordered_json profileJson(const LicenceProfile& profile);

// "context.cell_size_m >= 1000", for people reading `licences show`.
std::string constraintToText(const Constraint& constraint);

} // namespace geolicence::cli
