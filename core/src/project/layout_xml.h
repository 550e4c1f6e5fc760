#pragma once

#include <geolicence/project.h>

#include <pugixml.hpp>
#include <vector>

namespace geolicence::detail {

// A QGIS 3 <Layout>: its maps (and how each chooses its layers), labels, legends and atlas.
Layout readLayout(const pugi::xml_node& element);

// QGIS 1.x/2.x print composers (<Composer><Composition>…) as the layouts QGIS 3.22 converts
// them to when it opens the project (QgsLayoutManager::readXml, QgsCompositionConverter):
// named after the composition or the composer's title, duplicate names numbered ("Name 2"),
// maps, labels (HTML ones as the text they show), legends and the atlas.
std::vector<Layout> readComposers(const pugi::xml_node& qgis);

} // namespace geolicence::detail
