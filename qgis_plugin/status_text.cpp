#include "status_text.h"

#include "translate.h"

#include <geolicence/rule_ids.h>

#include <algorithm>

namespace geolicence::qgis {

QString fromString(const std::string& text) {
    return QString::fromStdString(text);
}

QString findingMessage(const Finding& finding) {
    const QString layer = fromString(finding.layer_name);
    if (finding.rule == rule_ids::kUnlicensed) {
        return gtr("Layer \"%1\" has no licence: what may be done with it is unknown. Choose its "
                   "licence on the Licence page of its Layer Properties.")
            .arg(layer);
    }
    if (finding.rule == rule_ids::kUnknownLicence) {
        return gtr("Layer \"%1\" is bound to licence \"%2\", which is not in the catalog. Choose "
                   "another on the Licence page of its Layer Properties, or add the folder with "
                   "the licence in Plugins › geolicence › Settings….")
            .arg(layer, fromString(finding.licence));
    }
    return fromString(finding.message);
}

LayerStatus statusOf(const Decision& decision) {
    for (const Finding& finding : decision.findings) {
        if (finding.rule == rule_ids::kUnlicensed) {
            return LayerStatus::Unlicensed;
        }
    }
    if (!decision.permitted()) {
        return LayerStatus::Prohibited;
    }
    return decision.hasWarnings() ? LayerStatus::PermittedWithWarnings : LayerStatus::Permitted;
}

QString actionLabel(Action action) {
    switch (action) {
    case Action::Display:
        return gtr("display");
    case Action::UseInternal:
        return gtr("internal use");
    case Action::Export:
        return gtr("export");
    case Action::Publish:
        return gtr("publish");
    case Action::Share:
        return gtr("share");
    case Action::Sell:
        return gtr("sell");
    case Action::Aggregate:
        return gtr("aggregate");
    }
    return QString();
}

namespace {

QString dutyLabel(DutyType type) {
    switch (type) {
    case DutyType::Attribute:
        return gtr("attribution");
    case DutyType::IncludeLegend:
        return gtr("legend");
    case DutyType::ReportErrors:
        return gtr("report errors");
    case DutyType::Inform:
        return gtr("inform");
    case DutyType::Delete:
        return gtr("delete");
    case DutyType::DeleteAt:
        return gtr("delete by");
    case DutyType::ReturnAt:
        return gtr("return by");
    case DutyType::Compensate:
        return gtr("compensate");
    case DutyType::UseLatestVersion:
        return gtr("use the latest version");
    case DutyType::KeepNotices:
        return gtr("keep notices");
    case DutyType::NoEndorsement:
        return gtr("do not name as a reference");
    case DutyType::UseOnlyForProject:
        return gtr("use only for the project");
    case DutyType::ShareAlike:
        return gtr("share alike");
    case DutyType::Confidentiality:
        return gtr("keep confidential");
    case DutyType::IndicateChanges:
        return gtr("indicate changes");
    case DutyType::LinkLicence:
        return gtr("link the licence");
    case DutyType::ObserveConditions:
        return gtr("observe the conditions");
    }
    return fromString(std::string(toString(type)));
}

} // namespace

QString dutyLine(const Duty& duty) {
    QString line = dutyLabel(duty.type);
    if (!duty.text.empty()) {
        line += QStringLiteral(": ") + fromString(duty.text);
    }
    if (duty.date) {
        line += QStringLiteral(" ") + fromString(duty.date->toString());
    }
    return line;
}

} // namespace geolicence::qgis
