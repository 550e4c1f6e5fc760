#pragma once

#include "geolicence/project.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace geolicence {

// The territory a licence is limited to (NDFF N1: the data is licensed for an area), given as
// a file of polygons, as the QGIS plugin's territory setting: their union, in the file's CRS.
class Territory {
public:
    // InputError naming the file when GDAL cannot read it or it holds no polygon.
    static std::shared_ptr<const Territory> load(const std::filesystem::path& file);
    ~Territory();
    Territory(const Territory&) = delete;
    Territory& operator=(const Territory&) = delete;

    // Whether the layer's extent, in the territory's CRS, lies inside it (the plugin's test);
    // nullopt when the layer has no extent that can be read (a service, a missing file).
    std::optional<bool> contains(const ProjectLayer& layer) const;

private:
    struct Shape;
    explicit Territory(std::unique_ptr<Shape> shape);
    std::unique_ptr<Shape> shape_;
};

} // namespace geolicence
