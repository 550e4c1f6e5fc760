#pragma once

#include <QObject>
#include <QPointer>
#include <memory>
#include <qgisplugin.h>

class QAction;
class QTranslator;
class QgisInterface;
class QgsLayoutDesignerInterface;
class QgsMapLayer;

namespace geolicence::qgis {

class AttributionKeeper;
class ExportGuard;
class GeolicenceProcessingProvider;
class LayoutLicenceCheck;
class LicenceDock;
class LicenceIndicators;
class LicencePageFactory;
class LicenceState;
class PasteWatch;
class ProcessingWatch;

// The plugin: wires the adapters into QGIS in initGui() and takes them out again, step by
// step and in reverse, in unload(), leaving QGIS as it found it.
class GeolicencePlugin : public QObject, public QgisPlugin {
    Q_OBJECT

public:
    static const QString kName;
    static const QString kDescription;
    static const QString kCategory;
    static const QString kVersion;
    static const QString kIcon;

    explicit GeolicencePlugin(QgisInterface* iface);
    ~GeolicencePlugin() override;

    void initGui() override;
    void unload() override;

private:
    void openSettings();
    void designerOpened(QgsLayoutDesignerInterface* designer);
    void installTranslator();
    void updateAggregateActions();
    void openAggregateDialog(QgsMapLayer* layer);
    void noticeExpiringLicences();

    static constexpr int kExpiryNoticeDays = 30;

    QgisInterface* iface_;
    QTranslator* translator_ = nullptr;
    LicenceState* state_ = nullptr;
    LicenceDock* dock_ = nullptr;
    LicenceIndicators* indicators_ = nullptr;
    std::unique_ptr<LicencePageFactory> page_factory_;
    LayoutLicenceCheck* layout_check_ = nullptr; // owned by QGIS's registry while registered
    ExportGuard* export_guard_ = nullptr;
    ProcessingWatch* processing_watch_ = nullptr; // a child of the application: the hook finds it
    PasteWatch* paste_watch_ = nullptr;
    QAction* settings_action_ = nullptr;
    QAction* dock_action_ = nullptr;
    QMetaObject::Connection designer_connection_;
    QMetaObject::Connection project_read_connection_;
    AttributionKeeper* keeper_ = nullptr;
    GeolicenceProcessingProvider* provider_ = nullptr; // owned by QGIS's registry
    QAction* aggregate_layer_action_ = nullptr;
    QAction* aggregate_menu_action_ = nullptr;
};

} // namespace geolicence::qgis
