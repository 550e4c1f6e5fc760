#pragma once

// What the parity tests compare: how the QGIS plugin judges a layout in a running (headless)
// QGIS, and how `geolicence` judges the same layout in the project file QGIS saved.

#include <geolicence/action.h>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>
#include <set>
#include <string>
#include <tuple>

class QgsPrintLayout;

namespace geolicence::qgis {
class LicenceState;
}

namespace geolicence::parity {

// (layer id, rule, severity) of one finding.
using FindingKey = std::tuple<std::string, std::string, std::string>;

struct Judgement {
    std::string decision; // permitted, conditional, prohibited
    std::set<FindingKey> findings;

    bool operator==(const Judgement& other) const {
        return decision == other.decision && findings == other.findings;
    }
};

std::string describe(const Judgement& judgement);
// What one has and the other lacks, for a failure message.
std::string difference(const Judgement& plugin, const Judgement& cli);

// The organisation's settings both sides are given: the plugin through QGIS's settings, the
// CLI through its options.
struct Settings {
    QString role;    // --role
    QString purpose; // --purpose
};

// Applies `settings` to the plugin (QGIS settings, then LicenceState::reload).
void applySettings(qgis::LicenceState& state, const Settings& settings);

// `geolicence check PROJECT --layout NAME --action ACTION --format json`.
Judgement cliCheck(const QString& project, const QString& layout, Action action,
                   const Settings& settings, const QString& language);

// `geolicence attribution PROJECT --layout NAME`: its output, lines joined by '\n'.
QString cliAttribution(const QString& project, const QString& layout, const Settings& settings,
                       const QString& language);

// `check --layout NAME --action publish --format json` and `attribution --layout NAME`,
// started together (so they run side by side) and awaited when asked for.
class CliLayoutRun {
public:
    CliLayoutRun(const QString& project, const QString& layout, const Settings& settings,
                 const QString& language);
    ~CliLayoutRun();
    Judgement check();
    QString attribution();

private:
    QStringList check_arguments_;
    QStringList attribution_arguments_;
    std::unique_ptr<QProcess> check_;
    std::unique_ptr<QProcess> attribution_;
};

// The ids of the layers `geolicence inspect` reads from the project file.
std::set<std::string> cliLayerIds(const QString& project);

// The plugin's layout check (LicenceState::checkLayout) as a judgement.
Judgement pluginCheck(const qgis::LicenceState& state, const QgsPrintLayout& layout, Action action);

// Whether the validity check QGIS runs before an export (LayoutLicenceCheck) blocks it.
bool pluginBlocksExport(QgsPrintLayout& layout);

// "en" or "nl": the language the plugin speaks, for the CLI's --lang.
QString languageOf(const qgis::LicenceState& state);

} // namespace geolicence::parity
