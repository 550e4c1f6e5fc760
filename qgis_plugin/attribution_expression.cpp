#include "attribution_expression.h"

#include "licence_state.h"
#include "translate.h"

#include <geolicence/attribution.h>

#include <qgsexpressioncontext.h>
#include <qgslayertree.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>

namespace geolicence::qgis {

const QString AttributionExpressionFunction::kName = QStringLiteral("geolicence_attribution");

AttributionExpressionFunction::AttributionExpressionFunction(LicenceState* state)
    : QgsExpressionFunction(
          kName,
          QgsExpressionFunction::ParameterList()
              << QgsExpressionFunction::Parameter(QStringLiteral("map_id"), true, QString()),
          QStringLiteral("geolicence"),
          QStringLiteral("<h3>geolicence_attribution([map_id])</h3><div>%1</div>")
              .arg(gtr("The attributions the licences of the layers of a layout map require (all "
                       "of the layout's maps when no map id is given; the project's visible "
                       "layers outside a layout), one per line."))),
      state_(state) {}

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
    if (layout != nullptr) {
        // With the expression context, so an atlas page gets the layers its maps show.
        QList<QgsLayoutItemMap*> maps;
        layout->layoutItems(maps);
        for (QgsLayoutItemMap* map : maps) {
            if (!map_id.isEmpty() && map->id() != map_id) {
                continue;
            }
            for (QgsMapLayer* layer : map->layersToRender(context)) {
                if (!layers.contains(layer)) {
                    layers << layer;
                }
            }
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
