#include "licence_page.h"

#include "licence_entry.h"
#include "licence_state.h"
#include "provenance_text.h"
#include "readable_names.h"
#include "status_text.h"
#include "translate.h"

#include <geolicence/binding_json.h>
#include <geolicence/data_source.h>
#include <geolicence/dataset_binding.h>
#include <geolicence/errors.h>
#include <geolicence/layer_binding.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <qgsapplication.h>
#include <qgsmaplayer.h>

namespace geolicence::qgis {

const QString LicencePage::kObjectName = QStringLiteral("geolicenceLicencePage");

namespace {

QString property(const QgsMapLayer& layer, const char* key) {
    return layer.customProperty(QString::fromLatin1(key)).toString();
}

// Why the layer's own setting (its custom properties) cannot be shown completely, or empty.
// Writing over it would then drop what the page cannot show: a licence the catalog does not
// know (a profile folder missing from the settings), a list or provenance that is not valid.
// Broken options of one licence are not such a case: the licence is shown, and saving it with
// the options entered on the page repairs the setting.
QString unshownOwnSetting(const Catalog& catalog, const QgsMapLayer& layer) {
    const std::string where = "layer \"" + layer.name().toStdString() + "\"";
    try {
        const QString several = property(layer, kLicencesProperty);
        if (!several.isEmpty()) {
            licencesFromJson(catalog, several.toStdString(),
                             where + " (custom property " + kLicencesProperty + ")");
        }
        const QString derived = property(layer, kDerivedFromProperty);
        if (!derived.isEmpty()) {
            derivedFromFromJson(catalog, derived.toStdString(),
                                where + " (custom property " + kDerivedFromProperty + ")");
        }
    } catch (const InputError& e) {
        return fromString(e.what());
    }
    const QString one = property(layer, kLicenceProperty);
    const LicenceProfile* profile = catalog.find(one.toStdString());
    if (!one.isEmpty() && (profile == nullptr || profile->is_abstract)) {
        return gtr("%1: licence \"%2\" is not in the catalog")
            .arg(fromString(where + " (custom property " + kLicenceProperty + ")"), one);
    }
    return QString();
}

} // namespace

LicencePage::LicencePage(LicenceState* state, QgsMapLayer* layer, QgsMapCanvas* canvas,
                         QWidget* parent)
    : QgsMapLayerConfigWidget(layer, canvas, parent), state_(state) {
    setObjectName(kObjectName);
    setPanelTitle(gtr("Licence"));
    // Several licences with their options may be taller than the dialog.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);

    source_ = new QLabel(content);
    source_->setWordWrap(true);
    source_->setObjectName(QStringLiteral("geolicenceBindingSource"));
    layout->addWidget(source_);
    layout->addWidget(
        new QLabel(gtr("Licences or use rights of this layer (each one applies)"), content));
    entries_layout_ = new QVBoxLayout();
    layout->addLayout(entries_layout_);
    add_ = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/symbologyAdd.svg")),
                           gtr("Add licence"), content);
    add_->setObjectName(QStringLiteral("geolicenceAddLicence"));
    add_->setToolTip(gtr("The layer is under every licence listed: add one when its data is "
                         "also under another licence (for example a join of two sources)"));
    layout->addWidget(add_, 0, Qt::AlignLeft);

    provenance_title_ = new QLabel(gtr("Derived from (as recorded when the data was made; kept "
                                       "when the licences are saved):"),
                                   content);
    provenance_title_->setWordWrap(true);
    layout->addWidget(provenance_title_);
    provenance_ = new QTreeWidget(content);
    provenance_->setObjectName(QStringLiteral("geolicenceProvenance"));
    provenance_->setColumnCount(4);
    provenance_->setHeaderLabels({gtr("Source"), gtr("Licences"), gtr("Date"), gtr("Made with")});
    provenance_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    provenance_->setSelectionMode(QAbstractItemView::NoSelection);
    provenance_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(provenance_);

    attach_ = new QPushButton(gtr("Attach to dataset"), content);
    attach_->setObjectName(QStringLiteral("geolicenceAttach"));
    attach_->setToolTip(gtr("Write the licences into the GeoPackage or a .licence.json file "
                            "beside the data, so they travel with the file"));
    layout->addWidget(attach_);
    message_ = new QLabel(content);
    message_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("geolicenceMessage"));
    layout->addWidget(message_);
    layout->addStretch();

    confirm_ = [this](const QString& title, const QString& text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    connect(add_, &QPushButton::clicked, this, [this] { addLicence(); });
    connect(attach_, &QPushButton::clicked, this, &LicencePage::attachToDataset);
    file_backed_ =
        dataSourceFile(layer->providerType().toStdString(), layer->source().toStdString())
            .has_value();
    showBinding();
}

