#include "project/layout_xml.h"

#include "project/html_text.h"
#include "project/layer_xml.h"

#include <geolicence/label_text.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>

namespace geolicence::detail {

namespace {

// QGIS's layout item type ids (QgsLayoutItemRegistry: QGraphicsItem::UserType + 100 + n).
constexpr int kLayoutMap = 65639;
constexpr int kLayoutLabel = 65641;
constexpr int kLayoutLegend = 65642;
constexpr int kLayoutAttributeTable = 65649;

// A data-defined property as far as a reader without QGIS can evaluate it.
struct DataDefined {
    bool active = false;
    std::optional<std::string> value; // set when it is a constant
};

// A string literal ('text', no quote inside) is the only expression evaluated here exactly.
std::optional<std::string> stringLiteral(const std::string& expression) {
    if (expression.size() >= 2 && expression.front() == '\'' && expression.back() == '\'' &&
        expression.find('\'', 1) == expression.size() - 1) {
        return expression.substr(1, expression.size() - 2);
    }
    return std::nullopt;
}

// QGIS 3: <LayoutObject><dataDefinedProperties><Option type="Map"><Option name="properties">.
DataDefined dataDefined(const pugi::xml_node& item, const char* name) {
    DataDefined result;
    for (const pugi::xml_node& object : item.children("LayoutObject")) {
        const pugi::xml_node properties =
            object.child("dataDefinedProperties")
                .child("Option")
                .find_child_by_attribute("Option", "name", "properties");
        const pugi::xml_node property = properties.find_child_by_attribute("Option", "name", name);
        if (!property) {
            continue;
        }
        auto value = [&](const char* key) {
            return std::string(property.find_child_by_attribute("Option", "name", key)
                                   .attribute("value")
                                   .as_string());
        };
        result.active = value("active") == "true";
        const std::string type = value("type");
        if (type == "1") { // static value
            result.value = value("val");
        } else if (type == "3") {
            result.value = stringLiteral(value("expression"));
        }
        return result;
    }
    return result;
}

// QGIS 2: <ComposerItem><dataDefinedMapLayers active="true" useExpr="true" expr="..."/>.
DataDefined oldDataDefined(const pugi::xml_node& composer_item, const char* name) {
    DataDefined result;
    const pugi::xml_node property =
        composer_item.select_node((".//" + std::string(name)).c_str()).node();
    if (!property) {
        return result;
    }
    result.active = std::string(property.attribute("active").as_string()) == "true";
    if (std::string(property.attribute("useExpr").as_string()) == "true") {
        result.value = stringLiteral(property.attribute("expr").as_string());
    }
    return result; // a field value depends on the atlas feature: not a constant
}

// Applies the data-defined layer list and theme (QgsLayoutItemMap::layersToRender,
// themeToRender: the theme only overrides a map that follows one).
void applyDataDefined(LayoutMap& map, const DataDefined& layers, const DataDefined& theme) {
    if (layers.active) {
        if (layers.value) {
            map.data_defined_layers = layers.value;
        } else {
            map.data_defined_layers_unresolved = true;
        }
    }
    if (theme.active && map.follow_theme) {
        if (theme.value) {
            map.theme_name = *theme.value;
        } else {
            map.data_defined_layers_unresolved = true;
        }
    }
}

LayoutLegend legendFrom(const pugi::xml_node& element, const std::string& id,
                        const std::string& uuid) {
    LayoutLegend legend;
    legend.id = id;
    legend.uuid = uuid;
    legend.filter_by_map = isTrue(element.attribute("legendFilterByMap"));
    pugi::xml_node tree = element.child("layer-tree");
    if (!tree) {
        tree = element.child("layer-tree-group");
    }
    if (tree) {
        legend.auto_update = false;
        for (const pugi::xpath_node& layer : tree.select_nodes(".//layer-tree-layer")) {
            legend.layers.emplace_back(layer.node().attribute("id").as_string());
        }
    }
    return legend;
}

std::string labelText(const std::string& text, bool html) {
    return labelShownText(text, html);
}

pugi::xml_node firstDescendant(const pugi::xml_node& element, const char* name) {
    return element.select_node((".//" + std::string(name)).c_str()).node();
}

} // namespace

Layout readLayout(const pugi::xml_node& element) {
    Layout layout;
    layout.name = element.attribute("name").as_string();
    for (const pugi::xml_node& item : element.children("LayoutItem")) {
        const int type = item.attribute("type").as_int();
        if (type == kLayoutMap) {
            LayoutMap map;
            map.id = item.attribute("id").as_string();
            map.uuid = item.attribute("uuid").as_string();
            map.keep_layer_set = isTrue(item.attribute("keepLayerSet"));
            map.follow_theme = isTrue(item.attribute("followPreset"));
            map.theme_name = item.attribute("followPresetName").as_string();
            for (const pugi::xml_node& layer : item.child("LayerSet").children("Layer")) {
                map.layer_set.emplace_back(layer.text().as_string());
            }
            applyDataDefined(map, dataDefined(item, "dataDefinedMapLayers"),
                             dataDefined(item, "dataDefinedMapStylePreset"));
            layout.maps.push_back(std::move(map));
        } else if (type == kLayoutLabel) {
            // QgsLayoutItemLabel::Mode: 0 font, 1 HTML.
            const bool html = std::string(item.attribute("htmlState").as_string()) == "1";
            layout.labels.push_back(
                {item.attribute("id").as_string(), item.attribute("uuid").as_string(),
                 labelText(item.attribute("labelText").as_string(), html), html});
        } else if (type == kLayoutLegend) {
            LayoutLegend legend = legendFrom(item, item.attribute("id").as_string(),
                                             item.attribute("uuid").as_string());
            legend.linked_map_uuid = item.attribute("map_uuid").as_string();
            layout.legends.push_back(std::move(legend));
        }
    }
    for (const pugi::xml_node& frame : element.children("LayoutMultiFrame")) {
        if (frame.attribute("type").as_int() != kLayoutAttributeTable) {
            continue;
        }
        LayoutTable table;
        switch (frame.attribute("source").as_int()) {
        case 1:
            table.source = LayoutTable::Source::AtlasFeature;
            break;
        case 2:
            table.source = LayoutTable::Source::RelationChildren;
            table.relation_id = frame.attribute("relationId").as_string();
            break;
        default:
            table.layer_id = frame.attribute("vectorLayer").as_string();
            break;
        }
        layout.tables.push_back(std::move(table));
    }
    // QgsLayoutAtlas::readXml: integers.
    const pugi::xml_node atlas = element.child("Atlas");
    layout.atlas.enabled = atlas.attribute("enabled").as_int() != 0;
    layout.atlas.coverage_layer_id = atlas.attribute("coverageLayer").as_string();
    layout.atlas.hide_coverage = atlas.attribute("hideCoverage").as_int() != 0;
    return layout;
}

namespace {

// Where a composition's items are. QGIS 1.8 kept them next to <Composition>, inside
// <Composer>; QGIS moves them into <Composition> when it upgrades a file that reaches 1.8.0
// along its chain of format transforms (QgsProjectFileTransform::transform1800to1900), last
// first. The converter then finds items under <Composition> only, so a 1.x file whose version
// is not on that chain (e.g. 1.7.1) gets layouts without items, in QGIS as here.
std::vector<pugi::xml_node> itemRoots(const pugi::xml_node& composition, bool moved) {
    std::vector<pugi::xml_node> roots{composition};
    if (!moved || composition != composition.parent().child("Composition")) {
        return roots;
    }
    std::vector<pugi::xml_node> siblings;
    for (const pugi::xml_node& child : composition.parent().children()) {
        if (child.type() == pugi::node_element && std::string(child.name()) != "Composition") {
            siblings.push_back(child);
        }
    }
    roots.insert(roots.end(), siblings.rbegin(), siblings.rend());
    return roots;
}

// Elements named `tag` under the roots, in the order QGIS finds them.
std::vector<pugi::xml_node> itemsNamed(const std::vector<pugi::xml_node>& roots, const char* tag) {
    std::vector<pugi::xml_node> items;
    for (std::size_t i = 0; i < roots.size(); ++i) {
        const std::string query = (i == 0 ? ".//" : "descendant-or-self::") + std::string(tag);
        for (const pugi::xpath_node& found : roots[i].select_nodes(query.c_str())) {
            items.push_back(found.node());
        }
    }
    return items;
}

// Whether QGIS's chain of project file transforms passes 1.8.0 for a file of `version`
// ("1.8.0-Lisboa"): it runs a transform only from the exact version it starts at.
bool chainReaches180(const std::string& version) {
    int major = 0;
    int minor = 0;
    int patch = 0;
    if (std::sscanf(version.c_str(), "%d.%d.%d", &major, &minor, &patch) < 2) {
        return false;
    }
    static const int kChain[][3] = {{0, 8, 0},  {0, 8, 1},  {0, 9, 0}, {0, 9, 1}, {0, 9, 2},
                                    {0, 10, 0}, {0, 11, 0}, {1, 0, 0}, {1, 0, 2}, {1, 1, 0},
                                    {1, 2, 0},  {1, 3, 0},  {1, 4, 0}, {1, 5, 0}, {1, 6, 0},
                                    {1, 7, 0},  {1, 8, 0}};
    for (const auto& step : kChain) {
        if (step[0] == major && step[1] == minor && step[2] == patch) {
            return true;
        }
    }
    return false;
}

Layout readComposition(const pugi::xml_node& composition, const std::string& composer_title,
                       bool moved) {
    Layout layout;
    layout.name = composition.attribute("name").as_string();
    if (layout.name.empty()) {
        layout.name = composition.attribute("title").as_string();
    }
    if (layout.name.empty()) {
        layout.name = composition.parent().attribute("title").as_string();
    }
    if (layout.name.empty()) {
        layout.name = composer_title;
    }
    // The converter reads the maps first (legends refer to them by their 2.x number), then
    // labels, then legends, each in document order.
    std::map<std::string, std::string> map_uuids;
    std::size_t generated = 0;
    auto itemIdentity = [&](const pugi::xml_node& element) {
        const pugi::xml_node item = firstDescendant(element, "ComposerItem");
        std::string uuid = item.attribute("uuid").as_string();
        if (uuid.empty()) { // QGIS makes up one; any unique value does here
            uuid = "{composer-item-" + std::to_string(++generated) + "}";
        }
        return std::make_pair(std::string(item.attribute("id").as_string()), uuid);
    };
    const std::vector<pugi::xml_node> roots = itemRoots(composition, moved);
    for (const pugi::xml_node& element : itemsNamed(roots, "ComposerMap")) {
        const auto [id, uuid] = itemIdentity(element);
        LayoutMap map;
        map.id = id;
        map.uuid = uuid;
        map_uuids[element.attribute("id").as_string()] = uuid;
        map.keep_layer_set = std::string(element.attribute("keepLayerSet").as_string()) == "true";
        map.follow_theme = std::string(element.attribute("followPreset").as_string()) == "true";
        map.theme_name = element.attribute("followPresetName").as_string();
        for (const pugi::xpath_node& layer :
             firstDescendant(element, "LayerSet").select_nodes(".//Layer")) {
            map.layer_set.emplace_back(layer.node().text().as_string());
        }
        const pugi::xml_node item = firstDescendant(element, "ComposerItem");
        applyDataDefined(map, oldDataDefined(item, "dataDefinedMapLayers"),
                         oldDataDefined(item, "dataDefinedMapStylePreset"));
        layout.maps.push_back(std::move(map));
    }
    for (const pugi::xml_node& element : itemsNamed(roots, "ComposerLabel")) {
        const auto [id, uuid] = itemIdentity(element);
        // 2.x stored the HTML check box state: Qt::Checked (2).
        const bool html = element.attribute("htmlState").as_int() == 2;
        layout.labels.push_back(
            {id, uuid, labelText(element.attribute("labelText").as_string(), html), html});
    }
    for (const pugi::xml_node& element : itemsNamed(roots, "ComposerLegend")) {
        const auto [id, uuid] = itemIdentity(element);
        LayoutLegend legend = legendFrom(element, id, uuid);
        const auto linked = map_uuids.find(element.attribute("map").as_string("-1"));
        if (linked != map_uuids.end()) {
            legend.linked_map_uuid = linked->second;
        }
        layout.legends.push_back(std::move(legend));
    }
    // The atlas is read from the composition's parent (the <Composer>): "true"/"false".
    const pugi::xml_node atlas = firstDescendant(composition.parent(), "Atlas");
    layout.atlas.enabled = std::string(atlas.attribute("enabled").as_string()) == "true";
    layout.atlas.coverage_layer_id = atlas.attribute("coverageLayer").as_string();
    layout.atlas.hide_coverage = std::string(atlas.attribute("hideCoverage").as_string()) == "true";
    return layout;
}

} // namespace

std::vector<Layout> readComposers(const pugi::xml_node& qgis) {
    std::vector<Layout> layouts;
    const bool moved = chainReaches180(qgis.attribute("version").as_string());
    for (const pugi::xpath_node& composer : qgis.select_nodes(".//Composer")) {
        const std::string title = composer.node().attribute("title").as_string();
        for (const pugi::xpath_node& composition : composer.node().select_nodes(".//Composition")) {
            Layout layout = readComposition(composition.node(), title, moved);
            // QGIS 3 forbids duplicate layout names; the converter numbers them.
            const std::string original = layout.name;
            for (int number = 2;; ++number) {
                bool duplicate = false;
                for (const Layout& other : layouts) {
                    duplicate = duplicate || other.name == layout.name;
                }
                if (!duplicate) {
                    break;
                }
                layout.name = original + " " + std::to_string(number);
            }
            layouts.push_back(std::move(layout));
        }
    }
    return layouts;
}

} // namespace geolicence::detail
