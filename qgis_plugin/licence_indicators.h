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

// An icon in the layer tree for every layer: licensed, restricted (publishing not permitted)
// or unlicensed, with the licence and its key restriction as tooltip. Only the indicators of
// layers that changed are worked out again.
class LicenceIndicators : public QObject {
    Q_OBJECT

public:
    LicenceIndicators(LicenceState* state, QgsLayerTreeView* view, QObject* parent = nullptr);
    ~LicenceIndicators() override;

    // The tooltip shown for a layer, for tests and for the dock.
    QString toolTipOf(const QString& layer_id) const;

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