// The licences that apply, from whichever source, with their options, where they come from,
// and the provenance of derived data.
void LicencePage::showBinding(bool keep_entries) {
    filling_ = true;
    const LayerBindingResult bound = state_->bindingOf(*mLayer);
    const Catalog& catalog = state_->catalog();
    const Language language = state_->language();
    QStringList lines;
    if (bound.sources.empty()) {
        lines << gtr("This layer has no licence yet.");
    }
    // Every source the core read, the one that applies first (as `geolicence inspect`).
    bool chosen_shown = false;
    for (const BindingSource& source : bound.sources) {
        if (!source.binding) {
            lines << gtr("%1 cannot be read: %2")
                         .arg(bindingOriginPhrase(source.from), fromString(source.error));
        } else if (!chosen_shown && bound.binding && source.from == bound.binding->from) {
            lines.prepend(gtr("Licence from %1: %2")
                              .arg(bindingOriginPhrase(source.from),
                                   licenceTitles(catalog, language, source.binding->licences)));
            chosen_shown = true;
        } else {
            lines << gtr("Also found in %1 (not used): %2")
                         .arg(bindingOriginPhrase(source.from),
                              licenceTitles(catalog, language, source.binding->licences));
        }
    }
    read_only_ = unshownOwnSetting(catalog, *mLayer);
    if (!read_only_.isEmpty()) {
        lines << gtr("The layer's own licence setting cannot be read completely (%1), so this "
                     "page changes nothing: saving would drop what it cannot show. Add the "
                     "missing licence folder in the geolicence settings, or correct the setting "
                     "where it was made.")
                     .arg(read_only_);
    }
    source_->setText(lines.join(QLatin1Char('\n')));

    if (!keep_entries) {
        clearEntries();
        derived_from_.clear();
        if (bound.binding) {
            for (const BoundLicence& licence : bound.binding->licences) {
                LicenceEntry* entry = appendEntry();
                entry->setLicence(fromString(licence.licence_id));
                entry->setOptions(licence.options);
            }
            derived_from_ = bound.binding->derived_from;
        }
    }
    showProvenance();
    const bool writable = read_only_.isEmpty();
    for (LicenceEntry* entry : entries_) {
        entry->setEnabled(writable);
    }
    add_->setEnabled(writable);
    attach_->setEnabled(writable && file_backed_);

    // A binding that cannot be read, or carriers that disagree, are said so (as errors in the
    // Licences panel and the layout check); the licences that apply still show.
    QStringList problems;
    for (const Finding& problem :
         bound.problems(mLayer->id().toStdString(), mLayer->name().toStdString())) {
        problems << fromString(problem.message);
    }
    message_->setText(problems.join(QLatin1Char('\n')));
    error_.clear();
    filling_ = false;
    edited_ = false;
}

// The inputs a derived layer was made from, their own inputs below them.
void LicencePage::showProvenance() {
    provenance_->clear();
    QList<QTreeWidgetItem*> parents; // the last item at each depth
    const QList<ProvenanceEntry> entries =
        provenanceEntries(state_->catalog(), state_->language(), derived_from_);
    const int rows = static_cast<int>(entries.size());
    for (const ProvenanceEntry& entry : entries) {
        const QStringList columns{entry.source, entry.licences, entry.date, entry.tool};
        QTreeWidgetItem* item = entry.depth == 0 || parents.size() < entry.depth
                                    ? new QTreeWidgetItem(provenance_, columns)
                                    : new QTreeWidgetItem(parents.at(entry.depth - 1), columns);
        item->setToolTip(0, entry.source);
        if (entry.unlicensed) {
            item->setForeground(1, QColor(229, 57, 53));
        }
        while (parents.size() > entry.depth) {
            parents.removeLast();
        }
        parents << item;
    }
    provenance_->expandAll();
    // As tall as its rows (and a scroll bar for long paths), not a block of empty lines.
    provenance_->setMaximumHeight(
        provenance_->header()->sizeHint().height() +
        rows * std::max(provenance_->sizeHintForRow(0), provenance_->fontMetrics().height()) +
        provenance_->horizontalScrollBar()->sizeHint().height() + 2 * provenance_->frameWidth() +
        4);
    const bool derived = !derived_from_.empty();
    provenance_title_->setVisible(derived);
    provenance_->setVisible(derived);
}

