#include "layout_licence_check.h"

#include "attribution_keeper.h"
#include "licence_state.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/rule_ids.h>

#include <QSet>
#include <algorithm>
#include <qgslayout.h>
#include <qgsprintlayout.h>

namespace geolicence::qgis {

namespace {
QPointer<LicenceState>& sharedState() {
    static QPointer<LicenceState> state;
    return state;
}
QPointer<AttributionKeeper>& sharedKeeper() {
    static QPointer<AttributionKeeper> keeper;
    return keeper;
}
} // namespace

const QString LayoutLicenceCheck::kId = QStringLiteral("geolicence_layout_licences");

void LayoutLicenceCheck::setState(LicenceState* state) {
    sharedState() = state;
}

void LayoutLicenceCheck::setKeeper(AttributionKeeper* keeper) {
    sharedKeeper() = keeper;
}

QgsAbstractValidityCheck* LayoutLicenceCheck::create() const {
    return new LayoutLicenceCheck();
}

QString LayoutLicenceCheck::id() const {
    return kId;
}

int LayoutLicenceCheck::checkType() const {
    return QgsAbstractValidityCheck::TypeLayoutCheck;
}

// Gathers everything on the main thread, as QGIS asks of checks that touch layers.
bool LayoutLicenceCheck::prepareCheck(const QgsValidityCheckContext* context, QgsFeedback*) {
    results_.clear();
    const auto* layout_context = dynamic_cast<const QgsLayoutValidityCheckContext*>(context);
    LicenceState* state = sharedState();
    if (layout_context == nullptr || state == nullptr) {
        return false;
    }
    auto* layout = qobject_cast<QgsPrintLayout*>(layout_context->layout);
    if (layout == nullptr) {
        return false;
    }
    if (AttributionKeeper* keeper = sharedKeeper()) {
        keeper->update(*layout);
    }
    const bool internal = LicenceState::layoutIsInternal(*layout);
    const Action action = internal ? Action::UseInternal : Action::Publish;
    const CheckResult checked = state->checkLayout(*layout, action);
    QSet<QString> shown; // one result per finding, however many ways it was reached
    bool advised_internal = false;
    const bool conditional =
        !checked.decision.permitted() &&
        std::none_of(checked.decision.findings.begin(), checked.decision.findings.end(),
                     [](const Finding& finding) { return finding.severity == Severity::Error; });
    for (const Finding& finding : checked.decision.findings) {
        if (finding.severity == Severity::Info) {
            continue;
        }
        const QString key =
            fromString(finding.layer_id + '\n' + finding.rule + '\n' + finding.message);
        if (shown.contains(key)) {
            continue;
        }
        shown.insert(key);
        QgsValidityCheckResult result;
        result.checkId = kId;
        // A cell size the data contradicts is as serious as the prohibition it hides.
        // A conditional verdict (not permitted until something unknown is given) has no error:
        // its warnings are what blocks, and QGIS must refuse the export on them too.
        const bool blocking_warning = conditional && finding.severity == Severity::Warning &&
                                      finding.rule != rule_ids::kUnlicensed;
        const bool critical = finding.severity == Severity::Error || blocking_warning ||
                              finding.rule == rule_ids::kPrecisionClaimContradicted;
        result.type = critical ? QgsValidityCheckResult::Critical : QgsValidityCheckResult::Warning;
        const QString layer = fromString(finding.layer_name);
        if (finding.rule == rule_ids::kAttributionMissing ||
            finding.rule == rule_ids::kLegendMissing) {
            result.title = gtr("Licence duty not met on this layout");
        } else if (finding.rule == rule_ids::kUnlicensed) {
            result.title = gtr("Layer without licence: %1").arg(layer);
        } else if (finding.rule == rule_ids::kPrecisionClaimContradicted) {
            result.title =
                gtr("The cell size claimed for %1 is not what its data shows").arg(layer);
        } else if (blocking_warning) {
            result.title = gtr("The licence of %1 permits this only when more is known (%2)")
                               .arg(layer, actionLabel(action));
        } else if (finding.severity == Severity::Error) {
            result.title =
                gtr("The licence of %1 does not permit this (%2)").arg(layer, actionLabel(action));
        } else {
            result.title = gtr("Licence warning for %1").arg(layer);
        }
        result.detailedDescription = findingMessage(finding).toHtmlEscaped();
        if (!finding.cite.empty()) {
            result.detailedDescription +=
                QStringLiteral("<br><i>%1</i>").arg(fromString(finding.cite).toHtmlEscaped());
        }
        if (finding.rule == rule_ids::kAttributionMissing &&
            AttributionKeeper::userRemovedLabel(*layout)) {
            result.detailedDescription +=
                QStringLiteral("<br>") +
                gtr("The attribution label was removed; rights-holder notices must be kept. "
                    "Put it back with Layout › Restore licence attribution (geolicence).");
        }
        if (!internal && !advised_internal && finding.severity == Severity::Error &&
            !finding.layer_id.empty() && finding.rule != rule_ids::kAttributionMissing &&
            finding.rule != rule_ids::kLegendMissing) {
            advised_internal = true; // said once, with the first prohibition
            result.detailedDescription +=
                QStringLiteral("<br>") +
                gtr("If this layout is an internal working document, mark it as such "
                    "(Layout menu, \"Internal working document (geolicence)\").");
        }
        results_ << result;
    }
    return true;
}

QList<QgsValidityCheckResult> LayoutLicenceCheck::runCheck(const QgsValidityCheckContext*,
                                                           QgsFeedback*) {
    return results_;
}

} // namespace geolicence::qgis
