// The plugin's adapters on real QGIS objects, headless (QgsApplication, offscreen platform):
// bindings of live layers, the layout check QGIS runs before exports, the licence page, the
// export guard, the dock and the layer-tree indicators.
#include "aggregate_algorithm.h"
#include "attribution_expression.h"
#include "attribution_keeper.h"
#include "export_guard.h"
#include "layer_standing.h"
#include "layout_licence_check.h"
#include "licence_page.h"
#include "licence_state.h"
#include "plugin_resources.h"
#include "plugin_settings.h"
#include "processing_provider.h"
#include "status_text.h"

#include <geolicence/derivation.h>
#include <geolicence/layer_binding.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>
#include <qgsapplication.h>
#include <qgsexpression.h>
#include <qgsexpressioncontext.h>
#include <qgsfeedback.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreeview.h>
#include <qgslayoutatlas.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutmanager.h>
#include <qgslayoutundostack.h>
#include <qgsprintlayout.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgsvaliditycheckcontext.h>
#include <qgsvaliditycheckregistry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>
#include <set>
#include <tuple>

using namespace geolicence;
using namespace geolicence::qgis;

namespace {

const char* kGrbText =
    "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";

QgsVectorLayer* addLayer(const QString& name, const QString& licence = QString(),
                         const QString& options = QString()) {
    auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:28992&field=soort:string"),
                                     name, QStringLiteral("memory"));
    if (!licence.isEmpty()) {
        layer->setCustomProperty(QStringLiteral("geolicence/licence"), licence);
    }
    if (!options.isEmpty()) {
        layer->setCustomProperty(QStringLiteral("geolicence/options"), options);
    }
    QgsProject::instance()->addMapLayer(layer);
    return layer;
}

class PluginTest : public ::testing::Test {
protected:
    void SetUp() override {
        QgsProject::instance()->clear();
        state_ = std::make_unique<LicenceState>(QgsProject::instance());
        LayoutLicenceCheck::setState(state_.get());
    }
    void TearDown() override {
        LayoutLicenceCheck::setState(nullptr);
        QgsProject::instance()->clear();
        state_.reset();
    }

    // A print layout whose one map renders `layers`, with the given labels.
    QgsPrintLayout* makeLayout(const QList<QgsMapLayer*>& layers, const QStringList& labels) {
        auto* layout = new QgsPrintLayout(QgsProject::instance());
        layout->initializeDefaults();
        layout->setName(QStringLiteral("Kaart %1").arg(++layouts_));
        auto* map = new QgsLayoutItemMap(layout);
        map->setLayers(layers);
        map->setKeepLayerSet(true);
        layout->addLayoutItem(map);
        for (const QString& text : labels) {
            auto* label = new QgsLayoutItemLabel(layout);
            label->setText(text);
            layout->addLayoutItem(label);
        }
        QgsProject::instance()->layoutManager()->addLayout(layout);
        return layout;
    }

    QList<QgsValidityCheckResult> runLayoutCheck(QgsPrintLayout* layout) {
        LayoutLicenceCheck check;
        QgsLayoutValidityCheckContext context(layout);
        QgsFeedback feedback;
        EXPECT_TRUE(check.prepareCheck(&context, &feedback));
        return check.runCheck(&context, &feedback);
    }

    static int count(const QList<QgsValidityCheckResult>& results,
                     QgsValidityCheckResult::Type type) {
        int n = 0;
        for (const QgsValidityCheckResult& result : results) {
            n += result.type == type ? 1 : 0;
        }
        return n;
    }

    std::unique_ptr<LicenceState> state_;
    int layouts_ = 0;
};

TEST_F(PluginTest, LiveLayerBindingComesFromCustomProperties) {
    QgsVectorLayer* layer =
        addLayer(QStringLiteral("waarnemingen"), QStringLiteral("ndff-uitvoerportaal"),
                 QStringLiteral(R"({"project_end": "2027-03-31"})"));
    const LayerBindingResult bound = state_->bindingOf(*layer);
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(bound.binding->licences.front().licence_id, "ndff-uitvoerportaal");
    EXPECT_EQ(bound.binding->from, "custom-property");
    EXPECT_EQ(std::get<Date>(bound.binding->licences.front().options.at("project_end")).toString(),
              "2027-03-31");
}

TEST_F(PluginTest, StateSignalsTheLayerWhoseLicencePropertyChanged) {
    QgsVectorLayer* layer = addLayer(QStringLiteral("gebouwen"));
    EXPECT_FALSE(state_->bindingOf(*layer).binding);
    QSignalSpy spy(state_.get(), &LicenceState::layerChanged);
    layer->setCustomProperty(QStringLiteral("unrelated"), 1);
    EXPECT_EQ(spy.count(), 0);
    layer->setCustomProperty(QStringLiteral("geolicence/licence"), QStringLiteral("cc0-1.0"));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), layer->id());
    ASSERT_TRUE(state_->bindingOf(*layer).binding) << "the cached binding was dropped";
    EXPECT_EQ(state_->bindingOf(*layer).binding->licences.front().licence_id, "cc0-1.0");
    QgsVectorLayer* other = addLayer(QStringLiteral("nog een"));
    ASSERT_GE(spy.count(), 2) << "a new layer is announced";
    EXPECT_EQ(spy.at(1).at(0).toString(), other->id());
}

