#include "test_support.h"

#include <geolicence/catalog.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace geolicence::test {

namespace {

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream content;
    content << stream.rdbuf();
    return content.str();
}

struct TempDirs {
    std::vector<std::filesystem::path> paths;
    ~TempDirs() {
        for (const auto& path : paths) {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    }
};

TempDirs& tempDirs() {
    static TempDirs dirs;
    return dirs;
}

} // namespace

const Catalog& bundledCatalog() {
    static const Catalog catalog = CatalogBuilder().addBundled().build();
    return catalog;
}

std::string sourcePath(const std::string& relative) {
    return std::string(GEOLICENCE_SOURCE_DIR) + "/" + relative;
}

std::string dataPath(const std::string& relative) {
    return std::string(GEOLICENCE_TEST_DATA_DIR) + "/" + relative;
}

std::string makeTempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "geolicence-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory");
    }
    tempDirs().paths.emplace_back(pattern);
    return pattern;
}

CliResult runCli(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    const std::filesystem::path dir = makeTempDir();
    std::string command = "env";
    for (const std::string& entry : env) {
        command += " " + shellQuote(entry);
    }
    command += " " + shellQuote(GEOLICENCE_CLI_PATH);
    for (const std::string& arg : args) {
        command += " " + shellQuote(arg);
    }
    command += " >" + shellQuote((dir / "out").string()) + " 2>" +
               shellQuote((dir / "err").string()) + " </dev/null";
    const int status = std::system(command.c_str());
    CliResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(dir / "out");
    result.err = slurp(dir / "err");
    return result;
}

} // namespace geolicence::test
