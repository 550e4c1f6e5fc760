#pragma once

#include <geolicence/aggregation.h>
#include <geolicence/errors.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace geolicence::detail {

// How the aggregates of one row are kept while rows are accumulated, spilled and merged: one
// 64-bit slot per aggregate (an integer or a double, as its kind says), and for every sum of
// reals a second slot with the rounding error of that sum so far.
//
// Why the second slot: a row's observations are added in reading order in memory, but in
// another order when the row is merged from spilled runs (or grouped by a database). Plain
// floating point addition would then give a different last digit. The error-free sum (TwoSum)
// keeps value + error equal to the exact sum of everything added, so both orders end with the
// same correctly rounded total (exactly so unless the errors themselves need more than 53
// bits, which takes values apart by a factor of 2^50 in one row).
class RecordLayout {
public:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    explicit RecordLayout(std::vector<AggregateField> aggregates) : fields_(std::move(aggregates)) {
        if (fields_.size() > 64) {
            throw InputError("at most 64 aggregates (--sum, --min, --max) can be computed at once");
        }
        slots_ = fields_.size();
        for (const AggregateField& field : fields_) {
            integral_.push_back(field.kind != FieldKind::Real);
            const bool compensated = field.kind == FieldKind::Real && field.op == AggregateOp::Sum;
            error_slot_.push_back(compensated ? slots_++ : kNone);
        }
        present_bytes_ = (fields_.size() + 7) / 8;
    }

    const std::vector<AggregateField>& fields() const { return fields_; }
    std::size_t aggregates() const { return fields_.size(); }
    std::size_t slots() const { return slots_; }
    std::size_t presentBytes() const { return present_bytes_; }

    static bool has(const std::uint8_t* present, std::size_t i) {
        return ((present[i / 8] >> (i % 8)) & 1U) != 0;
    }

    // Adds one observation's value (raw bits) to aggregate i of a row.
    void add(std::uint64_t* slots, std::uint8_t* present, std::size_t i,
             std::uint64_t value) const {
        combine(slots, present, i, value, 0);
    }

    // Merges row `from` (same layout) into row `into`.
    void merge(std::uint64_t* into, std::uint8_t* into_present, const std::uint64_t* from,
               const std::uint8_t* from_present) const {
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            if (has(from_present, i)) {
                combine(into, into_present, i, from[i],
                        error_slot_[i] == kNone ? 0 : from[error_slot_[i]]);
            }
        }
    }

    // The value of aggregate i as written out (raw bits).
    std::uint64_t result(const std::uint64_t* slots, std::size_t i) const {
        if (error_slot_[i] == kNone) {
            return slots[i];
        }
        const double sum = asDouble(slots[i]);
        return std::isfinite(sum) ? fromDouble(sum + asDouble(slots[error_slot_[i]])) : slots[i];
    }

    static double asDouble(std::uint64_t bits) {
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    static std::uint64_t fromDouble(double value) {
        std::uint64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        return bits;
    }

private:
    void combine(std::uint64_t* slots, std::uint8_t* present, std::size_t i, std::uint64_t value,
                 std::uint64_t error) const {
        std::uint8_t& bits = present[i / 8];
        const auto bit = static_cast<std::uint8_t>(1U << (i % 8));
        std::uint64_t& slot = slots[i];
        if ((bits & bit) == 0) {
            bits = static_cast<std::uint8_t>(bits | bit);
            slot = value;
            if (error_slot_[i] != kNone) {
                slots[error_slot_[i]] = error;
            }
            return;
        }
        const AggregateOp op = fields_[i].op;
        if (integral_[i]) {
            const auto current = static_cast<std::int64_t>(slot);
            const auto incoming = static_cast<std::int64_t>(value);
            std::int64_t result = current;
            if (op == AggregateOp::Sum) {
                if (__builtin_add_overflow(current, incoming, &result)) {
                    throw InputError("the sum of " + fields_[i].source +
                                     " does not fit a 64-bit integer");
                }
            } else if (op == AggregateOp::Min) {
                result = std::min(current, incoming);
            } else {
                result = std::max(current, incoming);
            }
            slot = static_cast<std::uint64_t>(result);
            return;
        }
        const double current = asDouble(slot);
        const double incoming = asDouble(value);
        if (op == AggregateOp::Min) {
            slot = fromDouble(std::min(current, incoming));
        } else if (op == AggregateOp::Max) {
            slot = fromDouble(std::max(current, incoming));
        } else {
            // TwoSum (Knuth): sum + lost is exactly current + incoming.
            const double sum = current + incoming;
            const double incoming_part = sum - current;
            const double lost = (current - (sum - incoming_part)) + (incoming - incoming_part);
            slot = fromDouble(sum);
            if (std::isfinite(sum)) {
                std::uint64_t& error_bits = slots[error_slot_[i]];
                error_bits = fromDouble(asDouble(error_bits) + asDouble(error) + lost);
            }
        }
    }

    std::vector<AggregateField> fields_;
    std::vector<bool> integral_;
    std::vector<std::size_t> error_slot_;
    std::size_t slots_ = 0;
    std::size_t present_bytes_ = 0;
};

} // namespace geolicence::detail
