#include <geolicence/binding_source.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/published_text.h>
#include <geolicence/reader_findings.h>
#include <geolicence/web_check.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace geolicence {

namespace {

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// "a", "a and b", "a, b and c".
std::string joinedList(const std::vector<std::string>& parts, bool dutch) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += i + 1 == parts.size() ? (dutch ? " en " : " and ") : ", ";
        }
        out += parts[i];
    }
    return out;
}

std::string metres(double value) {
    return std::to_string(static_cast<long long>(std::llround(value)));
}

std::string channelText(ServiceChannel channel, bool dutch) {
    switch (channel) {
    case ServiceChannel::WmsMap:
        return "WMS GetMap";
    case ServiceChannel::FeatureInfo:
        return "WMS GetFeatureInfo";
    case ServiceChannel::FeatureInfoGeometry:
        return dutch ? "WMS GetFeatureInfo met geometrieën" : "WMS GetFeatureInfo with geometries";
    case ServiceChannel::Wfs:
        return "WFS GetFeature";
    case ServiceChannel::WfsTransaction:
        return "WFS-T";
    case ServiceChannel::Wcs:
        return "WCS GetCoverage";
    case ServiceChannel::LizmapPopup:
        return dutch ? "Lizmap-popups" : "Lizmap popups";
    case ServiceChannel::LizmapAttributeTable:
        return dutch ? "de Lizmap-attributentabel (met download)"
                     : "Lizmap's attribute table (with download)";
    case ServiceChannel::LizmapEdition:
        return dutch ? "Lizmap-bewerking" : "Lizmap editing";
    case ServiceChannel::LizmapLocate:
        return dutch ? "Lizmap 'zoeken op laag'" : "Lizmap locate by layer";
    case ServiceChannel::LizmapTooltip:
        return dutch ? "Lizmap-tooltips" : "Lizmap tooltips";
    }
    return std::string(toString(channel));
}

std::string channelsText(const std::vector<ServiceChannel>& channels, bool dutch) {
    std::vector<std::string> parts;
    for (ServiceChannel channel : channels) {
        parts.push_back(channelText(channel, dutch));
    }
    return joinedList(parts, dutch);
}

// What to change in the project so that `channel` no longer hands out the layer's data.
std::string stopChannelFix(ServiceChannel channel, const std::string& layer, bool dutch) {
    switch (channel) {
    case ServiceChannel::Wfs:
        return dutch ? "haal laag " + quoted(layer) +
                           " uit de WFS-lijst (Projecteigenschappen › QGIS Server › "
                           "WFS-mogelijkheden, kolom Gepubliceerd)"
                     : "remove layer " + quoted(layer) +
                           " from the WFS list (Project Properties › QGIS Server › WFS "
                           "capabilities, column Published)";
    case ServiceChannel::Wcs:
        return dutch ? "haal laag " + quoted(layer) +
                           " uit de WCS-lijst (Projecteigenschappen › QGIS Server › "
                           "WCS-mogelijkheden)"
                     : "remove layer " + quoted(layer) +
                           " from the WCS list (Project Properties › QGIS Server › WCS "
                           "capabilities)";
    case ServiceChannel::FeatureInfoGeometry:
        return dutch ? "maak laag " + quoted(layer) +
                           " niet-identificeerbaar (Projecteigenschappen › Gegevensbronnen, "
                           "kolom Identificeerbaar) of zet 'Geometrie toevoegen aan "
                           "objectrespons' uit (Projecteigenschappen › QGIS Server › WMS)"
                     : "make layer " + quoted(layer) +
                           " non-identifiable (Project Properties › Data Sources, column "
                           "Identifiable) or turn off \"Add geometry to feature response\" "
                           "(Project Properties › QGIS Server › WMS capabilities)";
    case ServiceChannel::LizmapAttributeTable:
        return dutch ? "haal laag " + quoted(layer) +
                           " uit de attributentabel van Lizmap (Lizmap-plugin › "
                           "Attributentabel), die de download aanbiedt"
                     : "remove layer " + quoted(layer) +
                           " from Lizmap's attribute table tool (Lizmap plugin › Attribute "
                           "table), which offers its download";
    default:
        return "";
    }
}

