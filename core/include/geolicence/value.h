#pragma once

#include "geolicence/date.h"

#include <string>
#include <variant>

namespace geolicence {

// A typed value: an option of a binding, a context value, or a constraint's right operand.
// Enumerations (purpose, recipient, role) are strings checked against their vocabulary.
using Value = std::variant<bool, double, std::string, Date>;

std::string toDisplayString(const Value& value);

} // namespace geolicence
