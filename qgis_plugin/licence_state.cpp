#include "licence_state.h"

#include "qgis_snapshot.h"
#include "translate.h"

#include <geolicence/data_source.h>
#include <geolicence/errors.h>
#include <geolicence/layer_references.h>
#include <geolicence/rule_ids.h>
#include <geolicence/standard_catalog.h>

#include <QDate>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#include <cstdlib>
#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgsmaplayer.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerjoinbuffer.h>

namespace geolicence::qgis {

namespace {
const QString kInternalProperty = QStringLiteral("geolicence/internal");
} // namespace

LicenceState::LicenceState(QgsProject* project, QObject* parent)
    : QObject(parent), project_(project) {
    const PluginSettings settings = PluginSettings::load();
    language_ = languageCode(settings) == QLatin1String("nl") ? Language::Dutch : Language::English;
    reload();
    connect(project, &QgsProject::layersAdded, this, [this](const QList<QgsMapLayer*>& layers) {
        // A layer may have been judged before it was added (a Processing output bound while
        // outside the project), and its changes were not watched then: it is bound afresh.
        for (QgsMapLayer* layer : layers) {
            cache_.remove(layer->id());
        }
        watchLayers(layers);
        if (!loading_) {
            for (QgsMapLayer* layer : layers) {
                emit layerChanged(layer->id());
            }
        }
    });
    connect(project, &QgsProject::layersRemoved, this, [this](const QStringList& ids) {
        for (const QString& id : ids) {
            cache_.remove(id);
            invalidateDependents(id); // a virtual layer over it now shows an unknown source
        }
        if (!loading_) {
            emit layersRemoved(ids);
        }
    });
    // A project being read announces every layer as it comes; the plugin waits for the end.
    connect(project, &QgsProject::layerLoaded, this, [this](int, int) { loading_ = true; });
    connect(project, &QgsProject::loadingLayer, this, [this] { loading_ = true; });
    connect(project, &QgsProject::readProject, this, [this] {
        loading_ = false;
        emit changed();
    });
    connect(project, &QgsProject::cleared, this, [this] {
        cache_.clear();
        emit changed();
    });
    // QGIS may put a new layer into the layer tree after announcing it; the dock and the
    // indicators follow the tree.
    connect(project->layerTreeRoot(), &QgsLayerTree::layerOrderChanged, this, [this] {
        if (!loading_) {
            emit layerOrderChanged();
        }
    });
    watchLayers(project->mapLayers().values());
}

LicenceState::~LicenceState() = default;

QString LicenceState::languageCode(const PluginSettings& settings) {
    if (!settings.language.isEmpty()) {
        return settings.language;
    }
    // QGIS's user interface language (Settings › Options › General), not the number format.
    const QString qgis = QgsApplication::instance() != nullptr
                             ? QgsApplication::instance()->translation()
                             : QString();
    return (qgis.isEmpty() ? QLocale().name() : qgis).left(2);
}

void LicenceState::watchLayers(const QList<QgsMapLayer*>& layers) {
    for (QgsMapLayer* layer : layers) {
        const QString id = layer->id();
        connect(layer, &QgsMapLayer::customPropertyChanged, this, [this, id](const QString& key) {
            if (key.startsWith(QLatin1String("geolicence/"))) {
                invalidate(id);
            }
        });
        connect(layer, &QgsMapLayer::metadataChanged, this, [this, id] { invalidate(id); });
        connect(layer, &QgsMapLayer::dataSourceChanged, this, [this, id] { invalidate(id); });
        // The name is in every finding about the layer: what was decided is said anew.
        connect(layer, &QgsMapLayer::nameChanged, this, [this, id] { invalidate(id); });
        if (auto* vector = qobject_cast<QgsVectorLayer*>(layer)) {
            // A join added or removed changes what the layer shows, and so its licences.
            // (QGIS 3.22 announces an added or removed join through the changed fields.)
            connect(vector, &QgsVectorLayer::updatedFields, this, [this, id] { invalidate(id); });
            connect(vector->joinBuffer(), &QgsVectorLayerJoinBuffer::joinedFieldsChanged, this,
                    [this, id] { invalidate(id); });
            // Edited features may make exact data out of grid cells, or the other way round.
            connect(vector, &QgsVectorLayer::dataChanged, this,
                    [this, id] { invalidate(id, true); });
            connect(vector, &QgsVectorLayer::layerModified, this,
                    [this, id] { invalidate(id, true); });
        }
    }
}

void LicenceState::invalidate(const QString& layer_id, bool data_only) {
    auto it = cache_.find(layer_id);
    if (it != cache_.end()) {
        if (data_only) {
            if (!it->precision && !it->within_territory) {
                return; // nothing measured yet, so nothing to announce either
            }
            it->precision.reset();
            it->within_territory.reset();
            it->decisions.clear();
        } else {
            cache_.erase(it);
        }
    }
    if (!data_only) {
        invalidateDependents(layer_id);
    }
    if (!loading_) {
        emit layerChanged(layer_id);
    }
}

void LicenceState::invalidateDependents(const QString& layer_id) {
    const std::string id = layer_id.toStdString();
    QStringList dependents;
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
        if (std::find(it->references.begin(), it->references.end(), id) != it->references.end()) {
            dependents.push_back(it.key());
        }
    }
    for (const QString& dependent : dependents) {
        invalidate(dependent); // and the layers that show this one in turn
    }
}

