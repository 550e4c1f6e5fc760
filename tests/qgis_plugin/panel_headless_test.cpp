// The plugin's panel, layer-tree indicators, Licence page and expiry notice on real QGIS
// widgets, headless: what an analyst reads at a glance and what a click does.
#include "layer_standing.h"
#include "licence_dock.h"
#include "licence_entry.h"
#include "licence_expiry.h"
#include "licence_indicators.h"
#include "licence_page.h"
#include "licence_state.h"
#include "readable_names.h"

#include <geolicence/binding_json.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/derivation.h>
#include <geolicence/layer_binding.h>

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <qgsdatetimeedit.h>
#include <qgsfilterlineedit.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreeview.h>
#include <qgslayertreeviewindicator.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

using namespace geolicence;
using namespace geolicence::qgis;

namespace {

class PanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        QgsProject::instance()->clear();
        state_ = std::make_unique<LicenceState>(QgsProject::instance());
    }
    void TearDown() override {
        QgsProject::instance()->clear();
        state_.reset();
    }

    static QgsVectorLayer* addLayer(const QString& name, const QString& licence = QString(),
                                    const QString& options = QString()) {
        auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:28992"), name,
                                         QStringLiteral("memory"));
        if (!licence.isEmpty()) {
            layer->setCustomProperty(QStringLiteral("geolicence/licence"), licence);
        }
        if (!options.isEmpty()) {
            layer->setCustomProperty(QStringLiteral("geolicence/options"), options);
        }
        QgsProject::instance()->addMapLayer(layer);
        return layer;
    }

    // Binds `layer` as the plugin binds a layer Processing made: the core's custom properties.
    static void bindLayer(QgsMapLayer& layer, const LicenceBinding& binding) {
        for (const auto& [key, value] : bindingProperties(binding)) {
            if (value.empty()) {
                layer.removeCustomProperty(QString::fromStdString(key));
            } else {
                layer.setCustomProperty(QString::fromStdString(key), QString::fromStdString(value));
            }
        }
    }

    LicenceBinding licences(const char* json) const {
        return LicenceBinding{licencesFromJson(state_->catalog(), json, "test"), "test", {}};
    }

    static QString property(const QgsMapLayer& layer, const char* key) {
        return layer.customProperty(QString::fromLatin1(key)).toString();
    }

    static QString grbUntil(int days_from_today) {
        return QStringLiteral(R"({"valid_until": "%1"})")
            .arg(QDate::currentDate().addDays(days_from_today).toString(Qt::ISODate));
    }

    // The row of the panel showing `name`, as the view shows it (sorted, filtered).
    static int rowOf(const LicenceDock& dock, const QString& name) {
        const QAbstractItemModel* rows = dock.rows();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (rows->index(row, LicenceDock::LayerColumn).data().toString() == name) {
                return row;
            }
        }
        return -1;
    }
    static QString cell(const LicenceDock& dock, const QString& name, int column) {
        const int row = rowOf(dock, name);
        return row < 0 ? QString() : dock.rows()->index(row, column).data().toString();
    }

    std::unique_ptr<LicenceState> state_;
};

} // namespace

TEST_F(PanelTest, CitationsNameTheLicenceNotTheSeedFile) {
    const QString cite =
        readableCitation(state_->catalog(), Language::English, "ndff-uitvoerportaal",
                         "n4-no-exact-publish", "000_b5f211ad1171a64c.txt bullet 4");
    EXPECT_EQ(cite, QStringLiteral("N4 – bullet 4, NDFF export portal (2024-01-01)"));
    // A rule inherited from the common GRB conditions cites their document.
    const QString inherited =
        readableCitation(state_->catalog(), Language::Dutch, "grb-art7-intern-gebruik",
                         "g0-expired", "001_9ca1959ea1f6a1c8.txt Art. 2 §2, Art. 12 §1 4°");
    EXPECT_EQ(inherited,
              QStringLiteral("G0 – Art. 2 §2, Art. 12 §1 4°, GRB-voorwaarden (2009-10-30)"));
    EXPECT_EQ(bindingOriginShort("geopackage-metadata"), QStringLiteral("GeoPackage metadata"));
    EXPECT_EQ(optionLabel("valid_until"), QStringLiteral("Valid until"));
    EXPECT_EQ(optionLabel("some_new_option"), QStringLiteral("Some new option"));
}

// Every option a bundled profile declares has a label of its own in both languages: in Dutch
// it cannot be the option's code reworded.
TEST_F(PanelTest, EveryBundledOptionHasAReadableLabelInDutchAndEnglish) {
    QTranslator dutch;
    ASSERT_TRUE(dutch.load(QStringLiteral(":/geolicence/i18n/geolicence_nl.qm")));
    QCoreApplication::installTranslator(&dutch);
    for (const LicenceProfile* profile : state_->catalog().all()) {
        for (const OptionSpec& option : profile->options) {
            QString reworded = QString::fromStdString(option.name);
            reworded.replace(QLatin1Char('_'), QLatin1Char(' '));
            reworded[0] = reworded[0].toUpper();
            EXPECT_NE(optionLabel(option.name), reworded)
                << profile->id << ": " << option.name << " has no Dutch label";
        }
    }
    EXPECT_EQ(optionLabel("valid_until"), QStringLiteral("Geldig tot"));
    QCoreApplication::removeTranslator(&dutch);
    EXPECT_EQ(optionLabel("valid_until"), QStringLiteral("Valid until"));
}

