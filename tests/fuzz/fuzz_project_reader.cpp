// libFuzzer target: any bytes as a QGIS project. The first byte picks the form: odd = .qgz
// (a zip), even = .qgs (XML). The reader must answer with an InputError or a project.
#include <geolicence/errors.h>
#include <geolicence/layer_selection.h>
#include <geolicence/project_reader.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    // The reader takes files (as users give them); a file per process in the temp folder.
    static const std::string base =
        (std::filesystem::temp_directory_path() / ("geolicence-fuzz-" + std::to_string(::getpid())))
            .string();
    const std::string path = base + ((data[0] & 1) != 0 ? ".qgz" : ".qgs");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    try {
        geolicence::ProjectReadLimits limits;
        limits.max_project_bytes = 8u << 20; // keep each run quick
        const geolicence::Project project = geolicence::readProject(path, limits);
        for (const geolicence::Layout& layout : project.layouts) {
            geolicence::layersRenderedByLayout(project, layout);
        }
        geolicence::visibleLayers(project);
    } catch (const geolicence::InputError&) {
    }
    std::remove(path.c_str());
    return 0;
}
