#pragma once

#include <cpl_string.h>
#include <string>

class OGRSpatialReference;

namespace geolicence::detail {

// Registers GDAL's drivers once per process.
void ensureGdalRegistered();

// While alive, GDAL keeps its messages to itself instead of printing them (the core never
// prints); the last one is available for our own error message.
class QuietGdalErrors {
public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;

    static std::string lastMessage();
    // Why GDALOpen returned nothing: GDAL's error, or, when it raised none (no driver
    // recognised the file), that it is no format GDAL reads.
    static std::string openFailure();
};

// Open options for reading `source` as vector data: for CSV files the X/Y column names people
// actually use, so that `aggregate obs.csv` and `check obs.csv` work without open options (a
// WKT column is recognised by GDAL itself); none for other formats.
CPLStringList vectorOpenOptions(const std::string& source);

// GeoPackage has two placeholder CRSs for "not known" (srs_id 0 and -1) that GDAL returns as
// real ones; taking them at their word would read RD metres as degrees.
bool isUndefinedCrs(const OGRSpatialReference& crs);

} // namespace geolicence::detail
