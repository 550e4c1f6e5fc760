#pragma once

#include "geolicence/evaluation.h"

#include <string>

namespace geolicence {

// The `check`/`evaluate` JSON of the CLI contract:
// {"action","decision","findings":[{"severity","layer_id","layer_name","licence","rule",
//  "message","cite"}],"duties":[{"type","text"?,"party"?,"date"?,"licence","cite","layers"}]}
std::string decisionToJson(const Decision& decision, int indent = 2);

} // namespace geolicence
