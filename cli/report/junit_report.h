#pragma once

#include <geolicence/project_check.h>

#include <string>
#include <vector>

namespace geolicence::cli {

// JUnit XML: a test suite per checked file with a test case per layer, failing on its errors
// (and warnings with `strict`), so CI systems list the layers like tests. A file that could not
// be read is an <error>.
std::string junitReport(const std::vector<CheckResult>& results, bool strict);

} // namespace geolicence::cli
