#include "processing_watch.h"

#include "derived_binding.h"
#include "export_guard.h"
#include "layout_licence_check.h"
#include "licence_state.h"
#include "translate.h"

#include <QCoreApplication>
#include <QDate>
#include <QMessageBox>
#include <QSet>
#include <qgsfeedback.h>
#include <qgslayertree.h>
#include <qgslayoutmanager.h>
#include <qgsmaplayer.h>
#include <qgsmessagelog.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgspythonrunner.h>
#include <qgsvaliditycheckcontext.h>

namespace geolicence::qgis {

namespace {

const char* const kLogTag = "geolicence";

// Algorithms that copy their input out of QGIS as it is. QGIS 3.22's ids; the newer "native:"
// ids of the tile algorithms are listed too.
const QSet<QString>& exportAlgorithms() {
    static const QSet<QString> ids = {
        QStringLiteral("native:savefeatures"),
        QStringLiteral("native:saveselectedfeatures"),
        QStringLiteral("native:package"),
        QStringLiteral("native:exporttospreadsheet"),
        QStringLiteral("native:dxfexport"),
        QStringLiteral("native:writevectortiles_xyz"),
        QStringLiteral("native:writevectortiles_mbtiles"),
        QStringLiteral("gdal:convertformat"),
        QStringLiteral("gdal:translate"),
        QStringLiteral("gdal:gdal2tiles"),
        QStringLiteral("gdal:importvectorintopostgisdatabaseavailableconnections"),
        QStringLiteral("gdal:importvectorintopostgisdatabasenewconnection"),
        QStringLiteral("qgis:importintopostgis"),
        QStringLiteral("qgis:importintospatialite"),
        QStringLiteral("grass7:v.out.dxf"),
        QStringLiteral("grass7:v.out.postgis"),
        QStringLiteral("qgis:tilesxyzdirectory"),
        QStringLiteral("qgis:tilesxyzmbtiles"),
        QStringLiteral("native:tilesxyzdirectory"),
        QStringLiteral("native:tilesxyzmbtiles"),
    };
    return ids;
}

// The XYZ tile algorithms take no layer parameter: they render the project's visible layers
// (QgsXyzTilesBaseAlgorithm::prepareAlgorithm).
bool rendersVisibleLayers(const QString& algorithm_id) {
    return algorithm_id.endsWith(QLatin1String(":tilesxyzdirectory")) ||
           algorithm_id.endsWith(QLatin1String(":tilesxyzmbtiles"));
}

QList<QgsMapLayer*> visibleLayers(QgsProject& project) {
    QList<QgsMapLayer*> layers;
    for (QgsLayerTreeLayer* node : project.layerTreeRoot()->findLayers()) {
        if (node->isVisible() && node->layer() != nullptr) {
            layers << node->layer();
        }
    }
    return layers;
}

QgsMapLayer* layerOf(const QVariant& value) {
    return qobject_cast<QgsMapLayer*>(value.value<QObject*>());
}

QString algorithmTitle(const QVariantMap& run) {
    const QString name = run.value(QStringLiteral("algorithm_name")).toString();
    return name.isEmpty() ? run.value(QStringLiteral("algorithm")).toString() : name;
}

} // namespace

const QString ProcessingWatch::kObjectName = QStringLiteral("geolicenceProcessingWatch");

ProcessingWatch::ProcessingWatch(LicenceState* state, ExportGuard* guard, QgsProject* project,
                                 QObject* parent)
    : QObject(parent), state_(state), guard_(guard), project_(project) {
    setObjectName(kObjectName);
    notify_ = [](int, const QString&) {};
}

ProcessingWatch::~ProcessingWatch() = default;

bool ProcessingWatch::installHook() {
    if (!QgsPythonRunner::isValid()) {
        return false;
    }
    // The hook is a resource of the plugin, run as a module of its own.
    return QgsPythonRunner::run(QStringLiteral(
        "def _geolicence_install_hook():\n"
        "    import sys, types\n"
        "    from qgis.PyQt.QtCore import QFile, QIODevice\n"
        "    path = ':/geolicence/python/processing_hook.py'\n"
        "    resource = QFile(path)\n"
        "    if not resource.open(QIODevice.ReadOnly):\n"
        "        raise RuntimeError('geolicence: ' + path + ' is missing')\n"
        "    module = types.ModuleType('geolicence_processing_hook')\n"
        "    module.__file__ = path\n"
        "    exec(compile(bytes(resource.readAll()).decode('utf-8'), path, 'exec'),\n"
        "         module.__dict__)\n"
        "    sys.modules[module.__name__] = module\n"
        "    module.install()\n"
        "_geolicence_install_hook()\n"
        "del _geolicence_install_hook\n"));
}

void ProcessingWatch::uninstallHook() {
    if (QgsPythonRunner::isValid()) {
        QgsPythonRunner::run(
            QStringLiteral("import sys\n"
                           "if 'geolicence_processing_hook' in sys.modules:\n"
                           "    sys.modules.pop('geolicence_processing_hook').uninstall()\n"));
    }
}

bool ProcessingWatch::isExportAlgorithm(const QString& algorithm_id) {
    return exportAlgorithms().contains(algorithm_id);
}

// The layout check QGIS runs before a designer export, on each layout the run exports: its
// Critical results refuse the run, as QGIS refuses the designer's export.
QString ProcessingWatch::layoutRefusal(const QStringList& layout_names) const {
    QStringList lines;
    for (const QString& name : layout_names) {
        auto* layout = dynamic_cast<QgsPrintLayout*>(project_->layoutManager()->layoutByName(name));
        if (layout == nullptr) {
            continue;
        }
        LayoutLicenceCheck check;
        QgsLayoutValidityCheckContext context(layout);
        QgsFeedback feedback;
        if (!check.prepareCheck(&context, &feedback)) {
            continue;
        }
        for (const QgsValidityCheckResult& result : check.runCheck(&context, &feedback)) {
            if (result.type == QgsValidityCheckResult::Critical) {
                lines << gtr("Layout “%1”: %2").arg(name, result.detailedDescription);
            }
        }
    }
    return lines.join(QStringLiteral("\n\n"));
}

QVariantMap ProcessingWatch::confirmRun(const QVariantMap& run) {
    const QString algorithm = run.value(QStringLiteral("algorithm")).toString();
    const bool interactive = run.value(QStringLiteral("interactive")).toBool();
    QVariantMap answer{{QStringLiteral("go_on"), true}};

    const QString refusal = layoutRefusal(run.value(QStringLiteral("layouts")).toStringList());
    if (!refusal.isEmpty()) {
        const QString text = gtr("The layout may not be exported as it is, so “%1” does not run:")
                                 .arg(algorithmTitle(run)) +
                             QStringLiteral("\n\n") + refusal;
        QgsMessageLog::logMessage(text, QString::fromLatin1(kLogTag), Qgis::Critical);
        if (interactive) {
            QMessageBox::critical(QApplication::activeWindow(), gtr("Licence"), text);
        } else {
            notify_(2, text);
        }
        answer.insert(QStringLiteral("go_on"), false);
        answer.insert(QStringLiteral("reason"), text);
        return answer;
    }

    // Only temporary outputs: nothing leaves QGIS. An algorithm without destination parameters
    // (an import into a database) writes where its other parameters say.
    const bool temporary_only = run.value(QStringLiteral("declares_destinations"), true).toBool() &&
                                run.value(QStringLiteral("destinations")).toStringList().isEmpty();
    if (!isExportAlgorithm(algorithm) || temporary_only) {
        return answer;
    }
    QList<QgsMapLayer*> layers;
    if (rendersVisibleLayers(algorithm)) {
        layers = visibleLayers(*project_);
    }
    for (const QVariant& input : run.value(QStringLiteral("inputs")).toList()) {
        if (QgsMapLayer* layer = layerOf(input)) {
            layers << layer;
        }
    }
    const QString warning = guard_->warningFor(layers, {Action::Export, Action::Publish});
    if (warning.isEmpty()) {
        return answer;
    }
    answer.insert(QStringLiteral("warning"), warning);
    if (interactive) {
        if (!guard_->confirmWarning(warning, layers, true)) {
            answer.insert(QStringLiteral("go_on"), false);
            answer.insert(QStringLiteral("reason"),
                          gtr("Cancelled: the licence restricts this data."));
        }
        return answer;
    }
    // processing.run and scripts: nobody to ask, so the run goes on and the user is told (the
    // output carries the licence all the same).
    const QString text = gtr("“%1” writes data out of QGIS.").arg(algorithmTitle(run)) +
                         QStringLiteral(" ") + warning;
    QgsMessageLog::logMessage(text, QString::fromLatin1(kLogTag), Qgis::Warning);
    notify_(1, text);
    return answer;
}

QVariantList ProcessingWatch::bindRun(const QVariantMap& run) {
    QVariantList written;
    const QString algorithm = run.value(QStringLiteral("algorithm")).toString();
    if (algorithm.startsWith(QLatin1String("geolicence:"))) {
        // The plugin's own algorithms bind their outputs with the core themselves, knowing more
        // than the union of the inputs (the aggregate's cell size).
        return written;
    }
    std::vector<DerivationSource> sources;
    QStringList problems;
    QSet<QgsMapLayer*> input_layers;
    QSet<QString> input_sources;
    auto addInput = [&](const DerivationInput& input) {
        sources.push_back(input.source);
        input_sources.insert(QString::fromStdString(input.source.source));
        if (!input.problem.isEmpty()) {
            problems << gtr("the licence of input %1 cannot be read for certain: %2")
                            .arg(QString::fromStdString(input.source.source), input.problem);
        }
    };
    if (rendersVisibleLayers(algorithm)) {
        for (QgsMapLayer* layer : visibleLayers(*project_)) {
            input_layers.insert(layer);
            addInput(derivationInputOf(*state_, *layer));
        }
    }
    for (const QVariant& input : run.value(QStringLiteral("inputs")).toList()) {
        if (QgsMapLayer* layer = layerOf(input)) {
            if (!input_layers.contains(layer)) {
                input_layers.insert(layer);
                addInput(derivationInputOf(*state_, *layer));
            }
        } else if (!input.toString().isEmpty()) {
            addInput(derivationInputOf(*state_, input.toString()));
        }
    }
    const Derivation derivation =
        derive(sources, QDate::currentDate().toString(Qt::ISODate).toStdString(),
               "QGIS Processing " + algorithm.toStdString());
    if (derivation.binding.licences.empty()) {
        // No input is licensed: the outputs are as unlicensed as their inputs and show so.
        // An input whose licence could not be read is no unlicensed input, though.
        if (!problems.isEmpty()) {
            const QString text = gtr("The outputs of “%1” carry no licence: %2")
                                     .arg(algorithmTitle(run), problems.join(QStringLiteral("; ")));
            QgsMessageLog::logMessage(text, QString::fromLatin1(kLogTag), Qgis::Critical);
            notify_(2, text);
        }
        return written;
    }

    QStringList bound;
    QStringList failed;
    QSet<QString> done;
    for (const QVariant& item : run.value(QStringLiteral("outputs")).toList()) {
        const QVariantMap output = item.toMap();
        const QVariant value = output.value(QStringLiteral("value"));
        WrittenBinding result;
        if (QgsMapLayer* layer = layerOf(value)) {
            // An algorithm that changes its input in place returns the input: it stays what it
            // was, and is no source of itself.
            if (input_layers.contains(layer) || input_sources.contains(sourceName(*layer)) ||
                done.contains(layer->id())) {
                continue;
            }
            done.insert(layer->id());
            result = writeDerivedBinding(*state_, *layer, derivation.binding);
        } else {
            const QString destination = value.toString();
            if (destination.isEmpty() || done.contains(destination)) {
                continue;
            }
            done.insert(destination);
            if (output.value(QStringLiteral("kind")).toString() == QLatin1String("outputFolder")) {
                result.target = destination;
                result.error = gtr("a folder cannot carry a licence");
            } else if (input_sources.contains(sourceName(destination))) {
                continue;
            } else {
                result = writeDerivedBinding(*state_, destination, derivation.binding);
            }
        }
        if (result.error.isEmpty()) {
            bound << result.target;
        } else {
            failed << QStringLiteral("%1 (%2)").arg(result.target, result.error);
        }
        written << QVariantMap{
            {QStringLiteral("output"), result.target},
            {QStringLiteral("licences"), QString::fromStdString(derivation.binding.describeIds())},
            {QStringLiteral("carriers"), result.carriers},
            {QStringLiteral("error"), result.error}};
    }

    QStringList lines;
    if (!bound.isEmpty()) {
        lines << gtr("The output of “%1” carries the licences of its inputs (%2): %3")
                     .arg(algorithmTitle(run), licenceNames(*state_, derivation.binding),
                          bound.join(QStringLiteral(", ")));
    }
    for (const std::string& source : derivation.unlicensed) {
        lines << gtr("Input %1 carries no licence: the output records it as a source without a "
                     "licence, and every check of the output warns about it.")
                     .arg(QString::fromStdString(source));
    }
    lines << problems;
    if (!failed.isEmpty()) {
        lines << gtr("These outputs carry no licence although their inputs are licensed: %1")
                     .arg(failed.join(QStringLiteral(", ")));
    }
    if (!lines.isEmpty()) {
        const int level = !failed.isEmpty() || !problems.isEmpty() ? 2
                          : !derivation.unlicensed.empty()         ? 1
                                                                   : 0;
        const QString text = lines.join(QLatin1Char('\n'));
        QgsMessageLog::logMessage(text, QString::fromLatin1(kLogTag),
                                  level == 2   ? Qgis::Critical
                                  : level == 1 ? Qgis::Warning
                                               : Qgis::Info);
        notify_(level, text);
    }
    return written;
}

} // namespace geolicence::qgis
