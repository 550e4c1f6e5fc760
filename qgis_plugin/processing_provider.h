#pragma once

#include <qgsprocessingprovider.h>

namespace geolicence::qgis {

class LicenceState;

// The "geolicence" Processing provider: licence-safe aggregation and the licence check, usable
// from the toolbox, the graphical modeler and processing.run().
class GeolicenceProcessingProvider : public QgsProcessingProvider {
public:
    explicit GeolicenceProcessingProvider(LicenceState* state);

    QString id() const override { return QStringLiteral("geolicence"); }
    QString name() const override;
    QIcon icon() const override;
    // Outputs are files, so the licence written into them travels with them.
    bool supportsNonFileBasedOutput() const override { return false; }

protected:
    void loadAlgorithms() override;

private:
    LicenceState* state_;
};

} // namespace geolicence::qgis
