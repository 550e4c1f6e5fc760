#include "report/json_writer.h"

#include <stdexcept>

namespace geolicence::cli {

namespace {

// The UTF-8 sequence that starts at text[start]: its length and whether it is well formed
// (Unicode's table of well-formed byte sequences: no overlong forms, no surrogates, nothing
// above U+10FFFF). When it is not, `length` is its maximal well-formed start: 0 when the first
// byte cannot start a sequence, else the bytes before the one that does not fit (or before the
// end of the text). nlohmann's decoder rejects exactly there and reads the rejected byte again,
// so one U+FFFD stands for that start.
struct Utf8Sequence {
    std::size_t length = 0;
    bool well_formed = false;
};

Utf8Sequence utf8Sequence(std::string_view text, std::size_t start) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(start);
    std::size_t length = 0;
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        second_low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong form
        second_high = lead == 0xED ? 0x9F : 0xBF; // no surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        second_low = lead == 0xF0 ? 0x90 : 0x80;  // no overlong form
        second_high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
        return {0, false};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (start + k >= text.size()) {
            return {k, false};
        }
        const unsigned char low = k == 1 ? second_low : 0x80;
        const unsigned char high = k == 1 ? second_high : 0xBF;
        if (byte(start + k) < low || byte(start + k) > high) {
            return {k, false};
        }
    }
    return {length, true};
}

void appendControlEscape(std::string& out, unsigned char c) {
    switch (c) {
    case '\b':
        out += "\\b";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\r':
        out += "\\r";
        return;
    default:
        static const char digits[] = "0123456789abcdef";
        out += "\\u00";
        out += digits[c >> 4];
        out += digits[c & 0xF];
    }
}

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    std::size_t run = 0; // start of the bytes copied as they are, not yet appended
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const Utf8Sequence sequence = utf8Sequence(text, i);
            if (sequence.well_formed) {
                i += sequence.length;
                continue;
            }
            out.append(text.data() + run, i - run);
            out += "\xEF\xBF\xBD";
            i += sequence.length > 0 ? sequence.length : 1;
            run = i;
            continue;
        }
        out.append(text.data() + run, i - run);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else {
            appendControlEscape(out, c);
        }
        run = ++i;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Sequence sequence = utf8Sequence(text, i);
        if (!sequence.well_formed) {
            return false;
        }
        i += sequence.length;
    }
    return true;
}

void JsonWriter::newLine(std::size_t depth) {
    out_ += '\n';
    out_.append(depth * 2, ' ');
}

void JsonWriter::beforeValue() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_members_.empty()) {
        return; // the top-level value
    }
    if (has_members_.back()) {
        out_ += ',';
    }
    has_members_.back() = true;
    newLine(has_members_.size());
}

void JsonWriter::key(std::string_view name) {
    if (has_members_.back()) {
        out_ += ',';
    }
    has_members_.back() = true;
    newLine(has_members_.size());
    appendJsonString(out_, name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::begin(char open) {
    beforeValue();
    out_ += open;
    has_members_.push_back(false);
}

void JsonWriter::end(char close) {
    const bool had_members = has_members_.back();
    has_members_.pop_back();
    if (had_members) {
        newLine(has_members_.size());
    }
    out_ += close;
}

void JsonWriter::beginObject() {
    begin('{');
}
void JsonWriter::endObject() {
    end('}');
}
void JsonWriter::beginArray() {
    begin('[');
}
void JsonWriter::endArray() {
    end(']');
}

void JsonWriter::string(std::string_view text) {
    beforeValue();
    appendJsonString(out_, text);
}

void JsonWriter::null() {
    beforeValue();
    out_ += "null";
}

void JsonWriter::boolean(bool value) {
    beforeValue();
    out_ += value ? "true" : "false";
}

void JsonWriter::number(double value) {
    beforeValue();
    // nlohmann's shortest round-trip form ("1000.0", "0.1", "1e+21", null for NaN).
    out_ += nlohmann::ordered_json(value).dump();
}

void JsonWriter::value(const nlohmann::ordered_json& tree) {
    using Type = nlohmann::ordered_json::value_t;
    switch (tree.type()) {
    case Type::object:
        beginObject();
        for (auto member = tree.begin(); member != tree.end(); ++member) {
            key(member.key());
            value(member.value());
        }
        endObject();
        return;
    case Type::array:
        beginArray();
        for (const auto& element : tree) {
            value(element);
        }
        endArray();
        return;
    case Type::string:
        string(tree.get_ref<const std::string&>());
        return;
    case Type::null:
    case Type::boolean:
    case Type::number_integer:
    case Type::number_unsigned:
    case Type::number_float:
        beforeValue();
        out_ += tree.dump();
        return;
    case Type::binary:
    case Type::discarded:
        break;
    }
    throw std::logic_error("JsonWriter: a report holds no binary or discarded JSON values");
}

} // namespace geolicence::cli
