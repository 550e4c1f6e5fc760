#include "qgis_snapshot.h"

#include <geolicence/label_text.h>

#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayoutatlas.h>
#include <qgslayoutitemattributetable.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgsmaplayer.h>
#include <qgsmapthemecollection.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgsrelationmanager.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerjoininfo.h>

namespace geolicence::qgis {

namespace {

std::string text(const QString& value) {
    return value.toStdString();
}

void snapshotTree(const QgsLayerTreeGroup& group, LayerTreeNode& into) {
    for (QgsLayerTreeNode* child : group.children()) {
        LayerTreeNode node;
        node.name = text(child->name());
        node.checked = child->itemVisibilityChecked();
        if (QgsLayerTree::isLayer(child)) {
            node.kind = LayerTreeNode::Kind::Layer;
            node.layer_id = text(QgsLayerTree::toLayer(child)->layerId());
        } else if (QgsLayerTree::isGroup(child)) {
            node.kind = LayerTreeNode::Kind::Group;
            snapshotTree(*QgsLayerTree::toGroup(child), node);
        } else {
            continue;
        }
        into.children.push_back(std::move(node));
    }
}

LayoutMap snapshotMap(const QgsLayoutItemMap& map) {
    LayoutMap model;
    model.id = text(map.id());
    model.uuid = text(map.uuid());
    model.keep_layer_set = map.keepLayerSet();
    for (QgsMapLayer* layer : map.layers()) {
        if (layer != nullptr) {
            model.layer_set.push_back(text(layer->id()));
        }
    }
    model.follow_theme = map.followVisibilityPreset();
    model.theme_name = text(map.followVisibilityPresetName());
    // QGIS evaluates a data-defined layer list itself: the plugin asks it, where the CLI can
    // only take a constant.
    const QgsProperty property = map.dataDefinedProperties().property(QgsLayoutObject::MapLayers);
    if (property.isActive()) {
        bool ok = false;
        const QString names = map.dataDefinedProperties().valueAsString(
            QgsLayoutObject::MapLayers, map.createExpressionContext(), QString(), &ok);
        if (ok) {
            model.data_defined_layers = text(names);
        }
    }
    return model;
}

} // namespace

ProjectLayer snapshotLayer(const QgsMapLayer& layer) {
    ProjectLayer snapshot;
    snapshot.id = text(layer.id());
    snapshot.name = text(layer.name());
    snapshot.provider = text(layer.providerType());
    snapshot.source = text(layer.source());
    snapshot.crs = text(layer.crs().authid());
    for (const QString& key : layer.customPropertyKeys()) {
        snapshot.custom_properties[text(key)] = text(layer.customProperty(key).toString());
    }
    for (const QString& license : layer.metadata().licenses()) {
        snapshot.metadata_licenses.push_back(text(license));
    }
    for (const QString& rights : layer.metadata().rights()) {
        snapshot.metadata_rights.push_back(text(rights));
    }
    if (const auto* vector = qobject_cast<const QgsVectorLayer*>(&layer)) {
        for (const QgsVectorLayerJoinInfo& join : vector->vectorJoins()) {
            snapshot.joined_layer_ids.push_back(text(join.joinLayerId()));
        }
    }
    return snapshot;
}

Project snapshotProject(const QgsProject& project) {
    Project snapshot;
    snapshot.path = text(project.fileName());
    // In the order QGIS writes <projectlayers> (by id, as QgsProject::mapLayers() holds them),
    // which is also the order QGIS finds layers by name in (a data-defined layer list).
    // Every layer, also one outside the layer tree or left out of the layer order (as QGIS
    // leaves invalid layers of QGIS 2 projects): each carries its licence.
    for (QgsMapLayer* layer : project.mapLayers()) {
        snapshot.layers.push_back(snapshotLayer(*layer));
    }
    snapshot.indexLayers();
    QgsLayerTree* root = project.layerTreeRoot();
    snapshotTree(*root, snapshot.layer_tree);
    snapshot.custom_order_enabled = root->hasCustomLayerOrder();
    for (QgsMapLayer* layer : root->customLayerOrder()) {
        if (layer != nullptr) {
            snapshot.custom_order.push_back(text(layer->id()));
        }
    }
    const QgsMapThemeCollection* themes = const_cast<QgsProject&>(project).mapThemeCollection();
    for (const QString& name : themes->mapThemes()) {
        MapTheme theme;
        theme.name = text(name);
        for (const QString& id : themes->mapThemeVisibleLayerIds(name)) {
            theme.visible_layer_ids.push_back(text(id));
        }
        snapshot.themes.push_back(std::move(theme));
    }
    const QMap<QString, QgsRelation> relations =
        const_cast<QgsProject&>(project).relationManager()->relations();
    for (auto it = relations.constBegin(); it != relations.constEnd(); ++it) {
        snapshot.relation_children[text(it.key())] = text(it.value().referencingLayerId());
    }
    return snapshot;
}

Layout snapshotLayout(const QgsPrintLayout& layout) {
    Layout snapshot;
    snapshot.name = text(layout.name());
    QList<QgsLayoutItem*> items;
    layout.layoutItems(items);
    for (QgsLayoutItem* item : items) {
        if (auto* map = qobject_cast<QgsLayoutItemMap*>(item)) {
            snapshot.maps.push_back(snapshotMap(*map));
        } else if (auto* label = qobject_cast<QgsLayoutItemLabel*>(item)) {
            const bool html = label->mode() == QgsLayoutItemLabel::ModeHtml;
            snapshot.labels.push_back({text(label->id()), text(label->uuid()),
                                       labelShownText(text(label->text()), html), html});
        } else if (auto* legend = qobject_cast<QgsLayoutItemLegend*>(item)) {
            LayoutLegend model;
            model.id = text(legend->id());
            model.uuid = text(legend->uuid());
            model.auto_update = legend->autoUpdateModel();
            model.filter_by_map = legend->legendFilterByMapEnabled();
            if (const QgsLayoutItemMap* linked = legend->linkedMap()) {
                model.linked_map_uuid = text(linked->uuid());
            }
            if (!model.auto_update) {
                if (QgsLegendModel* legend_model = legend->model()) {
                    for (const QString& id : legend_model->rootGroup()->findLayerIds()) {
                        model.layers.push_back(text(id));
                    }
                }
            }
            snapshot.legends.push_back(std::move(model));
        }
    }
    if (const QgsLayoutAtlas* atlas = const_cast<QgsPrintLayout&>(layout).atlas()) {
        snapshot.atlas.enabled = atlas->enabled();
        snapshot.atlas.hide_coverage = atlas->hideCoverage();
        if (const QgsVectorLayer* coverage = atlas->coverageLayer()) {
            snapshot.atlas.coverage_layer_id = text(coverage->id());
        }
    }
    for (QgsLayoutMultiFrame* frame : layout.multiFrames()) {
        const auto* table = qobject_cast<const QgsLayoutItemAttributeTable*>(frame);
        if (table == nullptr) {
            continue;
        }
        LayoutTable model;
        switch (table->source()) {
        case QgsLayoutItemAttributeTable::AtlasFeature:
            model.source = LayoutTable::Source::AtlasFeature;
            break;
        case QgsLayoutItemAttributeTable::RelationChildren:
            model.source = LayoutTable::Source::RelationChildren;
            model.relation_id = text(table->relationId());
            break;
        case QgsLayoutItemAttributeTable::LayerAttributes:
            // As QGIS saves it: the layer's id, also when the layer is gone.
            model.layer_id =
                text(table->vectorLayer() != nullptr ? table->vectorLayer()->id() : QString());
            break;
        }
        snapshot.tables.push_back(std::move(model));
    }
    return snapshot;
}

} // namespace geolicence::qgis
