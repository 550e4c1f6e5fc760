<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>geolicence</name>
    <message>
        <source>Aggregate to 1 km grid</source>
        <translation>Aggregeren naar 1 km-grid</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licenties</translation>
    </message>
    <message>
        <source>Replaces exact locations by grid cells (1 x 1 km by default) and counts the observations per cell and group: the form in which NDFF data may be published. Only the cell, the group fields and the aggregates are written; the output carries the input's licence with the cell size, so it shows as publishable.</source>
        <translation>Vervangt exacte locaties door rastercellen (standaard 1 x 1 km) en telt de waarnemingen per cel en groep: de vorm waarin NDFF-gegevens gepubliceerd mogen worden. Alleen de cel, de groepsvelden en de aggregaten worden geschreven; de uitvoer draagt de licentie van de invoer met de celgrootte, zodat ze als publiceerbaar wordt getoond.</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Waarnemingen</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Cell size (m)</source>
        <translation>Celgrootte (m)</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Groeperen op</translation>
    </message>
    <message>
        <source>Sum of</source>
        <translation>Som van</translation>
    </message>
    <message>
        <source>Minimum of</source>
        <translation>Minimum van</translation>
    </message>
    <message>
        <source>Maximum of</source>
        <translation>Maximum van</translation>
    </message>
    <message>
        <source>Leave out rows with fewer observations than</source>
        <translation>Rijen weglaten met minder waarnemingen dan</translation>
    </message>
    <message>
        <source>Lines and polygons count in</source>
        <translation>Lijnen en vlakken tellen mee in</translation>
    </message>
    <message>
        <source>Aggregated cells</source>
        <translation>Geaggregeerde cellen</translation>
    </message>
    <message>
        <source>The input layer cannot be read</source>
        <translation>De invoerlaag kan niet gelezen worden</translation>
    </message>
    <message>
        <source>%1 (%2 m grid)</source>
        <translation>%1 (grid van %2 m)</translation>
    </message>
    <message>
        <source>Cancelled: no output was written</source>
        <translation>Geannuleerd: er is geen uitvoer geschreven</translation>
    </message>
    <message>
        <source>%1 features read, %2 observations in %3 cells written, %4 observations left out by the minimum count, %5 features skipped</source>
        <translation>%1 objecten gelezen, %2 waarnemingen in %3 cellen geschreven, %4 waarnemingen weggelaten door het minimumaantal, %5 objecten overgeslagen</translation>
    </message>
    <message>
        <source>The output carries licence %1 with cell_size_m = %2</source>
        <translation>De uitvoer draagt licentie %1 met cell_size_m = %2</translation>
    </message>
    <message>
        <source>The attributions the licences of the layers of a layout map require (all of the layout's maps when no map id is given; the project's visible layers outside a layout), one per line.</source>
        <translation>De naamsvermeldingen die de licenties van de lagen van een layoutkaart vereisen (van alle kaarten van de layout als geen kaart-id is gegeven; van de zichtbare lagen van het project buiten een layout), één per regel.</translation>
    </message>
    <message>
        <source>Update licence attribution</source>
        <translation>Licentievermelding bijwerken</translation>
    </message>
    <message>
        <source>Check licences for an action</source>
        <translation>Licenties controleren voor een handeling</translation>
    </message>
    <message>
        <source>Decides whether the licences of the chosen layers permit the action, and lists every finding with its article, and the duties owed.</source>
        <translation>Beslist of de licenties van de gekozen lagen de handeling toestaan, en geeft elke bevinding met haar artikel en de plichten die gelden.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Beslissing: %1</translation>
    </message>
    <message>
        <source>Go on anyway</source>
        <translation>Toch doorgaan</translation>
    </message>
    <message>
        <source>Aggregate to 1 km grid…</source>
        <translation>Aggregeren naar 1 km-grid…</translation>
    </message>
    <message>
        <source>%1 — %2: %3 (%4)</source>
        <translation>%1 — %2: %3 (%4)</translation>
    </message>
    <message>
        <source>The licence restricts this data (%1):</source>
        <translation>De licentie beperkt deze gegevens (%1):</translation>
    </message>
    <message>
        <source>Aggregated to 1 km grid cells this data may be published.</source>
        <translation>Geaggregeerd naar een 1 km-grid mogen deze gegevens gepubliceerd worden.</translation>
    </message>
    <message>
        <source>Cancel, or go on at your own responsibility?</source>
        <translation>Annuleren, of op eigen verantwoordelijkheid doorgaan?</translation>
    </message>
    <message>
        <source>Licence warning</source>
        <translation>Licentiewaarschuwing</translation>
    </message>
    <message>
        <source>The copy %1 carries the licence %2.</source>
        <translation>De kopie %1 draagt de licentie %2.</translation>
    </message>
    <message>
        <source>The copy %1 carries no licence: %2</source>
        <translation>De kopie %1 draagt geen licentie: %2</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>&amp;geolicence</source>
        <translation>&amp;geolicence</translation>
    </message>
    <message>
        <source>Licences panel</source>
        <translation>Licentiepaneel</translation>
    </message>
    <message>
        <source>Internal working document (geolicence)</source>
        <translation>Intern werkdocument (geolicence)</translation>
    </message>
    <message>
        <source>Restore licence attribution (geolicence)</source>
        <translation>Licentievermelding terugzetten (geolicence)</translation>
    </message>
    <message>
        <source>geolicence</source>
        <translation>geolicence</translation>
    </message>
    <message>
        <source>The new language is used once QGIS has been restarted.</source>
        <translation>De nieuwe taal wordt gebruikt zodra QGIS opnieuw is gestart.</translation>
    </message>
    <message>
        <source>Licence duty not met on this layout</source>
        <translation>Licentieplicht niet vervuld op deze layout</translation>
    </message>
    <message>
        <source>Layer without licence: %1</source>
        <translation>Laag zonder licentie: %1</translation>
    </message>
    <message>
        <source>The cell size claimed for %1 is not what its data shows</source>
        <translation>De opgegeven celgrootte van %1 is niet wat de gegevens laten zien</translation>
    </message>
    <message>
        <source>The licence of %1 does not permit this (%2)</source>
        <translation>De licentie van %1 staat dit niet toe (%2)</translation>
    </message>
    <message>
        <source>Licence warning for %1</source>
        <translation>Licentiewaarschuwing voor %1</translation>
    </message>
    <message>
        <source>The attribution label was removed; rights-holder notices must be kept. Put it back with Layout › Restore licence attribution (geolicence).</source>
        <translation>Het label met de licentievermelding is verwijderd; vermeldingen van rechthebbenden moeten blijven staan. Zet het terug met Layout › Licentievermelding terugzetten (geolicence).</translation>
    </message>
    <message>
        <source>If this layout is an internal working document, mark it as such (Layout menu, "Internal working document (geolicence)").</source>
        <translation>Is deze layout een intern werkdocument, markeer hem dan zo (menu Layout, "Intern werkdocument (geolicence)").</translation>
    </message>
    <message>
        <source>Intent: %1</source>
        <translation>Voornemen: %1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No licence: what may be done with this layer is unknown. Choose one on the Licence page of its Layer Properties.</source>
        <translation>Geen licentie: wat met deze laag mag, is onbekend. Kies er een op de pagina Licentie van de laageigenschappen.</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licentie: %1</translation>
    </message>
    <message>
        <source>Publishing: %1</source>
        <translation>Publiceren: %1</translation>
    </message>
    <message>
        <source>Duties when publishing:</source>
        <translation>Plichten bij publiceren:</translation>
    </message>
    <message>
        <source>the layer's own setting in this project</source>
        <translation>de eigen instelling van de laag in dit project</translation>
    </message>
    <message>
        <source>a .licence.json file beside the data</source>
        <translation>een .licence.json-bestand naast de gegevens</translation>
    </message>
    <message>
        <source>the GeoPackage's metadata</source>
        <translation>de metadata van de GeoPackage</translation>
    </message>
    <message>
        <source>the layer's metadata (licences)</source>
        <translation>de metadata van de laag (licenties)</translation>
    </message>
    <message>
        <source>the catalog's rule for this data source</source>
        <translation>de regel van de catalogus voor deze gegevensbron</translation>
    </message>
    <message>
        <source>(choose a licence)</source>
        <translation>(kies een licentie)</translation>
    </message>
    <message>
        <source>Licences or use rights of this layer (each one applies)</source>
        <translation>Licenties of gebruiksrechten van deze laag (elk ervan geldt)</translation>
    </message>
    <message>
        <source>Remove a licence of the sources?</source>
        <translation>Een licentie van de bronnen verwijderen?</translation>
    </message>
    <message>
        <source>This layer is derived from %1, which carried the licence "%2". Data derived from licensed data stays under that licence: the checks will still judge the layer under it, and report that it was removed (source-licence-dropped). Remove it only when the layer no longer contains anything of that source. Remove the licence?</source>
        <translation>Deze laag is afgeleid van %1, dat onder de licentie "%2" viel. Gegevens afgeleid van gelicentieerde gegevens blijven onder die licentie: de controles beoordelen de laag er nog steeds onder en melden dat ze verwijderd is (source-licence-dropped). Verwijder ze alleen als de laag niets meer van die bron bevat. De licentie verwijderen?</translation>
    </message>
    <message>
        <source>Attach to dataset</source>
        <translation>Aan de dataset koppelen</translation>
    </message>
    <message>
        <source>Write the licences into the GeoPackage or a .licence.json file beside the data, so they travel with the file</source>
        <translation>Schrijf de licenties in de GeoPackage of in een .licence.json-bestand naast de gegevens, zodat ze met het bestand meereizen</translation>
    </message>
    <message>
        <source>The layer's own licence setting cannot be read completely (%1), so this page changes nothing: saving would drop what it cannot show. Add the missing licence folder in the geolicence settings, or correct the setting where it was made.</source>
        <translation>De eigen licentie-instelling van de laag kan niet volledig gelezen worden (%1), dus deze pagina verandert niets: opslaan zou weglaten wat ze niet kan tonen. Voeg de ontbrekende licentiemap toe in de instellingen van geolicence, of verbeter de instelling waar ze gemaakt werd.</translation>
    </message>
    <message>
        <source>Add licence</source>
        <translation>Licentie toevoegen</translation>
    </message>
    <message>
        <source>The layer is under every licence listed: add one when its data is also under another licence (for example a join of two sources)</source>
        <translation>Voor de laag geldt elke vermelde licentie: voeg er een toe wanneer haar gegevens ook onder een andere licentie vallen (bijvoorbeeld een join van twee bronnen)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove this licence from the layer</source>
        <translation>Deze licentie van de laag verwijderen</translation>
    </message>
    <message>
        <source>Choose a licence for every entry, or remove the entry</source>
        <translation>Kies een licentie voor elk item, of verwijder het item</translation>
    </message>
    <message>
        <source>%1: licence "%2" is not in the catalog</source>
        <translation>%1: licentie "%2" staat niet in de catalogus</translation>
    </message>
    <message>
        <source>Derived from (as recorded when the data was made; kept when the licences are saved):</source>
        <translation>Afgeleid van (zoals vastgelegd toen de gegevens gemaakt werden; blijft bewaard wanneer de licenties worden opgeslagen):</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Made with</source>
        <translation>Gemaakt met</translation>
    </message>
    <message>
        <source>no licence</source>
        <translation>geen licentie</translation>
    </message>
    <message>
        <source>Choose a licence first.</source>
        <translation>Kies eerst een licentie.</translation>
    </message>
    <message>
        <source>This layer has no licence yet.</source>
        <translation>Deze laag heeft nog geen licentie.</translation>
    </message>
    <message>
        <source>Licence from %1: %2</source>
        <translation>Licentie uit %1: %2</translation>
    </message>
    <message>
        <source>Also found in %1 (not used): %2</source>
        <translation>Ook gevonden in %1 (niet gebruikt): %2</translation>
    </message>
    <message>
        <source>The licences are now stored with %1.</source>
        <translation>De licenties zijn nu bij %1 opgeslagen.</translation>
    </message>
    <message>
        <source>Territory file %1 cannot be read</source>
        <translation>Grondgebiedbestand %1 kan niet gelezen worden</translation>
    </message>
    <message>
        <source>geolicence settings</source>
        <translation>Instellingen geolicence</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(niet ingesteld)</translation>
    </message>
    <message>
        <source>Purpose of use</source>
        <translation>Gebruiksdoel</translation>
    </message>
    <message>
        <source>subscriber</source>
        <translation>abonnementhouder</translation>
    </message>
    <message>
        <source>contractor (temporary account)</source>
        <translation>opdrachtnemer (tijdelijk account)</translation>
    </message>
    <message>
        <source>NDFF role</source>
        <translation>NDFF-rol</translation>
    </message>
    <message>
        <source>Polygon file of the licensed territory</source>
        <translation>Polygonenbestand van het grondgebied van de licentie</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Grondgebied</translation>
    </message>
    <message>
        <source>One folder per line; a later folder overrides a licence id</source>
        <translation>Eén map per regel; een latere map vervangt een licentie met hetzelfde id</translation>
    </message>
    <message>
        <source>Licence folders</source>
        <translation>Licentiemappen</translation>
    </message>
    <message>
        <source>As QGIS</source>
        <translation>Zoals QGIS</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>A new language is used once QGIS has been restarted.</source>
        <translation>Een nieuwe taal wordt gebruikt zodra QGIS opnieuw is gestart.</translation>
    </message>
    <message>
        <source>Layer "%1" has no licence: what may be done with it is unknown. Choose its licence on the Licence page of its Layer Properties.</source>
        <translation>Laag "%1" heeft geen licentie: wat ermee mag, is onbekend. Kies de licentie op de pagina Licentie van de laageigenschappen.</translation>
    </message>
    <message>
        <source>Layer "%1" is bound to licence "%2", which is not in the catalog. Choose another on the Licence page of its Layer Properties, or add the folder with the licence in Plugins › geolicence › Settings….</source>
        <translation>Laag "%1" is gekoppeld aan licentie "%2", die niet in de catalogus staat. Kies een andere op de pagina Licentie van de laageigenschappen, of voeg de map met de licentie toe in Plugins › geolicence › Instellingen….</translation>
    </message>
    <message>
        <source>Permitted</source>
        <translation>Toegestaan</translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>Niet toegestaan</translation>
    </message>
    <message>
        <source>No licence</source>
        <translation>Geen licentie</translation>
    </message>
    <message>
        <source>display</source>
        <translation>bekijken</translation>
    </message>
    <message>
        <source>internal use</source>
        <translation>intern gebruik</translation>
    </message>
    <message>
        <source>export</source>
        <translation>exporteren</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>publiceren</translation>
    </message>
    <message>
        <source>share</source>
        <translation>delen</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>verkopen</translation>
    </message>
    <message>
        <source>aggregate</source>
        <translation>aggregeren</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>naamsvermelding</translation>
    </message>
    <message>
        <source>legend</source>
        <translation>legenda</translation>
    </message>
    <message>
        <source>report errors</source>
        <translation>fouten melden</translation>
    </message>
    <message>
        <source>inform</source>
        <translation>informeren</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>verwijderen</translation>
    </message>
    <message>
        <source>delete by</source>
        <translation>verwijderen uiterlijk</translation>
    </message>
    <message>
        <source>return by</source>
        <translation>teruggeven uiterlijk</translation>
    </message>
    <message>
        <source>compensate</source>
        <translation>vergoeden</translation>
    </message>
    <message>
        <source>use the latest version</source>
        <translation>de laatste versie gebruiken</translation>
    </message>
    <message>
        <source>keep notices</source>
        <translation>vermeldingen behouden</translation>
    </message>
    <message>
        <source>do not name as a reference</source>
        <translation>niet als referentie noemen</translation>
    </message>
    <message>
        <source>use only for the project</source>
        <translation>alleen voor het project gebruiken</translation>
    </message>
    <message>
        <source>share alike</source>
        <translation>gelijk delen</translation>
    </message>
    <message>
        <source>The licence of %1 permits this only when more is known (%2)</source>
        <translation>De licentie van %1 staat dit alleen toe als meer bekend is (%2)</translation>
    </message>
    <message>
        <source>keep confidential</source>
        <translation>vertrouwelijk houden</translation>
    </message>
    <message>
        <source>indicate changes</source>
        <translation>wijzigingen aangeven</translation>
    </message>
    <message>
        <source>link the licence</source>
        <translation>naar de licentie verwijzen</translation>
    </message>
    <message>
        <source>observe the conditions</source>
        <translation>de voorwaarden naleven</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kan niet gelezen worden: %2</translation>
    </message>
    <message>
        <source>Licences expired</source>
        <translation>Licenties verlopen</translation>
    </message>
    <message>
        <source>Licences expiring</source>
        <translation>Licenties lopen af</translation>
    </message>
    <message>
        <source>Stop using</source>
        <translation>Niet meer gebruiken</translation>
    </message>
    <message>
        <source>Details missing</source>
        <translation>Gegevens ontbreken</translation>
    </message>
    <message>
        <source>Aggregate first</source>
        <translation>Eerst aggregeren</translation>
    </message>
    <message>
        <source>OK, with duties</source>
        <translation>OK, met plichten</translation>
    </message>
    <message>
        <source>Status for %1: %2</source>
        <translation>Status voor %1: %2</translation>
    </message>
    <message>
        <source>Clause: %1</source>
        <translation>Bepaling: %1</translation>
    </message>
    <message>
        <source>Duties:</source>
        <translation>Plichten:</translation>
    </message>
    <message>
        <source>Licences (each applies): %1</source>
        <translation>Licenties (elk ervan geldt): %1</translation>
    </message>
    <message>
        <source>Derived from:</source>
        <translation>Afgeleid van:</translation>
    </message>
    <message>
        <source>Derived: %1</source>
        <translation>Afgeleid: %1</translation>
    </message>
    <message>
        <source>Licence set in: %1</source>
        <translation>Licentie vastgelegd in: %1</translation>
    </message>
    <message>
        <source>The statuses say whether this may be done with each layer</source>
        <translation>De statussen zeggen of dit met elke laag mag</translation>
    </message>
    <message>
        <source>Filter layers, licences or statuses…</source>
        <translation>Lagen, licenties of statussen filteren…</translation>
    </message>
    <message>
        <source>Select a layer to see its licence, duties and clauses.</source>
        <translation>Kies een laag om haar licentie, plichten en bepalingen te zien.</translation>
    </message>
    <message>
        <source>Open Licence Page…</source>
        <translation>Licentiepagina openen…</translation>
    </message>
    <message>
        <source>Zoom to Layer</source>
        <translation>Zoomen naar laag</translation>
    </message>
    <message>
        <source>Select in Layers Panel</source>
        <translation>Selecteren in het lagenpaneel</translation>
    </message>
    <message>
        <source>Copy Details</source>
        <translation>Details kopiëren</translation>
    </message>
    <message>
        <source>%1 was valid until %2: stop using %3.</source>
        <translation>%1 gold tot %2: gebruik %3 niet meer.</translation>
    </message>
    <message>
        <source>%1 is valid until %2 only (%3).</source>
        <translation>%1 geldt nog maar tot %2 (%3).</translation>
    </message>
    <message>
        <source>Stop using this layer: its licence no longer allows any use.</source>
        <translation>Gebruik deze laag niet meer: haar licentie staat geen enkel gebruik meer toe.</translation>
    </message>
    <message>
        <source>Aggregate before publishing: this layer may be published only as grid cells (Aggregate to 1 km grid…).</source>
        <translation>Aggregeren vóór publiceren: deze laag mag alleen als rastercellen gepubliceerd worden (Aggregeren naar 1 km-grid…).</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>(geen datum)</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>End of the project</source>
        <translation>Einde van het project</translation>
    </message>
    <message>
        <source>Publication right granted</source>
        <translation>Publicatierecht verleend</translation>
    </message>
    <message>
        <source>Attribution text</source>
        <translation>Tekst van de bronvermelding</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Uw rol</translation>
    </message>
    <message>
        <source>Legend required</source>
        <translation>Legende verplicht</translation>
    </message>
    <message>
        <source>Latest version required</source>
        <translation>Meest recente versie verplicht</translation>
    </message>
    <message>
        <source>Other conditions</source>
        <translation>Andere voorwaarden</translation>
    </message>
    <message>
        <source>Fee class</source>
        <translation>Vergoedingsklasse</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>Toegang ontzegd</translation>
    </message>
    <message>
        <source>Reference of the permission</source>
        <translation>Kenmerk van de toestemming</translation>
    </message>
    <message>
        <source>Competent authority</source>
        <translation>Bevoegd gezag</translation>
    </message>
    <message>
        <source>Aggregated to cells of (m)</source>
        <translation>Geaggregeerd tot hokken van (m)</translation>
    </message>
    <message>
        <source>the participating organisation</source>
        <translation>de deelnemende organisatie</translation>
    </message>
    <message>
        <source>contractor</source>
        <translation>opdrachtnemer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>.licence.json file</source>
        <translation>.licence.json-bestand</translation>
    </message>
    <message>
        <source>GeoPackage metadata</source>
        <translation>GeoPackage-metadata</translation>
    </message>
    <message>
        <source>Layer metadata</source>
        <translation>Laagmetadata</translation>
    </message>
    <message>
        <source>Catalog rule</source>
        <translation>Catalogusregel</translation>
    </message>
    <message>
        <source>it is not a file a licence can be written to</source>
        <translation>het is geen bestand waarin een licentie geschreven kan worden</translation>
    </message>
    <message>
        <source>Processing outputs do not carry the licences of their inputs: QGIS runs without Python.</source>
        <translation>Uitvoer van Processing draagt de licenties van de invoer niet: QGIS draait zonder Python.</translation>
    </message>
    <message>
        <source>Layer “%1”, made from pasted features,</source>
        <translation>Laag “%1”, gemaakt van geplakte objecten,</translation>
    </message>
    <message>
        <source>Features pasted into “%1”</source>
        <translation>Objecten geplakt in “%1”</translation>
    </message>
    <message>
        <source>came from a copy the plugin did not see (another application, the attribute table): their licence is unknown and was not carried over.</source>
        <translation>komen uit een kopie die de plug-in niet zag (een andere toepassing, de attributentabel): hun licentie is onbekend en is niet meegenomen.</translation>
    </message>
    <message>
        <source>came from “%1”, which carries no licence that can be read%2.</source>
        <translation>komen uit “%1”, dat geen leesbare licentie draagt%2.</translation>
    </message>
    <message>
        <source>“%1” now carries the licences of the features pasted into it from “%2”: %3.</source>
        <translation>“%1” draagt nu de licenties van de objecten die erin geplakt zijn uit “%2”: %3.</translation>
    </message>
    <message>
        <source>“%1” could not be given the licences of the features pasted into it from “%2” (%3): %4.</source>
        <translation>“%1” kon de licenties van de objecten die erin geplakt zijn uit “%2” (%3) niet krijgen: %4.</translation>
    </message>
    <message>
        <source>“%1” carried no licence before: its earlier features are recorded as a source without a licence.</source>
        <translation>“%1” had eerder geen licentie: de objecten die er al in stonden worden vastgelegd als bron zonder licentie.</translation>
    </message>
    <message>
        <source>Layout “%1”: %2</source>
        <translation>Afdruklay-out “%1”: %2</translation>
    </message>
    <message>
        <source>The layout may not be exported as it is, so “%1” does not run:</source>
        <translation>De afdruklay-out mag zo niet geëxporteerd worden, dus “%1” wordt niet uitgevoerd:</translation>
    </message>
    <message>
        <source>Cancelled: the licence restricts this data.</source>
        <translation>Geannuleerd: de licentie beperkt deze gegevens.</translation>
    </message>
    <message>
        <source>“%1” writes data out of QGIS.</source>
        <translation>“%1” schrijft gegevens buiten QGIS weg.</translation>
    </message>
    <message>
        <source>the licence of input %1 cannot be read for certain: %2</source>
        <translation>de licentie van invoer %1 is niet met zekerheid te lezen: %2</translation>
    </message>
    <message>
        <source>The outputs of “%1” carry no licence: %2</source>
        <translation>De uitvoer van “%1” draagt geen licentie: %2</translation>
    </message>
    <message>
        <source>a folder cannot carry a licence</source>
        <translation>een map kan geen licentie dragen</translation>
    </message>
    <message>
        <source>The output of “%1” carries the licences of its inputs (%2): %3</source>
        <translation>De uitvoer van “%1” draagt de licenties van de invoer (%2): %3</translation>
    </message>
    <message>
        <source>Input %1 carries no licence: the output records it as a source without a licence, and every check of the output warns about it.</source>
        <translation>Invoer %1 draagt geen licentie: de uitvoer legt die vast als bron zonder licentie, en elke controle van de uitvoer waarschuwt daarvoor.</translation>
    </message>
    <message>
        <source>These outputs carry no licence although their inputs are licensed: %1</source>
        <translation>Deze uitvoer draagt geen licentie, hoewel de invoer een licentie heeft: %1</translation>
    </message>
</context>
</TS>
