#include "licences_command.h"

#include "report/profile_json.h"

#include <geolicence/errors.h>
#include <geolicence/messages.h>
#include <geolicence/profile_parser.h>

#include <iomanip>
#include <iostream>

namespace geolicence::cli {

void LicencesCommand::setup(CLI::App& app) {
    app_ = app.add_subcommand("licences", "List, show and validate licence profiles");
    app_->require_subcommand(1);

    list_ = app_->add_subcommand("list", "List the licences of the catalog");
    addFormatOption(*list_, format_, {"text", "json"});
    addLanguageOption(*list_, language_);

    show_ = app_->add_subcommand("show", "Show one licence: options and rules with citations");
    show_->add_option("ID", id_, "Licence profile id")->required();
    addFormatOption(*show_, format_, {"text", "json"});
    addLanguageOption(*show_, language_);

    validate_ = app_->add_subcommand("validate", "Check licence profile files");
    validate_->add_option("FILE", files_, "Profile files (.json)")->required();
}

int LicencesCommand::run(const GlobalOptions& options) {
    if (list_->parsed()) {
        return list(options);
    }
    if (show_->parsed()) {
        return show(options);
    }
    return validate(options);
}

int LicencesCommand::list(const GlobalOptions& options) const {
    const Catalog catalog = loadCatalog(options);
    if (format_ == "json") {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const LicenceProfile* profile : catalog.bindable()) {
            out.push_back(profileSummaryJson(*profile));
        }
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    const Language language = pickLanguage(language_);
    for (const LicenceProfile* profile : catalog.bindable()) {
        std::cout << std::left << std::setw(38) << profile->id << std::setw(10) << profile->version
                  << profile->title.in(language) << "\n";
    }
    return kExitOk;
}

int LicencesCommand::show(const GlobalOptions& options) const {
    const Catalog catalog = loadCatalog(options);
    const LicenceProfile* profile = catalog.find(id_);
    if (profile == nullptr) {
        throw UsageError("unknown licence \"" + id_ + "\" (see: geolicence licences list)");
    }
    if (format_ == "json") {
        std::cout << profileJson(*profile).dump(2) << "\n";
        return kExitOk;
    }
    const Language language = pickLanguage(language_);
    std::cout << profile->id << " " << profile->version << " — " << profile->title.in(language)
              << "\n"
              << "  " << profile->licensor << "; " << profile->source_document << " ("
              << profile->source_date << ")\n";
    if (!profile->options.empty()) {
        std::cout << say(Msg::OptionsHeading, language) << "\n";
        for (const OptionSpec& option : profile->options) {
            std::cout << "  " << option.name << (option.required ? " (required)" : "") << ": "
                      << option.meaning.in(language) << "\n";
        }
    }
    std::cout << say(Msg::RulesHeading, language) << "\n";
    for (const Rule& rule : profile->rules) {
        std::cout << "  " << toString(rule.type) << " " << rule.id;
        std::string actions;
        for (Action action : kAllActions) {
            if (rule.actions.contains(action)) {
                actions += actions.empty() ? "" : ",";
                actions += toString(action);
            }
        }
        std::cout << " [" << actions << "]";
        for (const Constraint& constraint : rule.constraints) {
            std::cout << " if " << constraintToText(constraint);
        }
        std::cout << "\n      " << rule.message.in(language) << " (" << rule.cite << ")\n";
    }
    return kExitOk;
}

int LicencesCommand::validate(const GlobalOptions& options) const {
    int failures = 0;
    for (const std::string& file : files_) {
        try {
            // Validate in the context of the catalog, so `extends` and option references are
            // checked the way they will be used.
            CatalogBuilder builder;
            builder.addBundled();
            for (const std::string& directory : options.catalog_dirs) {
                builder.addDirectory(directory);
            }
            const LicenceProfile profile = parseProfile(readTextFile(file), file);
            const std::string id = profile.id;
            builder.addProfile(profile);
            builder.build();
            std::cout << "ok: " << file << " (" << id << ")\n";
        } catch (const InputError& e) {
            std::cerr << "geolicence: " << oneLine(e.what()) << "\n";
            ++failures;
        }
    }
    return failures == 0 ? kExitOk : kExitInput;
}

} // namespace geolicence::cli
