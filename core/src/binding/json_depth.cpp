#include "binding/json_depth.h"

#include <geolicence/errors.h>

namespace geolicence::detail {

void checkJsonDepth(std::string_view json, const std::string& where) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : json) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxBindingJsonDepth) {
                throw InputError(where + ": licence binding nests deeper than " +
                                 std::to_string(kMaxBindingJsonDepth) + " levels");
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

} // namespace geolicence::detail
