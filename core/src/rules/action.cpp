#include <geolicence/action.h>

namespace geolicence {

namespace {
constexpr std::array<std::string_view, kAllActions.size()> kActionNames = {
    "display", "use-internal", "export", "publish", "share", "sell", "aggregate"};
}

std::string_view toString(Action action) {
    return kActionNames[static_cast<std::size_t>(action)];
}

std::optional<Action> parseAction(std::string_view text) {
    for (Action action : kAllActions) {
        if (toString(action) == text) {
            return action;
        }
    }
    return std::nullopt;
}

} // namespace geolicence
