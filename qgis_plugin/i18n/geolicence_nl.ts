<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>geolicence</name>
    <message>
        <source>%1 — %2: %3 (%4)</source>
        <translation>%1 — %2: %3 (%4)</translation>
    </message>
    <message>
        <source>The licence does not permit this (%1):</source>
        <translation>De licentie staat dit niet toe (%1):</translation>
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
        <source>Licence duty not met on this layout</source>
        <translation>Licentieplicht niet vervuld op deze layout</translation>
    </message>
    <message>
        <source>Layer without licence: %1</source>
        <translation>Laag zonder licentie: %1</translation>
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
        <source>If this layout is an internal working document, mark it as such (Layout menu, "Internal working document (geolicence)").</source>
        <translation>Is deze layout een intern werkdocument, markeer hem dan zo (menu Layout, "Intern werkdocument (geolicence)").</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licenties</translation>
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
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Bron van koppeling</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Plichten</translation>
    </message>
    <message>
        <source>No licence: what may be done with this layer is unknown.</source>
        <translation>Geen licentie: wat met deze laag mag, is onbekend.</translation>
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
        <source>(no licence)</source>
        <translation>(geen licentie)</translation>
    </message>
    <message>
        <source>Licence or use right of this layer</source>
        <translation>Licentie of gebruiksrecht van deze laag</translation>
    </message>
    <message>
        <source>Attach to dataset</source>
        <translation>Aan de dataset koppelen</translation>
    </message>
    <message>
        <source>Write the licence into the GeoPackage or a .licence.json file beside the data, so it travels with the file</source>
        <translation>Schrijf de licentie in de GeoPackage of in een .licence.json-bestand naast de gegevens, zodat ze met het bestand meereist</translation>
    </message>
    <message>
        <source>The licence is now stored with %1.</source>
        <translation>De licentie is nu bij %1 opgeslagen.</translation>
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
        <source>Permitted</source>
        <translation>Toegestaan</translation>
    </message>
    <message>
        <source>Permitted, with warnings</source>
        <translation>Toegestaan, met waarschuwingen</translation>
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
</context>
</TS>
