#include "check/reader_findings.h"

#include <geolicence/binding_source.h>
#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/messages.h>
#include <geolicence/published_text.h>
#include <geolicence/web_check.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace geolicence {

namespace {

// The organisation's own data only: nothing a licensor restricts.
bool onlyOwnData(const LicenceBinding& binding) {
    return std::all_of(binding.licences.begin(), binding.licences.end(),
                       [](const BoundLicence& l) { return l.licence_id == kOwnDataLicence; });
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// "a", "a and b", "a, b and c".
std::string joinedList(const std::vector<std::string>& parts, Language language) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += i + 1 == parts.size() ? " " + say(Msg::ListAnd, language) + " " : ", ";
        }
        out += parts[i];
    }
    return out;
}

std::string metres(double value) {
    return std::to_string(static_cast<long long>(std::llround(value)));
}

std::string channelText(ServiceChannel channel, Language language) {
    switch (channel) {
    case ServiceChannel::WmsMap:
        return "WMS GetMap";
    case ServiceChannel::FeatureInfo:
        return "WMS GetFeatureInfo";
    case ServiceChannel::FeatureInfoGeometry:
        return say(Msg::ChannelFeatureInfoGeometry, language);
    case ServiceChannel::Wfs:
        return "WFS GetFeature";
    case ServiceChannel::WfsTransaction:
        return "WFS-T";
    case ServiceChannel::Wcs:
        return "WCS GetCoverage";
    case ServiceChannel::LizmapPopup:
        return say(Msg::ChannelLizmapPopup, language);
    case ServiceChannel::LizmapAttributeTable:
        return say(Msg::ChannelLizmapAttributeTable, language);
    case ServiceChannel::LizmapEdition:
        return say(Msg::ChannelLizmapEdition, language);
    case ServiceChannel::LizmapLocate:
        return say(Msg::ChannelLizmapLocate, language);
    case ServiceChannel::LizmapTooltip:
        return say(Msg::ChannelLizmapTooltip, language);
    }
    return std::string(toString(channel));
}

std::string channelsText(const std::vector<ServiceChannel>& channels, Language language) {
    std::vector<std::string> parts;
    for (ServiceChannel channel : channels) {
        parts.push_back(channelText(channel, language));
    }
    return joinedList(parts, language);
}

// What to change in the project so that `channel` no longer hands out the layer's data.
std::string stopChannelFix(ServiceChannel channel, const std::string& layer, Language language) {
    switch (channel) {
    case ServiceChannel::Wfs:
        return say(Msg::FixStopWfs, language, {quoted(layer)});
    case ServiceChannel::Wcs:
        return say(Msg::FixStopWcs, language, {quoted(layer)});
    case ServiceChannel::FeatureInfoGeometry:
        return say(Msg::FixStopFeatureInfoGeometry, language, {quoted(layer)});
    case ServiceChannel::LizmapAttributeTable:
        return say(Msg::FixStopLizmapAttributeTable, language, {quoted(layer)});
    default:
        return "";
    }
}