TEST_F(PluginTest, AProjectBeingReadIsAnnouncedOnceWhenItIsRead) {
    QTemporaryDir dir;
    for (int i = 0; i < 5; ++i) {
        addLayer(QStringLiteral("laag %1").arg(i), QStringLiteral("cc0-1.0"));
    }
    const QString path = dir.filePath(QStringLiteral("project.qgs"));
    ASSERT_TRUE(QgsProject::instance()->write(path));
    QSignalSpy per_layer(state_.get(), &LicenceState::layerChanged);
    QSignalSpy whole(state_.get(), &LicenceState::changed);
    ASSERT_TRUE(QgsProject::instance()->read(path));
    EXPECT_EQ(per_layer.count(), 0) << "no work per layer while the project is read";
    EXPECT_GE(whole.count(), 1);
    EXPECT_FALSE(state_->projectIsLoading());
    EXPECT_EQ(QgsProject::instance()->mapLayers().size(), 5);
}

// Points on no grid (exact observations) and points on the centres of 1 km squares.
QgsVectorLayer* addPoints(const QString& name, bool on_grid, const QString& options) {
    QgsVectorLayer* layer = addLayer(name, QStringLiteral("ndff-uitvoerportaal"), options);
    QgsFeatureList features;
    for (int i = 0; i < 50; ++i) {
        QgsFeature feature(layer->fields());
        const double x = on_grid ? 150500.0 + 1000 * (i % 7) : 150123.37 + 17.3 * i;
        const double y = on_grid ? 460500.0 + 1000 * (i / 7) : 460011.91 + 23.9 * i;
        feature.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(x, y)));
        features << feature;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    return layer;
}

bool hasRule(const Decision& decision, const std::string& rule) {
    return std::any_of(decision.findings.begin(), decision.findings.end(),
                       [&](const Finding& f) { return f.rule == rule; });
}

TEST_F(PluginTest, ACellSizeClaimIsMeasuredAgainstTheData) {
    QgsVectorLayer* claimed =
        addPoints(QStringLiteral("exact"), false,
                  QStringLiteral(R"({"role": "subscriber", "cell_size_m": 1000})"));
    const Decision exact = state_->evaluateLayers({claimed}, Action::Publish);
    EXPECT_FALSE(exact.permitted()) << "a typed claim does not unblock exact points";
    EXPECT_TRUE(hasRule(exact, "precision-claim-contradicted"));
    EXPECT_TRUE(hasRule(exact, "n4-no-exact-publish"));

    QgsVectorLayer* cells =
        addPoints(QStringLiteral("km-hokken"), true,
                  QStringLiteral(R"({"role": "subscriber", "cell_size_m": 1000})"));
    const Decision grid = state_->evaluateLayers({cells}, Action::Publish);
    EXPECT_TRUE(grid.permitted()) << "a claim the km squares bear out passes";
    EXPECT_TRUE(hasRule(grid, "precision-measured"));
    QgsVectorLayer* unclaimed = addPoints(QStringLiteral("zonder claim"), true,
                                          QStringLiteral(R"({"role": "subscriber"})"));
    EXPECT_FALSE(state_->evaluateLayers({unclaimed}, Action::Publish).permitted())
        << "without a claim a layer counts as exact";
    EXPECT_TRUE(state_->demandsAggregation(*claimed));
    EXPECT_FALSE(state_->demandsAggregation(*cells));

    // The layout check reports the contradicted claim as Critical.
    const auto results = runLayoutCheck(makeLayout({claimed}, {}));
    EXPECT_TRUE(std::any_of(results.begin(), results.end(), [](const QgsValidityCheckResult& r) {
        return r.type == QgsValidityCheckResult::Critical &&
               r.detailedDescription.contains(QStringLiteral("1000 m"));
    }));

    // Editing the data is measured again: one exact point among the cells.
    QgsFeature extra(cells->fields());
    extra.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(150321.5, 460777.25)));
    ASSERT_TRUE(cells->startEditing());
    ASSERT_TRUE(cells->addFeature(extra));
    EXPECT_FALSE(state_->evaluateLayers({cells}, Action::Publish).permitted());
    cells->rollBack();
}

TEST_F(PluginTest, LayoutMissingTheGrbAttributionIsCritical) {
    QgsVectorLayer* grb =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2030-12-31", "publication_right": true})"));
    const auto without = runLayoutCheck(makeLayout({grb}, {QStringLiteral("Titel")}));
    ASSERT_EQ(count(without, QgsValidityCheckResult::Critical), 1);
    EXPECT_TRUE(without.front().detailedDescription.contains(QString::fromUtf8(kGrbText)));
    const auto with = runLayoutCheck(makeLayout({grb}, {QString::fromUtf8(kGrbText)}));
    EXPECT_EQ(count(with, QgsValidityCheckResult::Critical), 0);
}

TEST_F(PluginTest, ExactNdffPointsOnALayoutAreCriticalUnlessInternal) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    QgsPrintLayout* layout = makeLayout({ndff}, {});
    EXPECT_GE(count(runLayoutCheck(layout), QgsValidityCheckResult::Critical), 1);
    LicenceState::setLayoutInternal(*layout, true);
    EXPECT_EQ(count(runLayoutCheck(layout), QgsValidityCheckResult::Critical), 0)
        << "an internal working document may show exact observations";
}

