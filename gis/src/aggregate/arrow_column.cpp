#include "aggregate/arrow_column.h"

#include <cstdio>
#include <ogr_recordbatch.h>

namespace geolicence::detail {

namespace {

template <typename T> T load(const void* values, std::int64_t i) {
    T value;
    std::memcpy(&value, static_cast<const char*>(values) + i * static_cast<std::int64_t>(sizeof(T)),
                sizeof(T));
    return value;
}

constexpr std::int64_t kMillisPerDay = 86'400'000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace

ArrowColumn::Layout ArrowColumn::layoutOf(const char* format) {
    const std::string_view f(format == nullptr ? "" : format);
    if (f == "c") {
        return Layout::Int8;
    }
    if (f == "C") {
        return Layout::UInt8;
    }
    if (f == "s") {
        return Layout::Int16;
    }
    if (f == "S") {
        return Layout::UInt16;
    }
    if (f == "i") {
        return Layout::Int32;
    }
    if (f == "I") {
        return Layout::UInt32;
    }
    if (f == "l") {
        return Layout::Int64;
    }
    if (f == "L") {
        return Layout::UInt64;
    }
    if (f == "b") {
        return Layout::Bool;
    }
    if (f == "f") {
        return Layout::Float32;
    }
    if (f == "g") {
        return Layout::Float64;
    }
    if (f == "u" || f == "z") {
        return Layout::Utf8;
    }
    if (f == "U" || f == "Z") {
        return Layout::LargeUtf8;
    }
    if (f == "tdD") {
        return Layout::Date32;
    }
    if (f == "tdm") {
        return Layout::Date64;
    }
    if (f.size() >= 4 && f.substr(0, 2) == "ts" && f[3] == ':') {
        return Layout::Timestamp;
    }
    return Layout::Unsupported;
}

ArrowColumn::ArrowColumn(const ArrowSchema& schema, const ArrowArray& array)
    : layout_(layoutOf(schema.format)), offset_(array.offset) {
    validity_ = array.null_count == 0 || array.n_buffers < 1
                    ? nullptr
                    : static_cast<const std::uint8_t*>(array.buffers[0]);
    if (schema.dictionary != nullptr && array.dictionary != nullptr) {
        dictionary_ = std::make_unique<ArrowColumn>(*schema.dictionary, *array.dictionary);
    }
    if (layout_ == Layout::Unsupported || array.n_buffers < 2) {
        layout_ = Layout::Unsupported;
        return;
    }
    values_ = array.buffers[1];
    if (isText() && array.n_buffers >= 3) {
        data_ = static_cast<const char*>(array.buffers[2]);
    }
    if (layout_ == Layout::Timestamp) {
        switch (schema.format[2]) {
        case 's':
            timestamp_multiplier_ = 1000;
            break;
        case 'u':
            timestamp_divisor_ = 1000;
            break;
        case 'n':
            timestamp_divisor_ = 1'000'000;
            break;
        default:
            break;
        }
    }
}

ArrowColumn::~ArrowColumn() = default;
ArrowColumn::ArrowColumn(ArrowColumn&&) noexcept = default;
ArrowColumn& ArrowColumn::operator=(ArrowColumn&&) noexcept = default;

std::int64_t ArrowColumn::index(std::int64_t row) const {
    return row + offset_;
}

std::int64_t ArrowColumn::integer(std::int64_t row) const {
    const std::int64_t i = index(row);
    if (dictionary_) {
        return dictionary_->integer(load<std::int32_t>(values_, i));
    }
    switch (layout_) {
    case Layout::Int8:
        return load<std::int8_t>(values_, i);
    case Layout::UInt8:
        return load<std::uint8_t>(values_, i);
    case Layout::Int16:
        return load<std::int16_t>(values_, i);
    case Layout::UInt16:
        return load<std::uint16_t>(values_, i);
    case Layout::Int32:
    case Layout::Date32:
        return load<std::int32_t>(values_, i);
    case Layout::UInt32:
        return load<std::uint32_t>(values_, i);
    case Layout::Int64:
        return load<std::int64_t>(values_, i);
    case Layout::UInt64:
        return static_cast<std::int64_t>(load<std::uint64_t>(values_, i));
    case Layout::Bool:
        return (static_cast<const std::uint8_t*>(values_)[i >> 3] >> (i & 7)) & 1U;
    case Layout::Float32:
        return static_cast<std::int64_t>(load<float>(values_, i));
    case Layout::Float64:
        return static_cast<std::int64_t>(load<double>(values_, i));
    case Layout::Date64:
        return floorDiv(load<std::int64_t>(values_, i), kMillisPerDay);
    case Layout::Timestamp:
        return floorDiv(load<std::int64_t>(values_, i) * timestamp_multiplier_, timestamp_divisor_);
    default:
        return 0;
    }
}

double ArrowColumn::real(std::int64_t row) const {
    if (dictionary_) {
        return dictionary_->real(load<std::int32_t>(values_, index(row)));
    }
    if (layout_ == Layout::Float64) {
        return load<double>(values_, index(row));
    }
    if (layout_ == Layout::Float32) {
        return load<float>(values_, index(row));
    }
    return static_cast<double>(integer(row));
}

std::string_view ArrowColumn::bytes(std::int64_t row) const {
    const std::int64_t i = index(row);
    if (dictionary_) {
        return dictionary_->bytes(load<std::int32_t>(values_, i));
    }
    if (layout_ == Layout::Utf8) {
        const auto begin = load<std::int32_t>(values_, i);
        const auto end = load<std::int32_t>(values_, i + 1);
        return {data_ + begin, static_cast<std::size_t>(end - begin)};
    }
    if (layout_ == Layout::LargeUtf8) {
        const auto begin = load<std::int64_t>(values_, i);
        const auto end = load<std::int64_t>(values_, i + 1);
        return {data_ + begin, static_cast<std::size_t>(end - begin)};
    }
    return {};
}

void civilFromDays(std::int64_t days, int& year, int& month, int& day) {
    // Howard Hinnant's days_from_civil inverse: exact for the proleptic Gregorian calendar.
    days += 719468;
    const std::int64_t era = floorDiv(days, 146097);
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

std::string isoDate(std::int64_t days) {
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string isoDateTime(std::int64_t millis) {
    const std::int64_t days = floorDiv(millis, kMillisPerDay);
    const std::int64_t in_day = millis - days * kMillisPerDay;
    const auto hours = static_cast<int>(in_day / 3'600'000);
    const auto minutes = static_cast<int>(in_day / 60'000 % 60);
    const auto seconds = static_cast<int>(in_day / 1000 % 60);
    const auto ms = static_cast<int>(in_day % 1000);
    char buffer[48];
    if (ms == 0) {
        std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d", isoDate(days).c_str(), hours,
                      minutes, seconds);
    } else {
        std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03d", isoDate(days).c_str(), hours,
                      minutes, seconds, ms);
    }
    return buffer;
}

} // namespace geolicence::detail
