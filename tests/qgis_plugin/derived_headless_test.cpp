// Data derived in QGIS carries the licences of what it was made from, headless on real QGIS
// objects: the plugin's side of the Processing hook (ProcessingWatch::confirmRun and bindRun,
// called with the maps the Python hook hands over) and Paste Features (PasteWatch). The hook in
// QGIS's Python and every way of running an algorithm are proven in the desktop
// (desktop_e2e.py).
#include "export_guard.h"
#include "layer_standing.h"
#include "layout_licence_check.h"
#include "licence_state.h"
#include "paste_watch.h"
#include "processing_watch.h"
#include "qgis_snapshot.h"

#include <geolicence/dataset_binding.h>
#include <geolicence/layer_binding.h>
#include <geolicence/rule_ids.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QTemporaryDir>
#include <qgsfeedback.h>
#include <qgsgeometry.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvaliditycheckcontext.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

using namespace geolicence;
using namespace geolicence::qgis;

namespace {

const char* kGrbText =
    "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden";

QVariant object(QObject* value) {
    return QVariant::fromValue(value);
}

QgsVectorLayer* memoryLayer(const QString& name, const QString& licence = QString(),
                            const QString& options = QString(), bool add = true) {
    auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:28992&field=soort:string"),
                                     name, QStringLiteral("memory"));
    QgsFeature feature(layer->fields());
    feature.setAttributes(QgsAttributes() << QStringLiteral("Das"));
    feature.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(155123.4, 463456.7)));
    layer->dataProvider()->addFeature(feature);
    if (!licence.isEmpty()) {
        layer->setCustomProperty(QStringLiteral("geolicence/licence"), licence);
    }
    if (!options.isEmpty()) {
        layer->setCustomProperty(QStringLiteral("geolicence/options"), options);
    }
    if (add) {
        QgsProject::instance()->addMapLayer(layer);
    }
    return layer;
}

// A GeoPackage of one point layer, written by QGIS's own writer.
QString writeGeoPackage(const QString& path, const QString& table) {
    std::unique_ptr<QgsVectorLayer> memory(memoryLayer(table, {}, {}, false));
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral("GPKG");
    options.layerName = table;
    QString error;
    EXPECT_EQ(QgsVectorFileWriter::writeAsVectorFormatV3(memory.get(), path,
                                                         QgsCoordinateTransformContext(), options,
                                                         &error, nullptr, nullptr),
              QgsVectorFileWriter::NoError)
        << error.toStdString();
    return path;
}

// A new layout in the project whose one map shows `layer` alone.
QgsPrintLayout* addOneMapLayout(const QString& name, QgsMapLayer* layer) {
    auto* layout = new QgsPrintLayout(QgsProject::instance());
    layout->initializeDefaults();
    layout->setName(name);
    auto* map = new QgsLayoutItemMap(layout);
    map->setLayers({layer});
    map->setKeepLayerSet(true);
    layout->addLayoutItem(map);
    QgsProject::instance()->layoutManager()->addLayout(layout);
    return layout;
}

// The plugin's layout check (as the designer runs it before an export) on such a layout.
QList<QgsValidityCheckResult> layoutCheckOfMap(const QString& name, QgsMapLayer* layer) {
    QgsPrintLayout* layout = addOneMapLayout(name, layer);
    LayoutLicenceCheck check;
    QgsLayoutValidityCheckContext context(layout);
    QgsFeedback feedback;
    EXPECT_TRUE(check.prepareCheck(&context, &feedback));
    return check.runCheck(&context, &feedback);
}

class DerivedTest : public ::testing::Test {
protected:
    void SetUp() override {
        QgsProject::instance()->clear();
        state_ = std::make_unique<LicenceState>(QgsProject::instance());
        LayoutLicenceCheck::setState(state_.get());
        guard_ = std::make_unique<ExportGuard>(
            state_.get(), [] { return QList<QgsMapLayer*>{}; },
            [] { return QList<QgsMapLayer*>{}; });
        guard_->setAsk([this](const QString&, const QString& text, bool) {
            asked_ << text;
            return answer_;
        });
        watch_ =
            std::make_unique<ProcessingWatch>(state_.get(), guard_.get(), QgsProject::instance());
        watch_->setNotify(
            [this](int level, const QString& text) { told_ << qMakePair(level, text); });
    }
    void TearDown() override {
        watch_.reset();
        guard_.reset();
        LayoutLicenceCheck::setState(nullptr);
        QgsProject::instance()->clear();
        state_.reset();
    }

