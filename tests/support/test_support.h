#pragma once

#include <geolicence/catalog.h>

#include <string>
#include <vector>

namespace geolicence::test {

// The bundled catalog, built once per test binary.
const Catalog& bundledCatalog();

std::string sourcePath(const std::string& relative);
std::string dataPath(const std::string& relative);

// A fresh, empty directory under the system temp dir, removed at exit.
std::string makeTempDir();

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs the built `geolicence` with `args` (each passed as one argument) and `env` entries
// (NAME=VALUE) added to the environment.
CliResult runCli(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

} // namespace geolicence::test