namespace {

// What the plugin writes on a layer made from other layers (a Processing output): the core's
// derive() of the inputs' bindings, as custom properties (bindingProperties).
void bindAsDerived(const LicenceState& state, QgsMapLayer& output,
                   const QList<QgsMapLayer*>& inputs, const std::string& tool) {
    std::vector<DerivationSource> sources;
    for (QgsMapLayer* input : inputs) {
        sources.push_back({input->source().toStdString(), state.bindingOf(*input).binding});
    }
    for (const auto& [key, value] :
         bindingProperties(derive(sources, "2026-03-01", tool).binding)) {
        if (value.empty()) {
            output.removeCustomProperty(QString::fromStdString(key));
        } else {
            output.setCustomProperty(QString::fromStdString(key), QString::fromStdString(value));
        }
    }
}

} // namespace

// A buffer of NDFF points carries NDFF's licence with its provenance: a layout rendering it is
// blocked exactly as one rendering the points, for the same reason; as an internal working
// document it may show it. Unbound, the same buffer would be a warning only.
TEST_F(PluginTest, ALayoutOfDataDerivedFromNdffIsBlockedAsTheNdffPointsAre) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* buffer = addLayer(QStringLiteral("NDFF buffer"));
    EXPECT_EQ(count(runLayoutCheck(makeLayout({buffer}, {})), QgsValidityCheckResult::Critical), 0);
    bindAsDerived(*state_, *buffer, {ndff}, "native:buffer");
    ASSERT_TRUE(state_->bindingOf(*buffer).binding);
    ASSERT_EQ(state_->bindingOf(*buffer).binding->derived_from.size(), 1U);

    const auto of_points = runLayoutCheck(makeLayout({ndff}, {}));
    QgsPrintLayout* layout = makeLayout({buffer}, {});
    const auto of_buffer = runLayoutCheck(layout);
    EXPECT_GE(count(of_buffer, QgsValidityCheckResult::Critical), 1);
    EXPECT_EQ(count(of_buffer, QgsValidityCheckResult::Critical),
              count(of_points, QgsValidityCheckResult::Critical));
    const auto texts = [](const QList<QgsValidityCheckResult>& results) {
        QStringList found;
        for (const QgsValidityCheckResult& result : results) {
            found << result.detailedDescription;
        }
        return found;
    };
    EXPECT_EQ(texts(of_buffer), texts(of_points));
    EXPECT_TRUE(texts(of_buffer).join(QLatin1Char('\n')).contains(QStringLiteral("1 x 1 km")))
        << texts(of_buffer).join(QLatin1Char('\n')).toStdString();
    EXPECT_FALSE(state_->checkLayout(*layout, Action::Publish).decision.permitted());
    LicenceState::setLayoutInternal(*layout, true);
    EXPECT_EQ(count(runLayoutCheck(layout), QgsValidityCheckResult::Critical), 0);
}

// A join of NDFF observations with GRB buildings is under both licences: its layout owes the GRB
// attribution, which the automatic label holds, and stays blocked for the exact observations;
// without the label, the missing attribution is reported too.
TEST_F(PluginTest, ALayoutOfAJoinOfNdffAndGrbOwesTheGrbAttribution) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* grb =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2030-12-31", "publication_right": true})"));
    QgsVectorLayer* join = addLayer(QStringLiteral("NDFF met GRB"));
    bindAsDerived(*state_, *join, {ndff, grb}, "native:joinattributesbylocation");
    ASSERT_EQ(state_->bindingOf(*join).binding->licences.size(), 2U);

    QgsPrintLayout* labelled = makeLayout({join}, {});
    QgsLayoutItemLabel* label = keeper.update(*labelled);
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QString::fromUtf8(kGrbText))) << label->text().toStdString();
    const auto with_label = runLayoutCheck(labelled);
    EXPECT_GE(count(with_label, QgsValidityCheckResult::Critical), 1) << "the exact observations";
    for (const QgsValidityCheckResult& result : with_label) {
        EXPECT_FALSE(result.detailedDescription.contains(QString::fromUtf8(kGrbText)))
            << result.title.toStdString();
    }
    const auto without_label = runLayoutCheck(makeLayout({join}, {}));
    EXPECT_TRUE(std::any_of(without_label.begin(), without_label.end(),
                            [](const QgsValidityCheckResult& r) {
                                return r.type == QgsValidityCheckResult::Critical &&
                                       r.detailedDescription.contains(QString::fromUtf8(kGrbText));
                            }));
    // The GRB licence alone would permit publishing with the label: the join is blocked by NDFF.
    QgsPrintLayout* grb_only = makeLayout({grb}, {});
    keeper.update(*grb_only);
    EXPECT_EQ(count(runLayoutCheck(grb_only), QgsValidityCheckResult::Critical), 0);
}

TEST_F(PluginTest, UnlicensedLayerIsAWarningOnly) {
    QgsVectorLayer* bare = addLayer(QStringLiteral("schets"));
    const auto results = runLayoutCheck(makeLayout({bare}, {}));
    EXPECT_EQ(count(results, QgsValidityCheckResult::Critical), 0);
    ASSERT_EQ(count(results, QgsValidityCheckResult::Warning), 1);
    EXPECT_TRUE(results.front().title.contains(QStringLiteral("schets")));
}

