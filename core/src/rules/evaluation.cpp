#include "rules/duty_collector.h"

#include <geolicence/detail/ascii_case.h>
#include <geolicence/evaluation.h>
#include <geolicence/messages.h>
#include <geolicence/rule_ids.h>

#include <algorithm>
#include <cctype>

namespace geolicence {

namespace {

// Three-valued logic: a constraint on a value nobody stated is neither met nor failed.
enum class Truth { False, True, Unknown };

LocalizedText builtIn(std::string nl, std::string en) {
    return {std::move(nl), std::move(en)};
}

bool containsIgnoringCase(std::string_view haystack, std::string_view needle) {
    return !needle.empty() &&
           detail::lowerAscii(haystack).find(detail::lowerAscii(needle)) != std::string::npos;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        out += out.empty() ? "" : std::string(separator);
        out += part;
    }
    return out;
}

// Evaluates the rules of one licence of a layer (a layer under several licences is evaluated
// once per licence).
class LayerEvaluator {
public:
    LayerEvaluator(const EvaluationRequest& request, const Context& context,
                   const LayerInput& layer, const BoundLicence& licence,
                   const LicenceProfile& profile)
        : request_(request), context_(context), layer_(layer), profile_(profile),
          options_(licence.options) {}

    // Returns the verdict for this layer; appends findings and duties.
    Verdict run(std::vector<Finding>& findings, detail::DutyCollector& duties) {
        const std::vector<std::string> problems = checkOptionValues(profile_, options_);
        for (const std::string& problem : problems) {
            findings.push_back(
                finding(Severity::Error, "invalid-option", problem, citeOfProfile()));
        }
        if (!problems.empty()) {
            return Verdict::Prohibited;
        }
        reportMissingRequiredOptions(findings);

        Verdict verdict = Verdict::Permitted;
        std::vector<const Rule*> permissions;
        std::vector<std::string> conditional_operands;
        for (const Rule& rule : profile_.rules) {
            if (!rule.actions.contains(request_.action)) {
                continue;
            }
            std::vector<std::string> unknown;
            const Truth truth = evaluateAll(rule.constraints, unknown);
            switch (rule.type) {
            case RuleType::Prohibition:
                if (truth == Truth::True) {
                    verdict = Verdict::Prohibited;
                    findings.push_back(ruleFinding(Severity::Error, rule, ""));
                } else if (truth == Truth::Unknown) {
                    // A prohibition that may hold is never waved through: the action waits
                    // for the value that decides it.
                    verdict = std::max(verdict, Verdict::Conditional);
                    findings.push_back(mayHoldFinding(rule, unknown));
                }
                break;
            case RuleType::Permission:
                if (truth == Truth::True) {
                    permissions.push_back(&rule);
                } else if (truth == Truth::Unknown) {
                    for (std::string& operand : unknown) {
                        if (std::find(conditional_operands.begin(), conditional_operands.end(),
                                      operand) == conditional_operands.end()) {
                            conditional_operands.push_back(std::move(operand));
                        }
                    }
                }
                break;
            case RuleType::Obligation:
                // A duty that may be owed is listed: leaving it out could break the licence.
                if (truth != Truth::False) {
                    verdict = std::max(verdict, addDuties(rule, findings, duties));
                }
                break;
            case RuleType::Notice:
                if (truth == Truth::True) {
                    findings.push_back(ruleFinding(rule.severity, rule, ""));
                }
                break;
            }
        }
        if (verdict == Verdict::Prohibited) {
            return verdict;
        }
        if (permissions.empty()) {
            findings.push_back(noPermission(conditional_operands));
            return conditional_operands.empty() ? Verdict::Prohibited : Verdict::Conditional;
        }
        for (const Rule* rule : permissions) {
            findings.push_back(ruleFinding(Severity::Info, *rule, ""));
            verdict = std::max(verdict, addDuties(*rule, findings, duties));
        }
        return verdict;
    }

private:
    const Value* option(std::string_view name) const {
        const auto it = options_.find(name);
        if (it != options_.end()) {
            return &it->second;
        }
        const OptionSpec* spec = profile_.findOption(name);
        return spec != nullptr && spec->default_value ? &*spec->default_value : nullptr;
    }

