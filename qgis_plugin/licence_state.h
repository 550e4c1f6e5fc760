#pragma once

#include "plugin_settings.h"

#include <geolicence/catalog.h>
#include <geolicence/evaluation.h>
#include <geolicence/layer_binding.h>
#include <geolicence/project_check.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

class QgsGeometry;
class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;

namespace geolicence::qgis {

// What the plugin knows about the project's licences: the catalog, each layer's binding and
// the decisions for it. It re-evaluates when layers come, go or change their licence
// properties, and says so with changed(); every decision comes from libgeolicence.
class LicenceState : public QObject {
    Q_OBJECT

public:
    explicit LicenceState(QgsProject* project, QObject* parent = nullptr);
    ~LicenceState() override;

    // Re-reads settings and the catalog (bundled profiles + settings folders + environment).
    void reload();
    const Catalog& catalog() const { return *catalog_; }
    const PluginSettings& settings() const { return settings_; }
    QString catalogError() const { return catalog_error_; }
    Language language() const;

    // The binding of one layer, with the organisation's default role filled in.
    LayerBindingResult bindingOf(const QgsMapLayer& layer) const;
    LayerInput inputOf(const QgsMapLayer& layer) const;
    // The same, adding what is wrong with the layer's binding (invalid-binding,
    // binding-conflict) to `problems`.
    LayerInput inputOf(const QgsMapLayer& layer, std::vector<Finding>& problems) const;

    // The organisation's default context (purpose; today as the date) for `action`.
    EvaluationRequest request(Action action) const;

    Decision evaluateLayers(const QList<QgsMapLayer*>& layers, Action action) const;

    // The layout check QGIS runs before an export: the layers its maps render, and the
    // attributions and legends it owes, verified on the layout.
    CheckResult checkLayout(const QgsPrintLayout& layout, Action action) const;

    // True when the layer's licence prohibits publishing it exactly but permits it aggregated
    // to 1 km (NDFF N4): the plugin then offers "Export aggregated to 1 km grid".
    bool demandsAggregation(const QgsMapLayer& layer) const;

    static bool layoutIsInternal(const QgsPrintLayout& layout);
    static void setLayoutInternal(QgsPrintLayout& layout, bool internal);

signals:
    void changed();

private:
    void watchLayers(const QList<QgsMapLayer*>& layers);
    void loadTerritory();

    QPointer<QgsProject> project_;
    PluginSettings settings_;
    std::unique_ptr<Catalog> catalog_;
    std::unique_ptr<LayerBinder> binder_;
    std::unique_ptr<QgsGeometry> territory_;
    QString territory_crs_;
    QString catalog_error_;
};

} // namespace geolicence::qgis
