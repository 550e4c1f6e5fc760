#include "gis_wing.h"

#include <geolicence/dataset_check.h>
#include <geolicence/pdf_check.h>
#include <geolicence/project_layer_precision.h>
#include <geolicence/run_aggregation.h>
#include <geolicence/territory.h>

namespace geolicence::cli {

namespace {

class LinkedGisWing : public GisWing {
public:
    CheckResult checkDataset(const std::filesystem::path& dataset, const Catalog& catalog,
                             const CheckRequest& request) const override {
        return geolicence::checkDataset(dataset, catalog, request);
    }
    CheckResult checkPdf(const std::filesystem::path& pdf, const Project& project,
                         const Catalog& catalog, const CheckRequest& request) const override {
        return geolicence::checkPdf(pdf, project, catalog, request);
    }
    LayerMeasurer layerMeasurer() const override { return measureProjectLayer; }
    std::function<std::optional<bool>(const ProjectLayer&)>
    territoryTest(const std::filesystem::path& file) const override {
        std::shared_ptr<const Territory> territory = Territory::load(file);
        return [territory](const ProjectLayer& layer) { return territory->contains(layer); };
    }
    const JobInspector& jobInspector() const override { return gdalJobInspector(); }
    AggregationReport aggregate(const Catalog& catalog, const AggregationRequest& request,
                                const ProgressCallback& progress) const override {
        return runAggregation(catalog, request, progress);
    }
};

} // namespace

const GisWing& linkedGisWing() {
    static const LinkedGisWing wing;
    return wing;
}

} // namespace geolicence::cli