    bool optionIsSet(std::string_view name) const {
        const Value* value = option(name);
        if (value == nullptr) {
            return false;
        }
        if (const bool* flag = std::get_if<bool>(value)) {
            return *flag;
        }
        if (const std::string* text = std::get_if<std::string>(value)) {
            return !text->empty();
        }
        return true;
    }

    std::optional<Value> operandValue(const Operand& operand) const {
        auto from = [](const auto& optional) -> std::optional<Value> {
            if (optional) {
                return Value(*optional);
            }
            return std::nullopt;
        };
        switch (operand.kind) {
        case OperandKind::Purpose:
            return from(context_.purpose);
        case OperandKind::Recipient:
            return from(context_.recipient);
        case OperandKind::CellSize: {
            // Data bound as aggregated is at least that coarse, whatever the caller says.
            std::optional<Value> size = from(context_.cell_size_m);
            const Value* bound = option("cell_size_m");
            if (bound != nullptr && std::holds_alternative<double>(*bound) &&
                (!size || std::get<double>(*size) < std::get<double>(*bound))) {
                size = *bound;
            }
            return size;
        }
        case OperandKind::Date:
            return from(context_.date);
        case OperandKind::Downloadable:
            return from(context_.downloadable);
        case OperandKind::CombinedWithOwnData:
            return from(context_.combined_with_own_data);
        case OperandKind::ReproducesData:
            return from(context_.reproduces_data);
        case OperandKind::WithinTerritory:
            return from(layer_.facts.within_territory);
        case OperandKind::ContainsPersonalData:
            return from(layer_.facts.contains_personal_data);
        case OperandKind::Option:
            if (const Value* value = option(operand.option_name)) {
                return *value;
            }
            return std::nullopt;
        }
        return std::nullopt;
    }

    // An option the binding leaves out is known to be absent (no end date, no permission);
    // it is unknown when the profile requires it, or when the constraint cannot be decided
    // without it.
    bool absentMeansUnknown(const Operand& operand, const Constraint& constraint) const {
        if (operand.kind != OperandKind::Option) {
            return true;
        }
        const OptionSpec* spec = profile_.findOption(operand.option_name);
        return constraint.unset_is_unknown || (spec != nullptr && spec->required);
    }

    static Truth compare(const Value& left, Operator op, const Value& right) {
        if (left.index() != right.index()) {
            return Truth::False;
        }
        bool result = false;
        switch (op) {
        case Operator::Eq:
        case Operator::IsAnyOf:
            result = left == right;
            break;
        case Operator::Neq:
        case Operator::IsNoneOf:
            result = left != right;
            break;
        case Operator::Lt:
            result = left < right;
            break;
        case Operator::Lteq:
            result = left <= right;
            break;
        case Operator::Gt:
            result = left > right;
            break;
        case Operator::Gteq:
            result = left >= right;
            break;
        case Operator::IsSet:
        case Operator::IsNotSet:
            break;
        }
        return result ? Truth::True : Truth::False;
    }

