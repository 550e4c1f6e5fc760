#include "qgis_snapshot.h"

#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgsmaplayer.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>

namespace geolicence::qgis {

namespace {

std::string text(const QString& value) {
    return value.toStdString();
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
    return snapshot;
}

Project snapshotProject(const QgsProject& project) {
    Project snapshot;
    snapshot.path = text(project.fileName());
    for (QgsMapLayer* layer : project.layerTreeRoot()->layerOrder()) {
        snapshot.layers.push_back(snapshotLayer(*layer));
    }
    // Layers outside the layer tree (rare, but a project can hold them) still carry licences.
    for (QgsMapLayer* layer : project.mapLayers().values()) {
        if (!project.layerTreeRoot()->findLayer(layer->id())) {
            snapshot.layers.push_back(snapshotLayer(*layer));
        }
    }
    snapshot.indexLayers();
    return snapshot;
}

Layout snapshotLayout(const QgsPrintLayout& layout) {
    Layout snapshot;
    snapshot.name = text(layout.name());
    QList<QgsLayoutItem*> items;
    layout.layoutItems(items);
    for (QgsLayoutItem* item : items) {
        if (auto* map = qobject_cast<QgsLayoutItemMap*>(item)) {
            LayoutMap model;
            model.id = text(map->id());
            model.uuid = text(map->uuid());
            model.resolved_layers.emplace();
            for (QgsMapLayer* layer : map->layersToRender()) {
                model.resolved_layers->push_back(text(layer->id()));
            }
            snapshot.maps.push_back(std::move(model));
        } else if (auto* label = qobject_cast<QgsLayoutItemLabel*>(item)) {
            snapshot.labels.push_back(
                {text(label->id()), text(label->uuid()), text(label->currentText())});
        } else if (auto* legend = qobject_cast<QgsLayoutItemLegend*>(item)) {
            LayoutLegend model;
            model.id = text(legend->id());
            model.uuid = text(legend->uuid());
            model.auto_update = false; // listed from the legend's own model, as it prints
            if (QgsLegendModel* legend_model = const_cast<QgsLayoutItemLegend*>(legend)->model()) {
                for (const QString& id : legend_model->rootGroup()->findLayerIds()) {
                    model.layers.push_back(text(id));
                }
            }
            snapshot.legends.push_back(std::move(model));
        }
    }
    return snapshot;
}

} // namespace geolicence::qgis