    // The binding the core reads back from a layer, as `geolicence check` would.
    std::optional<LicenceBinding> bindingRead(const QgsMapLayer& layer) {
        const LayerBinder binder(state_->catalog());
        return binder.bind(snapshotLayer(layer)).binding;
    }

    static QVariantMap run(const QString& algorithm, const QVariantList& inputs,
                           const QVariantList& outputs) {
        return {{QStringLiteral("algorithm"), algorithm},
                {QStringLiteral("algorithm_name"), algorithm},
                {QStringLiteral("inputs"), inputs},
                {QStringLiteral("outputs"), outputs}};
    }

    static QVariantMap output(const QVariant& value,
                              const QString& kind = QStringLiteral("outputVector")) {
        return {{QStringLiteral("name"), QStringLiteral("OUTPUT")},
                {QStringLiteral("kind"), kind},
                {QStringLiteral("value"), value}};
    }

    QString told(int level) const {
        QStringList texts;
        for (const auto& [told_level, text] : told_) {
            if (told_level == level) {
                texts << text;
            }
        }
        return texts.join(QLatin1Char('\n'));
    }

    std::unique_ptr<LicenceState> state_;
    std::unique_ptr<ExportGuard> guard_;
    std::unique_ptr<ProcessingWatch> watch_;
    ExportGuard::Choice answer_ = ExportGuard::Choice::Cancel;
    QStringList asked_;
    QList<QPair<int, QString>> told_;
};

TEST_F(DerivedTest, ATemporaryOutputCarriesTheInputsLicenceWithProvenance) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"),
                    QStringLiteral(R"({"role": "subscriber"})"));
    // processing.run returns the output layer outside the project.
    auto* buffered = new QgsVectorLayer(QStringLiteral("Polygon?crs=EPSG:28992"),
                                        QStringLiteral("Buffered"), QStringLiteral("memory"));
    const QVariantList written = watch_->bindRun(
        run(QStringLiteral("native:buffer"), {object(ndff)}, {output(object(buffered))}));
    ASSERT_EQ(written.size(), 1);
    EXPECT_EQ(written.front().toMap().value(QStringLiteral("carriers")).toStringList(),
              QStringList{QStringLiteral("custom-property")});

    const auto binding = bindingRead(*buffered);
    ASSERT_TRUE(binding);
    ASSERT_EQ(binding->licences.size(), 1U);
    EXPECT_EQ(binding->licences.front().licence_id, "ndff-uitvoerportaal");
    EXPECT_EQ(std::get<std::string>(binding->licences.front().options.at("role")), "subscriber");
    ASSERT_EQ(binding->derived_from.size(), 1U);
    EXPECT_EQ(binding->derived_from.front().source, "memory:NDFF waarnemingen");
    EXPECT_EQ(binding->derived_from.front().tool, "QGIS Processing native:buffer");
    EXPECT_EQ(binding->derived_from.front().date,
              QDate::currentDate().toString(Qt::ISODate).toStdString());
    EXPECT_TRUE(told(0).contains(QStringLiteral("NDFF export portal"))) << told(0).toStdString();

    // Loaded into the project, the buffer is judged as the points are.
    QgsProject::instance()->addMapLayer(buffered);
    const Decision decision = state_->evaluateLayers({buffered}, Action::Publish);
    EXPECT_FALSE(decision.permitted());
    EXPECT_TRUE(std::any_of(decision.findings.begin(), decision.findings.end(),
                            [](const Finding& f) { return f.rule == "n4-no-exact-publish"; }));
}

