"""The real starting content of the menukaart: the instruments the project plan names.

Written in the programme's own words from the project plan ("Samenvatting projectplan
continuïteit van de samenleving", 16 March 2015: *menukaart voor de uitvoering*) and the facts in
fixtures/referentie/instanties.csv. Published, with themes and sectors.

`laad_startinhoud()` is create-only: an item is matched on its stable `code` and left alone when
it exists, so the project team's edits (and archiving) survive every reload.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from actieplannen.models import TLP
from agenda.models import Thema
from netwerken.models import Organisatie, Sector

from .models import Link, MenukaartItem

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

ALLE_SECTOREN = ("drinkwater", "elektriciteit", "gas", "olie", "ict-telecom")
S = MenukaartItem.Soort


@dataclass(frozen=True)
class Inhoud:
    """One item to create (when its code does not exist yet)."""

    code: str
    soort: str
    titel: str
    samenvatting: str
    inhoud: str
    themas: tuple[int, ...]
    sectoren: tuple[str, ...] = ALLE_SECTOREN
    organisatie: str = ""  # Organisatie.code
    links: tuple[tuple[str, str], ...] = ()
    tlp: str = TLP.CLEAR
    status: str = MenukaartItem.Status.GEPUBLICEERD
    beoordeeld_dagen_geleden: int | None = 0  # None: never reviewed
    voorgesteld_door: str = ""  # e-mail address of the proposer
    contact_naam: str = ""
    contact_email: str = ""
    contact_telefoon: str = ""


def maak_ontbrekende(
    inhoud: Iterable[Inhoud], *, actor: Gebruiker | None, voorbeeld: bool
) -> tuple[int, int]:
    """Create the items whose code does not exist yet; returns (total, created).

    One query per lookup table, then a few per created item (row, themes, sectors, links, history).
    """
    from netwerken.models import Gebruiker

    from .services import _bewaar

    inhoud = list(inhoud)
    bestaand = set(
        MenukaartItem.objects.filter(code__in=[i.code for i in inhoud]).values_list("code", flat=True)
    )
    themas = Thema.objects.in_bulk(field_name="nummer")
    sectoren = Sector.objects.in_bulk(field_name="slug")
    organisaties = Organisatie.objects.in_bulk(
        {i.organisatie for i in inhoud if i.organisatie}, field_name="code"
    )
    personen = Gebruiker.objects.in_bulk(
        {i.voorgesteld_door for i in inhoud if i.voorgesteld_door}, field_name="email"
    )
    vandaag, nu = timezone.localdate(), timezone.now()
    aangemaakt = 0
    for definitie in inhoud:
        if definitie.code in bestaand:
            continue
        gepubliceerd = definitie.status == MenukaartItem.Status.GEPUBLICEERD
        item = MenukaartItem(
            code=definitie.code,
            soort=definitie.soort,
            titel=definitie.titel,
            samenvatting=definitie.samenvatting,
            inhoud=definitie.inhoud.strip(),
            organisatie=organisaties.get(definitie.organisatie),
            contact_naam=definitie.contact_naam,
            contact_email=definitie.contact_email,
            contact_telefoon=definitie.contact_telefoon,
            tlp=definitie.tlp,
            status=definitie.status,
            voorbeeld=voorbeeld,
            voorgesteld_door=personen.get(definitie.voorgesteld_door),
            curator=actor if definitie.status != MenukaartItem.Status.VOORGESTELD else None,
            gepubliceerd_op=nu if gepubliceerd else None,
            laatst_beoordeeld=(
                vandaag - datetime.timedelta(days=definitie.beoordeeld_dagen_geleden)
                if definitie.beoordeeld_dagen_geleden is not None and definitie.status != "voorgesteld"
                else None
            ),
        )
        item.full_clean()
        _bewaar(item, actor)
        item.themas.set([themas[n] for n in definitie.themas if n in themas])
        item.sectoren.set([sectoren[s] for s in definitie.sectoren if s in sectoren])
        for volgorde, (titel, url) in enumerate(definitie.links):
            link = Link(item=item, titel=titel, url=url, volgorde=volgorde)
            link.full_clean()
            _bewaar(link, actor)
        aangemaakt += 1
    return len(inhoud), aangemaakt


STARTINHOUD: tuple[Inhoud, ...] = (
    Inhoud(
        code="pilot-actieve-regionale-netwerken",
        soort=S.PILOT,
        titel="Pilot ‘actieve regionale netwerken’",
        samenvatting=(
            "Regionale netwerken per sector die de samenwerking tussen vitale bedrijven, veiligheidsregio's "
            "en ministeries in de praktijk brengen. De pilot laat zien welke randvoorwaarden nodig zijn en "
            "welke lessen andere netwerken kunnen gebruiken."
        ),
        inhoud="""
