#include "gdal_support.h"

#include <cpl_error.h>
#include <gdal.h>
#include <mutex>
#include <ogr_spatialref.h>

namespace geolicence::detail {

void ensureGdalRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

QuietGdalErrors::QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() {
    CPLPopErrorHandler();
}

std::string QuietGdalErrors::lastMessage() {
    const char* message = CPLGetLastErrorMsg();
    return message != nullptr && *message != '\0' ? message : "unknown GDAL error";
}

CPLStringList vectorOpenOptions(const std::string& source) {
    CPLStringList options;
    GDALDriverH driver = GDALIdentifyDriverEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    if (driver == nullptr || std::string(GDALGetDriverShortName(driver)) != "CSV") {
        return options;
    }
    options.SetNameValue("X_POSSIBLE_NAMES",
                         "x,lon,long,lng,longitude,easting,x_coord,xcoord,x_rd,rd_x,lengtegraad");
    options.SetNameValue("Y_POSSIBLE_NAMES",
                         "y,lat,latitude,northing,y_coord,ycoord,y_rd,rd_y,breedtegraad");
    options.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
    options.SetNameValue("AUTODETECT_TYPE", "YES");
    return options;
}

bool isUndefinedCrs(const OGRSpatialReference& crs) {
    const char* name = crs.GetName();
    return crs.IsLocal() || (name != nullptr && std::string(name).rfind("Undefined ", 0) == 0);
}

std::string QuietGdalErrors::openFailure() {
    return CPLGetLastErrorType() >= CE_Failure ? lastMessage()
                                               : "not a vector format GDAL can read";
}

} // namespace geolicence::detail
