#pragma once

#include "geolicence/catalog.h"
#include "geolicence/evaluation.h"
#include "geolicence/precision_claim.h"
#include "geolicence/project.h"
#include "geolicence/project_binding.h"
#include "geolicence/published_text.h"
#include "geolicence/service_exposure.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

struct CheckRequest {
    EvaluationRequest evaluation;
    std::optional<std::string> layout; // check what this layout's maps render
    // What was exported from the layout (a PDF's text): its attributions and the names it must
    // not mention are looked for there, not in the layout's labels. Needs `layout`.
    std::optional<PublishedText> published;
    // The organisation's defaults for what bindings leave unset (--role).
    BindingDefaults binding_defaults;
    // Reads a layer's data to verify the cell size its binding claims (the GIS wing's
    // measureProjectLayer). A claim is never simply believed: without a measurer it stays
    // unverified, with a warning (`precision-not-measured`).
    LayerMeasurer measure_layer;
    // Whether a layer's extent lies inside the licensed territory (the GIS wing's Territory,
    // the CLI's --territory; the plugin's territory setting). Unset: not known.
    std::function<std::optional<bool>(const ProjectLayer& layer)> within_territory;
};

// One checked layer and how it is licensed, for reports that list every layer (JUnit).
struct CheckedLayer {
    std::string id;
    std::string name;
    std::optional<LicenceBinding> binding;
    SourceRegion region{}; // its element in the checked project file, when known
};

// A layer a project's web services put out (check --target web), and the situation it was
// judged in.
struct ServedLayer {
    LayerExposure exposure;
    Context context;
};

struct CheckResult {
    Decision decision;
    std::vector<CheckedLayer> layers;
    std::string subject;             // the project or dataset file
    SourceRegion layout_region{};    // the checked layout's element, when known
    std::vector<ServedLayer> served; // check --target web: what the services expose
};

// Checks `request.evaluation.action` for a project: the layers the layout's maps render (when
// a layout is named; its owed attributions and legends are then verified on the layout), else
// the project's visible layers (duties are listed, not verified). Layers the reader could not
// read and selected ids the project does not define are errors (reader_findings.h), so the
// decision is then "prohibited". InputError for a layout the
// project does not have. With `request.published`, the owed attributions are verified in the
// exported artefact instead of on the layout (a missing one is an error naming it).
CheckResult checkProject(const Project& project, const Catalog& catalog,
                         const CheckRequest& request);

// The same, for adapters that bind layers themselves (the QGIS plugin adds the organisation's
// defaults and measured facts): `bind` turns the selected layer ids into evaluation inputs.
using LayerInputSource = std::function<std::vector<LayerInput>(
    const std::vector<std::string>& layer_ids, std::vector<Finding>& binding_problems)>;
CheckResult checkProject(const Project& project, const Catalog& catalog,
                         const CheckRequest& request, const LayerInputSource& bind);

// The layers as checkProject and the web check judge them: bound (projectLayerInputs, with
// `request.binding_defaults`), every claimed cell size measured with `request.measure_layer`
// and outweighed by the measurement (applyMeasuredPrecision; without a measurer the claim is
// reported unverified), and `within_territory` set from `request.within_territory`. What was
// measured is added to `notes`, which follow the decision's findings.
std::vector<LayerInput> judgedLayerInputs(const Project& project, const Catalog& catalog,
                                          const std::vector<std::string>& layer_ids,
                                          const CheckRequest& request,
                                          std::vector<Finding>& binding_problems,
                                          std::vector<Finding>& notes);

// The layers `checkProject` looks at, with their bindings (for `inspect` and `attribution`).
// Each is bound with bindProjectLayer (the defaults applied); broken bindings (`invalid-binding`)
// and disagreeing ones (`binding-conflict`) are added to `binding_problems`.
// Ids the project does not define are left out here; checkProject reports them.
std::vector<LayerInput> projectLayerInputs(const Project& project, const Catalog& catalog,
                                           const std::vector<std::string>& layer_ids,
                                           std::vector<Finding>& binding_problems,
                                           Language language = Language::English,
                                           const BindingDefaults& defaults = {});

} // namespace geolicence
