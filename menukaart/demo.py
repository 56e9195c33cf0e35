"""Example content for demonstrations (`laad_demodata`): items marked *voorbeeldinhoud*.

Invented but plausible items across every type, theme and sector, a few proposals by the demo
accounts, a few stale items (not reviewed for more than 12 months), one archived item, one TLP:RED
item (only the project team sees it) and loket questions with answers. Create-only, like the
starting content: items are matched on their code, questions on asker and text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from actieplannen.models import TLP

from .models import LoketVraag, MenukaartItem
from .startinhoud import Inhoud, maak_ontbrekende

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

S = MenukaartItem.Soort
VOORGESTELD, GEARCHIVEERD = MenukaartItem.Status.VOORGESTELD, MenukaartItem.Status.GEARCHIVEERD
DW, EL, GAS, OLIE, ICT = "drinkwater", "elektriciteit", "gas", "olie", "ict-telecom"
ALLE = (DW, EL, GAS, OLIE, ICT)
MAAND = 30  # days

VOORBEELDEN: tuple[Inhoud, ...] = (
    Inhoud(
        "demo-noodwater-distributie",
        S.VOORBEELD,
        "Afspraken over de distributie van nooddrinkwater",
        "Hoe een drinkwaterbedrijf, de gemeenten en de veiligheidsregio afspreken wie nooddrinkwater waar "
        "uitdeelt als de levering langer dan een dag uitvalt.",
        """
Bij een langdurige storing levert het drinkwaterbedrijf nooddrinkwater. De **noodwater distributie** aan
de bevolking vraagt afspraken met gemeenten en veiligheidsregio:

- welke uitgiftepunten per gemeente, en wie ze bemenst;
- hoe kwetsbare inwoners (zorginstellingen, thuiswonende ouderen) water krijgen;
- hoe inwoners horen waar ze terecht kunnen (NL-Alert, gemeentelijke kanalen).

Het netwerk legde de afspraken vast in een werkkaart en oefent ze elk jaar.
""",
        themas=(8, 6),
        sectoren=(DW,),
        organisatie="vitens",
        contact_naam="Team crisisbeheersing (voorbeeld)",
    ),
    Inhoud(
        "demo-gaslevering-zorg",
        S.VOORBEELD,
        "Gasleveranties aan prioritaire voorzieningen in het zorggebied",
        "Een regionaal netwerk bracht in kaart welke zorginstellingen bij een gastekort voorrang krijgen en "
        "hoe de netbeheerder en de GHOR elkaar dan informeren.",
        """
Bij een tekort aan gas moet duidelijk zijn welke **prioritaire voorzieningen** zo lang mogelijk gas houden.
Het netwerk maakte samen met de GHOR een lijst van ziekenhuizen en verpleeghuizen en sprak af hoe de
netbeheerder de GHOR informeert over afschakelingen.
""",
        themas=(8, 7),
        sectoren=(GAS,),
        organisatie="enexis",
    ),
    Inhoud(
        "demo-oefening-stroomuitval",
        S.VOORBEELD,
        "Regionale oefening langdurige stroomuitval",
        "Een table-top-oefening van twee dagdelen waarin netbeheerder, veiligheidsregio, drinkwaterbedrijf en "
        "telecomaanbieder samen een stroomuitval van 48 uur doorlopen.",
        """
## Opzet
1. Scenario: uitval van het middenspanningsnet in een groot deel van de regio, 48 uur.
2. Per fase bespreken de partijen wat zij doen en wat zij van elkaar nodig hebben.
3. De lessen gaan als verbeteracties het actieplan in.

## Lessen
- Noodstroom van drinkwaterpompstations en zendmasten houdt het niet overal 48 uur vol.
- De contactenlijst was op drie plaatsen verouderd.
""",
        themas=(4,),
        sectoren=(EL, DW, ICT),
        organisatie="liander",
    ),
    Inhoud(
        "demo-brandstof-noodstroom",
        S.INSTRUMENT,
        "Prioriteringslijst brandstof voor noodstroomaggregaten",
        "Een lijst van locaties die bij langdurige stroomuitval als eerste brandstof voor hun "
        "noodstroomaggregaat krijgen, met de afspraken over bevoorrading.",
        """
Bij langdurige stroomuitval draaien veel vitale voorzieningen op noodstroom. De lijst zegt welke locaties
als eerste diesel krijgen, wie die levert en hoe de veiligheidsregio de bevoorrading coördineert.
""",
        themas=(8,),
        sectoren=(OLIE, EL),
    ),
    Inhoud(
        "demo-liaison-rot",
        S.VOORBEELD,
        "Liaison van het vitale bedrijf in het Regionaal Operationeel Team",
        "Afspraken over wanneer een liaison van het vitale bedrijf aanschuift bij het ROT, met welk mandaat "
        "en met welke informatie.",
        """
