#pragma once

#include <geolicence/evaluation.h>

#include <string>

namespace geolicence::cli {

// The human-readable form of a decision: verdict, findings (errors first), duties.
std::string decisionToText(const Decision& decision, Language language);

} // namespace geolicence::cli
