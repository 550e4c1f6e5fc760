#pragma once

#include "geolicence/action.h"
#include "geolicence/date.h"

#include <array>
#include <optional>
#include <string_view>

namespace geolicence {

inline constexpr std::array<std::string_view, 7> kPurposes = {
    "public-task", "internal", "commercial", "non-commercial", "education", "research", "test"};

inline constexpr std::array<std::string_view, 6> kRecipients = {
    "self", "contractor", "competent-authority", "applicant", "third-party", "public"};

bool isPurpose(std::string_view text);
bool isRecipient(std::string_view text);

// The situation an action is taken in. An empty optional means "not known": rules that depend
// on it are reported as conditional rather than silently decided.
struct Context {
    std::optional<std::string> purpose;   // one of kPurposes
    std::optional<std::string> recipient; // one of kRecipients
    std::optional<double> cell_size_m;    // spatial precision of what leaves; 0 = exact
    std::optional<Date> date;
    std::optional<bool> downloadable;
    std::optional<bool> combined_with_own_data;
};

// Fills what the action itself implies: publishing puts the result before the public,
// viewing and internal work stay with the user, and data whose precision nobody stated is
// treated as exact. Share and sell keep an unknown recipient: it must be stated.
Context withDefaultsFor(Action action, Context context);

} // namespace geolicence
