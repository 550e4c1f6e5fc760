#include "project/layer_xml.h"

#include <geolicence/data_source.h>

namespace geolicence::detail {

bool isTrue(const pugi::xml_attribute& attribute) {
    const std::string value = attribute.as_string();
    return value == "true" || value == "1";
}

bool isChecked(const pugi::xml_node& node) {
    const pugi::xml_attribute checked = node.attribute("checked");
    return !checked || std::string(checked.as_string()) != "Qt::Unchecked";
}

std::map<std::string, std::string> readCustomProperties(const pugi::xml_node& node) {
    std::map<std::string, std::string> properties;
    const pugi::xml_node container = node.child("customproperties");
    if (!container) {
        return properties;
    }
    if (const pugi::xml_node map = container.child("Option")) {
        for (const pugi::xml_node& option : map.children("Option")) {
            const std::string name = option.attribute("name").as_string();
            if (!name.empty() && option.attribute("value")) {
                properties[name] = option.attribute("value").as_string();
            }
        }
    }
    for (const pugi::xml_node& property : container.children("property")) {
        const std::string key = property.attribute("key").as_string();
        if (key.empty()) {
            continue;
        }
        if (property.attribute("value")) {
            properties[key] = property.attribute("value").as_string();
        } else if (const pugi::xml_node value = property.child("value")) {
            properties[key] = value.text().as_string();
        }
    }
    return properties;
}

std::vector<std::string> readCustomPropertyList(const pugi::xml_node& node,
                                                const std::string& key) {
    std::vector<std::string> values;
    const pugi::xml_node container = node.child("customproperties");
    const pugi::xml_node list =
        container.child("Option").find_child_by_attribute("Option", "name", key.c_str());
    for (const pugi::xml_node& item : list.children("Option")) {
        values.emplace_back(item.attribute("value").as_string());
    }
    const pugi::xml_node property =
        container.find_child_by_attribute("property", "key", key.c_str());
    if (property.attribute("value")) { // a list of one, as QGIS 2.x/3.0 sometimes stored it
        values.emplace_back(property.attribute("value").as_string());
    }
    for (const pugi::xml_node& value : property.children("value")) {
        values.emplace_back(value.text().as_string());
    }
    return values;
}

ProjectLayer readMapLayer(const pugi::xml_node& node,
                          const std::optional<std::filesystem::path>& project_dir) {
    ProjectLayer layer;
    layer.id = node.child("id").text().as_string();
    layer.name = node.child("layername").text().as_string();
    layer.type = node.attribute("type").as_string();
    const std::string source = node.child("datasource").text().as_string();
    if (const pugi::xml_node provider = node.child("provider")) {
        layer.provider = provider.text().as_string();
    } else if (layer.type == "vector") {
        // QgsVectorLayer::readXml guesses for a file without one; QgsRasterLayer takes GDAL.
        layer.provider = source.find("dbname=") != std::string::npos ? "postgres" : "ogr";
    } else if (layer.type == "raster") {
        layer.provider = "gdal";
    }
    layer.source = project_dir ? resolveDataSource(layer.provider, source, *project_dir) : source;
    layer.crs = node.child("srs").child("spatialrefsys").child("authid").text().as_string();
    layer.custom_properties = readCustomProperties(node);
    for (const pugi::xml_node& join : node.child("vectorjoins").children("join")) {
        const std::string joined = join.attribute("joinLayerId").as_string();
        if (!joined.empty()) {
            layer.joined_layer_ids.push_back(joined);
        }
    }
    if (const pugi::xml_node metadata = node.child("resourceMetadata")) {
        for (const pugi::xml_node& rights : metadata.children("rights")) {
            layer.metadata_rights.emplace_back(rights.text().as_string());
        }
        for (const pugi::xml_node& license : metadata.children("license")) {
            layer.metadata_licenses.emplace_back(license.text().as_string());
        }
    }
    return layer;
}

} // namespace geolicence::detail
