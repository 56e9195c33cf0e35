"""Example toetsing and action plans for demonstrations (issue 4): "Voorbeeldinhoud".

Called at the end of `manage.py laad_demodata`, after the demo accounts and the example agendas.
Every write goes through `actieplannen.services`, as the people in the demo would make it in the
portal (the coordinator assesses and plans, an owner records his progress), so the rules hold and
the history names them.

- Drinkwater Vitens: most of the drinkwater agenda assessed (some items still to do, one open
  item without an action), eight actions with owners at Vitens and IJsselland, due dates relative
  to today (one overdue, two due within 14 days), financing, milestones and progress updates.
  The plan stays *concept*: the browser tests submit it.
- The national action plan of the network `landelijk`, by the justice ministry, with four actions;
  the Vitens action on LCMS is flagged 'landelijk oppakken' and linked to the national one.
- Four other networks with a partial toetsing and a few actions, in different plan statuses, so the
  dashboards have something to show.

Safe to run again: a network that already has assessments or actions is left alone, so content
made in the portal (or an earlier run) is never touched.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from agenda.models import Thema
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk

from . import services
from .models import Actieplan, Beoordeling, Instemming, Verbeteractie

if TYPE_CHECKING:
    from agenda.models import Samenwerkingsafspraak

VOORBEELD = "Voorbeeldinhoud"
VITENS = "drinkwater-vitens"
LANDELIJK = "landelijk"
NATIONAAL_ACTIEPLAN = "Nationaal actieplan continuïteit van de samenleving"

GEREGELD, DEELS, OPEN, NIET_RELEVANT = (
    Beoordeling.Status.GEREGELD,
    Beoordeling.Status.DEELS,
    Beoordeling.Status.OPEN,
    Beoordeling.Status.NIET_RELEVANT,
)
S = Verbeteractie.Status


@dataclass(frozen=True)
class Financiering:
    """An estimate with shares (company, safety region, ministry, other) that add up to it."""

    bedrijf: int = 0
    regio: int = 0
    ministerie: int = 0
    overig: int = 0

    def velden(self) -> dict[str, Decimal]:
        aandelen = {
            "aandeel_bedrijf": Decimal(self.bedrijf),
            "aandeel_regio": Decimal(self.regio),
            "aandeel_ministerie": Decimal(self.ministerie),
            "aandeel_overig": Decimal(self.overig),
        }
        return {
            "kostenraming": sum(aandelen.values(), Decimal(0)),
            "uit_bestaande_capaciteit": False,
        } | aandelen


BESTAANDE_CAPACITEIT = None  # financing: 'uit bestaande capaciteit'


@dataclass(frozen=True)
class Toets:
    """The assessment of the agenda item in `thema` whose title contains `trefwoord`."""

    thema: int
    trefwoord: str
    status: str
    toelichting: str


@dataclass(frozen=True)
class DemoActie:
    titel: str
    thema: int
    omschrijving: str
    eigenaar: str  # e-mail of a network member; he works at the responsible organisation
    eind: int  # due date, days from today (negative: in the past)
    status: str
    voortgang: int
    financiering: Financiering | None
    start: int | None = None
    toets: Toets | None = None  # made from this assessed item (open or deels), linked back to it
    mijlpalen: tuple[tuple[int, str, bool], ...] = ()  # (days from today, description, done)
    updates: tuple[tuple[int, str, int, str], ...] = ()  # (days ago, status, %, note), oldest first
    landelijk: str = ""  # title of the national action it is flagged for ('landelijk oppakken')


ADVISEUR, BCM, MINISTERIE = "adviseur@demo.nl", "bcm@demo.nl", "ministerie@demo.nl"

# Items of the drinkwater agenda assessed without an action (arranged, partial, not relevant).
VITENS_TOETSING = (
    Toets(
        8,
        "zorginstellingen",
        DEELS,
        "De GHOR-lijst met prioritaire zorglocaties bestaat in drie van de tien regio's; elders ontbreekt "
        "de waterbehoefte per locatie en de manier van aanvoer.",
    ),
    Toets(
        7,
        "beleidsteam",
        GEREGELD,
        "Vitens levert vanaf GRIP 2 een liaison voor het ROT; dat staat in de regionale crisisplannen van "
        "alle tien regio's en is in 2016 geoefend.",
    ),
    Toets(
        1,
        "aanspreekpunt",
        GEREGELD,
        "Vaste aanspreekpunten bij Vitens en in elke regio; het netwerk komt twee keer per jaar bijeen, "
        "IJsselland coördineert.",
    ),
    Toets(
        3,
        "bluswater",
        NIET_RELEVANT,
        "In het werkgebied van Vitens levert het drinkwaternet geen primair bluswater; de brandweer werkt "
        "met eigen voorzieningen en open water (afspraak met de regio's uit 2014).",
    ),
)

VITENS_ACTIES = (
    DemoActie(
        "Noodwatervoorziening oefenen met de veiligheidsregio's",
        4,
        "Een gezamenlijke oefening van Vitens, IJsselland, Twente en Noord- en Oost-Gelderland: uitval van "
        "een productielocatie bij hitte, met het opzetten van uitgiftepunten voor nooddrinkwater.",
        ADVISEUR,
        start=-120,
        eind=150,
        status=S.IN_UITVOERING,
        voortgang=40,
        financiering=Financiering(bedrijf=12_000, regio=12_000),
        toets=Toets(
            4,
            "oefening",
            DEELS,
            "Vitens oefent jaarlijks intern; een gezamenlijke oefening met de regio's is sinds 2013 niet "
            "meer gehouden.",
        ),
        mijlpalen=(
            (-30, "Oefenscenario en draaiboek gereed", True),
            (60, "Oefening nooddrinkwater met IJsselland en Twente", False),
            (140, "Evaluatie en leerpunten verwerkt in het actieplan", False),
        ),
        updates=(
            (-75, S.IN_UITVOERING, 15, "Oefenleiding samengesteld met Vitens en drie veiligheidsregio's."),
            (-20, S.IN_UITVOERING, 40, "Scenario uitgewerkt: uitval productielocatie tijdens een hittegolf."),
        ),
    ),
    DemoActie(
        "Afspraken distributiepunten nooddrinkwater per gemeente",
        8,
        "Per gemeente de uitgiftepunten voor nooddrinkwater vastleggen, met bemensing door de gemeente en "
        "hulp voor inwoners die niet zelf kunnen komen.",
        ADVISEUR,
        start=-200,
        eind=-12,
        status=S.VERTRAAGD,
        voortgang=60,
        financiering=BESTAANDE_CAPACITEIT,
        toets=Toets(
            8,
            "nooddrinkwater",
            OPEN,
            "Vitens kan nooddrinkwater leveren, maar de meeste gemeenten hebben geen uitgiftepunten "
            "aangewezen en niemand heeft de bemensing belegd.",
        ),
        mijlpalen=(
            (-60, "Format uitgiftepunten naar alle gemeenten verstuurd", True),
            (-12, "Uitgiftepunten van alle gemeenten ontvangen", False),
        ),
        updates=(
            (
                -90,
                S.IN_UITVOERING,
                30,
                "Format uitgiftepunten afgestemd met de gemeentelijke crisisfunctionarissen.",
            ),
            (
                -15,
                S.VERTRAAGD,
                60,
                "Zes van de tien regio's hebben hun uitgiftepunten aangeleverd; de andere vier volgen na de zomer.",
            ),
        ),
    ),
    DemoActie(
        "Alarmeringsprotocol meldkamer bij drinkwaterstoringen",
        5,
        "Criteria en route voor de wederzijdse alarmering tussen de storingsdienst van Vitens en de "
        "meldkamer Oost-Nederland, met een jaarlijkse testalarmering.",
        BCM,
        start=-90,
        eind=9,
        status=S.IN_UITVOERING,
        voortgang=80,
        financiering=BESTAANDE_CAPACITEIT,
        toets=Toets(
            5,
            "meldkamer",
            OPEN,
            "De meldkamer heeft een oud telefoonnummer van de storingsdienst; criteria voor alarmering "
            "ontbreken aan beide kanten.",
        ),
        mijlpalen=(
            (-40, "Concept-protocol besproken met de meldkamer Oost-Nederland", True),
            (9, "Protocol vastgesteld en getest", False),
        ),
        updates=(
            (-30, S.IN_UITVOERING, 50, "Concept-protocol opgesteld met de meldkamer."),
            (
                -5,
                S.IN_UITVOERING,
                80,
                "Testalarmering geslaagd; de laatste opmerkingen van de meldkamer zijn verwerkt.",
            ),
        ),
    ),
    DemoActie(
        "LCMS-toegang voor Vitens",
        6,
        "Accounts in LCMS voor de crisisorganisatie van Vitens, zodat het bedrijf het getroffen gebied en "
        "de uitgiftepunten in het gezamenlijke beeld kan zetten.",
        BCM,
        start=-60,
        eind=45,
        status=S.IN_UITVOERING,
        voortgang=30,
        financiering=Financiering(bedrijf=5_000, ministerie=3_000),
        toets=Toets(
            6,
            "LCMS",
            OPEN,
            "Vitens heeft geen toegang tot LCMS; informatie loopt via de liaison en de telefoon.",
        ),
        updates=(
            (
                -10,
                S.IN_UITVOERING,
                30,
                "Aanvraag LCMS-accounts ingediend; wacht op de landelijke afspraak over toegang voor vitale partners.",
            ),
        ),
        landelijk="Toegang vitale partners tot LCMS landelijk regelen",
    ),
    DemoActie(
        "Gezamenlijke risicoanalyse langdurige uitval drinkwater",
        2,
        "Vitens en de veiligheidsregio's werken samen een scenario uit van langdurige uitval, met de "
        "gevolgen voor de bevolking en de afhankelijkheid van elektriciteit.",
        ADVISEUR,
        start=-30,
        eind=120,
        status=S.IN_UITVOERING,
        voortgang=10,
        financiering=Financiering(bedrijf=7_500, regio=7_500),
        toets=Toets(
            2,
            "risicoprofiel",
            DEELS,
            "Drinkwater staat in de risicoprofielen, maar zonder scenario voor langdurige uitval en zonder "
            "input van Vitens.",
        ),
        mijlpalen=((45, "Werksessie scenario met de risicoadviseurs van de regio's", False),),
    ),
    DemoActie(
        "Standaardberichten kookadvies en nooddrinkwater afstemmen",
        6,
        "Afgestemde standaardberichten en een woordvoeringslijn voor kookadvies, uitval en nooddrinkwater, "
        "klaar voor NL-Alert en crisis.nl.",
        BCM,
        start=-14,
        eind=6,
        status=S.IN_UITVOERING,
        voortgang=50,
        financiering=BESTAANDE_CAPACITEIT,
        toets=Toets(
            6,
            "communicatie",
            DEELS,
            "Er zijn standaardberichten voor kookadvies, nog niet voor langdurige uitval en nooddrinkwater.",
        ),
        mijlpalen=((6, "Standaardberichten vastgesteld door de woordvoerders", False),),
    ),
    DemoActie(
        "Contactenlijst 24/7-bereikbaarheid actualiseren",
        1,
        "Eén gedeelde lijst met de 24/7-bereikbaarheid van Vitens, de tien regio's en de meldkamers.",
        BCM,
        start=-150,
        eind=-40,
        status=S.GEREED,
        voortgang=100,
        financiering=BESTAANDE_CAPACITEIT,
        updates=((-42, S.GEREED, 100, "Contactenlijst gedeeld met alle tien regio's en de meldkamers."),),
    ),
    DemoActie(
        "Werkwijze bij bovenregionale drinkwaterstoringen vastleggen",
        7,
        "Welke regio coördineert als een storing meerdere regio's raakt, één aanspreekpunt bij Vitens, en "
        "hoe bijstand via het LOCC wordt aangevraagd.",
        ADVISEUR,
        start=30,
        eind=240,
        status=S.NIET_GESTART,
        voortgang=0,
        financiering=Financiering(regio=3_000, overig=1_500),
        toets=Toets(
            7,
            "bovenregionale",
            DEELS,
            "Voor Gelderland is afgesproken welke regio coördineert; voor de rest van het werkgebied niet, "
            "en de aanvraag van bijstand via het LOCC is nergens beschreven.",
        ),
    ),
)

NATIONALE_ACTIES = (
    DemoActie(
        "Toegang vitale partners tot LCMS landelijk regelen",
        6,
        "Eén landelijke regeling voor accounts en rechten van vitale partners in LCMS, met het IFV als "
        "beheerder, zodat niet elke regio dit apart regelt.",
        MINISTERIE,
        start=-45,
        eind=180,
        status=S.IN_UITVOERING,
        voortgang=25,
        financiering=Financiering(ministerie=60_000),
        mijlpalen=((90, "Regeling afgestemd met IFV en Veiligheidsberaad", False),),
    ),
    DemoActie(
        "Landelijk beeld van nooddrinkwater- en noodstroomcapaciteit",
        8,
        "Een overzicht van de beschikbare capaciteit voor nooddrinkwater en noodstroom, als basis voor "
        "prioritering bij schaarste (ook de inzet van Defensie).",
        MINISTERIE,
        start=30,
        eind=270,
        status=S.NIET_GESTART,
        voortgang=0,
        financiering=Financiering(ministerie=30_000, overig=10_000),
    ),
    DemoActie(
        "Handreiking gezamenlijke risicoanalyse vitale sectoren",
        2,
        "Een handreiking waarmee regionale netwerken uitval van vitale voorzieningen in het risicoprofiel "
        "uitwerken, op basis van de ervaringen in de eerste netwerken.",
        MINISTERIE,
        start=-60,
        eind=120,
        status=S.IN_UITVOERING,
        voortgang=50,
        financiering=BESTAANDE_CAPACITEIT,
        updates=((-7, S.IN_UITVOERING, 50, "Eerste versie besproken in de toetsbijeenkomst."),),
    ),
    DemoActie(
        "Landelijke oefenkalender vitale infrastructuur",
        4,
        "Eén kalender van regionale en landelijke oefeningen met vitale partners, zodat bedrijven met "
        "meerdere regio's hun inzet kunnen plannen.",
        MINISTERIE,
        start=-30,
        eind=30,
        status=S.IN_UITVOERING,
        voortgang=70,
        financiering=BESTAANDE_CAPACITEIT,
    ),
)


@dataclass(frozen=True)
class AnderNetwerk:
    slug: str
    statussen: tuple[str, ...]  # assessments of the current items in order of rank; the rest stay open
    acties: int  # this many open/partial items become actions
    plan: str = Actieplan.Status.CONCEPT  # concept, ter_instemming or vastgesteld


ANDERE_NETWERKEN = (
    AnderNetwerk(
        "drinkwater-evides",
        (GEREGELD, DEELS, GEREGELD, OPEN, GEREGELD, GEREGELD, DEELS, GEREGELD, GEREGELD, GEREGELD, GEREGELD),
        acties=3,
        plan=Actieplan.Status.VASTGESTELD,
    ),
    AnderNetwerk(
        "elektriciteit-gas-liander",
        (OPEN, GEREGELD, DEELS, GEREGELD, DEELS, GEREGELD, OPEN, GEREGELD, GEREGELD, GEREGELD),
        acties=3,
        plan=Actieplan.Status.TER_INSTEMMING,
    ),
    AnderNetwerk("elektriciteit-gas-enexis", (DEELS, OPEN, GEREGELD, GEREGELD, DEELS), acties=2),
    AnderNetwerk("drinkwater-pwn", (GEREGELD, OPEN, GEREGELD), acties=1),
)

ALGEMENE_TOELICHTING = {
    GEREGELD: "Vastgelegd in het regionaal crisisplan en in het netwerkoverleg van dit jaar bevestigd.",
    DEELS: "Afspraken bestaan, maar nog niet met alle veiligheidsregio's in het werkgebied.",
    OPEN: "Nog geen afspraken; het netwerk pakt dit op in het actieplan.",
    NIET_RELEVANT: "Speelt in dit werkgebied niet.",
}


@dataclass
class Teller:
    beoordelingen: int = 0
    acties: int = 0
    plannen: list[str] = field(default_factory=list)


def _dag(vandaag: datetime.date, dagen: int | None) -> datetime.date | None:
    return None if dagen is None else vandaag + datetime.timedelta(days=dagen)


def _kies(
    afspraken: list[Samenwerkingsafspraak], toets: Toets, gebruikt: set[int]
) -> Samenwerkingsafspraak | None:
    """The item in the theme whose title has the keyword; else the theme's first free item."""
    in_thema = [a for a in afspraken if a.thema.nummer == toets.thema and a.pk not in gebruikt]
    passend = [a for a in in_thema if toets.trefwoord.lower() in a.titel.lower()]
    return (passend or in_thema or [None])[0]