TEST_F(PanelTest, StandingsTellExpiredApartFromAggregateFirstAndUnlicensed) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* expired = addLayer(QStringLiteral("GRB oud"),
                                       QStringLiteral("grb-art7-intern-gebruik"), grbUntil(-1));
    QgsVectorLayer* current =
        addLayer(QStringLiteral("GRB"), QStringLiteral("grb-art7-intern-gebruik"), grbUntil(100));
    QgsVectorLayer* bare = addLayer(QStringLiteral("schets"));
    QgsVectorLayer* open = addLayer(QStringLiteral("open"), QStringLiteral("cc0-1.0"));
    EXPECT_EQ(standingOf(*state_, *ndff, Action::Publish).standing, Standing::AggregateFirst);
    const LayerStanding stop = standingOf(*state_, *expired, Action::Publish);
    EXPECT_EQ(stop.standing, Standing::StopUsing);
    EXPECT_TRUE(stop.citation.startsWith(QStringLiteral("G0"))) << stop.citation.toStdString();
    EXPECT_NE(standingOf(*state_, *current, Action::Publish).standing, Standing::StopUsing);
    EXPECT_EQ(standingOf(*state_, *bare, Action::Publish).standing, Standing::Unlicensed);
    EXPECT_EQ(standingOf(*state_, *open, Action::Publish).standing, Standing::Permitted);
    // Sorting puts what needs a decision first.
    EXPECT_LT(static_cast<int>(Standing::Unlicensed), static_cast<int>(Standing::StopUsing));
}

TEST_F(PanelTest, IndicatorsHaveADistinctIconAndTooltipPerState) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF"), QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* expired = addLayer(QStringLiteral("GRB oud"),
                                       QStringLiteral("grb-art7-intern-gebruik"), grbUntil(-1));
    QgsVectorLayer* bare = addLayer(QStringLiteral("schets"));
    QgsVectorLayer* open = addLayer(QStringLiteral("open"), QStringLiteral("cc0-1.0"));
    QgsLayerTreeModel model(QgsProject::instance()->layerTreeRoot());
    QgsLayerTreeView view;
    view.setModel(&model);
    LicenceIndicators indicators(state_.get(), &view);
    const auto shown = [&](QgsMapLayer* layer) {
        const QgsLayerTreeViewIndicator* indicator = indicators.indicatorOf(layer->id());
        EXPECT_NE(indicator, nullptr);
        return indicator;
    };
    EXPECT_EQ(shown(ndff)->objectName(), QStringLiteral("geolicence:aggregate-first"));
    EXPECT_EQ(shown(expired)->objectName(), QStringLiteral("geolicence:stop-using"));
    EXPECT_EQ(shown(bare)->objectName(), QStringLiteral("geolicence:unlicensed"));
    EXPECT_EQ(shown(open)->objectName(), QStringLiteral("geolicence:permitted"));
    QSet<QByteArray> icons;
    for (QgsMapLayer* layer : {static_cast<QgsMapLayer*>(ndff), static_cast<QgsMapLayer*>(expired),
                               static_cast<QgsMapLayer*>(bare), static_cast<QgsMapLayer*>(open)}) {
        const QImage image = shown(layer)->icon().pixmap(16, 16).toImage();
        icons.insert(QByteArray(reinterpret_cast<const char*>(image.constBits()),
                                static_cast<int>(image.sizeInBytes())));
    }
    EXPECT_EQ(icons.size(), 4);
    EXPECT_TRUE(indicators.toolTipOf(ndff->id()).contains(QStringLiteral("1 x 1 km")))
        << indicators.toolTipOf(ndff->id()).toStdString();
    EXPECT_TRUE(indicators.toolTipOf(ndff->id()).contains(QStringLiteral("NDFF export portal (")));
    EXPECT_FALSE(indicators.toolTipOf(ndff->id()).contains(QStringLiteral(".txt")));
    EXPECT_TRUE(indicators.toolTipOf(expired->id()).startsWith(QStringLiteral("Stop using")));
    EXPECT_TRUE(indicators.toolTipOf(bare->id()).startsWith(QStringLiteral("No licence")));
}

