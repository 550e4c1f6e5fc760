#include "gis_entry.h"
#include "gis_handover.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace geolicence::cli {

namespace {

std::vector<char*>& commandLine() {
    static std::vector<char*> arguments;
    return arguments;
}

// Next to this executable (build tree, /usr/bin), or in ../libexec/geolicence (installed).
std::filesystem::path gisExecutable() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path dir = error ? std::filesystem::path(".") : self.parent_path();
    for (const auto& candidate :
         {dir / "geolicence-gis", dir / ".." / "libexec" / "geolicence" / "geolicence-gis"}) {
        if (std::filesystem::exists(candidate, error)) {
            return candidate;
        }
    }
    throw std::runtime_error("geolicence-gis, which reads datasets with GDAL, is not installed "
                             "next to " +
                             self.string());
}

} // namespace

void rememberCommandLine(int argc, char** argv) {
    commandLine().assign(argv, argv + argc);
    commandLine().push_back(nullptr);
}

void handOverToGis() {
    const std::string program = gisExecutable().string();
    std::vector<char*> arguments = commandLine();
    arguments[0] = const_cast<char*>(program.c_str());
    ::execv(program.c_str(), arguments.data());
    throw std::runtime_error("cannot start " + program + ": " + std::strerror(errno));
}

void requireGis() {
    handOverToGis();
}

CheckResult checkDatasetEntry(const std::filesystem::path& /*dataset*/, const Catalog& /*catalog*/,
                              const CheckRequest& /*request*/) {
    handOverToGis();
}

CheckResult checkPdfEntry(const std::filesystem::path& /*pdf*/, const Project& /*project*/,
                          const Catalog& /*catalog*/, const CheckRequest& /*request*/) {
    handOverToGis();
}

int aggregateEntry(const AggregateArguments& /*arguments*/, const GlobalOptions& /*options*/) {
    handOverToGis();
}

} // namespace geolicence::cli