## Waarom
Het programma Continuïteit van de samenleving gaat uit van de netwerken van functionarissen die in de
praktijk echt iets met elkaar moeten afstemmen en regelen: business-continuitymanagers, -adviseurs en
liaisons bij de bedrijven; project- en programmamanagers, adviseurs en accounthouders bij
veiligheidsregio's en politie. Door actieve netwerken te vormen waarin zij concrete verbeteracties
uitvoeren, krijgt de samenwerking een impuls.

## Hoe het netwerk werkt
- **De infrastructuur bepaalt de schaal.** Het gebied waarvoor één drinkwaterbedrijf of één netbeheerder
  verantwoordelijk is, bepaalt welke veiligheidsregio's samen één regionaal netwerk vormen.
- **Leadpartners.** Is het netwerk te groot om echt samen te werken, dan wijzen de veiligheidsregio's één
  regio aan als leadpartner; de bedrijven doen hetzelfde. Landelijke spelers, zoals telecomaanbieders en
  het landelijke gastransportnet, wijzen per regionaal netwerk een leadpartner en een contactpersoon aan.
- **Platformfunctie.** De veiligheidsregio brengt de partijen bijeen en neemt het initiatief voor het
  regionale actieplan.
- **Vertrouwelijk.** Het netwerk is een vertrouwde omgeving waarin open over de samenwerking kan worden
  gesproken.

## Wat de pilot oplevert
Welke randvoorwaarden nodig zijn (mandaat, vaste contactpersonen, capaciteit), welke lessen andere
netwerken kunnen leren, en hoe de uitkomsten worden geborgd. Om landelijke pilots te borgen is
begeleiding van de implementatie bij de regionale netwerken nodig.
""",
        themas=(1, 2),
    ),
    Inhoud(
        code="convenanten-herijken",
        soort=S.INSTRUMENT,
        titel="Convenanten herijken en actielijsten actualiseren",
        samenvatting=(
            "Veel veiligheidsregio's hebben convenanten met vitale sectoren, zoals het convenant dat de "
            "drinkwaterbedrijven (Vewin) in 2011 met het Veiligheidsberaad sloten. Het actieplan van een "
            "netwerk vervangt de actielijst van zo'n convenant of vult die aan."
        ),
        inhoud="""
De Wet veiligheidsregio's benadrukt dat samenwerking met crisispartners van cruciaal belang is en dat
over rampenbestrijding en crisisbeheersing met hen moet worden afgestemd. Daarom sloten diverse
veiligheidsregio's convenanten met vitale sectoren. Landelijk sloot Vewin, de vereniging van de
drinkwaterbedrijven, in 2011 een convenant met het Veiligheidsberaad.

## Gebruik in een actieplan
1. Leg het convenant en de actielijst naast de agenda van de sector: welke afspraken zijn geregeld, welke
   zijn niet meer actueel?
2. Herijk het convenant waar nodig en maak het operationeel: wie doet wat, wanneer en met welke middelen.
3. Neem de acties die nog openstaan op in het actieplan van het netwerk. Soms vervangt het actieplan de
   actielijst, soms vult het die aan.

