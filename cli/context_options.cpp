#include "context_options.h"

#include <geolicence/catalog.h>
#include <geolicence/context_json.h>

#include <ctime>

namespace geolicence::cli {

namespace {
template <typename Vocabulary> std::vector<std::string> words(const Vocabulary& vocabulary) {
    return {vocabulary.begin(), vocabulary.end()};
}
} // namespace

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return *Date::parse(buffer);
}

void ContextOptions::add(CLI::App& app) {
    app.add_option("--purpose", purpose_,
                   "Purpose of the use (overrides --context; exemption-procedure: an exemption "
                   "or derogation procedure in which your organisation is a stakeholder)")
        ->check(CLI::IsMember(words(kPurposes)));
    app.add_option("--recipient", recipient_, "Who receives the result (overrides --context)")
        ->check(CLI::IsMember(words(kRecipients)));
    app.add_option("--context", file_,
                   "JSON object with purpose, recipient, cell_size_m, date, downloadable, "
                   "combined_with_own_data, reproduces_data");
    app.add_option("--role", role_,
                   "Your organisation's role under licences that distinguish roles (NDFF: "
                   "subscriber, contractor; GDI-Vlaanderen: organisation, contractor), for "
                   "bindings that do not set one; the QGIS plugin's role setting")
        ->check(CLI::IsMember({"subscriber", "organisation", "contractor"}));
}

BindingDefaults ContextOptions::bindingDefaults() const {
    BindingDefaults defaults;
    if (!role_.empty()) {
        defaults.role = role_;
    }
    return defaults;
}

Context ContextOptions::build() const {
    Context context;
    if (!file_.empty()) {
        context = contextFromJson(readTextFile(file_), file_);
    }
    if (!purpose_.empty()) {
        context.purpose = purpose_;
    }
    if (!recipient_.empty()) {
        context.recipient = recipient_;
    }
    if (!context.date) {
        context.date = today();
    }
    return context;
}

} // namespace geolicence::cli