    Truth evaluate(const Constraint& constraint, std::vector<std::string>& unknown) const {
        if (constraint.op == Operator::IsSet || constraint.op == Operator::IsNotSet) {
            const bool set = constraint.left.kind == OperandKind::Option
                                 ? optionIsSet(constraint.left.option_name)
                                 : operandValue(constraint.left).has_value();
            return set == (constraint.op == Operator::IsSet) ? Truth::True : Truth::False;
        }
        auto missing = [&](const Operand& operand) {
            if (!absentMeansUnknown(operand, constraint)) {
                return Truth::False;
            }
            unknown.push_back(operand.text);
            return Truth::Unknown;
        };
        const std::optional<Value> left = operandValue(constraint.left);
        if (!left) {
            return missing(constraint.left);
        }
        if (constraint.right) {
            const std::optional<Value> right = operandValue(*constraint.right);
            if (!right) {
                return missing(*constraint.right);
            }
            return compare(*left, constraint.op, *right);
        }
        if (constraint.op == Operator::IsAnyOf) {
            for (const Value& value : constraint.values) {
                if (compare(*left, Operator::Eq, value) == Truth::True) {
                    return Truth::True;
                }
            }
            return Truth::False;
        }
        if (constraint.op == Operator::IsNoneOf) {
            for (const Value& value : constraint.values) {
                if (compare(*left, Operator::Eq, value) == Truth::True) {
                    return Truth::False;
                }
            }
            return Truth::True;
        }
        return compare(*left, constraint.op, constraint.values.front());
    }

    Truth evaluateAll(const std::vector<Constraint>& constraints,
                      std::vector<std::string>& unknown) const {
        Truth result = Truth::True;
        for (const Constraint& constraint : constraints) {
            const Truth truth = evaluate(constraint, unknown);
            if (truth == Truth::False) {
                return Truth::False;
            }
            if (truth == Truth::Unknown) {
                result = Truth::Unknown;
            }
        }
        return result;
    }

    Finding finding(Severity severity, std::string rule, std::string message,
                    std::string cite) const {
        return Finding{severity,        layer_.id,          layer_.name,    profile_.id,
                       std::move(rule), std::move(message), std::move(cite)};
    }

    Finding ruleFinding(Severity severity, const Rule& rule, const std::string& suffix) const {
        return finding(severity, rule.id, rule.message.in(request_.language) + suffix, rule.cite);
    }

    std::string citeOfProfile() const { return profile_.source_document; }

    // A prohibition that may hold is not said to hold: "the right has expired" would be wrong
    // when nobody knows the end date.
    Finding mayHoldFinding(const Rule& rule, const std::vector<std::string>& unknown) const {
        return finding(
            Severity::Error, rule.id,
            say(Msg::CannotBeRuledOut, request_.language, {rule.message.in(request_.language)}) +
                dependsOn(unknown),
            rule.cite);
    }

    std::string dependsOn(const std::vector<std::string>& operands) const {
        // Hot when many layers meet an unstated context: build only the language shown.
        const std::string list = joined(operands, ", ");
        return " " + say(Msg::DependsOnUnstated, request_.language, {list}) + optionsHint(operands);
    }

    // Where an analyst sets a licence option: the CLI, the plugin, or on the dataset itself.
    std::string howToSet(const std::string& name) const {
        const std::string value = name + "=" + exampleValue(name);
        return say(Msg::HowToSetOption, request_.language, {name, value, profile_.id, value});
    }

    std::string exampleValue(const std::string& name) const {
        const OptionSpec* spec = profile_.findOption(name);
        if (spec == nullptr) {
            return "...";
        }
        switch (spec->type) {
        case OptionType::Date:
            return "YYYY-MM-DD";
        case OptionType::Bool:
            return "true";
        case OptionType::Number:
            return "1000";
        case OptionType::Enum:
            return spec->values.empty() ? "..." : spec->values.front();
        case OptionType::String:
            return "\"...\"";
        }
        return "...";
    }

