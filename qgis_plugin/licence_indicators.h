#pragma once

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QgsLayerTreeLayer;
class QgsLayerTreeView;
class QgsLayerTreeViewIndicator;

namespace geolicence::qgis {

class LicenceState;

// An icon in the layer tree for every layer, one per standing for publishing: unlicensed (the
// most visible), stop using (expired or revoked), aggregate before publishing, not permitted,
// permitted with duties, permitted; the tooltip says why, with the clause and the duties. Only the
// indicators of layers that changed are worked out again.
class LicenceIndicators : public QObject {
    Q_OBJECT

public:
    LicenceIndicators(LicenceState* state, QgsLayerTreeView* view, QObject* parent = nullptr);
    ~LicenceIndicators() override;

    // The tooltip shown for a layer, and its indicator (for tests).
    QString toolTipOf(const QString& layer_id) const;
    QgsLayerTreeViewIndicator* indicatorOf(const QString& layer_id) const;

public slots:
    void refresh();

private:
    void removeAll();
    void layerChanged(const QString& layer_id);
    void update();
    void show(QgsLayerTreeLayer* node);
    void drop(QgsLayerTreeLayer* node);

    LicenceState* state_;
    QPointer<QgsLayerTreeView> view_;
    QMap<QgsLayerTreeLayer*, QgsLayerTreeViewIndicator*> indicators_;
    QSet<QString> pending_; // layers whose indicator is out of date
    bool tree_changed_ = false;
    QTimer timer_;
};

} // namespace geolicence::qgis
