#include "layer_standing.h"

#include "licence_state.h"
#include "provenance_text.h"
#include "readable_names.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/evaluation.h>
#include <geolicence/rule_ids.h>

#include <QDate>
#include <algorithm>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

namespace {

bool isProhibitionRule(const Catalog& catalog, const Finding& finding) {
    const LicenceProfile* profile = catalog.find(finding.licence);
    if (profile == nullptr) {
        return false;
    }
    return std::any_of(profile->rules.begin(), profile->rules.end(), [&](const Rule& rule) {
        return rule.id == finding.rule && rule.type == RuleType::Prohibition;
    });
}

// The prohibition that stops all use of the layer on `on_date`, if one holds for certain.
const Finding* stopFinding(const LicenceState& state, const Decision& display) {
    if (display.verdict != Verdict::Prohibited) {
        return nullptr;
    }
    for (const Finding& finding : display.findings) {
        if (finding.severity == Severity::Error && isProhibitionRule(state.catalog(), finding)) {
            return &finding;
        }
    }
    return nullptr;
}

Decision displayDecision(const LicenceState& state, const QgsMapLayer& layer,
                         const QDate& on_date) {
    EvaluationRequest request = state.request(Action::Display);
    if (on_date.isValid()) {
        request.context.date = Date::parse(on_date.toString(Qt::ISODate).toStdString());
    }
    std::vector<Finding> problems; // a broken binding is told by the intent's decision
    const LayerInput input = state.inputOf(layer, problems);
    if (!input.binding) {
        return Decision{};
    }
    return evaluate(state.catalog(), request, {input});
}

// The finding that says why the intent is not permitted: the first error, or for a
// conditional verdict without errors the first warning.
const Finding* keyFinding(const Decision& decision) {
    const bool errors =
        std::any_of(decision.findings.begin(), decision.findings.end(),
                    [](const Finding& finding) { return finding.severity == Severity::Error; });
    for (const Finding& finding : decision.findings) {
        if (finding.rule != rule_ids::kUnlicensed &&
            finding.severity == (errors ? Severity::Error : Severity::Warning)) {
            return &finding;
        }
    }
    return nullptr;
}

QString escaped(const QString& text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

bool mustStopUsing(const LicenceState& state, const QgsMapLayer& layer, const QDate& on_date) {
    return stopFinding(state, displayDecision(state, layer, on_date)) != nullptr;
}

LayerStanding standingOf(const LicenceState& state, QgsMapLayer& layer, Action intent) {
    LayerStanding result;
    const Catalog& catalog = state.catalog();
    const Language language = state.language();
    const LayerBindingResult bound = state.bindingOf(layer);
    if (bound.binding) {
        // Every licence applies, so the row names every one.
        result.short_name = licenceShortNames(catalog, language, bound.binding->licences);
        result.title = licenceTitles(catalog, language, bound.binding->licences);
        result.licence_count = static_cast<int>(bound.binding->licences.size());
        result.derived_from = provenanceLines(catalog, language, bound.binding->derived_from);
        result.origin = bindingOriginShort(bound.binding->from);
    }
    const Decision decision = state.evaluateLayers({&layer}, intent);
    const auto cite = [&](const Finding& finding) {
        return readableCitation(catalog, language, finding.licence, finding.rule, finding.cite);
    };
    for (const Duty& duty : decision.duties) {
        const QString where =
            readableCitation(catalog, language, duty.licence, duty.rule, duty.cite);
        result.duties << dutyLine(duty) +
                             (where.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(where));
    }
    if (statusOf(decision) == LayerStatus::Unlicensed) {
        result.standing = Standing::Unlicensed;
        for (const Finding& finding : decision.findings) {
            if (finding.rule == rule_ids::kUnlicensed) {
                result.reason = findingMessage(finding);
            }
        }
        return result;
    }
    const Decision display = displayDecision(state, layer, QDate());
    if (const Finding* stop = stopFinding(state, display)) {
        result.standing = Standing::StopUsing;
        result.reason = findingMessage(*stop);
        result.citation = cite(*stop);
        return result;
    }
    if (const Finding* key = keyFinding(decision); key != nullptr && !decision.permitted()) {
        result.reason = findingMessage(*key);
        result.citation = cite(*key);
    }
    if (decision.permitted()) {
        result.standing =
            decision.duties.empty() ? Standing::Permitted : Standing::PermittedWithDuties;
    } else if (intent == Action::Publish && state.demandsAggregation(layer)) {
        result.standing = Standing::AggregateFirst;
    } else if (decision.verdict == Verdict::Conditional) {
        result.standing = Standing::NeedsDetails;
    } else {
        result.standing = Standing::NotPermitted;
    }
    return result;
}

QString standingLabel(Standing standing) {
    switch (standing) {
    case Standing::Unlicensed:
        return gtr("No licence");
    case Standing::StopUsing:
        return gtr("Stop using");
    case Standing::NotPermitted:
        return gtr("Not permitted");
    case Standing::NeedsDetails:
        return gtr("Details missing");
    case Standing::AggregateFirst:
        return gtr("Aggregate first");
    case Standing::PermittedWithDuties:
        return gtr("OK, with duties");
    case Standing::Permitted:
        return gtr("Permitted");
    }
    return QString();
}

QString standingKey(Standing standing) {
    switch (standing) {
    case Standing::Unlicensed:
        return QStringLiteral("unlicensed");
    case Standing::StopUsing:
        return QStringLiteral("stop-using");
    case Standing::NotPermitted:
        return QStringLiteral("not-permitted");
    case Standing::NeedsDetails:
        return QStringLiteral("needs-details");
    case Standing::AggregateFirst:
        return QStringLiteral("aggregate-first");
    case Standing::PermittedWithDuties:
        return QStringLiteral("permitted-with-duties");
    case Standing::Permitted:
        return QStringLiteral("permitted");
    }
    return QString();
}

QIcon standingIcon(Standing standing) {
    switch (standing) {
    case Standing::Unlicensed:
        return QIcon(QStringLiteral(":/geolicence/icons/licence_missing.svg"));
    case Standing::StopUsing:
        return QIcon(QStringLiteral(":/geolicence/icons/licence_expired.svg"));
    case Standing::NotPermitted:
    case Standing::NeedsDetails:
        return QIcon(QStringLiteral(":/geolicence/icons/licence_restricted.svg"));
    case Standing::AggregateFirst:
        return QIcon(QStringLiteral(":/geolicence/icons/licence_aggregate.svg"));
    case Standing::PermittedWithDuties:
        return QIcon(QStringLiteral(":/geolicence/icons/licence_duties.svg"));
    case Standing::Permitted:
        return QIcon(QStringLiteral(":/geolicence/icons/licence_ok.svg"));
    }
    return QIcon();
}

QString standingDetails(const QString& layer_name, const LayerStanding& standing, Action intent) {
    QString html = QStringLiteral("<b>%1</b><br>").arg(escaped(layer_name));
    if (standing.title.isEmpty()) {
        html += escaped(gtr("No licence")) + QStringLiteral("<br>");
    } else if (standing.licence_count > 1) {
        html += escaped(gtr("Licences (each applies): %1").arg(standing.title)) +
                QStringLiteral("<br>");
    } else {
        html += escaped(gtr("Licence: %1").arg(standing.title)) + QStringLiteral("<br>");
    }
    html += escaped(
        gtr("Status for %1: %2").arg(actionLabel(intent), standingLabel(standing.standing)));
    if (!standing.reason.isEmpty()) {
        html += QStringLiteral("<br>") + escaped(standing.reason);
    }
    if (!standing.citation.isEmpty()) {
        html += QStringLiteral("<br><i>") + escaped(gtr("Clause: %1").arg(standing.citation)) +
                QStringLiteral("</i>");
    }
    if (!standing.duties.isEmpty()) {
        html += QStringLiteral("<br>") + escaped(gtr("Duties:"));
        html += QStringLiteral("<ul style=\"margin: 0\">");
        for (const QString& duty : standing.duties) {
            html += QStringLiteral("<li>%1</li>").arg(escaped(duty));
        }
        html += QStringLiteral("</ul>");
    }
    if (!standing.derived_from.isEmpty()) {
        html += QStringLiteral("<br>") + escaped(gtr("Derived from:"));
        html += QStringLiteral("<ul style=\"margin: 0\">");
        for (const QString& source : standing.derived_from) {
            html += QStringLiteral("<li>%1</li>").arg(escaped(source));
        }
        html += QStringLiteral("</ul>");
    }
    if (!standing.origin.isEmpty()) {
        html += QStringLiteral("<br>") + escaped(gtr("Licence set in: %1").arg(standing.origin));
    }
    return html;
}

} // namespace geolicence::qgis
