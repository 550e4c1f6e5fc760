#pragma once

#include "geolicence/project_check.h"

#include <filesystem>

namespace geolicence {

// Checks a PDF exported from `request.layout` of `project`: the decision for the layers that
// layout's maps render, with every attribution they owe looked for in the PDF's text (a
// missing one is an error naming it, rule `attribution-missing-in-pdf`). InputError for an
// unreadable, damaged or password-protected PDF, and when no layout is named.
CheckResult checkPdf(const std::filesystem::path& pdf, const Project& project,
                     const Catalog& catalog, CheckRequest request);

} // namespace geolicence
