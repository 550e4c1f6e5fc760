#include <geolicence/errors.h>
#include <geolicence/pdf_text.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace geolicence {

namespace {

// Poppler reports problems on stderr unless told otherwise; the first one explains a PDF it
// cannot open better than "damaged" alone, so it is kept for the error message instead.
class PopplerMessages {
public:
    PopplerMessages() { poppler::set_debug_error_function(&PopplerMessages::take, this); }
    ~PopplerMessages() { poppler::set_debug_error_function(&PopplerMessages::drop, nullptr); }
    PopplerMessages(const PopplerMessages&) = delete;
    PopplerMessages& operator=(const PopplerMessages&) = delete;

    std::string detail() const { return first_.empty() ? "" : " (" + first_ + ")"; }

private:
    static void take(const std::string& message, void* closure) {
        auto* self = static_cast<PopplerMessages*>(closure);
        if (self->first_.empty()) {
            // One line, bounded: the message ends up in a one-line error.
            std::string line = message.substr(0, 200);
            std::replace(line.begin(), line.end(), '\n', ' ');
            self->first_ = line;
        }
    }
    static void drop(const std::string& /*message*/, void* /*closure*/) {}

    std::string first_;
};

// The PDF header may follow up to 1,024 bytes of junk (PDF 1.7, annex H.3, note 13), as
// readers accept; anything else is not a PDF, whatever its name.
bool looksLikePdf(const char* data, std::size_t size) {
    const std::size_t window = std::min<std::size_t>(size, 1024 + 5);
    const char* end = data + window;
    static constexpr char kMagic[] = "%PDF-";
    return std::search(data, end, kMagic, kMagic + 5) != end;
}

std::string utf8(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

PdfText readDocument(std::unique_ptr<poppler::document> document, const std::string& name,
                     const PopplerMessages& messages) {
    if (!document) {
        throw InputError(name + ": damaged PDF, cannot be read" + messages.detail());
    }
    if (document->is_locked()) {
        throw InputError(name + ": the PDF is protected by a password; check an unprotected "
                                "export");
    }
    PdfText text;
    text.pages = document->pages();
    if (text.pages <= 0) {
        // Poppler gives 0 pages also for a page tree it refuses (a count beyond the objects).
        throw InputError(name + (messages.detail().empty()
                                     ? ": the PDF has no pages"
                                     : ": no page of the PDF can be read" + messages.detail()));
    }
    for (int index = 0; index < text.pages; ++index) {
        const std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page) {
            throw InputError(name + ": page " + std::to_string(index + 1) +
                             " of the PDF cannot be read" + messages.detail());
        }
        text.readings.push_back(
            utf8(page->text(poppler::rectf(), poppler::page::raw_order_layout)));
        text.readings.push_back(utf8(page->text(poppler::rectf(), poppler::page::physical_layout)));
    }
    return text;
}

} // namespace

PdfText readPdfText(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(name + ": cannot open: " + std::strerror(errno));
    }
    std::array<char, 1024 + 5> head{};
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (file.bad()) {
        throw InputError(name + ": cannot read: " + std::strerror(errno));
    }
    if (!looksLikePdf(head.data(), static_cast<std::size_t>(file.gcount()))) {
        throw InputError(name + ": not a PDF (no %PDF- header)");
    }
    const PopplerMessages messages;
    // Poppler reads the file itself, page by page, so a large atlas is not held in memory.
    return readDocument(std::unique_ptr<poppler::document>(poppler::document::load_from_file(name)),
                        name, messages);
}

PdfText readPdfText(const char* data, std::size_t size, const std::string& name) {
    if (!looksLikePdf(data, size)) {
        throw InputError(name + ": not a PDF (no %PDF- header)");
    }
    if (size > static_cast<std::size_t>(INT_MAX)) {
        throw InputError(name + ": the PDF is too large to read from memory");
    }
    const PopplerMessages messages;
    return readDocument(std::unique_ptr<poppler::document>(
                            poppler::document::load_from_raw_data(data, static_cast<int>(size))),
                        name, messages);
}

} // namespace geolicence