// What to change to take the layer out of the services altogether.
std::vector<std::string> removeFromServicesFix(const LayerExposure& exposure, bool dutch) {
    std::vector<std::string> fixes;
    if (exposure.has(ServiceChannel::WmsMap)) {
        fixes.push_back(dutch ? "sluit laag " + quoted(exposure.layer_name) +
                                    " uit van WMS (Projecteigenschappen › QGIS Server › "
                                    "WMS-mogelijkheden › Lagen uitsluiten)"
                              : "exclude layer " + quoted(exposure.layer_name) +
                                    " from WMS (Project Properties › QGIS Server › WMS "
                                    "capabilities › Exclude layers)");
    }
    for (ServiceChannel channel :
         {ServiceChannel::Wfs, ServiceChannel::Wcs, ServiceChannel::LizmapAttributeTable}) {
        if (exposure.has(channel)) {
            fixes.push_back(stopChannelFix(channel, exposure.layer_name, dutch));
        }
    }
    return fixes;
}

// A change to how the project serves a layer, tried by asking the engine whether it helps.
struct ServiceChange {
    bool stop_download = false;
    bool add_own_data = false;
    std::optional<double> aggregate_to; // serve the data aggregated to cells of this size
    int size() const {
        return (stop_download ? 1 : 0) + (add_own_data ? 1 : 0) + (aggregate_to ? 1 : 0);
    }
};

Decision publishLayer(const Catalog& catalog, const LayerInput& layer, const Context& context,
                      Language language) {
    EvaluationRequest request;
    request.action = Action::Publish;
    request.context = context;
    request.language = language;
    return evaluate(catalog, request, {layer});
}

Context changed(Context context, const ServiceChange& change) {
    if (change.stop_download) {
        context.downloadable = false;
    }
    if (change.add_own_data) {
        context.combined_with_own_data = true;
    }
    if (change.aggregate_to) {
        context.cell_size_m = *change.aggregate_to;
    }
    return context;
}

// An info finding of `after` that `before` has not: the permission the change makes hold.
const Finding* newPermission(const Decision& before, const Decision& after) {
    for (const Finding& finding : after.findings) {
        if (finding.severity != Severity::Info) {
            continue;
        }
        const bool known =
            std::any_of(before.findings.begin(), before.findings.end(), [&](const Finding& f) {
                return f.rule == finding.rule && f.licence == finding.licence;
            });
        if (!known) {
            return &finding;
        }
    }
    return nullptr;
}

const Finding* firstError(const Decision& decision) {
    for (const Finding& finding : decision.findings) {
        if (finding.severity == Severity::Error) {
            return &finding;
        }
    }
    return nullptr;
}

class WebCheck {
public:
    WebCheck(const Project& project, const Catalog& catalog, const CheckRequest& request,
             const LizmapConfig* lizmap)
        : project_(project), catalog_(catalog), language_(request.evaluation.language),
          dutch_(language_ == Language::Dutch), base_(request.evaluation.context),
          defaults_(request.binding_defaults), lizmap_(lizmap) {}

    CheckResult run() {
        for (LayerExposure& exposure : serviceExposure(project_, lizmap_)) {
            if (exposure.exposed()) {
                exposure_index_.emplace(exposure.layer_id, exposures_.size());
                exposures_.push_back(std::move(exposure));
            }
        }
        std::vector<std::string> ids;
        for (const LayerExposure& exposure : exposures_) {
            ids.push_back(exposure.layer_id);
        }
        // Layers the reader could not read (an embedded layer whose project is missing) are
        // errors: what they would serve is unknown.
        std::vector<Finding> problems = readerFindings(project_, ids, language_);
        inputs_ = projectLayerInputs(project_, catalog_, ids, problems, language_, defaults_);
        own_data_served_ = std::any_of(inputs_.begin(), inputs_.end(), [](const LayerInput& in) {
            return in.binding && in.binding->licence_id == kOwnDataLicence;
        });

        EvaluationRequest evaluation;
        evaluation.action = Action::Publish;
        evaluation.context = base_;
        evaluation.language = language_;
        for (const LayerExposure& exposure : exposures_) {
            evaluation.layer_contexts[exposure.layer_id] = servedContext(exposure);
        }
        CheckResult result;
        result.subject = project_.path.string();
        result.decision = evaluate(catalog_, evaluation, inputs_);
        addBindingProblems(result.decision, problems);
        Decision& decision = result.decision;
        reportReplacedContext(decision);
        for (std::size_t i = 0; i < inputs_.size(); ++i) {
            addFix(inputs_[i], exposures_[i], decision);
            reportServiceRisks(inputs_[i], exposures_[i], decision);
        }
        verifyDuties(decision);
        for (std::size_t i = 0; i < inputs_.size(); ++i) {
            const ProjectLayer* layer = project_.findLayer(inputs_[i].id);
            result.layers.push_back(
                CheckedLayer{inputs_[i].id, inputs_[i].name, inputs_[i].binding,
                             layer != nullptr ? layer->region : SourceRegion{}});
            result.served.push_back(ServedLayer{
                exposures_[i], withDefaultsFor(Action::Publish, servedContext(exposures_[i]))});
        }
        return result;
    }

private:
    // The situation the service really puts the layer out in; only the project decides it.
    Context servedContext(const LayerExposure& exposure) const {
        Context context = base_;
        context.downloadable = exposure.downloadable();
        context.combined_with_own_data = own_data_served_;
        context.cell_size_m = 0.0;
        return context;
    }

