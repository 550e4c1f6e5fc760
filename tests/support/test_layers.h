#pragma once

#include "test_support.h"

#include <cstdint>
#include <ogr_core.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace geolicence::test {

// One feature of a generated test layer: a point (may be NaN or infinite), or a WKT geometry,
// or neither (null geometry); attribute values as text, converted by OGR (empty optional: null).
struct TestFeature {
    std::optional<std::pair<double, double>> point;
    std::string wkt;
    std::vector<std::optional<std::string>> values;
};

struct TestField {
    std::string name;
    OGRFieldType type = OFTString;
};

// Writes a layer with GDAL so tests make their own data (no test files in the repository).
// `epsg` 0 writes no CRS. `layer` empty: the file's stem.
void writeTestLayer(const std::string& path, const std::string& driver, int epsg,
                    const std::vector<TestField>& fields, const std::vector<TestFeature>& features,
                    const std::string& layer = "");

} // namespace geolicence::test
