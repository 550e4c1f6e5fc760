#pragma once

#include <stdexcept>
#include <string>

namespace geolicence {

// Base of every error the core throws on purpose; anything else is a bug.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input: a missing or corrupt file, an invalid licence profile, an option value of the
// wrong type. The message names the file (where there is one) and what is wrong.
class InputError : public Error {
public:
    using Error::Error;
};

// A licence profile that cannot be used. Carries the position so editors can jump to it.
class ProfileError : public InputError {
public:
    ProfileError(std::string file, int line, int column, std::string detail)
        : InputError(format(file, line, column, detail)), file_(std::move(file)), line_(line),
          column_(column), detail_(std::move(detail)) {}

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }
    const std::string& detail() const { return detail_; }

private:
    static std::string format(const std::string& file, int line, int column,
                              const std::string& detail) {
        if (line <= 0) {
            return file + ": " + detail;
        }
        return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + detail;
    }

    std::string file_;
    int line_;
    int column_;
    std::string detail_;
};

} // namespace geolicence
