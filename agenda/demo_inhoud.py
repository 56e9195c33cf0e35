"""Example content for the demo: five sector agendas and a role description (issue 3, item 9).

Voorbeeldinhoud: fictional, written for demonstrations of the portal. It follows the themes and
examples of the project plan (2015) and is set in 2015–2016, when the programme ran; organisations
carry their 2015 names (ministeries EZ, I&M and V&J). People are fictional and marked "Demo".
Loaded by `agenda.demo.laad_agenda_demo`, never by the reference loader.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

VOORBEELD = "Voorbeeldinhoud: fictieve tekst voor demonstratie van het portaal, geen vastgestelde afspraken."


@dataclass(frozen=True)
class Afspraak:
    thema: int  # Thema.nummer
    titel: str
    omschrijving: str
    beoogd_resultaat: str


@dataclass(frozen=True)
class Bijeenkomst:
    datum: datetime.date
    deelnemers: tuple[str, ...]
    samenvatting: str


@dataclass(frozen=True)
class SectorAgenda:
    toelichting: str
    afspraken: tuple[Afspraak, ...]  # in order of rank: the first five are the top five
    bijeenkomst: Bijeenkomst


MINISTERIE_DESTIJDS = "Destijds het ministerie van Veiligheid en Justitie (V&J)."

# (orgaan, date, reference, explanation) of the adoption of every sector agenda: the agendas went
# to the bodies together in the spring of 2016, after the management councils had been consulted.
AGENDABESLUITEN = (
    ("cvi", datetime.date(2016, 3, 10), "CVI 2016/03-2", "Na bespreking in de managementraden."),
    ("veiligheidsberaad", datetime.date(2016, 3, 21), "VB 21-03-2016, agendapunt 4", ""),
    ("ministerie_jenv", datetime.date(2016, 4, 12), "V&J/DGV 2016-0412", MINISTERIE_DESTIJDS),
)


AGENDAS: dict[str, SectorAgenda] = {
    "drinkwater": SectorAgenda(
        toelichting=(
            f"{VOORBEELD}\n\n"
            "Eerste landelijke agenda voor de sector drinkwater, opgesteld na de expertbijeenkomst van "
            "januari 2016. De agenda bouwt voort op het convenant tussen het Veiligheidsberaad en Vewin "
            "(2011) en richt zich op de koppelvlakken tussen drinkwaterbedrijven, veiligheidsregio's en "
            "het ministerie van I&M."
        ),
        afspraken=(
            Afspraak(
                8,
                "Distributie van nooddrinkwater aan de bevolking",
                "Drinkwaterbedrijf, veiligheidsregio en gemeenten leggen vast wie bij langdurige uitval van "
                "de levering het nooddrinkwater tot bij de inwoners brengt. Het drinkwaterbedrijf levert het "
                "water aan op afgesproken uitgiftepunten; de gemeenten richten die punten in, bemensen ze en "
                "regelen hulp voor inwoners die niet zelf kunnen komen.",
                "Per gemeente zijn de uitgiftepunten, de benodigde middelen en de verantwoordelijke "
                "partijen vastgelegd en in een oefening beproefd.",
            ),
            Afspraak(
                8,
                "Voorrang voor zorginstellingen bij de drinkwaterlevering",
                "Bij een grootschalige verstoring krijgen ziekenhuizen, verpleeghuizen en dialysecentra "
                "voorrang bij de levering van (nood)drinkwater. GHOR en drinkwaterbedrijf stellen samen een "
                "lijst van prioritaire afnemers op, met hun waterbehoefte en de wijze van aanvoer.",
                "Een actuele, gedeelde lijst van prioritaire zorglocaties met een afgesproken leverwijze "
                "bij verstoring.",
            ),
            Afspraak(
                5,
                "Wederzijdse alarmering via de meldkamer",
                "Afgesproken wordt wanneer het drinkwaterbedrijf de meldkamer alarmeert, bijvoorbeeld bij "
                "een verontreiniging of een grote leidingbreuk, en wanneer de meldkamer de storingsdienst "
                "van het bedrijf inschakelt. Contactgegevens en criteria staan in de procedures van beide "
                "kanten en worden jaarlijks getest.",
                "Vastgelegde alarmeringscriteria en contactgegevens die minstens eenmaal per jaar worden "
                "getest.",
            ),
            Afspraak(
                6,
                "Afgestemde crisiscommunicatie bij verontreiniging en uitval",
                "Bij een kookadvies, een verontreiniging of langdurige uitval stemmen drinkwaterbedrijf, "
                "gemeenten en veiligheidsregio hun berichten af. Vooraf wordt vastgelegd wie woordvoerder "
                "is, welke kanalen worden gebruikt (onder meer NL-Alert en crisis.nl) en welke "
                "standaardberichten klaarliggen.",
                "Afgestemde standaardberichten voor kookadvies, uitval en nooddrinkwater, en een "
                "afgesproken woordvoeringslijn.",
            ),
            Afspraak(
                7,
                "Deelname van het drinkwaterbedrijf aan ROT en regionaal beleidsteam",
                "Bij opschaling levert het drinkwaterbedrijf een liaison voor het regionaal operationeel "
                "team en, waar nodig, een adviseur voor het regionaal beleidsteam. Beschreven wordt hoe het "
                "bedrijf wordt opgeroepen en hoe zijn eigen crisisorganisatie aansluit.",
                "Het drinkwaterbedrijf staat in het regionaal crisisplan als partner met een opgeleide "
                "liaison en een vaste oproepprocedure.",
            ),
            Afspraak(
                6,
                "Informatiedeling via LCMS",
                "Het drinkwaterbedrijf krijgt toegang tot LCMS en levert bij een incident het getroffen "
                "leveringsgebied, de verwachte duur en de uitgiftepunten aan het gezamenlijke beeld. "
                "Omgekeerd ziet het bedrijf het actuele beeld van de veiligheidsregio.",
                "Drinkwaterinformatie maakt bij elk relevant incident deel uit van het gedeelde beeld in "
                "LCMS.",
            ),
            Afspraak(
                3,
                "Noodstroom en herstelprioriteit voor productie- en pompstations",
                "Drinkwaterbedrijf, netbeheerder en veiligheidsregio brengen in kaart welke productie- en "
                "pompstations bij langdurige stroomuitval stilvallen en hoe lang noodstroom volstaat. Zij "
                "spreken af welke locaties voorrang krijgen bij herstel en bij de levering van brandstof "
                "voor noodaggregaten.",
                "Een gedeeld overzicht van kritieke drinkwaterlocaties met hun noodstroomduur en "
                "herstelprioriteit.",
            ),
            Afspraak(
                2,
                "Langdurige uitval van drinkwater in het regionaal risicoprofiel",
                "Het drinkwaterbedrijf levert input voor het regionaal risicoprofiel, zoals kwetsbare "
                "productielocaties en de afhankelijkheid van elektriciteit. Samen duiden bedrijf en "
                "veiligheidsregio wat een langdurige uitval betekent voor de bevolking en voor de inzet.",
                "Het risicoprofiel bevat een gezamenlijk uitgewerkt scenario van langdurige uitval van de "
                "drinkwatervoorziening.",
            ),
            Afspraak(
                4,
                "Jaarlijkse gezamenlijke oefening",
                "Drinkwaterbedrijf en veiligheidsregio's oefenen minstens eenmaal per jaar samen, "
                "afwisselend een verontreiniging, een grote uitval en de distributie van nooddrinkwater. "
                "Leerpunten worden vastgelegd en verwerkt in het actieplan van het netwerk.",
                "Een meerjarige gezamenlijke oefenkalender met minstens één oefening per jaar.",
            ),
            Afspraak(
                7,
                "Werkwijze bij bovenregionale verstoringen",
                "Een drinkwaterbedrijf werkt vaak voor meerdere veiligheidsregio's. Vooraf wordt afgesproken "
                "welke regio coördineert als een verstoring meerdere regio's raakt, hoe het bedrijf met één "
                "aanspreekpunt werkt en hoe bijstand via het LOCC en het ministerie van I&M verloopt.",
                "Een afgestemde werkwijze voor bovenregionale verstoringen, inclusief de aanvraag van "
                "bijstand.",
            ),
            Afspraak(
                1,
                "Vaste aanspreekpunten en jaarlijks netwerkoverleg",
                "Veiligheidsregio's en drinkwaterbedrijf wijzen elk een vast aanspreekpunt aan en komen "
                "minstens jaarlijks bijeen om afspraken, actieplan en contactgegevens bij te werken. Bij een "
                "werkgebied met meerdere regio's treedt één regio op als leadpartner.",
                "Een actuele contactlijst en een jaarlijks netwerkoverleg met verslag.",
            ),
            Afspraak(
                3,
                "Bluswater en het drinkwaternet",
                "Drinkwaterbedrijf en brandweer maken afspraken over het gebruik van het drinkwaternet voor "
                "bluswater, over informatie over de capaciteit van brandkranen en over alternatieven als "
                "het net niet beschikbaar is. Zo blijft bij een grote brand ook de drinkwaterlevering aan de "
                "omgeving zo veel mogelijk op peil.",
                "Afspraken over bluswater en alternatieve bluswatervoorziening die bij de brandweer bekend "
                "zijn.",
            ),
        ),
        bijeenkomst=Bijeenkomst(
            datum=datetime.date(2016, 1, 21),
            deelnemers=(
                "Hanneke Demo-Veenstra — Vitens, business-continuitymanager",
                "Ruud Demo-Kramer — Evides Waterbedrijf, crisiscoördinator",
                "Sanne Demo-Hoekstra — Vewin, beleidsadviseur",
                "Joost Demo-Mulder — ministerie van I&M, beleidsmedewerker drinkwater",
                "Marieke Demo-de Boer — Veiligheidsregio IJsselland, adviseur crisisbeheersing",
                "Peter Demo-van Dijk — Veiligheidsregio Rotterdam-Rijnmond, programmamanager",
                "Lotte Demo-Smits — GHOR, adviseur zorgcontinuïteit",
                "Petra Demo-Jansen — projectteam Continuïteit van de samenleving",
            ),
            samenvatting=(
                f"{VOORBEELD}\n\n"
                "Drinkwaterbedrijven, Vewin, het ministerie van I&M en veiligheidsregio's bespraken de "
                "samenwerking aan de hand van de acht thema's. De distributie van nooddrinkwater en de "
                "voorrang voor zorginstellingen kwamen als belangrijkste verbeterpunten naar voren; ook de "
                "alarmering via de meldkamer en de aansluiting op LCMS vroegen aandacht. Het projectteam "
                "verwerkte de uitkomsten tot de concept-agenda."
            ),
        ),
    ),
    "elektriciteit": SectorAgenda(
        toelichting=(
            f"{VOORBEELD}\n\n"
            "Eerste landelijke agenda voor de sector elektriciteit, opgesteld na de expertbijeenkomst van "
            "februari 2016 met TenneT, regionale netbeheerders, Netbeheer Nederland, het ministerie van EZ "
            "en veiligheidsregio's."
        ),
        afspraken=(
            Afspraak(
                7,
                "Gezamenlijke aanpak van langdurige, grootschalige stroomuitval",
                "Netbeheerder, veiligheidsregio en gemeenten werken een aanpak uit voor een stroomuitval die "
                "langer dan acht uur duurt en een groot gebied treft. Daarin staan de opschaling, de rol van "
                "de netbeheerder in ROT en beleidsteam, en de informatie die de netbeheerder geeft over het "
                "verwachte herstel.",
                "Een beproefd deelplan langdurige stroomuitval in het regionaal crisisplan.",
            ),
            Afspraak(
                8,
                "Noodstroom voor vitale locaties",
                "Veiligheidsregio, GHOR en gemeenten brengen in kaart welke locaties bij uitval noodstroom "
                "nodig hebben, zoals zorginstellingen, gemalen, de meldkamer en opvanglocaties, en of die "
                "noodstroom aanwezig en getest is. Afgesproken wordt hoe mobiele aggregaten worden verdeeld "
                "en wie de brandstof aanvoert.",
                "Een actueel overzicht van vitale locaties met hun noodstroomvoorziening en een verdeelplan "
                "voor mobiele aggregaten.",
            ),
            Afspraak(
                6,
                "Communicatie met de bevolking bij stroomuitval, ook via NL-Alert",
                "Bij langdurige stroomuitval vallen internet en mobiele telefonie na enige tijd ook uit. "
                "Netbeheerder en veiligheidsregio leggen vast welke berichten vooraf klaarliggen, wanneer "
                "NL-Alert wordt ingezet zolang de mobiele netwerken werken, en hoe daarna via de "
                "calamiteitenzender en fysieke informatiepunten wordt gecommuniceerd.",
                "Een communicatieplan voor stroomuitval dat ook werkt als de mobiele netwerken zijn "
                "uitgevallen.",
            ),
            Afspraak(
                5,
                "Melding van grote storingen aan de meldkamer",
                "De netbeheerder meldt een storing aan de meldkamer zodra een afgesproken drempel wordt "
                "overschreden, zoals het aantal getroffen aansluitingen of een verwachte hersteltijd van "
                "meer dan vier uur. De meldkamer weet welke storingsdienst zij bij incidenten rond "
                "elektriciteitsinfrastructuur inschakelt.",
                "Vastgelegde, wederzijdse meldcriteria in de procedures van netbeheerder en meldkamer.",
            ),
            Afspraak(
                8,
                "Vitale afnemers bij herstel en afschakeling",
                "Bij herstel na uitval of bij een tekort aan netcapaciteit bepaalt de netbeheerder de "
                "volgorde van inschakelen. Veiligheidsregio en netbeheerder spreken af hoe vitale afnemers, "
                "zoals ziekenhuizen, drinkwaterproductie en telecomlocaties, daarin worden meegewogen.",
                "Een gedeelde lijst van vitale afnemers die bij herstel en afschakeling wordt gebruikt.",
            ),
            Afspraak(
                6,
                "Storingsinformatie in het gezamenlijke beeld",
                "Tijdens een grote storing levert de netbeheerder periodiek het getroffen gebied, het "
                "aantal afgesloten klanten en de verwachte hersteltijd, bij voorkeur in LCMS. De "
                "veiligheidsregio deelt haar beeld van de maatschappelijke gevolgen met de netbeheerder.",
                "Storingsinformatie van de netbeheerder is binnen een uur na opschaling beschikbaar in het "
                "gezamenlijke beeld.",
            ),
            Afspraak(
                2,
                "Cascade-effecten van stroomuitval in het risicoprofiel",
                "Veiligheidsregio en netbeheerder analyseren met andere vitale partners welke voorzieningen "
                "bij stroomuitval na hoeveel tijd uitvallen, zoals drinkwater, telecom, betalingsverkeer en "
                "zorg. Het resultaat krijgt een plek in het regionaal risicoprofiel.",
                "Een uitgewerkte tijdlijn van cascade-effecten in het regionaal risicoprofiel.",
            ),
            Afspraak(
                3,
                "Eigen continuïteit van de crisisorganisatie bij stroomuitval",
                "De veiligheidsregio toetst of meldkamer, crisiscentra en verbindingen bij langdurige "
                "stroomuitval blijven werken. Met de netbeheerder wordt afgesproken welke van deze locaties "
                "voorrang krijgen bij herstel.",
                "De continuïteit van de eigen crisisorganisatie bij stroomuitval is getoetst en vastgelegd.",
            ),
            Afspraak(
                4,
                "Bestuurlijke oefening langdurige stroomuitval",
                "Netbeheerder en veiligheidsregio's oefenen minstens eens in de twee jaar een scenario van "
                "langdurige stroomuitval met het regionaal beleidsteam. De netbeheerder neemt deel met zijn "
                "eigen crisisorganisatie.",
                "Een oefening langdurige stroomuitval per twee jaar, met vastgelegde leerpunten.",
            ),
            Afspraak(
                7,
                "Aansluiting op de landelijke crisisstructuur",
                "Bij een landelijke elektriciteitscrisis, zoals een tekort op het hoogspanningsnet, stemmen "
                "het ministerie van EZ, TenneT en de veiligheidsregio's af via de nationale crisisstructuur. "
                "Vastgelegd wordt hoe regionale beleidsteams informatie krijgen en landelijke besluiten "
                "uitvoeren.",
                "Een beschreven informatielijn tussen de landelijke crisisstructuur, TenneT en de regionale "
                "beleidsteams.",
            ),
            Afspraak(
                1,
                "Netwerk per werkgebied van de netbeheerder",
                "Per werkgebied van een regionale netbeheerder ontstaat een netwerk met de betrokken "
                "veiligheidsregio's. TenneT wijst per regionaal netwerk een leadpartner en contactpersoon "
                "aan.",
                "Een vast netwerk per netbeheerder met contactpersonen en een jaarlijkse bijeenkomst.",
            ),
        ),
        bijeenkomst=Bijeenkomst(
            datum=datetime.date(2016, 2, 4),
            deelnemers=(
                "Erik Demo-Bosman — TenneT, manager crisisbeheersing",
                "Femke Demo-Willems — Liander, business-continuitymanager",
                "Gert Demo-Hendriks — Enexis, adviseur crisismanagement",
                "Ilse Demo-Vos — Stedin, liaison veiligheidsregio's",
                "Karel Demo-Peters — Netbeheer Nederland, beleidsadviseur",
                "Linda Demo-Dekker — ministerie van EZ, beleidsmedewerker energie",
                "Mark Demo-Verhoeven — Veiligheidsregio Gelderland-Midden, adviseur risicobeheersing",
                "Petra Demo-Jansen — projectteam Continuïteit van de samenleving",
            ),
            samenvatting=(
                f"{VOORBEELD}\n\n"
                "De deelnemers waren het eens dat langdurige, grootschalige stroomuitval het "
                "maatgevende scenario is. Noodstroom voor vitale locaties en de communicatie met de "
                "bevolking als ook de mobiele netwerken uitvallen, kregen de hoogste prioriteit. TenneT "
                "gaf aan per regionaal netwerk een leadpartner te willen aanwijzen."
            ),
        ),
    ),
    "gas": SectorAgenda(
        toelichting=(
            f"{VOORBEELD}\n\n"
            "Eerste landelijke agenda voor de sector gas, opgesteld na de expertbijeenkomst van februari "
            "2016 met Gasunie Transport Services, regionale netbeheerders, Netbeheer Nederland, het "
            "ministerie van EZ en veiligheidsregio's."
        ),
        afspraken=(
            Afspraak(
                8,
                "Gaslevering aan prioritaire zorglocaties bij een tekort",
                "Bij een regionaal of landelijk gastekort kunnen afnemers worden afgeschakeld. Netbeheerder, "
                "GHOR en veiligheidsregio stellen vast welke zorglocaties voorrang hebben en hoe de levering "
                "aan die locaties zo lang mogelijk wordt gehandhaafd of vervangen.",
                "Een gedeelde lijst van prioritaire zorglocaties en een afgesproken werkwijze bij een "
                "gastekort.",
            ),
            Afspraak(
                7,
                "Afschakelplannen en de bestuurlijke afweging",
                "De netbeheerder licht zijn afschakelplan toe aan de veiligheidsregio. Samen wordt "
                "afgesproken hoe bij grootschalige afschakeling van kleinverbruikers de gevolgen voor de "
                "bevolking worden opgevangen en hoe het bestuur bij de afweging wordt betrokken.",
                "Het afschakelplan en de maatschappelijke gevolgen ervan zijn bekend bij het regionaal "
                "beleidsteam.",
            ),
            Afspraak(
                8,
                "Opvang van kwetsbare inwoners bij langdurige uitval in de winter",
                "Bij langdurige uitval van de gaslevering in de winter kunnen inwoners hun woning niet "
                "verwarmen. Gemeenten, GHOR en netbeheerder spreken af hoe opvang of noodverwarming voor "
                "kwetsbare inwoners wordt georganiseerd en hoe het huis-aan-huis weer in bedrijf stellen "
                "van installaties wordt ondersteund.",
                "Een uitgewerkt opvangscenario voor langdurige gasuitval in de winter.",
            ),
            Afspraak(
                5,
                "Alarmering bij gaslekkage en grote storingen",
                "Meldkamer en netbeheerder leggen vast hoe een melding van gaslucht of een gaslek wordt "
                "doorgezet, wie als eerste ter plaatse gaat en wanneer de netbeheerder de meldkamer "
                "informeert over een storing met gevolgen voor veel aansluitingen. De afspraken worden "
                "jaarlijks met de meldkamer doorgenomen.",
                "Eenduidige meld- en alarmeringsafspraken in de procedures van meldkamer en netbeheerder.",
            ),
            Afspraak(
                6,
                "Afgestemde communicatie bij gasincidenten",
                "Netbeheerder, gemeenten en veiligheidsregio stemmen hun boodschap af bij een gasincident "
                "of een grootschalige storing, onder meer over veiligheidsadviezen en het weer in gebruik "
                "nemen van installaties. Vooraf wordt vastgelegd wie woordvoerder is en welke berichten "
                "klaarliggen.",
                "Afgestemde standaardberichten voor gaslekkage en grootschalige uitval.",
            ),
            Afspraak(
                7,
                "Liaison van de netbeheerder in het ROT",
                "De netbeheerder levert bij opschaling een liaison voor het regionaal operationeel team. "
                "Voor een landelijk gastekort wordt de afstemming tussen de regio's, het ministerie van EZ "
                "en Gasunie Transport Services beschreven.",
                "Een vaste liaisonfunctie en een beschreven lijn naar de landelijke crisisorganisatie.",
            ),
            Afspraak(
                2,
                "Gasscenario's in het regionaal risicoprofiel",
                "Regionale netbeheerder en Gasunie leveren informatie over kwetsbare knooppunten en "
                "leidingen voor het risicoprofiel. Samen wordt geduid welke scenario's relevant zijn, zoals "
                "een breuk in een hogedrukleiding of langdurige uitval in een stedelijk gebied.",
                "Het risicoprofiel bevat de relevante gasscenario's, samen met de netbeheerders uitgewerkt.",
            ),
            Afspraak(
                4,
                "Operationeel en bestuurlijk oefenen met de netbeheerder",
                "Brandweer en netbeheerder oefenen samen het optreden bij gasincidenten. Daarnaast wordt "
                "eens in de twee jaar een scenario van langdurige uitval met de crisisorganisatie geoefend.",
                "Een gezamenlijke oefenkalender voor operationele en bestuurlijke oefeningen.",
            ),
            Afspraak(
                3,
                "Advies bij vergunningen en evenementen nabij gasleidingen",
                "Veiligheidsregio en netbeheerder maken afspraken over het voorkomen van graafschade en over "
                "advies bij vergunningverlening en evenementen nabij hogedrukleidingen. De netbeheerder levert "
                "daarvoor de liggingsgegevens en zijn veiligheidsafstanden.",
                "Vastgelegde afspraken over advisering bij vergunningen en evenementen nabij gasleidingen.",
            ),
            Afspraak(
                1,
                "Vaste contactpersonen en leadpartner voor Gasunie",
                "Per werkgebied van een regionale gasnetbeheerder worden vaste contactpersonen aangewezen. "
                "Gasunie Transport Services wijst per regionaal netwerk een leadpartner en contactpersoon "
                "aan.",
                "Actuele contactgegevens en een jaarlijks netwerkoverleg.",
            ),
        ),
        bijeenkomst=Bijeenkomst(
            datum=datetime.date(2016, 2, 11),
            deelnemers=(
                "Nienke Demo-Brouwer — Gasunie Transport Services, adviseur crisisbeheersing",
                "Olaf Demo-Meijer — Enexis, business-continuitymanager",
                "Paula Demo-Kuipers — Liander, adviseur veiligheid",
                "Karel Demo-Peters — Netbeheer Nederland, beleidsadviseur",
                "Linda Demo-Dekker — ministerie van EZ, beleidsmedewerker energie",
                "Quirine Demo-Visser — Veiligheidsregio Groningen, adviseur crisisbeheersing",
                "Rob Demo-de Graaf — GHOR, adviseur zorgcontinuïteit",
                "Petra Demo-Jansen — projectteam Continuïteit van de samenleving",
            ),
            samenvatting=(
                f"{VOORBEELD}\n\n"
                "Centraal stond de vraag wie bij een gastekort bepaalt welke afnemers gas houden. De "
                "deelnemers vroegen om heldere afspraken over gaslevering aan prioritaire zorglocaties en "
                "om bestuurlijke kennis van de afschakelplannen. De opvang van kwetsbare inwoners bij "
                "uitval in de winter werd als derde prioriteit benoemd."
            ),
        ),
    ),
    "olie": SectorAgenda(
        toelichting=(
            f"{VOORBEELD}\n\n"
            "Eerste landelijke agenda voor de sector olie, opgesteld na de expertbijeenkomst van maart "
            "2016 met raffinaderijen, tankopslagbedrijven, de brancheorganisatie (toen VNPI), COVA, het "
            "ministerie van EZ en veiligheidsregio's."
        ),
        afspraken=(
            Afspraak(
                8,
                "Brandstofvoorziening voor hulpdiensten bij schaarste",
                "Bij een verstoring van de brandstofdistributie moeten politie, brandweer, ambulancezorg en "
                "andere vitale diensten kunnen blijven tanken. Sector, veiligheidsregio's en het ministerie "
                "van EZ leggen vast welke tanklocaties voorrang krijgen en hoe de hulpdiensten daar toegang "
                "toe hebben.",
                "Per regio aangewezen prioritaire tanklocaties met afspraken over de toegang voor "
                "hulpdiensten.",
            ),
            Afspraak(
                8,
                "Brandstof voor noodaggregaten van vitale locaties",
                "Bij langdurige stroomuitval draaien ziekenhuizen, drinkwaterbedrijven en de meldkamer op "
                "noodaggregaten. Afgesproken wordt hoe deze locaties bij schaarste brandstof krijgen, wie "
                "de bevoorrading coördineert en welke volgorde wordt aangehouden.",
                "Een regionaal bevoorradingsplan voor de noodaggregaten van vitale locaties.",
            ),
            Afspraak(
                7,
                "Landelijke besluiten over strategische voorraden en de regio",
                "Nederland houdt strategische olievoorraden aan, onder meer via COVA. Beschreven wordt hoe "
                "het besluit over het inzetten van voorraden landelijk wordt genomen en hoe de "
                "veiligheidsregio's daarover worden geïnformeerd en bij de uitvoering worden betrokken.",
                "Een beschreven lijn van de landelijke besluitvorming over voorraden naar de regionale "
                "crisisorganisatie.",
            ),
            Afspraak(
                6,
                "Kernboodschappen bij brandstofschaarste",
                "Bij dreigende schaarste kan hamsteren het tekort vergroten. Sector, ministerie en "
                "veiligheidsregio's stemmen hun boodschap af en spreken af wie communiceert over "
                "maatregelen zoals tankbeperkingen.",
                "Afgestemde kernboodschappen en een woordvoeringslijn voor brandstofschaarste.",
            ),
            Afspraak(
                6,
                "Beeld van de brandstofsituatie per regio",
                "Tijdens een verstoring deelt de sector via het ministerie van EZ een beeld van de "
                "beschikbaarheid van brandstof per regio. De veiligheidsregio's stemmen hun inzet en "
                "prioriteiten daarop af.",
                "Een afgesproken informatiestroom over de brandstofsituatie naar de regionale "
                "crisisorganisaties.",
            ),
            Afspraak(
                2,
                "Gevolgen van uitval van opslag en transport",
                "Veiligheidsregio's met grote opslag- en overslaglocaties duiden samen met de bedrijven wat "
                "uitval van een raffinaderij, terminal of pijpleiding betekent voor de brandstofvoorziening "
                "in de rest van het land. Gasunie, netbeheerders en drinkwaterbedrijven worden betrokken "
                "waar hun voorzieningen van brandstof afhankelijk zijn.",
                "Een gezamenlijke duiding van deze gevolgen, opgenomen in de betrokken risicoprofielen.",
            ),
            Afspraak(
                5,
                "Alarmering bij incidenten in de oliesector",
                "Bedrijven en meldkamers leggen vast wanneer een incident bij een raffinaderij, terminal of "
                "pijpleiding tot alarmering van de veiligheidsregio leidt en hoe bedrijfsbrandweer en "
                "overheidsbrandweer elkaar informeren. De criteria worden opgenomen in de procedures van "
                "de meldkamer en in de noodplannen van de bedrijven.",
                "Eenduidige alarmeringsafspraken tussen de bedrijven en de meldkamer.",
            ),
            Afspraak(
                3,
                "Eigen brandstofvoorraad van de hulpdiensten",
                "Veiligheidsregio, politie en ambulancediensten bepalen hoeveel eigen brandstofvoorraad zij "
                "aanhouden om de eerste dagen van een verstoring te overbruggen, en maken afspraken met hun "
                "leveranciers over bevoorrading bij schaarste. De voorraad wordt periodiek gecontroleerd.",
                "Een vastgestelde minimale eigen voorraad per hulpdienst en afspraken met leveranciers.",
            ),
            Afspraak(
                4,
                "Oefening langdurige brandstofschaarste",
                "Sector, ministerie en een aantal veiligheidsregio's oefenen samen een scenario van "
                "langdurige brandstofschaarste, met de landelijke en de regionale besluitvorming. De "
                "uitkomsten worden in alle regionale netwerken olie besproken.",
                "Een landelijke oefening met vastgelegde leerpunten voor alle regio's.",
            ),
            Afspraak(
                1,
                "Leadpartner van de oliesector per regionaal netwerk",
                "De oliesector is landelijk georganiseerd. Via de brancheorganisatie wijst de sector per "
                "regionaal netwerk een leadpartner en contactpersoon aan.",
                "Een bekende leadpartner en contactpersoon in elk regionaal netwerk.",
            ),
        ),
        bijeenkomst=Bijeenkomst(
            datum=datetime.date(2016, 3, 3),
            deelnemers=(
                "Sander Demo-Jacobs — raffinaderij Rotterdam, manager emergency response",
                "Tamara Demo-Koster — tankopslag haven Amsterdam, HSE-manager",
                "Umut Demo-Yilmaz — VNPI, beleidsadviseur",
                "Vera Demo-Scholten — COVA, adviseur",
                "Linda Demo-Dekker — ministerie van EZ, beleidsmedewerker energie",
                "Willem Demo-Bakker — Veiligheidsregio Rotterdam-Rijnmond, adviseur industriële veiligheid",
                "Yvonne Demo-Prins — Veiligheidsregio Zeeland, adviseur crisisbeheersing",
                "Petra Demo-Jansen — projectteam Continuïteit van de samenleving",
            ),
            samenvatting=(
                f"{VOORBEELD}\n\n"
                "De bijeenkomst ging vooral over schaarste: hoe houden hulpdiensten en vitale locaties "
                "brandstof als de distributie hapert? De deelnemers vroegen om prioritaire tanklocaties en "
                "een bevoorradingsplan voor noodaggregaten, en om duidelijkheid over hoe landelijke "
                "besluiten over de strategische voorraden de regio bereiken."
            ),
        ),
    ),
    "ict-telecom": SectorAgenda(
        toelichting=(
            f"{VOORBEELD}\n\n"
            "Eerste landelijke agenda voor de sector ICT & telecom, opgesteld na de expertbijeenkomst van "
            "maart 2016 met de telecomaanbieders, het NCSC, Agentschap Telecom, het ministerie van EZ en "
            "veiligheidsregio's."
        ),
        afspraken=(
            Afspraak(
                5,
                "Werkwijze bij uitval van het alarmnummer 112",
                "Bij uitval van 112 moeten inwoners toch hulp kunnen vragen. Aanbieders en "
                "veiligheidsregio's spreken af hoe de uitval snel wordt gemeld, welke alternatieve nummers "
                "en fysieke hulpposten worden ingezet en hoe de bevolking wordt geïnformeerd.",
                "Een beproefde werkwijze bij uitval van 112, met vooraf aangewezen hulpposten.",
            ),
            Afspraak(
                3,
                "Noodcommunicatie voor de crisisorganisatie",
                "De veiligheidsregio zorgt dat de crisisorganisatie ook zonder openbare telefonie en "
                "internet kan werken, met C2000, satelliettelefonie en de Noodcommunicatievoorziening. "
                "Afgesproken wordt hoe deze middelen worden beheerd en periodiek getest.",
                "Geteste noodcommunicatiemiddelen voor alle sleutelfuncties van de crisisorganisatie.",
            ),
            Afspraak(
                6,
                "NL-Alert en uitval van mobiele netwerken",
                "Aanbieders en veiligheidsregio's maken afspraken over de beschikbaarheid van cell "
                "broadcast voor NL-Alert bij storingen, en over het informeren van de bevolking als de "
                "mobiele netwerken zelf uitvallen. Daarvoor worden onder meer de calamiteitenzender en "
                "geluidswagens ingezet.",
                "Afspraken over NL-Alert bij storingen en een alternatief communicatieplan.",
            ),
            Afspraak(
                5,
                "Melding van grootschalige storingen aan de veiligheidsregio",
                "Aanbieders informeren de meldkamer bij een grootschalige storing van vaste of mobiele "
                "telefonie en internet in de regio, met het getroffen gebied en de verwachte duur. Elke "
                "aanbieder wijst daarvoor een vast contactpunt aan.",
                "Vastgelegde meldcriteria en een vast contactpunt per aanbieder.",
            ),
            Afspraak(
                8,
                "Voorrang bij herstel en noodverbindingen voor vitale gebruikers",
                "Bij langdurige uitval spreken aanbieders en veiligheidsregio's af welke locaties voorrang "
                "krijgen bij herstel, zoals zorginstellingen, de meldkamer en crisiscentra, en hoe mobiele "
                "opstelpunten of noodverbindingen kunnen worden ingezet. De lijst wordt jaarlijks met de "
                "aanbieders bijgewerkt.",
                "Een gedeelde lijst van vitale gebruikers met afspraken over herstel en noodverbindingen.",
            ),
            Afspraak(
                7,
                "Liaison van de aanbieders in de crisisorganisatie",
                "Bij opschaling wegens telecomuitval sluit een liaison van de betrokken aanbieder aan bij "
                "het ROT. Bij landelijke uitval loopt de afstemming via de nationale crisisstructuur en het "
                "ministerie van EZ; leadpartners beperken het aantal regionale ingangen.",
                "Een beschreven liaisonfunctie en een vaste lijn naar de nationale crisisstructuur.",
            ),
            Afspraak(
                2,
                "Afhankelijkheid van stroom in het risicoprofiel",
                "Mobiele netwerken blijven bij stroomuitval slechts beperkte tijd werken op accu's bij de "
                "antennelocaties. Aanbieders, netbeheerders en veiligheidsregio's delen hun inzicht in deze "
                "afhankelijkheid voor het regionaal risicoprofiel.",
                "Een gezamenlijke inschatting van de werkingsduur van telecom bij stroomuitval in het "
                "risicoprofiel.",
            ),
            Afspraak(
                6,
                "Delen van informatie over cyberdreigingen",
                "Het NCSC, de sector en de veiligheidsregio's spreken af welke dreigingsinformatie, volgens "
                "het Traffic Light Protocol, met de veiligheidsregio's wordt gedeeld. Zo kunnen zij zich "
                "voorbereiden op de maatschappelijke gevolgen van een cyberincident.",
                "Een afgesproken informatiestroom van NCSC en sector naar de veiligheidsregio's.",
            ),
            Afspraak(
                4,
                "Oefenen met uitval van telefonie en 112",
                "Veiligheidsregio's oefenen minstens eens in de twee jaar de werkwijze bij uitval van 112 "
                "en telefonie, met deelname van de aanbieders. Daarbij worden ook de hulpposten en de "
                "publiekscommunicatie beproefd.",
                "Een oefening per twee jaar met vastgelegde leerpunten.",
            ),
            Afspraak(
                3,
                "Continuïteit van de eigen ICT van de veiligheidsregio",
                "De veiligheidsregio toetst de continuïteit van haar eigen ICT, waaronder de "
                "meldkamersystemen en de toegang tot LCMS, bij uitval van telecom en stroom. Afhankelijkheden "
                "van externe leveranciers worden daarbij in kaart gebracht.",
                "Een getoetst continuïteitsplan voor de eigen ICT.",
            ),
            Afspraak(
                1,
                "Leadpartners van de landelijke aanbieders",
                "Telecomaanbieders zijn landelijk georganiseerd en kunnen niet met 25 regio's afzonderlijk "
                "overleggen. Zij wijzen per regionaal netwerk een leadpartner en contactpersoon aan.",
                "Een bekende leadpartner en contactpersoon in elk regionaal netwerk.",
            ),
        ),
        bijeenkomst=Bijeenkomst(
            datum=datetime.date(2016, 3, 10),
            deelnemers=(
                "Anouk Demo-Wouters — KPN, manager crisisorganisatie",
                "Bram Demo-Claassen — Vodafone, business-continuitymanager",
                "Chantal Demo-Lammers — T-Mobile, adviseur security",
                "Daan Demo-Vermeulen — NCSC, adviseur vitale sectoren",
                "Esther Demo-Franken — Agentschap Telecom, toezichthouder",
                "Frank Demo-Huisman — ministerie van EZ, beleidsmedewerker telecom",
                "Geert Demo-Maas — Veiligheidsregio Kennemerland, adviseur crisisbeheersing",
                "Petra Demo-Jansen — projectteam Continuïteit van de samenleving",
            ),
            samenvatting=(
                f"{VOORBEELD}\n\n"
                "Uitval van 112 en van de telefonie voor de crisisorganisatie zelf werden als grootste "
                "risico's gezien. De aanbieders gaven aan per regionaal netwerk een leadpartner te willen "
                "aanwijzen. Het NCSC bood aan dreigingsinformatie met de regio's te delen volgens het "
                "Traffic Light Protocol."
            ),
        ),
    ),
}


# --- Rolbeschrijving ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemaSectie:
    definitie: str
    taken: str
    wettelijke_basis: str
    aandachtspunten_ministeries: str
    aandachtspunten_bedrijven: str


INLEIDING = f"""{VOORBEELD}

