#include <geolicence/context.h>

#include <algorithm>

namespace geolicence {

bool isPurpose(std::string_view text) {
    return std::find(kPurposes.begin(), kPurposes.end(), text) != kPurposes.end();
}

bool isRecipient(std::string_view text) {
    return std::find(kRecipients.begin(), kRecipients.end(), text) != kRecipients.end();
}

Context withDefaultsFor(Action action, Context context) {
    if (!context.recipient) {
        switch (action) {
        case Action::Publish:
            context.recipient = "public";
            break;
        case Action::Display:
        case Action::UseInternal:
        case Action::Export:
        case Action::Aggregate:
            context.recipient = "self";
            break;
        case Action::Share:
        case Action::Sell:
            break;
        }
    }
    if (!context.cell_size_m) {
        context.cell_size_m = 0.0;
    }
    if (!context.reproduces_data && (action == Action::Publish || action == Action::Sell)) {
        context.reproduces_data = true;
    }
    return context;
}

} // namespace geolicence
