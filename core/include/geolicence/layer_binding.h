#pragma once

#include "geolicence/binding_source.h"
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
    std::optional<LicenceBinding> binding; // the one that applies (see chosenBinding)
    std::string error; // a binding exists but is broken (bad options JSON, unreadable sidecar)
    std::vector<BindingSource> sources; // every place a licence was found, in order
    std::vector<Finding> conflicts;     // where those places disagree (binding-conflict)

    // Everything wrong with the binding as findings: the broken binding (`invalid-binding`,
    // an error) and the conflicts. The CLI and the plugin report exactly these.
    std::vector<Finding> problems(const std::string& layer_id, const std::string& layer_name) const;
};

// Finds layer licences in the documented order: layer custom properties `geolicence/licences`
// (a JSON array of {licence, options}) or `geolicence/licence` (one licence, options as JSON in
// `geolicence/options`), with `geolicence/derived_from` for derived data; sidecar
// `<datasource>.licence.json`, GeoPackage metadata, layer metadata licenses naming a profile id or
// licence URL, and the catalog's source patterns. `binding.from` names the carrier. Every carrier
// is read, so that carriers that disagree are reported instead of the first one silently winning.
class LayerBinder {
public:
    explicit LayerBinder(const Catalog& catalog);

    LayerBindingResult bind(const ProjectLayer& layer, Language language = Language::English) const;
    std::vector<BindingSource> sources(const ProjectLayer& layer) const;

private:
    std::optional<BindingSource> customPropertySource(const ProjectLayer& layer,
                                                      const std::string& where) const;

    const Catalog& catalog_;
    std::vector<std::pair<std::regex, std::string>> source_patterns_; // pattern, profile id
};

inline constexpr const char* kLicenceProperty = "geolicence/licence";
inline constexpr const char* kOptionsProperty = "geolicence/options";
inline constexpr const char* kLicencesProperty = "geolicence/licences";
inline constexpr const char* kDerivedFromProperty = "geolicence/derived_from";

// The custom properties that bind a layer to `binding`, for an adapter that writes them (the
// plugin, on a layer Processing made): every geolicence key with its value, an empty value
// meaning "remove the key", so that no stale key of an earlier binding is left to disagree.
// One licence is written as geolicence/licence + geolicence/options (what every version reads),
// several as geolicence/licences only (an older reader then finds no licence it could apply
// alone); provenance as geolicence/derived_from. LayerBinder reads back the same binding.
std::vector<std::pair<std::string, std::string>> bindingProperties(const LicenceBinding& binding);

} // namespace geolicence
