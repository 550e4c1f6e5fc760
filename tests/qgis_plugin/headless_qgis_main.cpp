// The main of every headless plugin test executable: a real QgsApplication (offscreen, with a
// throwaway profile) and the plugin's resources, around the GoogleTest run.
#include "plugin_resources.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <qgsapplication.h>
#include <qgsproject.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir profile;
    QgsApplication app(argc, argv, true, profile.path());
    QgsApplication::initQgis();
    initGeolicenceResources();
    ::testing::InitGoogleTest(&argc, argv);
    const int result = RUN_ALL_TESTS();
    QgsProject::instance()->clear();
    QgsApplication::exitQgis();
    return result;
}
