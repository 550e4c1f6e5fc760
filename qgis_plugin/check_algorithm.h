#pragma once

#include <qgsprocessingalgorithm.h>

namespace geolicence::qgis {

class LicenceState;

// "Check licences for an action": the decision for the chosen layers as a table (one row per
// finding), for models that must stop or branch on a licence.
class CheckAlgorithm : public QgsProcessingAlgorithm {
public:
    static const QStringList kActions;

    explicit CheckAlgorithm(LicenceState* state);

    QString name() const override { return QStringLiteral("check"); }
    QString displayName() const override;
    QString group() const override;
    QString groupId() const override { return QStringLiteral("licences"); }
    QString shortHelpString() const override;
    // It reads live layers and their properties, which belong to the main thread.
    Flags flags() const override { return QgsProcessingAlgorithm::flags() | FlagNoThreading; }
    QgsProcessingAlgorithm* createInstance() const override;
    void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

protected:
    QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                                 QgsProcessingFeedback* feedback) override;

private:
    LicenceState* state_;
};

} // namespace geolicence::qgis
