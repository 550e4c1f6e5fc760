#include "aggregate_algorithm.h"

#include "licence_state.h"
#include "translate.h"

#include <geolicence/errors.h>
#include <geolicence/licence_precision.h>
#include <geolicence/progress.h>

#include <qgsprocessingfeedback.h>
#include <qgsprocessingparameters.h>
#include <qgsvectorlayer.h>

namespace geolicence::qgis {

namespace {
// The grids the core knows, by the names the CLI's --grid takes.
QStringList gridNames() {
    QStringList list;
    for (GridKind kind : kAllGrids) {
        const std::string_view name = toString(kind);
        list << QString::fromUtf8(name.data(), static_cast<int>(name.size()));
    }
    return list;
}
} // namespace

const QStringList AggregateAlgorithm::kGrids = gridNames();
const QStringList AggregateAlgorithm::kAssignments = {QStringLiteral("centroid"),
                                                      QStringLiteral("intersects")};

namespace {

std::vector<std::string> names(const QStringList& fields) {
    std::vector<std::string> out;
    for (const QString& field : fields) {
        out.push_back(field.toStdString());
    }
    return out;
}

} // namespace

AggregateAlgorithm::AggregateAlgorithm(LicenceState* state) : state_(state) {}

QVariantMap AggregateAlgorithm::suggestedParameters(const QgsVectorLayer& layer) {
    QVariantMap parameters;
    parameters.insert(QStringLiteral("INPUT"), layer.id());
    parameters.insert(QStringLiteral("GRID"),
                      layer.crs().authid() == QLatin1String("EPSG:28992") ? 0 : 1);
    parameters.insert(QStringLiteral("CELL_SIZE"), 1000);
    for (const QgsField& field : layer.fields()) {
        const QString name = field.name().toLower();
        if (name == QLatin1String("soort") || name.contains(QLatin1String("species")) ||
            name.contains(QLatin1String("taxon")) || name.contains(QLatin1String("naam_nl"))) {
            parameters.insert(QStringLiteral("GROUP_BY"), QStringList{field.name()});
            break;
        }
    }
    return parameters;
}

QString AggregateAlgorithm::displayName() const {
    return gtr("Aggregate to 1 km grid");
}

QString AggregateAlgorithm::group() const {
    return gtr("Licences");
}

QString AggregateAlgorithm::shortHelpString() const {
    return gtr("Replaces exact locations by grid cells (1 x 1 km by default) and counts the "
               "observations per cell and group: the form in which NDFF data may be published. "
               "Only the cell, the group fields and the aggregates are written; the output "
               "carries the input's licence with the cell size, so it shows as publishable.");
}

QgsProcessingAlgorithm* AggregateAlgorithm::createInstance() const {
    return new AggregateAlgorithm(state_);
}

void AggregateAlgorithm::initAlgorithm(const QVariantMap&) {
    addParameter(new QgsProcessingParameterVectorLayer(QStringLiteral("INPUT"), gtr("Observations"),
                                                       {QgsProcessing::TypeVectorAnyGeometry}));
    addParameter(
        new QgsProcessingParameterEnum(QStringLiteral("GRID"), gtr("Grid"), kGrids, false, 0));
    auto* cell =
        new QgsProcessingParameterNumber(QStringLiteral("CELL_SIZE"), gtr("Cell size (m)"),
                                         QgsProcessingParameterNumber::Integer, 1000, false, 1);
    addParameter(cell);
    const auto fields = [this](const QString& name, const QString& text,
                               QgsProcessingParameterField::DataType type) {
        addParameter(new QgsProcessingParameterField(name, text, QVariant(),
                                                     QStringLiteral("INPUT"), type, true, true));
    };
    fields(QStringLiteral("GROUP_BY"), gtr("Group by"), QgsProcessingParameterField::Any);
    fields(QStringLiteral("SUM"), gtr("Sum of"), QgsProcessingParameterField::Numeric);
    fields(QStringLiteral("MIN"), gtr("Minimum of"), QgsProcessingParameterField::Any);
    fields(QStringLiteral("MAX"), gtr("Maximum of"), QgsProcessingParameterField::Any);
    addParameter(new QgsProcessingParameterNumber(
        QStringLiteral("MIN_COUNT"), gtr("Leave out rows with fewer observations than"),
        QgsProcessingParameterNumber::Integer, 1, false, 1));
    addParameter(new QgsProcessingParameterEnum(
        QStringLiteral("ASSIGN"), gtr("Lines and polygons count in"), kAssignments, false, 0));
    addParameter(new QgsProcessingParameterVectorDestination(
        QStringLiteral("OUTPUT"), gtr("Aggregated cells"), QgsProcessing::TypeVectorPolygon));
}

bool AggregateAlgorithm::prepareAlgorithm(const QVariantMap& parameters,
                                          QgsProcessingContext& context,
                                          QgsProcessingFeedback* feedback) {
    QgsVectorLayer* layer = parameterAsVectorLayer(parameters, QStringLiteral("INPUT"), context);
    if (layer == nullptr) {
        throw QgsProcessingException(gtr("The input layer cannot be read"));
    }
    AggregationJob job;
    QString layer_name;
    // A file GDAL reads as it is, or a GeoPackage QGIS writes for memory layers and selections.
    const QString path = parameterAsCompatibleSourceLayerPathAndLayerName(
        parameters, QStringLiteral("INPUT"), context,
        {QStringLiteral("gpkg"), QStringLiteral("shp"), QStringLiteral("geojson"),
         QStringLiteral("fgb"), QStringLiteral("csv")},
        QStringLiteral("gpkg"), feedback, &layer_name);
    job.input.source = path.toStdString();
    job.input.layer = layer_name.toStdString();
    job.licence = state_->bindingOf(*layer).binding;
    job.language = state_->language();
    job.grid =
        kGrids.value(parameterAsEnum(parameters, QStringLiteral("GRID"), context), kGrids.front())
            .toStdString();
    job.cell_size_m = parameterAsInt(parameters, QStringLiteral("CELL_SIZE"), context);
    job.group_by = names(parameterAsFields(parameters, QStringLiteral("GROUP_BY"), context));
    job.sum = names(parameterAsFields(parameters, QStringLiteral("SUM"), context));
    job.min = names(parameterAsFields(parameters, QStringLiteral("MIN"), context));
    job.max = names(parameterAsFields(parameters, QStringLiteral("MAX"), context));
    job.min_count = parameterAsInt(parameters, QStringLiteral("MIN_COUNT"), context);
    job.assign = kAssignments
                     .value(parameterAsEnum(parameters, QStringLiteral("ASSIGN"), context),
                            kAssignments.front())
                     .toStdString();
    const QString output = parameterAsOutputLayer(parameters, QStringLiteral("OUTPUT"), context);
    job.output = output.toStdString();
    job.overwrite = true; // QGIS asked the user already, or chose a temporary file
    // The same checks as `geolicence aggregate`, in the same order; any problem stops the run.
    const AggregationJob::Validation validation =
        job.validate(state_->catalog(), gdalJobInspector());
    for (const JobProblem& problem : validation.problems) {
        throw QgsProcessingException(QString::fromStdString(problem.message));
    }
    request_ = validation.request;
    load_output_.reset();
    if (context.willLoadLayerOnCompletion(output)) {
        load_output_ = context.layerToLoadOnCompletionDetails(output);
        if (load_output_->name.isEmpty() || load_output_->name == gtr("Aggregated cells")) {
            load_output_->name =
                gtr("%1 (%2 m grid)").arg(layer->name()).arg(request_.spec.cell_size_m);
        }
    }
    return true;
}

QVariantMap AggregateAlgorithm::processAlgorithm(const QVariantMap&, QgsProcessingContext& context,
                                                 QgsProcessingFeedback* feedback) {
    AggregationReport report;
    try {
        report = runAggregation(state_->catalog(), request_, [feedback](double fraction) {
            feedback->setProgress(fraction * 100.0);
            return !feedback->isCanceled();
        });
    } catch (const Cancelled&) {
        throw QgsProcessingException(gtr("Cancelled: no output was written"));
    } catch (const Error& e) {
        throw QgsProcessingException(QString::fromStdString(e.what()));
    }
    const AggregationCounts& counts = report.counts;
    feedback->pushInfo(gtr("%1 features read, %2 observations in %3 cells written, %4 "
                           "observations left out by the minimum count, %5 features skipped")
                           .arg(counts.features_read)
                           .arg(counts.observations_written)
                           .arg(counts.cells_written)
                           .arg(counts.observations_suppressed)
                           .arg(counts.skipped.total()));
    for (const std::string& warning : report.warnings) {
        feedback->reportError(QString::fromStdString(warning), false);
    }
    if (report.output_licence) {
        feedback->pushInfo(
            gtr("The output carries licence %1 with cell_size_m = %2")
                .arg(QString::fromStdString(report.output_licence->binding.describeIds()))
                .arg(request_.spec.cell_size_m));
    }
    const QString output = QString::fromStdString(report.output);
    if (load_output_) {
        context.addLayerToLoadOnCompletion(output, *load_output_);
    }
    QVariantMap outputs;
    outputs.insert(QStringLiteral("OUTPUT"), output);
    outputs.insert(QStringLiteral("CELLS"), static_cast<qlonglong>(counts.cells_written));
    outputs.insert(QStringLiteral("OBSERVATIONS"),
                   static_cast<qlonglong>(counts.observations_written));
    return outputs;
}

} // namespace geolicence::qgis
