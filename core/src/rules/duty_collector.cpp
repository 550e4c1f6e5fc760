#include "rules/duty_collector.h"

#include <functional>
#include <string_view>

namespace geolicence::detail {

std::size_t DutyCollector::keyOf(DutyType type, const std::string& text, const std::string& party,
                                 const std::optional<Date>& date) {
    std::size_t key = std::hash<std::string_view>{}(text);
    key = key * 31 + std::hash<std::string_view>{}(party);
    key = key * 31 + static_cast<std::size_t>(type);
    if (date) {
        key = key * 31 + std::hash<std::string>{}(date->toString());
    }
    return key;
}

void DutyCollector::add(const Owed& owed, const std::string& layer_id) {
    const std::size_t key = keyOf(owed.type, owed.text, owed.party, owed.date);
    const auto [first, last] = index_.equal_range(key);
    for (auto it = first; it != last; ++it) {
        Entry& entry = entries_[it->second];
        if (entry.duty.type == owed.type && entry.duty.text == owed.text &&
            entry.duty.party == owed.party && entry.duty.date == owed.date) {
            if (entry.layers.insert(layer_id).second) {
                entry.duty.layers.push_back(layer_id);
            }
            return;
        }
    }
    Duty duty;
    duty.type = owed.type;
    duty.text = owed.text;
    duty.party = owed.party;
    duty.date = owed.date;
    duty.aliases = owed.aliases;
    duty.licence = owed.licence;
    duty.rule = owed.rule.id;
    duty.cite = owed.rule.cite;
    duty.layers.push_back(layer_id);
    index_.emplace(key, entries_.size());
    entries_.push_back(Entry{std::move(duty), {layer_id}});
}

std::vector<Duty> DutyCollector::finish() {
    std::vector<bool> folded(entries_.size(), false);
    for (std::size_t s = 0; s < entries_.size(); ++s) {
        const Duty& shorter = entries_[s].duty;
        if (shorter.type != DutyType::Attribute || shorter.text.empty()) {
            continue;
        }
        for (std::size_t l = 0; l < entries_.size(); ++l) {
            Entry& longer = entries_[l];
            if (l == s || folded[l] || longer.duty.type != DutyType::Attribute ||
                longer.duty.text.size() <= shorter.text.size() ||
                longer.duty.text.find(shorter.text) == std::string::npos) {
                continue;
            }
            for (const std::string& layer : shorter.layers) {
                if (longer.layers.insert(layer).second) {
                    longer.duty.layers.push_back(layer);
                }
            }
            folded[s] = true;
            break;
        }
    }
    std::vector<Duty> duties;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (!folded[i]) {
            duties.push_back(std::move(entries_[i].duty));
        }
    }
    entries_.clear();
    index_.clear();
    return duties;
}

} // namespace geolicence::detail
