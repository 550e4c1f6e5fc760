#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace geolicence {

// What the user is about to do with a layer. `Sell` is the commercial sale of a product made
// from the data (cc:CommercialUse), not odrl:sell (transfer of ownership of the asset).
enum class Action : std::uint8_t { Display, UseInternal, Export, Publish, Share, Sell, Aggregate };

inline constexpr std::array<Action, 7> kAllActions = {
    Action::Display, Action::UseInternal, Action::Export,   Action::Publish,
    Action::Share,   Action::Sell,        Action::Aggregate};

std::string_view toString(Action action);

// Actions that put a product out (a publication, an exported map or file, a sold product):
// the duties a licence attaches to publications (attribution, legend, no endorsement) are
// verified for these. A hand-over (share) reports the duties owed with the data instead.
constexpr bool putsProductOut(Action action) {
    return action == Action::Publish || action == Action::Export || action == Action::Sell;
}
std::optional<Action> parseAction(std::string_view text);

// A set of actions as a bit mask: rules name one, several or all actions.
class ActionSet {
public:
    constexpr ActionSet() = default;
    static constexpr ActionSet all() { return ActionSet(0x7F); }

    constexpr void insert(Action action) { bits_ |= bit(action); }
    constexpr bool contains(Action action) const { return (bits_ & bit(action)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }
    constexpr bool operator==(const ActionSet& other) const { return bits_ == other.bits_; }

private:
    constexpr explicit ActionSet(std::uint8_t bits) : bits_(bits) {}
    static constexpr std::uint8_t bit(Action action) {
        return static_cast<std::uint8_t>(1U << static_cast<unsigned>(action));
    }
    std::uint8_t bits_ = 0;
};

} // namespace geolicence
