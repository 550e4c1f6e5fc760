#include "licence/known_options.h"

namespace geolicence::detail {

const std::vector<KnownOption>& knownOptions() {
    static const std::vector<KnownOption> options = {
        {"publication_right", OptionType::Bool, {}},
        {"valid_until", OptionType::Date, {}},
        {"project_end", OptionType::Date, {}},
        {"permission_ref", OptionType::String, {}},
        {"role", OptionType::Enum, {"subscriber", "organisation", "contractor"}},
        {"is_competent_authority", OptionType::Bool, {}},
        {"revoked", OptionType::Bool, {}},
        {"attribution", OptionType::String, {}},
        {"cell_size_m", OptionType::Number, {}},
        {"fee_class", OptionType::Enum, {"A", "B", "C", "D"}},
        {"legend_required", OptionType::Bool, {}},
        {"latest_version_required", OptionType::Bool, {}},
        {"conditions", OptionType::String, {}},
    };
    return options;
}

const KnownOption* findKnownOption(std::string_view name) {
    for (const KnownOption& option : knownOptions()) {
        if (option.name == name) {
            return &option;
        }
    }
    return nullptr;
}

} // namespace geolicence::detail

namespace geolicence {

std::string_view toString(OptionType type) {
    switch (type) {
    case OptionType::Bool:
        return "bool";
    case OptionType::Date:
        return "date";
    case OptionType::String:
        return "string";
    case OptionType::Enum:
        return "enum";
    case OptionType::Number:
        return "number";
    }
    return "string";
}

} // namespace geolicence

namespace geolicence::detail {

std::string knownOptionNames() {
    std::string names;
    for (const KnownOption& option : knownOptions()) {
        names += names.empty() ? "" : ", ";
        names += option.name;
    }
    return names;
}

} // namespace geolicence::detail