Het bedrijf wijst drie liaisons aan die elkaar aflossen. Zij zijn bij opschaling binnen een uur aanwezig,
hebben toegang tot het gedeelde situatiebeeld en kunnen namens het bedrijf afspraken maken over inzet en
prioriteiten.
""",
        themas=(7,),
        sectoren=ALLE,
    ),
    Inhoud(
        "demo-noodcommunicatie-telecom",
        S.INSTRUMENT,
        "Noodcommunicatie bij uitval van mobiele netwerken",
        "Welke middelen crisispartners gebruiken als mobiele telefonie uitvalt: C2000, satelliettelefoons en "
        "vaste ontmoetingspunten.",
        """
| Middel | Voor wie | Afspraak |
|---|---|---|
| C2000 | hulpdiensten | gespreksgroep per netwerk |
| Satelliettelefoon | liaisons vitale bedrijven | elke maand testen |
| Ontmoetingspunt | iedereen | het regionale crisiscentrum |
""",
        themas=(5, 6),
        sectoren=(ICT,),
        organisatie="kpn",
    ),
    Inhoud(
        "demo-risicoprofiel-vitaal",
        S.VOORBEELD,
        "Vitale infrastructuur in het regionaal risicoprofiel",
        "Hoe een veiligheidsregio samen met de vitale bedrijven de uitval van stroom, water en telecom in "
        "het regionaal risicoprofiel beschreef.",
        """
De regio organiseerde drie sessies met de vitale partners. Samen beschreven zij de scenario's, de
afhankelijkheden tussen de voorzieningen en de gevolgen voor de bevolking. De **gezamenlijke duiding**
van de risico's staat nu in het risicoprofiel en is de basis voor de oefenkalender.
""",
        themas=(2,),
        sectoren=ALLE,
    ),
    Inhoud(
        "demo-contactenlijst",
        S.CONTACT,
        "Actuele contactenlijst van de crisispartners in het netwerk",
        "Eén lijst met de 24/7-bereikbaarheid van alle partijen in het netwerk, twee keer per jaar "
        "gecontroleerd met een bereikbaarheidstest.",
        """
De coördinerende veiligheidsregio beheert de lijst. Elke deelnemer levert een 24/7-nummer, een functionele
mailbox en de namen van de liaisons. Een onaangekondigde bereikbaarheidstest in het voorjaar en het najaar
laat zien of de lijst nog klopt.
""",
        themas=(1, 5),
        sectoren=ALLE,
    ),
    Inhoud(
        "demo-financiele-afspraken",
        S.INSTRUMENT,
        "Financiële afspraken over verbeteracties",
        "Een model om per verbeteractie vast te leggen wat het kost en hoe bedrijf, veiligheidsregio en "
        "ministerie de kosten verdelen, of dat de actie uit bestaande capaciteit komt.",
        """
Verbeteracties komen zo veel mogelijk uit de **bestaande capaciteit**. Is er toch extra (incidentele)
capaciteit nodig, dan spreken de partijen uitdrukkelijk af hoe zij de kosten verdelen. Het model helpt
daarbij: een raming, de aandelen per partij en de bron van de financiering.
""",
        themas=(1,),
        sectoren=ALLE,
    ),
    Inhoud(
        "demo-kookadvies",
        S.VOORBEELD,
        "Kookadvies: afspraken over alarmering en communicatie",
        "Wie besluit tot een kookadvies, hoe snel de veiligheidsregio en de gemeenten het horen, en wie de "
        "inwoners informeert.",
        """
Het drinkwaterbedrijf besluit tot een kookadvies en meldt dat binnen een kwartier aan de meldkamer. De
veiligheidsregio informeert de gemeenten; de communicatie naar inwoners verloopt via één gezamenlijke
boodschap op de kanalen van bedrijf en gemeenten.
""",
        themas=(5, 6),
        sectoren=(DW,),
        organisatie="evides",
    ),
    Inhoud(
        "demo-storingsinformatie-netbeheerder",
        S.INFORMATIEVOORZIENING,
        "Storingsinformatie van de netbeheerder in het crisisteam",
        "De netbeheerder levert bij grote storingen elk uur een kaart van het getroffen gebied en de "
        "verwachte hersteltijd aan het crisisteam.",
        """
