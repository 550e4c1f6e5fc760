#include "test_pdf.h"

#include <cstdio>
#include <sstream>

namespace geolicence::test {

namespace {

// A PDF string literal in WinAnsi: ASCII as is (with the delimiters escaped), Latin-1 code
// points from UTF-8 as octal escapes.
std::string pdfString(const std::string& utf8) {
    std::string out = "(";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned code = static_cast<unsigned char>(utf8[i]);
        if ((code & 0xE0U) == 0xC0U && i + 1 < utf8.size()) {
            code = ((code & 0x1FU) << 6U) | (static_cast<unsigned char>(utf8[++i]) & 0x3FU);
        }
        if (code == '(' || code == ')' || code == '\\') {
            out += '\\';
            out += static_cast<char>(code);
        } else if (code < 0x80 && code >= 0x20) {
            out += static_cast<char>(code);
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\%03o", code & 0xFFU);
            out += escaped;
        }
    }
    return out + ")";
}

std::string content(const PdfPage& page) {
    std::ostringstream out;
    if (page.empty()) {
        out << "0.2 0.5 0.2 rg 100 100 300 200 re f\n";
    }
    for (const PdfLine& line : page) {
        out << "BT /F1 9 Tf " << line.x << " " << line.y << " Td " << pdfString(line.text)
            << " Tj ET\n";
    }
    return out.str();
}

} // namespace

std::string makePdf(const std::vector<PdfPage>& pages) {
    // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content per page.
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        kids += std::to_string(4 + 2 * i) + " 0 R ";
    }
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string stream = content(pages[i]);
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
                          "/Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                          "endstream");
    }
    return makePdfFromObjects(objects);
}

std::string makePdfFromObjects(const std::vector<std::string>& objects) {
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace geolicence::test
