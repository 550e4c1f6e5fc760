#pragma once

#include <geolicence/project.h>

#include <filesystem>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace geolicence::detail {

// "true" or "1", as QGIS writes booleans in attributes.
bool isTrue(const pugi::xml_attribute& attribute);

// The checked state of a layer-tree node: anything but "Qt::Unchecked" is checked
// (QgsLayerTreeUtils::checkStateFromXml).
bool isChecked(const pugi::xml_node& node);

// QgsObjectCustomProperties of `node` (its <customproperties> child): 3.20+ writes
// <Option type="Map"> with named children; older versions <property key=".." value=".."/>,
// lists as <value> children (an old-style list gives its first value here).
std::map<std::string, std::string> readCustomProperties(const pugi::xml_node& node);

// A list-valued custom property (e.g. "embedded-invisible-layers"), in either form.
std::vector<std::string> readCustomPropertyList(const pugi::xml_node& node, const std::string& key);

// A <maplayer> element as QGIS reads it. `project_dir` resolves relative data sources; none
// when the project stores absolute paths.
ProjectLayer readMapLayer(const pugi::xml_node& node,
                          const std::optional<std::filesystem::path>& project_dir);

} // namespace geolicence::detail