LicenceEntry* LicencePage::appendEntry() {
    auto* entry = new LicenceEntry(state_->catalog(), state_->language(), this);
    entries_layout_->addWidget(entry);
    entries_ << entry;
    connect(entry, &LicenceEntry::edited, this, &LicencePage::edited);
    // Choosing another licence in the list takes the one shown off, as Remove does.
    entry->setMayChange([this, entry](const QString& from, const QString& to) {
        return filling_ || from == to || mayDrop(static_cast<int>(entries_.indexOf(entry)), from);
    });
    connect(entry, &LicenceEntry::removeRequested, this,
            [this, entry] { removeLicence(static_cast<int>(entries_.indexOf(entry))); });
    return entry;
}

void LicencePage::clearEntries() {
    while (!entries_.isEmpty()) {
        delete entries_.takeLast();
    }
}

QString LicencePage::licenceIdAt(int index) const {
    return index >= 0 && index < entries_.size() ? entries_.at(index)->licenceId() : QString();
}

int LicencePage::addLicence(const QString& id) {
    if (!read_only_.isEmpty()) {
        return -1;
    }
    LicenceEntry* entry = appendEntry();
    entry->setLicence(id);
    edited();
    return static_cast<int>(entries_.size()) - 1;
}

QStringList LicencePage::sourcesCarrying(const QString& licence_id) const {
    QStringList sources;
    for (const DerivedInput& input : derived_from_) {
        for (const BoundLicence& licence : input.licences) {
            if (fromString(licence.licence_id) == licence_id) {
                sources << fromString(input.source);
                break;
            }
        }
    }
    return sources;
}

// A licence a source carried stays with the derived data (the checks judge the layer under it
// even when it is no longer listed): taking it off is asked, unless another entry keeps it.
bool LicencePage::mayDrop(int index, const QString& id) {
    bool kept_elsewhere = false;
    for (int other = 0; other < entries_.size(); ++other) {
        kept_elsewhere =
            kept_elsewhere || (other != index && entries_.at(other)->licenceId() == id);
    }
    const QStringList sources =
        id.isEmpty() || kept_elsewhere ? QStringList() : sourcesCarrying(id);
    return sources.isEmpty() ||
           confirm_(gtr("Remove a licence of the sources?"),
                    gtr("This layer is derived from %1, which carried the licence \"%2\". Data "
                        "derived from licensed data stays under that licence: the checks will "
                        "still judge the layer under it, and report that it was removed "
                        "(source-licence-dropped). Remove it only when the layer no longer "
                        "contains anything of that source. Remove the licence?")
                        .arg(sources.join(QStringLiteral(", ")),
                             licenceTitles(state_->catalog(), state_->language(),
                                           {BoundLicence{id.toStdString(), {}}})));
}

bool LicencePage::removeLicence(int index) {
    if (!read_only_.isEmpty() || index < 0 || index >= entries_.size()) {
        return false;
    }
    if (!mayDrop(index, entries_.at(index)->licenceId())) {
        return false;
    }
    LicenceEntry* entry = entries_.takeAt(index);
    entry->hide();
    entries_layout_->removeWidget(entry);
    // Called from the entry's own button: deleted once the click has been handled, and out of
    // the page's children at once.
    entry->setParent(nullptr);
    entry->deleteLater();
    edited();
    return true;
}

void LicencePage::setLicenceAt(int index, const QString& id) {
    if (index >= 0 && index < entries_.size()) {
        entries_.at(index)->setLicence(id);
    }
}

void LicencePage::setOptionText(int index, const QString& name, const QString& value) {
    if (index >= 0 && index < entries_.size()) {
        entries_.at(index)->setOptionText(name, value);
    }
}

void LicencePage::setLicence(const QString& id) {
    if (!read_only_.isEmpty()) {
        return;
    }
    while (entries_.size() > 1) {
        if (!removeLicence(static_cast<int>(entries_.size()) - 1)) {
            return; // the analyst kept a licence of the sources
        }
    }
    if (id.isEmpty()) {
        removeLicence(0);
    } else if (entries_.isEmpty()) {
        addLicence(id);
    } else {
        setLicenceAt(0, id);
    }
}

void LicencePage::setOptionText(const QString& name, const QString& value) {
    setOptionText(0, name, value);
}

void LicencePage::edited() {
    if (filling_) {
        return;
    }
    edited_ = true;
    validate();
}

