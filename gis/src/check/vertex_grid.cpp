#include <geolicence/vertex_grid.h>

#include <cmath>

namespace geolicence {

VertexGrid::VertexGrid(double tolerance) : tolerance_(tolerance) {
    corners_.fill(true);
    centres_.fill(true);
}

bool VertexGrid::fits(double value, double spacing, bool centred) const {
    const double shifted = centred ? value - spacing / 2 : value;
    const double off = shifted - spacing * std::round(shifted / spacing);
    return std::fabs(off) <= tolerance_;
}

void VertexGrid::add(double x, double y) {
    ++vertices_;
    for (std::size_t i = 0; i < kSpacings.size(); ++i) {
        // NaN and infinities fail every test below, so they sit on no grid.
        corners_[i] = corners_[i] && fits(x, kSpacings[i], false) && fits(y, kSpacings[i], false);
        centres_[i] = centres_[i] && fits(x, kSpacings[i], true) && fits(y, kSpacings[i], true);
    }
}

bool VertexGrid::undecided() const {
    for (std::size_t i = 0; i < kSpacings.size(); ++i) {
        if (corners_[i] || centres_[i]) {
            return true;
        }
    }
    return false;
}

std::optional<double> VertexGrid::spacing() const {
    if (vertices_ == 0) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < kSpacings.size(); ++i) {
        if (corners_[i] || centres_[i]) {
            return kSpacings[i];
        }
    }
    return std::nullopt;
}

} // namespace geolicence
