#pragma once

#include "report/json_writer.h"

#include <geolicence/evaluation.h>

namespace geolicence::cli {

// The decision's members of the check/evaluate JSON contract ("action", "decision",
// "findings", "duties"), written into the object `out` has open. The same shape as the core's
// decisionToJson (decision_json.h), which builds it as a tree; the report writes it straight
// (json_writer.h). tests/cli/report/report_json_test.cpp holds the two to the same bytes.
void writeDecisionMembers(JsonWriter& out, const Decision& decision);

// One finding of the contract, {"severity", "layer_id", ..., "cite"}; the folder report adds
// the "file" it was found in as the last member.
void writeFinding(JsonWriter& out, const Finding& finding, const std::string* file = nullptr);

} // namespace geolicence::cli
