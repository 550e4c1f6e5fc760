#pragma once

#include <qgsexpressionfunction.h>

namespace geolicence::qgis {

class LicenceState;

// geolicence_attribution([map_id]): the attribution block the layers of a layout map (or of
// the whole layout, or outside a layout of the project's visible layers) require, for users
// who build their own labels, e.g. per atlas page.
class AttributionExpressionFunction : public QgsExpressionFunction {
public:
    static const QString kName;

    explicit AttributionExpressionFunction(LicenceState* state);

    QVariant func(const QVariantList& values, const QgsExpressionContext* context,
                  QgsExpression* parent, const QgsExpressionNodeFunction* node) override;
    bool usesGeometry(const QgsExpressionNodeFunction*) const override { return false; }
    // The map id is optional; without this QGIS would skip the call for its null default.
    bool handlesNull() const override { return true; }
    bool isStatic(const QgsExpressionNodeFunction*, QgsExpression*,
                  const QgsExpressionContext*) const override {
        return false;
    }

private:
    LicenceState* state_;
};

} // namespace geolicence::qgis
