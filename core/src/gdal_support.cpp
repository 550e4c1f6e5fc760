#include "gdal_support.h"

#include <cpl_error.h>
#include <gdal.h>
#include <mutex>

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

std::string QuietGdalErrors::openFailure() {
    return CPLGetLastErrorType() >= CE_Failure ? lastMessage()
                                               : "not a vector format GDAL can read";
}

} // namespace geolicence::detail
