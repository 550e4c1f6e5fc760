#include <geolicence/value.h>

#include <cmath>
#include <cstdio>

namespace geolicence {

namespace {
struct DisplayVisitor {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(double d) const {
        char buffer[32];
        if (std::floor(d) == d && std::fabs(d) < 1e15) {
            std::snprintf(buffer, sizeof buffer, "%.0f", d);
        } else {
            std::snprintf(buffer, sizeof buffer, "%g", d);
        }
        return buffer;
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const Date& d) const { return d.toString(); }
};
} // namespace

std::string toDisplayString(const Value& value) {
    return std::visit(DisplayVisitor{}, value);
}

} // namespace geolicence
