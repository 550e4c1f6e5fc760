// The plugin's panel, layer-tree indicators, Licence page and expiry notice on real QGIS
// widgets, headless: what an analyst reads at a glance and what a click does.
#include "layer_standing.h"
#include "licence_dock.h"
#include "licence_expiry.h"
#include "licence_indicators.h"
#include "licence_page.h"
#include "licence_state.h"
#include "readable_names.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDate>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeView>
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

// The page edits one licence: on a layer with several it writes nothing, so that neither OK nor
// "Attach to dataset" can drop the licences it does not show.
TEST_F(PanelTest, LicencePageNeverDropsTheOtherLicencesOfALayerWithSeveral) {
    QgsVectorLayer* layer = addLayer(QStringLiteral("afgeleid"));
    const QString both = QStringLiteral(
        R"([{"licence": "ndff-uitvoerportaal", "options": {}}, {"licence": "cc-by-4.0", "options": {"attribution": "X"}}])");
    layer->setCustomProperty(QStringLiteral("geolicence/licences"), both);
    LicencePage page(state_.get(), layer, nullptr);
    auto* combo = page.findChild<QComboBox*>();
    ASSERT_NE(combo, nullptr);
    EXPECT_FALSE(combo->isEnabled());
    auto* attach = page.findChild<QPushButton*>(QStringLiteral("geolicenceAttach"));
    ASSERT_NE(attach, nullptr);
    EXPECT_FALSE(attach->isEnabled());
    page.setLicence(QStringLiteral("cc-by-4.0"));
    page.apply();
    EXPECT_EQ(layer->customProperty(QStringLiteral("geolicence/licences")).toString(), both);
    EXPECT_FALSE(layer->customProperty(QStringLiteral("geolicence/licence")).isValid());
}