    // No permission holds. When one would hold given a value nobody stated, the action is
    // conditional (rule `conditional`), else it is prohibited (rule `no-permission`).
    Finding noPermission(const std::vector<std::string>& conditional_operands) const {
        const std::string action(toString(request_.action));
        const std::string& title = profile_.title.in(request_.language);
        if (conditional_operands.empty()) {
            return finding(
                Severity::Error, "no-permission",
                builtIn("Geen enkele bepaling van " + title + " staat '" + action +
                            "' toe in deze situatie.",
                        "No provision of " + title + " permits '" + action + "' in this situation.")
                    .in(request_.language),
                citeOfProfile());
        }
        const std::string list = joined(conditional_operands, ", ");
        const std::string message =
            builtIn("'" + action + "' mag onder " + title +
                        " alleen onder voorwaarden die niet zijn opgegeven: het hangt af van " +
                        list + ". Tot dat bekend is, geldt het als niet toegestaan.",
                    "'" + action + "' is permitted under " + title +
                        " only under conditions that were not given: it depends on " + list +
                        ". Until they are known it counts as not permitted.")
                .in(request_.language);
        return finding(Severity::Error, "conditional", message + optionsHint(conditional_operands),
                       citeOfProfile());
    }

    std::string optionsHint(const std::vector<std::string>& operands) const {
        std::string text;
        constexpr std::string_view kOption = "option.";
        for (const std::string& operand : operands) {
            if (operand.compare(0, kOption.size(), kOption) == 0) {
                text += " " + howToSet(operand.substr(kOption.size()));
            }
        }
        return text;
    }

    void reportMissingRequiredOptions(std::vector<Finding>& findings) const {
        for (const OptionSpec& spec : profile_.options) {
            if (spec.required && option(spec.name) == nullptr) {
                findings.push_back(finding(
                    Severity::Warning, "missing-option",
                    builtIn("Vereiste optie " + spec.name + " is niet ingesteld (" +
                                spec.meaning.nl +
                                "); wat ervan afhangt, is voorwaardelijk en geldt als niet "
                                "toegestaan.",
                            "Required option " + spec.name + " is not set (" + spec.meaning.en +
                                "); what depends on it is conditional and counts as not "
                                "permitted.")
                            .in(request_.language) +
                        " " + howToSet(spec.name),
                    citeOfProfile()));
            }
        }
    }

    // Adds the rule's duties. An attribution owed without a known text cannot be met by what
    // is put out (publication, export, sold product): such an action is conditional until the
    // text is set.
    Verdict addDuties(const Rule& rule, std::vector<Finding>& findings,
                      detail::DutyCollector& duties) const {
        Verdict verdict = Verdict::Permitted;
        for (const DutySpec& spec : rule.duties) {
            if (!spec.unless_option.empty() && optionIsSet(spec.unless_option)) {
                continue;
            }
            static const std::string kNoText;
            const std::string* text = &kNoText;
            const Value* text_value = spec.text_option.empty() ? nullptr : option(spec.text_option);
            if (text_value != nullptr && std::holds_alternative<std::string>(*text_value) &&
                !std::get<std::string>(*text_value).empty()) {
                text = &std::get<std::string>(*text_value);
            } else if (spec.text) {
                text = &spec.text->in(request_.language);
            } else if (!spec.text_option.empty()) {
                const bool unmet =
                    spec.type == DutyType::Attribute && putsProductOut(request_.action);
                if (unmet) {
                    verdict = Verdict::Conditional;
                }
                findings.push_back(missingDutyOption(rule, spec, spec.text_option,
                                                     unmet ? Severity::Error : Severity::Warning));
            } else if (spec.note) {
                text = &spec.note->in(request_.language);
            }
            std::optional<Date> date;
            if (!spec.date_option.empty()) {
                const Value* value = option(spec.date_option);
                if (value != nullptr && std::holds_alternative<Date>(*value)) {
                    date = std::get<Date>(*value);
                } else {
                    findings.push_back(
                        missingDutyOption(rule, spec, spec.date_option, Severity::Warning));
                }
            }
            duties.add({spec.type, *text, spec.party, date, spec.aliases, profile_.id, rule},
                       layer_.id);
        }
        return verdict;
    }

