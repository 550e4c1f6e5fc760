#include <geolicence/grid.h>

#include <cmath>
#include <stdexcept>

namespace geolicence {

namespace {

// Cells larger than this are no grid anyone publishes on, and keeping sizes small keeps every
// corner coordinate an exact double.
constexpr std::int64_t kMaxCellSize = 1'000'000;
constexpr double kMaxCoordinate = 4503599627370496.0; // 2^52

std::string inspireCode(int epsg, std::int64_t size, std::int64_t east, std::int64_t north) {
    return "CRS" + std::to_string(epsg) + "RES" + std::to_string(size) + "mN" +
           std::to_string(north) + "E" + std::to_string(east);
}

} // namespace

std::string_view toString(GridKind kind) {
    switch (kind) {
    case GridKind::Rd:
        return "rd";
    case GridKind::Eea:
        return "eea";
    case GridKind::BeLambert2008:
        return "be-lambert2008";
    case GridKind::BeLambert72:
        return "be-lambert72";
    }
    return "?";
}

std::optional<GridKind> parseGridKind(std::string_view text) {
    for (GridKind kind : kAllGrids) {
        if (toString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

int gridEpsg(GridKind kind) {
    switch (kind) {
    case GridKind::Rd:
        return 28992;
    case GridKind::Eea:
        return 3035;
    case GridKind::BeLambert2008:
        return 3812;
    case GridKind::BeLambert72:
        return 31370;
    }
    return 0;
}

std::optional<std::string> cellSizeProblem(GridKind kind, double cell_size_m) {
    if (!std::isfinite(cell_size_m) || cell_size_m < 1 ||
        cell_size_m > static_cast<double>(kMaxCellSize) || cell_size_m != std::floor(cell_size_m)) {
        return "the cell size must be a whole number of metres from 1 to " +
               std::to_string(kMaxCellSize);
    }
    const bool kilometre_codes = kind == GridKind::Rd || kind == GridKind::Eea;
    if (kilometre_codes && std::fmod(cell_size_m, 1000.0) != 0) {
        return "the " + std::string(toString(kind)) +
               " grid codes cells in kilometres, so the cell size must be a multiple of 1000 m";
    }
    return std::nullopt;
}

Grid::Grid(GridKind kind, std::int64_t cell_size_m) : kind_(kind), cell_size_(cell_size_m) {
    if (const auto problem = cellSizeProblem(kind, static_cast<double>(cell_size_m))) {
        throw std::invalid_argument(*problem);
    }
    short_code_divisor_ = 1;
    while (cell_size_ % (short_code_divisor_ * 10) == 0) {
        short_code_divisor_ *= 10;
    }
}

std::int64_t Grid::indexOf(double coordinate) const {
    if (!(std::fabs(coordinate) <= kMaxCoordinate)) {
        throw std::out_of_range("coordinate out of the grid's range");
    }
    const double size = static_cast<double>(cell_size_);
    auto index = static_cast<std::int64_t>(std::floor(coordinate / size));
    // The quotient is rounded, so just below an edge it can land on the next integer (and the
    // other way round). index * size is exact here, so these comparisons settle it.
    if (static_cast<double>(index) * size > coordinate) {
        --index;
    } else if (static_cast<double>(index + 1) * size <= coordinate) {
        ++index;
    }
    return index;
}

Envelope Grid::bounds(CellIndex cell) const {
    const double size = static_cast<double>(cell_size_);
    const double x = static_cast<double>(cell.column) * size;
    const double y = static_cast<double>(cell.row) * size;
    return {x, y, x + size, y + size};
}

std::string Grid::code(CellIndex cell) const {
    const std::int64_t east = cell.column * cell_size_;
    const std::int64_t north = cell.row * cell_size_;
    if (kind_ == GridKind::Rd) {
        return std::to_string(east / 1000) + "-" + std::to_string(north / 1000);
    }
    return inspireCode(epsg(), cell_size_, east, north);
}

std::string Grid::shortCode(CellIndex cell) const {
    if (!hasShortCode()) {
        return {};
    }
    const std::int64_t east = cell.column * cell_size_;
    const std::int64_t north = cell.row * cell_size_;
    return std::to_string(cell_size_ / 1000) + "kmE" + std::to_string(east / short_code_divisor_) +
           "N" + std::to_string(north / short_code_divisor_);
}

} // namespace geolicence