Uitval van drinkwater, elektriciteit, gas, olie of telecommunicatie kan de samenleving ontwrichten. Vitale bedrijven, veiligheidsregio's en ministeries hebben elk een eigen verantwoordelijkheid voor de continuïteit van deze voorzieningen en voor de aanpak van de gevolgen van uitval. Deze rolbeschrijving gaat over de koppelvlakken: wat de partijen met elkaar moeten regelen.

De rol van het bedrijfsleven en de rijksoverheid is beschreven in het traject Herijking Vitaal. Deze rolbeschrijving maakt de rol van de veiligheidsregio eenduidig, uitgewerkt in acht thema's die ook in veel convenanten voorkomen. Per thema staan de definitie, de taken en verantwoordelijkheden van de veiligheidsregio met hun wettelijke basis, en de aandachtspunten in de samenwerking met de ministeries en met de vitale bedrijven. Een afsluitend hoofdstuk gaat over burgerparticipatie en zelfredzaamheid.

Uitgangspunten:
- De veiligheidsregio heeft een platformfunctie: zij brengt de partijen bijeen rond het risicoprofiel en de afspraken in de crisisbeheersing.
- Samenwerking krijgt vorm in regionale netwerken per sector, op de schaal van de fysieke infrastructuur.
- Samenwerken aan continuïteit is een bestaande verantwoordelijkheid van alle partijen; verbeteracties worden zo veel mogelijk binnen de bestaande capaciteit uitgevoerd."""

BURGERPARTICIPATIE = f"""{VOORBEELD}

