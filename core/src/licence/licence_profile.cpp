#include <geolicence/licence_profile.h>

#include <array>

namespace geolicence {

namespace {
constexpr std::array<std::string_view, 17> kDutyNames = {"attribute",
                                                         "include-legend",
                                                         "report-errors",
                                                         "inform",
                                                         "delete",
                                                         "delete-at",
                                                         "return-at",
                                                         "compensate",
                                                         "use-latest-version",
                                                         "keep-notices",
                                                         "no-endorsement",
                                                         "use-only-for-project",
                                                         "share-alike",
                                                         "confidentiality",
                                                         "indicate-changes",
                                                         "link-licence",
                                                         "observe-conditions"};
} // namespace

std::string_view toString(DutyType type) {
    return kDutyNames[static_cast<std::size_t>(type)];
}

std::string_view toString(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "info";
}

std::string_view toString(RuleType type) {
    switch (type) {
    case RuleType::Permission:
        return "permission";
    case RuleType::Prohibition:
        return "prohibition";
    case RuleType::Obligation:
        return "obligation";
    case RuleType::Notice:
        return "notice";
    }
    return "notice";
}

const OptionSpec* LicenceProfile::findOption(std::string_view name) const {
    for (const OptionSpec& option : options) {
        if (option.name == name) {
            return &option;
        }
    }
    return nullptr;
}

} // namespace geolicence