void LicenceState::refreshLayersOnFile(const QString& path) {
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (QgsMapLayer* layer : project_->mapLayers().values()) {
        const auto file =
            dataSourceFile(layer->providerType().toStdString(), layer->source().toStdString());
        if (file &&
            QFileInfo(QString::fromStdString(file->path.string())).absoluteFilePath() == wanted) {
            invalidate(layer->id());
        }
    }
}

void LicenceState::reload() {
    settings_ = PluginSettings::load();
    catalog_error_.clear();
    territory_error_.clear();
    cache_.clear();
    std::vector<std::filesystem::path> directories;
    for (const QString& directory : settings_.catalog_dirs) {
        directories.emplace_back(directory.toStdString());
    }
    try {
        catalog_ = std::make_unique<Catalog>(standardCatalog(directories));
    } catch (const InputError& e) {
        // The bundled profiles stay visible, but nothing is judged without the organisation's
        // own reading of a licence (addCatalogProblem), as the CLI refuses to judge then.
        catalog_error_ = QString::fromStdString(e.what());
        catalog_ = std::make_unique<Catalog>(CatalogBuilder().addBundled().build());
    }
    binder_ = std::make_unique<LayerBinder>(*catalog_);
    loadTerritory();
    emit settingsChanged();
    emit changed();
}

QString LicenceState::catalogError() const {
    if (catalog_error_.isEmpty() || territory_error_.isEmpty()) {
        return catalog_error_ + territory_error_;
    }
    return catalog_error_ + QLatin1Char('\n') + territory_error_;
}

BindingDefaults LicenceState::bindingDefaults() const {
    BindingDefaults defaults;
    if (!settings_.role.isEmpty()) {
        defaults.role = settings_.role.toStdString();
    }
    return defaults;
}

void LicenceState::addCatalogProblem(Decision& decision) const {
    if (catalog_error_.isEmpty()) {
        return;
    }
    const std::string message =
        (language_ == Language::Dutch
             ? "De licentieprofielen van de organisatie konden niet gelezen worden, dus er wordt "
               "niets beoordeeld: "
             : "The organisation's licence profiles could not be read, so nothing is judged: ") +
        catalog_error_.toStdString();
    addBindingProblems(decision, {Finding{Severity::Error, "", "", "", rule_ids::kCatalogUnreadable,
                                          message, ""}});
}

void LicenceState::loadTerritory() {
    territory_.reset();
    if (settings_.territory_file.isEmpty()) {
        return;
    }
    QgsVectorLayer territory(settings_.territory_file, QStringLiteral("territory"),
                             QStringLiteral("ogr"));
    if (!territory.isValid()) {
        territory_error_ = gtr("Territory file %1 cannot be read").arg(settings_.territory_file);
        return;
    }
    QVector<QgsGeometry> parts;
    QgsFeature feature;
    QgsFeatureIterator it = territory.getFeatures();
    while (it.nextFeature(feature)) {
        parts.push_back(feature.geometry());
    }
    territory_ = std::make_unique<QgsGeometry>(QgsGeometry::unaryUnion(parts));
    territory_crs_ = territory.crs().authid();
}