Het projectplan noemt de actieplannen „levende convenanten op operationeel niveau”: zo worden de
bestuurlijke ambities van een convenant vertaald naar de uitvoeringspraktijk.
""",
        themas=(1, 7, 8),
        organisatie="vewin",
        links=(("Vewin, vereniging van waterbedrijven in Nederland", "https://www.vewin.nl/"),),
    ),
    Inhoud(
        code="project-domino",
        soort=S.PROJECT,
        titel="Project DOMINO: dominoeffecten bij uitval van vitale infrastructuur",
        samenvatting=(
            "Europees project (2010–2012) dat een methode en software ontwikkelde om te voorspellen hoe de "
            "uitval van de ene vitale voorziening doorwerkt in andere: cascade- of dominoeffecten."
        ),
        inhoud="""
DOMINO (*Domino effects modelling infrastructures collapse*) liep van 18 februari 2010 tot 17 februari
2012 binnen het CIPS-programma van de Europese Commissie (DG Home). Italiaanse partners leidden het
project (Presidenza del Consiglio, Fondazione Ugo Bordoni, FORMIT en Theorematica), samen met het Britse
Home Office, het Franse SGDN en het Bulgaarse ministerie voor noodsituaties.

## Bruikbaar voor
- **Gezamenlijke risicobeoordeling:** welke voorzieningen vallen om als stroom, drinkwater of telecom
  uitvalt, en in welke volgorde?
- Het vertalen van landelijke en internationale inzichten naar het regionale risicoprofiel.

> Het projectplan noemt „Domino” als lopend project waarvan de inspanningen benut kunnen worden. Dat het
> om dit Europese project gaat, is waarschijnlijk maar niet zeker; vraag het loket bij twijfel.
""",
        themas=(2, 3),
    ),
    Inhoud(
        code="project-miracle",
        soort=S.PROJECT,
        titel="Project MIRACLE: regionale aanpak van weerbare vitale infrastructuur",
        samenvatting=(
            "Europees project (vanaf mei 2013) over regionale strategieën voor de bescherming en weerbaarheid "
            "van vitale infrastructuur, met Veiligheidsregio Kennemerland als partner. Het leidde tot het "
            "netwerk Cirint.net."
        ),
        inhoud="""
MIRACLE (*Multi-level Alignment of Regional Approaches to Critical Infrastructure Resilience by Learning
from Experience*) werd gefinancierd uit het Europese CIPS-programma en begon in mei 2013. Coördinator was
de Fondazione Politecnico di Milano; partners waren onder meer RGS, de Schotse overheid, Regione
Lombardia en Veiligheidsregio Kennemerland (VR12).

## Bruikbaar voor
- Het inrichten van regionale netwerken rond vitale infrastructuur: hoe regio's, bedrijven en de
  nationale overheid hun aanpak op elkaar afstemmen.
- Leren van ervaringen in andere Europese regio's; het project leidde tot het netwerk Cirint.net.
- Veiligheidsregio Kennemerland kan vertellen hoe de uitkomsten in de eigen regio zijn gebruikt.
""",
        themas=(1, 2),
        organisatie="vr12",
    ),
    Inhoud(
        code="project-predict",
        soort=S.PROJECT,
        titel="Project PREDICT: voorbereid op dominoeffecten in crisissituaties",
        samenvatting=(
            "Europees onderzoeksproject (vanaf 2014) dat hulpmiddelen voor besluitvorming en training "
            "ontwikkelde voor crises waarin de uitval van de ene sector doorwerkt in andere; met "
            "Veiligheidsregio Zuid-Holland-Zuid en TNO als partners."
        ),
        inhoud="""
PREDICT (*PREparing for the Domino effect in Crisis siTuations*) is een project uit het zevende
kaderprogramma van de Europese Unie (FP7-SECURITY, subsidie 607697) dat op 1 april 2014 begon. Elf
partners werkten samen, gecoördineerd vanuit Frankrijk, onder wie Fraunhofer, VTT, TNO, UIC,
Veiligheidsregio Zuid-Holland-Zuid (VR18), SYKE, CEIS, Thales en ITTI.

