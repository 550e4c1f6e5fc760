#include "command_line.h"

#include "aggregate_command.h"
#include "attribution_command.h"
#include "bind_command.h"
#include "check_command.h"
#include "command.h"
#include "evaluate_command.h"
#include "hand_over.h"
#include "inspect_command.h"
#include "licences_command.h"

#include <geolicence/version.h>

#include <iostream>
#include <memory>
#include <stdexcept>

namespace geolicence::cli {

int runCommandLine(int argc, char** argv, const GisWing* gis) {
    CLI::App app{"geolicence — know what the licences of your GIS layers allow"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("geolicence ") + kProgramVersion +
                                          "\nlicence catalog " + kCatalogVersion);
    GlobalOptions options;
    options.gis = gis;
    app.add_option("--catalog", options.catalog_dirs,
                   "Extra directory of licence profiles (repeatable; later ones override ids)")
        ->check(CLI::ExistingDirectory);

    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<LicencesCommand>());
    commands.push_back(std::make_unique<EvaluateCommand>());
    commands.push_back(std::make_unique<InspectCommand>());
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<AttributionCommand>());
    commands.push_back(std::make_unique<BindCommand>());
    commands.push_back(std::make_unique<AggregateCommand>());
    for (auto& command : commands) {
        command->setup(app);
    }
    // --catalog is accepted after the subcommand as well as before it.
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        sub->fallthrough();
        for (CLI::App* nested : sub->get_subcommands([](CLI::App*) { return true; })) {
            nested->fallthrough();
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // One line, like every other error (CLI11's own exit() adds a second one).
        std::cerr << "geolicence: " << oneLine(e.what()) << " (see --help)\n";
        return kExitUsage;
    }
    for (auto& command : commands) {
        if (!command->chosen()) {
            continue;
        }
        // The one door to the GIS wing: decided here, before the catalog is loaded, or when
        // the command finds in its input that it needs the wing (GisWingNeeded).
        try {
            if (gis == nullptr && command->needsGis()) {
                handOverToGis(argv);
            }
            try {
                return runGuarded(*command, options);
            } catch (const GisWingNeeded&) {
                if (gis != nullptr) {
                    throw std::logic_error("the GIS wing asked for itself");
                }
                handOverToGis(argv);
            }
        } catch (const std::exception& e) {
            std::cerr << "geolicence: internal error: " << oneLine(e.what()) << "\n";
            return kExitInternal;
        }
    }
    std::cerr << "geolicence: no command given (see --help)\n";
    return kExitUsage;
}

} // namespace geolicence::cli