TEST_F(DerivedTest, AJoinWrittenToAFileCarriesBothLicencesAndOwesTheGrbAttribution) {
    QTemporaryDir dir;
    const QString grb_path = writeGeoPackage(dir.filePath(QStringLiteral("grb_gebouwen.gpkg")),
                                             QStringLiteral("gebouwen"));
    DatasetLicence grb_licence;
    grb_licence.binding = singleLicence(
        "grb-art7-intern-gebruik",
        {{"valid_until", *Date::parse("2099-12-31")}, {"publication_right", true}}, "");
    writeDatasetLicence(grb_path.toStdString(), grb_licence, state_->catalog());
    auto* grb = new QgsVectorLayer(grb_path + QStringLiteral("|layername=gebouwen"),
                                   QStringLiteral("GRB gebouwen"), QStringLiteral("ogr"));
    ASSERT_TRUE(grb->isValid());
    QgsProject::instance()->addMapLayer(grb);
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    const QString joined =
        writeGeoPackage(dir.filePath(QStringLiteral("join.gpkg")), QStringLiteral("join"));

    const QVariantList written =
        watch_->bindRun(run(QStringLiteral("native:joinattributesbylocation"),
                            {object(ndff), object(grb)}, {output(joined)}));
    ASSERT_EQ(written.size(), 1);
    EXPECT_TRUE(written.front().toMap().value(QStringLiteral("error")).toString().isEmpty());

    const auto carried = readDatasetLicence(joined.toStdString(), state_->catalog());
    ASSERT_TRUE(carried);
    ASSERT_EQ(carried->binding.licences.size(), 2U);
    EXPECT_EQ(carried->binding.licences[0].licence_id, "ndff-uitvoerportaal");
    EXPECT_EQ(carried->binding.licences[1].licence_id, "grb-art7-intern-gebruik");
    EXPECT_NE(std::find(carried->attribution.begin(), carried->attribution.end(), kGrbText),
              carried->attribution.end());
    ASSERT_EQ(carried->binding.derived_from.size(), 2U);
    EXPECT_EQ(carried->binding.derived_from[1].source,
              QDir(dir.path()).absoluteFilePath(QStringLiteral("grb_gebouwen.gpkg")).toStdString() +
                  "|layername=gebouwen");

    // The output loaded: a layout rendering it owes the GRB attribution.
    auto* join = new QgsVectorLayer(joined, QStringLiteral("join"), QStringLiteral("ogr"));
    QgsProject::instance()->addMapLayer(join);
    EXPECT_EQ(state_->bindingOf(*join).binding->licences.size(), 2U);
    const auto results = layoutCheckOfMap(QStringLiteral("Join"), join);
    EXPECT_TRUE(std::any_of(results.begin(), results.end(), [](const QgsValidityCheckResult& r) {
        return r.type == QgsValidityCheckResult::Critical &&
               r.detailedDescription.contains(QString::fromUtf8(kGrbText));
    }));
}

TEST_F(DerivedTest, AnUnlicensedInputIsNamedAndRecordedNeverDropped) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* sketch = memoryLayer(QStringLiteral("Schets"));
    auto* merged = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:28992"),
                                      QStringLiteral("Merged"), QStringLiteral("memory"));
    watch_->bindRun(run(QStringLiteral("native:mergevectorlayers"), {object(ndff), object(sketch)},
                        {output(object(merged))}));
    const auto binding = bindingRead(*merged);
    ASSERT_TRUE(binding);
    EXPECT_EQ(binding->describeIds(), "ndff-uitvoerportaal");
    ASSERT_EQ(binding->derived_from.size(), 2U);
    EXPECT_EQ(binding->derived_from[1].source, "memory:Schets");
    EXPECT_TRUE(binding->derived_from[1].licences.empty());
    EXPECT_TRUE(told(1).contains(QStringLiteral("memory:Schets"))) << told(1).toStdString();
    delete merged;
}

TEST_F(DerivedTest, OutputsOfUnlicensedInputsAreLeftAsTheyAre) {
    QgsVectorLayer* sketch = memoryLayer(QStringLiteral("Schets"));
    auto* buffered = memoryLayer(QStringLiteral("Buffered"), {}, {}, false);
    EXPECT_TRUE(watch_
                    ->bindRun(run(QStringLiteral("native:buffer"), {object(sketch)},
                                  {output(object(buffered))}))
                    .isEmpty());
    EXPECT_TRUE(buffered->customPropertyKeys().isEmpty());
    EXPECT_TRUE(told_.isEmpty());
    delete buffered;
}

