#include "parity_support.h"

#include "layout_licence_check.h"
#include "licence_state.h"
#include "plugin_resources.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <memory>
#include <qgsapplication.h>
#include <qgsfeedback.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgsvaliditycheckcontext.h>
#include <sstream>

namespace geolicence::parity {

namespace {

struct CliRun {
    int exit_code = -1;
    QString out;
    QString err;
};

std::unique_ptr<QProcess> startCli(const QStringList& arguments) {
    auto process = std::make_unique<QProcess>();
    process->start(QStringLiteral(GEOLICENCE_CLI_PATH), arguments);
    return process;
}

CliRun finishCli(QProcess& process) {
    CliRun run;
    if (!process.waitForFinished(120000)) {
        run.err = QStringLiteral("did not finish");
        return run;
    }
    run.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

CliRun runCli(const QStringList& arguments) {
    return finishCli(*startCli(arguments));
}

QStringList settingsArguments(const Settings& settings, const QString& language) {
    QStringList arguments{QStringLiteral("--lang"), language};
    if (!settings.role.isEmpty()) {
        arguments << QStringLiteral("--role") << settings.role;
    }
    if (!settings.purpose.isEmpty()) {
        arguments << QStringLiteral("--purpose") << settings.purpose;
    }
    return arguments;
}

std::string key(const FindingKey& finding) {
    return "(" + std::get<0>(finding) + ", " + std::get<1>(finding) + ", " + std::get<2>(finding) +
           ")";
}

} // namespace

std::string describe(const Judgement& judgement) {
    std::string text = judgement.decision + " {";
    for (const FindingKey& finding : judgement.findings) {
        text += " " + key(finding);
    }
    return text + " }";
}

std::string difference(const Judgement& plugin, const Judgement& cli) {
    std::string text = "plugin: " + plugin.decision + ", cli: " + cli.decision + ";";
    for (const FindingKey& finding : plugin.findings) {
        if (cli.findings.count(finding) == 0) {
            text += " only the plugin " + key(finding) + ";";
        }
    }
    for (const FindingKey& finding : cli.findings) {
        if (plugin.findings.count(finding) == 0) {
            text += " only the CLI " + key(finding) + ";";
        }
    }
    return text;
}

void applySettings(qgis::LicenceState& state, const Settings& settings) {
    QgsSettings qgis;
    qgis.setValue(QStringLiteral("geolicence/role"), settings.role);
    qgis.setValue(QStringLiteral("geolicence/purpose"), settings.purpose);
    state.reload();
}

namespace {

QStringList checkArguments(const QString& project, const QString& layout, Action action,
                           const Settings& settings, const QString& language) {
    const std::string_view action_name = toString(action);
    QStringList arguments{
        QStringLiteral("check"),
        project,
        QStringLiteral("--layout"),
        layout,
        QStringLiteral("--action"),
        QString::fromUtf8(action_name.data(), static_cast<int>(action_name.size())),
        QStringLiteral("--format"),
        QStringLiteral("json")};
    return arguments << settingsArguments(settings, language);
}

QStringList attributionArguments(const QString& project, const QString& layout,
                                 const Settings& settings, const QString& language) {
    QStringList arguments{QStringLiteral("attribution"), project, QStringLiteral("--layout"),
                          layout};
    return arguments << settingsArguments(settings, language);
}

Judgement checkJudgement(const CliRun& run, const QStringList& arguments) {
    Judgement judgement;
    if (run.exit_code != 0 && run.exit_code != 1) {
        ADD_FAILURE() << "geolicence " << arguments.join(' ').toStdString() << " exited "
                      << run.exit_code << ": " << run.err.toStdString();
        judgement.decision = "cli-failed";
        return judgement;
    }
    const auto json = nlohmann::json::parse(run.out.toStdString());
    judgement.decision = json.at("decision").get<std::string>();
    for (const auto& finding : json.at("findings")) {
        judgement.findings.emplace(finding.at("layer_id").get<std::string>(),
                                   finding.at("rule").get<std::string>(),
                                   finding.at("severity").get<std::string>());
    }
    return judgement;
}

QString attributionText(const CliRun& run, const QStringList& arguments) {
    if (run.exit_code != 0 && run.exit_code != 1) {
        ADD_FAILURE() << "geolicence " << arguments.join(' ').toStdString() << " exited "
                      << run.exit_code << ": " << run.err.toStdString();
        return QStringLiteral("<cli failed>");
    }
    QString out = run.out;
    if (out.endsWith(QLatin1Char('\n'))) {
        out.chop(1);
    }
    return out;
}

} // namespace

Judgement cliCheck(const QString& project, const QString& layout, Action action,
                   const Settings& settings, const QString& language) {
    const QStringList arguments = checkArguments(project, layout, action, settings, language);
    return checkJudgement(runCli(arguments), arguments);
}

QString cliAttribution(const QString& project, const QString& layout, const Settings& settings,
                       const QString& language) {
    const QStringList arguments = attributionArguments(project, layout, settings, language);
    return attributionText(runCli(arguments), arguments);
}

CliLayoutRun::CliLayoutRun(const QString& project, const QString& layout, const Settings& settings,
                           const QString& language)
    : check_arguments_(checkArguments(project, layout, Action::Publish, settings, language)),
      attribution_arguments_(attributionArguments(project, layout, settings, language)),
      check_(startCli(check_arguments_)), attribution_(startCli(attribution_arguments_)) {}

CliLayoutRun::~CliLayoutRun() = default;

Judgement CliLayoutRun::check() {
    return checkJudgement(finishCli(*check_), check_arguments_);
}

QString CliLayoutRun::attribution() {
    return attributionText(finishCli(*attribution_), attribution_arguments_);
}

std::set<std::string> cliLayerIds(const QString& project) {
    const CliRun run = runCli(
        {QStringLiteral("inspect"), project, QStringLiteral("--format"), QStringLiteral("json")});
    std::set<std::string> ids;
    if (run.exit_code != 0) {
        ADD_FAILURE() << "geolicence inspect " << project.toStdString() << " exited "
                      << run.exit_code << ": " << run.err.toStdString();
        return ids;
    }
    const auto json = nlohmann::json::parse(run.out.toStdString());
    for (const auto& layer : json.at("layers")) {
        ids.insert(layer.at("id").get<std::string>());
    }
    return ids;
}

Judgement pluginCheck(const qgis::LicenceState& state, const QgsPrintLayout& layout,
                      Action action) {
    const CheckResult checked = state.checkLayout(layout, action);
    Judgement judgement;
    judgement.decision = std::string(toString(checked.decision.verdict));
    for (const Finding& finding : checked.decision.findings) {
        judgement.findings.emplace(finding.layer_id, finding.rule,
                                   std::string(toString(finding.severity)));
    }
    return judgement;
}

bool pluginBlocksExport(QgsPrintLayout& layout) {
    qgis::LayoutLicenceCheck check;
    QgsLayoutValidityCheckContext context(&layout);
    QgsFeedback feedback;
    EXPECT_TRUE(check.prepareCheck(&context, &feedback));
    for (const QgsValidityCheckResult& result : check.runCheck(&context, &feedback)) {
        if (result.type == QgsValidityCheckResult::Critical) {
            return true;
        }
    }
    return false;
}

QString languageOf(const qgis::LicenceState& state) {
    return state.language() == Language::Dutch ? QStringLiteral("nl") : QStringLiteral("en");
}

} // namespace geolicence::parity