def _vul_actie(
    actie: Verbeteractie,
    demo: DemoActie,
    *,
    eigenaar: Gebruiker,
    vandaag: datetime.date,
    actor: Gebruiker,
    landelijke_actie: Verbeteractie | None = None,
) -> Verbeteractie:
    """Owner, planning, financing, milestones and progress of an action, through the services."""
    financiering = demo.financiering.velden() if demo.financiering else {"uit_bestaande_capaciteit": True}
    actie = services.wijzig_actie(
        actie,
        revisie=None,
        actor=actor,
        titel=demo.titel,
        omschrijving=demo.omschrijving,
        organisatie=eigenaar.organisatie,
        eigenaar=eigenaar,
        startdatum=_dag(vandaag, demo.start),
        einddatum=_dag(vandaag, demo.eind),
        landelijk_oppakken=landelijke_actie is not None,
        landelijke_actie=landelijke_actie,
        **financiering,
    )
    for dagen, omschrijving, gereed in demo.mijlpalen:
        mijlpaal = services.voeg_mijlpaal_toe(
            actie, datum=_dag(vandaag, dagen), omschrijving=omschrijving, actor=actor
        )
        if gereed:
            services.zet_mijlpaal(mijlpaal, gereed=True, actor=eigenaar)
    for dagen, status, voortgang, notitie in demo.updates:
        services.registreer_voortgang(
            actie,
            status=status,
            voortgang=voortgang,
            notitie=notitie,
            datum=_dag(vandaag, dagen),
            actor=eigenaar,
        )
    actie.refresh_from_db()
    if (actie.status, actie.voortgang) != (demo.status, demo.voortgang):
        actie = services.wijzig_actie(
            actie, revisie=None, actor=eigenaar, status=demo.status, voortgang=demo.voortgang
        )
    return actie


