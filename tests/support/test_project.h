#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace geolicence::test {

// The attribution text the GRB use right (grb-art7-intern-gebruik) demands.
extern const char* const kGrbText;

// Writes, in `dir`, a project kaart.qgs with NDFF observations (custom property), GRB
// buildings (sidecar), an OpenStreetMap background (source rule, hidden) and an unlicensed
// sketch layer, and three layouts: "Intern" (observations and buildings, GRB label),
// "Publicatie" (buildings and OpenStreetMap, both attributions) and "Zonder bron" (buildings,
// no label). Returns the project's path.
std::string writeLicencedProject(const std::string& dir);

// True when a `check --format json` decision has a finding of `rule`.
bool hasFinding(const nlohmann::json& decision, const std::string& rule);

} // namespace geolicence::test
