#include "command.h"

#include "gis_wing.h"

#include <geolicence/errors.h>
#include <geolicence/standard_catalog.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace geolicence::cli {

std::string oneLine(const std::string& message) {
    std::string line;
    for (const char c : message) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            line += "\\n";
        } else if (c == '\r') {
            line += "\\r";
        } else if (byte < 0x20 || byte == 0x7f) {
            const char* digits = "0123456789abcdef";
            line += "\\x";
            line += digits[byte >> 4];
            line += digits[byte & 0xf];
        } else {
            line += c;
        }
    }
    return line;
}

int runGuarded(Command& command, const GlobalOptions& options) {
    try {
        return command.run(options);
    } catch (const GisWingNeeded&) {
        throw; // for the door (runCommandLine)
    } catch (const UsageError& e) {
        std::cerr << "geolicence: " << oneLine(e.what()) << "\n";
        return kExitUsage;
    } catch (const InputError& e) {
        std::cerr << "geolicence: " << oneLine(e.what()) << "\n";
        return kExitInput;
    } catch (const std::exception& e) {
        std::cerr << "geolicence: internal error: " << oneLine(e.what()) << "\n";
        return kExitInternal;
    }
}

const GisWing& gisWing(const GlobalOptions& options) {
    if (options.gis == nullptr) {
        throw std::logic_error("a command that needs the GIS wing ran without it");
    }
    return *options.gis;
}

LayerMeasurer layerMeasurer(const GlobalOptions& options) {
    if (options.gis != nullptr) {
        return options.gis->layerMeasurer();
    }
    return [](const ProjectLayer& layer) -> MeasuredPrecision {
        throw GisWingNeeded("layer \"" + layer.name +
                            "\" claims a cell size; its data is measured");
    };
}

Catalog loadCatalog(const GlobalOptions& options) {
    return standardCatalog({options.catalog_dirs.begin(), options.catalog_dirs.end()});
}

Language pickLanguage(const std::string& requested) {
    if (const auto language = parseLanguage(requested)) {
        return *language;
    }
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0') {
            return std::string(value).rfind("nl", 0) == 0 ? Language::Dutch : Language::English;
        }
    }
    return Language::English;
}

void addFormatOption(CLI::App& app, std::string& format, const std::vector<std::string>& formats) {
    app.add_option("--format", format, "Output format")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
}

void addLanguageOption(CLI::App& app, std::string& language) {
    app.add_option("--lang", language, "Language of messages: nl or en (default: from the locale)")
        ->check(CLI::IsMember({"nl", "en"}));
}

} // namespace geolicence::cli