De kaart laat de getroffen postcodegebieden zien, het aantal aansluitingen en de verwachte hersteltijd.
Het crisisteam zet de kaart in het gedeelde situatiebeeld.
""",
        themas=(6,),
        sectoren=(EL, GAS),
        organisatie="stedin",
    ),
    Inhoud(
        "demo-pilot-risicoanalyse-stroom-water",
        S.PILOT,
        "Pilot gezamenlijke risicoanalyse stroom en water",
        "Netbeheerder, drinkwaterbedrijf en twee veiligheidsregio's analyseren samen hoe lang pompstations "
        "doordraaien bij stroomuitval.",
        """
De pilot onderzoekt per pompstation hoe lang de noodstroom het volhoudt, welke stations voorrang
krijgen bij het herstel en welke gebieden als eerste zonder water komen te zitten.
""",
        themas=(2, 3),
        sectoren=(EL, DW),
    ),
    Inhoud(
        "demo-advies-vergunningen",
        S.INSTRUMENT,
        "Continuïteit in het advies bij vergunningverlening",
        "Een checklist voor de veiligheidsregio om bij vergunningaanvragen na te gaan of de continuïteit van "
        "vitale voorzieningen geraakt wordt.",
        """
De checklist vraagt onder meer naar leidingen en kabels in de buurt, de bereikbaarheid van installaties
voor de netbeheerder en de gevolgen van uitval voor de aanvrager zelf.
""",
        themas=(3,),
        sectoren=ALLE,
        beoordeeld_dagen_geleden=16 * MAAND,
    ),
    Inhoud(
        "demo-defensie-distributie",
        S.VOORBEELD,
        "Inzet van Defensie bij de distributie van noodvoorzieningen",
        "Hoe de veiligheidsregio militaire bijstand aanvraagt voor de distributie van nooddrinkwater en "
        "aggregaten, en wat er vooraf geregeld moet zijn.",
        """
Militaire bijstand vraagt de burgemeester aan via de veiligheidsregio. Vooraf is vastgelegd welke
capaciteit nodig is, waar de uitgiftepunten liggen en wie ter plaatse de leiding heeft.
""",
        themas=(8, 7),
        sectoren=(DW, EL),
    ),
    Inhoud(
        "demo-zorgcontinuiteit-ghor",
        S.CONTACT,
        "Netwerk zorgcontinuïteit van de GHOR",
        "De GHOR brengt zorginstellingen bijeen rond de continuïteit van zorg bij uitval van stroom, water "
        "en telecom.",
        """
Via het netwerk zorgcontinuïteit weten zorginstellingen wat zij van vitale bedrijven kunnen verwachten,
en weten de bedrijven welke instellingen als eerste geholpen moeten worden.
""",
        themas=(7, 8),
        sectoren=(EL, DW),
    ),
    Inhoud(
        "demo-alarmeringsschema",
        S.INSTRUMENT,
        "Alarmeringsschema meldkamer en vitale partners",
        "Wie alarmeert wie bij een storing: een schema van de meldkamer met drempels per sector.",
        """
Per sector staan in het schema de drempels (bijvoorbeeld het aantal getroffen aansluitingen), de
telefoonnummers en de volgorde van alarmering.
""",
        themas=(5,),
        sectoren=ALLE,
        beoordeeld_dagen_geleden=20 * MAAND,
    ),
    Inhoud(
        "demo-scenario-tankopslag",
        S.VOORBEELD,
        "Scenario-oefening tankopslag in de haven",
        "Bedrijven met tankopslag, de havenautoriteit en de veiligheidsregio oefenden de gevolgen van een "
        "brand voor de brandstofvoorziening in de regio.",
        """
De oefening liet zien dat de bevoorrading van tankstations in de regio binnen twee dagen in het gedrang
komt. Het netwerk spreekt nu af hoe de brandstofvoorraden worden verdeeld.
""",
        themas=(2, 4),
        sectoren=(OLIE,),
        organisatie="tank-storage-rotterdam",
    ),
    Inhoud(
        "demo-isac-informatiedeling",
        S.INFORMATIEVOORZIENING,
        "Dreigingsinformatie delen via de sectorale ISAC",
        "Veiligheidsregio's ontvangen via de telecomsector relevante dreigingsinformatie, gelabeld met TLP.",
        """
De telecombedrijven delen in hun ISAC informatie over digitale dreigingen. Het netwerk sprak af welke
informatie, met welk TLP-label, ook naar de veiligheidsregio's gaat.
""",
        themas=(6, 2),
        sectoren=(ICT,),
        tlp=TLP.GREEN,
    ),
    Inhoud(
        "demo-e-learning",
        S.INSTRUMENT,
        "E-learning crisisbeheersing voor vitale partners",
        "Een korte online cursus over de crisisstructuur in Nederland voor medewerkers van vitale bedrijven "
        "die als liaison optreden.",
        """
