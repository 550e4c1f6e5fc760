#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>
#include <geolicence/layer_selection.h>
#include <geolicence/project_check.h>

#include <algorithm>
#include <cctype>
namespace geolicence {

namespace {

std::string collapseWhitespace(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string layerNames(const Project& project, const std::vector<std::string>& ids) {
    std::string names;
    for (const std::string& id : ids) {
        const ProjectLayer* layer = project.findLayer(id);
        names += names.empty() ? "" : ", ";
        names += layer != nullptr ? layer->name : id;
    }
    return names;
}

Finding layoutFinding(const Project& project, Severity severity, const Duty& duty, std::string rule,
                      std::string message) {
    const std::string layer_id = duty.layers.empty() ? "" : duty.layers.front();
    const ProjectLayer* layer = project.findLayer(layer_id);
    return Finding{severity,     layer_id,        layer != nullptr ? layer->name : "",
                   duty.licence, std::move(rule), std::move(message),
                   duty.cite};
}

// Checks the duties a publication owes against what the layout shows: labels for
// attributions, legends for legend duties, and no label naming a party that forbids it.
void verifyDutiesOnLayout(const Project& project, const Layout& layout, Language language,
                          Decision& decision) {
    std::vector<std::string> labels;
    for (const LayoutLabel& label : layout.labels) {
        labels.push_back(collapseWhitespace(label.text));
    }
    const bool dutch = language == Language::Dutch;
    for (const Duty& duty : decision.duties) {
        if (duty.type == DutyType::Attribute && !duty.text.empty()) {
            const std::string wanted = collapseWhitespace(duty.text);
            const bool shown = std::any_of(labels.begin(), labels.end(), [&](const std::string& l) {
                return l.find(wanted) != std::string::npos;
            });
            if (!shown) {
                decision.permitted = false;
                const std::string names = layerNames(project, duty.layers);
                decision.findings.push_back(layoutFinding(
                    project, Severity::Error, duty, "attribution-missing",
                    dutch ? "Layout \"" + layout.name + "\" toont de verplichte bronvermelding \"" +
                                duty.text + "\" niet (voor " + names +
                                "). Voeg een label met precies deze tekst toe."
                          : "Layout \"" + layout.name +
                                "\" does not show the required attribution \"" + duty.text +
                                "\" (for " + names + "). Add a label with exactly this text."));
            }
        } else if (duty.type == DutyType::IncludeLegend) {
            for (const std::string& id : duty.layers) {
                if (legendShowsLayer(project, layout, id)) {
                    continue;
                }
                decision.permitted = false;
                Finding finding = layoutFinding(
                    project, Severity::Error, duty, "legend-missing",
                    dutch ? "Layout \"" + layout.name + "\" heeft geen legende die laag \"" +
                                layerNames(project, {id}) +
                                "\" toont; de licentie eist de juiste legende."
                          : "Layout \"" + layout.name + "\" has no legend showing layer \"" +
                                layerNames(project, {id}) + "\"; the licence requires its legend.");
                finding.layer_id = id;
                finding.layer_name = layerNames(project, {id});
                decision.findings.push_back(std::move(finding));
            }
        } else if (duty.type == DutyType::NoEndorsement) {
            std::vector<std::string> names{duty.party};
            names.insert(names.end(), duty.aliases.begin(), duty.aliases.end());
            for (const std::string& label : labels) {
                for (const std::string& name : names) {
                    if (!name.empty() && lower(label).find(lower(name)) != std::string::npos) {
                        decision.findings.push_back(layoutFinding(
                            project, Severity::Warning, duty, "endorsement",
                            dutch ? "Een label op layout \"" + layout.name + "\" noemt " + name +
                                        ", dat zonder toestemming niet als referentie genoemd "
                                        "mag worden (optie permission_ref)."
                                  : "A label on layout \"" + layout.name + "\" names " + name +
                                        ", which must not be mentioned as a reference without "
                                        "consent (option permission_ref)."));
                        break;
                    }
                }
            }
        }
    }
}

} // namespace

std::vector<LayerInput> projectLayerInputs(const Project& project, const Catalog& catalog,
                                           const std::vector<std::string>& layer_ids,
                                           std::vector<Finding>& binding_problems) {
    const LayerBinder binder(catalog);
    std::vector<LayerInput> inputs;
    for (const std::string& id : layer_ids) {
        const ProjectLayer* layer = project.findLayer(id);
        if (layer == nullptr) {
            continue;
        }
        LayerBindingResult bound = binder.bind(*layer);
        if (!bound.error.empty()) {
            binding_problems.push_back(Finding{Severity::Error, layer->id, layer->name,
                                               bound.binding ? bound.binding->licence_id : "",
                                               "invalid-binding", bound.error, ""});
        }
        inputs.push_back(LayerInput{layer->id, layer->name, std::move(bound.binding), {}});
    }
    return inputs;
}

CheckResult checkProject(const Project& project, const Catalog& catalog,
                         const CheckRequest& request) {
    return checkProject(project, catalog, request,
                        [&](const std::vector<std::string>& ids, std::vector<Finding>& problems) {
                            return projectLayerInputs(project, catalog, ids, problems);
                        });
}

CheckResult checkProject(const Project& project, const Catalog& catalog,
                         const CheckRequest& request, const LayerInputSource& bind) {
    const Layout* layout = nullptr;
    std::vector<std::string> ids;
    if (request.layout) {
        layout = project.findLayout(*request.layout);
        if (layout == nullptr) {
            std::string names;
            for (const Layout& l : project.layouts) {
                names += (names.empty() ? "" : ", ") + std::string("\"") + l.name + "\"";
            }
            throw InputError(project.path.string() + ": no layout named \"" + *request.layout +
                             "\" (layouts: " + (names.empty() ? "none" : names) + ")");
        }
        ids = layersRenderedByLayout(project, *layout);
    } else {
        ids = visibleLayers(project);
    }
    std::vector<Finding> problems;
    const std::vector<LayerInput> inputs = bind(ids, problems);
    CheckResult result;
    result.subject = project.path.string();
    result.decision = evaluate(catalog, request.evaluation, inputs);
    if (!problems.empty()) {
        result.decision.permitted = false;
        result.decision.findings.insert(result.decision.findings.begin(), problems.begin(),
                                        problems.end());
    }
    if (layout != nullptr) {
        for (const LayoutMap& map : layout->maps) {
            if (map.data_defined_layers_unresolved) {
                result.decision.findings.push_back(
                    Finding{Severity::Warning, "", "", "", "data-defined-layers",
                            "Map \"" + map.id + "\" of layout \"" + layout->name +
                                "\" chooses its layers with an expression only QGIS can evaluate; "
                                "checked the layers it renders without it.",
                            ""});
            }
        }
        verifyDutiesOnLayout(project, *layout, request.evaluation.language, result.decision);
    }
    for (const LayerInput& input : inputs) {
        result.layers.push_back(CheckedLayer{input.id, input.name, input.binding});
    }
    return result;
}

} // namespace geolicence