TEST_F(PanelTest, PanelRowsAreCompactSortableFilterableAndFitThreeHundredPixels) {
    QgsVectorLayer* ndff = addLayer(QStringLiteral("NDFF waarnemingen met een lange naam"),
                                    QStringLiteral("ndff-uitvoerportaal"));
    QgsVectorLayer* bare = addLayer(QStringLiteral("schets"));
    addLayer(QStringLiteral("GRB gebouwen"), QStringLiteral("grb-art7-intern-gebruik"),
             grbUntil(-1));
    LicenceDock dock(state_.get());
    ASSERT_EQ(dock.rows()->rowCount(), 3);
    EXPECT_EQ(dock.rows()->columnCount(), 3);
    EXPECT_EQ(cell(dock, ndff->name(), LicenceDock::LicenceColumn),
              QStringLiteral("NDFF export portal"));
    EXPECT_EQ(cell(dock, ndff->name(), LicenceDock::StatusColumn),
              QStringLiteral("Aggregate first"));
    EXPECT_EQ(cell(dock, QStringLiteral("GRB gebouwen"), LicenceDock::StatusColumn),
              QStringLiteral("Stop using"));
    EXPECT_EQ(cell(dock, QStringLiteral("schets"), LicenceDock::StatusColumn),
              QStringLiteral("No licence"));
    const QModelIndex unlicensed = dock.rows()->index(rowOf(dock, QStringLiteral("schets")), 0);
    EXPECT_TRUE(unlicensed.data(Qt::FontRole).value<QFont>().bold());

    // The details: the reason, a readable clause, where the licence was set.
    const QString details = dock.detailsText(ndff->id());
    EXPECT_TRUE(details.contains(QStringLiteral("1 x 1 km"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("Clause: N4"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("Licence set in: Project")));
    EXPECT_FALSE(details.contains(QStringLiteral(".txt")));

    // Sorting by status puts the unlicensed layer first; the filter narrows the rows.
    dock.view()->sortByColumn(LicenceDock::StatusColumn, Qt::AscendingOrder);
    EXPECT_EQ(dock.rows()->index(0, 0).data().toString(), QStringLiteral("schets"));
    dock.filter()->setText(QStringLiteral("stop"));
    ASSERT_EQ(dock.rows()->rowCount(), 1);
    EXPECT_EQ(dock.rows()->index(0, 0).data().toString(), QStringLiteral("GRB gebouwen"));
    dock.filter()->clear();
    EXPECT_EQ(dock.rows()->rowCount(), 3);

    // 300 px wide: no horizontal scrolling, one line per row.
    dock.resize(300, 400);
    dock.show();
    QApplication::processEvents();
    EXPECT_FALSE(dock.view()->horizontalScrollBar()->isVisible());
    EXPECT_LE(dock.view()->header()->length(), dock.view()->viewport()->width());
    const int line = dock.view()->fontMetrics().height();
    for (int row = 0; row < dock.rows()->rowCount(); ++row) {
        EXPECT_LT(dock.view()->visualRect(dock.rows()->index(row, 0)).height(), 2 * line + 4);
    }

    // A click selects the layer, a double-click opens its page, the menu copies the details.
    QString selected;
    QString opened;
    dock.setSelectLayer([&](const QString& id) { selected = id; });
    dock.setOpenLicencePage([&](const QString& id) { opened = id; });
    const QModelIndex ndff_row = dock.rows()->index(rowOf(dock, ndff->name()), 0);
    dock.view()->setCurrentIndex(ndff_row);
    EXPECT_EQ(selected, ndff->id());
    EXPECT_TRUE(dock.details()->toPlainText().contains(QStringLiteral("1 x 1 km")));
    emit dock.view()->doubleClicked(ndff_row);
    EXPECT_EQ(opened, ndff->id());
    std::unique_ptr<QMenu> menu(dock.contextMenuFor(ndff_row, nullptr));
    QStringList names;
    for (QAction* action : menu->actions()) {
        names << action->objectName();
        if (action->objectName() == QLatin1String("geolicenceCopyDetails")) {
            action->trigger();
        }
    }
    EXPECT_TRUE(names.contains(QStringLiteral("geolicenceOpenLicencePage")));
    EXPECT_TRUE(names.contains(QStringLiteral("geolicenceZoomToLayer")));
    EXPECT_EQ(QApplication::clipboard()->text(), dock.detailsText(ndff->id()));
    (void)bare;
}

TEST_F(PanelTest, LicencePageHasDatePickersAndReadableLabels) {
    QgsVectorLayer* layer =
        addLayer(QStringLiteral("gebouwen"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2027-12-31"})"));
    LicencePage page(state_.get(), layer, nullptr);
    auto* date = page.findChild<QgsDateEdit*>(QStringLiteral("valid_until"));
    ASSERT_NE(date, nullptr);
    EXPECT_TRUE(date->calendarPopup());
    EXPECT_TRUE(date->allowNull());
    EXPECT_EQ(date->date(), QDate(2027, 12, 31));
    auto* label = page.findChild<QLabel*>(QStringLiteral("label_valid_until"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("Valid until *"));
    EXPECT_EQ(page.findChild<QLabel*>(QStringLiteral("label_publication_right"))->text(),
              QStringLiteral("Publication right granted"));

    // A date picked in the calendar is saved as the CLI reads it; cleared, it is left unset.
    date->setDate(QDate(2028, 6, 30));
    page.apply();
    EXPECT_TRUE(layer->customProperty(QStringLiteral("geolicence/options"))
                    .toString()
                    .contains(QStringLiteral("\"valid_until\":\"2028-06-30\"")));
    date->clear();
    page.apply();
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/options"))
                     .toString()
                     .contains(QStringLiteral("valid_until")));

    // An enumeration shows words, and stores the value.
    page.setLicence(QStringLiteral("ndff-uitvoerportaal"));
    EXPECT_EQ(page.findChild<QLabel*>(QStringLiteral("label_project_end"))->text(),
              QStringLiteral("End of the project"));
    EXPECT_NE(page.findChild<QgsDateEdit*>(QStringLiteral("project_end")), nullptr);
}

TEST_F(PanelTest, ExpiryNoticeNamesLicencesThatEndedOrEndWithinThirtyDays) {
    const QDate today(2026, 3, 1);
    const auto until = [&](int days) {
        return QStringLiteral(R"({"valid_until": "%1"})")
            .arg(today.addDays(days).toString(Qt::ISODate));
    };
    QgsVectorLayer* ended =
        addLayer(QStringLiteral("GRB oud"), QStringLiteral("grb-art10-commercieel"), until(-3));
    QgsVectorLayer* soon = addLayer(QStringLiteral("GRB intern"),
                                    QStringLiteral("grb-art7-intern-gebruik"), until(12));
    QgsVectorLayer* later =
        addLayer(QStringLiteral("GRB later"), QStringLiteral("grb-art9-onderzoek"), until(31));
    QgsVectorLayer* open = addLayer(QStringLiteral("open"), QStringLiteral("cc0-1.0"));
    const QList<ExpiringLicence> found =
        expiringLicences(*state_, {ended, soon, later, open}, today, 30);
    ASSERT_EQ(found.size(), 2);
    EXPECT_TRUE(found[0].expired);
    EXPECT_EQ(found[0].licence, QStringLiteral("GRB Art. 10"));
    EXPECT_EQ(found[0].until, today.addDays(-3));
    EXPECT_FALSE(found[1].expired);
    EXPECT_EQ(found[1].until, today.addDays(12));
    const QString notice = expiryNotice(found);
    EXPECT_EQ(notice, QStringLiteral("GRB Art. 10 was valid until 2026-02-26: stop using GRB oud. "
                                     "GRB Art. 7 is valid until 2026-03-13 only (GRB intern)."));
    EXPECT_TRUE(expiringLicences(*state_, {later, open}, today, 30).isEmpty());
}

// The page edits every licence of a layer with several: changing one writes all of them back,
// and "Attach to dataset" stores all of them with the data. Neither OK nor Attach drops one.
TEST_F(PanelTest, LicencePageNeverDropsTheOtherLicencesOfALayerWithSeveral) {
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("afgeleid.geojson"));
    QFile file(data);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {}, "geometry": {"type": "Point", "coordinates": [5.1, 52.1]}}]})");
    file.close();
    auto* layer = new QgsVectorLayer(data, QStringLiteral("afgeleid"), QStringLiteral("ogr"));
    ASSERT_TRUE(layer->isValid());
    QgsProject::instance()->addMapLayer(layer);
    const QString both = QStringLiteral(
        R"([{"licence": "ndff-uitvoerportaal", "options": {}}, {"licence": "cc-by-4.0", "options": {"attribution": "X"}}])");
    layer->setCustomProperty(QStringLiteral("geolicence/licences"), both);
    LicencePage page(state_.get(), layer, nullptr);
    ASSERT_EQ(page.licenceCount(), 2);
    EXPECT_EQ(page.licenceIdAt(0), QStringLiteral("ndff-uitvoerportaal"));
    EXPECT_EQ(page.licenceIdAt(1), QStringLiteral("cc-by-4.0"));
    EXPECT_TRUE(page.readOnlyReason().isEmpty()) << page.readOnlyReason().toStdString();
    for (QComboBox* combo : page.findChildren<QComboBox*>(QStringLiteral("geolicenceLicence"))) {
        EXPECT_TRUE(combo->isEnabled());
    }
    auto* attach = page.findChild<QPushButton*>(QStringLiteral("geolicenceAttach"));
    ASSERT_NE(attach, nullptr);
    EXPECT_TRUE(attach->isEnabled());

    // One licence's option changed: both are written back.
    page.setOptionText(1, QStringLiteral("attribution"), QStringLiteral("Y"));
    page.apply();
    const LayerBindingResult bound = state_->bindingOf(*layer);
    ASSERT_TRUE(bound.binding);
    EXPECT_EQ(bound.binding->licences, licences(R"([{"licence": "ndff-uitvoerportaal"},
        {"licence": "cc-by-4.0", "options": {"attribution": "Y"}}])")
                                           .licences);
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/licence")).isValid());

    // Attached to the data: the sidecar carries both, and agrees with the project.
    ASSERT_EQ(page.licenceCount(), 2);
    page.attachToDataset();
    const std::optional<DatasetLicence> stored =
        readDatasetLicence(data.toStdString(), state_->catalog());
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->binding.licences, bound.binding->licences);
    EXPECT_TRUE(state_->bindingOf(*layer).conflicts.empty());
}