## Bruikbaar voor
- **Opleiden, trainen en oefenen** met scenario's waarin meerdere sectoren tegelijk uitvallen.
- **Crisismanagement:** ondersteuning van besluiten wanneer cascade-effecten optreden.
- Veiligheidsregio Zuid-Holland-Zuid kan vertellen over de toepassing in een Nederlandse regio.
""",
        themas=(4, 7),
        organisatie="vr18",
        links=(("PREDICT in CORDIS (Europese Commissie)", "https://cordis.europa.eu/project/id/607697"),),
    ),
    Inhoud(
        code="lcms",
        soort=S.INFORMATIEVOORZIENING,
        titel="LCMS: Landelijk Crisis Management Systeem",
        samenvatting=(
            "Het websysteem voor netcentrisch werken: één gedeeld, actueel situatiebeeld in tekst en op de "
            "kaart voor de crisisteams van veiligheidsregio's, Rijk en partners, ook drinkwaterbedrijven en "
            "waterschappen."
        ),
        inhoud="""
LCMS ondersteunt netcentrisch werken: alle betrokken crisisteams werken in hetzelfde actuele
situatiebeeld, in tekst en op de kaart. Het systeem wordt gebruikt door alle 25 veiligheidsregio's, het
Nationaal CrisisCentrum (NCC), het LOCC en meer dan tachtig partners, onder wie waterschappen,
drinkwaterbedrijven en Defensie. Het NIPV (voorheen IFV) beheert LCMS. In oktober 2021 wees de minister
van Justitie en Veiligheid LCMS aan als Landelijke Voorziening Crisisbeheersing (LVCb).

## Bruikbaar voor
- Afspraken over **informatiedeling tijdens een crisis**: welke informatie levert het bedrijf, en wie van
  het bedrijf werkt mee in het gedeelde beeld?
- Aansluiting van vitale partners op LCMS, en oefenen met die aansluiting.
- Crisiscommunicatie die uitgaat van één gedeeld beeld.
""",
        themas=(6, 7),
        organisatie="ifv-nipv",
        links=(("Nederlands Instituut Publieke Veiligheid", "https://www.nipv.nl/"),),
    ),
    Inhoud(
        code="nl-alert",
        soort=S.INFORMATIEVOORZIENING,
        titel="NL-Alert: waarschuwen via de mobiele telefoon",
        samenvatting=(
            "Het alarmmiddel van de overheid dat sinds 2012 met cell broadcast een bericht stuurt naar de "
            "mobiele telefoons in een gebied, bijvoorbeeld bij langdurige uitval van stroom of drinkwater."
        ),
        inhoud="""
Met NL-Alert waarschuwt de overheid mensen in de directe omgeving van een noodsituatie. Het bericht gaat
via cell broadcast naar de mobiele telefoons in het getroffen gebied en zegt wat er aan de hand is en wat
mensen moeten doen. De meldkamers en de crisisorganisatie versturen de berichten namens het bevoegd
gezag; het systeem valt onder het ministerie van Justitie en Veiligheid.

## Bruikbaar voor
- Afspraken over **alertering en alarmering**: wanneer vraagt een vitaal bedrijf de veiligheidsregio om
  een NL-Alert, en wie stelt de tekst op?
- Voorbereide berichten voor scenario's als langdurige stroomuitval of een storing in de
  drinkwatervoorziening, bijvoorbeeld met de plaats van noodwaterpunten.
- Afstemming van de crisiscommunicatie tussen bedrijf, gemeente en veiligheidsregio.
""",
        themas=(5, 6),
        organisatie="min-jenv",
        links=(("NL-Alert", "https://www.nl-alert.nl/"),),
    ),
    Inhoud(
        code="recipe-good-practices",
        soort=S.VOORBEELD,
        titel="RECIPE: handboek met goede praktijken voor beleid rond vitale infrastructuur",
        samenvatting=(
            "Europees handboek (TNO, 2011) met goede praktijken voor beleidsmakers over de bescherming van "
            "vitale infrastructuur; een van de bronnen van de acht samenwerkingsthema's."
        ),
        inhoud="""
Het handboek *RECIPE – Good practices manual for CIP policies for policy makers in Europe* verscheen in
juli 2011. Een consortium onder leiding van TNO schreef het, met overheidspartners uit Nederland,
Slowakije en Estland en het Oostenrijkse OIIP; de auteurs zijn M. Klaver, E. Luiijf en A. Nieuwenhuijs.