TEST_F(PluginTest, CheckIsRegisteredWithQgisAndBlocksTheExport) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    QgsPrintLayout* layout = makeLayout({ndff}, {});
    auto* registered = new LayoutLicenceCheck();
    QgsApplication::validityCheckRegistry()->addCheck(registered);
    QgsLayoutValidityCheckContext context(layout);
    QgsFeedback feedback;
    const QList<QgsValidityCheckResult> results =
        QgsApplication::validityCheckRegistry()->runChecks(
            QgsAbstractValidityCheck::TypeLayoutCheck, &context, &feedback);
    QgsApplication::validityCheckRegistry()->removeCheck(registered);
    bool ours = false;
    for (const QgsValidityCheckResult& result : results) {
        ours |= result.checkId == LayoutLicenceCheck::kId &&
                result.type == QgsValidityCheckResult::Critical;
    }
    EXPECT_TRUE(ours);
}

TEST_F(PluginTest, LicencePageWritesTheCustomPropertiesTheCliReads) {
    QgsVectorLayer* layer = addLayer(QStringLiteral("gebouwen"));
    LicencePage page(state_.get(), layer, nullptr);
    page.setLicence(QStringLiteral("grb-art7-intern-gebruik"));
    page.setOptionText(QStringLiteral("valid_until"), QStringLiteral("2027-12-31"));
    page.setOptionText(QStringLiteral("publication_right"), QStringLiteral("true"));
    page.apply();
    EXPECT_EQ(layer->customProperty(QStringLiteral("geolicence/licence")).toString(),
              QStringLiteral("grb-art7-intern-gebruik"));
    const QString options = layer->customProperty(QStringLiteral("geolicence/options")).toString();
    EXPECT_TRUE(options.contains(QStringLiteral("\"valid_until\":\"2027-12-31\"")))
        << options.toStdString();
    EXPECT_TRUE(options.contains(QStringLiteral("\"publication_right\":true")))
        << options.toStdString();

    // A wrong number is refused with the core's message; the stored binding stays as it was.
    page.setLicence(QStringLiteral("ndff-uitvoerportaal"));
    page.setOptionText(QStringLiteral("cell_size_m"), QStringLiteral("een kilometer"));
    EXPECT_TRUE(page.validationError().contains(QStringLiteral("cell_size_m")))
        << page.validationError().toStdString();
    page.apply();
    EXPECT_EQ(layer->customProperty(QStringLiteral("geolicence/licence")).toString(),
              QStringLiteral("grb-art7-intern-gebruik"));
    EXPECT_TRUE(layer->customProperty(QStringLiteral("geolicence/options"))
                    .toString()
                    .contains(QStringLiteral("2027-12-31")));
}

TEST_F(PluginTest, ExportGuardNamesLayerLicenceAndArticle) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"),
                                    QStringLiteral(R"({"revoked": true})"));
    QgsVectorLayer* open = addLayer(QStringLiteral("open"), QStringLiteral("cc0-1.0"));
    ExportGuard guard(
        state_.get(), [] { return QList<QgsMapLayer*>{}; }, [] { return QList<QgsMapLayer*>{}; });
    const QString warning = guard.warningFor({ndff, open}, {Action::Export});
    EXPECT_TRUE(warning.contains(QStringLiteral("NDFF")));
    EXPECT_TRUE(warning.contains(QStringLiteral("NDFF export portal terms of use")));
    EXPECT_TRUE(warning.contains(QStringLiteral("000_b5f211ad1171a64c.txt bullet 10")))
        << warning.toStdString();
    EXPECT_FALSE(warning.contains(QStringLiteral("open")));
    EXPECT_TRUE(guard.warningFor({open}, {Action::Export}).isEmpty());
}

TEST_F(PluginTest, LayerReachingOutsideTheTerritoryWarns) {
    QTemporaryDir dir;
    const QString territory = dir.filePath(QStringLiteral("gebied.geojson"));
    QFile file(territory);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // A 10 x 10 km square in RD around (150 000, 460 000).
    file.write(
        R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
      "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
      "coordinates": [[[145000, 455000], [155000, 455000], [155000, 465000], [145000, 465000], [145000, 455000]]]}}]})");
    file.close();
    PluginSettings settings = PluginSettings::load();
    settings.territory_file = territory;
    settings.save();
    state_->reload();

    QgsVectorLayer* inside =
        addLayer(QStringLiteral("binnen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* outside =
        addLayer(QStringLiteral("buiten"), QStringLiteral("ndff-uitvoerportaal"));
    for (const auto& [layer, x] :
         {std::make_pair(inside, 150000.0), std::make_pair(outside, 170000.0)}) {
        QgsFeature feature(layer->fields());
        feature.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(x, 460000)));
        layer->dataProvider()->addFeature(feature);
        layer->updateExtents();
    }
    auto territoryWarning = [&](QgsMapLayer* layer) {
        const Decision decision = state_->evaluateLayers({layer}, Action::UseInternal);
        return std::any_of(decision.findings.begin(), decision.findings.end(),
                           [](const Finding& f) {
                               return f.rule == "n1-territory" && f.severity == Severity::Warning;
                           });
    };
    EXPECT_FALSE(territoryWarning(inside));
    EXPECT_TRUE(territoryWarning(outside));
    settings.territory_file.clear();
    settings.save();
}

