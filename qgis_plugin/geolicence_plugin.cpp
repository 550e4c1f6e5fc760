#include "geolicence_plugin.h"

#include "aggregate_algorithm.h"
#include "attribution_expression.h"
#include "attribution_keeper.h"
#include "export_guard.h"
#include "layout_licence_check.h"
#include "licence_dock.h"
#include "licence_expiry.h"
#include "licence_indicators.h"
#include "licence_page.h"
#include "licence_state.h"
#include "paste_watch.h"
#include "plugin_resources.h"
#include "processing_provider.h"
#include "processing_watch.h"
#include "settings_dialog.h"
#include "translate.h"

#include <geolicence/version.h>

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QTimer>
#include <QTranslator>
#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgsexpression.h>
#include <qgslayertree.h>
#include <qgslayertreeview.h>
#include <qgslayoutdesignerinterface.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsmessagelog.h>
#include <qgsprintlayout.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgspythonrunner.h>
#include <qgsvaliditycheckregistry.h>
#include <qgsvectorlayer.h>

namespace geolicence::qgis {

const QString GeolicencePlugin::kName = QStringLiteral("geolicence");
const QString GeolicencePlugin::kDescription =
    QStringLiteral("Licences of layers: warnings before disallowed exports, checks before "
                   "layouts are published");
const QString GeolicencePlugin::kCategory = QStringLiteral("Plugins");
const QString GeolicencePlugin::kVersion = QString::fromLatin1(kProgramVersion);
const QString GeolicencePlugin::kIcon = QStringLiteral(":/geolicence/icons/licence_ok.svg");

GeolicencePlugin::GeolicencePlugin(QgisInterface* iface)
    : QgisPlugin(kName, kDescription, kCategory, kVersion, QgisPlugin::UI), iface_(iface) {}

GeolicencePlugin::~GeolicencePlugin() = default;

// The plugin's language is fixed when it starts, like QGIS's own: the plugin's setting, else
// QGIS's user interface language (see LicenceState::languageCode).
void GeolicencePlugin::installTranslator() {
    const QString language = LicenceState::languageCode(PluginSettings::load());
    translator_ = new QTranslator(this);
    if (translator_->load(QStringLiteral(":/geolicence/i18n/geolicence_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(translator_);
    }
}

void GeolicencePlugin::initGui() {
    initGeolicenceResources();
    installTranslator();
    state_ = new LicenceState(QgsProject::instance(), this);

    dock_ = new LicenceDock(state_, iface_->mainWindow());
    dock_->setOpenLicencePage([this](const QString& layer_id) {
        if (QgsMapLayer* layer = QgsProject::instance()->mapLayer(layer_id)) {
            iface_->showLayerProperties(layer, LicencePage::kObjectName);
        }
    });
    dock_->setSelectLayer([this](const QString& layer_id) {
        if (QgsMapLayer* layer = QgsProject::instance()->mapLayer(layer_id)) {
            iface_->layerTreeView()->setCurrentLayer(layer);
        }
    });
    dock_->setZoomToLayer([this](const QString& layer_id) {
        if (QgsMapLayer* layer = QgsProject::instance()->mapLayer(layer_id)) {
            iface_->layerTreeView()->setCurrentLayer(layer);
            iface_->zoomToActiveLayer();
        }
    });
    iface_->addDockWidget(Qt::RightDockWidgetArea, dock_);

    indicators_ = new LicenceIndicators(state_, iface_->layerTreeView(), this);

    page_factory_ = std::make_unique<LicencePageFactory>(state_);
    iface_->registerMapLayerConfigWidgetFactory(page_factory_.get());

    keeper_ = new AttributionKeeper(state_, QgsProject::instance(), this);
    keeper_->setOpenLayouts([iface = iface_] {
        QList<QgsPrintLayout*> open;
        for (QgsLayoutDesignerInterface* designer : iface->openLayoutDesigners()) {
            if (auto* layout = qobject_cast<QgsPrintLayout*>(designer->layout())) {
                open << layout;
            }
        }
        return open;
    });
    QgsExpression::registerFunction(new AttributionExpressionFunction(state_), true);

    LayoutLicenceCheck::setState(state_);
    LayoutLicenceCheck::setKeeper(keeper_);
    layout_check_ = new LayoutLicenceCheck();
    QgsApplication::validityCheckRegistry()->addCheck(layout_check_);

    QgisInterface* iface = iface_;
    export_guard_ = new ExportGuard(
        state_, [iface] { return QList<QgsMapLayer*>{iface->activeLayer()}; },
        [iface] { return iface->mapCanvas()->layers(); }, this);
    export_guard_->guardCopyAction(iface_->actionCopyFeatures(), iface_->mapCanvas(),
                                   iface_->mainWindow());
    const auto notify = [iface](int level, const QString& text) {
        iface->messageBar()->pushMessage(gtr("Licence"), text,
                                         level == 2   ? Qgis::Critical
                                         : level == 1 ? Qgis::Warning
                                                      : Qgis::Info);
    };
    export_guard_->setNotify(notify);
    export_guard_->setAggregate([this](QgsMapLayer* layer) { openAggregateDialog(layer); });
    connect(iface_, &QgisInterface::layerSavedAs, export_guard_, &ExportGuard::layerSavedAs);

    paste_watch_ = new PasteWatch(
        state_, QgsProject::instance(), [iface] { return iface->activeLayer(); }, this);
    paste_watch_->setNotify(notify);
    paste_watch_->guardPasteActions(
        iface_->actionPasteFeatures(),
        iface_->mainWindow()->findChild<QAction*>(QStringLiteral("mActionPasteAsNewMemoryVector")),
        iface_->mainWindow()->findChild<QAction*>(QStringLiteral("mActionPasteAsNewVector")),
        iface_->actionCutFeatures(), iface_->mapCanvas(), iface_->mainWindow());
    connect(export_guard_, &ExportGuard::featuresCopied, paste_watch_, &PasteWatch::featuresCopied);

    // A child of the application, so the Python hook finds it by name.
    processing_watch_ = new ProcessingWatch(state_, export_guard_, QgsProject::instance(),
                                            QCoreApplication::instance());
    processing_watch_->setNotify(notify);
    // Once QGIS has loaded its Python plugins (Processing among them).
    QTimer::singleShot(0, this, [] {
        if (!ProcessingWatch::installHook()) {
            QgsMessageLog::logMessage(
                gtr("Processing outputs do not carry the licences of their inputs: QGIS runs "
                    "without Python."),
                QStringLiteral("geolicence"), Qgis::Critical);
        }
    });

    settings_action_ = new QAction(QIcon(kIcon), gtr("Settings…"), this);
    settings_action_->setObjectName(QStringLiteral("mActionGeolicenceSettings"));
    connect(settings_action_, &QAction::triggered, this, &GeolicencePlugin::openSettings);
    iface_->addPluginToMenu(gtr("&geolicence"), settings_action_);
    dock_action_ = dock_->toggleViewAction();
    dock_action_->setText(gtr("Licences panel"));
    iface_->addPluginToMenu(gtr("&geolicence"), dock_action_);

    provider_ = new GeolicenceProcessingProvider(state_);
    QgsApplication::processingRegistry()->addProvider(provider_);

    aggregate_menu_action_ = new QAction(gtr("Aggregate to 1 km grid…"), this);
    aggregate_menu_action_->setObjectName(QStringLiteral("mActionGeolicenceAggregate"));
    connect(aggregate_menu_action_, &QAction::triggered, this,
            [this] { openAggregateDialog(iface_->activeLayer()); });
    iface_->addPluginToMenu(gtr("&geolicence"), aggregate_menu_action_);
    aggregate_layer_action_ = new QAction(gtr("Aggregate to 1 km grid…"), this);
    aggregate_layer_action_->setObjectName(QStringLiteral("mActionGeolicenceAggregateLayer"));
    connect(aggregate_layer_action_, &QAction::triggered, this,
            [this] { openAggregateDialog(iface_->activeLayer()); });
    // In every vector layer's context menu, shown only for the current layer (the one the user
    // right-clicked) when its licence demands aggregation: one cheap check per change of the
    // current layer instead of one per layer of the project.
    iface_->addCustomActionForLayerType(aggregate_layer_action_, QString(),
                                        QgsMapLayerType::VectorLayer, true);
    connect(iface_, &QgisInterface::currentLayerChanged, this,
            &GeolicencePlugin::updateAggregateActions);
    connect(state_, &LicenceState::changed, this, &GeolicencePlugin::updateAggregateActions);
    connect(state_, &LicenceState::layerChanged, this, [this](const QString& layer_id) {
        if (iface_->activeLayer() != nullptr && iface_->activeLayer()->id() == layer_id) {
            updateAggregateActions();
        }
    });
    updateAggregateActions();

    // Once the project is read (LicenceState has seen it): licences that ended or end soon.
    project_read_connection_ =
        connect(QgsProject::instance(), &QgsProject::readProject, this,
                [this] { QTimer::singleShot(0, this, &GeolicencePlugin::noticeExpiringLicences); });

    designer_connection_ = connect(iface_, &QgisInterface::layoutDesignerOpened, this,
                                   &GeolicencePlugin::designerOpened);
    for (QgsLayoutDesignerInterface* designer : iface_->openLayoutDesigners()) {
        designerOpened(designer);
    }
}

// Non-blocking news in QGIS's message bar: the licences of the project just opened that ended
// (a warning that stays until closed) or end within 30 days.
void GeolicencePlugin::noticeExpiringLicences() {
    if (state_ == nullptr) {
        return;
    }
    const QList<ExpiringLicence> licences =
        expiringLicences(*state_, QgsProject::instance()->layerTreeRoot()->layerOrder(),
                         QDate::currentDate(), kExpiryNoticeDays);
    if (licences.isEmpty()) {
        return;
    }
    const bool expired = licences.first().expired;
    auto* item = new QgsMessageBarItem(expired ? gtr("Licences expired") : gtr("Licences expiring"),
                                       expiryNotice(licences), expired ? Qgis::Warning : Qgis::Info,
                                       expired ? 0 : 30, iface_->messageBar());
    item->setObjectName(QStringLiteral("geolicenceExpiryNotice"));
    iface_->messageBar()->pushItem(item);
}

void GeolicencePlugin::designerOpened(QgsLayoutDesignerInterface* designer) {
    auto* layout = qobject_cast<QgsPrintLayout*>(designer->layout());
    if (layout == nullptr || designer->layoutMenu() == nullptr) {
        return;
    }
    // Parented to the designer: it goes when the designer closes; unload() removes the rest.
    auto* action = new QAction(gtr("Internal working document (geolicence)"), designer);
    action->setObjectName(QStringLiteral("mActionGeolicenceInternal"));
    action->setCheckable(true);
    action->setChecked(LicenceState::layoutIsInternal(*layout));
    QPointer<QgsPrintLayout> guarded(layout);
    connect(action, &QAction::toggled, this, [guarded](bool internal) {
        if (guarded) {
            LicenceState::setLayoutInternal(*guarded, internal);
        }
    });
    designer->layoutMenu()->addAction(action);

    auto* restore = new QAction(gtr("Restore licence attribution (geolicence)"), designer);
    restore->setObjectName(QStringLiteral("mActionGeolicenceRestoreAttribution"));
    connect(restore, &QAction::triggered, this, [this, guarded] {
        if (guarded && keeper_ != nullptr) {
            keeper_->restore(*guarded);
        }
    });
    designer->layoutMenu()->addAction(restore);
    if (keeper_ != nullptr) {
        keeper_->layoutOpened(layout);
    }
}

// Only layers whose licence demands aggregation before publication get the entry.
void GeolicencePlugin::updateAggregateActions() {
    QgsMapLayer* active = iface_->activeLayer();
    const bool demands = active != nullptr && active->type() == QgsMapLayerType::VectorLayer &&
                         state_->demandsAggregation(*active);
    aggregate_menu_action_->setEnabled(demands);
    aggregate_layer_action_->setVisible(demands);
}

// Opens the Processing dialog with the algorithm's suggestions for the layer. The dialog lives
// in QGIS's Python Processing framework, so it is opened through Python.
void GeolicencePlugin::openAggregateDialog(QgsMapLayer* layer) {
    auto* vector = qobject_cast<QgsVectorLayer*>(layer);
    if (vector == nullptr) {
        return;
    }
    const QVariantMap suggested = AggregateAlgorithm::suggestedParameters(*vector);
    auto quoted = [](QString text) {
        text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        text.replace(QLatin1Char('\''), QLatin1String("\\'"));
        return QStringLiteral("'%1'").arg(text);
    };
    QStringList items;
    for (auto it = suggested.begin(); it != suggested.end(); ++it) {
        QString value;
        if (it.value().type() == QVariant::StringList) {
            QStringList quoted_items;
            for (const QString& item : it.value().toStringList()) {
                quoted_items << quoted(item);
            }
            value = QStringLiteral("[%1]").arg(quoted_items.join(QLatin1Char(',')));
        } else if (it.value().type() == QVariant::String) {
            value = quoted(it.value().toString());
        } else {
            value = it.value().toString();
        }
        items << QStringLiteral("%1: %2").arg(quoted(it.key()), value);
    }
    QgsPythonRunner::run(
        QStringLiteral("import processing\n"
                       "processing.execAlgorithmDialog('geolicence:aggregate', {%1})")
            .arg(items.join(QStringLiteral(", "))));
}

void GeolicencePlugin::openSettings() {
    SettingsDialog dialog(state_->settings(), iface_->mainWindow());
    if (dialog.exec() == QDialog::Accepted) {
        const PluginSettings chosen = dialog.settings();
        const bool language_changed =
            LicenceState::languageCode(chosen) != LicenceState::languageCode(state_->settings());
        chosen.save();
        state_->reload();
        if (language_changed) {
            iface_->messageBar()->pushInfo(
                gtr("geolicence"), gtr("The new language is used once QGIS has been restarted."));
        }
    }
}

void GeolicencePlugin::unload() {
    disconnect(designer_connection_);
    disconnect(project_read_connection_);
    iface_->removeCustomActionForLayerType(aggregate_layer_action_);
    iface_->removePluginMenu(gtr("&geolicence"), aggregate_menu_action_);
    delete aggregate_layer_action_;
    aggregate_layer_action_ = nullptr;
    delete aggregate_menu_action_;
    aggregate_menu_action_ = nullptr;
    QgsApplication::processingRegistry()->removeProvider(provider_); // and deletes it
    provider_ = nullptr;
    for (QgsLayoutDesignerInterface* designer : iface_->openLayoutDesigners()) {
        if (designer->layoutMenu() != nullptr) {
            for (QAction* action : designer->layoutMenu()->actions()) {
                if (action->objectName() == QLatin1String("mActionGeolicenceInternal") ||
                    action->objectName() == QLatin1String("mActionGeolicenceRestoreAttribution")) {
                    designer->layoutMenu()->removeAction(action);
                    action->deleteLater();
                }
            }
        }
    }
    iface_->removePluginMenu(gtr("&geolicence"), dock_action_);
    iface_->removePluginMenu(gtr("&geolicence"), settings_action_);
    delete settings_action_;
    settings_action_ = nullptr;
    dock_action_ = nullptr;

    ProcessingWatch::uninstallHook();
    delete processing_watch_;
    processing_watch_ = nullptr;
    delete paste_watch_;
    paste_watch_ = nullptr;
    delete export_guard_;
    export_guard_ = nullptr;

    QgsApplication::validityCheckRegistry()->removeCheck(layout_check_); // and deletes it
    layout_check_ = nullptr;
    LayoutLicenceCheck::setState(nullptr);
    LayoutLicenceCheck::setKeeper(nullptr);
    QgsExpression::unregisterFunction(AttributionExpressionFunction::kName);
    delete keeper_;
    keeper_ = nullptr;

    iface_->unregisterMapLayerConfigWidgetFactory(page_factory_.get());
    page_factory_.reset();

    delete indicators_;
    indicators_ = nullptr;

    iface_->removeDockWidget(dock_);
    delete dock_;
    dock_ = nullptr;

    delete state_;
    state_ = nullptr;

    if (translator_ != nullptr) {
        QCoreApplication::removeTranslator(translator_);
        delete translator_;
        translator_ = nullptr;
    }
}

} // namespace geolicence::qgis
