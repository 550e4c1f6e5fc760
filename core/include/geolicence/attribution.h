#pragma once

#include "geolicence/evaluation.h"

#include <string>
#include <vector>

namespace geolicence {

// The attribution texts a publication must show, from a `publish` decision: deduplicated
// (also when one contains another), in the order the layers first owe them, never naming a
// party whose terms forbid being mentioned. Empty texts (an attribution whose text option is
// not set) are left out; the decision has a warning for them.
std::vector<std::string> attributionTexts(const Decision& decision);

} // namespace geolicence