// The page shows each licence with its own options and the provenance of derived data; OK
// writes every licence back as the core (and so the CLI) reads it, the provenance unchanged.
TEST_F(PanelTest, LicencePageEditsEachOfSeveralLicencesAndKeepsTheProvenance) {
    const LicenceBinding grb = licences(
        R"([{"licence": "grb-art7-intern-gebruik", "options": {"valid_until": "2027-12-31", "publication_right": true}}])");
    const LicenceBinding ndff = licences(R"([{"licence": "ndff-uitvoerportaal"}])");
    const LicenceBinding earlier_join =
        derive({{"/data/oud.gpkg", ndff}}, "2025-01-10", "geolicence bind").binding;
    const Derivation join = derive({{"/data/waarnemingen.gpkg", earlier_join},
                                    {"/data/gebouwen.gpkg", grb},
                                    {"/data/schets.geojson", std::nullopt}},
                                   "2026-03-01", "native:joinattributesbylocation");
    QgsVectorLayer* layer = addLayer(QStringLiteral("join"));
    bindLayer(*layer, join.binding);

    LicencePage page(state_.get(), layer, nullptr);
    ASSERT_EQ(page.licenceCount(), 2);
    EXPECT_EQ(page.licenceIdAt(0), QStringLiteral("ndff-uitvoerportaal"));
    EXPECT_EQ(page.licenceIdAt(1), QStringLiteral("grb-art7-intern-gebruik"));
    // Each licence with its own options form.
    const QList<LicenceEntry*> entries = page.findChildren<LicenceEntry*>();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries[0]->findChild<QgsDateEdit*>(QStringLiteral("valid_until")), nullptr);
    auto* until = entries[1]->findChild<QgsDateEdit*>(QStringLiteral("valid_until"));
    ASSERT_NE(until, nullptr);
    EXPECT_EQ(until->date(), QDate(2027, 12, 31));
    EXPECT_TRUE(
        entries[1]->findChild<QCheckBox*>(QStringLiteral("publication_right"))->isChecked());

    // The provenance, read-only: each input with its licences, date and tool; the input's own
    // inputs below it; an input without a licence named as such.
    auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("geolicenceProvenance"));
    ASSERT_NE(tree, nullptr);
    EXPECT_FALSE(tree->isHidden());
    EXPECT_EQ(tree->editTriggers(), QAbstractItemView::NoEditTriggers);
    ASSERT_EQ(tree->topLevelItemCount(), 3);
    const QTreeWidgetItem* first = tree->topLevelItem(0);
    EXPECT_EQ(first->text(0), QStringLiteral("/data/waarnemingen.gpkg"));
    EXPECT_EQ(first->text(1), QStringLiteral("NDFF export portal"));
    EXPECT_EQ(first->text(2), QStringLiteral("2026-03-01"));
    EXPECT_EQ(first->text(3), QStringLiteral("native:joinattributesbylocation"));
    ASSERT_EQ(first->childCount(), 1);
    EXPECT_EQ(first->child(0)->text(0), QStringLiteral("/data/oud.gpkg"));
    EXPECT_EQ(first->child(0)->text(3), QStringLiteral("geolicence bind"));
    EXPECT_EQ(tree->topLevelItem(1)->text(1), QStringLiteral("GRB Art. 7"));
    EXPECT_EQ(tree->topLevelItem(2)->text(1), QStringLiteral("no licence"));

    // The GRB licence's date changed: both licences written, the provenance kept as it was.
    page.setOptionText(1, QStringLiteral("valid_until"), QStringLiteral("2028-06-30"));
    EXPECT_TRUE(page.validationError().isEmpty()) << page.validationError().toStdString();
    page.apply();
    const LayerBindingResult bound = state_->bindingOf(*layer);
    ASSERT_TRUE(bound.binding);
    EXPECT_TRUE(bound.problems("", "").empty());
    EXPECT_EQ(bound.binding->from, "custom-property");
    EXPECT_EQ(
        bound.binding->licences,
        licences(R"([{"licence": "ndff-uitvoerportaal"}, {"licence": "grb-art7-intern-gebruik",
                   "options": {"valid_until": "2028-06-30", "publication_right": true}}])")
            .licences);
    EXPECT_EQ(derivedFromToJson(bound.binding->derived_from),
              derivedFromToJson(join.binding.derived_from));
    EXPECT_EQ(property(*layer, "geolicence/derived_from"),
              QString::fromStdString(derivedFromToJson(join.binding.derived_from)));

    // A layer that was not derived shows no provenance.
    QgsVectorLayer* plain =
        addLayer(QStringLiteral("gebouwen"), QStringLiteral("grb-art7-intern-gebruik"));
    LicencePage plain_page(state_.get(), plain, nullptr);
    EXPECT_TRUE(
        plain_page.findChild<QTreeWidget*>(QStringLiteral("geolicenceProvenance"))->isHidden());
}