TEST_F(DerivedTest, ThePluginsOwnAlgorithmsBindTheirOutputsThemselves) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    // The aggregate's output as it bound it: with the cell size, which the union of the
    // inputs' licences would drop.
    QgsVectorLayer* cells =
        memoryLayer(QStringLiteral("cells"), QStringLiteral("ndff-uitvoerportaal"),
                    QStringLiteral(R"({"cell_size_m": 1000})"), false);
    EXPECT_TRUE(watch_
                    ->bindRun(run(QStringLiteral("geolicence:aggregate"), {object(ndff)},
                                  {output(object(cells))}))
                    .isEmpty());
    EXPECT_EQ(cells->customProperty(QStringLiteral("geolicence/options")).toString(),
              QStringLiteral(R"({"cell_size_m": 1000})"));
    delete cells;
}

TEST_F(DerivedTest, AnAlgorithmReturningItsInputLeavesTheInputAsItWas) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    watch_->bindRun(
        run(QStringLiteral("native:createspatialindex"), {object(ndff)}, {output(object(ndff))}));
    EXPECT_EQ(ndff->customProperty(QStringLiteral("geolicence/licence")).toString(),
              QStringLiteral("ndff-uitvoerportaal"));
    EXPECT_FALSE(ndff->customPropertyKeys().contains(QStringLiteral("geolicence/derived_from")));
}

TEST_F(DerivedTest, AnOutputThatCannotCarryALicenceIsReported) {
    QTemporaryDir dir;
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    const QVariantList written =
        watch_->bindRun(run(QStringLiteral("native:tilesxyzdirectory"), {object(ndff)},
                            {output(dir.path(), QStringLiteral("outputFolder")),
                             output(QStringLiteral("postgres://dbname=gis table=uitvoer"))}));
    ASSERT_EQ(written.size(), 2);
    for (const QVariant& item : written) {
        EXPECT_FALSE(item.toMap().value(QStringLiteral("error")).toString().isEmpty());
    }
    EXPECT_TRUE(told(2).contains(dir.path())) << told(2).toStdString();
    EXPECT_TRUE(told(2).contains(QStringLiteral("postgres://"))) << told(2).toStdString();
}

TEST_F(DerivedTest, InputCarriersThatDisagreeGiveTheOutputEveryLicenceTheyName) {
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
    auto* buffered = memoryLayer(QStringLiteral("Buffered"), {}, {}, false);
    watch_->bindRun(
        run(QStringLiteral("native:buffer"), {object(layer)}, {output(object(buffered))}));
    const auto binding = bindingRead(*buffered);
    ASSERT_TRUE(binding);
    EXPECT_TRUE(binding->hasLicence("ndff-uitvoerportaal"));
    EXPECT_TRUE(binding->hasLicence("vl-cc0"));
    EXPECT_TRUE(told(2).contains(QStringLiteral("vl-cc0"))) << told(2).toStdString();
    delete buffered;
}

