#pragma once

#include <geolicence/licence_profile.h>

#include <optional>
#include <string_view>
#include <vector>

namespace geolicence::detail {

enum class ValueKind { Bool, Number, Date, String };

// What values an operand takes: its kind and, for vocabularies (purpose, recipient, role),
// the allowed words.
struct OperandType {
    ValueKind kind = ValueKind::String;
    std::vector<std::string_view> vocabulary;
};

std::optional<Operand> parseOperand(std::string_view text);
OperandType operandType(const Operand& operand);
ValueKind valueKindOf(OptionType type);
std::string_view toString(ValueKind kind);

} // namespace geolicence::detail
