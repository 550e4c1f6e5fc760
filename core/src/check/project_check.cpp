#include "check/reader_findings.h"

#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>
#include <geolicence/layer_selection.h>
#include <geolicence/messages.h>
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

// Where the owed texts are looked for: the layout's labels, or what was exported from it.
class ShownTexts {
public:
    ShownTexts(const Layout& layout, const std::optional<PublishedText>& published)
        : published_(published ? &*published : nullptr) {
        for (const LayoutLabel& label : layout.labels) {
            labels_.push_back(collapseWhitespace(label.text));
        }
    }

    bool shows(const std::string& text) const {
        if (published_ != nullptr) {
            return published_->shows(text);
        }
        const std::string wanted = collapseWhitespace(text);
        return std::any_of(labels_.begin(), labels_.end(), [&](const std::string& label) {
            return label.find(wanted) != std::string::npos;
        });
    }

    bool mentions(const std::string& name) const {
        if (published_ != nullptr) {
            return published_->mentions(name);
        }
        return std::any_of(labels_.begin(), labels_.end(), [&](const std::string& label) {
            return detail::lowerAscii(label).find(detail::lowerAscii(name)) != std::string::npos;
        });
    }

    const PublishedText* published() const { return published_; }

private:
    std::vector<std::string> labels_;
    const PublishedText* published_;
};

std::string missingAttributionMessage(const ShownTexts& shown, const Layout& layout,
                                      const std::string& text, const std::string& names,
                                      Language language) {
    const PublishedText* published = shown.published();
    if (published == nullptr) {
        return say(Msg::AttributionMissingOnLayout, language, {layout.name, text, names});
    }
    // A PDF without any text had its labels exported as outlines: say so, or the user looks
    // for a missing label that is there.
    const std::string hint = published->empty() ? " " + say(Msg::PdfHasNoText, language) : "";
    return say(Msg::AttributionMissingInPdf, language,
               {published->name(), layout.name, text, names}) +
           hint;
}

// Checks the duties a publication owes against what the layout shows (or what was exported
// from it): attributions, legends for legend duties, and no text naming a party that forbids it.
void verifyDutiesOnLayout(const Project& project, const Layout& layout, const ShownTexts& shown,
                          Language language, Decision& decision) {
    const std::string where = shown.published() != nullptr
                                  ? shown.published()->name()
                                  : say(Msg::LabelOnLayout, language, {layout.name});
    for (const Duty& duty : decision.duties) {
        if (duty.type == DutyType::Attribute && duty.text.empty()) {
            // Owed, but nobody said what it must read (evaluation reported the option to set):
            // a layout cannot be shown to carry it, so it is not cleared either.
            decision.restrict(Verdict::Conditional);
        } else if (duty.type == DutyType::Attribute) {
            if (!shown.shows(duty.text)) {
                decision.restrict(Verdict::Prohibited);
                decision.findings.push_back(layoutFinding(
                    project, Severity::Error, duty,
                    shown.published() != nullptr ? "attribution-missing-in-pdf"
                                                 : "attribution-missing",
                    missingAttributionMessage(shown, layout, duty.text,
                                              layerNames(project, duty.layers), language)));
            }
        } else if (duty.type == DutyType::IncludeLegend) {
            for (const std::string& id : duty.layers) {
                if (legendShowsLayer(project, layout, id)) {
                    continue;
                }
                decision.restrict(Verdict::Prohibited);
                Finding finding = layoutFinding(
                    project, Severity::Error, duty, "legend-missing",
                    say(Msg::LegendMissing, language, {layout.name, layerNames(project, {id})}));
                finding.layer_id = id;
                finding.layer_name = layerNames(project, {id});
                decision.findings.push_back(std::move(finding));
            }
        } else if (duty.type == DutyType::NoEndorsement) {
            std::vector<std::string> names{duty.party};
            names.insert(names.end(), duty.aliases.begin(), duty.aliases.end());
            for (const std::string& name : names) {
                if (!name.empty() && shown.mentions(name)) {
                    // Logius 2.13: naming the party as a reference without its consent is a
                    // breach, not a matter of taste; the duty lapses once permission_ref is set.
                    decision.restrict(Verdict::Prohibited);
                    decision.findings.push_back(
                        layoutFinding(project, Severity::Error, duty, "endorsement",
                                      say(Msg::EndorsementNamed, language, {where, name})));
                    break;
                }
            }
        }
    }
}

