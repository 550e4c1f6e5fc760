#pragma once

#include "geolicence/action.h"
#include "geolicence/date.h"

#include <array>
#include <optional>
#include <string_view>

namespace geolicence {

// `exemption-procedure`: an exemption or derogation procedure in which the organisation (for
// a temporary account: the subscriber) is a stakeholder (NDFF terms, bullet 6).
inline constexpr std::array<std::string_view, 8> kPurposes = {
    "public-task", "internal", "commercial", "non-commercial",
    "education",   "research", "test",       "exemption-procedure"};

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
    // The product shows or reproduces the data itself (a map rendering it), as opposed to a
    // derived value-added service that does not (GRB Art. 10).
    std::optional<bool> reproduces_data;
};

// Fills what the action itself implies: publishing puts the result before the public,
// viewing and internal work stay with the user, and data whose precision nobody stated is
// treated as exact. Share and sell keep an unknown recipient: it must be stated. What is
// published or sold is taken to show the data unless the caller says it does not.
Context withDefaultsFor(Action action, Context context);

} // namespace geolicence