LicenceState::Entry& LicenceState::entryOf(const QgsMapLayer& layer) const {
    auto it = cache_.find(layer.id());
    if (it != cache_.end()) {
        return *it;
    }
    Entry entry;
    // The core's binding path, as `geolicence check` binds the saved project's layers; the
    // layers a virtual layer or a join shows are looked up in the project as they are now.
    const ProjectLayer snapshot = snapshotLayer(layer);
    const ProjectLayerLookup lookup = [this](const std::string& id) -> std::optional<ProjectLayer> {
        const QgsMapLayer* referenced = project_->mapLayer(QString::fromStdString(id));
        return referenced == nullptr ? std::nullopt
                                     : std::optional<ProjectLayer>(snapshotLayer(*referenced));
    };
    bindProjectLayer(*binder_, *catalog_, snapshot, bindingDefaults(), language_, entry.problems,
                     &entry.bound, lookup);
    entry.references = layerReferences(snapshot).layer_ids;
    return *cache_.insert(layer.id(), std::move(entry));
}

LayerBindingResult LicenceState::bindingOf(const QgsMapLayer& layer) const {
    return entryOf(layer).bound;
}

// The vertices of the layer's features, as QGIS delivers them (edits included), fed to the
// core's meter until the answer is certain: the same measurement `geolicence check` makes.
MeasuredPrecision LicenceState::measure(const QgsMapLayer& layer) const {
    const auto* vector = qobject_cast<const QgsVectorLayer*>(&layer);
    if (vector == nullptr || !vector->isSpatial()) {
        MeasuredPrecision none;
        none.why_not = vector == nullptr ? "it is not a vector layer" : "the layer has no geometry";
        return none;
    }
    if (!vector->isValid()) {
        // Its data is missing: no features to measure, which must not pass for "none to leak".
        MeasuredPrecision none;
        none.why_not = "its data cannot be read";
        return none;
    }
    const QgsCoordinateReferenceSystem crs = vector->crs();
    PrecisionMeter meter(crs.isValid()
                             ? crs.toWkt(QgsCoordinateReferenceSystem::WKT2_2019).toStdString()
                             : std::string());
    QgsFeatureRequest request;
    request.setNoAttributes();
    QgsFeatureIterator it = vector->getFeatures(request);
    QgsFeature feature;
    while (meter.undecided() && it.nextFeature(feature)) {
        const QgsGeometry geometry = feature.geometry();
        if (geometry.isNull()) {
            continue;
        }
        for (auto vertex = geometry.vertices_begin(); vertex != geometry.vertices_end(); ++vertex) {
            const QgsPoint point = *vertex;
            meter.add(point.x(), point.y());
        }
    }
    return meter.result();
}

std::optional<bool> LicenceState::withinTerritory(const QgsMapLayer& layer) const {
    if (!territory_ || territory_->isEmpty()) {
        return std::nullopt;
    }
    Entry& entry = entryOf(layer);
    if (entry.within_territory) {
        return entry.within_territory;
    }
    // N1: a layer reaching outside the licensed territory is a warning of its own.
    QgsRectangle extent = layer.extent();
    const QgsCoordinateReferenceSystem target(territory_crs_);
    if (layer.crs().isValid() && target.isValid() && layer.crs() != target) {
        try {
            const QgsCoordinateTransform transform(layer.crs(), target, project_);
            extent = transform.transformBoundingBox(extent);
        } catch (const QgsCsException&) {
            return std::nullopt;
        }
    }
    if (extent.isNull()) {
        return std::nullopt;
    }
    // A layer of one point (or of points on a line) has an extent without area.
    QgsGeometry footprint;
    if (extent.width() > 0 && extent.height() > 0) {
        footprint = QgsGeometry::fromRect(extent);
    } else if (extent.width() > 0 || extent.height() > 0) {
        footprint = QgsGeometry::fromPolylineXY({QgsPointXY(extent.xMinimum(), extent.yMinimum()),
                                                 QgsPointXY(extent.xMaximum(), extent.yMaximum())});
    } else {
        footprint = QgsGeometry::fromPointXY(extent.center());
    }
    entry.within_territory = territory_->contains(footprint);
    return entry.within_territory;
}

LayerInput LicenceState::inputOf(const QgsMapLayer& layer) const {
    std::vector<Finding> ignored;
    return inputOf(layer, ignored);
}

LayerInput LicenceState::inputOf(const QgsMapLayer& layer, std::vector<Finding>& problems,
                                 std::vector<Finding>* notes) const {
    Entry& entry = entryOf(layer);
    LayerInput input{layer.id().toStdString(), layer.name().toStdString(), entry.bound.binding, {}};
    // A broken or contradictory binding is reported exactly as `geolicence check` does.
    problems.insert(problems.end(), entry.problems.begin(), entry.problems.end());
    // A claimed cell size is believed only as far as the features bear it out. Without a
    // claim the layer counts as exact, which a measurement could only loosen; so only claims
    // are measured, and opening a project does not read every layer's features.
    std::vector<Finding> measured;
    if (input.binding && claimsCellSize(*catalog_, *input.binding)) {
        if (!entry.precision) {
            entry.precision = measure(layer);
        }
        applyMeasuredPrecision(*entry.precision, *catalog_, language_, input, measured);
    }
    input.facts.within_territory = withinTerritory(layer);
    if (notes != nullptr) {
        notes->insert(notes->end(), measured.begin(), measured.end());
    }
    return input;
}

