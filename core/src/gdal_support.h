#pragma once

#include <string>

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

} // namespace geolicence::detail
