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
    valijson::Validator validator;
    valijson::ValidationResults results;
    if (validator.validate(profileSchema(), valijson::adapters::NlohmannJsonAdapter(document),
                           &results)) {
        return std::nullopt;
    }
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
