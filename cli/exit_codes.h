#pragma once

namespace geolicence::cli {

// The CLI contract (README.md, "Using the CLI"): scripts and CI pipelines branch on these.
enum ExitCode : int {
    kExitOk = 0,         // nothing prohibited
    kExitProhibited = 1, // something prohibited (or any warning with --strict)
    kExitUsage = 2,      // bad command line
    kExitInput = 3,      // missing/corrupt file, invalid licence
    kExitInternal = 70,  // a bug: please report
};

} // namespace geolicence::cli