TEST_F(DerivedTest, ExportAlgorithmsWarnBeforeWritingAndADialogCanCancel) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* open = memoryLayer(QStringLiteral("open"), QStringLiteral("vl-cc0"));
    const auto confirm = [&](const QString& algorithm, QgsMapLayer* input,
                             const QStringList& destinations, bool interactive) {
        return watch_->confirmRun({{QStringLiteral("algorithm"), algorithm},
                                   {QStringLiteral("inputs"), QVariantList{object(input)}},
                                   {QStringLiteral("destinations"), destinations},
                                   {QStringLiteral("interactive"), interactive}});
    };
    const QStringList file{QStringLiteral("/tmp/kopie.gpkg")};

    QVariantMap answer = confirm(QStringLiteral("native:savefeatures"), ndff, file, true);
    EXPECT_FALSE(answer.value(QStringLiteral("go_on")).toBool());
    ASSERT_EQ(asked_.size(), 1);
    EXPECT_TRUE(asked_.front().contains(QStringLiteral("NDFF waarnemingen")));
    EXPECT_TRUE(asked_.front().contains(QStringLiteral("000_b5f211ad1171a64c.txt bullet 4")))
        << asked_.front().toStdString();

    answer_ = ExportGuard::Choice::GoOn;
    EXPECT_TRUE(confirm(QStringLiteral("gdal:convertformat"), ndff, file, true)
                    .value(QStringLiteral("go_on"))
                    .toBool());
    EXPECT_EQ(asked_.size(), 2);

    // processing.run: nobody is asked; the warning goes to the message bar and the log.
    answer = confirm(QStringLiteral("native:package"), ndff, file, false);
    EXPECT_TRUE(answer.value(QStringLiteral("go_on")).toBool());
    EXPECT_EQ(asked_.size(), 2);
    EXPECT_TRUE(told(1).contains(QStringLiteral("NDFF waarnemingen"))) << told(1).toStdString();

    // Not an export, a temporary output, data whose licence permits it: nothing to warn about.
    EXPECT_TRUE(confirm(QStringLiteral("native:buffer"), ndff, file, true)
                    .value(QStringLiteral("go_on"))
                    .toBool());
    answer_ = ExportGuard::Choice::Cancel;
    EXPECT_TRUE(confirm(QStringLiteral("native:savefeatures"), ndff, {}, true)
                    .value(QStringLiteral("go_on"))
                    .toBool());
    EXPECT_TRUE(confirm(QStringLiteral("native:savefeatures"), open, file, true)
                    .value(QStringLiteral("go_on"))
                    .toBool());
    EXPECT_EQ(asked_.size(), 2);

    // An import into PostGIS has no destination parameter: it writes all the same.
    EXPECT_FALSE(
        watch_
            ->confirmRun({{QStringLiteral("algorithm"), QStringLiteral("qgis:importintopostgis")},
                          {QStringLiteral("inputs"), QVariantList{object(ndff)}},
                          {QStringLiteral("declares_destinations"), false},
                          {QStringLiteral("interactive"), true}})
            .value(QStringLiteral("go_on"))
            .toBool());
    EXPECT_EQ(asked_.size(), 3);
}

TEST_F(DerivedTest, ALayoutExportedThroughProcessingPassesTheLayoutCheckFirst) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* open = memoryLayer(QStringLiteral("open"), QStringLiteral("vl-cc0"));
    addOneMapLayout(QStringLiteral("Waarnemingen"), ndff);
    addOneMapLayout(QStringLiteral("Open"), open);
    const auto confirm = [&](const QString& layout) {
        return watch_->confirmRun(
            {{QStringLiteral("algorithm"), QStringLiteral("native:printlayouttopdf")},
             {QStringLiteral("layouts"), QStringList{layout}},
             {QStringLiteral("destinations"), QStringList{QStringLiteral("/tmp/k.pdf")}},
             {QStringLiteral("interactive"), false}});
    };
    const QVariantMap refused = confirm(QStringLiteral("Waarnemingen"));
    EXPECT_FALSE(refused.value(QStringLiteral("go_on")).toBool());
    EXPECT_TRUE(
        refused.value(QStringLiteral("reason")).toString().contains(QStringLiteral("1 x 1 km")))
        << refused.value(QStringLiteral("reason")).toString().toStdString();
    EXPECT_TRUE(confirm(QStringLiteral("Open")).value(QStringLiteral("go_on")).toBool());
}

