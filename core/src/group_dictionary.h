#pragma once

#include <geolicence/aggregation.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace geolicence::detail {

// Interns tuples of group-by values: each distinct tuple gets a small id, so the accumulator
// keys on three integers instead of strings. Tuples arrive as an encoded byte string (typed,
// length-prefixed values, so "a"+"bc" and "ab"+"c" differ and null differs from "").
class GroupDictionary {
public:
    // The id of the tuple `key`; `decode` builds its values when the tuple is new.
    template <typename Decode> std::uint32_t intern(std::string_view key, Decode&& decode) {
        const auto found = ids_.find(key);
        if (found != ids_.end()) {
            return found->second;
        }
        const auto id = static_cast<std::uint32_t>(values_.size());
        storage_.emplace_back(key);
        ids_.emplace(storage_.back(), id);
        values_.push_back(decode());
        return id;
    }

    std::size_t size() const { return values_.size(); }
    const std::vector<std::vector<GroupValue>>& values() const { return values_; }
    std::vector<std::vector<GroupValue>> release() { return std::move(values_); }

private:
    std::deque<std::string> storage_; // stable addresses for the views in ids_
    std::unordered_map<std::string_view, std::uint32_t> ids_;
    std::vector<std::vector<GroupValue>> values_;
};

} // namespace geolicence::detail
