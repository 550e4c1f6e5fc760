// The precision a dataset's coordinates show, measured from the coordinates alone.
#include <geolicence/vertex_grid.h>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace geolicence {
namespace {

TEST(VertexGridTest, CellCornersOfAOneKilometreGridMeasureOneKilometre) {
    VertexGrid grid;
    // Two neighbouring RD cells: corners at even and odd kilometres.
    for (double x : {155000.0, 156000.0, 157000.0}) {
        for (double y : {463000.0, 464000.0}) {
            grid.add(x, y);
        }
    }
    ASSERT_TRUE(grid.spacing().has_value());
    EXPECT_EQ(*grid.spacing(), 1000.0);
    EXPECT_EQ(grid.vertices(), 6U);
}

TEST(VertexGridTest, CellCentresCountAsTheCellSize) {
    VertexGrid grid;
    grid.add(155500, 463500);
    grid.add(156500, 463500);
    grid.add(155500, 470500);
    ASSERT_TRUE(grid.spacing().has_value());
    EXPECT_EQ(*grid.spacing(), 1000.0);
}

TEST(VertexGridTest, MixingCornersAndCentresIsTheFinerGrid) {
    VertexGrid grid;
    grid.add(155000, 463000);
    grid.add(155500, 463500);
    ASSERT_TRUE(grid.spacing().has_value());
    EXPECT_EQ(*grid.spacing(), 500.0);
}

TEST(VertexGridTest, FiveKilometreSquaresMeasureFiveKilometres) {
    VertexGrid grid;
    for (double x : {150000.0, 155000.0, 160000.0}) {
        grid.add(x, 460000);
        grid.add(x, 465000);
    }
    EXPECT_EQ(grid.spacing().value_or(0), 5000.0);
}

TEST(VertexGridTest, ExactObservationsAreOnNoGridAndDecidedEarly) {
    VertexGrid grid;
    grid.add(155123.45, 463456.78);
    EXPECT_FALSE(grid.undecided());
    EXPECT_FALSE(grid.spacing().has_value());
}

TEST(VertexGridTest, WholeMetrePositionsAreAOneMetreGridAtBest) {
    VertexGrid grid;
    grid.add(155123, 463457);
    grid.add(155124, 463458);
    EXPECT_EQ(grid.spacing().value_or(0), 1.0);
    EXPECT_TRUE(grid.undecided());
}

TEST(VertexGridTest, OneExactPointAmongGridPointsMakesTheLayerExact) {
    VertexGrid grid;
    grid.add(155000, 463000);
    grid.add(156000, 464000);
    grid.add(155000.37, 463000);
    EXPECT_FALSE(grid.spacing().has_value());
}

TEST(VertexGridTest, ToleranceAbsorbsReprojectionNoiseButNoMore) {
    VertexGrid loose(0.05);
    loose.add(155000.03, 462999.98);
    loose.add(156000.01, 464000.04);
    EXPECT_EQ(loose.spacing().value_or(0), 1000.0);

    VertexGrid strict; // a millimetre
    strict.add(155000.03, 462999.98);
    EXPECT_FALSE(strict.spacing().has_value());
}

TEST(VertexGridTest, NegativeCoordinatesAreOnTheGridToo) {
    VertexGrid grid;
    grid.add(-2000, -463000);
    grid.add(-1000, -462000);
    EXPECT_EQ(grid.spacing().value_or(0), 1000.0);
}

TEST(VertexGridTest, NotANumberAndInfinityAreOnNoGrid) {
    VertexGrid nan;
    nan.add(std::numeric_limits<double>::quiet_NaN(), 463000);
    EXPECT_FALSE(nan.spacing().has_value());
    VertexGrid inf;
    inf.add(155000, std::numeric_limits<double>::infinity());
    EXPECT_FALSE(inf.spacing().has_value());
}

TEST(VertexGridTest, NothingAddedMeasuresNothing) {
    const VertexGrid grid;
    EXPECT_FALSE(grid.spacing().has_value());
    EXPECT_EQ(grid.vertices(), 0U);
}

} // namespace
} // namespace geolicence
