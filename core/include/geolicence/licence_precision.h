#pragma once

#include "geolicence/catalog.h"
#include "geolicence/errors.h"
#include "geolicence/evaluation.h"

#include <optional>
#include <string>
#include <vector>

namespace geolicence {

// Why publishing data under a licence is refused at a given cell size *because of the cell size*:
// the findings that prohibit publishing at that size but not at a coarse one. The minimum is
// found by asking the engine, so no licence's numbers live in the aggregation code.
struct PrecisionRefusal {
    std::string licence;
    double cell_size_m = 0;
    std::optional<double> minimum_cell_size_m; // the smallest whole-metre size that is allowed
    std::vector<Finding> findings;
    std::vector<std::string> clauses; // per finding its rule-book clause ("N4"), or ""
};

// nullopt when the cell size is no reason to refuse publishing (also when publishing is refused
// for other reasons: those do not depend on how the data is aggregated).
std::optional<PrecisionRefusal> precisionRefusal(const Catalog& catalog,
                                                 const LicenceBinding& binding, double cell_size_m,
                                                 Language language = Language::English);

// One line: which licence, which cell size, the clauses with their citations and messages, and
// the minimum cell size.
std::string describe(const PrecisionRefusal& refusal);

// Thrown when an aggregation would produce data finer than the input's licence lets anyone
// publish.
class PrecisionRefused : public Error {
public:
    explicit PrecisionRefused(PrecisionRefusal refusal)
        : Error(describe(refusal)), refusal_(std::move(refusal)) {}
    const PrecisionRefusal& refusal() const { return refusal_; }

private:
    PrecisionRefusal refusal_;
};

// The attribution texts owed when publishing data under `binding` aggregated to `cell_size_m`
// (attribute duties of publish, else of display to the public), in `language`.
std::vector<std::string> attributionTexts(const Catalog& catalog, const LicenceBinding& binding,
                                          double cell_size_m, Language language);

} // namespace geolicence
