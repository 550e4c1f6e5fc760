#pragma once

#include "geolicence/action.h"
#include "geolicence/localized_text.h"
#include "geolicence/value.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace geolicence {

enum class OptionType { Bool, Date, String, Enum, Number };

std::string_view toString(OptionType type);

// An option a profile accepts on a binding, e.g. `publication_right` or `valid_until`.
struct OptionSpec {
    std::string name;
    OptionType type = OptionType::String;
    std::vector<std::string> values; // allowed values of an Enum
    std::optional<Value> default_value;
    bool required = false;
    LocalizedText meaning;
};

// What a constraint looks at.
enum class OperandKind {
    Purpose,
    Recipient,
    CellSize,
    Date,
    Downloadable,
    CombinedWithOwnData,
    Option,
    WithinTerritory,
    ContainsPersonalData,
    ReproducesData
};

struct Operand {
    OperandKind kind = OperandKind::Purpose;
    std::string option_name; // for OperandKind::Option
    std::string text;        // as written in the profile, for messages
};

enum class Operator { Eq, Neq, Lt, Lteq, Gt, Gteq, IsAnyOf, IsNoneOf, IsSet, IsNotSet };

struct Constraint {
    Operand left;
    Operator op = Operator::Eq;
    std::vector<Value> values;    // one value, or the list of isAnyOf/isNoneOf
    std::optional<Operand> right; // value_of: compare with another operand
    // An option the binding leaves out is normally known to be absent (no permission, no end
    // date). Where a clause cannot be decided without it (a contractor's rights end at
    // `project_end`), the profile says so and a missing option makes the rule unknown.
    bool unset_is_unknown = false;
};

enum class DutyType {
    Attribute,
    IncludeLegend,
    ReportErrors,
    Inform,
    Delete,
    DeleteAt,
    ReturnAt,
    Compensate,
    UseLatestVersion,
    KeepNotices,
    NoEndorsement,
    UseOnlyForProject,
    ShareAlike,
    Confidentiality,
    IndicateChanges,
    LinkLicence,
    ObserveConditions
};

std::string_view toString(DutyType type);

struct DutySpec {
    DutyType type = DutyType::Attribute;
    std::optional<LocalizedText> text; // fixed text; both languages equal when prescribed verbatim
    std::string text_option; // or: the text comes from this option of the binding (with both,
                             // the option replaces the default text, e.g. another ODbL database)
    std::string date_option; // delete-at / return-at: the date comes from this option
    std::string party;
    std::vector<std::string> aliases; // no-endorsement: other names of the party
    std::string unless_option;        // the duty lapses when this option is set
    std::optional<LocalizedText> note;
};

// Where a profile was read from; the text is kept so that errors found after loading (an
// inherited option that does not exist, a duplicate rule id) can still name line and column.
struct ProfileOrigin {
    std::string file;
    std::string text;
};

enum class RuleType { Permission, Prohibition, Obligation, Notice };
enum class Severity { Error, Warning, Info };

std::string_view toString(Severity severity);
std::string_view toString(RuleType type);

struct Rule {
    std::string id;
    std::string clause; // rule-book clause, e.g. "N4"; empty for open licences without one
    RuleType type = RuleType::Permission;
    Severity severity = Severity::Info; // for notices
    ActionSet actions;
    std::vector<Constraint> constraints;
    std::vector<DutySpec> duties;
    std::string cite;
    LocalizedText message;
    // Where it was written (file and JSON pointer), so errors found after loading can still
    // name line and column, also for a rule inherited from another profile.
    std::shared_ptr<const ProfileOrigin> origin;
    std::string json_pointer;
};

struct LicenceProfile {
    std::string id;
    std::string version;
    bool is_abstract = false;
    std::vector<std::string> extends;
    LocalizedText title;
    std::string licensor;
    std::string source_document;
    std::string source_date;
    std::string source_url;
    std::string licence_url;
    std::vector<std::string> source_patterns;
    std::vector<OptionSpec> options;
    std::vector<Rule> rules;
    std::shared_ptr<const ProfileOrigin> origin;

    const OptionSpec* findOption(std::string_view name) const;
};

} // namespace geolicence