De cursus behandelt de opschaling in de veiligheidsregio, de rol van de burgemeester en de
veiligheidsregio, en wat er van een liaison wordt verwacht. Duur: ongeveer twee uur.
""",
        themas=(4,),
        sectoren=ALLE,
        beoordeeld_dagen_geleden=14 * MAAND,
    ),
    Inhoud(
        "demo-evaluatie-storing",
        S.VOORBEELD,
        "Evaluatie van een grote storing: lessen voor de samenwerking",
        "Na een grote stroomstoring evalueerden netbeheerder en veiligheidsregio samen de samenwerking; de "
        "lessen staan in een kort rapport.",
        """
Belangrijkste lessen: de eerste melding aan de veiligheidsregio kwam laat, het situatiebeeld was niet
gedeeld en de communicatie naar inwoners liep via twee kanalen met verschillende boodschappen.
""",
        themas=(7, 6),
        sectoren=(EL,),
        beoordeeld_dagen_geleden=18 * MAAND,
    ),
    Inhoud(
        "demo-fietskoeriers",
        S.VOORBEELD,
        "Berichten rondbrengen als telefonie en internet uitvallen",
        "Bij uitval van alle telecommunicatie brengen koeriers op fietsen berichten tussen het crisiscentrum, "
        "de gemeentehuizen en de uitgiftepunten.",
        """
Een gemeente in het netwerk heeft een lijst met vrijwilligers die met hun fietsen berichten rondbrengen.
Elke koerier heeft een vaste route; de berichten gaan op papier, met een vast formulier.
""",
        themas=(6, 8),
        sectoren=(ICT,),
    ),
    Inhoud(
        "demo-kaartlagen",
        S.PROJECT,
        "Kaartlagen van de vitale infrastructuur in het situatiebeeld",
        "Een project om kaartlagen van netbeheerders en drinkwaterbedrijven beschikbaar te maken in het "
        "gedeelde situatiebeeld van het crisisteam.",
        """
De kaartlagen laten de ligging van hoofdleidingen, stations en kritieke installaties zien. Ze zijn
vertrouwelijk en alleen tijdens een crisis in het situatiebeeld zichtbaar.
""",
        themas=(6,),
        sectoren=(EL, GAS, DW),
        tlp=TLP.AMBER,
    ),
    Inhoud(
        "demo-actiekaart-gasuitval",
        S.INSTRUMENT,
        "Actiekaart uitval gasvoorziening",
        "Een actiekaart voor het crisisteam met de eerste stappen bij een grootschalige uitval van de "
        "gasvoorziening in de winter.",
        """
De actiekaart noemt de eerste vijf stappen: melding, duiding met de netbeheerder, informeren van de GHOR,
opvang voor kwetsbare inwoners en communicatie.
""",
        themas=(7,),
        sectoren=(GAS,),
        organisatie="gts",
        tlp=TLP.GREEN,
    ),
    Inhoud(
        "demo-kwetsbare-locaties",
        S.INFORMATIEVOORZIENING,
        "Overzicht van kwetsbare locaties (vertrouwelijk)",
        "Een overzicht van locaties waar de uitval van meerdere voorzieningen tegelijk grote gevolgen heeft. "
        "Alleen voor het projectteam.",
        """
