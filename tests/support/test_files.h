#pragma once

#include <string>
#include <utility>
#include <vector>

namespace geolicence::test {

// Writes `content` (any bytes) to dir/name; returns the path.
std::string writeFile(const std::string& dir, const std::string& name, const std::string& content);

// The whole file as bytes ("" when it cannot be read).
std::string readFile(const std::string& path);

// Writes a .qgz with `entries` (name, content) using libzip, as QGIS does; returns the path.
std::string writeZip(const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& entries);

// The names in a directory, sorted: to see that nothing (staging directories, partial files)
// was left beside what a test put there.
std::vector<std::string> filesIn(const std::string& dir);

} // namespace geolicence::test