def _is_onaangeroerd(netwerk: Netwerk) -> bool:
    """No assessments and no actions yet: demo content may be added without touching real work."""
    return (
        not netwerk.beoordelingen.exists()
        and not Verbeteractie.objects.filter(actieplan__netwerk=netwerk).exists()
    )


def _nationaal_plan(
    personen: dict[str, Gebruiker], vandaag: datetime.date, teller: Teller, actor: Gebruiker | None
) -> Actieplan | None:
    netwerk = Netwerk.objects.filter(slug=LANDELIJK).first()
    ministerie = personen[MINISTERIE]
    door = actor or ministerie
    if netwerk is None:
        return None
    plan = services.zorg_voor_actieplan(netwerk, actor=door)
    if not plan.landelijk and not Actieplan.objects.filter(landelijk=True).exists():
        # No service sets the flag: the national plan is the national network's plan from the start.
        plan.landelijk = True
        plan.revisie += 1
        plan._history_user = door  # type: ignore[attr-defined]
        plan.save(update_fields=["landelijk", "revisie"])
    if not _is_onaangeroerd(netwerk):
        return plan
    plan = services.wijzig_plan(
        plan,
        revisie=None,
        actor=door,
        titel=NATIONAAL_ACTIEPLAN,
        toelichting=f"{VOORBEELD}. Het nationale actieplan, geïnitieerd door het ministerie van Justitie en "
        "Veiligheid: de acties die landelijk moeten worden opgepakt, onder meer op verzoek van de "
        "regionale netwerken (toetsbijeenkomst).",
    )
    themas = Thema.objects.in_bulk(field_name="nummer")
    for demo in NATIONALE_ACTIES:
        actie = services.voeg_actie_toe(plan, actor=door, titel=demo.titel, thema=themas[demo.thema])
        _vul_actie(actie, demo, eigenaar=ministerie, vandaag=vandaag, actor=door)
        teller.acties += 1
    teller.plannen.append(plan.titel)
    return plan


