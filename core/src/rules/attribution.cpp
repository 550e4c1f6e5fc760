#include <geolicence/attribution.h>

namespace geolicence {

std::vector<std::string> attributionTexts(const Decision& decision) {
    // evaluate() already merged duplicates, folded contained texts and dropped texts naming a
    // no-endorsement party; what is left is to pick the attributions.
    std::vector<std::string> texts;
    for (const Duty& duty : decision.duties) {
        if (duty.type == DutyType::Attribute && !duty.text.empty()) {
            texts.push_back(duty.text);
        }
    }
    return texts;
}

} // namespace geolicence
