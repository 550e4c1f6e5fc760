#include "licence_indicators.h"

#include "layer_standing.h"
#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <qgslayertree.h>
#include <qgslayertreeview.h>
#include <qgslayertreeviewindicator.h>
#include <qgsproject.h>

namespace geolicence::qgis {

LicenceIndicators::LicenceIndicators(LicenceState* state, QgsLayerTreeView* view, QObject* parent)
    : QObject(parent), state_(state), view_(view) {
    timer_.setSingleShot(true);
    timer_.setInterval(0);
    connect(&timer_, &QTimer::timeout, this, &LicenceIndicators::update);
    connect(state_, &LicenceState::changed, this, &LicenceIndicators::refresh);
    connect(state_, &LicenceState::layerChanged, this, &LicenceIndicators::layerChanged);
    connect(state_, &LicenceState::layerOrderChanged, this, [this] {
        tree_changed_ = true;
        timer_.start();
    });
    connect(state_, &LicenceState::layersRemoved, this, [this] {
        tree_changed_ = true;
        timer_.start();
    });
    refresh();
}

LicenceIndicators::~LicenceIndicators() {
    removeAll();
}

void LicenceIndicators::removeAll() {
    for (auto it = indicators_.begin(); it != indicators_.end(); ++it) {
        if (view_) {
            view_->removeIndicator(it.key(), it.value());
        }
        delete it.value();
    }
    indicators_.clear();
}

QgsLayerTreeViewIndicator* LicenceIndicators::indicatorOf(const QString& layer_id) const {
    for (auto it = indicators_.begin(); it != indicators_.end(); ++it) {
        if (it.key()->layerId() == layer_id) {
            return it.value();
        }
    }
    return nullptr;
}

QString LicenceIndicators::toolTipOf(const QString& layer_id) const {
    const QgsLayerTreeViewIndicator* indicator = indicatorOf(layer_id);
    return indicator != nullptr ? indicator->toolTip() : QString();
}

void LicenceIndicators::refresh() {
    timer_.stop();
    pending_.clear();
    tree_changed_ = false;
    removeAll();
    if (!view_) {
        return;
    }
    for (QgsLayerTreeLayer* node : QgsProject::instance()->layerTreeRoot()->findLayers()) {
        show(node);
    }
}

void LicenceIndicators::layerChanged(const QString& layer_id) {
    pending_.insert(layer_id);
    timer_.start();
}

void LicenceIndicators::update() {
    if (!view_) {
        return;
    }
    const QList<QgsLayerTreeLayer*> nodes = QgsProject::instance()->layerTreeRoot()->findLayers();
    if (tree_changed_) {
        // Nodes that left the tree lose their indicator, new ones get one.
        const QSet<QgsLayerTreeLayer*> present(nodes.begin(), nodes.end());
        for (QgsLayerTreeLayer* node : indicators_.keys()) {
            if (!present.contains(node)) {
                drop(node); // the view only compares the pointer of a node that is gone
            }
        }
        for (QgsLayerTreeLayer* node : nodes) {
            if (!indicators_.contains(node)) {
                pending_.insert(node->layerId());
            }
        }
        tree_changed_ = false;
    }
    for (QgsLayerTreeLayer* node : nodes) {
        if (pending_.contains(node->layerId())) {
            show(node);
        }
    }
    pending_.clear();
}

void LicenceIndicators::drop(QgsLayerTreeLayer* node) {
    if (QgsLayerTreeViewIndicator* old = indicators_.take(node)) {
        view_->removeIndicator(node, old);
        delete old;
    }
}

void LicenceIndicators::show(QgsLayerTreeLayer* node) {
    drop(node);
    QgsMapLayer* layer = node->layer();
    if (layer == nullptr) {
        return;
    }
    const LayerStanding standing = standingOf(*state_, *layer, Action::Publish);
    QStringList tip;
    switch (standing.standing) {
    case Standing::Unlicensed:
        tip << gtr("No licence: what may be done with this layer is unknown. Choose one on the "
                   "Licence page of its Layer Properties.");
        break;
    case Standing::StopUsing:
        tip << gtr("Stop using this layer: its licence no longer allows any use.");
        break;
    case Standing::AggregateFirst:
        tip << gtr("Aggregate before publishing: this layer may be published only as grid "
                   "cells (Aggregate to 1 km grid…).");
        break;
    default:
        tip << gtr("Publishing: %1").arg(standingLabel(standing.standing));
        break;
    }
    if (standing.licence_count > 1) {
        tip << gtr("Licences (each applies): %1").arg(standing.title);
    } else if (!standing.title.isEmpty()) {
        tip << gtr("Licence: %1").arg(standing.title);
    }
    if (!standing.derived_from.isEmpty()) {
        tip << gtr("Derived from:") + QStringLiteral("\n") +
                   standing.derived_from.join(QLatin1Char('\n'));
    }
    if (!standing.reason.isEmpty() && standing.standing != Standing::Unlicensed) {
        tip << standing.reason;
    }
    if (!standing.citation.isEmpty()) {
        tip << gtr("Clause: %1").arg(standing.citation);
    }
    if (!standing.duties.isEmpty()) {
        tip << gtr("Duties when publishing:") + QStringLiteral("\n") +
                   standing.duties.join(QLatin1Char('\n'));
    }
    auto* indicator = new QgsLayerTreeViewIndicator(this);
    indicator->setObjectName(QStringLiteral("geolicence:") + standingKey(standing.standing));
    indicator->setIcon(standingIcon(standing.standing));
    indicator->setToolTip(tip.join(QLatin1Char('\n')));
    view_->addIndicator(node, indicator);
    indicators_.insert(node, indicator);
}

} // namespace geolicence::qgis