    void reportReplacedContext(Decision& decision) const {
        if (!base_.downloadable && !base_.combined_with_own_data && !base_.cell_size_m) {
            return;
        }
        decision.findings.push_back(Finding{
            Severity::Info, "", "", "", "web-context",
            dutch_ ? "Met --target web komen downloadable, combined_with_own_data en cell_size_m "
                     "uit het project (wat de diensten per laag aanbieden); de opgegeven "
                     "waarden zijn niet gebruikt."
                   : "With --target web, downloadable, combined_with_own_data and cell_size_m "
                     "come from the project (what its services offer per layer); the values "
                     "given were not used.",
            ""});
    }

    // Finds the smallest change of how the layer is served that gives it the best verdict the
    // engine allows, and says what to change in the project.
    void addFix(const LayerInput& input, const LayerExposure& exposure, Decision& decision) const {
        if (!input.binding || input.binding->licence_id == kOwnDataLicence) {
            return;
        }
        const LicenceProfile* profile = catalog_.find(input.binding->licence_id);
        if (profile == nullptr || profile->is_abstract) {
            return;
        }
        const Context served = servedContext(exposure);
        const Decision now = publishLayer(catalog_, input, served, language_);
        if (now.permitted()) {
            return;
        }
        std::optional<double> coarse_enough;
        if (const auto refusal = precisionRefusal(catalog_, *input.binding, 0.0, language_)) {
            coarse_enough = refusal->minimum_cell_size_m;
        }
        std::vector<ServiceChange> changes;
        for (int mask = 1; mask < 8; ++mask) {
            ServiceChange change;
            change.stop_download = (mask & 1) != 0;
            change.add_own_data = (mask & 2) != 0;
            if ((mask & 4) != 0) {
                change.aggregate_to = coarse_enough;
            }
            const bool possible = (!change.stop_download || exposure.downloadable()) &&
                                  (!change.add_own_data || !own_data_served_) &&
                                  ((mask & 4) == 0 || coarse_enough.has_value());
            if (possible) {
                changes.push_back(change);
            }
        }
        std::stable_sort(
            changes.begin(), changes.end(),
            [](const ServiceChange& a, const ServiceChange& b) { return a.size() < b.size(); });
        const ServiceChange* best = nullptr;
        Decision best_decision = now;
        for (const ServiceChange& change : changes) {
            Decision after = publishLayer(catalog_, input, changed(served, change), language_);
            if (after.verdict < best_decision.verdict) {
                best = &change;
                best_decision = std::move(after);
            }
        }
        const std::string& title = profile->title.in(language_);
        Finding finding{
            Severity::Error, input.id, input.name, input.binding->licence_id, "", "", ""};
        const std::string served_by =
            (dutch_ ? "Laag " + quoted(input.name) + " wordt aangeboden via "
                    : "Layer " + quoted(input.name) + " is served through ") +
            channelsText(exposure.channels, dutch_) + ".";
        if (best == nullptr) {
            if (now.verdict != Verdict::Prohibited) {
                return; // conditional: the engine's findings name what is missing
            }
            finding.rule = "web-not-publishable";
            finding.message =
                served_by +
                (dutch_ ? " Geen enkele manier van aanbieden maakt publiceren onder " + title +
                              " toegestaan. Haal de laag uit de diensten: "
                        : " No way of serving it makes publishing it permitted under " + title +
                              ". Take it out of the services: ") +
                joinedList(removeFromServicesFix(exposure, dutch_), dutch_) + ".";
            if (const Finding* error = firstError(now)) {
                finding.cite = error->cite;
            }
            decision.findings.push_back(std::move(finding));
            return;
        }
        std::vector<std::string> what;
        std::vector<std::string> fixes;
        if (best->stop_download) {
            finding.rule = "web-downloadable";
            const std::vector<ServiceChannel> channels = exposure.downloadChannels();
            what.push_back(dutch_ ? "is te downloaden (" + channelsText(channels, true) + ")"
                                  : "can be downloaded (" + channelsText(channels, false) + ")");
            for (ServiceChannel channel : channels) {
                fixes.push_back(stopChannelFix(channel, input.name, dutch_));
            }
        }
        if (best->aggregate_to) {
            if (finding.rule.empty()) {
                finding.rule = "web-exact-positions";
            }
            const std::string size = metres(*best->aggregate_to);
            what.push_back(dutch_ ? "toont de gegevens op hun exacte plaats"
                                  : "shows the data at its exact positions");
            fixes.push_back(dutch_ ? "aggregeer de gegevens eerst tot hokken van " + size +
                                         " m (geolicence aggregate INVOER UITVOER --cell-size " +
                                         size + ") en bied het aggregaat aan in plaats van laag " +
                                         quoted(input.name)
                                   : "aggregate the data to " + size +
                                         " m cells first (geolicence aggregate INPUT OUTPUT "
                                         "--cell-size " +
                                         size + ") and serve the aggregate instead of layer " +
                                         quoted(input.name));
        }
        if (best->add_own_data) {
            if (finding.rule.empty()) {
                finding.rule = "web-own-data";
            }
            what.push_back(dutch_ ? "wordt niet samen met eigen gegevens aangeboden"
                                  : "is not served together with your own data");
            fixes.push_back(
                dutch_ ? "bied ze aan samen met eigen gegevens: een laag van dit "
                         "project met licentie " +
                             std::string(kOwnDataLicence) + " (geolicence bind DATASET --licence " +
                             kOwnDataLicence + ")"
                       : "serve it together with your own data: a layer of this "
                         "project bound to licence " +
                             std::string(kOwnDataLicence) + " (geolicence bind DATASET --licence " +
                             kOwnDataLicence + ")");
        }
        finding.message = served_by + (dutch_ ? " Ze " : " It ") + joinedList(what, dutch_) +
                          (dutch_ ? ". Om ze te publiceren onder " : ". To publish it under ") +
                          title + ": " + joinedList(fixes, dutch_) + ".";
        if (const Finding* permission = newPermission(now, best_decision)) {
            finding.message += (dutch_ ? " Dan geldt " : " Then ") + permission->rule +
                               (dutch_ ? ": " : " holds: ") + permission->message;
            finding.cite = permission->cite;
        } else if (const Finding* error = firstError(now)) {
            finding.cite = error->cite;
        }
        if (!best_decision.permitted()) {
            finding.message += dutch_ ? " Wat dan nog ontbreekt, staat in de andere bevindingen."
                                      : " What is still missing then is in the other findings.";
        }
        decision.findings.push_back(std::move(finding));
    }

