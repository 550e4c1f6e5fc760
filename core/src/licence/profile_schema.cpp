#include "licence/profile_schema.h"

#include <geolicence/bundled_resources.h>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <memory>

namespace geolicence::detail {

namespace {

const valijson::Schema& profileSchema() {
    static const std::unique_ptr<valijson::Schema> schema = [] {
        auto parsed = std::make_unique<valijson::Schema>();
        const nlohmann::json document = nlohmann::json::parse(bundled::licenceProfileSchema());
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(document), *parsed);
        return parsed;
    }();
    return *schema;
}

// valijson describes a path as {"<root>", "[rules]", "[3]", "[action]"}.
std::string toPointer(const std::vector<std::string>& context) {
    std::string pointer;
    for (const std::string& part : context) {
        if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
            std::string token = part.substr(1, part.size() - 2);
            if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
                token = token.substr(1, token.size() - 2);
            }
            pointer += "/" + token;
        }
    }
    return pointer;
}

} // namespace

std::optional<SchemaViolation> firstSchemaViolation(const nlohmann::json& document) {
    // One validator per thread for every profile: it keeps the schema's "pattern" regexes
    // compiled, and compiling them again for each of the bundled profiles was a third of
    // the catalog's load time. (thread_local: the validator's cache is not thread-safe.)
    thread_local valijson::Validator validator;
    const valijson::adapters::NlohmannJsonAdapter target(document);
    // Without a results list valijson stops at the first failure: the common, valid, case
    // is checked once and cheaply; only an invalid document is walked again for its errors.
    if (validator.validate(profileSchema(), target, nullptr)) {
        return std::nullopt;
    }
    valijson::ValidationResults results;
    validator.validate(profileSchema(), target, &results);
    // The deepest error is the one that says what is actually wrong; the others only say
    // that its parents failed because of it.
    const valijson::ValidationResults::Error* deepest = nullptr;
    for (const auto& error : results) {
        if (deepest == nullptr || error.context.size() > deepest->context.size()) {
            deepest = &error;
        }
    }
    return SchemaViolation{toPointer(deepest->context),
                           "does not match the licence profile schema: " + deepest->description};
}

} // namespace geolicence::detail
