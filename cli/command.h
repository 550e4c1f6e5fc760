#pragma once

#include "exit_codes.h"

#include <geolicence/catalog.h>
#include <geolicence/localized_text.h>
#include <geolicence/precision_claim.h>

#include <CLI/CLI.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace geolicence::cli {

// A command-line value that parses but makes no sense (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class GisWing;

// Thrown by a command running in `geolicence`, without the GIS wing, that finds once it has read
// its input that it needs the wing after all: a project layer claims a cell size, which only
// its data can confirm. The door in runCommandLine then hands the command over to
// `geolicence-gis`, which runs it again from the start; nothing has been written by then.
class GisWingNeeded : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Options every subcommand shares, and the GIS wing when this process has it.
struct GlobalOptions {
    std::vector<std::string> catalog_dirs;
    const GisWing* gis = nullptr; // set in geolicence-gis only (gis_wing.h)
};

// The GIS wing, for a command whose needsGis() said so; a std::logic_error (an internal error,
// exit 70) when this process has none, which the door in runCommandLine rules out.
const GisWing& gisWing(const GlobalOptions& options);

// One subcommand: binds its arguments to members in `setup`, does its work in `run`.
class Command {
public:
    virtual ~Command() = default;
    // Registers the subcommand on `app`, keeping it in app_.
    virtual void setup(CLI::App& app) = 0;
    bool chosen() const { return app_ != nullptr && app_->parsed(); }
    // True when running this command, as parsed, needs the GIS wing (GDAL, poppler): then
    // `geolicence` hands it over to `geolicence-gis` before anything else happens. Asked
    // before the catalog is loaded, so it looks at the arguments and the file system only.
    // What only the input can tell (a layer claiming a cell size) comes later, as GisWingNeeded.
    virtual bool needsGis() const { return false; }
    virtual int run(const GlobalOptions& options) = 0;

protected:
    CLI::App* app_ = nullptr;
};

// The single place where errors become one line on stderr and an exit code.
int runGuarded(Command& command, const GlobalOptions& options);

// `message` fit for one line: messages quote file names, zip entries and values from hostile
// files, which may hold line breaks; control characters are written as \n, \r, \xHH.
std::string oneLine(const std::string& message);

// Measures a project layer's data (CheckRequest::measure_layer): through the GIS wing, or,
// in `geolicence`, by asking the door for it (GisWingNeeded).
LayerMeasurer layerMeasurer(const GlobalOptions& options);

// Bundled profiles, then GEOLICENCE_CATALOG_PATH, then --catalog directories, later ones
// overriding earlier ones by id.
Catalog loadCatalog(const GlobalOptions& options);

// --lang when given, else Dutch when the locale says so, else English.
Language pickLanguage(const std::string& requested);

void addFormatOption(CLI::App& app, std::string& format, const std::vector<std::string>& formats);
void addLanguageOption(CLI::App& app, std::string& language);

} // namespace geolicence::cli
