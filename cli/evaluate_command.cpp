#include "evaluate_command.h"

#include "context_options.h"
#include "report/report.h"

#include <geolicence/context.h>
#include <geolicence/errors.h>
#include <geolicence/evaluation.h>

#include <iostream>

namespace geolicence::cli {

namespace {

template <typename Vocabulary> std::vector<std::string> names(const Vocabulary& vocabulary) {
    return {vocabulary.begin(), vocabulary.end()};
}

void addTriState(CLI::App& app, const std::string& name, std::optional<bool>& target,
                 const std::string& description) {
    app.add_flag_callback(
        "--" + name, [&target] { target = true; }, description + " (true)");
    app.add_flag_callback(
        "--no-" + name, [&target] { target = false; }, description + " (false)");
}

} // namespace

void EvaluateCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("evaluate", "Evaluate one licence for an action in a given context");
    std::vector<std::string> actions;
    for (Action action : kAllActions) {
        actions.emplace_back(toString(action));
    }
    app_->add_option("--licence", licence_, "Licence profile id (see: geolicence licences list)")
        ->required();
    app_->add_option("--option", options_, "Licence option NAME=VALUE (repeatable)");
    app_->add_option("--action", action_, "Action to evaluate")
        ->required()
        ->check(CLI::IsMember(actions));
    app_->add_option("--purpose", purpose_,
                     "Purpose of the use (exemption-procedure: an exemption or derogation "
                     "procedure in which your organisation is a stakeholder)")
        ->check(CLI::IsMember(names(kPurposes)));
    app_->add_option("--recipient", recipient_, "Who receives the result")
        ->check(CLI::IsMember(names(kRecipients)));
    app_->add_option("--cell-size", cell_size_,
                     "Spatial precision of what leaves, in metres (0 = exact)")
        ->check(CLI::NonNegativeNumber);
    app_->add_option("--date", date_, "Date of the action, YYYY-MM-DD (default: today)");
    addTriState(*app_, "downloadable", downloadable_, "The published data can be downloaded");
    addTriState(*app_, "combined-with-own-data", combined_with_own_data_,
                "Published in combination with the user's own data");
    addTriState(*app_, "reproduces-data", reproduces_data_,
                "The product shows or reproduces the data itself (default for publish and sell; "
                "--no-reproduces-data for a derived value-added service that does not)");
    addTriState(*app_, "within-territory", within_territory_,
                "The layer lies within the organisation's licensed territory");
    addTriState(*app_, "personal-data", contains_personal_data_, "The layer holds personal data");
    addFormatOption(*app_, format_, {"text", "json"});
    addLanguageOption(*app_, language_);
    app_->add_flag("--strict", strict_, "Exit 1 on any warning too");
}

int EvaluateCommand::run(const GlobalOptions& options) {
    EvaluationRequest request;
    request.action = *parseAction(action_);
    request.language = pickLanguage(language_);
    if (!purpose_.empty()) {
        request.context.purpose = purpose_;
    }
    if (!recipient_.empty()) {
        request.context.recipient = recipient_;
    }
    request.context.cell_size_m = cell_size_;
    request.context.downloadable = downloadable_;
    request.context.combined_with_own_data = combined_with_own_data_;
    request.context.reproduces_data = reproduces_data_;
    if (date_.empty()) {
        request.context.date = today();
    } else if (const auto date = Date::parse(date_)) {
        request.context.date = *date;
    } else {
        throw UsageError("--date \"" + date_ + "\" is not a date in the form YYYY-MM-DD");
    }

    const Catalog catalog = loadCatalog(options);
    const LicenceProfile* profile = catalog.find(licence_);
    if (profile == nullptr || profile->is_abstract) {
        throw UsageError("unknown licence \"" + licence_ + "\" (see: geolicence licences list)");
    }
    LayerInput layer;
    layer.binding = singleLicence(licence_, {}, "command line");
    try {
        layer.binding->licences.front().options = parseOptionAssignments(*profile, options_);
    } catch (const InputError& e) {
        throw UsageError(std::string("--option: ") + e.what());
    }
    layer.facts.within_territory = within_territory_;
    layer.facts.contains_personal_data = contains_personal_data_;

    const Decision decision = evaluate(catalog, request, {layer});
    writeReport(std::cout, format_, decision, request.language);
    if (!decision.permitted() || (strict_ && decision.hasWarnings())) {
        return kExitProhibited;
    }
    return kExitOk;
}

} // namespace geolicence::cli