Dit overzicht is gelabeld TLP:RED en daarom alleen zichtbaar voor het projectteam: het portaal deelt
RED-items op de menukaart niet met alle gebruikers.
""",
        themas=(2, 3),
        sectoren=ALLE,
        tlp=TLP.RED,
    ),
    Inhoud(
        "demo-oud-draaiboek",
        S.INSTRUMENT,
        "Draaiboek stroomuitval uit 2010 (vervangen)",
        "Het oude draaiboek, vervangen door de actiekaarten van het netwerk.",
        "Vervangen door de actiekaarten; alleen nog voor de geschiedenis bewaard.",
        themas=(7,),
        sectoren=(EL,),
        status=GEARCHIVEERD,
        beoordeeld_dagen_geleden=40 * MAAND,
    ),
    # Proposals by the demo accounts, waiting for the project team.
    Inhoud(
        "demo-voorstel-noodwaterpunten",
        S.INFORMATIEVOORZIENING,
        "Kaart met noodwaterpunten per gemeente",
        "Voorstel: een kaart met de geplande uitgiftepunten voor nooddrinkwater, per gemeente in het "
        "werkgebied, voor gebruik in het situatiebeeld en in NL-Alert-berichten.",
        "Wij hebben zo'n kaart voor ons werkgebied gemaakt en delen die graag met andere netwerken.",
        themas=(8, 6),
        sectoren=(DW,),
        organisatie="vitens",
        status=VOORGESTELD,
        voorgesteld_door="bcm@demo.nl",
    ),
    Inhoud(
        "demo-voorstel-oefenkalender",
        S.INSTRUMENT,
        "Gezamenlijke oefenkalender van het netwerk",
        "Voorstel: één kalender met de oefeningen van alle partijen in het netwerk, zodat zij bij elkaar "
        "kunnen aanschuiven.",
        "De kalender staat in een gedeeld document dat de coördinerende regio bijhoudt.",
        themas=(4,),
        sectoren=ALLE,
        status=VOORGESTELD,
        voorgesteld_door="adviseur@demo.nl",
    ),
    Inhoud(
        "demo-voorstel-satelliettelefoons",
        S.VOORBEELD,
        "Satelliettelefoons als terugvaloptie",
        "Voorstel: ervaringen met satelliettelefoons bij de liaisons van vitale bedrijven, inclusief de "
        "maandelijkse test.",
        "",
        themas=(5, 6),
        sectoren=(ICT, DW),
        status=VOORGESTELD,
        voorgesteld_door="waarnemer@demo.nl",
    ),
)

# (asker, item code or "", question, answer or "" for an open question)
VRAGEN: tuple[tuple[str, str, str, str], ...] = (
    (
        "bcm@demo.nl",
        "demo-noodwater-distributie",
        "Is er een voorbeeld van de werkkaart die dit netwerk gebruikt? Wij willen iets vergelijkbaars maken.",
        "Ja: de coördinerende veiligheidsregio deelt de werkkaart graag. We hebben u met de contactpersoon in "
        "contact gebracht; u krijgt de kaart deze week per e-mail.",
    ),
    (
        "adviseur@demo.nl",
        "lcms",
        "Kunnen de drinkwaterbedrijven in ons netwerk ook zelf in LCMS werken, of alleen meekijken?",
        "Drinkwaterbedrijven werken al in LCMS mee als partner. Het NIPV regelt de accounts en de training; "
        "neem contact op met het NIPV via de contactgegevens op deze pagina.",
    ),
    (
        "buiten@demo.nl",
        "",
        "Zijn er voorbeelden van financiële afspraken tussen een drinkwaterbedrijf en veiligheidsregio's over "
        "gezamenlijke oefeningen?",
        "Zie het item „Financiële afspraken over verbeteracties” op de menukaart. Het projectteam verzamelt "
        "meer voorbeelden; we laten het u weten als er een bij komt.",
    ),
    (
        "bcm@demo.nl",
        "",
        "Staat er ergens een overzicht van de contactpersonen van de telecombedrijven per regionaal netwerk?",
        "",
    ),
)


@transaction.atomic
def laad_menukaart_demo(*, actor: Gebruiker | None = None) -> str:
    """Create the missing example items and loket questions; returns a summary line."""
    from netwerken.models import Gebruiker

    from .services import _bewaar

    # Without an actor the demo's project-team account curates and answers.
    actor = actor or Gebruiker.objects.filter(email="projectteam@demo.nl").first()
    totaal, aangemaakt = maak_ontbrekende(VOORBEELDEN, actor=actor, voorbeeld=True)
    personen = Gebruiker.objects.in_bulk({v[0] for v in VRAGEN}, field_name="email")
    items = MenukaartItem.objects.in_bulk({v[1] for v in VRAGEN if v[1]}, field_name="code")
    bestaand = set(
        LoketVraag.objects.filter(gesteld_door__in=personen.values()).values_list("gesteld_door_id", "vraag")
    )
    nieuwe_vragen = 0
    for email, code, tekst, antwoord in VRAGEN:
        persoon = personen.get(email)
        if persoon is None or (persoon.pk, tekst) in bestaand:
            continue
        vraag = LoketVraag(item=items.get(code), vraag=tekst, gesteld_door=persoon)
        if antwoord:
            vraag.antwoord, vraag.beantwoord_door, vraag.beantwoord_op = antwoord, actor, timezone.now()
        _bewaar(vraag, persoon)
        nieuwe_vragen += 1
    return (
        f"Menukaart: {totaal} voorbeelditems, {aangemaakt} aangemaakt; "
        f"{nieuwe_vragen} loketvragen aangemaakt."
    )
