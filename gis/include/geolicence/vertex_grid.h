#pragma once

#include <array>
#include <cstddef>
#include <optional>

namespace geolicence {

// Measures, from the coordinates alone, the coarsest regular grid every vertex lies on: what
// the data itself says about its spatial precision, whatever its metadata claims. Grid data
// is recognised in both usual forms: cell corners (multiples of the spacing) and cell centres
// (multiples plus half the spacing).
class VertexGrid {
public:
    // Spacings in metres, coarsest first: the published grids (100 m ... 100 km, the Dutch 5 km
    // "uurhok", 2.5 km and 250 m atlas squares) and the round numbers in between, down to 1 m.
    static constexpr std::array<double, 20> kSpacings = {
        100000, 50000, 25000, 20000, 10000, 5000, 2500, 2000, 1000, 500,
        250,    200,   100,   50,    25,    20,   10,   5,    2,    1};

    // `tolerance`: how far (in metres) a coordinate may be off the grid and still be on it;
    // about a millimetre for coordinates stored in the grid's own CRS, more for coordinates
    // that went through a reprojection.
    explicit VertexGrid(double tolerance = 1e-3);

    void add(double x, double y);

    // False once no spacing of 1 m or more fits: further vertices cannot change the answer,
    // so a reader can stop early (exact observations are recognised after a few points).
    bool undecided() const;

    std::size_t vertices() const { return vertices_; }

    // The coarsest spacing every vertex so far lies on; nullopt when none of kSpacings fits
    // (positions finer than 1 m) or nothing was added.
    std::optional<double> spacing() const;

private:
    bool fits(double value, double spacing, bool centred) const;

    double tolerance_;
    std::size_t vertices_ = 0;
    std::array<bool, kSpacings.size()> corners_{};
    std::array<bool, kSpacings.size()> centres_{};
};

} // namespace geolicence
