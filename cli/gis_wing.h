#pragma once

#include <geolicence/aggregation_job.h>
#include <geolicence/aggregation_report.h>
#include <geolicence/catalog.h>
#include <geolicence/precision_claim.h>
#include <geolicence/progress.h>
#include <geolicence/project.h>
#include <geolicence/project_check.h>

#include <filesystem>

namespace geolicence::cli {

// What the commands use of the GIS wing (geolicence::gis, which loads GDAL and poppler). Only
// geolicence-gis is linked with it and hands it to the commands (gis_main.cpp). `geolicence`
// starts without it: the door in runCommandLine hands every command whose needsGis() is true
// over to geolicence-gis before it runs, so a command never finds the wing missing.
class GisWing {
public:
    virtual ~GisWing() = default;
    virtual CheckResult checkDataset(const std::filesystem::path& dataset, const Catalog& catalog,
                                     const CheckRequest& request) const = 0;
    // `check MAP.pdf --project P --layout L`.
    virtual CheckResult checkPdf(const std::filesystem::path& pdf, const Project& project,
                                 const Catalog& catalog, const CheckRequest& request) const = 0;
    // Reads a project layer's data to verify a claimed cell size (CheckRequest::measure_layer).
    virtual LayerMeasurer layerMeasurer() const = 0;
    // --territory FILE: whether a layer lies inside it (CheckRequest::within_territory).
    // InputError when the file cannot be read.
    virtual std::function<std::optional<bool>(const ProjectLayer&)>
    territoryTest(const std::filesystem::path& file) const = 0;
    // What AggregationJob::validate learns from the files.
    virtual const JobInspector& jobInspector() const = 0;
    virtual AggregationReport aggregate(const Catalog& catalog, const AggregationRequest& request,
                                        const ProgressCallback& progress) const = 0;
};

// The GIS wing as geolicence-gis links it (gis_wing.cpp).
const GisWing& linkedGisWing();

} // namespace geolicence::cli