// Licences are added and removed on the page: one licence is written in the single form every
// version reads, several as geolicence/licences, no stale key left; an entry without a licence
// chosen is refused, never written.
TEST_F(PanelTest, LicencePageAddsAndRemovesLicences) {
    QgsVectorLayer* layer =
        addLayer(QStringLiteral("gebouwen"), QStringLiteral("grb-art7-intern-gebruik"),
                 QStringLiteral(R"({"valid_until": "2027-12-31"})"));
    {
        LicencePage page(state_.get(), layer, nullptr);
        ASSERT_EQ(page.licenceCount(), 1);
        page.findChild<QPushButton*>(QStringLiteral("geolicenceAddLicence"))->click();
        ASSERT_EQ(page.licenceCount(), 2);
        EXPECT_FALSE(page.validationError().isEmpty()) << "no licence chosen in the new entry";
        page.apply();
        EXPECT_EQ(property(*layer, "geolicence/licence"),
                  QStringLiteral("grb-art7-intern-gebruik"));
        EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/licences")).isValid());
        page.setLicenceAt(1, QStringLiteral("cc-by-4.0"));
        page.setOptionText(1, QStringLiteral("attribution"), QStringLiteral("© Gemeente X"));
        EXPECT_TRUE(page.validationError().isEmpty()) << page.validationError().toStdString();
        page.apply();
    }
    const LicenceBinding two = licences(
        R"([{"licence": "grb-art7-intern-gebruik", "options": {"valid_until": "2027-12-31"}},
            {"licence": "cc-by-4.0", "options": {"attribution": "© Gemeente X"}}])");
    ASSERT_TRUE(state_->bindingOf(*layer).binding);
    EXPECT_EQ(state_->bindingOf(*layer).binding->licences, two.licences);
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/licence")).isValid());
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/options")).isValid());

    {
        // The Remove button of the CC BY entry: back to one licence, in the single form.
        LicencePage page(state_.get(), layer, nullptr);
        ASSERT_EQ(page.licenceCount(), 2);
        for (LicenceEntry* entry : page.findChildren<LicenceEntry*>()) {
            if (entry->licenceId() == QLatin1String("cc-by-4.0")) {
                entry->findChild<QPushButton*>(QStringLiteral("geolicenceRemoveLicence"))->click();
            }
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        ASSERT_EQ(page.licenceCount(), 1);
        EXPECT_EQ(page.findChildren<LicenceEntry*>().size(), 1);
        page.apply();
    }
    EXPECT_EQ(property(*layer, "geolicence/licence"), QStringLiteral("grb-art7-intern-gebruik"));
    EXPECT_EQ(property(*layer, "geolicence/options"),
              QStringLiteral(R"({"valid_until":"2027-12-31"})"));
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/licences")).isValid());

    {
        // The last one removed: the layer's own setting is gone.
        LicencePage page(state_.get(), layer, nullptr);
        page.removeLicence(0);
        page.apply();
    }
    EXPECT_FALSE(state_->bindingOf(*layer).binding);
    EXPECT_TRUE(layer->customPropertyKeys().filter(QStringLiteral("geolicence/")).isEmpty());
}

