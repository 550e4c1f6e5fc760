// The bench's floor: a plain GDAL read of every feature (OGR_L_GetNextFeature decodes the
// geometry and every field), what any tool that reads a layer feature by feature pays. With --arrow
// it reads the same layer through the Arrow stream instead, the fastest GDAL 3.6 offers.
#include <cstdio>
#include <cstring>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_recordbatch.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATASET [--arrow]\n", argv[0]);
        return 2;
    }
    const bool arrow = argc > 2 && std::strcmp(argv[2], "--arrow") == 0;
    GDALAllRegister();
    GDALDatasetH dataset = GDALOpenEx(argv[1], GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (dataset == nullptr) {
        return 1;
    }
    OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
    long long features = 0;
    double checksum = 0; // keeps the compiler from skipping the reads
    if (arrow) {
        ArrowArrayStream stream{};
        if (!OGR_L_GetArrowStream(layer, &stream, nullptr)) {
            return 1;
        }
        while (true) {
            ArrowArray array{};
            if (stream.get_next(&stream, &array) != 0 || array.release == nullptr) {
                break;
            }
            features += array.length;
            array.release(&array);
        }
        stream.release(&stream);
    } else {
        while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
            if (OGRGeometryH geometry = OGR_F_GetGeometryRef(feature)) {
                checksum += OGR_G_GetX(geometry, 0);
            }
            OGR_F_Destroy(feature);
            ++features;
        }
    }
    GDALClose(dataset);
    std::printf("%lld features (%g)\n", features, checksum);
    return 0;
}