TEST_F(PluginTest, DutchTranslationIsCompiledIn) {
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/geolicence/i18n/geolicence_nl.qm")));
    QCoreApplication::installTranslator(&translator);
    EXPECT_EQ(standingLabel(Standing::Permitted), QStringLiteral("Toegestaan"));
    EXPECT_EQ(standingLabel(Standing::Unlicensed), QStringLiteral("Geen licentie"));
    QCoreApplication::removeTranslator(&translator);
    EXPECT_EQ(standingLabel(Standing::Permitted), QStringLiteral("Permitted"));
}

// --- Part 2: the attribution label, the expression function, the Processing algorithms ---

QgsLayoutItemLabel* attributionLabel(QgsPrintLayout* layout) {
    return qobject_cast<QgsLayoutItemLabel*>(layout->itemById(AttributionKeeper::kLabelId));
}

TEST_F(PluginTest, AttributionLabelFollowsTheLayersTheMapsRender) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    QgsVectorLayer* grb =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2030-12-31", "publication_right": true})"));
    QgsVectorLayer* cc0 = addLayer(QStringLiteral("open"), QStringLiteral("cc0-1.0"));
    QgsPrintLayout* layout = makeLayout({grb}, {});
    QgsLayoutItemLabel* label = keeper.update(*layout);
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QString::fromUtf8(kGrbText));
    // Inside the first page, at its bottom.
    EXPECT_GT(label->positionWithUnits().y(), 150.0);
    EXPECT_GE(label->positionWithUnits().x(), 10.0);

    QList<QgsLayoutItemMap*> maps;
    layout->layoutItems(maps);
    maps.front()->setLayers({cc0});
    keeper.update(*layout);
    EXPECT_EQ(attributionLabel(layout)->text(), QString()) << "CC0 needs no attribution";

    layout->undoStack()->stack()->undo();
    EXPECT_EQ(attributionLabel(layout)->text(), QString::fromUtf8(kGrbText))
        << "the update is undoable";
}

TEST_F(PluginTest, NoLabelForALayoutThatOwesNothing) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    QgsVectorLayer* cc0 = addLayer(QStringLiteral("open"), QStringLiteral("cc0-1.0"));
    QgsPrintLayout* layout = makeLayout({cc0}, {});
    EXPECT_EQ(keeper.update(*layout), nullptr);
    EXPECT_EQ(attributionLabel(layout), nullptr);
}

TEST_F(PluginTest, LogiusIsNeverNamedInTheAttribution) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    QgsVectorLayer* logius =
        addLayer(QStringLiteral("DigiD"), QStringLiteral("logius-algemene-voorwaarden"));
    QgsVectorLayer* osm = addLayer(QStringLiteral("osm"), QStringLiteral("odbl-1.0"));
    QgsPrintLayout* layout = makeLayout({logius, osm}, {});
    QgsLayoutItemLabel* label = keeper.update(*layout);
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("© OpenStreetMap contributors"));
    EXPECT_FALSE(label->text().contains(QStringLiteral("Logius"), Qt::CaseInsensitive));
}

TEST_F(PluginTest, ARemovedLabelIsReportedAndCanBeRestored) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    LayoutLicenceCheck::setKeeper(&keeper);
    QgsVectorLayer* grb =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2030-12-31", "publication_right": true})"));
    QgsPrintLayout* layout = makeLayout({grb}, {});
    ASSERT_NE(keeper.update(*layout), nullptr);
    EXPECT_EQ(count(runLayoutCheck(layout), QgsValidityCheckResult::Critical), 0);

    layout->removeLayoutItem(attributionLabel(layout));
    EXPECT_EQ(keeper.update(*layout), nullptr) << "not put back behind the user's back";
    const auto results = runLayoutCheck(layout);
    ASSERT_EQ(count(results, QgsValidityCheckResult::Critical), 1);
    EXPECT_TRUE(std::any_of(results.begin(), results.end(), [](const QgsValidityCheckResult& r) {
        return r.type == QgsValidityCheckResult::Critical &&
               r.detailedDescription.contains(QStringLiteral("Restore"));
    }));

    ASSERT_NE(keeper.restore(*layout), nullptr);
    EXPECT_EQ(count(runLayoutCheck(layout), QgsValidityCheckResult::Critical), 0);
    LayoutLicenceCheck::setKeeper(nullptr);
}

TEST_F(PluginTest, ExpressionFunctionGivesTheMapsAttribution) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    QgsExpression::registerFunction(new AttributionExpressionFunction(state_.get()), true);
    QgsVectorLayer* grb =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2030-12-31", "publication_right": true})"));
    QgsPrintLayout* layout = makeLayout({grb}, {});
    QList<QgsLayoutItemMap*> maps;
    layout->layoutItems(maps);
    maps.front()->setId(QStringLiteral("Kaart"));
    const QgsExpressionContext context = layout->createExpressionContext();
    QgsExpression whole(QStringLiteral("geolicence_attribution()"));
    EXPECT_EQ(whole.evaluate(&context).toString(), QString::fromUtf8(kGrbText))
        << whole.parserErrorString().toStdString() << whole.evalErrorString().toStdString();
    QgsExpression one(QStringLiteral("geolicence_attribution('Kaart')"));
    EXPECT_EQ(one.evaluate(&context).toString(), QString::fromUtf8(kGrbText));
    QgsExpression none(QStringLiteral("geolicence_attribution('bestaat niet')"));
    EXPECT_EQ(none.evaluate(&context).toString(), QString());
    QgsExpression::unregisterFunction(AttributionExpressionFunction::kName);
}

