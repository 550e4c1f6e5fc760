#include <geolicence/derivation.h>

namespace geolicence {

Derivation derive(const std::vector<DerivationSource>& inputs, const std::string& date,
                  const std::string& tool) {
    Derivation derivation;
    derivation.binding.from = "derived";
    for (const DerivationSource& input : inputs) {
        DerivedInput record;
        record.source = input.source;
        record.date = date;
        record.tool = tool;
        if (input.binding && !input.binding->licences.empty()) {
            record.licences = input.binding->licences;
            record.derived_from = input.binding->derived_from;
            for (const BoundLicence& licence : input.binding->licences) {
                addLicence(derivation.binding.licences, licence);
            }
        } else {
            derivation.unlicensed.push_back(input.source);
        }
        derivation.binding.derived_from.push_back(std::move(record));
    }
    return derivation;
}

} // namespace geolicence