def _vitens(
    personen: dict[str, Gebruiker],
    nationaal: Actieplan | None,
    vandaag: datetime.date,
    teller: Teller,
    actor: Gebruiker | None,
) -> None:
    netwerk = Netwerk.objects.filter(slug=VITENS).first()
    if netwerk is None or not _is_onaangeroerd(netwerk):
        return
    adviseur = actor or personen[ADVISEUR]
    plan = services.zorg_voor_actieplan(netwerk, actor=adviseur)
    services.wijzig_plan(
        plan,
        revisie=None,
        actor=adviseur,
        toelichting=f"{VOORBEELD}. Het actieplan van het netwerk Drinkwater Vitens: de verbeteracties uit de "
        "toetsing aan de agenda drinkwater, met Vitens en de tien veiligheidsregio's in het werkgebied. "
        "IJsselland coördineert.",
    )
    afspraken = services.toetsingsstand(netwerk).afspraken  # the current drinkwater agenda, by rank
    themas = Thema.objects.in_bulk(field_name="nummer")
    gebruikt: set[int] = set()

    # Assessments first (the toetsing), then the actions that come out of it.
    uit_toetsing: dict[str, Beoordeling] = {}
    for toets, titel in [(t, "") for t in VITENS_TOETSING] + [
        (d.toets, d.titel) for d in VITENS_ACTIES if d.toets
    ]:
        afspraak = _kies(afspraken, toets, gebruikt)
        if afspraak is None:
            continue
        gebruikt.add(afspraak.pk)
        beoordeling = services.beoordeel(
            netwerk, afspraak, status=toets.status, toelichting=toets.toelichting, actor=adviseur
        )
        teller.beoordelingen += 1
        if titel:
            uit_toetsing[titel] = beoordeling

    landelijk = {a.titel: a for a in nationaal.acties.all()} if nationaal else {}
    for demo in VITENS_ACTIES:
        eigenaar = personen[demo.eigenaar]
        beoordeling = uit_toetsing.get(demo.titel)
        if beoordeling is not None:
            [actie] = services.maak_acties_uit_beoordelingen(netwerk, [beoordeling], actor=adviseur)
        else:
            actie = services.voeg_actie_toe(plan, actor=adviseur, titel=demo.titel, thema=themas[demo.thema])
        _vul_actie(
            actie,
            demo,
            eigenaar=eigenaar,
            vandaag=vandaag,
            actor=adviseur,
            landelijke_actie=landelijk.get(demo.landelijk),
        )
        teller.acties += 1
    teller.plannen.append(plan.titel)


