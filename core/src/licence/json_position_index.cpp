#include <geolicence/json_position_index.h>

namespace geolicence {

TextPosition positionOfOffset(std::string_view text, std::size_t offset) {
    TextPosition position{1, 1};
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

namespace {

// Walks a JSON text that is already known to be well formed. Deeply nested values beyond
// kMaxDepth are skipped rather than indexed, so hostile input cannot exhaust the stack.
class Indexer {
public:
    Indexer(std::string_view text, std::unordered_map<std::string, std::size_t>& offsets)
        : text_(text), offsets_(offsets) {}

    void run() {
        std::string root;
        value(root, 0);
    }

private:
    static constexpr int kMaxDepth = 200;

    void skipWhitespace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                       text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }

    // Reads a string token and returns its raw content (escapes kept except \" and \\ and \/,
    // which is all JSON pointers of our files need).
    std::string string() {
        std::string out;
        ++pos_; // opening quote
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                const char escaped = text_[pos_ + 1];
                out += (escaped == '"' || escaped == '\\' || escaped == '/') ? escaped : '?';
                pos_ += 2;
                continue;
            }
            out += text_[pos_++];
        }
        ++pos_; // closing quote
        return out;
    }

    static std::string escapeToken(const std::string& key) {
        std::string out;
        for (char c : key) {
            if (c == '~') {
                out += "~0";
            } else if (c == '/') {
                out += "~1";
            } else {
                out += c;
            }
        }
        return out;
    }

    void skipNested() {
        int depth = 0;
        do {
            const char c = text_[pos_];
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                --depth;
            }
            ++pos_;
        } while (pos_ < text_.size() && depth > 0);
    }

    void value(std::string& pointer, int depth) {
        skipWhitespace();
        if (pos_ >= text_.size()) {
            return;
        }
        offsets_.emplace(pointer, pos_);
        const char c = text_[pos_];
        if ((c == '{' || c == '[') && depth >= kMaxDepth) {
            skipNested();
        } else if (c == '{') {
            object(pointer, depth);
        } else if (c == '[') {
            array(pointer, depth);
        } else if (c == '"') {
            string();
        } else {
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' &&
                   text_[pos_] != ']' && text_[pos_] != ' ' && text_[pos_] != '\n' &&
                   text_[pos_] != '\r' && text_[pos_] != '\t') {
                ++pos_;
            }
        }
    }

    void object(std::string& pointer, int depth) {
        ++pos_;
        skipWhitespace();
        while (pos_ < text_.size() && text_[pos_] != '}') {
            const std::string key = escapeToken(string());
            skipWhitespace();
            ++pos_; // ':'
            member(pointer, key, depth);
        }
        ++pos_;
    }

    // One member of an object or array: its value under pointer/token, then the separator.
    void member(std::string& pointer, const std::string& token, int depth) {
        const std::size_t length = pointer.size();
        pointer += '/';
        pointer += token;
        value(pointer, depth + 1);
        pointer.resize(length);
        skipWhitespace();
        if (pos_ < text_.size() && text_[pos_] == ',') {
            ++pos_;
            skipWhitespace();
        }
    }

    void array(std::string& pointer, int depth) {
        ++pos_;
        skipWhitespace();
        std::size_t index = 0;
        while (pos_ < text_.size() && text_[pos_] != ']') {
            member(pointer, std::to_string(index++), depth);
        }
        ++pos_;
    }

    std::string_view text_;
    std::unordered_map<std::string, std::size_t>& offsets_;
    std::size_t pos_ = 0;
};

} // namespace

JsonPositionIndex::JsonPositionIndex(std::string_view text) : text_(text) {
    Indexer(text, offsets_).run();
}

TextPosition JsonPositionIndex::find(std::string pointer) const {
    while (true) {
        const auto it = offsets_.find(pointer);
        if (it != offsets_.end()) {
            return positionOfOffset(text_, it->second);
        }
        if (pointer.empty()) {
            return TextPosition{};
        }
        pointer.resize(pointer.rfind('/'));
    }
}

} // namespace geolicence
