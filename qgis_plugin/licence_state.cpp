#include "licence_state.h"

#include "qgis_snapshot.h"
#include "translate.h"

#include <geolicence/errors.h>

#include <QDate>
#include <QLocale>
#include <cstdlib>
#include <qgscoordinatetransform.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgsmaplayer.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace geolicence::qgis {

namespace {
const QString kInternalProperty = QStringLiteral("geolicence/internal");
} // namespace

LicenceState::LicenceState(QgsProject* project, QObject* parent)
    : QObject(parent), project_(project) {
    reload();
    connect(project, &QgsProject::layersAdded, this, [this](const QList<QgsMapLayer*>& layers) {
        watchLayers(layers);
        emit changed();
    });
    connect(project, &QgsProject::layersRemoved, this, [this] { emit changed(); });
    connect(project, &QgsProject::readProject, this, [this] { emit changed(); });
    connect(project, &QgsProject::cleared, this, [this] { emit changed(); });
    // QGIS may put a new layer into the layer tree after announcing it; the dock and the
    // indicators follow the tree.
    connect(project->layerTreeRoot(), &QgsLayerTree::layerOrderChanged, this,
            [this] { emit changed(); });
    watchLayers(project->mapLayers().values());
}

LicenceState::~LicenceState() = default;

void LicenceState::watchLayers(const QList<QgsMapLayer*>& layers) {
    for (QgsMapLayer* layer : layers) {
        connect(layer, &QgsMapLayer::customPropertyChanged, this, [this](const QString& key) {
            if (key.startsWith(QLatin1String("geolicence/"))) {
                emit changed();
            }
        });
        connect(layer, &QgsMapLayer::metadataChanged, this, &LicenceState::changed);
        connect(layer, &QgsMapLayer::dataSourceChanged, this, &LicenceState::changed);
        connect(layer, &QgsMapLayer::nameChanged, this, &LicenceState::changed);
    }
}

void LicenceState::reload() {
    settings_ = PluginSettings::load();
    catalog_error_.clear();
    CatalogBuilder builder;
    builder.addBundled();
    try {
        if (const char* env = std::getenv("GEOLICENCE_CATALOG_PATH")) {
            for (const auto& directory : splitSearchPath(env)) {
                builder.addDirectory(directory);
            }
        }
        for (const QString& directory : settings_.catalog_dirs) {
            builder.addDirectory(directory.toStdString());
        }
        catalog_ = std::make_unique<Catalog>(builder.build());
    } catch (const InputError& e) {
        // A broken organisation profile must not take the bundled ones down with it.
        catalog_error_ = QString::fromStdString(e.what());
        catalog_ = std::make_unique<Catalog>(CatalogBuilder().addBundled().build());
    }
    binder_ = std::make_unique<LayerBinder>(*catalog_);
    loadTerritory();
    emit changed();
}