void LicencePage::validate() {
    try {
        editedBinding();
        error_.clear();
    } catch (const InputError& e) {
        error_ = fromString(e.what());
    }
    message_->setText(error_);
    setDialogAcceptable(error_.isEmpty());
}

// The Layer Properties dialog applies its pages only after it has closed, so an invalid value
// is refused before: OK stays disabled while the page shows an error.
void LicencePage::setDialogAcceptable(bool acceptable) {
    auto* dialog = qobject_cast<QDialog*>(window());
    if (dialog == nullptr) {
        return;
    }
    // The dialog's own buttons: pages may hold hidden button boxes of their own.
    for (QDialogButtonBox* buttons : dialog->findChildren<QDialogButtonBox*>()) {
        if (buttons->isVisibleTo(dialog) && buttons->button(QDialogButtonBox::Ok) != nullptr) {
            buttons->button(QDialogButtonBox::Ok)->setEnabled(acceptable);
        }
    }
}

LicenceBinding LicencePage::editedBinding() const {
    LicenceBinding binding;
    binding.from = "custom-property";
    for (const LicenceEntry* entry : entries_) {
        // The same licence with the same options listed twice is one grant.
        geolicence::addLicence(binding.licences, entry->licence());
    }
    binding.derived_from = derived_from_;
    return binding;
}

void LicencePage::apply() {
    if (!edited_ || !read_only_.isEmpty()) {
        return; // what is shown came from the layer's sources, or cannot be written back whole
    }
    try {
        const LicenceBinding binding = editedBinding();
        QgsMapLayer* target = mLayer;
        if (binding.licences.empty()) {
            // No licence left: the layer's own setting goes, provenance included (it explained
            // licences the layer no longer claims); a licence from its dataset still applies.
            for (const char* key :
                 {kLicenceProperty, kOptionsProperty, kLicencesProperty, kDerivedFromProperty}) {
                target->removeCustomProperty(QString::fromLatin1(key));
            }
        } else {
            // The core says which keys bind the layer; keys set first and stale ones removed
            // after, so the layer never reads as unlicensed in between.
            const auto properties = bindingProperties(binding);
            for (const auto& [key, value] : properties) {
                if (!value.empty()) {
                    target->setCustomProperty(fromString(key), fromString(value));
                }
            }
            for (const auto& [key, value] : properties) {
                if (value.empty()) {
                    target->removeCustomProperty(fromString(key));
                }
            }
        }
        // The layer's own setting comes first, so what was written is what applies now.
        showBinding(!binding.licences.empty());
    } catch (const InputError& e) {
        error_ = fromString(e.what());
        message_->setText(error_);
    }
}

void LicencePage::attachToDataset() {
    const auto file =
        dataSourceFile(mLayer->providerType().toStdString(), mLayer->source().toStdString());
    if (!file || !read_only_.isEmpty()) {
        return;
    }
    try {
        DatasetLicence licence;
        licence.binding = editedBinding();
        if (licence.binding.licences.empty()) {
            message_->setText(gtr("Choose a licence first."));
            return;
        }
        // The attribution texts recorded with the dataset's binding are not shown here; they
        // are kept, not dropped.
        for (const BindingSource& source : state_->bindingOf(*mLayer).sources) {
            if ((source.from == "sidecar" || source.from == "geopackage-metadata") &&
                licence.attribution.empty()) {
                licence.attribution = source.attribution;
            }
        }
        writeDatasetLicence(file->path, licence, state_->catalog(), file->layer_name);
        state_->refreshLayersOnFile(QString::fromStdString(file->path.string()));
        message_->setText(gtr("The licences are now stored with %1.")
                              .arg(QString::fromStdString(file->path.string())));
    } catch (const InputError& e) {
        message_->setText(fromString(e.what()));
    }
}

LicencePageFactory::LicencePageFactory(LicenceState* state)
    : QgsMapLayerConfigWidgetFactory(gtr("Licence"),
                                     QIcon(QStringLiteral(":/geolicence/icons/licence_ok.svg"))),
      state_(state) {}

bool LicencePageFactory::supportsLayer(QgsMapLayer* layer) const {
    return layer != nullptr;
}

QgsMapLayerConfigWidget* LicencePageFactory::createWidget(QgsMapLayer* layer, QgsMapCanvas* canvas,
                                                          bool, QWidget* parent) const {
    return new LicencePage(state_, layer, canvas, parent);
}

} // namespace geolicence::qgis
