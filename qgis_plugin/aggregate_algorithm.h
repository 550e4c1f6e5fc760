#pragma once

#include <geolicence/run_aggregation.h>

#include <optional>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingcontext.h>

class QgsVectorLayer;

namespace geolicence::qgis {

class LicenceState;

// "Aggregate to 1 km grid": the core aggregation of `geolicence aggregate`, with
// progress and cancel through QgsFeedback. The output file carries the input's licence with
// the cell size set, so QGIS shows the result as publishable.
class AggregateAlgorithm : public QgsProcessingAlgorithm {
public:
    static const QStringList kGrids;
    static const QStringList kAssignments;

    explicit AggregateAlgorithm(LicenceState* state);

    // What "Aggregate to 1 km grid…" pre-fills for `layer`: the RD grid for data in
    // EPSG:28992, the EEA grid otherwise, 1,000 m, and a species-like field as group-by.
    static QVariantMap suggestedParameters(const QgsVectorLayer& layer);

    QString name() const override { return QStringLiteral("aggregate"); }
    QString displayName() const override;
    QString group() const override;
    QString groupId() const override { return QStringLiteral("licences"); }
    QString shortHelpString() const override;
    QgsProcessingAlgorithm* createInstance() const override;
    void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

protected:
    // Reads the layer and its licence on the main thread; the heavy work runs in the background.
    bool prepareAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                          QgsProcessingFeedback* feedback) override;
    QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                                 QgsProcessingFeedback* feedback) override;

private:
    LicenceState* state_;
    AggregationRequest request_;
    // How QGIS is to load the output when the run is over ("Open output file after running",
    // runAndLoadResults, a model's outputs). Registered in the context the algorithm runs in:
    // QGIS replaces the preparing context's list with the running one's afterwards.
    std::optional<QgsProcessingContext::LayerDetails> load_output_;
};

} // namespace geolicence::qgis
