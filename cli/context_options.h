#pragma once

#include <geolicence/context.h>
#include <geolicence/project_binding.h>

#include <CLI/CLI.hpp>

#include <string>

namespace geolicence::cli {

// --context FILE.json with --purpose/--recipient overriding it, and the organisation's
// defaults for bindings (--role), shared by the commands that decide for a situation (check,
// attribution).
class ContextOptions {
public:
    void add(CLI::App& app);
    // Reads the file (InputError, exit 3, when it is invalid), applies the flags, and sets the
    // date to today when none was given.
    Context build() const;
    // --role, as the QGIS plugin applies its role setting.
    BindingDefaults bindingDefaults() const;

private:
    std::string purpose_;
    std::string recipient_;
    std::string file_;
    std::string role_;
};

// Today in local time: licence terms end on the user's calendar day.
Date today();

} // namespace geolicence::cli
