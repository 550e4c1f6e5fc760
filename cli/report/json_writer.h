#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace geolicence::cli {

// Writes JSON text value by value, byte for byte as
// nlohmann::ordered_json::dump(2, ' ', false, error_handler_t::replace) writes the same tree:
// two-space indentation, "key": value, empty containers as {} and [], UTF-8 kept as it is,
// control characters escaped, and each invalid UTF-8 sequence replaced by U+FFFD as nlohmann
// does. A large report (1,000 layers, ~1 MB) built as a tree and dumped spent more time in
// the tree than in checking the project; this writes it straight into one string.
//
// Use: beginObject(); key("a"); string("x"); key("b"); beginArray(); ... endArray();
// endObject(). Values in an object need a key() before them; values in an array do not.
class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);

    void string(std::string_view text);
    void null();
    void boolean(bool value);
    void number(double value);
    // A whole tree (e.g. a small part built elsewhere), written at the current depth.
    void value(const nlohmann::ordered_json& tree);

    const std::string& text() const { return out_; }

private:
    void beforeValue();
    void begin(char open);
    void end(char close);
    void newLine(std::size_t depth);

    std::string out_;
    std::vector<bool> has_members_; // one per open container
    bool after_key_ = false;
};

// Appends `text` as a JSON string (quoted) the way nlohmann's dump with ensure_ascii = false
// and error_handler_t::replace writes it: ", \ and the control characters escaped (\b \t \n \f
// \r by name, the others as \u00xx), valid UTF-8 copied, and every ill-formed sequence (its
// maximal well-formed start) replaced by U+FFFD.
void appendJsonString(std::string& out, std::string_view text);

// Whether `text` is well-formed UTF-8, i.e. nlohmann's strict dump would not throw on it.
bool isValidUtf8(std::string_view text);

} // namespace geolicence::cli