    Finding missingDutyOption(const Rule& rule, const DutySpec& spec,
                              const std::string& option_name, Severity severity) const {
        const std::string type(toString(spec.type));
        return finding(severity, rule.id,
                       builtIn("Plicht " + type +
                                   " is verschuldigd, maar de tekst of datum ervan "
                                   "is onbekend: optie " +
                                   option_name + " is niet ingesteld.",
                               "Duty " + type +
                                   " is owed, but its text or date is unknown: "
                                   "option " +
                                   option_name + " is not set.")
                               .in(request_.language) +
                           " " + howToSet(option_name),
                       rule.cite);
    }

    const EvaluationRequest& request_;
    const Context& context_;
    const LayerInput& layer_;
    const LicenceProfile& profile_;
    const OptionValues& options_;
};

Finding layerFinding(const LayerInput& layer, std::string licence, std::string rule,
                     Severity severity, std::string message) {
    return Finding{severity,        layer.id,           layer.name, std::move(licence),
                   std::move(rule), std::move(message), ""};
}

// A party that forbids being named (Logius 2.13) must not appear in any attribution, whoever
// asked for that attribution.
void dropEndorsingAttributions(std::vector<Duty>& duties, std::vector<Finding>& findings,
                               Language language) {
    std::vector<const Duty*> forbidden;
    for (const Duty& duty : duties) {
        if (duty.type == DutyType::NoEndorsement) {
            forbidden.push_back(&duty);
        }
    }
    if (forbidden.empty()) {
        return;
    }
    std::vector<Finding> dropped;
    auto names = [](const Duty& rule) {
        std::vector<std::string> all{rule.party};
        all.insert(all.end(), rule.aliases.begin(), rule.aliases.end());
        return all;
    };
    const auto removed = std::remove_if(duties.begin(), duties.end(), [&](const Duty& duty) {
        if (duty.type != DutyType::Attribute) {
            return false;
        }
        for (const Duty* rule : forbidden) {
            for (const std::string& name : names(*rule)) {
                if (containsIgnoringCase(duty.text, name)) {
                    const LocalizedText message = builtIn(
                        "De bronvermelding \"" + duty.text + "\" noemt " + rule->party +
                            ", dat niet als referentie genoemd mag worden; ze is weggelaten.",
                        "The attribution \"" + duty.text + "\" names " + rule->party +
                            ", which must not be mentioned as a reference; it was left out.");
                    dropped.push_back(Finding{Severity::Warning, duty.layers.front(), "",
                                              rule->licence, rule->rule, message.in(language),
                                              rule->cite});
                    return true;
                }
            }
        }
        return false;
    });
    duties.erase(removed, duties.end());
    findings.insert(findings.end(), dropped.begin(), dropped.end());
}

// A licence an input carried that the derived layer's binding lost (removed by hand on the
// Licence page, or a sidecar rewritten) still holds: the rule book's licences govern what is
// made from their data (NDFF N4 and N8, GRB Art. 6, 9 and 10), and where a derived product is
// freer the licence itself says so (GRB Art. 10's value-added services), never its absence.
// So the layer is judged under it too, with the options the input carried, and the loss is
// named: an error when that licence does not permit the action, else a warning (a silent loss
// is never right, and --strict fails on it).
template <typename JudgeUnder>
void judgeDroppedSourceLicences(const LayerInput& layer, Language language,
                                const JudgeUnder& judgeUnder, Decision& decision) {
    const std::vector<DroppedLicence> dropped = droppedSourceLicences(*layer.binding);
    std::vector<BoundLicence> judged;
    for (const DroppedLicence& first : dropped) {
        if (std::find(judged.begin(), judged.end(), *first.licence) != judged.end()) {
            continue;
        }
        judged.push_back(*first.licence);
        std::vector<Finding> under_it;
        const Verdict verdict = judgeUnder(*first.licence, under_it);
        decision.restrict(verdict);
        const Severity severity =
            verdict == Verdict::Permitted ? Severity::Warning : Severity::Error;
        for (const DroppedLicence& same : dropped) {
            if (*same.licence == *first.licence) {
                const std::string& id = same.licence->licence_id;
                decision.findings.push_back(
                    layerFinding(layer, id, rule_ids::kSourceLicenceDropped, severity,
                                 say(Msg::SourceLicenceDropped, language,
                                     {layer.name, same.input->source, id, id})));
            }
        }
        decision.findings.insert(decision.findings.end(), under_it.begin(), under_it.end());
    }
}

} // namespace