    // What a service does to licensed data besides publishing it.
    void reportServiceRisks(const LayerInput& input, const LayerExposure& exposure,
                            Decision& decision) const {
        const bool licensed = input.binding && input.binding->licence_id != kOwnDataLicence;
        if (licensed && exposure.has(ServiceChannel::WfsTransaction)) {
            decision.findings.push_back(Finding{
                Severity::Warning, input.id, input.name, input.binding->licence_id,
                "web-transaction",
                dutch_ ? "Via WFS-T kan iedereen objecten van laag " + quoted(input.name) +
                             " toevoegen, wijzigen of verwijderen; de gegevens van de "
                             "licentiegever worden dan publiek gewijzigd. Zet Invoegen, "
                             "Bijwerken en Verwijderen uit (Projecteigenschappen › QGIS Server "
                             "› WFS-mogelijkheden)."
                       : "Through WFS-T anyone can insert, update or delete features of layer " +
                             quoted(input.name) +
                             ": the licensor's data is changed in public. Turn off Insert, "
                             "Update and Delete (Project Properties › QGIS Server › WFS "
                             "capabilities).",
                ""});
        }
        for (const std::string& note : exposure.lizmap_notes) {
            if (note == "attribute-table-without-wfs") {
                decision.findings.push_back(Finding{
                    Severity::Info, input.id, input.name, "", "lizmap-without-wfs",
                    dutch_ ? "Lizmap biedt laag " + quoted(input.name) +
                                 " aan in de attributentabel (met download), maar de laag staat "
                                 "niet in de WFS-lijst: Lizmap toont nu niets, maar de laag "
                                 "geldt als te downloaden."
                           : "Lizmap offers layer " + quoted(input.name) +
                                 " in its attribute table (with download), but the layer is "
                                 "not in the WFS list: Lizmap shows nothing today, but the "
                                 "layer counts as downloadable.",
                    ""});
            }
        }
    }