// Removing a licence a source of the derived layer carried is asked first and kept only on
// Yes; a licence the analyst added is removed without a question.
TEST_F(PanelTest, LicencePageAsksBeforeRemovingALicenceASourceCarried) {
    const LicenceBinding ndff =
        licences(R"([{"licence": "ndff-uitvoerportaal", "options": {"role": "subscriber"}}])");
    Derivation buffer =
        derive({{"/data/waarnemingen.gpkg", ndff}}, "2026-12-01", "QGIS Processing native:buffer");
    geolicence::addLicence(
        buffer.binding.licences,
        BoundLicence{"cc-by-4.0", {{"attribution", std::string("© Gemeente X")}}});
    QgsVectorLayer* layer = addLayer(QStringLiteral("buffer"));
    bindLayer(*layer, buffer.binding);

    QStringList asked;
    bool answer = false;
    const auto removeButtonOf = [](LicencePage& page, const QString& id) -> QPushButton* {
        for (LicenceEntry* entry : page.findChildren<LicenceEntry*>()) {
            if (entry->licenceId() == id) {
                return entry->findChild<QPushButton*>(QStringLiteral("geolicenceRemoveLicence"));
            }
        }
        return nullptr;
    };
    {
        LicencePage page(state_.get(), layer, nullptr);
        page.setConfirm([&](const QString& title, const QString& text) {
            asked << title + QLatin1Char('\n') + text;
            return answer;
        });
        ASSERT_EQ(page.licenceCount(), 2);
        // No: the NDFF licence stays.
        QPushButton* remove = removeButtonOf(page, QStringLiteral("ndff-uitvoerportaal"));
        ASSERT_NE(remove, nullptr);
        remove->click();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        ASSERT_EQ(asked.size(), 1);
        EXPECT_TRUE(asked[0].contains(QStringLiteral("/data/waarnemingen.gpkg")))
            << asked[0].toStdString();
        EXPECT_TRUE(asked[0].contains(QStringLiteral("NDFF export portal")))
            << asked[0].toStdString();
        EXPECT_EQ(page.licenceCount(), 2);
        EXPECT_EQ(page.licenceIdAt(0), QStringLiteral("ndff-uitvoerportaal"));
        // Choosing another licence in NDFF's place takes it off too: asked, and No keeps NDFF
        // with its options.
        page.setLicenceAt(0, QStringLiteral("vl-cc0"));
        ASSERT_EQ(asked.size(), 2);
        EXPECT_EQ(page.licenceIdAt(0), QStringLiteral("ndff-uitvoerportaal"));
        for (LicenceEntry* entry : page.findChildren<LicenceEntry*>()) {
            if (entry->licenceId() == QLatin1String("ndff-uitvoerportaal")) {
                EXPECT_EQ(entry->licence(), ndff.licences.front()) << "its options kept";
            }
        }
        page.apply();
        EXPECT_TRUE(state_->bindingOf(*layer).binding->hasLicence("ndff-uitvoerportaal"));

        // Yes: removed, and OK writes CC BY alone with the provenance kept.
        answer = true;
        removeButtonOf(page, QStringLiteral("ndff-uitvoerportaal"))->click();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        EXPECT_EQ(asked.size(), 3);
        ASSERT_EQ(page.licenceCount(), 1);
        EXPECT_EQ(page.licenceIdAt(0), QStringLiteral("cc-by-4.0"));
        page.apply();
    }
    const LayerBindingResult bound = state_->bindingOf(*layer);
    ASSERT_TRUE(bound.binding);
    EXPECT_FALSE(bound.binding->hasLicence("ndff-uitvoerportaal"));
    EXPECT_EQ(derivedFromToJson(bound.binding->derived_from),
              derivedFromToJson(buffer.binding.derived_from));
    // What the removal leaves is still judged under NDFF, and says so.
    const Decision decision = state_->evaluateLayers({layer}, Action::Publish);
    EXPECT_FALSE(decision.permitted());
    EXPECT_TRUE(std::any_of(decision.findings.begin(), decision.findings.end(),
                            [](const Finding& f) { return f.rule == "source-licence-dropped"; }));

    // CC BY was the analyst's own addition: no source carried it, no question.
    {
        bindLayer(*layer, buffer.binding);
        LicencePage page(state_.get(), layer, nullptr);
        page.setConfirm([&](const QString& title, const QString&) {
            asked << title;
            return false;
        });
        const int before = static_cast<int>(asked.size());
        removeButtonOf(page, QStringLiteral("cc-by-4.0"))->click();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        EXPECT_EQ(asked.size(), before);
        ASSERT_EQ(page.licenceCount(), 1);
        EXPECT_EQ(page.licenceIdAt(0), QStringLiteral("ndff-uitvoerportaal"));
    }
}

