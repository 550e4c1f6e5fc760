#pragma once

#include <geolicence/project_check.h>

#include <string>

namespace geolicence::cli {

// JUnit XML: one test case per checked layer and action, failing on its errors (and warnings
// with `strict`), so CI systems list the layers like tests.
std::string junitReport(const CheckResult& result, bool strict);

} // namespace geolicence::cli