def _ander_netwerk(
    demo: AnderNetwerk, vandaag: datetime.date, teller: Teller, actor: Gebruiker | None
) -> None:
    """A partial toetsing by the network's demo coordinator; its first open items become actions."""
    netwerk = Netwerk.objects.filter(slug=demo.slug).first()
    if netwerk is None or not _is_onaangeroerd(netwerk):
        return
    coordinator = (
        Lidmaatschap.objects.filter(netwerk=netwerk, rol=Lidmaatschap.Rol.COORDINATOR)
        .select_related("persoon__organisatie")
        .order_by("persoon__email")
        .first()
    )
    if coordinator is None:
        return
    coordinator = coordinator.persoon
    door = actor or coordinator
    # Highest priority first: a network starts with the top five of its (first) sector.
    afspraken = sorted(
        services.toetsingsstand(netwerk).afspraken, key=lambda a: (a.agenda.sector.volgorde, a.rang)
    )
    beoordelingen = []
    for afspraak, status in zip(afspraken, demo.statussen, strict=False):
        beoordelingen.append(
            services.beoordeel(
                netwerk, afspraak, status=status, toelichting=ALGEMENE_TOELICHTING[status], actor=door
            )
        )
        teller.beoordelingen += 1
    open_items = [b for b in beoordelingen if b.vraagt_actie][: demo.acties]
    acties = services.maak_acties_uit_beoordelingen(netwerk, open_items, actor=door)
    for i, actie in enumerate(acties):
        plan_demo = DemoActie(
            titel=actie.titel,
            thema=actie.thema.nummer,
            omschrijving=f"{actie.omschrijving} Uitwerking in het netwerk onder leiding van {coordinator.organisatie}.",
            eigenaar=coordinator.email,
            start=-60 + 20 * i,
            eind=(-5, 30, 200)[i % 3],
            status=(S.IN_UITVOERING, S.IN_UITVOERING, S.NIET_GESTART)[i % 3],
            voortgang=(70, 40, 0)[i % 3],
            financiering=(Financiering(bedrijf=6_000, regio=4_000), BESTAANDE_CAPACITEIT, None)[i % 3],
        )
        _vul_actie(actie, plan_demo, eigenaar=coordinator, vandaag=vandaag, actor=door)
        teller.acties += 1
    plan = services.zorg_voor_actieplan(netwerk, actor=door)
    plan = services.wijzig_plan(
        plan,
        revisie=None,
        actor=door,
        toelichting=f"{VOORBEELD}. De verbeteracties uit de toetsing van {netwerk.naam} aan de agenda.",
    )
    if acties and demo.plan != Actieplan.Status.CONCEPT:
        plan = services.dien_in(plan, actor=door)
        deelnames = services.deelnemers_voor_instemming(plan)
        # Ter instemming: the coordinator's own region has consented; vastgesteld: everybody has.
        if demo.plan == Actieplan.Status.TER_INSTEMMING:
            deelnames = [d for d in deelnames if d.organisatie_id == coordinator.organisatie_id]
        for deelname in deelnames:
            services.spreek_uit(
                plan,
                organisatie=deelname.organisatie,
                besluit=Instemming.Besluit.INSTEMMING,
                actor=deelname.contactpersoon if deelname.contactpersoon_id else coordinator,
            )
    teller.plannen.append(plan.titel)