// A licence the catalog does not know (a profile folder missing from the settings) cannot be
// shown, so the page writes nothing rather than drop it, and says why.
TEST_F(PanelTest, LicencePageWritesNothingWhenItCannotShowEveryLicence) {
    QgsVectorLayer* layer = addLayer(QStringLiteral("afgeleid"));
    const QString unknown = QStringLiteral(
        R"([{"licence": "ndff-uitvoerportaal"}, {"licence": "licentie-van-de-organisatie"}])");
    layer->setCustomProperty(QStringLiteral("geolicence/licences"), unknown);
    LicencePage page(state_.get(), layer, nullptr);
    EXPECT_TRUE(page.readOnlyReason().contains(QStringLiteral("licentie-van-de-organisatie")))
        << page.readOnlyReason().toStdString();
    EXPECT_TRUE(page.findChild<QLabel*>(QStringLiteral("geolicenceBindingSource"))
                    ->text()
                    .contains(QStringLiteral("changes nothing")));
    EXPECT_FALSE(page.findChild<QPushButton*>(QStringLiteral("geolicenceAddLicence"))->isEnabled());
    EXPECT_EQ(page.addLicence(QStringLiteral("cc0-1.0")), -1);
    page.setLicence(QStringLiteral("cc0-1.0"));
    page.apply();
    page.attachToDataset();
    EXPECT_EQ(property(*layer, "geolicence/licences"), unknown);
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/licence")).isValid());

    // The same for one licence the catalog does not know.
    QgsVectorLayer* single =
        addLayer(QStringLiteral("eigen"), QStringLiteral("licentie-van-de-organisatie"));
    LicencePage single_page(state_.get(), single, nullptr);
    EXPECT_FALSE(single_page.readOnlyReason().isEmpty());
    single_page.setLicence(QString());
    single_page.apply();
    EXPECT_EQ(property(*single, "geolicence/licence"),
              QStringLiteral("licentie-van-de-organisatie"));
}

