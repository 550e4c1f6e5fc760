// The grid's cell assignment and codes: the codes are what published data is keyed on, and a
// point on an edge must land in exactly one, predictable cell.
#include <geolicence/grid.h>

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>

namespace geolicence {
namespace {

TEST(Grid, NamesAndEpsgCodes) {
    EXPECT_EQ(gridEpsg(GridKind::Rd), 28992);
    EXPECT_EQ(gridEpsg(GridKind::Eea), 3035);
    EXPECT_EQ(gridEpsg(GridKind::BeLambert2008), 3812);
    EXPECT_EQ(gridEpsg(GridKind::BeLambert72), 31370);
    for (GridKind kind : kAllGrids) {
        EXPECT_EQ(parseGridKind(toString(kind)), kind);
    }
    EXPECT_FALSE(parseGridKind("utm"));
}

TEST(Grid, CellSizeRules) {
    EXPECT_FALSE(cellSizeProblem(GridKind::Rd, 1000));
    EXPECT_FALSE(cellSizeProblem(GridKind::Rd, 5000));
    EXPECT_FALSE(cellSizeProblem(GridKind::BeLambert72, 250));
    EXPECT_TRUE(cellSizeProblem(GridKind::Rd, 500));
    EXPECT_TRUE(cellSizeProblem(GridKind::Eea, 1500));
    EXPECT_TRUE(cellSizeProblem(GridKind::BeLambert2008, 0));
    EXPECT_TRUE(cellSizeProblem(GridKind::BeLambert2008, 10.5));
    EXPECT_TRUE(cellSizeProblem(GridKind::BeLambert2008, -1000));
    EXPECT_TRUE(cellSizeProblem(GridKind::BeLambert2008, NAN));
    EXPECT_TRUE(cellSizeProblem(GridKind::BeLambert2008, 2e6));
    EXPECT_THROW(Grid(GridKind::Rd, 100), std::invalid_argument);
}

TEST(Grid, PointsOnEdgesGoToTheUpperRightCell) {
    const Grid grid(GridKind::Rd, 1000);
    EXPECT_EQ(grid.cellOf(155000, 463000), (CellIndex{155, 463}));
    EXPECT_EQ(grid.cellOf(155999.999, 463999.999), (CellIndex{155, 463}));
    EXPECT_EQ(grid.cellOf(156000, 464000), (CellIndex{156, 464}));
    EXPECT_EQ(grid.cellOf(0, 0), (CellIndex{0, 0}));
    EXPECT_EQ(grid.cellOf(-0.0, -0.0), (CellIndex{0, 0}));
}

TEST(Grid, NegativeCoordinatesFloorTowardsMinusInfinity) {
    const Grid grid(GridKind::Eea, 1000);
    EXPECT_EQ(grid.indexOf(-0.001), -1);
    EXPECT_EQ(grid.indexOf(-999.999), -1);
    EXPECT_EQ(grid.indexOf(-1000), -1);
    EXPECT_EQ(grid.indexOf(-1000.001), -2);
    EXPECT_EQ(grid.code(grid.cellOf(-500.5, 3150000)), "CRS3035RES1000mN3150000E-1000");
}

TEST(Grid, OneUlpBelowAnEdgeStaysBelow) {
    const Grid grid(GridKind::BeLambert72, 1000);
    for (double edge : {3000.0, 155000.0, 463000.0, 4096000.0, 1e12}) {
        EXPECT_EQ(grid.indexOf(std::nextafter(edge, 0.0)),
                  static_cast<std::int64_t>(edge / 1000) - 1)
            << edge;
        EXPECT_EQ(grid.indexOf(edge), static_cast<std::int64_t>(edge / 1000)) << edge;
    }
}

TEST(Grid, IndexIsExactFloorOnRandomCoordinates) {
    std::mt19937_64 random(42);
    for (std::int64_t size : {1LL, 7LL, 250LL, 1000LL, 5000LL, 10000LL}) {
        const Grid grid(GridKind::BeLambert2008, size);
        std::uniform_real_distribution<double> coordinate(-1e8, 1e8);
        for (int i = 0; i < 20000; ++i) {
            // Half the samples sit on or next to an edge, where rounding bites.
            double x = coordinate(random);
            if (i % 2 == 0) {
                x = std::round(x / static_cast<double>(size)) * static_cast<double>(size);
                x = i % 4 == 0 ? x : std::nextafter(x, -INFINITY);
            }
            const std::int64_t index = grid.indexOf(x);
            const long double lower = static_cast<long double>(index) * size;
            ASSERT_LE(lower, static_cast<long double>(x)) << x << " size " << size;
            ASSERT_GT(lower + size, static_cast<long double>(x)) << x << " size " << size;
        }
    }
}

TEST(Grid, LargeCoordinatesAreRefusedNotWrapped) {
    const Grid grid(GridKind::Eea, 1000);
    EXPECT_EQ(grid.indexOf(4.0e15), 4000000000000);
    EXPECT_THROW(grid.indexOf(1e300), std::out_of_range);
    EXPECT_THROW(grid.indexOf(INFINITY), std::out_of_range);
    EXPECT_THROW(grid.indexOf(NAN), std::out_of_range);
}

TEST(Grid, RdCodesAreKilometresOfTheLowerLeftCorner) {
    const Grid km(GridKind::Rd, 1000);
    EXPECT_EQ(km.code(km.cellOf(155432.1, 463987.6)), "155-463");
    EXPECT_EQ(km.code(km.cellOf(13000, 306999)), "13-306");
    EXPECT_FALSE(km.hasShortCode());
    EXPECT_EQ(km.shortCode({1, 1}), "");
    const Grid uurhok(GridKind::Rd, 5000);
    EXPECT_EQ(uurhok.code(uurhok.cellOf(155432.1, 463987.6)), "155-460");
}

TEST(Grid, EeaCodesFollowInspireAndTheEeaShortForm) {
    const Grid km(GridKind::Eea, 1000);
    const CellIndex cell = km.cellOf(3858123.4, 3150999.9);
    EXPECT_EQ(km.code(cell), "CRS3035RES1000mN3150000E3858000");
    EXPECT_TRUE(km.hasShortCode());
    EXPECT_EQ(km.shortCode(cell), "1kmE3858N3150");

    const Grid ten(GridKind::Eea, 10000);
    const CellIndex big = ten.cellOf(4321234, 3219876);
    EXPECT_EQ(ten.code(big), "CRS3035RES10000mN3210000E4320000");
    EXPECT_EQ(ten.shortCode(big), "10kmE432N321");

    const Grid hundred(GridKind::Eea, 100000);
    EXPECT_EQ(hundred.shortCode(hundred.cellOf(3850000, 3150000)), "100kmE38N31");

    const Grid five(GridKind::Eea, 5000);
    EXPECT_EQ(five.shortCode(five.cellOf(3858123, 3150999)), "5kmE3855N3150");
}

TEST(Grid, BelgianGridsUseTheInspirePatternWithTheirOwnEpsgCode) {
    const Grid lambert2008(GridKind::BeLambert2008, 1000);
    EXPECT_EQ(lambert2008.code(lambert2008.cellOf(649328.0, 665262.0)),
              "CRS3812RES1000mN665000E649000");
    EXPECT_FALSE(lambert2008.hasShortCode());
    const Grid lambert72(GridKind::BeLambert72, 250);
    EXPECT_EQ(lambert72.code(lambert72.cellOf(150100.0, 200300.0)),
              "CRS31370RES250mN200250E150000");
}

TEST(Grid, BoundsAreTheCellSquare) {
    const Grid grid(GridKind::Rd, 1000);
    const Envelope box = grid.bounds({155, 463});
    EXPECT_EQ(box.min_x, 155000);
    EXPECT_EQ(box.min_y, 463000);
    EXPECT_EQ(box.max_x, 156000);
    EXPECT_EQ(box.max_y, 464000);
}

} // namespace
} // namespace geolicence
