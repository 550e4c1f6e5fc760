#include "attribution_expression.h"

#include "attribution_keeper.h"
#include "licence_state.h"

#include <geolicence/attribution.h>

#include <qgsexpressioncontext.h>
#include <qgslayertree.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>

namespace geolicence::qgis {

const QString AttributionExpressionFunction::kName = QStringLiteral("geolicence_attribution");

AttributionExpressionFunction::AttributionExpressionFunction(LicenceState* state,
                                                             AttributionKeeper* keeper)
    : QgsExpressionFunction(
          kName,
          QgsExpressionFunction::ParameterList()
              << QgsExpressionFunction::Parameter(QStringLiteral("map_id"), true, QString()),
          QStringLiteral("geolicence"),
          QStringLiteral("<h3>geolicence_attribution([map_id])</h3>"
                         "<div>The attributions the licences of the layers of a layout map "
                         "require (all of the layout's maps when no map id is given; the "
                         "project's visible layers outside a layout), one per line.</div>")),
      state_(state), keeper_(keeper) {}

QVariant AttributionExpressionFunction::func(const QVariantList& values,
                                             const QgsExpressionContext* context, QgsExpression*,
                                             const QgsExpressionNodeFunction*) {
    const QString map_id =
        values.isEmpty() || values.at(0).isNull() ? QString() : values.at(0).toString();
    const QString layout_name = context != nullptr
                                    ? context->variable(QStringLiteral("layout_name")).toString()
                                    : QString();
    auto* layout = dynamic_cast<QgsPrintLayout*>(
        QgsProject::instance()->layoutManager()->layoutByName(layout_name));
    QList<QgsMapLayer*> layers;
    if (layout != nullptr && map_id.isEmpty()) {
        return keeper_->owedText(*layout);
    }
    if (layout != nullptr) {
        if (auto* map = qobject_cast<QgsLayoutItemMap*>(layout->itemById(map_id))) {
            layers = map->layersToRender(context);
        }
    } else {
        for (QgsMapLayer* layer : QgsProject::instance()->layerTreeRoot()->checkedLayers()) {
            layers << layer;
        }
    }
    QStringList lines;
    for (const std::string& text :
         attributionTexts(state_->evaluateLayers(layers, Action::Publish))) {
        lines << QString::fromStdString(text);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace geolicence::qgis
