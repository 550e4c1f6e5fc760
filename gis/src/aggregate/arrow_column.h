#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

struct ArrowSchema;
struct ArrowArray;

namespace geolicence::detail {

// Read access to one column of a batch from GDAL's Arrow stream (the Arrow C data interface):
// the few physical layouts OGR fields map to. Reading columns in place is what makes the batch
// interface several times faster than building an OGRFeature per row.
class ArrowColumn {
public:
    enum class Layout : std::uint8_t {
        Int8,
        UInt8,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        Bool,
        Float32,
        Float64,
        Utf8,        // also binary
        LargeUtf8,   // also large binary
        Date32,      // days since 1970-01-01
        Date64,      // milliseconds since 1970-01-01
        Timestamp,   // any unit, read as milliseconds
        Unsupported, // lists, structs, times, ...
    };

    // Layout of an Arrow format string ("i", "g", "u", "tdD", "tsm:UTC", ...).
    static Layout layoutOf(const char* format);

    ArrowColumn(const ArrowSchema& schema, const ArrowArray& array);
    ~ArrowColumn();
    ArrowColumn(ArrowColumn&&) noexcept;
    ArrowColumn& operator=(ArrowColumn&&) noexcept;

    Layout layout() const { return layout_; }
    bool isNumber() const { return layout_ <= Layout::Float64; }
    bool isText() const { return layout_ == Layout::Utf8 || layout_ == Layout::LargeUtf8; }

    bool isNull(std::int64_t row) const {
        const std::int64_t i = row + offset_;
        return validity_ != nullptr && ((validity_[i >> 3] >> (i & 7)) & 1U) == 0;
    }

    // The value as an integer: integers and booleans as they are, reals truncated, dates as days,
    // date-times as milliseconds. Only for non-null rows.
    std::int64_t integer(std::int64_t row) const;
    double real(std::int64_t row) const;
    std::string_view bytes(std::int64_t row) const;

private:
    std::int64_t index(std::int64_t row) const;

    Layout layout_ = Layout::Unsupported;
    std::int64_t offset_ = 0;
    const std::uint8_t* validity_ = nullptr;
    const void* values_ = nullptr;
    const char* data_ = nullptr;
    std::int64_t timestamp_divisor_ = 1; // to milliseconds
    std::int64_t timestamp_multiplier_ = 1;
    // Dictionary-encoded columns: `values_` holds the indices, this the dictionary.
    std::unique_ptr<ArrowColumn> dictionary_;
};

// Days since 1970-01-01 to "YYYY-MM-DD" and milliseconds to "YYYY-MM-DDTHH:MM:SS[.sss]".
std::string isoDate(std::int64_t days);
std::string isoDateTime(std::int64_t millis);

// Breaks days since 1970-01-01 into a civil date (proleptic Gregorian).
void civilFromDays(std::int64_t days, int& year, int& month, int& day);

} // namespace geolicence::detail
