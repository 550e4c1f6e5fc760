#include <geolicence/date.h>

#include <gtest/gtest.h>

namespace geolicence {
namespace {

TEST(Date, ParsesIsoDatesAndPrintsThemBack) {
    const auto date = Date::parse("2027-02-28");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->year(), 2027);
    EXPECT_EQ(date->month(), 2);
    EXPECT_EQ(date->day(), 28);
    EXPECT_EQ(date->toString(), "2027-02-28");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
    for (const char* text : {"2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "27-01-01",
                             "2027/01/01", "2027-1-01", "", "2027-01-01T00:00", "abcd-ef-gh"}) {
        EXPECT_FALSE(Date::parse(text)) << text;
    }
    EXPECT_TRUE(Date::parse("2024-02-29")) << "leap day";
    EXPECT_FALSE(Date::parse("2100-02-29")) << "century that is not a leap year";
}

TEST(Date, OrdersChronologically) {
    EXPECT_LT(*Date::parse("2026-12-31"), *Date::parse("2027-01-01"));
    EXPECT_GT(*Date::parse("2027-01-02"), *Date::parse("2027-01-01"));
    EXPECT_EQ(*Date::parse("2027-01-01"), *Date::parse("2027-01-01"));
}

} // namespace
} // namespace geolicence
