#pragma once

#include "geolicence/option_values.h"

#include <string>
#include <vector>

namespace geolicence {

// One licence a layer is under, with the options it was granted under.
struct BoundLicence {
    std::string licence_id;
    OptionValues options;

    friend bool operator==(const BoundLicence& a, const BoundLicence& b) {
        return a.licence_id == b.licence_id && a.options == b.options;
    }
    friend bool operator!=(const BoundLicence& a, const BoundLicence& b) { return !(a == b); }
};

// One input a derived dataset was made from: where it was read, the licences it carried then
// (empty: it had none, which stays visible instead of being dropped), when and by what the
// derived dataset was made, and the input's own provenance when it was derived too.
struct DerivedInput {
    std::string source;
    std::vector<BoundLicence> licences;
    std::string date; // YYYY-MM-DD
    std::string tool; // e.g. "geolicence bind", "geolicence aggregate"
    std::vector<DerivedInput> derived_from;
};

// How a layer got its licences: one or more licences (every one applies: an action is permitted
// only when each of them permits it), where the binding came from (custom property, sidecar,
// GeoPackage metadata, layer metadata, source rule, command line), and, for derived data, what
// it was made from.
struct LicenceBinding {
    std::vector<BoundLicence> licences;
    std::string from;
    std::vector<DerivedInput> derived_from;

    // The ids in order, joined with " + " (for messages and one-line reports).
    std::string describeIds() const;
    bool hasLicence(const std::string& licence_id) const;
};

// A binding to one licence, the form every carrier had before several licences were possible.
LicenceBinding singleLicence(std::string licence_id, OptionValues options, std::string from);

// Appends `licence` unless the very same licence with the same options is there already: the
// union of several inputs' licences, in the order first met. The same licence with other options
// is kept apart, since each grant is judged on its own terms.
void addLicence(std::vector<BoundLicence>& into, const BoundLicence& licence);

// The same licences in any order (carriers are compared as sets).
bool sameLicences(const std::vector<BoundLicence>& a, const std::vector<BoundLicence>& b);

// The inputs of a derivation, at any depth, that had no licence.
std::vector<const DerivedInput*> unlicensedInputs(const std::vector<DerivedInput>& derived_from);

// A licence a direct input of derived data carried that the derived binding no longer names.
struct DroppedLicence {
    const DerivedInput* input;
    const BoundLicence* licence; // as the input carried it, with the input's options
};

// Every licence of a direct input of `binding.derived_from` whose id `binding.licences` lacks,
// in the order of the inputs and their licences. Compared by id: a derivation may change the
// options (an aggregation sets cell_size_m) and the licence still holds. One level is enough:
// an input's licences already include what its own chain carried when it was derived.
std::vector<DroppedLicence> droppedSourceLicences(const LicenceBinding& binding);

} // namespace geolicence
