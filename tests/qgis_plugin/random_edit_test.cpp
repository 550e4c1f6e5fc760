// Parity under editing: a seeded sequence of random edits in a headless QGIS with the plugin
// (layers added and removed, bound, unbound and given other options, renamed, shown and hidden,
// groups, map themes, custom layer order, locked layer sets, data-defined layer lists, layouts
// and maps added and removed, atlases, legends, the attribution label removed and restored,
// the role setting, undo and redo). After every step the project is saved, and for every
// layout the automatic attribution label reads what `geolicence attribution` prints for the
// saved file, and the plugin's layout check reaches the CLI's decision with the same findings.
//
// GEOLICENCE_PARITY_SEED=N replays seed N alone; GEOLICENCE_PARITY_SEEDS=K runs seeds 1..K
// (default 2); GEOLICENCE_PARITY_STEPS=S sets the steps per seed (default 500). A divergence
// prints the seed, the step, the edits that led there and a copy of the saved project;
// GEOLICENCE_PARITY_TRACE=1 prints every edit as it is made.
#include "attribution_keeper.h"
#include "layout_licence_check.h"
#include "licence_state.h"
#include "parity_support.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayoutatlas.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutmanager.h>
#include <qgslayoutundostack.h>
#include <qgsmapthemecollection.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgsvectorlayer.h>
#include <random>

using namespace geolicence;
using namespace geolicence::parity;
using geolicence::qgis::AttributionKeeper;
using geolicence::qgis::LicenceState;

namespace {

struct Binding {
    const char* licence; // empty: unbound
    const char* options; // empty: none
};

// Valid, incomplete, broken and unknown bindings, the licences' duties included, and a claimed
// `cell_size_m` that both sides measure on the layer's data.
const Binding kBindings[] = {
    {"", ""},
    {"grb-art7-intern-gebruik", R"({"valid_until": "2030-12-31", "publication_right": true})"},
    {"grb-art7-intern-gebruik", ""},
    {"ndff-uitvoerportaal", ""},
    {"ndff-uitvoerportaal", R"({"role": "contractor", "project_end": "2030-01-01"})"},
    {"ndff-uitvoerportaal", R"({"project_end": "31-03-2027"})"},
    {"cc-by-4.0", R"({"attribution": "© Bron A"})"},
    {"cc-by-4.0", R"({"attribution": "© Bron B"})"},
    {"cc-by-4.0", ""},
    {"vl-cc0", ""},
    {"logius-algemene-voorwaarden", ""},
    {"gdi-vl-deelnemer", R"({"legend_required": true})"},
    {"gdi-vl-deelnemer", ""},
    {"odbl-1.0", R"({"attribution": "© OSM-bijdragers"})"},
    {"bestaat-niet", ""},
    {"cc-by-4.0", "{kapot"},
    {"ndff-uitvoerportaal", R"({"cell_size_m": 1000})"},
};

const char* const kNames[] = {"wegen", "waarnemingen", "gebouwen", "Logius", "gemeenten"};
const char* const kThemes[] = {"T1", "T2", "T3"};
const char* const kRoles[] = {"", "subscriber", "contractor", "organisation"};

// Deterministic everywhere: the draw is the generator's raw output, not a library
// distribution whose algorithm may differ between standard libraries.
class Dice {
public:
    explicit Dice(std::uint32_t seed) : engine_(seed) {}
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(engine_() % static_cast<unsigned>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N]) {
        return items[below(static_cast<int>(N))];
    }
    template <typename T> T pick(const QList<T>& items) {
        return items.isEmpty() ? T() : items.at(below(items.size()));
    }

private:
    std::mt19937 engine_;
};

