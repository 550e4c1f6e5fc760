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
    connect(state_, &LicenceState::changed, this, &LicenceIndicators::refresh);
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
    removeAll();
    if (!view_) {
        return;
    }
    for (QgsLayerTreeLayer* node : QgsProject::instance()->layerTreeRoot()->findLayers()) {
        QgsMapLayer* layer = node->layer();
        if (layer == nullptr) {
            continue;
        }
        const Decision decision = state_->evaluateLayers({layer}, Action::Publish);
        const LayerStatus status = statusOf(decision);
        const LayerBindingResult bound = state_->bindingOf(*layer);
        const LicenceProfile* profile =
            bound.binding ? state_->catalog().find(bound.binding->licence_id) : nullptr;
        auto* indicator = new QgsLayerTreeViewIndicator(this);
        QString tip;
        switch (status) {
        case LayerStatus::Unlicensed:
            indicator->setIcon(QIcon(QStringLiteral(":/geolicence/icons/licence_missing.svg")));
            tip = gtr("No licence: what may be done with this layer is unknown.");
            break;
        case LayerStatus::Prohibited:
            indicator->setIcon(QIcon(QStringLiteral(":/geolicence/icons/licence_restricted.svg")));
            tip = gtr("Licence: %1")
                      .arg(profile ? fromString(profile->title.in(state_->language()))
                                   : fromString(bound.binding->licence_id)) +
                  QStringLiteral("\n") + gtr("Publishing: %1").arg(keyRestriction(decision));
            break;
        case LayerStatus::Permitted:
        case LayerStatus::PermittedWithWarnings:
            indicator->setIcon(QIcon(QStringLiteral(":/geolicence/icons/licence_ok.svg")));
            tip = gtr("Licence: %1")
                      .arg(profile ? fromString(profile->title.in(state_->language()))
                                   : fromString(bound.binding->licence_id));
            if (const QString duties = dutiesText(decision); !duties.isEmpty()) {
                tip += QStringLiteral("\n") + gtr("Duties when publishing:") +
                       QStringLiteral("\n") + duties;
            }
            break;
        }
        indicator->setToolTip(tip);
        view_->addIndicator(node, indicator);
        indicators_.insert(node, indicator);
    }
}

} // namespace geolicence::qgis
