#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace geolicence {

struct TextPosition {
    int line = 0; // 1-based; 0 = unknown
    int column = 0;
};

// Line and column of a byte offset (1-based; columns count bytes, as compilers do).
TextPosition positionOfOffset(std::string_view text, std::size_t offset);

// Maps the JSON pointer of every value in a well-formed JSON text to where the value starts,
// so that errors found after parsing (by the schema or by meaning) can name line and column.
class JsonPositionIndex {
public:
    explicit JsonPositionIndex(std::string_view text);

    // The position of the value at `pointer` ("/rules/3/action"); for a pointer that does not
    // exist, the position of its closest existing ancestor.
    TextPosition find(std::string pointer) const;

private:
    std::string_view text_;
    std::unordered_map<std::string, std::size_t> offsets_;
};

} // namespace geolicence