Het handboek behandelt zes onderwerpen:

1. het identificeren van vitale infrastructuur;
2. afhankelijkheden tussen voorzieningen;
3. publiek-private samenwerking;
4. informatiedeling;
5. risicomanagement;
6. crisisbeheersing.

Het projectplan van Continuïteit van de samenleving noemt dit handboek als internationale onderbouwing
van de acht thema's waarop veiligheidsregio's, ministeries en bedrijven samenwerken.
""",
        themas=(1, 2, 3, 6, 7),
    ),
    Inhoud(
        code="kennis-nipv",
        soort=S.CONTACT,
        titel="Kennis en netcentrisch werken bij het NIPV (voorheen IFV)",
        samenvatting=(
            "Het Nederlands Instituut Publieke Veiligheid, tot 2022 het Instituut Fysieke Veiligheid, bundelt "
            "kennis over crisisbeheersing voor de veiligheidsregio's, ondersteunt netcentrisch werken en "
            "beheert LCMS."
        ),
        inhoud="""
Het Instituut Fysieke Veiligheid (IFV) is sinds 2013 het instituut van de veiligheidsregio's op grond van
de Wet veiligheidsregio's. Sinds 2022 heet het Nederlands Instituut Publieke Veiligheid (NIPV). Het beheert
LCMS en ondersteunt netcentrisch werken.

Het projectplan noemt de kennis en kunde bij het IFV, universiteiten en andere kennisinstituten als bron
voor de menukaart, en ziet het instituut mogelijk als aanspreekpunt: één loket voor ministeries,
bedrijfsleven en veiligheidsregio's.

## Bruikbaar voor
- onderzoek, evaluaties en lessen uit incidenten over crisisbeheersing;
- opleiden, trainen en oefenen van crisisteams, ook samen met vitale partners;
- vragen over de aansluiting op LCMS.
""",
        themas=(2, 4, 6),
        organisatie="ifv-nipv",
        links=(("Nederlands Instituut Publieke Veiligheid", "https://www.nipv.nl/"),),
    ),
    Inhoud(
        code="traffic-light-protocol",
        soort=S.INSTRUMENT,
        titel="Traffic Light Protocol: afspreken hoe ver informatie mag",
        samenvatting=(
            "Met een TLP-label (CLEAR, GREEN, AMBER, AMBER+STRICT of RED) geeft de afzender aan met wie "
            "ontvangers vertrouwelijke informatie mogen delen. Het NCSC en de sectorale ISAC's gebruiken het."
        ),
        inhoud="""
Het Traffic Light Protocol (TLP) is een afspraak over het delen van informatie. De afzender zet het label
in de onderwerpregel of tekst van een e-mail, of in de kop- en voettekst van een document.

| Label | Delen met |
|---|---|
| TLP:CLEAR | iedereen: geen beperking |
| TLP:GREEN | de eigen gemeenschap, niet openbaar |
| TLP:AMBER | de eigen organisatie en haar klanten, voor zover nodig |
| TLP:AMBER+STRICT | alleen de eigen organisatie |
| TLP:RED | alleen de genoemde ontvangers |

Versie 2.0 van FIRST (augustus 2022) verving TLP:WHITE door TLP:CLEAR en voegde TLP:AMBER+STRICT toe.
Het Nationaal Cyber Security Centrum (NCSC) en de sectorale ISAC's gebruiken TLP om dreigingsinformatie
met vitale aanbieders te delen. Dit portaal labelt actieplannen, acties en menukaartitems ook met TLP.

## Bruikbaar voor
Afspraken in een netwerk over het delen van risico-informatie en dreigingsanalyses tussen bedrijven,
veiligheidsregio's en ministeries.
""",
        themas=(2, 6),
        organisatie="ncsc",
    ),
)


@transaction.atomic
def laad_startinhoud(*, actor: Gebruiker | None = None) -> str:
    """Create the missing items of the starting content (published); returns a summary line."""
    totaal, aangemaakt = maak_ontbrekende(STARTINHOUD, actor=actor, voorbeeld=False)
    return f"Menukaart: {totaal} items startinhoud, {aangemaakt} aangemaakt."
