#include "licence/operand_type.h"

#include "licence/known_options.h"

#include <geolicence/context.h>

namespace geolicence::detail {

std::optional<Operand> parseOperand(std::string_view text) {
    static const std::vector<std::pair<std::string_view, OperandKind>> kFixed = {
        {"context.purpose", OperandKind::Purpose},
        {"context.recipient", OperandKind::Recipient},
        {"context.cell_size_m", OperandKind::CellSize},
        {"context.date", OperandKind::Date},
        {"context.downloadable", OperandKind::Downloadable},
        {"context.combined_with_own_data", OperandKind::CombinedWithOwnData},
        {"context.reproduces_data", OperandKind::ReproducesData},
        {"layer.within_territory", OperandKind::WithinTerritory},
        {"layer.contains_personal_data", OperandKind::ContainsPersonalData},
    };
    for (const auto& [name, kind] : kFixed) {
        if (text == name) {
            return Operand{kind, {}, std::string(text)};
        }
    }
    constexpr std::string_view kOptionPrefix = "option.";
    if (text.substr(0, kOptionPrefix.size()) == kOptionPrefix &&
        findKnownOption(text.substr(kOptionPrefix.size())) != nullptr) {
        return Operand{OperandKind::Option, std::string(text.substr(kOptionPrefix.size())),
                       std::string(text)};
    }
    return std::nullopt;
}

ValueKind valueKindOf(OptionType type) {
    switch (type) {
    case OptionType::Bool:
        return ValueKind::Bool;
    case OptionType::Date:
        return ValueKind::Date;
    case OptionType::Number:
        return ValueKind::Number;
    case OptionType::String:
    case OptionType::Enum:
        return ValueKind::String;
    }
    return ValueKind::String;
}

OperandType operandType(const Operand& operand) {
    switch (operand.kind) {
    case OperandKind::Purpose:
        return {ValueKind::String, {kPurposes.begin(), kPurposes.end()}};
    case OperandKind::Recipient:
        return {ValueKind::String, {kRecipients.begin(), kRecipients.end()}};
    case OperandKind::CellSize:
        return {ValueKind::Number, {}};
    case OperandKind::Date:
        return {ValueKind::Date, {}};
    case OperandKind::Downloadable:
    case OperandKind::CombinedWithOwnData:
    case OperandKind::WithinTerritory:
    case OperandKind::ContainsPersonalData:
    case OperandKind::ReproducesData:
        return {ValueKind::Bool, {}};
    case OperandKind::Option: {
        const KnownOption* option = findKnownOption(operand.option_name);
        if (option == nullptr) {
            return {};
        }
        return {valueKindOf(option->type), option->values};
    }
    }
    return {};
}

std::string_view toString(ValueKind kind) {
    switch (kind) {
    case ValueKind::Bool:
        return "a boolean";
    case ValueKind::Number:
        return "a number";
    case ValueKind::Date:
        return "a date (YYYY-MM-DD)";
    case ValueKind::String:
        return "a string";
    }
    return "a string";
}

} // namespace geolicence::detail
