#pragma once

#include <geolicence/catalog.h>
#include <geolicence/project_check.h>

#include <string>
#include <vector>

namespace geolicence::cli {

// SARIF 2.1.0: one run, one result per finding of every checked file, rule ids
// "<licence>/<rule>", the file as the location and the layer as a logical location, so
// code-scanning UIs show findings natively.
std::string sarifReport(const std::vector<CheckResult>& checked, const Catalog& catalog);

} // namespace geolicence::cli
