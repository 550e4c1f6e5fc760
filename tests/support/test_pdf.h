#pragma once

#include <string>
#include <vector>

namespace geolicence::test {

// A line of text on a PDF page, at (x, y) points from the lower left; UTF-8 limited to
// Latin-1 (enough for "©" and Dutch/French accents), written in WinAnsi-encoded Helvetica.
struct PdfLine {
    double x = 0;
    double y = 0;
    std::string text;
};

using PdfPage = std::vector<PdfLine>;

// A small, valid PDF 1.4 (A4 pages, uncompressed content, exact cross-reference table) with
// these pages: what an exported map's text layer looks like, without needing QGIS. A page
// without lines gets a filled rectangle only, like a map whose text was exported as outlines.
std::string makePdf(const std::vector<PdfPage>& pages);

// A PDF of these object bodies, numbered from 1 (object 1 is the catalog), with an exact
// cross-reference table: for hostile structures (page tree loops, false page counts).
std::string makePdfFromObjects(const std::vector<std::string>& objects);

} // namespace geolicence::test