class RandomEditor {
public:
    RandomEditor(std::uint32_t seed, const QDir& dir, LicenceState& state)
        : dice_(seed), dir_(dir), state_(state), project_(QgsProject::instance()),
          model_(project_->layerTreeRoot()) {
        for (const char* file : {"a.geojson", "b.geojson"}) {
            QFile data(dir_.filePath(QString::fromLatin1(file)));
            data.open(QIODevice::WriteOnly);
            data.write(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
                "properties": {}, "geometry": {"type": "Point", "coordinates": [5.1, 52.1]}}]})");
        }
        // b.geojson carries its own licence, which a custom property may contradict.
        QFile sidecar(dir_.filePath(QStringLiteral("b.geojson.licence.json")));
        sidecar.open(QIODevice::WriteOnly);
        sidecar.write(R"({"licence": "cc-by-4.0", "options": {"attribution": "© Bron B"}})");
    }

    // One random edit; returns what it did, for the replay log.
    std::string step() {
        for (;;) {
            const std::string done = tryEdit(dice_.below(22));
            if (!done.empty()) {
                return done;
            }
        }
    }

    QString role() const { return role_; }

private:
    // In the layer tree's order, which the edits decide (mapLayers() is ordered by id, and ids
    // are random).
    QList<QgsMapLayer*> layers() const {
        QList<QgsMapLayer*> found;
        for (QgsLayerTreeLayer* node : project_->layerTreeRoot()->findLayers()) {
            if (node->layer() != nullptr) {
                found << node->layer();
            }
        }
        return found;
    }
    QList<QgsPrintLayout*> layouts() const { return project_->layoutManager()->printLayouts(); }

    QList<QgsLayerTreeNode*> treeNodes() const {
        QList<QgsLayerTreeNode*> nodes;
        collect(project_->layerTreeRoot(), nodes);
        return nodes;
    }
    static void collect(QgsLayerTreeGroup* group, QList<QgsLayerTreeNode*>& nodes) {
        for (QgsLayerTreeNode* child : group->children()) {
            nodes << child;
            if (QgsLayerTree::isGroup(child)) {
                collect(QgsLayerTree::toGroup(child), nodes);
            }
        }
    }
    QList<QgsLayerTreeGroup*> groups() const {
        QList<QgsLayerTreeGroup*> found{project_->layerTreeRoot()};
        for (QgsLayerTreeNode* node : treeNodes()) {
            if (QgsLayerTree::isGroup(node)) {
                found << QgsLayerTree::toGroup(node);
            }
        }
        return found;
    }
    QList<QgsLayoutItemMap*> maps(QgsPrintLayout* layout) const {
        QList<QgsLayoutItemMap*> found;
        layout->layoutItems(found);
        return found;
    }
    QgsLayoutItemMap* anyMap() {
        QList<QgsLayoutItemMap*> all;
        for (QgsPrintLayout* layout : layouts()) {
            all << maps(layout);
        }
        return dice_.pick(all);
    }
    QList<QgsMapLayer*> someLayers() {
        QList<QgsMapLayer*> chosen;
        for (QgsMapLayer* layer : layers()) {
            if (dice_.chance(40)) {
                chosen << layer;
            }
        }
        return chosen;
    }
    static std::string name(const QgsMapLayer* layer) { return layer->name().toStdString(); }
    static std::string name(const QgsPrintLayout* layout) { return layout->name().toStdString(); }

    void bind(QgsMapLayer* layer, const Binding& binding) {
        if (*binding.licence == '\0') {
            layer->removeCustomProperty(QStringLiteral("geolicence/licence"));
        } else {
            layer->setCustomProperty(QStringLiteral("geolicence/licence"),
                                     QString::fromUtf8(binding.licence));
        }
        if (*binding.options == '\0') {
            layer->removeCustomProperty(QStringLiteral("geolicence/options"));
        } else {
            layer->setCustomProperty(QStringLiteral("geolicence/options"),
                                     QString::fromUtf8(binding.options));
        }
    }

    // A map change as the designer makes it: one undoable command on the layout's stack.
    template <typename Change>
    void onMap(QgsLayoutItemMap* map, const QString& text, Change change) {
        map->layout()->undoStack()->beginCommand(map, text);
        change();
        map->layout()->undoStack()->endCommand();
    }

    std::string tryEdit(int kind) {
        QgsLayerTree* root = project_->layerTreeRoot();
        switch (kind) {
        case 0:
        case 1: { // add a layer, to the root or a group
            if (layers().size() >= 8) {
                return {};
            }
            const bool file = dice_.chance(50);
            const QString source =
                file ? dir_.filePath(dice_.chance(50) ? QStringLiteral("a.geojson")
                                                      : QStringLiteral("b.geojson"))
                     : QStringLiteral("Point?crs=EPSG:28992");
            auto* layer =
                new QgsVectorLayer(source, QString::fromUtf8(dice_.pick(kNames)),
                                   file ? QStringLiteral("ogr") : QStringLiteral("memory"));
            const Binding& binding = dice_.pick(kBindings);
            bind(layer, binding);
            QgsLayerTreeGroup* group = dice_.pick(groups());
            project_->addMapLayer(layer, false);
            group->addLayer(layer);
            return "add layer " + name(layer) + " (" + source.toStdString() + ") to group \"" +
                   group->name().toStdString() + "\" bound to " + binding.licence + " " +
                   binding.options;
        }
        case 2: { // remove a layer
            QgsMapLayer* layer = dice_.pick(layers());
            if (layer == nullptr) {
                return {};
            }
            const std::string what = "remove layer " + name(layer);
            project_->removeMapLayer(layer);
            return what;
        }
        case 3:
        case 4: { // bind, unbind or change options
            QgsMapLayer* layer = dice_.pick(layers());
            if (layer == nullptr) {
                return {};
            }
            const Binding& binding = dice_.pick(kBindings);
            bind(layer, binding);
            return "bind " + name(layer) + " to " + binding.licence + " " + binding.options;
        }
        case 5: { // rename (names repeat: a data-defined list names every layer of that name)
            QgsMapLayer* layer = dice_.pick(layers());
            if (layer == nullptr) {
                return {};
            }
            const std::string before = name(layer);
            layer->setName(QString::fromUtf8(dice_.pick(kNames)));
            return "rename " + before + " to " + name(layer);
        }
        case 6:
        case 7: { // show or hide a layer or group
            QgsLayerTreeNode* node = dice_.pick(treeNodes());
            if (node == nullptr) {
                return {};
            }
            node->setItemVisibilityChecked(!node->itemVisibilityChecked());
            return std::string(node->itemVisibilityChecked() ? "check " : "uncheck ") +
                   node->name().toStdString();
        }
        case 8: { // add a group
            if (groups().size() >= 4) {
                return {};
            }
            QgsLayerTreeGroup* parent = dice_.pick(groups());
            const QString group_name = QStringLiteral("groep %1").arg(groups().size());
            parent->addGroup(group_name);
            return "add group " + group_name.toStdString() + " to \"" +
                   parent->name().toStdString() + "\"";
        }
        case 9: { // store the visible layers as a theme, or remove one
            const QString theme = QString::fromUtf8(dice_.pick(kThemes));
            if (dice_.chance(25)) {
                project_->mapThemeCollection()->removeMapTheme(theme);
                return "remove theme " + theme.toStdString();
            }
            const auto state = QgsMapThemeCollection::createThemeFromCurrentState(root, &model_);
            if (project_->mapThemeCollection()->hasMapTheme(theme)) {
                project_->mapThemeCollection()->update(theme, state);
            } else {
                project_->mapThemeCollection()->insert(theme, state);
            }
            return "store theme " + theme.toStdString();
        }
        case 10: { // custom layer order on or off, shuffled
            QList<QgsMapLayer*> order = root->layerOrder();
            for (int i = order.size() - 1; i > 0; --i) {
                order.swapItemsAt(i, dice_.below(i + 1));
            }
            root->setCustomLayerOrder(order);
            root->setHasCustomLayerOrder(dice_.chance(60));
            return std::string("custom order ") + (root->hasCustomLayerOrder() ? "on" : "off");
        }
        case 11:
        case 12: { // lock a map to some layers, or unlock it
            QgsLayoutItemMap* map = anyMap();
            if (map == nullptr) {
                return {};
            }
            const QList<QgsMapLayer*> set = dice_.chance(25) ? QList<QgsMapLayer*>() : someLayers();
            const bool keep = dice_.chance(70);
            onMap(map, QStringLiteral("Lock layers"), [&] {
                map->setLayers(set);
                map->setKeepLayerSet(keep);
            });
            return "map of " + name(static_cast<QgsPrintLayout*>(map->layout())) + ": " +
                   std::to_string(set.size()) + " layers, keep " + (keep ? "on" : "off");
        }
        case 13: { // follow a theme (perhaps one that does not exist), or stop following
            QgsLayoutItemMap* map = anyMap();
            if (map == nullptr) {
                return {};
            }
            const bool follow = dice_.chance(70);
            const QString theme = dice_.chance(15) ? QStringLiteral("verdwenen")
                                                   : QString::fromUtf8(dice_.pick(kThemes));
            onMap(map, QStringLiteral("Follow theme"), [&] {
                map->setFollowVisibilityPreset(follow);
                map->setFollowVisibilityPresetName(theme);
            });
            return "map of " + name(static_cast<QgsPrintLayout*>(map->layout())) +
                   (follow ? " follows " + theme.toStdString() : std::string(" follows no theme"));
        }
        case 14: { // a data-defined layer list (a constant), or none
            QgsLayoutItemMap* map = anyMap();
            if (map == nullptr) {
                return {};
            }
            QStringList names;
            for (QgsMapLayer* layer : someLayers()) {
                names << layer->name();
            }
            // As the designer's text box gives it: an empty list is an empty text, not a null
            // one (QGIS ignores a null value while the project is open but reads it back from
            // the file as an empty list, which renders nothing).
            const QString list = names.isEmpty() ? QStringLiteral("") : names.join('|');
            const bool set = dice_.chance(50);
            onMap(map, QStringLiteral("Data-defined layers"), [&] {
                map->dataDefinedProperties().setProperty(
                    QgsLayoutObject::MapLayers, set ? QgsProperty::fromValue(list) : QgsProperty());
            });
            return "map of " + name(static_cast<QgsPrintLayout*>(map->layout())) +
                   (set ? " shows layers named \"" + list.toStdString() + "\""
                        : std::string(" has no data-defined layers"));
        }
        case 15: { // add a layout with a map, or add a map to one
            QgsPrintLayout* layout = dice_.pick(layouts());
            if (layout == nullptr || (layouts().size() < 3 && dice_.chance(50))) {
                auto* created = new QgsPrintLayout(project_);
                created->initializeDefaults();
                created->setName(QStringLiteral("Kaart %1").arg(++layout_count_));
                created->addLayoutItem(new QgsLayoutItemMap(created));
                project_->layoutManager()->addLayout(created);
                return "add layout " + name(created);
            }
            auto* map = new QgsLayoutItemMap(layout);
            layout->addLayoutItem(map);
            return "add a map to " + name(layout);
        }
        case 16: { // remove a map, or a whole layout
            QgsPrintLayout* layout = dice_.pick(layouts());
            if (layout == nullptr) {
                return {};
            }
            const std::string what = name(layout);
            if (dice_.chance(40)) {
                project_->layoutManager()->removeLayout(layout);
                return "remove layout " + what;
            }
            QgsLayoutItemMap* map = dice_.pick(maps(layout));
            if (map == nullptr) {
                return {};
            }
            layout->removeLayoutItem(map);
            return "remove a map of " + what;
        }
        case 17: { // atlas on a random layer, or off
            QgsPrintLayout* layout = dice_.pick(layouts());
            if (layout == nullptr) {
                return {};
            }
            auto* coverage = qobject_cast<QgsVectorLayer*>(dice_.pick(layers()));
            const bool enable = coverage != nullptr && dice_.chance(60);
            if (enable) {
                layout->atlas()->setCoverageLayer(coverage);
            }
            layout->atlas()->setEnabled(enable);
            return "atlas of " + name(layout) +
                   (enable ? " over " + name(coverage) : std::string(" off"));
        }
        case 18: { // a legend, or none
            QgsPrintLayout* layout = dice_.pick(layouts());
            if (layout == nullptr) {
                return {};
            }
            QList<QgsLayoutItemLegend*> legends;
            layout->layoutItems(legends);
            if (!legends.isEmpty() && dice_.chance(50)) {
                layout->removeLayoutItem(legends.front());
                return "remove a legend of " + name(layout);
            }
            auto* legend = new QgsLayoutItemLegend(layout);
            legend->setLinkedMap(dice_.pick(maps(layout)));
            legend->setLegendFilterByMapEnabled(dice_.chance(50));
            layout->addLayoutItem(legend);
            return "add a legend to " + name(layout);
        }
        case 19: { // the user deletes the attribution label, or has it restored
            QgsPrintLayout* layout = dice_.pick(layouts());
            if (layout == nullptr) {
                return {};
            }
            if (QgsLayoutItem* label = layout->itemById(AttributionKeeper::kLabelId)) {
                layout->removeLayoutItem(label);
                return "delete the attribution label of " + name(layout);
            }
            restore_(layout);
            return "restore the attribution label of " + name(layout);
        }
        case 20: { // undo or redo on a layout
            QgsPrintLayout* layout = dice_.pick(layouts());
            if (layout == nullptr) {
                return {};
            }
            QUndoStack* stack = layout->undoStack()->stack();
            if (dice_.chance(60) && stack->canUndo()) {
                stack->undo();
                return "undo on " + name(layout);
            }
            if (stack->canRedo()) {
                stack->redo();
                return "redo on " + name(layout);
            }
            return {};
        }
        case 21: { // the organisation's role
            role_ = QString::fromLatin1(dice_.pick(kRoles));
            applySettings(state_, {role_, QString()});
            return "role setting \"" + role_.toStdString() + "\"";
        }
        default:
            return {};
        }
    }