void LicenceState::loadTerritory() {
    territory_.reset();
    if (settings_.territory_file.isEmpty()) {
        return;
    }
    QgsVectorLayer territory(settings_.territory_file, QStringLiteral("territory"),
                             QStringLiteral("ogr"));
    if (!territory.isValid()) {
        catalog_error_ = gtr("Territory file %1 cannot be read").arg(settings_.territory_file);
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

Language LicenceState::language() const {
    if (settings_.language == QLatin1String("nl")) {
        return Language::Dutch;
    }
    if (settings_.language == QLatin1String("en")) {
        return Language::English;
    }
    return QLocale().name().startsWith(QLatin1String("nl")) ? Language::Dutch : Language::English;
}

LayerBindingResult LicenceState::bindingOf(const QgsMapLayer& layer) const {
    LayerBindingResult result = binder_->bind(snapshotLayer(layer), language());
    if (result.binding && !settings_.role.isEmpty() &&
        result.binding->options.find("role") == result.binding->options.end()) {
        const LicenceProfile* profile = catalog_->find(result.binding->licence_id);
        if (profile != nullptr && profile->findOption("role") != nullptr) {
            result.binding->options["role"] = settings_.role.toStdString();
        }
    }
    return result;
}

LayerInput LicenceState::inputOf(const QgsMapLayer& layer) const {
    std::vector<Finding> ignored;
    return inputOf(layer, ignored);
}

LayerInput LicenceState::inputOf(const QgsMapLayer& layer, std::vector<Finding>& problems) const {
    LayerBindingResult bound = bindingOf(layer);
    LayerInput input{
        layer.id().toStdString(), layer.name().toStdString(), std::move(bound.binding), {}};
    for (Finding& problem : bound.problems(input.id, input.name)) {
        problems.push_back(std::move(problem));
    }
    if (territory_ && !territory_->isEmpty()) {
        // N1: a layer reaching outside the licensed territory is a warning of its own.
        QgsRectangle extent = layer.extent();
        const QgsCoordinateReferenceSystem target(territory_crs_);
        if (layer.crs().isValid() && target.isValid() && layer.crs() != target) {
            try {
                const QgsCoordinateTransform transform(layer.crs(), target, project_);
                extent = transform.transformBoundingBox(extent);
            } catch (const QgsCsException&) {
                return input;
            }
        }
        if (!extent.isNull()) {
            // A layer of one point (or of points on a line) has an extent without area.
            QgsGeometry footprint;
            if (extent.width() > 0 && extent.height() > 0) {
                footprint = QgsGeometry::fromRect(extent);
            } else if (extent.width() > 0 || extent.height() > 0) {
                footprint =
                    QgsGeometry::fromPolylineXY({QgsPointXY(extent.xMinimum(), extent.yMinimum()),
                                                 QgsPointXY(extent.xMaximum(), extent.yMaximum())});
            } else {
                footprint = QgsGeometry::fromPointXY(extent.center());
            }
            input.facts.within_territory = territory_->contains(footprint);
        }
    }
    return input;
}

EvaluationRequest LicenceState::request(Action action) const {
    EvaluationRequest request;
    request.action = action;
    request.language = language();
    if (!settings_.purpose.isEmpty()) {
        request.context.purpose = settings_.purpose.toStdString();
    }
    request.context.date = Date::parse(QDate::currentDate().toString(Qt::ISODate).toStdString());
    return request;
}

Decision LicenceState::evaluateLayers(const QList<QgsMapLayer*>& layers, Action action) const {
    std::vector<LayerInput> inputs;
    std::vector<Finding> problems;
    for (const QgsMapLayer* layer : layers) {
        if (layer != nullptr) {
            inputs.push_back(inputOf(*layer, problems));
        }
    }
    Decision decision = evaluate(*catalog_, request(action), inputs);
    // Exactly what `geolicence check` reports: a broken or contradictory binding fails here too.
    addBindingProblems(decision, problems);
    return decision;
}

CheckResult LicenceState::checkLayout(const QgsPrintLayout& layout, Action action) const {
    Project project = snapshotProject(*project_);
    project.layouts.push_back(snapshotLayout(layout));
    CheckRequest check;
    check.evaluation = request(action);
    check.layout = project.layouts.back().name;
    return checkProject(project, *catalog_, check,
                        [&](const std::vector<std::string>& ids, std::vector<Finding>& problems) {
                            std::vector<LayerInput> inputs;
                            for (const std::string& id : ids) {
                                if (const QgsMapLayer* layer =
                                        project_->mapLayer(QString::fromStdString(id))) {
                                    inputs.push_back(inputOf(*layer, problems));
                                }
                            }
                            return inputs;
                        });
}

bool LicenceState::demandsAggregation(const QgsMapLayer& layer) const {
    const LayerInput input = inputOf(layer);
    if (!input.binding) {
        return false;
    }
    EvaluationRequest exact = request(Action::Publish);
    exact.context.cell_size_m = 0;
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
