#pragma once

#include "geolicence/action.h"
#include "geolicence/catalog.h"
#include "geolicence/context.h"
#include "geolicence/licence_binding.h"
#include "geolicence/licence_profile.h"
#include "geolicence/localized_text.h"
#include "geolicence/option_values.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// Facts about the layer itself that some clauses depend on; unknown when not measured.
struct LayerFacts {
    std::optional<bool> within_territory;
    std::optional<bool> contains_personal_data;
};

struct LayerInput {
    std::string id;
    std::string name;
    std::optional<LicenceBinding> binding; // nullopt: the layer has no licence
    LayerFacts facts;
};

struct Finding {
    Severity severity = Severity::Info;
    std::string layer_id;
    std::string layer_name;
    std::string licence; // profile id; empty for an unlicensed layer
    std::string rule;    // rule id, or a built-in check: no-permission, unlicensed, ...
    std::string message;
    std::string cite;
};

// A duty owed if the action is taken, merged over the layers that owe it.
struct Duty {
    DutyType type = DutyType::Attribute;
    std::string text; // attribution text, or what the duty asks in words
    std::string party;
    std::optional<Date> date;
    std::vector<std::string> aliases; // no-endorsement: every name that must not appear
    std::string licence;
    std::string rule;
    std::string cite;
    std::vector<std::string> layers;
};

// Three outcomes: an action is conditional when nothing forbids it for certain but something
// it depends on is unknown (a context value nobody gave, a required option or an owed text
// that is not set). A conditional action is not permitted: it fails closed until the missing
// value is given, and the findings name what is missing.
enum class Verdict { Permitted, Conditional, Prohibited };

std::string_view toString(Verdict verdict);

struct Decision {
    Action action = Action::Display;
    Verdict verdict = Verdict::Permitted;
    std::vector<Finding> findings;
    std::vector<Duty> duties;

    bool permitted() const { return verdict == Verdict::Permitted; }
    // Only ever makes the verdict stricter: prohibited wins over conditional over permitted.
    void restrict(Verdict to);
    bool hasWarnings() const;
};

struct EvaluationRequest {
    Action action = Action::Display;
    Context context;
    Language language = Language::English;
    // A layer's own situation, by layer id, in place of `context` for that layer: a web
    // service puts each layer out differently (one downloadable through WFS, one only drawn).
    std::map<std::string, Context> layer_contexts;
};

// Decides whether `request.action` may be taken with every layer: a prohibition wins over a
// permission, an action no permission covers is prohibited, an unlicensed layer is a warning.
// A layer under several licences is judged under each: permitted only when every licence
// permits, prohibited when any prohibits, else conditional when any is conditional; its duties
// are the union of theirs (one entry per distinct duty) and each finding names its licence.
// Derived data with an input that had no licence gets a warning `unlicensed-source` naming it.
// Derived data whose binding lacks a licence a direct input carried is judged under that licence
// too (with the input's options) and gets `source-licence-dropped` naming the licence and the
// input: an error when that licence does not permit the action, else a warning.
// Pure and deterministic: the same inputs give the same decision, findings and duties in the
// same order.
Decision evaluate(const Catalog& catalog, const EvaluationRequest& request,
                  const std::vector<LayerInput>& layers);

} // namespace geolicence
