#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace geolicence {

// The text a PDF shows, as a reader of the printed map would find it. Each page is read twice:
// in content order (a label's lines stay together even when other text sits beside them) and
// in reading order (text drawn in pieces is put back in place). A check looks in both.
struct PdfText {
    std::vector<std::string> readings; // UTF-8; two per page
    int pages = 0;
};

// Reads the PDF at `path` (poppler). InputError naming the file for a missing, unreadable,
// damaged or password-protected PDF, or one that is not a PDF at all.
PdfText readPdfText(const std::filesystem::path& path);

// The same for a PDF in memory; `name` is used in error messages.
PdfText readPdfText(const char* data, std::size_t size, const std::string& name);

} // namespace geolicence
