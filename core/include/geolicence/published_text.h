#pragma once

#include <string>
#include <vector>

namespace geolicence {

// The text of a published artefact (an exported PDF) in which the attributions a layout owes
// are looked for. A PDF's text layer differs from the label it came from in ways a reader does
// not see: line breaks and spacing where the label wrapped, non-breaking spaces, typographic
// ligatures (U+FB00-FB06) and soft hyphens; these are ignored when comparing.
class PublishedText {
public:
    // `name`: the file, for messages; `readings`: its text, e.g. PdfText::readings.
    PublishedText(std::string name, const std::vector<std::string>& readings);

    const std::string& name() const { return name_; }
    // True when no reading has any visible character (a PDF with its text as outlines).
    bool empty() const;
    // True when `text` appears in one of the readings.
    bool shows(const std::string& text) const;
    // The same, ignoring ASCII case: for names that must not appear in any spelling.
    bool mentions(const std::string& name) const;

private:
    std::string name_;
    std::vector<std::string> normalized_;
};

} // namespace geolicence
