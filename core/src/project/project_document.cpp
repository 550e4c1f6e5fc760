#include "project/project_document.h"

#include "project/qgz_archive.h"

#include <geolicence/catalog.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>

#include <algorithm>

namespace geolicence::detail {

namespace {

// Refuses what an XML parser could be tricked into expanding or fetching. QGIS itself never
// writes entity declarations; a project that has them was made to attack a reader.
void refuseEntityDeclarations(const std::string& text, const std::string& file) {
    const std::size_t doctype = text.find("<!DOCTYPE");
    const std::size_t root = text.find("<qgis");
    if (doctype == std::string::npos || (root != std::string::npos && doctype > root)) {
        return;
    }
    const std::size_t end = text.find('>', doctype);
    const std::size_t subset = text.find('[', doctype);
    const std::size_t entity = text.find("<!ENTITY", doctype);
    if (entity != std::string::npos && (root == std::string::npos || entity < root)) {
        throw InputError(file + ": XML entity declarations are not allowed in a QGIS project "
                                "(refusing to expand or fetch them)");
    }
    if (subset != std::string::npos && subset < end) {
        throw InputError(file + ": XML internal DTD subsets are not allowed in a QGIS project");
    }
}

// Sizes in MiB, or in bytes below one (a shared budget can shrink that far).
std::string sizeText(std::uintmax_t bytes) {
    return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB"
                               : std::to_string(bytes) + " bytes";
}

std::string readProjectText(const std::filesystem::path& path, const ProjectReadLimits& limits) {
    const std::string extension = lowerExtension(path);
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        throw InputError(path.string() + ": no such file");
    }
    // A pipe or device would never end (or never start): a project is a file.
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (std::filesystem::is_fifo(status) || std::filesystem::is_character_file(status) ||
        std::filesystem::is_block_file(status) || std::filesystem::is_socket(status)) {
        throw InputError(path.string() + ": not a regular file");
    }
    if (extension == ".qgz") {
        return readQgsFromQgz(path, limits);
    }
    if (extension != ".qgs") {
        throw InputError(path.string() + ": not a QGIS project (expected .qgs or .qgz)");
    }
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > limits.max_project_bytes) {
        throw InputError(path.string() + ": " + sizeText(size) +
                         " is over the project size limit of " +
                         sizeText(limits.max_project_bytes));
    }
    return readTextFile(path);
}

bool startsWith(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

} // namespace

std::unique_ptr<ProjectDocument> ProjectDocument::load(const std::filesystem::path& path,
                                                       const ProjectReadLimits& limits) {
    const std::string text = readProjectText(path, limits);
    const std::string file = path.string();
    refuseEntityDeclarations(text, file);
    auto document = std::make_unique<ProjectDocument>();
    document->path_ = path;
    document->bytes_ = text.size();
    document->archive_ = detail::lowerExtension(path) == ".qgz";
    document->line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            document->line_starts_.push_back(i + 1);
        }
    }
    // parse_default leaves custom entities unexpanded and never reads external resources.
    const pugi::xml_parse_result result = document->document_.load_buffer(
        text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
        pugi::encoding_utf8);
    if (!result) {
        std::size_t line = 1;
        for (std::ptrdiff_t i = 0;
             i < result.offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
            line += text[static_cast<std::size_t>(i)] == '\n' ? 1 : 0;
        }
        throw InputError(file + ":" + std::to_string(line) + ": not a valid QGIS project (XML " +
                         result.description() + ")");
    }
    if (!document->root()) {
        throw InputError(file + ": not a QGIS project (no <qgis> root element)");
    }
    return document;
}

SourceRegion ProjectDocument::regionOf(const pugi::xml_node& element) const {
    // offset_debug() points at the element's name, one past its '<'.
    const std::ptrdiff_t name = element.offset_debug();
    if (archive_ || name <= 0) {
        return {};
    }
    auto position = [&](std::size_t offset) {
        const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
        const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
        return std::pair<int, int>{static_cast<int>(line),
                                   static_cast<int>(offset - line_starts_[line - 1] + 1)};
    };
    const std::size_t start = static_cast<std::size_t>(name - 1);
    std::size_t end = start + 1 + std::string(element.name()).size();
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.offset_debug() > 0) {
            // The child's '<' (or its text) follows the start tag and the whitespace after it.
            end = static_cast<std::size_t>(child.offset_debug()) -
                  (child.type() == pugi::node_element ? 1 : 0);
            break;
        }
    }
    const auto [start_line, start_column] = position(start);
    auto [end_line, end_column] = position(end);
    if (end_line > start_line && end_column > 1) {
        // The child starts a line of its own (as QGIS writes): the tag ends with the line
        // before it, not with the next line's indentation.
        --end_line;
        const std::size_t line_end = line_starts_[static_cast<std::size_t>(end_line)] - 1;
        end_column =
            static_cast<int>(line_end - line_starts_[static_cast<std::size_t>(end_line - 1)] + 1);
    }
    return SourceRegion{start_line, start_column, end_line, end_column};
}

bool ProjectDocument::resolvesRelativePaths(bool when_unset) const {
    const pugi::xml_node absolute = root().child("properties").child("Paths").child("Absolute");
    if (!absolute) {
        return when_unset;
    }
    return lowerAscii(absolute.text().as_string()) != "true";
}

std::string ProjectDocument::readPath(const std::string& path) const {
    if (!startsWith(path, "./") && !startsWith(path, "../")) {
        return path;
    }
    return (path_.parent_path() / path).lexically_normal().string();
}

} // namespace geolicence::detail