// What to change to take the layer out of the services altogether.
std::vector<std::string> removeFromServicesFix(const LayerExposure& exposure, Language language) {
    std::vector<std::string> fixes;
    if (exposure.has(ServiceChannel::WmsMap)) {
        fixes.push_back(say(Msg::FixExcludeFromWms, language, {quoted(exposure.layer_name)}));
    }
    for (ServiceChannel channel :
         {ServiceChannel::Wfs, ServiceChannel::Wcs, ServiceChannel::LizmapAttributeTable}) {
        if (exposure.has(channel)) {
            fixes.push_back(stopChannelFix(channel, exposure.layer_name, language));
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
          base_(request.evaluation.context), lizmap_(lizmap), request_(request) {}

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
        // A served layer claiming a cell size is judged on what its data shows, as in a layout.
        std::vector<Finding> measured;
        inputs_ = judgedLayerInputs(project_, catalog_, ids, request_, problems, measured);
        own_data_served_ = std::any_of(inputs_.begin(), inputs_.end(), [](const LayerInput& in) {
            return in.binding && in.binding->hasLicence(kOwnDataLicence);
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
        decision.findings.insert(decision.findings.end(), measured.begin(), measured.end());
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
        decision.findings.push_back(Finding{Severity::Info, "", "", "", "web-context",
                                            say(Msg::WebContextReplaced, language_), ""});
    }

    // Finds the smallest change of how the layer is served that gives it the best verdict the
    // engine allows, and says what to change in the project.
    void addFix(const LayerInput& input, const LayerExposure& exposure, Decision& decision) const {
        if (!input.binding || onlyOwnData(*input.binding)) {
            return;
        }
        // The licences that restrict the layer, by title (several for derived data).
        std::string title;
        for (const BoundLicence& licence : input.binding->licences) {
            const LicenceProfile* profile = catalog_.find(licence.licence_id);
            if (profile != nullptr && !profile->is_abstract &&
                licence.licence_id != kOwnDataLicence) {
                title += (title.empty() ? "" : " + ") + profile->title.in(language_);
            }
        }
        if (title.empty()) {
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
        Finding finding{
            Severity::Error, input.id, input.name, input.binding->describeIds(), "", "", ""};
        const std::string served_by =
            say(Msg::WebServedThrough, language_,
                {quoted(input.name), channelsText(exposure.channels, language_)});
        if (best == nullptr) {
            if (now.verdict != Verdict::Prohibited) {
                return; // conditional: the engine's findings name what is missing
            }
            finding.rule = "web-not-publishable";
            finding.message =
                served_by + " " +
                say(Msg::WebNotPublishable, language_,
                    {title, joinedList(removeFromServicesFix(exposure, language_), language_)});
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
            what.push_back(
                say(Msg::WebDownloadable, language_, {channelsText(channels, language_)}));
            for (ServiceChannel channel : channels) {
                fixes.push_back(stopChannelFix(channel, input.name, language_));
            }
        }
        if (best->aggregate_to) {
            if (finding.rule.empty()) {
                finding.rule = "web-exact-positions";
            }
            const std::string size = metres(*best->aggregate_to);
            what.push_back(say(Msg::WebExactPositions, language_));
            fixes.push_back(
                say(Msg::FixAggregateFirst, language_, {size, size, quoted(input.name)}));
        }
        if (best->add_own_data) {
            if (finding.rule.empty()) {
                finding.rule = "web-own-data";
            }
            what.push_back(say(Msg::WebWithoutOwnData, language_));
            fixes.push_back(say(Msg::FixAddOwnData, language_,
                                {std::string(kOwnDataLicence), std::string(kOwnDataLicence)}));
        }
        finding.message = served_by + " " +
                          say(Msg::WebToPublish, language_,
                              {joinedList(what, language_), title, joinedList(fixes, language_)});
        if (const Finding* permission = newPermission(now, best_decision)) {
            finding.message +=
                " " + say(Msg::WebThenHolds, language_, {permission->rule, permission->message});
            finding.cite = permission->cite;
        } else if (const Finding* error = firstError(now)) {
            finding.cite = error->cite;
        }
        if (!best_decision.permitted()) {
            finding.message += " " + say(Msg::WebStillMissing, language_);
        }
        decision.findings.push_back(std::move(finding));
    }

    // What a service does to licensed data besides publishing it.
    void reportServiceRisks(const LayerInput& input, const LayerExposure& exposure,
                            Decision& decision) const {
        const bool licensed = input.binding && !onlyOwnData(*input.binding);
        if (licensed && exposure.has(ServiceChannel::WfsTransaction)) {
            decision.findings.push_back(Finding{
                Severity::Warning, input.id, input.name, input.binding->describeIds(),
                "web-transaction", say(Msg::WebTransaction, language_, {quoted(input.name)}), ""});
        }
        for (const std::string& note : exposure.lizmap_notes) {
            if (note == "attribute-table-without-wfs") {
                decision.findings.push_back(
                    Finding{Severity::Info, input.id, input.name, "", "lizmap-without-wfs",
                            say(Msg::WebLizmapWithoutWfs, language_, {quoted(input.name)}), ""});
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
        decision.findings.push_back(
            dutyFinding(duty, exposure, "attribution-missing-in-service",
                        say(Msg::WebAttributionMissing, language_, {quoted(duty.text), layer})));
    }

    void verifyLegend(const Duty& duty, const LayerExposure& exposure, Decision& decision) const {
        const LizmapLayer* entry = lizmapLayer(exposure);
        const bool hidden_by_lizmap = entry != nullptr && entry->hide_legend;
        if (exposure.has(ServiceChannel::WmsMap) && !hidden_by_lizmap) {
            return; // GetLegendGraphic serves the layer's legend with its map
        }
        decision.restrict(Verdict::Prohibited);
        const std::string layer = quoted(exposure.layer_name);
        decision.findings.push_back(
            dutyFinding(duty, exposure, "legend-missing-in-service",
                        hidden_by_lizmap ? say(Msg::WebLegendHiddenByLizmap, language_, {layer})
                                         : say(Msg::WebLegendWithoutWms, language_, {layer})));
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
                            say(Msg::WebEndorsementNamed, language_, {name}),
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
    Context base_;
    const LizmapConfig* lizmap_;
    const CheckRequest& request_;          // its measurer, for layers claiming a cell size
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
