// In QGIS, a virtual layer and a layer with a vector join show other layers' data: the plugin
// binds them with those layers' licences (the core's bindProjectLayer, as `geolicence check`
// does on the saved project), and binds them afresh when a source's licence or the join changes.
#include "licence_state.h"

#include <gtest/gtest.h>

#include <QDir>
#include <qgsgeometry.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerjoininfo.h>
#include <qgsvirtuallayerdefinition.h>

using namespace geolicence;
using namespace geolicence::qgis;

namespace {

QgsVectorLayer* pointLayer(const QString& name, const QString& licence) {
    auto* layer = new QgsVectorLayer(
        QStringLiteral("Point?crs=EPSG:28992&field=code:integer&field=soort:string"), name,
        QStringLiteral("memory"));
    QgsFeature feature(layer->fields());
    feature.setAttributes(QgsAttributes() << 1 << QStringLiteral("Das"));
    feature.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(155123.45, 463456.78)));
    layer->dataProvider()->addFeature(feature);
    if (!licence.isEmpty()) {
        layer->setCustomProperty(QStringLiteral("geolicence/licence"), licence);
    }
    QgsProject::instance()->addMapLayer(layer);
    return layer;
}

std::vector<std::string> licencesOf(const LicenceState& state, const QgsMapLayer& layer) {
    std::vector<std::string> ids;
    const LayerBindingResult bound = state.bindingOf(layer);
    if (bound.binding) {
        for (const BoundLicence& licence : bound.binding->licences) {
            ids.push_back(licence.licence_id);
        }
    }
    return ids;
}

class ShownDataTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // The test runs beside the build, where QgsApplication finds no data providers but its
        // built-in ones; the virtual layer provider is in QGIS's own plugin folder.
        if (!QgsProviderRegistry::instance()->providerList().contains(QStringLiteral("virtual"))) {
            QgsProviderRegistry::instance()->setLibraryDirectory(
                QDir(QStringLiteral(GEOLICENCE_QGIS_PROVIDER_DIR)));
        }
    }
    void SetUp() override {
        QgsProject::instance()->clear();
        state_ = std::make_unique<LicenceState>(QgsProject::instance());
    }
    void TearDown() override {
        QgsProject::instance()->clear();
        state_.reset();
    }
    std::unique_ptr<LicenceState> state_;
};

TEST_F(ShownDataTest, AVirtualLayerIsJudgedAsTheDataItShows) {
    QgsVectorLayer* ndff =
        pointLayer(QStringLiteral("waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVirtualLayerDefinition definition;
    definition.addSource(QStringLiteral("p"), ndff->id());
    definition.setQuery(QStringLiteral("SELECT * FROM p"));
    auto* shown = new QgsVectorLayer(definition.toString(), QStringLiteral("virtueel"),
                                     QStringLiteral("virtual"));
    ASSERT_TRUE(shown->isValid()) << definition.toString().toStdString();
    QgsProject::instance()->addMapLayer(shown);

    EXPECT_EQ(licencesOf(*state_, *shown), std::vector<std::string>{"ndff-uitvoerportaal"});
    const Decision decision = state_->evaluateLayers({shown}, Action::Publish);
    EXPECT_EQ(decision.verdict, Verdict::Prohibited);

    // The source rebound: the virtual layer follows without being touched itself.
    ndff->setCustomProperty(QStringLiteral("geolicence/licence"), QStringLiteral("cc0-1.0"));
    EXPECT_EQ(licencesOf(*state_, *shown), std::vector<std::string>{"cc0-1.0"});
    EXPECT_EQ(state_->evaluateLayers({shown}, Action::Publish).verdict, Verdict::Permitted);

    // The source removed: what the virtual layer shows has no known licence any more.
    QgsProject::instance()->removeMapLayer(ndff);
    EXPECT_TRUE(licencesOf(*state_, *shown).empty());
}

TEST_F(ShownDataTest, AJoinBringsTheJoinedLayersLicence) {
    QgsVectorLayer* ndff =
        pointLayer(QStringLiteral("waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* target = pointLayer(QStringLiteral("gemeenten"), QStringLiteral("cc0-1.0"));
    EXPECT_EQ(licencesOf(*state_, *target), std::vector<std::string>{"cc0-1.0"});
    EXPECT_EQ(state_->evaluateLayers({target}, Action::Publish).verdict, Verdict::Permitted);

    QgsVectorLayerJoinInfo join;
    join.setJoinLayer(ndff);
    join.setJoinFieldName(QStringLiteral("code"));
    join.setTargetFieldName(QStringLiteral("code"));
    ASSERT_TRUE(target->addJoin(join));
    EXPECT_EQ(licencesOf(*state_, *target),
              (std::vector<std::string>{"cc0-1.0", "ndff-uitvoerportaal"}));
    EXPECT_EQ(state_->evaluateLayers({target}, Action::Publish).verdict, Verdict::Prohibited);

    ASSERT_TRUE(target->removeJoin(ndff->id()));
    EXPECT_EQ(licencesOf(*state_, *target), std::vector<std::string>{"cc0-1.0"});
}

} // namespace
