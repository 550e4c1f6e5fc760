#include "project/html_text.h"

#include <geolicence/label_text.h>

namespace geolicence {

std::string labelShownText(const std::string& text, bool html) {
    return html ? detail::htmlToText(text) : text;
}

} // namespace geolicence