// An atlas publishes its coverage layer's features as pages, so the label names its source
// too, as a text the CLI can see on the saved layout (not an expression only QGIS evaluates).
TEST_F(PluginTest, AtlasLayoutsOweTheCoverageLayersAttributionToo) {
    AttributionKeeper keeper(state_.get(), QgsProject::instance());
    QgsVectorLayer* grb =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2030-12-31", "publication_right": true})"));
    QgsVectorLayer* pages = addLayer(QStringLiteral("gemeenten"), QStringLiteral("cc-by-4.0"),
                                     QStringLiteral(R"({"attribution": "© Gemeenten BV"})"));
    QgsPrintLayout* layout = makeLayout({grb}, {});
    layout->atlas()->setCoverageLayer(pages);
    layout->atlas()->setEnabled(true);
    QgsLayoutItemLabel* label = keeper.update(*layout);
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QString::fromUtf8(kGrbText))) << label->text().toStdString();
    EXPECT_TRUE(label->text().contains(QStringLiteral("© Gemeenten BV")))
        << label->text().toStdString();
    EXPECT_EQ(count(runLayoutCheck(layout), QgsValidityCheckResult::Critical), 0);
    // Without the label the coverage layer's attribution is owed, as the CLI finds it.
    layout->removeLayoutItem(label);
    const CheckResult checked = state_->checkLayout(*layout, Action::Publish);
    EXPECT_TRUE(hasRule(checked.decision, "attribution-missing"));
}

TEST(AggregateSuggestions, RdGridForDutchDataEeaOtherwiseAndASpeciesField) {
    QgsVectorLayer rd(
        QStringLiteral("Point?crs=EPSG:28992&field=waarnemer:string&field=soort:string"),
        QStringLiteral("rd"), QStringLiteral("memory"));
    const QVariantMap dutch = AggregateAlgorithm::suggestedParameters(rd);
    EXPECT_EQ(dutch.value(QStringLiteral("GRID")).toInt(), 0);
    EXPECT_EQ(dutch.value(QStringLiteral("CELL_SIZE")).toInt(), 1000);
    EXPECT_EQ(dutch.value(QStringLiteral("GROUP_BY")).toStringList(),
              QStringList{QStringLiteral("soort")});
    EXPECT_EQ(dutch.value(QStringLiteral("INPUT")).toString(), rd.id());

    QgsVectorLayer wgs(
        QStringLiteral("Point?crs=EPSG:4326&field=observer:string&field=species_name:string"),
        QStringLiteral("wgs"), QStringLiteral("memory"));
    const QVariantMap other = AggregateAlgorithm::suggestedParameters(wgs);
    EXPECT_EQ(other.value(QStringLiteral("GRID")).toInt(), 1);
    EXPECT_EQ(other.value(QStringLiteral("GROUP_BY")).toStringList(),
              QStringList{QStringLiteral("species_name")});
}

// Registers the provider for one test and takes it out again, whatever the test's outcome.
class ScopedProvider {
public:
    explicit ScopedProvider(LicenceState* state)
        : provider_(new GeolicenceProcessingProvider(state)) {
        registered_ = QgsApplication::processingRegistry()->addProvider(provider_);
    }
    ~ScopedProvider() {
        if (registered_) {
            QgsApplication::processingRegistry()->removeProvider(provider_);
        }
    }
    bool registered() const { return registered_; }

private:
    GeolicenceProcessingProvider* provider_;
    bool registered_ = false;
};

// Writes NDFF-like points to a GeoPackage with QGIS's own writer.
QString writeObservations(const QString& dir) {
    QgsVectorLayer memory(
        QStringLiteral("Point?crs=EPSG:28992&field=soort:string&field=waarnemer:string"),
        QStringLiteral("waarnemingen"), QStringLiteral("memory"));
    QgsFeatureList features;
    for (int i = 0; i < 300; ++i) {
        QgsFeature feature(memory.fields());
        QgsAttributes attributes;
        attributes << (i % 3 == 0 ? QStringLiteral("Das") : QStringLiteral("Steenuil"))
                   << QStringLiteral("J. de Vries");
        feature.setAttributes(attributes);
        // Points on cell edges too: 155000 is the edge between cells 154 and 155.
        feature.setGeometry(QgsGeometry::fromPointXY(
            QgsPointXY(154000 + (i % 25) * 125.0, 462000 + (i / 25) * 250.0)));
        features << feature;
    }
    memory.dataProvider()->addFeatures(features);
    const QString path = dir + QStringLiteral("/waarnemingen.gpkg");
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral("GPKG");
    options.layerName = QStringLiteral("waarnemingen");
    QString error;
    EXPECT_EQ(QgsVectorFileWriter::writeAsVectorFormatV3(&memory, path,
                                                         QgsCoordinateTransformContext(), options,
                                                         &error, nullptr, nullptr),
              QgsVectorFileWriter::NoError)
        << error.toStdString();
    return path;
}

