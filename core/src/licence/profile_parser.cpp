#include "licence/known_options.h"
#include "licence/operand_type.h"
#include "licence/profile_schema.h"

#include <geolicence/errors.h>
#include <geolicence/json_position_index.h>
#include <geolicence/profile_parser.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <regex>

namespace geolicence {

namespace {

using detail::OperandType;
using detail::ValueKind;
using nlohmann::json;

const std::vector<std::pair<std::string_view, DutyType>>& dutyNames() {
    static const std::vector<std::pair<std::string_view, DutyType>> names = {
        {"attribute", DutyType::Attribute},
        {"include-legend", DutyType::IncludeLegend},
        {"report-errors", DutyType::ReportErrors},
        {"inform", DutyType::Inform},
        {"delete", DutyType::Delete},
        {"delete-at", DutyType::DeleteAt},
        {"return-at", DutyType::ReturnAt},
        {"compensate", DutyType::Compensate},
        {"use-latest-version", DutyType::UseLatestVersion},
        {"keep-notices", DutyType::KeepNotices},
        {"no-endorsement", DutyType::NoEndorsement},
        {"use-only-for-project", DutyType::UseOnlyForProject},
        {"share-alike", DutyType::ShareAlike},
        {"confidentiality", DutyType::Confidentiality},
        {"indicate-changes", DutyType::IndicateChanges},
        {"link-licence", DutyType::LinkLicence},
        {"observe-conditions", DutyType::ObserveConditions},
    };
    return names;
}

const std::vector<std::pair<std::string_view, Operator>>& operatorNames() {
    static const std::vector<std::pair<std::string_view, Operator>> names = {
        {"eq", Operator::Eq},           {"neq", Operator::Neq},
        {"lt", Operator::Lt},           {"lteq", Operator::Lteq},
        {"gt", Operator::Gt},           {"gteq", Operator::Gteq},
        {"isAnyOf", Operator::IsAnyOf}, {"isNoneOf", Operator::IsNoneOf},
        {"isSet", Operator::IsSet},     {"isNotSet", Operator::IsNotSet},
    };
    return names;
}

template <typename Names> std::string joinNames(const Names& names) {
    std::string out;
    for (const auto& entry : names) {
        out += out.empty() ? "" : ", ";
        if constexpr (std::is_convertible_v<decltype(entry), std::string_view>) {
            out += entry;
        } else {
            out += entry.first;
        }
    }
    return out;
}

std::string typeName(const json& value) {
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    case json::value_t::string:
        return "the string \"" + value.get<std::string>() + "\"";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    default:
        return "an unsupported value";
    }
}

// Reads the JSON document into the profile model. Every failure names the JSON pointer of the
// offending value and, through the position index, its line and column.
class ProfileReader {
public:
    ProfileReader(std::shared_ptr<const ProfileOrigin> origin) : origin_(std::move(origin)) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& detail) const {
        const JsonPositionIndex index(origin_->text);
        const TextPosition position = index.find(pointer);
        throw ProfileError(origin_->file, position.line, position.column,
                           (pointer.empty() ? std::string("/") : pointer) + ": " + detail);
    }