// A row names every licence of its layer; a derived layer says so and lists its sources (with
// their licences, date and tool) in the tooltip and the details, and is found by them.
TEST_F(PanelTest, PanelRowsNameEveryLicenceAndShowDerivedLayersWithTheirSources) {
    QgsVectorLayer* join = addLayer(QStringLiteral("join"));
    bindLayer(*join, licences(R"([{"licence": "ndff-uitvoerportaal"},
        {"licence": "grb-art7-intern-gebruik", "options": {"valid_until": "2030-12-31"}}])"));
    QgsVectorLayer* points =
        addLayer(QStringLiteral("waarnemingen"), QStringLiteral("ndff-uitvoerportaal"));
    const LicenceBinding buffered =
        derive({{"/data/waarnemingen.gpkg", state_->bindingOf(*points).binding}}, "2026-03-01",
               "native:buffer")
            .binding;
    QgsVectorLayer* buffer = addLayer(QStringLiteral("buffer"));
    bindLayer(*buffer, buffered);
    QgsVectorLayer* twice = addLayer(QStringLiteral("buffer van buffer"));
    bindLayer(*twice, derive({{"memory:buffer", buffered}}, "2026-03-02", "native:buffer").binding);

    LicenceDock dock(state_.get());
    ASSERT_EQ(dock.rows()->rowCount(), 4);
    EXPECT_EQ(cell(dock, QStringLiteral("join"), LicenceDock::LicenceColumn),
              QStringLiteral("NDFF export portal + GRB Art. 7"));
    EXPECT_EQ(cell(dock, QStringLiteral("waarnemingen"), LicenceDock::LicenceColumn),
              QStringLiteral("NDFF export portal"));
    EXPECT_EQ(cell(dock, QStringLiteral("buffer"), LicenceDock::LicenceColumn),
              QStringLiteral("Derived: NDFF export portal"));
    // The derived layer stands as its source does.
    EXPECT_EQ(cell(dock, QStringLiteral("buffer"), LicenceDock::StatusColumn),
              cell(dock, QStringLiteral("waarnemingen"), LicenceDock::StatusColumn));

    const QString join_details = dock.detailsText(join->id());
    EXPECT_TRUE(join_details.contains(QStringLiteral("Licences (each applies): ")))
        << join_details.toStdString();
    EXPECT_TRUE(join_details.contains(licenceTitles(state_->catalog(), Language::English,
                                                    state_->bindingOf(*join).binding->licences)));
    EXPECT_FALSE(join_details.contains(QStringLiteral("Derived from")));
    const QString details = dock.detailsText(buffer->id());
    EXPECT_TRUE(details.contains(QStringLiteral(
        "Derived from:\n/data/waarnemingen.gpkg: NDFF export portal (2026-03-01, native:buffer)")))
        << details.toStdString();
    const QString chain = dock.detailsText(twice->id());
    EXPECT_TRUE(chain.contains(QStringLiteral("memory:buffer: NDFF export portal (2026-03-02")))
        << chain.toStdString();
    EXPECT_TRUE(chain.contains(QStringLiteral("↳ /data/waarnemingen.gpkg: NDFF export portal")))
        << chain.toStdString();
    const int row = rowOf(dock, QStringLiteral("buffer"));
    EXPECT_TRUE(dock.rows()
                    ->index(row, LicenceDock::LicenceColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("/data/waarnemingen.gpkg")));

    // Found by a source's name, and by being derived.
    dock.filter()->setText(QStringLiteral("waarnemingen.gpkg"));
    ASSERT_EQ(dock.rows()->rowCount(), 2);
    EXPECT_NE(rowOf(dock, QStringLiteral("buffer")), -1);
    EXPECT_NE(rowOf(dock, QStringLiteral("buffer van buffer")), -1);
    dock.filter()->setText(QStringLiteral("derived"));
    EXPECT_EQ(dock.rows()->rowCount(), 2);
    dock.filter()->setText(QStringLiteral("GRB Art. 7"));
    ASSERT_EQ(dock.rows()->rowCount(), 1);
    EXPECT_EQ(dock.rows()->index(0, 0).data().toString(), QStringLiteral("join"));
    dock.filter()->clear();

    // The layer tree's indicator tells it too.
    QgsLayerTreeModel model(QgsProject::instance()->layerTreeRoot());
    QgsLayerTreeView view;
    view.setModel(&model);
    LicenceIndicators indicators(state_.get(), &view);
    EXPECT_TRUE(indicators.toolTipOf(buffer->id()).contains(QStringLiteral("Derived from:")))
        << indicators.toolTipOf(buffer->id()).toStdString();
    EXPECT_TRUE(
        indicators.toolTipOf(join->id()).contains(QStringLiteral("Licences (each applies)")));
}