std::set<std::tuple<QString, QString, qlonglong>> cells(const QString& path) {
    QgsVectorLayer layer(path, QStringLiteral("cells"), QStringLiteral("ogr"));
    EXPECT_TRUE(layer.isValid()) << path.toStdString();
    std::set<std::tuple<QString, QString, qlonglong>> rows;
    QgsFeature feature;
    QgsFeatureIterator it = layer.getFeatures();
    while (it.nextFeature(feature)) {
        rows.emplace(feature.attribute(QStringLiteral("cell_code")).toString(),
                     feature.attribute(QStringLiteral("soort")).toString(),
                     feature.attribute(QStringLiteral("n_obs")).toLongLong());
    }
    return rows;
}

TEST_F(PluginTest, ProcessingAlgorithmGivesTheSameCellsAsTheCli) {
    QTemporaryDir dir;
    const QString input = writeObservations(dir.path());
    auto* layer = new QgsVectorLayer(input + QStringLiteral("|layername=waarnemingen"),
                                     QStringLiteral("waarnemingen"), QStringLiteral("ogr"));
    layer->setCustomProperty(QStringLiteral("geolicence/licence"),
                             QStringLiteral("ndff-uitvoerportaal"));
    QgsProject::instance()->addMapLayer(layer);

    const ScopedProvider provider(state_.get());
    ASSERT_TRUE(provider.registered());
    std::unique_ptr<QgsProcessingAlgorithm> algorithm(
        QgsApplication::processingRegistry()->createAlgorithmById(
            QStringLiteral("geolicence:aggregate")));
    ASSERT_NE(algorithm, nullptr);
    QgsProcessingContext context;
    context.setProject(QgsProject::instance());
    QgsProcessingFeedback feedback;
    const QString output = dir.filePath(QStringLiteral("cellen.gpkg"));
    QVariantMap parameters;
    parameters.insert(QStringLiteral("INPUT"), layer->id());
    parameters.insert(QStringLiteral("GRID"), 0);
    parameters.insert(QStringLiteral("CELL_SIZE"), 1000);
    parameters.insert(QStringLiteral("GROUP_BY"), QStringList{QStringLiteral("soort")});
    // As the toolbox dialog asks with "Open output file after running" ticked.
    parameters.insert(
        QStringLiteral("OUTPUT"),
        QVariant::fromValue(QgsProcessingOutputLayerDefinition(output, QgsProject::instance())));
    bool ok = false;
    const QVariantMap results = algorithm->run(parameters, context, &feedback, &ok);
    ASSERT_TRUE(ok) << feedback.textLog().toStdString();
    EXPECT_EQ(results.value(QStringLiteral("OBSERVATIONS")).toLongLong(), 300);
    EXPECT_TRUE(context.willLoadLayerOnCompletion(output))
        << "QGIS is asked to load the output when the run is over";

    const QString cli_output = dir.filePath(QStringLiteral("cli.gpkg"));
    const QString command = QStringLiteral("'%1' aggregate '%2' '%3' --grid rd --cell-size 1000 "
                                           "--group-by soort >/dev/null 2>&1")
                                .arg(QStringLiteral(GEOLICENCE_CLI_PATH), input, cli_output);
    ASSERT_EQ(std::system(command.toLocal8Bit().constData()), 0);
    const auto ours = cells(output);
    EXPECT_FALSE(ours.empty());
    EXPECT_EQ(ours, cells(cli_output));

    // The output is bound to the licence with the cell size: the plugin sees it as publishable.
    auto* aggregated = new QgsVectorLayer(output, QStringLiteral("cellen"), QStringLiteral("ogr"));
    QgsProject::instance()->addMapLayer(aggregated);
    const LayerBindingResult bound = state_->bindingOf(*aggregated);
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(bound.binding->from, "geopackage-metadata");
    EXPECT_TRUE(state_->evaluateLayers({aggregated}, Action::Publish).permitted());
    EXPECT_FALSE(state_->evaluateLayers({layer}, Action::Publish).permitted());
    EXPECT_TRUE(state_->demandsAggregation(*layer));
    EXPECT_FALSE(state_->demandsAggregation(*aggregated));
}