Bij langdurige uitval van vitale voorzieningen zijn inwoners de eerste uren of dagen grotendeels op zichzelf en op elkaar aangewezen. Overheid en bedrijven kunnen niet alles opvangen; de veerkracht van de samenleving is daarom een uitgangspunt van deze rolbeschrijving.

- Risicocommunicatie maakt duidelijk wat inwoners bij uitval van drinkwater, stroom, gas, brandstof of telefonie kunnen verwachten en wat zij zelf kunnen doen.
- De planvorming houdt rekening met verminderd zelfredzamen, zoals thuiswonende ouderen en mensen die afhankelijk zijn van medische apparatuur.
- Initiatieven van inwoners en maatschappelijke organisaties, zoals buurtnetwerken en vrijwilligers, worden benut, bijvoorbeeld bij de uitgifte van nooddrinkwater.
- Fysieke informatiepunten, zoals gemeentehuizen en brandweerkazernes, zijn een terugvaloptie als telefonie en internet uitvallen.

De veiligheidsregio neemt deze punten mee in het risicoprofiel, het crisisplan en de regionale actieplannen."""

THEMASECTIES: dict[int, ThemaSectie] = {
    1: ThemaSectie(
        definitie=(
            "Het opzetten en onderhouden van duurzame regionale netwerken per sector, waarin verantwoordelijke "
            "functionarissen van vitale bedrijven, veiligheidsregio's en ministeries elkaar kennen en concrete "
            "afspraken maken. De schaal volgt de fysieke infrastructuur: het werkgebied van één "
            "drinkwaterbedrijf of netbeheerder bepaalt welke veiligheidsregio's samenwerken."
        ),
        taken=(
            "- De veiligheidsregio brengt de partijen in het regionale netwerk bijeen (platformfunctie) en is "
            "initiatiefnemer van het regionale actieplan.\n"
            "- Waar meerdere veiligheidsregio's in één netwerk zitten, wijzen zij één regio aan als "
            "leadpartner en coördinerende regio.\n"
            "- De veiligheidsregio houdt een actueel overzicht bij van contactpersonen en afspraken met de "
            "vitale partners.\n"
            "- Zij legt de afspraken vast in haar beleidsplan en crisisplan.\n"
            "- De platformfunctie is een bestaande taak en wordt zo veel mogelijk binnen de bestaande "
            "capaciteit uitgevoerd; waar extra capaciteit nodig is, spreken de partijen dat per actieplan af."
        ),
        wettelijke_basis=(
            "- Art. 10 Wvr: de taken van het bestuur van de veiligheidsregio, o.a. het voorbereiden op en "
            "organiseren van de rampenbestrijding en de crisisbeheersing.\n"
            "- Art. 14 Wvr: het beleidsplan van de veiligheidsregio.\n"
            "- Art. 16 Wvr: het crisisplan, o.a. met de afspraken met andere partijen die bij rampen en "
            "crises betrokken kunnen zijn."
        ),
        aandachtspunten_ministeries=(
            "De ministeries (EZ, I&M, V&J) zijn niet in elk regionaal netwerk vertegenwoordigd. Regionale "
            "knelpunten die alleen landelijk kunnen worden opgelost, komen via het nationale actieplan bij het "
            "juiste ministerie terecht; het ministerie van V&J neemt daarvoor het initiatief."
        ),
        aandachtspunten_bedrijven=(
            "Landelijk georganiseerde bedrijven kunnen niet met 25 veiligheidsregio's afzonderlijk overleggen. "
            "Zij wijzen per regionaal netwerk een leadpartner en contactpersoon aan; de veiligheidsregio's "
            "beperken het aantal ingangen door zelf ook een leadpartner aan te wijzen."
        ),
    ),
    2: ThemaSectie(
        definitie=(
            "Het vertalen van internationale en landelijke inzichten over bedreigingen van de continuïteit, "
            "zoals de Nationale Risicobeoordeling en dreigingsbeelden van NCTV en NCSC, naar de regionale "
            "context, en het samen duiden van wat die risico's betekenen voor de voorbereiding en de inzet."
        ),
        taken=(
            "- De veiligheidsregio stelt het regionaal risicoprofiel op en betrekt daarbij de vitale partners, "
            "onder meer voor scenario's van langdurige uitval en cascade-effecten.\n"
            "- Zij duidt samen met de partners de gevolgen van uitval voor de bevolking en bepaalt welke "
            "scenario's in de planvorming worden uitgewerkt.\n"
            "- Zij vertaalt landelijke producten naar de regio en deelt de uitkomst met de partners in het "
            "netwerk."
        ),
        wettelijke_basis=(
            "- Art. 15 Wvr: het risicoprofiel, o.a. een overzicht van risicovolle situaties en een analyse van "
            "de soorten rampen en crises die zich in de regio kunnen voordoen.\n"
            "- Art. 14 Wvr: het beleidsplan, dat mede op het risicoprofiel is gebaseerd."
        ),
        aandachtspunten_ministeries=(
            "Landelijke risicobeoordelingen en dreigingsinformatie zijn niet altijd bruikbaar op regionale "
            "schaal of kunnen niet breed worden gedeeld. Gevraagd wordt om regionaal bruikbare producten en om "
            "afspraken over het delen van vertrouwelijke informatie, bijvoorbeeld volgens het Traffic Light "
            "Protocol."
        ),
        aandachtspunten_bedrijven=(
            "Bedrijven hebben gedetailleerde, bedrijfsgevoelige kennis van de kwetsbaarheden van hun netten. "
            "Afspraken over vertrouwelijkheid en over het gebruik van die informatie zijn een voorwaarde voor "
            "een gezamenlijke risicobeoordeling."
        ),
    ),
    3: ThemaSectie(
        definitie=(
            "Het beperken van risico's en van de gevolgen van uitval vóór een incident: risicocommunicatie, "
            "advies bij vergunningverlening en ruimtelijke plannen, aandacht voor de continuïteit bij "
            "bedrijven, en de eigen continuïteit van de veiligheidsregio bij uitval van vitale voorzieningen."
        ),
        taken=(
            "- De veiligheidsregio adviseert het bevoegd gezag over risico's bij vergunningverlening en "
            "ruimtelijke plannen, ook waar vitale infrastructuur in het geding is.\n"
            "- Zij voert samen met gemeenten en partners risicocommunicatie over de gevolgen van uitval en "
            "over wat inwoners zelf kunnen doen.\n"
            "- Zij borgt haar eigen continuïteit: meldkamer, crisiscentra, uitrusting en verbindingen blijven "
            "werken bij uitval van stroom en telecom."
        ),
        wettelijke_basis=(
            "- Art. 10 Wvr: o.a. het inventariseren van risico's en het adviseren van het bevoegd gezag over "
            "risico's van branden, rampen en crises.\n"
            "- Art. 46 Wvr: o.a. het informeren van de bevolking over de rampen en crises die haar kunnen "
            "treffen (risicocommunicatie).\n"
            "- De continuïteit van de bedrijven zelf en het toezicht daarop vallen onder sectorale "
            "wetgeving, zoals de Drinkwaterwet, de Elektriciteitswet 1998, de Gaswet en de "
            "Telecommunicatiewet."
        ),
        aandachtspunten_ministeries=(
            "Het toezicht op de continuïteit van vitale bedrijven ligt bij de sectorale toezichthouders, zoals "
            "de Inspectie Leefomgeving en Transport voor drinkwater en Agentschap Telecom. De veiligheidsregio "
            "heeft hier geen toezichtstaak; wel is afstemming nodig over de scenario's waarop bedrijven zich "
            "voorbereiden."
        ),
        aandachtspunten_bedrijven=(
            "Risicocommunicatie over uitval raakt de reputatie van bedrijven. Veiligheidsregio en bedrijven "
            "stemmen de boodschap af en maken duidelijk wat inwoners van het bedrijf en wat zij van de "
            "overheid kunnen verwachten."
        ),
    ),
    4: ThemaSectie(
        definitie=(
            "Het gezamenlijk opleiden, trainen en oefenen van de crisisorganisaties van veiligheidsregio's, "
            "vitale bedrijven en ministeries, zodat functionarissen elkaars werkwijze kennen en de afspraken "
            "uit de netwerken in de praktijk zijn beproefd."
        ),
        taken=(
            "- De veiligheidsregio neemt scenario's van uitval van vitale voorzieningen op in haar meerjarig "
            "oefenbeleid en nodigt de vitale partners uit om deel te nemen.\n"
            "- Zij neemt deel aan oefeningen van bedrijven waarin de koppeling met de overheid wordt beproefd.\n"
            "- Leerpunten uit oefeningen en incidenten worden in het regionale netwerk gedeeld en in het "
            "actieplan verwerkt."
        ),
        wettelijke_basis=(
            "- Art. 10 Wvr: o.a. het voorbereiden op de bestrijding van rampen en crises.\n"
            "- Besluit veiligheidsregio's: o.a. de eisen aan het opleiden en oefenen van de crisisorganisatie."
        ),
        aandachtspunten_ministeries=(
            "Landelijke en regionale oefeningen worden beter op elkaar afgestemd, zodat partners niet voor "
            "vele afzonderlijke oefeningen worden gevraagd en landelijke oefeningen ook de regionale "
            "koppelvlakken beproeven."
        ),
        aandachtspunten_bedrijven=(
            "Landelijk werkende bedrijven kunnen niet aan 25 regionale oefenprogramma's deelnemen. Via de "
            "leadpartner wordt per netwerk een gezamenlijke oefenkalender gemaakt."
        ),
    ),
    5: ThemaSectie(
        definitie=(
            "Afspraken over wie wanneer wie informeert of alarmeert bij een (dreigende) verstoring van een "
            "vitale voorziening, en over de rol van de meldkamer(s) daarin."
        ),
        taken=(
            "- De veiligheidsregio zorgt voor een meldkamer die dag en nacht bereikbaar is voor de vitale "
            "partners, met een vast contactpunt waarvan de gegevens in het netwerk actueel worden gehouden.\n"
            "- Zij legt met elke vitale partner vast welke gebeurtenissen tot wederzijdse alarmering leiden en "
            "test de bereikbaarheid periodiek.\n"
            "- Zij alarmeert waar nodig de bevolking, onder meer met NL-Alert."
        ),
        wettelijke_basis=(
            "- Art. 35 Wvr: de meldkamer van de veiligheidsregio, o.a. voor het ontvangen van meldingen en het "
            "alarmeren van de hulpdiensten.\n"
            "- Art. 16 Wvr: het crisisplan, o.a. de alarmering van de crisisorganisatie."
        ),
        aandachtspunten_ministeries=(
            "De alertering van de regio's bij landelijke dreigingen, bijvoorbeeld via het Nationaal "
            "Crisiscentrum of het LOCC, moet tijdig en eenduidig zijn, zodat de regio's tegelijk dezelfde "
            "informatie krijgen."
        ),
        aandachtspunten_bedrijven=(
            "Bedrijven hebben eigen storingscentrales en meldcriteria. De afspraken moeten aan beide kanten "
            "passen: wat het bedrijf meldt aan de meldkamer, en wanneer de meldkamer het bedrijf inschakelt."
        ),
    ),
    6: ThemaSectie(
        definitie=(
            "Het onderling delen van informatie vóór en tijdens een crisis, zodat alle partijen over hetzelfde "
            "actuele beeld beschikken, en het afstemmen van de communicatie naar het publiek."
        ),
        taken=(
            "- De veiligheidsregio organiseert netcentrisch werken en stelt vitale partners in staat bij te "
            "dragen aan het gezamenlijke beeld, bijvoorbeeld in LCMS.\n"
            "- Zij stemt de crisiscommunicatie af met de betrokken bedrijven: wie communiceert waarover, via "
            "welke kanalen.\n"
            "- Zij informeert de bevolking tijdens een crisis, onder meer via NL-Alert, crisis.nl en de "
            "calamiteitenzender."
        ),
        wettelijke_basis=(
            "- Art. 10 Wvr: o.a. de informatievoorziening binnen de crisisorganisatie en met de andere bij "
            "rampenbestrijding en crisisbeheersing betrokken organisaties.\n"
            "- Besluit veiligheidsregio's: o.a. de eisen aan informatiemanagement.\n"
            "- Art. 46 Wvr: o.a. het informeren van de bevolking tijdens een ramp of crisis."
        ),
        aandachtspunten_ministeries=(
            "Landelijke en regionale crisiscommunicatie lopen bij een grootschalige uitval door elkaar. "
            "Afspraken met het Nationaal Kernteam Crisiscommunicatie en de betrokken ministeries voorkomen "
            "tegenstrijdige berichten."
        ),
        aandachtspunten_bedrijven=(
            "Bedrijven communiceren zelf met hun klanten en hebben eigen woordvoering. Samen wordt afgesproken "
            "welke boodschappen vooraf klaarliggen en hoe bedrijfsinformatie, zoals verwachte hersteltijden, "
            "tijdig in het gezamenlijke beeld komt."
        ),
    ),
    7: ThemaSectie(
        definitie=(
            "Afspraken over opschaling, inzet en afschaling in de algemene en de functionele kolom, inclusief "
            "de aansluiting van vitale partners op de regionale crisisorganisatie en de afstemming met het "
            "Rijk."
        ),
        taken=(
            "- De veiligheidsregio beschrijft in haar crisisplan hoe vitale partners bij de crisisorganisatie "
            "(ROT, regionaal beleidsteam) worden betrokken en welke rol zij daar hebben.\n"
            "- Zij coördineert bij een bovenregionale crisis met de andere betrokken regio's en stemt af met "
            "de nationale crisisstructuur.\n"
            "- Zij bereidt met de partners de besluiten voor die bij langdurige uitval te verwachten zijn, "
            "zoals evacuatie of opvang."
        ),
        wettelijke_basis=(
            "- Art. 16 Wvr: het crisisplan, o.a. de organisatie, verantwoordelijkheden, taken en bevoegdheden "
            "en de afspraken met andere partijen.\n"
            "- Art. 39 Wvr: de bevoegdheden van de voorzitter van de veiligheidsregio bij een ramp of crisis "
            "van meer dan plaatselijke betekenis.\n"
            "- Art. 5 Wvr: het opperbevel van de burgemeester bij een ramp."
        ),
        aandachtspunten_ministeries=(
            "Bij een landelijke crisis in een vitale sector neemt het Rijk besluiten, bijvoorbeeld over "
            "schaarse middelen, die regionaal worden uitgevoerd. De informatielijnen tussen het Nationaal "
            "Crisiscentrum, de departementale crisiscentra en de regionale beleidsteams moeten vooraf duidelijk "
            "zijn."
        ),
        aandachtspunten_bedrijven=(
            "Bedrijven hebben eigen crisisorganisaties met andere opschalingsniveaus. Afgesproken wordt hoe de "
            "liaison van het bedrijf aansluit bij het ROT, welke bevoegdheden die heeft, en hoe een landelijk "
            "bedrijf omgaat met meerdere opgeschaalde regio's tegelijk."
        ),
    ),
    8: ThemaSectie(
        definitie=(
            "Afspraken over de prioritering van schaarse middelen en over wie wat distribueert bij langdurige "
            "uitval, zoals nooddrinkwater, noodstroom en brandstof, en over de inzet van aanvullende "
            "capaciteit, waaronder die van Defensie."
        ),
        taken=(
            "- De veiligheidsregio maakt met gemeenten en bedrijven afspraken over de distributie van "
            "noodvoorzieningen aan de bevolking, zoals de uitgifte van nooddrinkwater.\n"
            "- Zij brengt vitale locaties in beeld die voorrang nodig hebben, zoals zorginstellingen, de "
            "meldkamer en gemalen, en weegt die met de bedrijven mee bij de prioritering.\n"
            "- Zij vraagt zo nodig bijstand aan, onder meer van Defensie, via de afgesproken procedures."
        ),
        wettelijke_basis=(
            "- Art. 10 Wvr: o.a. het organiseren van de rampenbestrijding en de crisisbeheersing.\n"
            "- Wvr, bepalingen over bijstand: o.a. het verzoek om bijstand bij rampen en crises, waaronder "
            "militaire bijstand.\n"
            "- De leveringsplicht en de noodvoorziening van de bedrijven zelf vallen onder sectorale "
            "wetgeving, zoals de Drinkwaterwet."
        ),
        aandachtspunten_ministeries=(
            "Bij landelijke schaarste, bijvoorbeeld van brandstof, beslist het Rijk over de verdeling. De "
            "veiligheidsregio's vragen om vooraf bekende criteria, zodat regionale prioriteiten daarop kunnen "
            "aansluiten."
        ),
        aandachtspunten_bedrijven=(
            "Bedrijven bepalen zelf de volgorde van herstel in hun netten. Een gedeelde lijst van vitale "
            "afnemers maakt het mogelijk de maatschappelijke gevolgen in die volgorde mee te wegen."
        ),
    ),
}

# Organisations invited for the consultation (Organisatie.code).
UITGENODIGD = (
    "veiligheidsberaad",
    "cvi",
    "nctv",
    "min-jenv",
    "vewin",
    "netbeheer-nederland",
    "evides",
    "vr04",
    "vr06",
    "vr12",
    "vr17",
)


@dataclass(frozen=True)
class Reactie:
    # An author cannot be deleted while his comment exists (Consultatiereactie.auteur is PROTECT), so
    # the accounts are chosen among those the demo story never removes (not bcm@demo.nl).
    auteur: str  # e-mail of a demo account of an invited organisation
    thema: int  # the section it comments on
    tekst: str
    antwoord: str  # Consultatiereactie.Antwoord value
    motivering: str


REACTIES = (
    Reactie(
        "adviseur@demo.nl",
        1,
        "Het is niet duidelijk wie de kosten draagt als één regio als leadpartner optreedt voor meerdere "
        "regio's. Graag expliciet maken dat de platformfunctie binnen bestaande capaciteit valt, of een "
        "verdeelsleutel opnemen.",
        "deels",
        "Toegevoegd dat de platformfunctie een bestaande taak is die zo veel mogelijk binnen de bestaande "
        "capaciteit wordt uitgevoerd. Een verdeelsleutel is niet opgenomen: waar extra capaciteit nodig is, "
        "spreken de partijen dat per actieplan af.",
    ),
    Reactie(
        "buiten@demo.nl",
        5,
        "Graag opnemen dat elke meldkamer één vast, dag en nacht bereikbaar contactpunt heeft voor de vitale "
        "partners. Bij het samenvoegen van meldkamers veranderen de nummers vaak zonder dat wij het weten.",
        "overgenomen",
        "Opgenomen bij de taken: de veiligheidsregio zorgt voor een vast contactpunt en houdt de gegevens "
        "actueel in het regionale netwerk.",
    ),
    Reactie(
        "ministerie@demo.nl",
        7,
        "Wij stellen voor de aandachtspunten voor de ministeries te beperken tot een verwijzing naar de "
        "nationale crisisstructuur; de genoemde knelpunten worden in het traject Herijking Vitaal opgepakt.",
        "niet",
        "De aandachtspunten maken juist de koppelvlakken tussen regio en Rijk zichtbaar. "
        "Waar Herijking Vitaal een knelpunt oppakt, wordt het in het nationale actieplan gevolgd.",
    ),
)

ROLBESLUITEN = (
    ("stuurgroep", datetime.date(2015, 9, 24), "SG CvdS 2015-03", "Concept vastgesteld voor consultatie."),
    ("cvi", datetime.date(2015, 11, 12), "CVI 2015/11-3", ""),
    ("veiligheidsberaad", datetime.date(2015, 12, 7), "VB 07-12-2015, agendapunt 6", ""),
    ("ministerie_jenv", datetime.date(2015, 12, 18), "V&J/DGV 2015-1218", MINISTERIE_DESTIJDS),
)

# Safety regions (vr_nummer) whose boards signed, with the date; the other eight have not yet.
ONDERTEKENINGEN: dict[int, datetime.date] = {
    1: datetime.date(2016, 1, 28),
    2: datetime.date(2016, 2, 11),
    4: datetime.date(2016, 1, 21),
    5: datetime.date(2016, 2, 4),
    6: datetime.date(2016, 3, 17),
    8: datetime.date(2016, 2, 25),
    9: datetime.date(2016, 3, 3),
    10: datetime.date(2016, 4, 7),
    12: datetime.date(2016, 1, 21),
    13: datetime.date(2016, 2, 18),
    15: datetime.date(2016, 3, 10),
    16: datetime.date(2016, 4, 14),
    17: datetime.date(2016, 1, 28),
    19: datetime.date(2016, 5, 12),
    21: datetime.date(2016, 3, 24),
    22: datetime.date(2016, 4, 21),
    24: datetime.date(2016, 6, 2),
}
