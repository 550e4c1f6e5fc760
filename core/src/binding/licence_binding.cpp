#include <geolicence/licence_binding.h>

#include <algorithm>

namespace geolicence {

std::string LicenceBinding::describeIds() const {
    std::string text;
    for (const BoundLicence& licence : licences) {
        text += (text.empty() ? "" : " + ") + licence.licence_id;
    }
    return text;
}

bool LicenceBinding::hasLicence(const std::string& licence_id) const {
    return std::any_of(licences.begin(), licences.end(),
                       [&](const BoundLicence& l) { return l.licence_id == licence_id; });
}

LicenceBinding singleLicence(std::string licence_id, OptionValues options, std::string from) {
    LicenceBinding binding;
    binding.licences.push_back(BoundLicence{std::move(licence_id), std::move(options)});
    binding.from = std::move(from);
    return binding;
}

void addLicence(std::vector<BoundLicence>& into, const BoundLicence& licence) {
    if (std::find(into.begin(), into.end(), licence) == into.end()) {
        into.push_back(licence);
    }
}

bool sameLicences(const std::vector<BoundLicence>& a, const std::vector<BoundLicence>& b) {
    const auto covers = [](const std::vector<BoundLicence>& all,
                           const std::vector<BoundLicence>& part) {
        return std::all_of(part.begin(), part.end(), [&](const BoundLicence& l) {
            return std::find(all.begin(), all.end(), l) != all.end();
        });
    };
    return covers(a, b) && covers(b, a);
}

namespace {

void collectUnlicensed(const std::vector<DerivedInput>& inputs,
                       std::vector<const DerivedInput*>& out) {
    for (const DerivedInput& input : inputs) {
        if (input.licences.empty()) {
            out.push_back(&input);
        }
        collectUnlicensed(input.derived_from, out);
    }
}

} // namespace

std::vector<const DerivedInput*> unlicensedInputs(const std::vector<DerivedInput>& derived_from) {
    std::vector<const DerivedInput*> found;
    collectUnlicensed(derived_from, found);
    return found;
}

std::vector<DroppedLicence> droppedSourceLicences(const LicenceBinding& binding) {
    std::vector<DroppedLicence> dropped;
    for (const DerivedInput& input : binding.derived_from) {
        for (const BoundLicence& licence : input.licences) {
            if (!binding.hasLicence(licence.licence_id)) {
                dropped.push_back(DroppedLicence{&input, &licence});
            }
        }
    }
    return dropped;
}

} // namespace geolicence
