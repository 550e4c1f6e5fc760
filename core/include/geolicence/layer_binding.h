#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"
#include "geolicence/project.h"

#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace geolicence {

// How a project layer's licence was found, or why it could not be read.
struct LayerBindingResult {
    std::optional<LicenceBinding> binding;
    std::string error; // a binding exists but is broken (bad options JSON, unreadable sidecar)
};

// Finds layer licences in the documented order: layer custom property `geolicence/licence`
// (options as JSON in `geolicence/options`), sidecar `<datasource>.licence.json`, GeoPackage
// metadata, layer metadata licenses naming a profile id or licence URL, and the catalog's
// source patterns. `binding.from` names the carrier.
class LayerBinder {
public:
    explicit LayerBinder(const Catalog& catalog);

    LayerBindingResult bind(const ProjectLayer& layer) const;

private:
    const Catalog& catalog_;
    std::vector<std::pair<std::regex, std::string>> source_patterns_; // pattern, profile id
};

inline constexpr const char* kLicenceProperty = "geolicence/licence";
inline constexpr const char* kOptionsProperty = "geolicence/options";

} // namespace geolicence
