#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace geolicence::detail {

struct SchemaViolation {
    std::string pointer; // JSON pointer of the most specific value that failed
    std::string message;
};

// Validates a profile document against the bundled JSON Schema
// (resources/licences/schema/licence-profile.schema.json).
std::optional<SchemaViolation> firstSchemaViolation(const nlohmann::json& document);

} // namespace geolicence::detail