    LicenceProfile read(const json& doc) const {
        if (!doc.is_object()) {
            fail("", "a licence profile must be a JSON object, found " + typeName(doc));
        }
        LicenceProfile profile;
        profile.origin = origin_;
        profile.id = identifier(member(doc, "", "id"), "/id");
        profile.version = string(member(doc, "", "version"), "/version");
        profile.title = localized(member(doc, "", "title"), "/title");
        profile.licensor = string(member(doc, "", "licensor"), "/licensor");
        readSource(member(doc, "", "source"), profile);
        if (const json* value = optionalMember(doc, "abstract")) {
            profile.is_abstract = boolean(*value, "/abstract");
        }
        if (const json* value = optionalMember(doc, "extends")) {
            const json& list = array(*value, "/extends");
            for (std::size_t i = 0; i < list.size(); ++i) {
                profile.extends.push_back(identifier(list[i], "/extends/" + std::to_string(i)));
            }
        }
        if (const json* value = optionalMember(doc, "licence_url")) {
            profile.licence_url = string(*value, "/licence_url");
        }
        if (const json* value = optionalMember(doc, "source_patterns")) {
            const json& list = array(*value, "/source_patterns");
            for (std::size_t i = 0; i < list.size(); ++i) {
                profile.source_patterns.push_back(
                    regexPattern(list[i], "/source_patterns/" + std::to_string(i)));
            }
        }
        if (const json* value = optionalMember(doc, "options")) {
            const json& list = array(*value, "/options");
            for (std::size_t i = 0; i < list.size(); ++i) {
                OptionSpec option = readOption(list[i], "/options/" + std::to_string(i));
                if (profile.findOption(option.name) != nullptr) {
                    fail("/options/" + std::to_string(i),
                         "option \"" + option.name + "\" is declared twice");
                }
                profile.options.push_back(std::move(option));
            }
        }
        const json& rules = array(member(doc, "", "rules"), "/rules");
        for (std::size_t i = 0; i < rules.size(); ++i) {
            profile.rules.push_back(readRule(rules[i], "/rules/" + std::to_string(i)));
        }
        return profile;
    }

private:
    const json& member(const json& object, const std::string& pointer, const char* key) const {
        if (!object.is_object()) {
            fail(pointer, "expected an object, found " + typeName(object));
        }
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(pointer, std::string("missing required field \"") + key + "\"");
        }
        return *it;
    }

    static const json* optionalMember(const json& object, const char* key) {
        const auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }

    std::string string(const json& value, const std::string& pointer) const {
        if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
            fail(pointer, "expected a non-empty string, found " + typeName(value));
        }
        return value.get<std::string>();
    }

    std::string identifier(const json& value, const std::string& pointer) const {
        std::string text = string(value, pointer);
        static const std::regex kIdentifier("^[a-z0-9][a-z0-9.-]*$");
        if (!std::regex_match(text, kIdentifier)) {
            fail(pointer,
                 "\"" + text + "\" is not a valid id (lower-case letters, digits, '.' and '-')");
        }
        return text;
    }

    bool boolean(const json& value, const std::string& pointer) const {
        if (!value.is_boolean()) {
            fail(pointer, "expected true or false, found " + typeName(value));
        }
        return value.get<bool>();
    }

    const json& array(const json& value, const std::string& pointer) const {
        if (!value.is_array()) {
            fail(pointer, "expected an array, found " + typeName(value));
        }
        return value;
    }

    Date date(const json& value, const std::string& pointer) const {
        const std::string text = string(value, pointer);
        const auto parsed = Date::parse(text);
        if (!parsed) {
            fail(pointer, "\"" + text + "\" is not a date in the form YYYY-MM-DD");
        }
        return *parsed;
    }

    LocalizedText localized(const json& value, const std::string& pointer) const {
        return {string(member(value, pointer, "nl"), pointer + "/nl"),
                string(member(value, pointer, "en"), pointer + "/en")};
    }

    std::string regexPattern(const json& value, const std::string& pointer) const {
        std::string text = string(value, pointer);
        try {
            std::regex compiled(text);
        } catch (const std::regex_error& e) {
            fail(pointer, "\"" + text + "\" is not a valid regular expression: " + e.what());
        }
        return text;
    }

    void readSource(const json& source, LicenceProfile& profile) const {
        profile.source_document = string(member(source, "/source", "document"), "/source/document");
        profile.source_date = date(member(source, "/source", "date"), "/source/date").toString();
        if (const json* url = optionalMember(source, "url")) {
            profile.source_url = string(*url, "/source/url");
        }
    }

    const detail::KnownOption& knownOption(const json& value, const std::string& pointer) const {
        const std::string name = string(value, pointer);
        const detail::KnownOption* known = detail::findKnownOption(name);
        if (known == nullptr) {
            fail(pointer,
                 "unknown option \"" + name + "\"; options are " + detail::knownOptionNames());
        }
        return *known;
    }

    OptionSpec readOption(const json& value, const std::string& pointer) const {
        OptionSpec option;
        const detail::KnownOption& known =
            knownOption(member(value, pointer, "name"), pointer + "/name");
        option.name = std::string(known.name);
        const std::string type = string(member(value, pointer, "type"), pointer + "/type");
        if (type != toString(known.type)) {
            fail(pointer + "/type", "option \"" + option.name + "\" has type " +
                                        std::string(toString(known.type)) + ", not " + type);
        }
        option.type = known.type;
        for (std::string_view allowed : known.values) {
            option.values.emplace_back(allowed);
        }
        // A profile may narrow the vocabulary: NDFF's role is subscriber or contractor.
        if (const json* values = optionalMember(value, "values")) {
            const json& list = array(*values, pointer + "/values");
            std::vector<std::string> narrowed;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string word = string(list[i], pointer + "/values/" + std::to_string(i));
                if (std::find(option.values.begin(), option.values.end(), word) ==
                    option.values.end()) {
                    fail(pointer + "/values/" + std::to_string(i),
                         "\"" + word + "\" is not a value of option \"" + option.name + "\"");
                }
                narrowed.push_back(word);
            }
            option.values = std::move(narrowed);
        }
        if (const json* def = optionalMember(value, "default")) {
            const OperandType type_info{detail::valueKindOf(known.type),
                                        {option.values.begin(), option.values.end()}};
            option.default_value = typedValue(*def, type_info, pointer + "/default");
        }
        if (const json* required = optionalMember(value, "required")) {
            option.required = boolean(*required, pointer + "/required");
        }
        option.meaning = localized(member(value, pointer, "meaning"), pointer + "/meaning");
        return option;
    }

    Value typedValue(const json& value, const OperandType& type, const std::string& pointer) const {
        switch (type.kind) {
        case ValueKind::Bool:
            if (value.is_boolean()) {
                return value.get<bool>();
            }
            break;
        case ValueKind::Number:
            if (value.is_number()) {
                return value.get<double>();
            }
            break;
        case ValueKind::Date:
            if (value.is_string()) {
                return date(value, pointer);
            }
            break;
        case ValueKind::String:
            if (value.is_string()) {
                std::string text = value.get<std::string>();
                if (!type.vocabulary.empty() &&
                    std::find(type.vocabulary.begin(), type.vocabulary.end(), text) ==
                        type.vocabulary.end()) {
                    fail(pointer, "\"" + text + "\" is not one of " + joinNames(type.vocabulary));
                }
                return text;
            }
            break;
        }
        fail(pointer,
             "expected " + std::string(detail::toString(type.kind)) + ", found " + typeName(value));
    }

    ActionSet actions(const json& value, const std::string& pointer) const {
        ActionSet set;
        auto add = [&](const json& item, const std::string& item_pointer) {
            const std::string text = string(item, item_pointer);
            if (text == "*") {
                set = ActionSet::all();
                return;
            }
            const auto action = parseAction(text);
            if (!action) {
                std::string known;
                for (Action a : kAllActions) {
                    known += std::string(toString(a)) + ", ";
                }
                fail(item_pointer, "unknown action \"" + text + "\"; actions are " + known + "*");
            }
            set.insert(*action);
        };
        if (value.is_array()) {
            if (value.empty()) {
                fail(pointer, "a rule needs at least one action");
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                add(value[i], pointer + "/" + std::to_string(i));
            }
        } else {
            add(value, pointer);
        }
        return set;
    }

    Operand operand(const json& value, const std::string& pointer) const {
        const std::string text = string(value, pointer);
        auto parsed = detail::parseOperand(text);
        if (!parsed) {
            fail(pointer, "unknown operand \"" + text +
                              "\"; use context.<purpose|recipient|cell_size_m|date|downloadable|"
                              "combined_with_own_data|reproduces_data>, option.<name> or "
                              "layer.<within_territory|contains_personal_data>");
        }
        return *parsed;
    }

    Constraint readConstraint(const json& value, const std::string& pointer) const {
        Constraint constraint;
        constraint.left = operand(member(value, pointer, "operand"), pointer + "/operand");
        const std::string op = string(member(value, pointer, "operator"), pointer + "/operator");
        const auto& names = operatorNames();
        const auto found = std::find_if(names.begin(), names.end(),
                                        [&](const auto& entry) { return entry.first == op; });
        if (found == names.end()) {
            fail(pointer + "/operator",
                 "unknown operator \"" + op + "\"; operators are " + joinNames(names));
        }
        constraint.op = found->second;
        if (const json* flag = optionalMember(value, "unset_is_unknown")) {
            constraint.unset_is_unknown = boolean(*flag, pointer + "/unset_is_unknown");
        }
        const OperandType type = detail::operandType(constraint.left);
        const json* literal = optionalMember(value, "value");
        const json* reference = optionalMember(value, "value_of");
        const bool unary = constraint.op == Operator::IsSet || constraint.op == Operator::IsNotSet;
        if (unary) {
            if (literal != nullptr || reference != nullptr) {
                fail(pointer, "operator \"" + op + "\" takes no value");
            }
            return constraint;
        }
        if ((literal == nullptr) == (reference == nullptr)) {
            fail(pointer, "operator \"" + op + "\" needs exactly one of \"value\" or \"value_of\"");
        }
        const bool ordering = constraint.op == Operator::Lt || constraint.op == Operator::Lteq ||
                              constraint.op == Operator::Gt || constraint.op == Operator::Gteq;
        if (ordering && type.kind != ValueKind::Number && type.kind != ValueKind::Date) {
            fail(pointer + "/operator", "operator \"" + op + "\" compares numbers or dates, but " +
                                            constraint.left.text + " is " +
                                            std::string(detail::toString(type.kind)));
        }
        if (reference != nullptr) {
            constraint.right = operand(*reference, pointer + "/value_of");
            if (constraint.unset_is_unknown && constraint.left.kind != OperandKind::Option &&
                constraint.right->kind != OperandKind::Option) {
                fail(pointer + "/unset_is_unknown",
                     "applies to an option operand, and this constraint has none");
            }
            const OperandType right_type = detail::operandType(*constraint.right);
            if (right_type.kind != type.kind) {
                fail(pointer + "/value_of", constraint.left.text + " is " +
                                                std::string(detail::toString(type.kind)) + " but " +
                                                constraint.right->text + " is " +
                                                std::string(detail::toString(right_type.kind)));
            }
            return constraint;
        }
        if (constraint.unset_is_unknown && constraint.left.kind != OperandKind::Option) {
            fail(pointer + "/unset_is_unknown",
                 "applies to an option operand, and this constraint has none");
        }
        const bool list = constraint.op == Operator::IsAnyOf || constraint.op == Operator::IsNoneOf;
        if (list) {
            const json& items = array(*literal, pointer + "/value");
            if (items.empty()) {
                fail(pointer + "/value", "operator \"" + op + "\" needs at least one value");
            }
            for (std::size_t i = 0; i < items.size(); ++i) {
                constraint.values.push_back(
                    typedValue(items[i], type, pointer + "/value/" + std::to_string(i)));
            }
        } else {
            constraint.values.push_back(typedValue(*literal, type, pointer + "/value"));
        }
        return constraint;
    }

    std::string optionReference(const json& value, const std::string& pointer,
                                std::optional<OptionType> expected) const {
        const detail::KnownOption& known = knownOption(value, pointer);
        if (expected && known.type != *expected) {
            fail(pointer, "option \"" + std::string(known.name) + "\" is a " +
                              std::string(toString(known.type)) + ", this needs a " +
                              std::string(toString(*expected)));
        }
        return std::string(known.name);
    }

    DutySpec readDuty(const json& value, const std::string& pointer) const {
        DutySpec duty;
        const std::string type = string(member(value, pointer, "type"), pointer + "/type");
        const auto& names = dutyNames();
        const auto found = std::find_if(names.begin(), names.end(),
                                        [&](const auto& entry) { return entry.first == type; });
        if (found == names.end()) {
            fail(pointer + "/type",
                 "unknown duty \"" + type + "\"; duties are " + joinNames(names));
        }
        duty.type = found->second;
        if (const json* text = optionalMember(value, "text")) {
            if (text->is_string()) {
                const std::string fixed = string(*text, pointer + "/text");
                duty.text = LocalizedText{fixed, fixed};
            } else {
                duty.text = localized(*text, pointer + "/text");
            }
        }
        if (const json* option = optionalMember(value, "text_option")) {
            duty.text_option =
                optionReference(*option, pointer + "/text_option", OptionType::String);
        }
        if (const json* option = optionalMember(value, "date_option")) {
            duty.date_option = optionReference(*option, pointer + "/date_option", OptionType::Date);
        }
        if (const json* option = optionalMember(value, "unless_option")) {
            duty.unless_option = optionReference(*option, pointer + "/unless_option", std::nullopt);
        }
        if (const json* party = optionalMember(value, "party")) {
            duty.party = string(*party, pointer + "/party");
        }
        if (const json* aliases = optionalMember(value, "aliases")) {
            const json& list = array(*aliases, pointer + "/aliases");
            for (std::size_t i = 0; i < list.size(); ++i) {
                duty.aliases.push_back(string(list[i], pointer + "/aliases/" + std::to_string(i)));
            }
        }
        if (const json* note = optionalMember(value, "note")) {
            duty.note = localized(*note, pointer + "/note");
        }
        if (duty.type == DutyType::Attribute && !duty.text && duty.text_option.empty()) {
            fail(pointer, "an attribute duty needs \"text\" or \"text_option\"");
        }
        if (duty.type == DutyType::NoEndorsement && duty.party.empty()) {
            fail(pointer, "a no-endorsement duty needs the \"party\" that must not be named");
        }
        if ((duty.type == DutyType::DeleteAt || duty.type == DutyType::ReturnAt) &&
            duty.date_option.empty()) {
            fail(pointer, "a " + type + " duty needs \"date_option\" naming the date option");
        }
        return duty;
    }

    Rule readRule(const json& value, const std::string& pointer) const {
        Rule rule;
        rule.origin = origin_;
        rule.json_pointer = pointer;
        rule.id = identifier(member(value, pointer, "id"), pointer + "/id");
        if (const json* clause = optionalMember(value, "clause")) {
            rule.clause = string(*clause, pointer + "/clause");
        }
        const std::string type = string(member(value, pointer, "type"), pointer + "/type");
        if (type == "permission") {
            rule.type = RuleType::Permission;
        } else if (type == "prohibition") {
            rule.type = RuleType::Prohibition;
        } else if (type == "obligation") {
            rule.type = RuleType::Obligation;
        } else if (type == "notice") {
            rule.type = RuleType::Notice;
        } else {
            fail(pointer + "/type", "unknown rule type \"" + type +
                                        "\"; types are permission, prohibition, obligation, "
                                        "notice");
        }
        rule.severity = rule.type == RuleType::Prohibition ? Severity::Error : Severity::Info;
        if (const json* severity = optionalMember(value, "severity")) {
            const std::string text = string(*severity, pointer + "/severity");
            if (rule.type != RuleType::Notice) {
                fail(pointer + "/severity", "only a notice has a severity");
            }
            if (text != "warning" && text != "info") {
                fail(pointer + "/severity",
                     "severity is \"warning\" or \"info\", not \"" + text + "\"");
            }
            rule.severity = text == "warning" ? Severity::Warning : Severity::Info;
        }
        rule.actions = actions(member(value, pointer, "action"), pointer + "/action");
        if (const json* constraints = optionalMember(value, "constraints")) {
            const json& list = array(*constraints, pointer + "/constraints");
            for (std::size_t i = 0; i < list.size(); ++i) {
                rule.constraints.push_back(
                    readConstraint(list[i], pointer + "/constraints/" + std::to_string(i)));
            }
        }
        if (const json* duties = optionalMember(value, "duties")) {
            const json& list = array(*duties, pointer + "/duties");
            for (std::size_t i = 0; i < list.size(); ++i) {
                rule.duties.push_back(readDuty(list[i], pointer + "/duties/" + std::to_string(i)));
            }
        }
        if (!optionalMember(value, "cite")) {
            fail(pointer, "rule \"" + rule.id +
                              "\" has no \"cite\": every rule names the clause it encodes, as "
                              "\"<seed file> <article>\"");
        }
        rule.cite = string(member(value, pointer, "cite"), pointer + "/cite");
        static const std::regex kCite(R"(^\S+ \S.*$)");
        if (!std::regex_match(rule.cite, kCite)) {
            fail(pointer + "/cite",
                 "cite \"" + rule.cite + "\" must be \"<seed file or document> <article>\"");
        }
        rule.message = localized(member(value, pointer, "message"), pointer + "/message");
        return rule;
    }

    std::shared_ptr<const ProfileOrigin> origin_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 3,
// column 5: "; we give our own position, so keep only what went wrong.
std::string parseErrorDetail(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

} // namespace

LicenceProfile parseProfile(std::string_view text, const std::string& file) {
    auto origin = std::make_shared<const ProfileOrigin>(ProfileOrigin{file, std::string(text)});
    json doc;
    try {
        doc = json::parse(origin->text);
    } catch (const json::parse_error& e) {
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const TextPosition position = positionOfOffset(origin->text, offset);
        throw ProfileError(file, position.line, position.column,
                           "invalid JSON: " + parseErrorDetail(e.what()));
    } catch (const json::exception& e) {
        // e.g. a number too large for a double: no position is known.
        throw ProfileError(file, 0, 0, "invalid JSON: " + parseErrorDetail(e.what()));
    }
    const ProfileReader reader(origin);
    LicenceProfile profile = reader.read(doc);
    // The reader checks what it understands; the schema catches the rest (e.g. a misspelt
    // field name that would otherwise be ignored).
    if (const auto violation = detail::firstSchemaViolation(doc)) {
        reader.fail(violation->pointer, violation->message);
    }
    return profile;
}

} // namespace geolicence