std::string_view toString(Verdict verdict) {
    switch (verdict) {
    case Verdict::Permitted:
        return "permitted";
    case Verdict::Conditional:
        return "conditional";
    case Verdict::Prohibited:
        return "prohibited";
    }
    return "prohibited";
}

void Decision::restrict(Verdict to) {
    verdict = std::max(verdict, to);
}

bool Decision::hasWarnings() const {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Warning; });
}

Decision evaluate(const Catalog& catalog, const EvaluationRequest& request,
                  const std::vector<LayerInput>& layers) {
    const Context context = withDefaultsFor(request.action, request.context);
    Decision decision;
    decision.action = request.action;
    decision.findings.reserve(layers.size() * 2);
    detail::DutyCollector owed;
    for (const LayerInput& layer : layers) {
        if (!layer.binding || layer.binding->licences.empty()) {
            decision.findings.push_back(layerFinding(
                layer, "", "unlicensed", Severity::Warning,
                builtIn("Laag \"" + layer.name +
                            "\" heeft geen licentie: wat ermee mag is onbekend. Koppel een "
                            "licentie (geolicence bind).",
                        "Layer \"" + layer.name +
                            "\" has no licence: what may be done with it is unknown. Bind a "
                            "licence (geolicence bind).")
                    .in(request.language)));
            continue;
        }
        // Part of derived data came from an input nobody licensed: what may be done with that
        // part is unknown, as for an unlicensed layer, whatever the other inputs allow.
        for (const DerivedInput* input : unlicensedInputs(layer.binding->derived_from)) {
            decision.findings.push_back(layerFinding(
                layer, "", rule_ids::kUnlicensedSource, Severity::Warning,
                say(Msg::UnlicensedSource, request.language, {layer.name, input->source})));
        }
        const auto own = request.layer_contexts.find(layer.id);
        std::optional<Context> own_context;
        if (own != request.layer_contexts.end()) {
            own_context = withDefaultsFor(request.action, own->second);
        }
        // Judges the layer under one licence: appends its findings and duties.
        auto judgeUnder = [&](const BoundLicence& licence, std::vector<Finding>& findings) {
            const LicenceProfile* profile = catalog.find(licence.licence_id);
            if (profile == nullptr || profile->is_abstract) {
                const std::string& id = licence.licence_id;
                findings.push_back(layerFinding(
                    layer, id, "unknown-licence", Severity::Error,
                    builtIn("Laag \"" + layer.name + "\" is gekoppeld aan licentie \"" + id +
                                "\", die niet in de catalogus staat (geolicence licences list).",
                            "Layer \"" + layer.name + "\" is bound to licence \"" + id +
                                "\", which is not in the catalog (geolicence licences list).")
                        .in(request.language)));
                return Verdict::Prohibited;
            }
            LayerEvaluator evaluator(request, own_context ? *own_context : context, layer, licence,
                                     *profile);
            return evaluator.run(findings, owed);
        };
        // Every licence applies: the strictest verdict of any of them is the layer's.
        for (const BoundLicence& licence : layer.binding->licences) {
            decision.restrict(judgeUnder(licence, decision.findings));
        }
        judgeDroppedSourceLicences(layer, request.language, judgeUnder, decision);
    }
    decision.duties = owed.finish();
    dropEndorsingAttributions(decision.duties, decision.findings, request.language);
    return decision;
}

} // namespace geolicence