// A buffer of NDFF points whose NDFF licence the analyst removed (only CC BY left, the NDFF
// input still in its provenance): the panel and the layout check still judge it as NDFF data,
// and say that the licence was lost.
TEST_F(DerivedTest, ALicenceTheSourceCarriedThatTheLayerLostIsStillJudged) {
    LicenceBinding binding{
        {BoundLicence{"cc-by-4.0", {{"attribution", std::string("© Gemeente X")}}}},
        "custom-property",
        {}};
    binding.derived_from.push_back(
        DerivedInput{"/data/waarnemingen.gpkg",
                     {BoundLicence{"ndff-uitvoerportaal", {{"role", std::string("subscriber")}}}},
                     "2026-12-01",
                     "QGIS Processing native:buffer",
                     {}});
    QgsVectorLayer* buffer = memoryLayer(QStringLiteral("Buffer"), {}, {}, false);
    for (const auto& [key, value] : bindingProperties(binding)) {
        if (!value.empty()) {
            buffer->setCustomProperty(QString::fromStdString(key), QString::fromStdString(value));
        }
    }
    QgsProject::instance()->addMapLayer(buffer);
    ASSERT_EQ(bindingRead(*buffer)->licences.size(), 1U) << "only CC BY is bound";

    const Decision decision = state_->evaluateLayers({buffer}, Action::Publish);
    EXPECT_EQ(decision.verdict, Verdict::Prohibited);
    const auto dropped =
        std::find_if(decision.findings.begin(), decision.findings.end(),
                     [](const Finding& f) { return f.rule == rule_ids::kSourceLicenceDropped; });
    ASSERT_NE(dropped, decision.findings.end());
    EXPECT_EQ(dropped->severity, Severity::Error);
    EXPECT_EQ(dropped->licence, "ndff-uitvoerportaal");

    // The panel: as NDFF points, publishable only aggregated to 1 km (CC BY alone would be
    // Permitted), and the reason given is the lost licence.
    const LayerStanding standing = standingOf(*state_, *buffer, Action::Publish);
    EXPECT_EQ(standing.standing, Standing::AggregateFirst);
    EXPECT_TRUE(standing.reason.contains(QStringLiteral("/data/waarnemingen.gpkg")))
        << standing.reason.toStdString();
    EXPECT_TRUE(standing.reason.contains(QStringLiteral("no longer names that licence")))
        << standing.reason.toStdString();

    // The layout check blocks a layout rendering it, naming the lost licence.
    const auto results = layoutCheckOfMap(QStringLiteral("Buffer"), buffer);
    EXPECT_TRUE(std::any_of(results.begin(), results.end(), [](const QgsValidityCheckResult& r) {
        return r.type == QgsValidityCheckResult::Critical &&
               r.detailedDescription.contains(QStringLiteral("no longer names that licence"));
    }));
}

// Paste Features.

class PasteTest : public DerivedTest {
protected:
    void SetUp() override {
        DerivedTest::SetUp();
        paste_ = std::make_unique<PasteWatch>(state_.get(), QgsProject::instance(),
                                              [this] { return active_; });
        paste_->setNotify(
            [this](int level, const QString& text) { told_ << qMakePair(level, text); });
    }
    void TearDown() override {
        paste_.reset();
        DerivedTest::TearDown();
    }
    // QGIS copies: the clipboard gets the features' text, and the plugin sees the copy.
    void copy(QgsMapLayer* layer) {
        QApplication::clipboard()->setText(QStringLiteral("wkt_geom\tsoort\nPoint (1 2)\t") +
                                           layer->name());
        paste_->featuresCopied(layer);
    }

    std::unique_ptr<PasteWatch> paste_;
    QgsMapLayer* active_ = nullptr;
};

TEST_F(PasteTest, PastedFeaturesBringTheirLicencesToTheTargetLayer) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* plans =
        memoryLayer(QStringLiteral("GRB plannen"), QStringLiteral("grb-art7-intern-gebruik"),
                    QStringLiteral(R"({"valid_until": "2099-12-31", "publication_right": true})"));
    copy(ndff);
    paste_->featuresPasted(plans, false);
    const auto binding = bindingRead(*plans);
    ASSERT_TRUE(binding);
    EXPECT_EQ(binding->describeIds(), "grb-art7-intern-gebruik + ndff-uitvoerportaal");
    ASSERT_EQ(binding->derived_from.size(), 2U);
    EXPECT_EQ(binding->derived_from[0].source, "memory:GRB plannen");
    EXPECT_EQ(binding->derived_from[1].source, "memory:NDFF waarnemingen");
    EXPECT_EQ(binding->derived_from[1].tool, "QGIS Paste Features");
    EXPECT_TRUE(told(0).contains(QStringLiteral("NDFF waarnemingen"))) << told(0).toStdString();
    // The plans now hold exact observations: publishing them is prohibited as NDFF's are.
    EXPECT_FALSE(state_->evaluateLayers({plans}, Action::Publish).permitted());

    // Pasting more of the same brings nothing new: the binding stays as it is.
    const QString properties =
        plans->customProperty(QStringLiteral("geolicence/derived_from")).toString();
    copy(ndff);
    paste_->featuresPasted(plans, false);
    EXPECT_EQ(plans->customProperty(QStringLiteral("geolicence/derived_from")).toString(),
              properties);
}

