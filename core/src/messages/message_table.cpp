#include <geolicence/messages.h>

#include <array>
#include <cstddef>

namespace geolicence {

namespace {

struct Entry {
    Msg id;
    const char* english;
    const char* dutch;
};

// One row per Msg, in the enum's order (checked below and in messages_test.cpp).
constexpr std::array<Entry, static_cast<std::size_t>(Msg::Count)> kMessages = {{
    {Msg::VerdictPermitted, "PERMITTED", "TOEGESTAAN"},
    // Said in full: a conditional action must not be read as a yes.
    {Msg::VerdictConditional,
     "CONDITIONAL (counts as not permitted until what is missing is given)",
     "VOORWAARDELIJK (geldt als niet toegestaan tot de ontbrekende gegevens zijn opgegeven)"},
    {Msg::VerdictProhibited, "PROHIBITED", "VERBODEN"},
    {Msg::DutiesHeading, "Duties:", "Plichten:"},
    {Msg::OptionsHeading, "Options:", "Opties:"},
    {Msg::RulesHeading, "Rules:", "Regels:"},
    {Msg::DutyDueBy, "by {}", "uiterlijk {}"},
    {Msg::FolderSummary, "{} files checked: {} permitted, {} prohibited, {} unreadable",
     "{} bestanden gecontroleerd: {} toegestaan, {} verboden, {} onleesbaar"},
    {Msg::FolderSummaryConditional,
     "{} files checked: {} permitted, {} conditional, {} prohibited, {} unreadable",
     "{} bestanden gecontroleerd: {} toegestaan, {} voorwaardelijk, {} verboden, {} onleesbaar"},
    {Msg::ServedHeading, "Served by the web services:", "Aangeboden door de webdiensten:"},
    {Msg::ServedNone, "(no layer)", "(geen enkele laag)"},
    {Msg::ServedDownloadable, "[downloadable]", "[te downloaden]"},

    {Msg::CannotBeRuledOut, "Cannot be ruled out: {}", "Niet uit te sluiten: {}"},
    {Msg::DependsOnUnstated, "(This depends on {}, which was not given.)",
     "(Dit hangt af van {}, dat niet is opgegeven.)"},
    {Msg::HowToSetOption,
     "Set option {}: --option {} (CLI), the Licence page in the layer properties (QGIS), or "
     "geolicence bind DATASET --licence {} --option {}.",
     "Stel optie {} in: --option {} (CLI), de pagina Licentie in de laageigenschappen (QGIS), of "
     "geolicence bind DATASET --licence {} --option {}."},
    {Msg::BindingConflict, "Layer \"{}\": {}: {} versus {}.", "Laag \"{}\": {}: {} tegenover {}."},
    {Msg::BindingConflictLicences,
     "its licence bindings name different licences; decide which one holds and remove or "
     "correct the other",
     "de licentiekoppelingen noemen verschillende licenties; beslis welke geldt en verwijder of "
     "verbeter de andere"},
    {Msg::BindingConflictOptions,
     "its licence bindings give different options for the same licence; make them agree",
     "de licentiekoppelingen geven verschillende opties voor dezelfde licentie; maak ze gelijk"},
    {Msg::BindingConflictLicensor,
     "the data source is a service of {}, but the layer is bound to a licence of {}; check that "
     "the binding is right",
     "de gegevensbron is een dienst van {}, maar de laag is gekoppeld aan een licentie van {}; "
     "controleer of de koppeling klopt"},
    {Msg::UnlicensedSource,
     "Layer \"{}\" is derived from \"{}\", which had no licence: what may be done with that "
     "part is unknown. Bind a licence to the source and derive again (geolicence bind "
     "--derived-from).",
     "Laag \"{}\" is afgeleid van \"{}\", dat geen licentie had: wat met dat deel mag is "
     "onbekend. Koppel een licentie aan de bron en leid opnieuw af (geolicence bind "
     "--derived-from)."},
    {Msg::SourceLicenceDropped,
     "Layer \"{}\" is derived from \"{}\", which was under licence {}, but the layer's binding "
     "no longer names that licence. Data derived from licensed data stays under its licence, so "
     "the layer is judged under {} as the source carried it. Bind the licence to the layer again "
     "(the Licence page in QGIS, or geolicence bind --derived-from).",
     "Laag \"{}\" is afgeleid van \"{}\", dat onder licentie {} viel, maar de koppeling van de "
     "laag noemt die licentie niet meer. Gegevens afgeleid van gelicentieerde gegevens blijven "
     "onder die licentie, dus de laag wordt beoordeeld onder {} zoals de bron die droeg. Koppel "
     "de licentie opnieuw aan de laag (de pagina Licentie in QGIS, of geolicence bind "
     "--derived-from)."},

    {Msg::UnreadableEmbeddedGroup, "Embedded group \"{}\"", "Ingebedde groep \"{}\""},
    {Msg::UnreadableLayerWithoutId, "Layer \"{}\" (without id)", "Laag \"{}\" (zonder id)"},
    {Msg::UnreadableEmbeddedLayer, "Embedded layer \"{}\"", "Ingebedde laag \"{}\""},
    {Msg::UnreadableGroupConsequence,
     "{} could not be read, so the licences of its layers were not checked: {}",
     "{} kon niet gelezen worden, dus de licenties van de lagen erin zijn niet gecontroleerd: {}"},
    {Msg::UnreadableLayerConsequence, "{} could not be read, so its licence was not checked: {}",
     "{} kon niet gelezen worden, dus de licentie ervan is niet gecontroleerd: {}"},
    {Msg::UnknownLayer,
     "The project refers to layer \"{}\" but does not define it; its licence cannot be checked.",
     "Het project verwijst naar laag \"{}\", maar definieert die niet; haar licentie kan niet "
     "gecontroleerd worden."},

    {Msg::AttributionMissingOnLayout,
     "Layout \"{}\" does not show the required attribution \"{}\" (for {}). Add a label with "
     "exactly this text.",
     "Layout \"{}\" toont de verplichte bronvermelding \"{}\" niet (voor {}). Voeg een label "
     "met precies deze tekst toe."},
    {Msg::AttributionMissingInPdf,
     "{} (layout \"{}\") does not contain the required attribution \"{}\" (for {}).",
     "{} (layout \"{}\") bevat de verplichte bronvermelding \"{}\" niet (voor {})."},
    {Msg::PdfHasNoText,
     "The PDF has no text at all: export the layout with text as text objects (export "
     "settings, text export).",
     "De PDF bevat geen tekst: exporteer de layout met tekst als tekstobjecten "
     "(Exportinstellingen, Tekstexport)."},
    {Msg::LabelOnLayout, "A label on layout \"{}\"", "Een label op layout \"{}\""},
    {Msg::LegendMissing,
     "Layout \"{}\" has no legend showing layer \"{}\"; the licence requires its legend.",
     "Layout \"{}\" heeft geen legende die laag \"{}\" toont; de licentie eist de juiste "
     "legende."},
    {Msg::EndorsementNamed,
     "{} names {}, which must not be mentioned as a reference without consent. Remove the "
     "mention, or record the consent in option permission_ref.",
     "{} noemt {}, dat zonder toestemming niet als referentie genoemd mag worden. Verwijder de "
     "vermelding, of leg de toestemming vast in optie permission_ref."},

    {Msg::ListAnd, "and", "en"},
    {Msg::ChannelFeatureInfoGeometry, "WMS GetFeatureInfo with geometries",
     "WMS GetFeatureInfo met geometrieën"},
    {Msg::ChannelLizmapPopup, "Lizmap popups", "Lizmap-popups"},
    {Msg::ChannelLizmapAttributeTable, "Lizmap's attribute table (with download)",
     "de Lizmap-attributentabel (met download)"},
    {Msg::ChannelLizmapEdition, "Lizmap editing", "Lizmap-bewerking"},
    {Msg::ChannelLizmapLocate, "Lizmap locate by layer", "Lizmap 'zoeken op laag'"},
    {Msg::ChannelLizmapTooltip, "Lizmap tooltips", "Lizmap-tooltips"},
    {Msg::FixStopWfs,
     "remove layer {} from the WFS list (Project Properties › QGIS Server › WFS capabilities, "
     "column Published)",
     "haal laag {} uit de WFS-lijst (Projecteigenschappen › QGIS Server › WFS-mogelijkheden, "
     "kolom Gepubliceerd)"},
    {Msg::FixStopWcs,
     "remove layer {} from the WCS list (Project Properties › QGIS Server › WCS capabilities)",
     "haal laag {} uit de WCS-lijst (Projecteigenschappen › QGIS Server › WCS-mogelijkheden)"},
    {Msg::FixStopFeatureInfoGeometry,
     "make layer {} non-identifiable (Project Properties › Data Sources, column Identifiable) "
     "or turn off \"Add geometry to feature response\" (Project Properties › QGIS Server › WMS "
     "capabilities)",
     "maak laag {} niet-identificeerbaar (Projecteigenschappen › Gegevensbronnen, kolom "
     "Identificeerbaar) of zet 'Geometrie toevoegen aan objectrespons' uit "
     "(Projecteigenschappen › QGIS Server › WMS)"},
    {Msg::FixStopLizmapAttributeTable,
     "remove layer {} from Lizmap's attribute table tool (Lizmap plugin › Attribute table), "
     "which offers its download",
     "haal laag {} uit de attributentabel van Lizmap (Lizmap-plugin › Attributentabel), die de "
     "download aanbiedt"},
    {Msg::FixExcludeFromWms,
     "exclude layer {} from WMS (Project Properties › QGIS Server › WMS capabilities › Exclude "
     "layers)",
     "sluit laag {} uit van WMS (Projecteigenschappen › QGIS Server › WMS-mogelijkheden › Lagen "
     "uitsluiten)"},
    {Msg::FixAggregateFirst,
     "aggregate the data to {} m cells first (geolicence aggregate INPUT OUTPUT --cell-size {}) "
     "and serve the aggregate instead of layer {}",
     "aggregeer de gegevens eerst tot hokken van {} m (geolicence aggregate INVOER UITVOER "
     "--cell-size {}) en bied het aggregaat aan in plaats van laag {}"},
    {Msg::FixAddOwnData,
     "serve it together with your own data: a layer of this project bound to licence {} "
     "(geolicence bind DATASET --licence {})",
     "bied ze aan samen met eigen gegevens: een laag van dit project met licentie {} "
     "(geolicence bind DATASET --licence {})"},
    {Msg::WebContextReplaced,
     "With --target web, downloadable, combined_with_own_data and cell_size_m come from the "
     "project (what its services offer per layer); the values given were not used.",
     "Met --target web komen downloadable, combined_with_own_data en cell_size_m uit het "
     "project (wat de diensten per laag aanbieden); de opgegeven waarden zijn niet gebruikt."},
    {Msg::WebServedThrough, "Layer {} is served through {}.", "Laag {} wordt aangeboden via {}."},
    {Msg::WebNotPublishable,
     "No way of serving it makes publishing it permitted under {}. Take it out of the "
     "services: {}.",
     "Geen enkele manier van aanbieden maakt publiceren onder {} toegestaan. Haal de laag uit "
     "de diensten: {}."},
    {Msg::WebDownloadable, "can be downloaded ({})", "is te downloaden ({})"},
    {Msg::WebExactPositions, "shows the data at its exact positions",
     "toont de gegevens op hun exacte plaats"},
    {Msg::WebWithoutOwnData, "is not served together with your own data",
     "wordt niet samen met eigen gegevens aangeboden"},
    {Msg::WebToPublish, "It {}. To publish it under {}: {}.",
     "Ze {}. Om ze te publiceren onder {}: {}."},
    {Msg::WebThenHolds, "Then {} holds: {}", "Dan geldt {}: {}"},
    {Msg::WebStillMissing, "What is still missing then is in the other findings.",
     "Wat dan nog ontbreekt, staat in de andere bevindingen."},
    {Msg::WebTransaction,
     "Through WFS-T anyone can insert, update or delete features of layer {}: the licensor's "
     "data is changed in public. Turn off Insert, Update and Delete (Project Properties › QGIS "
     "Server › WFS capabilities).",
     "Via WFS-T kan iedereen objecten van laag {} toevoegen, wijzigen of verwijderen; de "
     "gegevens van de licentiegever worden dan publiek gewijzigd. Zet Invoegen, Bijwerken en "
     "Verwijderen uit (Projecteigenschappen › QGIS Server › WFS-mogelijkheden)."},
    {Msg::WebLizmapWithoutWfs,
     "Lizmap offers layer {} in its attribute table (with download), but the layer is not in "
     "the WFS list: Lizmap shows nothing today, but the layer counts as downloadable.",
     "Lizmap biedt laag {} aan in de attributentabel (met download), maar de laag staat niet in "
     "de WFS-lijst: Lizmap toont nu niets, maar de laag geldt als te downloaden."},
    {Msg::WebAttributionMissing,
     "The services do not advertise the required attribution {} for layer {}. Add it as the "
     "layer's attribution (Layer Properties › QGIS Server › Attribution; WMS GetCapabilities "
     "advertises it) or to the service's abstract or access constraints (Project Properties › "
     "QGIS Server › Service capabilities).",
     "De diensten vermelden de verplichte bronvermelding {} niet bij laag {}. Zet ze als "
     "toeschrijving van de laag (Laageigenschappen › QGIS Server › Toeschrijving; WMS "
     "GetCapabilities toont ze) of in de samenvatting of toegangsbeperkingen van de dienst "
     "(Projecteigenschappen › QGIS Server › Dienstmogelijkheden)."},
    {Msg::WebLegendHiddenByLizmap,
     "Lizmap hides the legend of layer {}, which the licence requires. Turn its legend image on "
     "(Lizmap plugin › Layers).",
     "Lizmap verbergt de legende van laag {}, die de licentie eist. Zet de legende-afbeelding "
     "aan (Lizmap-plugin › Lagen)."},
    {Msg::WebLegendWithoutWms,
     "Layer {} is served without WMS, so without a legend (GetLegendGraphic); the licence "
     "requires its legend. Serve it through WMS too.",
     "Laag {} wordt zonder WMS aangeboden, dus zonder legende (GetLegendGraphic); de licentie "
     "eist de legende. Bied de laag ook via WMS aan."},
    {Msg::WebEndorsementNamed,
     "The services name {} (in their metadata, attributions or Lizmap), which must not be "
     "mentioned as a reference without consent. Remove the mention, or record the consent in "
     "option permission_ref.",
     "De diensten noemen {} (in hun metadata, toeschrijvingen of Lizmap), dat zonder "
     "toestemming niet als referentie genoemd mag worden. Verwijder de vermelding, of leg de "
     "toestemming vast in optie permission_ref."},
}};

constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kMessages.size(); ++i) {
        if (static_cast<std::size_t>(kMessages[i].id) != i) {
            return false;
        }
    }
    return true;
}
static_assert(inEnumOrder(), "kMessages must list every Msg once, in the enum's order");

} // namespace

const char* messageTemplate(Msg id, Language language) {
    const Entry& entry = kMessages.at(static_cast<std::size_t>(id));
    return language == Language::Dutch ? entry.dutch : entry.english;
}

std::string say(Msg id, Language language, std::initializer_list<std::string> args) {
    const std::string pattern = messageTemplate(id, language);
    std::string out;
    const std::string* arg = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            if (arg != args.end()) {
                out += *arg++;
            }
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace geolicence