@transaction.atomic
def laad_actieplan_demo(*, actor: Gebruiker | None = None) -> str:
    """Add the example toetsing and plans where they are missing; returns a one-line summary.

    The history names the demo person who would make each change in the portal (the coordinator
    assesses and plans, an owner records progress, a contact consents); `actor`, when given, is
    recorded instead for the changes that are not bound to a person (plans, assessments, actions).
    """
    emails = {ADVISEUR, BCM, MINISTERIE}
    personen = {g.email: g for g in Gebruiker.objects.filter(email__in=emails).select_related("organisatie")}
    if set(personen) != emails:
        return "Actieplan-demo overgeslagen: de demo-accounts ontbreken (voer eerst laad_demodata uit)."
    vandaag = timezone.localdate()
    teller = Teller()
    nationaal = _nationaal_plan(personen, vandaag, teller, actor)
    _vitens(personen, nationaal, vandaag, teller, actor)
    for demo in ANDERE_NETWERKEN:
        _ander_netwerk(demo, vandaag, teller, actor)
    if not teller.plannen:
        return "Actieplan-demo: alles was al aanwezig; niets gewijzigd."
    return (
        f"Actieplan-demo: {teller.beoordelingen} beoordelingen en {teller.acties} verbeteracties in "
        f"{len(teller.plannen)} plannen ({', '.join(teller.plannen)})."
    )