TEST_F(PasteTest, PastingIntoAnUnlicensedLayerNamesItsEarlierDataAsUnlicensed) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* sketch = memoryLayer(QStringLiteral("Schets"));
    copy(ndff);
    paste_->featuresPasted(sketch, false);
    const auto binding = bindingRead(*sketch);
    ASSERT_TRUE(binding);
    EXPECT_EQ(binding->describeIds(), "ndff-uitvoerportaal");
    ASSERT_EQ(binding->derived_from.size(), 2U);
    EXPECT_TRUE(binding->derived_from[0].licences.empty());
    EXPECT_TRUE(told(1).contains(QStringLiteral("Schets"))) << told(1).toStdString();
}

TEST_F(PasteTest, APasteOfACopyThePluginDidNotSeeCarriesNothingAndSaysSo) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* sketch = memoryLayer(QStringLiteral("Schets"));
    copy(ndff);
    QApplication::clipboard()->setText(QStringLiteral("POINT (1 2)")); // copied elsewhere
    paste_->featuresPasted(sketch, false);
    EXPECT_FALSE(bindingRead(*sketch));
    EXPECT_TRUE(told(1).contains(QStringLiteral("Schets"))) << told(1).toStdString();
    told_.clear();
    copy(ndff);
    paste_->featuresPasted(ndff, false); // back into the layer it came from
    EXPECT_TRUE(told_.isEmpty());
}

TEST_F(PasteTest, ALayerMadeFromPastedFeaturesCarriesTheirLicences) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    copy(ndff);
    QgsVectorLayer* scratch = memoryLayer(QStringLiteral("Geplakt"));
    paste_->featuresPasted(scratch, true);
    const auto binding = bindingRead(*scratch);
    ASSERT_TRUE(binding);
    EXPECT_EQ(binding->describeIds(), "ndff-uitvoerportaal");
    ASSERT_EQ(binding->derived_from.size(), 1U);
    EXPECT_EQ(binding->derived_from[0].source, "memory:NDFF waarnemingen");
}

} // namespace

// QGIS's main window as far as pasting goes: its slot pastes into the active layer, as
// QgisApp::pasteFromClipboard does (nothing when the layer is not editable).
class FakeMainWindow : public QObject {
    Q_OBJECT

public:
    QgsVectorLayer* active = nullptr;
    int pastes = 0;

public slots:
    void pasteFromClipboard() {
        ++pastes;
        if (active != nullptr && active->isEditable()) {
            QgsFeature feature(active->fields());
            feature.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(155000, 463000)));
            active->addFeature(feature);
        }
    }
};

TEST_F(PasteTest, PasteFeaturesIsTakenOverAndBindsOnlyWhatQgisPasted) {
    QgsVectorLayer* ndff =
        memoryLayer(QStringLiteral("NDFF waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* sketch = memoryLayer(QStringLiteral("Schets"));
    FakeMainWindow window;
    window.active = sketch;
    active_ = sketch;
    QAction paste(QStringLiteral("Paste Features"));
    QObject::connect(&paste, &QAction::triggered, &window,
                     [&window] { window.pasteFromClipboard(); });
    paste_->guardPasteActions(&paste, nullptr, nullptr, nullptr, nullptr, &window);
    copy(ndff);

    paste.trigger(); // not editable: QGIS pastes nothing, so nothing is bound
    EXPECT_EQ(window.pastes, 1);
    EXPECT_FALSE(bindingRead(*sketch));

    sketch->startEditing();
    paste.trigger();
    EXPECT_EQ(window.pastes, 2);
    const auto binding = bindingRead(*sketch);
    ASSERT_TRUE(binding);
    EXPECT_EQ(binding->describeIds(), "ndff-uitvoerportaal");
    sketch->rollBack();

    // Unloaded, the plugin gives QGIS its own paste back.
    paste_.reset();
    paste.trigger();
    EXPECT_EQ(window.pastes, 3);
}

#include "derived_headless_test.moc"