public:
    std::function<void(QgsPrintLayout*)> restore_;

private:
    Dice dice_;
    QDir dir_;
    LicenceState& state_;
    QgsProject* project_;
    QgsLayerTreeModel model_;
    QString role_;
    int layout_count_ = 0;
};

int environmentNumber(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

// How much a run compared, so a pass is seen to have judged something.
struct Tally {
    int comparisons = 0;   // (step, layout) pairs
    int not_permitted = 0; // of which the decision was conditional or prohibited
    int attributed = 0;    // of which the label carried an attribution
};

class RandomEdits : public ::testing::Test {
protected:
    void SetUp() override { QgsProject::instance()->clear(); }
    void TearDown() override { QgsProject::instance()->clear(); }

    // Runs one seed; returns "" or what diverged first.
    std::string runSeed(std::uint32_t seed, int steps, Tally& tally) {
        QTemporaryDir dir;
        QgsProject::instance()->clear();
        LicenceState state(QgsProject::instance());
        applySettings(state, {});
        AttributionKeeper keeper(&state, QgsProject::instance());
        RandomEditor editor(seed, QDir(dir.path()), state);
        editor.restore_ = [&keeper](QgsPrintLayout* layout) { keeper.restore(*layout); };
        const QString path = dir.filePath(QStringLiteral("project.qgs"));
        const QString language = languageOf(state);
        std::vector<std::string> log;
        // GEOLICENCE_PARITY_TRACE=1 prints each edit as it is made (for a replay that crashes).
        const bool trace = environmentNumber("GEOLICENCE_PARITY_TRACE", 0) != 0;
        for (int step = 1; step <= steps; ++step) {
            log.push_back(editor.step());
            if (trace) {
                std::cerr << "seed " << seed << " step " << step << ": " << log.back() << std::endl;
            }
            // The keeper updates labels from the event loop, and QGIS deletes removed layout
            // items from it (deleteLater), as in the running QGIS.
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            if (!QgsProject::instance()->write(path)) {
                return "the project could not be saved";
            }
            const Settings settings{editor.role(), QString()};
            const QList<QgsPrintLayout*> layouts =
                QgsProject::instance()->layoutManager()->printLayouts();
            std::vector<std::unique_ptr<CliLayoutRun>> runs;
            for (QgsPrintLayout* layout : layouts) {
                runs.push_back(
                    std::make_unique<CliLayoutRun>(path, layout->name(), settings, language));
            }
            for (int i = 0; i < layouts.size(); ++i) {
                QgsPrintLayout* layout = layouts.at(i);
                CliLayoutRun& run = *runs.at(static_cast<std::size_t>(i));
                std::string diverged;
                const QString cli_text = run.attribution();
                auto* label = qobject_cast<QgsLayoutItemLabel*>(
                    layout->itemById(AttributionKeeper::kLabelId));
                if (label != nullptr && label->text() != cli_text) {
                    diverged = "the attribution label reads \"" + label->text().toStdString() +
                               "\", geolicence attribution prints \"" + cli_text.toStdString() +
                               "\"";
                } else if (label == nullptr && !cli_text.isEmpty() &&
                           !AttributionKeeper::userRemovedLabel(*layout)) {
                    diverged = "no attribution label, geolicence attribution prints \"" +
                               cli_text.toStdString() + "\"";
                }
                const Judgement plugin = pluginCheck(state, *layout, Action::Publish);
                const Judgement cli = run.check();
                if (diverged.empty() && !(plugin == cli)) {
                    diverged = "the decisions differ: " + difference(plugin, cli);
                }
                ++tally.comparisons;
                tally.not_permitted += cli.decision != "permitted" ? 1 : 0;
                tally.attributed += label != nullptr && !label->text().isEmpty() ? 1 : 0;
                if (!diverged.empty()) {
                    const QString kept = QDir::temp().filePath(
                        QStringLiteral("geolicence-parity-seed%1-step%2.qgs").arg(seed).arg(step));
                    QFile::remove(kept);
                    QFile::copy(path, kept);
                    std::string report =
                        "seed " + std::to_string(seed) + ", step " + std::to_string(step) +
                        ", layout \"" + layout->name().toStdString() + "\": " + diverged +
                        "\n  project kept as " + kept.toStdString() +
                        " (its data files are gone with the test folder)" +
                        "\n  replay: GEOLICENCE_PARITY_SEED=" + std::to_string(seed) + "\n  edits:";
                    for (std::size_t edit = 0; edit < log.size(); ++edit) {
                        report += "\n   " + std::to_string(edit + 1) + ". " + log[edit];
                    }
                    return report;
                }
            }
        }
        return {};
    }
};

TEST_F(RandomEdits, PluginAndCliJudgeEveryStepAlike) {
    const int steps = environmentNumber("GEOLICENCE_PARITY_STEPS", 500);
    std::vector<std::uint32_t> seeds;
    if (const int replay = environmentNumber("GEOLICENCE_PARITY_SEED", 0); replay > 0) {
        seeds.push_back(static_cast<std::uint32_t>(replay));
    } else {
        const int count = environmentNumber("GEOLICENCE_PARITY_SEEDS", 2);
        for (int seed = 1; seed <= count; ++seed) {
            seeds.push_back(static_cast<std::uint32_t>(seed));
        }
    }
    int passed = 0;
    Tally tally;
    for (std::uint32_t seed : seeds) {
        const std::string diverged = runSeed(seed, steps, tally);
        EXPECT_EQ(diverged, "") << diverged;
        passed += diverged.empty() ? 1 : 0;
    }
    std::cout << passed << " of " << seeds.size() << " seeds x " << steps
              << " steps: plugin and CLI agreed at every step; " << tally.comparisons
              << " layout comparisons, " << tally.not_permitted << " not permitted, "
              << tally.attributed << " with an attribution label\n";
    // The edits reach what matters: layouts that fail and layouts that owe attributions.
    EXPECT_GT(tally.not_permitted, tally.comparisons / 10);
    EXPECT_GT(tally.attributed, tally.comparisons / 10);
    EXPECT_GT(tally.comparisons - tally.not_permitted, tally.comparisons / 20);
}

} // namespace
