#pragma once

#include <geolicence/catalog.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace geolicence::test {

// The bundled catalog, built once per test binary.
const Catalog& bundledCatalog();

std::string sourcePath(const std::string& relative);
std::string dataPath(const std::string& relative);

// A fresh, empty directory under the system temp dir, removed at exit.
std::string makeTempDir();

struct CliResult {
    int exit_code = -1; // 128 + N when ended by signal N
    std::string out;
    std::string err;
    bool timed_out = false; // killed by the runner after CliLimits::timeout
};

struct CliLimits {
    // The process (and what it execs, e.g. geolicence-gis) is killed after this long.
    std::chrono::milliseconds timeout = std::chrono::minutes(5);
    // RLIMIT_FSIZE of the process: writes past it fail with EFBIG (SIGXFSZ is ignored in the
    // child, as a full disk gives an error and no signal).
    std::optional<std::uint64_t> max_file_bytes;
};

// Runs the built `geolicence` with `args` (each passed as one argument) and `env` entries
// (NAME=VALUE) added to the environment; stdin is /dev/null.
CliResult runCli(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                 const CliLimits& limits = {});

// Runs a shell command; returns its exit status and what it wrote to stdout.
std::pair<int, std::string> runShell(const std::string& command);

} // namespace geolicence::test
