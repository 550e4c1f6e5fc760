#pragma once

#include <geolicence/project_services.h>

#include <pugixml.hpp>

namespace geolicence::detail {

// What the project tells QGIS Server to serve, from the parsed project's <qgis> element: the
// server keys of <properties> and each <maplayer>'s flags and server properties.
ProjectServices readProjectServices(const pugi::xml_node& qgis_root);

} // namespace geolicence::detail