void verifyPrecisionClaims(const Project& project, const Catalog& catalog,
                           const CheckRequest& request, std::vector<LayerInput>& inputs,
                           std::vector<Finding>& notes) {
    for (LayerInput& input : inputs) {
        const ProjectLayer* layer = project.findLayer(input.id);
        if (layer == nullptr || !input.binding || !claimsCellSize(catalog, *input.binding)) {
            continue;
        }
        MeasuredPrecision measured;
        if (request.measure_layer) {
            measured = request.measure_layer(*layer);
        } else {
            measured.why_not = "this program reads no geodata";
        }
        applyMeasuredPrecision(measured, catalog, request.evaluation.language, input, notes);
    }
}

void addTerritoryFacts(const Project& project, const CheckRequest& request,
                       std::vector<LayerInput>& inputs) {
    if (!request.within_territory) {
        return;
    }
    for (LayerInput& input : inputs) {
        const ProjectLayer* layer = project.findLayer(input.id);
        if (layer != nullptr && input.binding) {
            input.facts.within_territory = request.within_territory(*layer);
        }
    }
}

} // namespace

std::vector<LayerInput> projectLayerInputs(const Project& project, const Catalog& catalog,
                                           const std::vector<std::string>& layer_ids,
                                           std::vector<Finding>& binding_problems,
                                           Language language, const BindingDefaults& defaults) {
    const LayerBinder binder(catalog);
    // The layers a virtual layer or a join shows, whether the selection holds them or not.
    const ProjectLayerLookup lookup = [&project](const std::string& id) {
        const ProjectLayer* layer = project.findLayer(id);
        return layer == nullptr ? std::nullopt : std::optional<ProjectLayer>(*layer);
    };
    std::vector<LayerInput> inputs;
    for (const std::string& id : layer_ids) {
        const ProjectLayer* layer = project.findLayer(id);
        if (layer == nullptr) {
            continue; // not silent: checkProject reports it (readerFindings)
        }
        inputs.push_back(bindProjectLayer(binder, catalog, *layer, defaults, language,
                                          binding_problems, nullptr, lookup));
    }
    return inputs;
}

std::vector<LayerInput> judgedLayerInputs(const Project& project, const Catalog& catalog,
                                          const std::vector<std::string>& layer_ids,
                                          const CheckRequest& request,
                                          std::vector<Finding>& binding_problems,
                                          std::vector<Finding>& notes) {
    std::vector<LayerInput> inputs =
        projectLayerInputs(project, catalog, layer_ids, binding_problems,
                           request.evaluation.language, request.binding_defaults);
    verifyPrecisionClaims(project, catalog, request, inputs, notes);
    addTerritoryFacts(project, request, inputs);
    return inputs;
}

CheckResult checkProject(const Project& project, const Catalog& catalog,
                         const CheckRequest& request) {
    std::vector<Finding> notes;
    CheckResult result =
        checkProject(project, catalog, request,
                     [&](const std::vector<std::string>& ids, std::vector<Finding>& problems) {
                         return judgedLayerInputs(project, catalog, ids, request, problems, notes);
                     });
    // What the measurement found follows the engine's findings, as in the plugin.
    result.decision.findings.insert(result.decision.findings.end(), notes.begin(), notes.end());
    return result;
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
    if (request.published && layout == nullptr) {
        throw InputError(request.published->name() +
                         ": name the layout it was exported from to check what it owes");
    }
    // Layers the project names but the reader could not read, or does not define, are errors.
    std::vector<Finding> problems = readerFindings(project, ids, request.evaluation.language);
    const std::vector<LayerInput> inputs = bind(ids, problems);
    CheckResult result;
    result.subject = project.path.string();
    result.decision = evaluate(catalog, request.evaluation, inputs);
    addBindingProblems(result.decision, problems);
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
        // Duties belong to actions: what is put out (published, exported as a map, sold) must
        // carry them; a hand-over (share) only reports what is owed with the data.
        if (putsProductOut(request.evaluation.action)) {
            verifyDutiesOnLayout(project, *layout, ShownTexts(*layout, request.published),
                                 request.evaluation.language, result.decision);
        }
    }
    for (const LayerInput& input : inputs) {
        const ProjectLayer* layer = project.findLayer(input.id);
        result.layers.push_back(CheckedLayer{input.id, input.name, input.binding,
                                             layer != nullptr ? layer->region : SourceRegion{}});
    }
    if (layout != nullptr) {
        result.layout_region = layout->region;
    }
    return result;
}

} // namespace geolicence