    // The texts the services advertise with this layer only (the service's own metadata goes
    // with every layer), where the public can read an attribution.
    std::vector<std::string> advertisedFor(const LayerExposure& exposure) const {
        std::vector<std::string> texts;
        if (exposure.has(ServiceChannel::WmsMap)) {
            const std::string& attribution = project_.services.layer(exposure.layer_id).attribution;
            if (!attribution.empty()) {
                texts.push_back(attribution);
            }
        }
        if (const LizmapLayer* entry = lizmapLayer(exposure)) {
            texts.push_back(entry->abstract);
        }
        return texts;
    }

    // Every text the services advertise: where a party that forbids being named must not be.
    std::vector<std::string> everythingAdvertised() const {
        std::vector<std::string> texts = project_.services.service.texts();
        for (const LayerExposure& exposure : exposures_) {
            const LayerServerProperties& properties = project_.services.layer(exposure.layer_id);
            for (const std::string* text : {&properties.attribution, &properties.title,
                                            &properties.abstract, &properties.short_name}) {
                texts.push_back(*text);
            }
            texts.insert(texts.end(), properties.keywords.begin(), properties.keywords.end());
            if (const LizmapLayer* entry = lizmapLayer(exposure)) {
                texts.push_back(entry->title);
                texts.push_back(entry->abstract);
            }
        }
        return texts;
    }

    const LizmapLayer* lizmapLayer(const LayerExposure& exposure) const {
        return lizmap_ == nullptr ? nullptr
                                  : lizmap_->findLayer(exposure.layer_id, exposure.layer_name);
    }

    const LayerExposure* exposureOf(const std::string& id) const {
        const auto it = exposure_index_.find(id);
        return it == exposure_index_.end() ? nullptr : &exposures_[it->second];
    }

    Finding dutyFinding(const Duty& duty, const LayerExposure& exposure, std::string rule,
                        std::string message) const {
        return Finding{Severity::Error, exposure.layer_id, exposure.layer_name,
                       duty.licence,    std::move(rule),   std::move(message),
                       duty.cite};
    }

    // Duties of a publication, checked against what the services advertise.
    void verifyDuties(Decision& decision) const {
        const PublishedText service(project_.path.string(), project_.services.service.texts());
        std::optional<PublishedText> everything; // built when a party must not be named
        for (const Duty& duty : decision.duties) {
            if (duty.type == DutyType::Attribute && duty.text.empty()) {
                // Owed without a known text (the engine named the option to set): no service
                // can be shown to carry it.
                decision.restrict(Verdict::Conditional);
                continue;
            }
            for (const std::string& id : duty.layers) {
                const LayerExposure* exposure = exposureOf(id);
                if (exposure == nullptr) {
                    continue;
                }
                if (duty.type == DutyType::Attribute) {
                    verifyAttribution(duty, *exposure, service, decision);
                } else if (duty.type == DutyType::IncludeLegend) {
                    verifyLegend(duty, *exposure, decision);
                }
            }
            if (duty.type == DutyType::NoEndorsement) {
                if (!everything) {
                    everything.emplace(project_.path.string(), everythingAdvertised());
                }
                verifyNotNamed(duty, *everything, decision);
            }
        }
    }

