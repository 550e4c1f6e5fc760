#pragma once

#include <geolicence/catalog.h>
#include <geolicence/project_check.h>

#include <string>

namespace geolicence::cli {

// SARIF 2.1.0: one result per finding, rule ids "<licence>/<rule>", the checked file as the
// location and the layer as a logical location, so code-scanning UIs show findings natively.
std::string sarifReport(const CheckResult& result, const Catalog& catalog);

} // namespace geolicence::cli
