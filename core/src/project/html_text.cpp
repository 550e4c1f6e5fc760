#include "project/html_text.h"

#include <geolicence/detail/ascii_case.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>

namespace geolicence::detail {

namespace {

void appendUtf8(std::string& out, std::uint32_t code) {
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        code = 0xFFFD;
    }
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// HTML 4's Latin-1 references (160-255, in code point order) and the others attributions use.
const std::map<std::string, std::uint32_t>& namedReferences() {
    static const std::map<std::string, std::uint32_t> table = [] {
        std::map<std::string, std::uint32_t> names{
            {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
            {"apos", '\''},     {"euro", 0x20AC},   {"trade", 0x2122},  {"hellip", 0x2026},
            {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
            {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
            {"bull", 0x2022},   {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
            {"scaron", 0x161},  {"Yuml", 0x178},    {"ensp", 0x2002},   {"emsp", 0x2003},
            {"thinsp", 0x2009}, {"copysr", 0x2117}, {"dagger", 0x2020}, {"permil", 0x2030}};
        const char* latin1[] = {
            "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
            "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
            "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
            "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
            "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
            "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
            "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
            "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
            "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
            "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
            "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
            "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};
        for (std::uint32_t i = 0; i < sizeof latin1 / sizeof latin1[0]; ++i) {
            names.emplace(latin1[i], 160 + i);
        }
        return names;
    }();
    return table;
}

// Decodes the reference starting at html[at] == '&'; returns the characters consumed (0: not
// a reference, keep the '&').
std::size_t decodeReference(const std::string& html, std::size_t at, std::string& out) {
    const std::size_t end = html.find(';', at);
    if (end == std::string::npos || end - at > 32) {
        return 0;
    }
    const std::string name = html.substr(at + 1, end - at - 1);
    std::uint32_t code = 0;
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF"
                                                           : "0123456789") != std::string::npos) {
            return 0;
        }
        code = static_cast<std::uint32_t>(std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
    } else {
        const auto found = namedReferences().find(name);
        if (found == namedReferences().end()) {
            return 0;
        }
        code = found->second;
    }
    if (code == 0xA0 || code == 0x2002 || code == 0x2003 || code == 0x2009) {
        out += ' ';
    } else if (code != 0xAD) { // a soft hyphen shows nothing unless a line breaks there
        appendUtf8(out, code);
    }
    return end - at + 1;
}

bool isBreakingTag(const std::string& name) {
    static const char* const kBlocks[] = {"br",     "p",  "div",        "li",  "tr",      "h1",
                                          "h2",     "h3", "h4",         "h5",  "h6",      "table",
                                          "ul",     "ol", "blockquote", "pre", "section", "header",
                                          "footer", "hr", "dd",         "dt",  "td"};
    for (const char* block : kBlocks) {
        if (name == block) {
            return true;
        }
    }
    return false;
}

// The end of a tag starting at html[at] == '<', past quoted attribute values.
std::size_t tagEnd(const std::string& html, std::size_t at) {
    char quote = 0;
    for (std::size_t i = at + 1; i < html.size(); ++i) {
        if (quote != 0) {
            quote = html[i] == quote ? 0 : quote;
        } else if (html[i] == '"' || html[i] == '\'') {
            quote = html[i];
        } else if (html[i] == '>') {
            return i;
        }
    }
    return std::string::npos;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

} // namespace

std::string htmlToText(const std::string& html) {
    const std::string lower = lowerAscii(html);
    std::string out;
    bool pending_space = false;
    auto text = [&](const std::string& piece) {
        if (pending_space && !out.empty() && out.back() != '\n') {
            out += ' ';
        }
        pending_space = false;
        out += piece;
    };
    auto lineBreak = [&] {
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        if (!out.empty() && out.back() != '\n') {
            out += '\n';
        }
        pending_space = false;
    };
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<' && html.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string::npos ? html.size() : end + 3;
            continue;
        }
        if (c == '<' && i + 1 < html.size() &&
            (std::isalpha(static_cast<unsigned char>(html[i + 1])) != 0 || html[i + 1] == '/' ||
             html[i + 1] == '!' || html[i + 1] == '?')) {
            const std::size_t end = tagEnd(html, i);
            if (end == std::string::npos) {
                break; // an unterminated tag shows nothing
            }
            std::size_t name_start = i + 1 + (html[i + 1] == '/' ? 1 : 0);
            std::size_t name_end = name_start;
            while (name_end < end &&
                   std::isalnum(static_cast<unsigned char>(html[name_end])) != 0) {
                ++name_end;
            }
            const std::string name = lowerAscii(html.substr(name_start, name_end - name_start));
            i = end + 1;
            if ((name == "script" || name == "style") && html[name_start - 1] != '/') {
                const std::size_t close = lower.find("</" + name, i);
                i = close == std::string::npos ? html.size() : close;
                continue;
            }
            if (isBreakingTag(name)) {
                lineBreak();
            }
            continue;
        }
        if (isSpace(c)) {
            pending_space = true;
            ++i;
            continue;
        }
        if (c == '&') {
            std::string decoded;
            if (const std::size_t used = decodeReference(html, i, decoded)) {
                if (decoded == " ") {
                    text(" ");
                } else if (!decoded.empty()) {
                    text(decoded);
                }
                i += used;
                continue;
            }
        }
        text(std::string(1, c));
        ++i;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) {
        out.pop_back();
    }
    return out;
}

} // namespace geolicence::detail
