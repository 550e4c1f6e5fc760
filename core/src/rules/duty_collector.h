#pragma once

#include <geolicence/evaluation.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace geolicence::detail {

// Gathers the duties owed over all layers, one entry per distinct duty (type, text, party,
// date) with every layer that owes it, in the order first owed. Merging as duties arrive keeps
// a project of thousands of layers from building thousands of identical duties.
class DutyCollector {
public:
    struct Owed {
        DutyType type;
        const std::string& text;
        const std::string& party;
        const std::optional<Date>& date;
        const std::vector<std::string>& aliases;
        const std::string& licence;
        const Rule& rule;
    };

    void add(const Owed& owed, const std::string& layer_id);

    // The merged duties; an attribution contained in a longer one is met by the longer one.
    std::vector<Duty> finish();

private:
    struct Entry {
        Duty duty;
        std::unordered_set<std::string> layers;
    };

    static std::size_t keyOf(DutyType type, const std::string& text, const std::string& party,
                             const std::optional<Date>& date);

    std::vector<Entry> entries_;
    std::unordered_multimap<std::size_t, std::size_t> index_;
};

} // namespace geolicence::detail