TEST_F(PluginTest, CheckAlgorithmReturnsTheFindingsAsATable) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    const ScopedProvider provider(state_.get());
    ASSERT_TRUE(provider.registered());
    std::unique_ptr<QgsProcessingAlgorithm> algorithm(
        QgsApplication::processingRegistry()->createAlgorithmById(
            QStringLiteral("geolicence:check")));
    ASSERT_NE(algorithm, nullptr);
    QgsProcessingContext context;
    context.setProject(QgsProject::instance());
    QgsProcessingFeedback feedback;
    QVariantMap parameters;
    parameters.insert(QStringLiteral("LAYERS"), QVariantList{ndff->id()});
    parameters.insert(QStringLiteral("ACTION"), static_cast<int>(Action::Publish));
    parameters.insert(QStringLiteral("OUTPUT"), QStringLiteral("memory:"));
    bool ok = false;
    const QVariantMap results = algorithm->run(parameters, context, &feedback, &ok);
    ASSERT_TRUE(ok) << feedback.textLog().toStdString();
    EXPECT_EQ(results.value(QStringLiteral("DECISION")).toString(), QStringLiteral("prohibited"));
    QgsVectorLayer* table = qobject_cast<QgsVectorLayer*>(
        context.getMapLayer(results.value(QStringLiteral("OUTPUT")).toString()));
    ASSERT_NE(table, nullptr);
    bool n4 = false;
    QgsFeature feature;
    QgsFeatureIterator it = table->getFeatures();
    while (it.nextFeature(feature)) {
        n4 |= feature.attribute(QStringLiteral("rule")).toString() ==
                  QLatin1String("n4-no-exact-publish") &&
              feature.attribute(QStringLiteral("cite"))
                  .toString()
                  .contains(QStringLiteral("bullet 4"));
    }
    EXPECT_TRUE(n4);
}

} // namespace

// What the CLI reports about a layer's binding, the plugin reports too: a broken
// `geolicence/options` must not pass in QGIS and fail in CI.
TEST_F(PluginTest, ABrokenBindingFailsInQgisAsInTheCli) {
    QgsVectorLayer* layer =
        addLayer(QStringLiteral("waarnemingen"), QStringLiteral("ndff-uitvoerportaal"),
                 QStringLiteral(R"({"project_end": "31-03-2027"})"));
    const Decision decision = state_->evaluateLayers({layer}, Action::UseInternal);
    EXPECT_FALSE(decision.permitted());
    EXPECT_TRUE(hasRule(decision, "invalid-binding"));
    EXPECT_EQ(statusOf(decision), LayerStatus::Prohibited);
    const auto results = runLayoutCheck(makeLayout({layer}, {}));
    EXPECT_GE(count(results, QgsValidityCheckResult::Critical), 1);
    EXPECT_TRUE(std::any_of(results.begin(), results.end(), [](const QgsValidityCheckResult& r) {
        return r.type == QgsValidityCheckResult::Critical &&
               r.detailedDescription.contains(QStringLiteral("31-03-2027"));
    }));
}

TEST_F(PluginTest, BindingsThatDisagreeFailInQgisAsInTheCli) {
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("waarnemingen.geojson"));
    QFile file(data);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {}, "geometry": {"type": "Point", "coordinates": [5.1, 52.1]}}]})");
    file.close();
    QFile sidecar(data + QStringLiteral(".licence.json"));
    ASSERT_TRUE(sidecar.open(QIODevice::WriteOnly));
    sidecar.write(R"({"licence": "vl-cc0"})");
    sidecar.close();
    auto* layer = new QgsVectorLayer(data, QStringLiteral("waarnemingen"), QStringLiteral("ogr"));
    ASSERT_TRUE(layer->isValid());
    layer->setCustomProperty(QStringLiteral("geolicence/licence"),
                             QStringLiteral("ndff-uitvoerportaal"));
    QgsProject::instance()->addMapLayer(layer);

    const LayerBindingResult bound = state_->bindingOf(*layer);
    EXPECT_EQ(bound.sources.size(), 2U);
    const Decision decision = state_->evaluateLayers({layer}, Action::UseInternal);
    EXPECT_FALSE(decision.permitted()) << "internal use is fine under both; the conflict is not";
    EXPECT_TRUE(hasRule(decision, "binding-conflict"));
    const auto results = runLayoutCheck(makeLayout({layer}, {}));
    EXPECT_TRUE(std::any_of(results.begin(), results.end(), [](const QgsValidityCheckResult& r) {
        return r.type == QgsValidityCheckResult::Critical &&
               r.detailedDescription.contains(QStringLiteral("vl-cc0"));
    }));
}

// The CLI refuses to judge with an organisation profile it cannot read (exit 3); the plugin
// shows the bundled profiles but permits nothing until the profile is fixed.
TEST_F(PluginTest, ABrokenOrganisationProfileFailsEveryDecision) {
    QTemporaryDir dir;
    QFile profile(dir.filePath(QStringLiteral("kapot.json")));
    ASSERT_TRUE(profile.open(QIODevice::WriteOnly));
    profile.write("{ not a profile");
    profile.close();
    QgsSettings settings;
    settings.setValue(QStringLiteral("geolicence/catalogDirs"), QStringList{dir.path()});
    state_->reload();
    settings.remove(QStringLiteral("geolicence/catalogDirs"));
    EXPECT_TRUE(state_->catalogIncomplete());
    EXPECT_TRUE(state_->catalogError().contains(QStringLiteral("kapot.json")));
    QgsVectorLayer* open = addLayer(QStringLiteral("open data"), QStringLiteral("vl-cc0"));
    const Decision decision = state_->evaluateLayers({open}, Action::Publish);
    EXPECT_FALSE(decision.permitted());
    EXPECT_TRUE(hasRule(decision, "catalog-unreadable"));
    EXPECT_GE(count(runLayoutCheck(makeLayout({open}, {})), QgsValidityCheckResult::Critical), 1);
    state_->reload();
    EXPECT_TRUE(state_->evaluateLayers({open}, Action::Publish).permitted());
}
