#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace geolicence {

// The national and European reference grids observations are published on.
enum class GridKind : std::uint8_t { Rd, Eea, BeLambert2008, BeLambert72 };

inline constexpr std::array<GridKind, 4> kAllGrids = {
    GridKind::Rd, GridKind::Eea, GridKind::BeLambert2008, GridKind::BeLambert72};

std::string_view toString(GridKind kind); // rd, eea, be-lambert2008, be-lambert72
std::optional<GridKind> parseGridKind(std::string_view text);

// EPSG code of the grid's projected CRS (28992, 3035, 3812, 31370).
int gridEpsg(GridKind kind);

// Column and row of a cell: the lower-left corner is (column, row) * cell size.
struct CellIndex {
    std::int64_t column = 0;
    std::int64_t row = 0;

    bool operator==(const CellIndex& other) const {
        return column == other.column && row == other.row;
    }
    bool operator!=(const CellIndex& other) const { return !(*this == other); }
};

struct Envelope {
    double min_x = 0;
    double min_y = 0;
    double max_x = 0;
    double max_y = 0;

    bool contains(double x, double y) const {
        return x >= min_x && x <= max_x && y >= min_y && y <= max_y;
    }
};

// Why a cell size cannot be used with a grid; nullopt when it can. Cell sizes are whole
// metres (so cell corners and codes are exact integers); `rd` and `eea` codes count in
// kilometres, so there the size must be a multiple of 1,000 m.
std::optional<std::string> cellSizeProblem(GridKind kind, double cell_size_m);

// A square grid in a projected CRS with cells aligned to multiples of the cell size.
//
// Cell codes (README.md, "Publishable grid counts"; the codes are what the published data is keyed
// on):
//  - rd: `x-y`, the lower-left corner in km, e.g. `155-463` (also for 5 km "uurhokken":
//    `155-460`);
//  - eea: INSPIRE `CRS3035RES1000mN3150000E3858000` and the EEA short code `1kmE3858N3150`;
//    the short code divides the corner by the largest power of ten dividing the cell size, the
//    rule behind EEA's `10kmE385N315` and `100kmE38N31`;
//  - be-lambert2008 / be-lambert72: there is no established Belgian code for these grids, so
//    the INSPIRE pattern with the grid's own EPSG code: `CRS3812RES1000mN665000E649000`.
class Grid {
public:
    // std::invalid_argument when cellSizeProblem() says the size cannot be used.
    Grid(GridKind kind, std::int64_t cell_size_m);

    GridKind kind() const { return kind_; }
    int epsg() const { return gridEpsg(kind_); }
    std::int64_t cellSize() const { return cell_size_; }

    // floor(coordinate / cell size), exactly: a point on a cell edge belongs to the cell to its
    // upper right, also where the division rounds. Coordinates must be finite and within
    // +-2^52 m (std::out_of_range otherwise); callers keep to the grid's area of use anyway.
    std::int64_t indexOf(double coordinate) const;
    CellIndex cellOf(double x, double y) const { return {indexOf(x), indexOf(y)}; }

    Envelope bounds(CellIndex cell) const;
    std::string code(CellIndex cell) const;
    bool hasShortCode() const { return kind_ == GridKind::Eea; }
    std::string shortCode(CellIndex cell) const; // empty when !hasShortCode()

private:
    GridKind kind_;
    std::int64_t cell_size_;
    std::int64_t short_code_divisor_;
};

} // namespace geolicence