EvaluationRequest LicenceState::request(Action action) const {
    EvaluationRequest request;
    request.action = action;
    request.language = language_;
    if (!settings_.purpose.isEmpty()) {
        request.context.purpose = settings_.purpose.toStdString();
    }
    request.context.date = Date::parse(QDate::currentDate().toString(Qt::ISODate).toStdString());
    return request;
}

Decision LicenceState::decide(const EvaluationRequest& request,
                              const std::vector<LayerInput>& inputs,
                              std::vector<Finding> problems) const {
    Decision decision = evaluate(*catalog_, request, inputs);
    // Exactly what `geolicence check` reports: a broken or contradictory binding fails here too.
    addBindingProblems(decision, problems);
    addCatalogProblem(decision);
    return decision;
}

Decision LicenceState::evaluateLayers(const QList<QgsMapLayer*>& layers, Action action) const {
    const EvaluationRequest evaluation = request(action);
    Entry* single = nullptr;
    if (layers.size() == 1 && layers.front() != nullptr) {
        single = &entryOf(*layers.front());
        if (single->decided_on != evaluation.context.date) {
            single->decisions.clear(); // a new day: dates in licences may have passed
            single->decided_on = evaluation.context.date;
        }
        const auto known = single->decisions.find(action);
        if (known != single->decisions.end()) {
            return known->second;
        }
    }
    std::vector<LayerInput> inputs;
    std::vector<Finding> problems;
    std::vector<Finding> notes;
    for (const QgsMapLayer* layer : layers) {
        if (layer != nullptr) {
            inputs.push_back(inputOf(*layer, problems, &notes));
        }
    }
    Decision decision = decide(evaluation, inputs, std::move(problems));
    // What the precision measurement found follows the engine's findings.
    decision.findings.insert(decision.findings.end(), notes.begin(), notes.end());
    if (single != nullptr) {
        single->decisions[action] = decision;
    }
    return decision;
}

CheckResult LicenceState::checkLayout(const QgsPrintLayout& layout, Action action) const {
    // The whole project as the core models it, so the layers the layout shows are chosen by the
    // core's layer selection (layersRenderedByLayout) from the same tree, themes and layer
    // sets QGIS saves: a layer QGIS cannot render (its data missing) and an atlas coverage
    // layer are checked here as in the CLI.
    Project project = snapshotProject(*project_);
    project.layouts.push_back(snapshotLayout(layout));
    CheckRequest check;
    check.evaluation = request(action);
    check.layout = project.layouts.back().name;
    check.binding_defaults = bindingDefaults();
    std::vector<Finding> notes;
    CheckResult result = checkProject(
        project, *catalog_, check,
        [&](const std::vector<std::string>& ids, std::vector<Finding>& problems) {
            std::vector<LayerInput> inputs;
            for (const std::string& id : ids) {
                if (const QgsMapLayer* layer = project_->mapLayer(QString::fromStdString(id))) {
                    inputs.push_back(inputOf(*layer, problems, &notes));
                }
            }
            return inputs;
        });
    addCatalogProblem(result.decision);
    result.decision.findings.insert(result.decision.findings.end(), notes.begin(), notes.end());
    return result;
}

bool LicenceState::demandsAggregation(const QgsMapLayer& layer) const {
    const LayerInput input = inputOf(layer);
    if (!input.binding) {
        return false;
    }
    EvaluationRequest exact = request(Action::Publish);
    EvaluationRequest aggregated = exact;
    aggregated.context.cell_size_m = 1000;
    return !evaluate(*catalog_, exact, {input}).permitted() &&
           evaluate(*catalog_, aggregated, {input}).permitted();
}

bool LicenceState::layoutIsInternal(const QgsPrintLayout& layout) {
    return layout.customProperty(kInternalProperty, false).toBool();
}

void LicenceState::setLayoutInternal(QgsPrintLayout& layout, bool internal) {
    layout.setCustomProperty(kInternalProperty, internal);
}

} // namespace geolicence::qgis
