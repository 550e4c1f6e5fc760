#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace geolicence::detail {

// Sorts `values` by bits [low_bit, high_bit) with a least-significant-digit radix sort, stable
// for equal digits: several times faster than std::sort on millions of 64-bit keys (the output
// order of an aggregation: 2.7 M rows in ~40 ms instead of ~300 ms), at the cost of one scratch
// copy of the array. Bits outside the range are carried along untouched (e.g. a record number
// kept below the key).
template <typename Vector> void radixSortBits(Vector& values, unsigned low_bit, unsigned high_bit) {
    constexpr unsigned kDigitBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    Vector scratch(values.size());
    for (unsigned shift = low_bit; shift < high_bit; shift += kDigitBits) {
        const unsigned width = high_bit - shift < kDigitBits ? high_bit - shift : kDigitBits;
        const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
        std::array<std::size_t, kBuckets> start{};
        for (const std::uint64_t value : values) {
            ++start[(value >> shift) & mask];
        }
        std::size_t offset = 0;
        for (std::size_t& bucket : start) {
            const std::size_t count = bucket;
            bucket = offset;
            offset += count;
        }
        for (const std::uint64_t value : values) {
            scratch[start[(value >> shift) & mask]++] = value;
        }
        values.swap(scratch);
    }
}

} // namespace geolicence::detail
