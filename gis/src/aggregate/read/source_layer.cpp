#include "aggregate/read/source_layer.h"

#include "gdal_support.h"

#include <geolicence/data_source.h>
#include <geolicence/errors.h>

#include <cpl_string.h>
#include <filesystem>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace geolicence::detail {

namespace {

// "PG:dbname=...", "/vsizip/...", "WFS:https://...": not a path we can test for existence.
bool looksLikeConnection(const std::string& source) {
    if (source.rfind("/vsi", 0) == 0) {
        return true;
    }
    const std::size_t colon = source.find(':');
    return colon != std::string::npos && colon > 1 &&
           source.find_first_of("/\\") > colon; // not a Windows drive letter, not a path
}

std::string layerNames(GDALDataset& dataset) {
    std::string names;
    for (OGRLayer* layer : dataset.GetLayers()) {
        names += names.empty() ? "" : ", ";
        names += layer->GetName();
    }
    return names;
}

} // namespace

void SourceLayer::Closer::operator()(GDALDataset* dataset) const {
    GDALClose(dataset);
}

SourceLayer::SourceLayer(const AggregationInput& input)
    : source_(input.source), shown_(shownSource(input.source)) {
    ensureGdalRegistered();
    const QuietGdalErrors quiet;
    std::error_code error;
    if (!looksLikeConnection(source_) && !std::filesystem::exists(source_, error)) {
        throw InputError(shown_ + ": no such file");
    }
    const CPLStringList open_options = vectorOpenOptions(source_);
    dataset_.reset(GDALDataset::Open(source_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                     open_options.List(), nullptr));
    if (!dataset_) {
        throw InputError(shown_ + ": cannot open: " + QuietGdalErrors::openFailure());
    }
    if (input.layer.empty()) {
        if (dataset_->GetLayerCount() != 1) {
            throw InputError(shown_ + ": has " + std::to_string(dataset_->GetLayerCount()) +
                             " layers (" + layerNames(*dataset_) + "); choose one with --layer");
        }
        layer_ = dataset_->GetLayer(0);
    } else {
        layer_ = dataset_->GetLayerByName(input.layer.c_str());
        if (layer_ == nullptr) {
            throw InputError(shown_ + ": has no layer \"" + input.layer +
                             "\" (its layers: " + layerNames(*dataset_) + ")");
        }
    }
    layer_name_ = layer_->GetName();
    OGRFeatureDefn* definition = layer_->GetLayerDefn();
    if (definition->GetGeomFieldCount() == 0) {
        throw InputError(where() + ": has no geometry to aggregate");
    }
    geometry_column_ = definition->GetGeomFieldDefn(0)->GetNameRef();

    crs_ = std::make_unique<OGRSpatialReference>();
    if (!input.crs.empty()) {
        if (crs_->SetFromUserInput(input.crs.c_str()) != OGRERR_NONE) {
            throw InputError("\"" + input.crs + "\" is not a coordinate reference system GDAL " +
                             "knows (try EPSG:28992)");
        }
    } else if (const OGRSpatialReference* own = definition->GetGeomFieldDefn(0)->GetSpatialRef();
               own != nullptr && !isUndefinedCrs(*own)) {
        *crs_ = *own;
    } else {
        throw InputError(where() + ": has no coordinate reference system; state the one its " +
                         "coordinates are in (--input-crs, e.g. EPSG:28992)");
    }
    // OGR layers hold x/y as east/north (lon/lat), whatever axis order the CRS defines.
    crs_->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

SourceLayer::~SourceLayer() = default;

std::string SourceLayer::where() const {
    return dataset_ && dataset_->GetLayerCount() > 1 ? shown_ + " (layer " + layer_name_ + ")"
                                                     : shown_;
}

std::string SourceLayer::driverName() const {
    GDALDriver* driver = dataset_->GetDriver();
    return driver != nullptr ? driver->GetDescription() : "";
}

bool SourceLayer::isInCrs(int epsg) const {
    const QuietGdalErrors quiet;
    OGRSpatialReference target;
    target.importFromEPSG(epsg);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return crs_->IsSame(&target) != 0;
}

std::int64_t SourceLayer::featureCountIfCheap() {
    const QuietGdalErrors quiet;
    if (layer_->TestCapability(OLCFastFeatureCount) == 0) {
        return -1;
    }
    return layer_->GetFeatureCount(FALSE);
}

void SourceLayer::readOnly(const std::vector<std::string>& needed) {
    OGRFeatureDefn* definition = layer_->GetLayerDefn();
    CPLStringList ignored;
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        const char* name = definition->GetFieldDefn(i)->GetNameRef();
        bool keep = false;
        for (const std::string& wanted : needed) {
            keep = keep || EQUAL(wanted.c_str(), name);
        }
        if (!keep) {
            ignored.AddString(name);
        }
    }
    for (int i = 1; i < definition->GetGeomFieldCount(); ++i) {
        ignored.AddString(definition->GetGeomFieldDefn(i)->GetNameRef());
    }
    ignored.AddString("OGR_STYLE");
    const QuietGdalErrors quiet;
    layer_->SetIgnoredFields(const_cast<const char**>(ignored.List()));
}

void SourceLayer::openArrowStream(ArrowArrayStream& stream) {
    const QuietGdalErrors quiet;
    CPLStringList options;
    // INCLUDE_FID=NO would save a column, but GDAL 3.6.2's GeoPackage reader then returns empty
    // geometries for small layers; the FID column is ignored instead.
    layer_->ResetReading();
    if (!layer_->GetArrowStream(&stream, options.List())) {
        throw InputError(where() + ": cannot be read: " + QuietGdalErrors::lastMessage());
    }
}

} // namespace geolicence::detail