    void verifyAttribution(const Duty& duty, const LayerExposure& exposure,
                           const PublishedText& service, Decision& decision) const {
        if (service.shows(duty.text) ||
            PublishedText(project_.path.string(), advertisedFor(exposure)).shows(duty.text)) {
            return;
        }
        decision.restrict(Verdict::Prohibited);
        const std::string layer = quoted(exposure.layer_name);
        decision.findings.push_back(dutyFinding(
            duty, exposure, "attribution-missing-in-service",
            dutch_ ? "De diensten vermelden de verplichte bronvermelding " + quoted(duty.text) +
                         " niet bij laag " + layer +
                         ". Zet ze als toeschrijving van de laag (Laageigenschappen › QGIS "
                         "Server › Toeschrijving; WMS GetCapabilities toont ze) of in de "
                         "samenvatting of toegangsbeperkingen van de dienst "
                         "(Projecteigenschappen › QGIS Server › Dienstmogelijkheden)."
                   : "The services do not advertise the required attribution " + quoted(duty.text) +
                         " for layer " + layer +
                         ". Add it as the layer's attribution (Layer Properties › QGIS Server › "
                         "Attribution; WMS GetCapabilities advertises it) or to the service's "
                         "abstract or access constraints (Project Properties › QGIS Server › "
                         "Service capabilities)."));
    }

    void verifyLegend(const Duty& duty, const LayerExposure& exposure, Decision& decision) const {
        const LizmapLayer* entry = lizmapLayer(exposure);
        const bool hidden_by_lizmap = entry != nullptr && entry->hide_legend;
        if (exposure.has(ServiceChannel::WmsMap) && !hidden_by_lizmap) {
            return; // GetLegendGraphic serves the layer's legend with its map
        }
        decision.restrict(Verdict::Prohibited);
        const std::string layer = quoted(exposure.layer_name);
        decision.findings.push_back(dutyFinding(
            duty, exposure, "legend-missing-in-service",
            hidden_by_lizmap
                ? (dutch_ ? "Lizmap verbergt de legende van laag " + layer +
                                ", die de licentie eist. Zet de legende-afbeelding aan "
                                "(Lizmap-plugin › Lagen)."
                          : "Lizmap hides the legend of layer " + layer +
                                ", which the licence requires. Turn its legend image on "
                                "(Lizmap plugin › Layers).")
                : (dutch_ ? "Laag " + layer +
                                " wordt zonder WMS aangeboden, dus zonder legende "
                                "(GetLegendGraphic); de licentie eist de legende. Bied de "
                                "laag ook via WMS aan."
                          : "Layer " + layer +
                                " is served without WMS, so without a legend "
                                "(GetLegendGraphic); the licence requires its legend. Serve it "
                                "through WMS too.")));
    }

    void verifyNotNamed(const Duty& duty, const PublishedText& everything,
                        Decision& decision) const {
        std::vector<std::string> names{duty.party};
        names.insert(names.end(), duty.aliases.begin(), duty.aliases.end());
        for (const std::string& name : names) {
            if (name.empty() || !everything.mentions(name)) {
                continue;
            }
            // Logius 2.13: naming the party as a reference without consent is a breach; the
            // duty lapses once permission_ref records the consent.
            decision.restrict(Verdict::Prohibited);
            const LayerExposure* exposure =
                duty.layers.empty() ? nullptr : exposureOf(duty.layers.front());
            Finding finding{Severity::Error,
                            "",
                            "",
                            duty.licence,
                            "endorsement",
                            dutch_ ? "De diensten noemen " + name +
                                         " (in hun metadata, toeschrijvingen of Lizmap), dat "
                                         "zonder toestemming niet als referentie genoemd mag "
                                         "worden. Verwijder de vermelding, of leg de "
                                         "toestemming vast in optie permission_ref."
                                   : "The services name " + name +
                                         " (in their metadata, attributions or Lizmap), which "
                                         "must not be mentioned as a reference without consent. "
                                         "Remove the mention, or record the consent in option "
                                         "permission_ref.",
                            duty.cite};
            if (exposure != nullptr) {
                finding.layer_id = exposure->layer_id;
                finding.layer_name = exposure->layer_name;
            }
            decision.findings.push_back(std::move(finding));
            return;
        }
    }

    const Project& project_;
    const Catalog& catalog_;
    Language language_;
    bool dutch_;
    Context base_;
    BindingDefaults defaults_;
    const LizmapConfig* lizmap_;
    std::vector<LayerExposure> exposures_; // the exposed layers, parallel to inputs_
    std::unordered_map<std::string, std::size_t> exposure_index_;
    std::vector<LayerInput> inputs_;
    bool own_data_served_ = false;
};

} // namespace

CheckResult checkWebServices(const Project& project, const Catalog& catalog,
                             const CheckRequest& request, const LizmapConfig* lizmap) {
    if (request.layout || request.published) {
        throw InputError(project.path.string() +
                         ": a web check judges what the services serve, not a layout");
    }
    return WebCheck(project, catalog, request, lizmap).run();
}

} // namespace geolicence
