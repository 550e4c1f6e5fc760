#pragma once

#include "geolicence/errors.h"

#include <functional>

namespace geolicence {

// How long work reports back: `fraction` done in [0, 1], called from the thread that started
// the work; returning false asks the work to stop (it then throws Cancelled). The core never
// prints, so the adapter decides what progress looks like (a GDAL-style bar, a QGIS task).
using ProgressCallback = std::function<bool(double fraction)>;

// The user stopped the work through the progress callback; nothing was left behind.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

} // namespace geolicence
