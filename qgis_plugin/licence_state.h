#pragma once

#include "plugin_settings.h"

#include <geolicence/catalog.h>
#include <geolicence/evaluation.h>
#include <geolicence/layer_binding.h>
#include <geolicence/measured_precision.h>
#include <geolicence/project_binding.h>
#include <geolicence/project_check.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <map>
#include <memory>
#include <optional>

class QgsGeometry;
class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;

namespace geolicence::qgis {

// What the plugin knows about the project's licences: the catalog, each layer's binding and
// the decisions for it; every decision comes from libgeolicence.
//
// Its cost follows what changed, not the size of the project: a layer's binding (which may
// read a sidecar or the GeoPackage's metadata) and its measured precision are kept until that
// layer's licence properties, metadata, source or data change, and changes are announced per
// layer (layerChanged). While QGIS reads a project, nothing is announced; changed() comes once
// when the project is read.
class LicenceState : public QObject {
    Q_OBJECT

public:
    explicit LicenceState(QgsProject* project, QObject* parent = nullptr);
    ~LicenceState() override;

    // Re-reads settings and the catalog: standardCatalog (bundled profiles, environment,
    // settings folders), as the CLI assembles it.
    void reload();
    const Catalog& catalog() const { return *catalog_; }
    const PluginSettings& settings() const { return settings_; }
    // What could not be read of the catalog or the territory, for the panel; empty when all is
    // well.
    QString catalogError() const;
    // True when the organisation's profiles could not be read: the bundled ones are shown, but
    // every decision fails (`catalog-unreadable`), as `geolicence` refuses to judge then.
    bool catalogIncomplete() const { return !catalog_error_.isEmpty(); }
    // The settings' defaults for bindings (the role), applied as the CLI applies --role.
    BindingDefaults bindingDefaults() const;
    // The language of the plugin's texts and of the licences' messages: the plugin's setting,
    // else QGIS's own user interface language, as it was when the plugin started (a change
    // takes effect after a restart, so texts are never mixed).
    Language language() const { return language_; }
    static QString languageCode(const PluginSettings& settings);

    // The binding of one layer (bindProjectLayer: the core's binding path, the organisation's
    // defaults applied), made once per change of the layer.
    LayerBindingResult bindingOf(const QgsMapLayer& layer) const;
    // The layer as the engine sees it: its binding, with a `cell_size_m` claim replaced by
    // the precision measured from its features (the core's measurement, as `geolicence check`
    // makes it for data files; without a claim the layer counts as exact), and the facts
    // measured about it. What is wrong with its binding (invalid-binding, binding-conflict)
    // goes to `problems`, what the measurement found to `notes`.
    LayerInput inputOf(const QgsMapLayer& layer) const;
    LayerInput inputOf(const QgsMapLayer& layer, std::vector<Finding>& problems,
                       std::vector<Finding>* notes = nullptr) const;

    // The organisation's default context (purpose; today as the date) for `action`.
    EvaluationRequest request(Action action) const;

    // The layers' decision, with their binding problems and, when the catalog could not be
    // read, `catalog-unreadable`. One layer's decision is kept until that layer (or the
    // settings) change, so the panel and the indicators share it.
    Decision evaluateLayers(const QList<QgsMapLayer*>& layers, Action action) const;
    // Evaluates `inputs` as evaluateLayers does (for callers that set their own context).
    Decision decide(const EvaluationRequest& request, const std::vector<LayerInput>& inputs,
                    std::vector<Finding> problems) const;

    // The layout check QGIS runs before an export: the layers its maps render, and the
    // attributions and legends it owes, verified on the layout. The project and the layout
    // are taken as the core's model (qgis_snapshot.h) and judged by checkProject, exactly as
    // `geolicence check PROJECT --layout NAME` judges the saved project.
    CheckResult checkLayout(const QgsPrintLayout& layout, Action action) const;

    // True when the layer's licence prohibits publishing it as it is but permits it aggregated
    // to 1 km (NDFF N4): the plugin then offers "Aggregate to 1 km grid…".
    bool demandsAggregation(const QgsMapLayer& layer) const;

    // Forgets what is known of the layers whose data source is `path` (a licence was just
    // written into or beside it).
    void refreshLayersOnFile(const QString& path);

    bool projectIsLoading() const { return loading_; }

    static bool layoutIsInternal(const QgsPrintLayout& layout);
    static void setLayoutInternal(QgsPrintLayout& layout, bool internal);

signals:
    // Anything may have changed (catalog, settings, a project was read or cleared).
    void changed();
    // The settings or the catalog changed (reload()).
    void settingsChanged();
    // One layer's licence, precision or name changed, or the layer was added.
    void layerChanged(const QString& layer_id);
    void layersRemoved(const QStringList& layer_ids);
    // The layer tree's order or membership changed.
    void layerOrderChanged();

private:
    struct Entry {
        LayerBindingResult bound;
        std::vector<Finding> problems;              // what is wrong with the binding
        std::optional<MeasuredPrecision> precision; // measured when first needed
        std::optional<bool> within_territory;
        std::map<Action, Decision> decisions; // this layer alone, decided on `decided_on`
        std::optional<Date> decided_on;
        // The layers it shows besides its own data (a virtual layer's, a join's): their
        // licences are part of its binding, so a change to one of them binds it afresh.
        std::vector<std::string> references;
    };

    void watchLayers(const QList<QgsMapLayer*>& layers);
    void invalidate(const QString& layer_id, bool data_only = false);
    // Drops the cached entries of the layers that show `layer_id`'s data, and of theirs.
    void invalidateDependents(const QString& layer_id);
    void loadTerritory();
    Entry& entryOf(const QgsMapLayer& layer) const;
    MeasuredPrecision measure(const QgsMapLayer& layer) const;
    std::optional<bool> withinTerritory(const QgsMapLayer& layer) const;
    void addCatalogProblem(Decision& decision) const;

    QPointer<QgsProject> project_;
    PluginSettings settings_;
    Language language_ = Language::English;
    std::unique_ptr<Catalog> catalog_;
    std::unique_ptr<LayerBinder> binder_;
    std::unique_ptr<QgsGeometry> territory_;
    QString territory_crs_;
    QString catalog_error_;
    QString territory_error_;
    bool loading_ = false;
    mutable QHash<QString, Entry> cache_;
};

} // namespace geolicence::qgis
