#include "licence_indicators.h"

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

QString LicenceIndicators::toolTipOf(const QString& layer_id) const {
    for (auto it = indicators_.begin(); it != indicators_.end(); ++it) {
        if (it.key()->layerId() == layer_id) {
            return it.value()->toolTip();
        }
    }
    return QString();
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
    const Decision decision = state_->evaluateLayers({layer}, Action::Publish);
    const LayerStatus status = statusOf(decision);
    const LayerBindingResult bound = state_->bindingOf(*layer);
    const LicenceProfile* profile =
        bound.binding ? state_->catalog().find(bound.binding->licence_id) : nullptr;
    const QString title = profile != nullptr ? fromString(profile->title.in(state_->language()))
                          : bound.binding    ? fromString(bound.binding->licence_id)
                                             : QString();
    auto* indicator = new QgsLayerTreeViewIndicator(this);
    QString tip;
    switch (status) {
    case LayerStatus::Unlicensed:
        indicator->setIcon(QIcon(QStringLiteral(":/geolicence/icons/licence_missing.svg")));
        tip = gtr("No licence: what may be done with this layer is unknown. Choose one on the "
                  "Licence page of its Layer Properties.");
        break;
    case LayerStatus::Prohibited:
        indicator->setIcon(QIcon(QStringLiteral(":/geolicence/icons/licence_restricted.svg")));
        tip = gtr("Licence: %1").arg(title) + QStringLiteral("\n") +
              gtr("Publishing: %1").arg(keyRestriction(decision));
        break;
    case LayerStatus::Permitted:
    case LayerStatus::PermittedWithWarnings:
        indicator->setIcon(QIcon(QStringLiteral(":/geolicence/icons/licence_ok.svg")));
        tip = gtr("Licence: %1").arg(title);
        if (const QString duties = dutiesText(decision); !duties.isEmpty()) {
            tip += QStringLiteral("\n") + gtr("Duties when publishing:") + QStringLiteral("\n") +
                   duties;
        }
        break;
    }
    indicator->setToolTip(tip);
    view_->addIndicator(node, indicator);
    indicators_.insert(node, indicator);
}

} // namespace geolicence::qgis
