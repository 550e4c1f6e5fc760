#include "hand_over.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace geolicence::cli {

namespace {

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

void handOverToGis(char** argv) {
    const std::string program = gisExecutable().string();
    argv[0] = const_cast<char*>(program.c_str());
    ::execv(program.c_str(), argv);
    throw std::runtime_error("cannot start " + program + ": " + std::strerror(errno));
}

} // namespace geolicence::cli
