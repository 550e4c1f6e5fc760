#include "check_algorithm.h"

#include "licence_state.h"
#include "translate.h"

#include <geolicence/context.h>

#include <qgsfeaturesink.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingparameters.h>

namespace geolicence::qgis {

namespace {

template <typename Words> QStringList toList(const Words& words) {
    QStringList list;
    for (std::string_view word : words) {
        list << QString::fromUtf8(word.data(), static_cast<int>(word.size()));
    }
    return list;
}

QStringList actionNames() {
    QStringList list;
    for (Action action : kAllActions) {
        const std::string_view name = toString(action);
        list << QString::fromUtf8(name.data(), static_cast<int>(name.size()));
    }
    return list;
}

} // namespace

const QStringList CheckAlgorithm::kActions = actionNames();

CheckAlgorithm::CheckAlgorithm(LicenceState* state) : state_(state) {}

QString CheckAlgorithm::displayName() const {
    return gtr("Check licences for an action");
}

QString CheckAlgorithm::group() const {
    return gtr("Licences");
}

QString CheckAlgorithm::shortHelpString() const {
    return gtr("Decides whether the licences of the chosen layers permit the action, and lists "
               "every finding with its article, and the duties owed.");
}

QgsProcessingAlgorithm* CheckAlgorithm::createInstance() const {
    return new CheckAlgorithm(state_);
}

void CheckAlgorithm::initAlgorithm(const QVariantMap&) {
    addParameter(new QgsProcessingParameterMultipleLayers(QStringLiteral("LAYERS"), gtr("Layers"),
                                                          QgsProcessing::TypeMapLayer));
    addParameter(new QgsProcessingParameterEnum(QStringLiteral("ACTION"), gtr("Action"), kActions,
                                                false, static_cast<int>(Action::Publish)));
    addParameter(new QgsProcessingParameterEnum(QStringLiteral("PURPOSE"), gtr("Purpose"),
                                                toList(kPurposes), false, QVariant(), true));
    addParameter(new QgsProcessingParameterEnum(QStringLiteral("RECIPIENT"), gtr("Recipient"),
                                                toList(kRecipients), false, QVariant(), true));
    addParameter(new QgsProcessingParameterFeatureSink(QStringLiteral("OUTPUT"), gtr("Findings"),
                                                       QgsProcessing::TypeVector));
    addOutput(new QgsProcessingOutputString(QStringLiteral("DECISION"), gtr("Decision")));
}

QVariantMap CheckAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                             QgsProcessingContext& context,
                                             QgsProcessingFeedback* feedback) {
    const Action action = kAllActions.at(
        static_cast<std::size_t>(parameterAsEnum(parameters, QStringLiteral("ACTION"), context)));
    EvaluationRequest request = state_->request(action);
    if (parameters.value(QStringLiteral("PURPOSE")).isValid()) {
        request.context.purpose = std::string(kPurposes.at(static_cast<std::size_t>(
            parameterAsEnum(parameters, QStringLiteral("PURPOSE"), context))));
    }
    if (parameters.value(QStringLiteral("RECIPIENT")).isValid()) {
        request.context.recipient = std::string(kRecipients.at(static_cast<std::size_t>(
            parameterAsEnum(parameters, QStringLiteral("RECIPIENT"), context))));
    }
    std::vector<LayerInput> inputs;
    std::vector<Finding> problems;
    for (const QgsMapLayer* layer :
         parameterAsLayerList(parameters, QStringLiteral("LAYERS"), context)) {
        inputs.push_back(state_->inputOf(*layer, problems));
    }
    const Decision decision = state_->decide(request, inputs, std::move(problems));

    QgsFields fields;
    for (const char* name :
         {"severity", "layer_id", "layer", "licence", "rule", "message", "cite"}) {
        fields.append(QgsField(QString::fromLatin1(name), QVariant::String));
    }
    QString destination;
    std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(parameters, QStringLiteral("OUTPUT"),
                                                         context, destination, fields,
                                                         QgsWkbTypes::NoGeometry));
    if (!sink) {
        throw QgsProcessingException(invalidSinkError(parameters, QStringLiteral("OUTPUT")));
    }
    for (const Finding& finding : decision.findings) {
        QgsFeature feature(fields);
        QgsAttributes attributes;
        attributes << QString::fromStdString(std::string(toString(finding.severity)))
                   << QString::fromStdString(finding.layer_id)
                   << QString::fromStdString(finding.layer_name)
                   << QString::fromStdString(finding.licence)
                   << QString::fromStdString(finding.rule)
                   << QString::fromStdString(finding.message)
                   << QString::fromStdString(finding.cite);
        feature.setAttributes(attributes);
        sink->addFeature(feature, QgsFeatureSink::FastInsert);
    }
    const std::string_view word = toString(decision.verdict);
    const QString verdict = QString::fromUtf8(word.data(), static_cast<int>(word.size()));
    feedback->pushInfo(gtr("Decision: %1").arg(verdict));
    QVariantMap outputs;
    outputs.insert(QStringLiteral("OUTPUT"), destination);
    outputs.insert(QStringLiteral("DECISION"), verdict);
    return outputs;
}

} // namespace geolicence::qgis
