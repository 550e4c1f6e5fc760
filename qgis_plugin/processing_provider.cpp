#include "processing_provider.h"

#include "aggregate_algorithm.h"
#include "check_algorithm.h"
#include "translate.h"

namespace geolicence::qgis {

GeolicenceProcessingProvider::GeolicenceProcessingProvider(LicenceState* state) : state_(state) {}

QString GeolicenceProcessingProvider::name() const {
    return QStringLiteral("geolicence");
}

QIcon GeolicenceProcessingProvider::icon() const {
    return QIcon(QStringLiteral(":/geolicence/icons/licence_ok.svg"));
}

void GeolicenceProcessingProvider::loadAlgorithms() {
    addAlgorithm(new AggregateAlgorithm(state_));
    addAlgorithm(new CheckAlgorithm(state_));
}

} // namespace geolicence::qgis
