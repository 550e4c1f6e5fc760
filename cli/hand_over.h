#pragma once

namespace geolicence::cli {

// Replaces this process with `geolicence-gis` and the same command line: same stdin, stdout,
// stderr and exit code. Throws when the GIS binary cannot be found or started.
[[noreturn]] void handOverToGis(char** argv);

} // namespace geolicence::cli
