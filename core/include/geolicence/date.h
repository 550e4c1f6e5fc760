#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace geolicence {

// A calendar date (no time zone: licence terms end on a day). Ordered, so "after valid_until"
// is a plain comparison.
class Date {
public:
    // Accepts exactly YYYY-MM-DD with a real day of a real month; anything else is nullopt.
    static std::optional<Date> parse(std::string_view text);

    int year() const { return year_; }
    int month() const { return month_; }
    int day() const { return day_; }
    std::string toString() const;

    friend bool operator==(const Date& a, const Date& b) { return a.key() == b.key(); }
    friend bool operator!=(const Date& a, const Date& b) { return a.key() != b.key(); }
    friend bool operator<(const Date& a, const Date& b) { return a.key() < b.key(); }
    friend bool operator<=(const Date& a, const Date& b) { return a.key() <= b.key(); }
    friend bool operator>(const Date& a, const Date& b) { return a.key() > b.key(); }
    friend bool operator>=(const Date& a, const Date& b) { return a.key() >= b.key(); }

private:
    Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}
    int key() const { return year_ * 10000 + month_ * 100 + day_; }

    int year_;
    int month_;
    int day_;
};

} // namespace geolicence
