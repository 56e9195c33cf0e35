"""Synthetic data at a scale factor, on top of the reference data and the demo data (DESIGN §8).

``genereer(schaal)`` tops the synthetic data up to what `schaal` asks for (``aantallen``): at
1× about 60 networks, 500 users, 3,000 verbeteracties and 300 menukaart items in all, together
with the 17 networks of the reference data and the demo content; 10× has ten times the
synthetic networks, users and actions. Run it at 1× and then at 10× and the second run only adds
the difference, so a benchmark measures 1× and 10× on one database without starting over.

What a network gets: a synthetic kernpartner with its sector, three to six safety regions (one
coordinating), sometimes a ministry, an existing company or another party; members at those
organisations (the first one coordinator) with the object permissions their role grants
(`netwerken.permissions.RECHTEN_PER_ROL`), contact persons; a toetsing against the current agenda
of its sector; an action plan in one of the five statuses (submitted ones with their frozen
version and consents); actions with themes, agenda items, owners, TLP labels, due dates,
financing, milestones, progress updates and menukaart links; three meetings with invitees and
agenda points. Besides: menukaart items, reports, leerpunten, and the 24 monthly demo snapshots
recomputed from the enlarged figures. The demo accounts adviseur@demo.nl (coordinator) and
bcm@demo.nl (member, contact of Vitens) join every 22nd synthetic network, the first included,
so their own pages grow with the scale too.

Rows are written with `bulk_create` for speed, in dependency order, and satisfy the models'
constraints. Plans, actions, networks, regions, participations and memberships get one history
row each (`bulk_create_with_history`), because the history and "recent changes" pages read them;
other rows get none. Deterministic: a fixed seed, and each top-up seeded by where it starts.
Tokens and calendar UIDs come from their model defaults (random, as in the portal).

Synthetic rows are recognisable: networks `<sector>-bench-NNNNN`, organisations `bench-NNNNN`,
users `…@benchmark.example`, menukaart items `bench-mk-NNNNNN`, reports and leerpunten with
"(synthetisch)" in the title.
"""

from __future__ import annotations

import datetime
import math
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actieplannen.models import (
    TLP,
    Actieplan,
    Beoordeling,
    Instemming,
    Mijlpaal,
    PlanVersie,
    Verbeteractie,
    Voortgangsupdate,
)
from agenda.models import Agenda, Samenwerkingsafspraak, Thema
from bijeenkomsten.models import Agendapunt, Besluit, Bijeenkomst, Genodigde
from menukaart.models import ActieKoppeling, Link, MenukaartItem
from menukaart.zoeken import normaliseer
from monitoring.models import Leerpunt, Momentopname, Rapport, Rapportsoort
from monitoring.momentopnamen import eerste_van_de_maand, laad_momentopname_demo
from netwerken.models import (
    Deelname,
    Gebruiker,
    Lidmaatschap,
    Netwerk,
    NetwerkGebruikerRecht,
    NetwerkRegio,
    Organisatie,
    Sector,
)
from netwerken.permissions import RECHTEN_PER_ROL

if TYPE_CHECKING:
    from collections.abc import Sequence

SEED = 20150101
WACHTWOORD = "demo-portaal"  # the same as the demo accounts: the portal can be tried with them
DOMEIN = "benchmark.example"
NETWERK_MERK = "-bench-"
ORGANISATIE_PREFIX = "bench-"
MENUKAART_PREFIX = "bench-mk-"
SYNTHETISCH = "(synthetisch)"
BATCH = 2000

# The synthetic additions at 1×. With the reference data (17 networks) and the demo content
# (19 accounts, 21 actions, 38 menukaart items) the totals are ~60 / ~500 / ~3,000 / ~300.
AANTALLEN_1X: dict[str, int] = {
    "netwerken": 45,
    "gebruikers": 480,
    "acties": 2980,
    "menukaartitems": 262,
    "rapporten": 20,
    "leerpunten": 30,
}
BIJEENKOMSTEN_PER_NETWERK = 3
# The demo accounts take part in every n-th synthetic network (index 0 included).
DEMO_ELKE = 22
ADVISEUR, BCM, PROJECTTEAM = "adviseur@demo.nl", "bcm@demo.nl", "projectteam@demo.nl"


def _afgerond(waarde: float) -> int:
    """Half up, not Python's banker's rounding: 4.5 networks are 5."""
    return math.floor(waarde + 0.5)


def aantallen(schaal: float) -> dict[str, int]:
    """The synthetic rows `schaal` asks for (networks, users, actions, items, reports, leerpunten)."""
    if schaal < 0 or math.isnan(schaal) or math.isinf(schaal):
        raise ValueError(f"Een schaal is een getal vanaf 0, niet {schaal}.")
    return {soort: _afgerond(aantal * schaal) for soort, aantal in AANTALLEN_1X.items()}


def tel() -> dict[str, int]:
    """The synthetic rows in the database, per kind of `aantallen` (plus meetings). Seven queries."""
    return {
        "netwerken": Netwerk.objects.filter(slug__contains=NETWERK_MERK).count(),
        "gebruikers": Gebruiker.objects.filter(email__endswith=f"@{DOMEIN}").count(),
        "acties": Verbeteractie.objects.filter(actieplan__netwerk__slug__contains=NETWERK_MERK).count(),
        "menukaartitems": MenukaartItem.objects.filter(code__startswith=MENUKAART_PREFIX).count(),
        "rapporten": Rapport.objects.filter(titel__contains=SYNTHETISCH).count(),
        "leerpunten": Leerpunt.objects.filter(titel__contains=SYNTHETISCH).count(),
        "bijeenkomsten": Bijeenkomst.objects.filter(netwerk__slug__contains=NETWERK_MERK).count(),
    }


# --- Words for realistic-looking content ----------------------------------------------------------

VOORNAMEN = (
    "Anna", "Bram", "Carla", "Daan", "Eline", "Floris", "Greet", "Hugo", "Iris", "Joost", "Karin", "Lars",
    "Marloes", "Niels", "Olga", "Pieter", "Renske", "Stijn", "Tineke", "Ruben", "Sanne", "Thijs", "Wendy",
    "Youssef", "Fatima", "Mehmet", "Priya", "Jorien", "Koen", "Lieke",
)  # fmt: skip
ACHTERNAMEN = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Haan", "Vermeulen",
)  # fmt: skip
STREKEN = (
    "Noordkust", "Veluwezoom", "Rivierenland", "Kempen", "Westhoek", "Oostgrens", "Polderland", "Heuvelrug",
    "Delta", "Waddenzee", "Peelrand", "Achterhoek", "Zuiderzee", "Duinstreek", "Maasvallei", "Vechtdal",
)  # fmt: skip
BEDRIJFSSOORT = {
    "drinkwater": "Waterbedrijf",
    "elektriciteit": "Netbeheer",
    "gas": "Gasnet",
    "olie": "Olieterminal",
    "ict-telecom": "Telecom",
}
FUNCTIES = (
    "Adviseur crisisbeheersing", "Business-continuitymanager", "Beleidsmedewerker risicobeheersing",
    "Netwerkcoördinator vitale infrastructuur", "Hoofd crisisorganisatie", "Liaison veiligheidsregio",
)  # fmt: skip
ONDERWERPEN = (
    "nooddrinkwater", "noodstroom", "uitgiftepunten", "meldkamercontact", "crisiscommunicatie", "LCMS-toegang",
    "bovenregionale storingen", "zorginstellingen", "evacuatie", "prioritering herstel", "brandstofvoorziening",
    "telecomuitval", "risicoprofiel", "liaisons in het ROT", "24/7-bereikbaarheid", "oefenkalender",
)  # fmt: skip
ACTIEVORMEN = (
    "Afspraken vastleggen over {o}",
    "Gezamenlijke oefening {o}",
    "Draaiboek {o} actualiseren",
    "Scenario-analyse {o} uitwerken",
    "Contactgegevens en route voor {o} borgen",
    "Evaluatie en leerpunten {o}",
)
# Pools for action descriptions: varied enough that unrelated actions share few rare words, as in
# real plans (the toetsbijeenkomst compares texts; a handful of templates would make all alike).
VOORZIENINGEN = (
    "drinkwater",
    "stroom",
    "gas",
    "brandstof",
    "mobiele telefonie",
    "internet",
    "warmte",
    "betalingsverkeer",
)
MIDDELEN = (
    "noodaggregaat", "tankwagen", "satelliettelefoon", "uitgiftepunt", "noodverbinding", "liaison",
    "informatiekaart", "storingskaart", "telefoonboom", "noodnet-aansluiting", "opslagtank", "pendeldienst",
)  # fmt: skip
GEBEURTENISSEN = (
    "hittegolf", "overstroming", "cyberaanval", "stormschade", "graafschade", "brand in een onderstation",
    "vorstperiode", "legionellabesmetting", "stroomstoring", "netcongestie", "leidingbreuk", "uitval van de meldkamer",
)  # fmt: skip
DOELGROEPEN = (
    "zorginstellingen", "scholen", "thuiszorgcliënten", "veehouders", "het waterschap", "de meldkamer",
    "gemeentelijke crisisteams", "dialysepatiënten", "de GHOR", "bedrijventerreinen", "het ziekenhuis",
)  # fmt: skip
KANALEN = (
    "LCMS",
    "NL-Alert",
    "crisis.nl",
    "de regionale omroep",
    "het Nood Communicatie Voorziening-netwerk",
    "de liaison",
)
OEFENVORMEN = ("tabletop-oefening", "veldoefening", "systeemtest", "alarmeringstest", "bestuurlijke oefening")
ZINNEN = (
    "{partner} en de gemeente {gemeente} leggen vast wie bij uitval van {voorziening} de {middel} regelt.",
    "Na de {gebeurtenis} bij {gemeente} bleek de {middel} niet beschikbaar; {partner} werkt dit uit met {doelgroep}.",
    "Doel: {doelgroep} in {gemeente} weten binnen {uren} uur waar zij terechtkunnen als {voorziening} uitvalt.",
    "{partner} levert een {middel} aan het ROT; de afstemming met {doelgroep} loopt via {kanaal}.",
    "Het draaiboek voor een {gebeurtenis} wordt getoetst in een {oefenvorm} met {partner} en {gemeente}.",
    "Informatie over {voorziening} gaat voortaan via {kanaal}, zodat {doelgroep} binnen {uren} uur weten wat te doen.",
)

ITEMSOORTEN = [s for s, _ in MenukaartItem.Soort.choices]
ITEMVORMEN = (
    "Handreiking {o}", "Voorbeeldconvenant {o}", "Pilot {o} in de regio {s}", "Checklist {o}",
    "Factsheet {o}", "Landelijk contactpunt {o}", "Rekenmodel {o}", "Oefenscenario {o}",
)  # fmt: skip


def _kies_gewogen(rnd: random.Random, keuzes: Sequence[tuple[Any, float]]) -> Any:
    return rnd.choices([k for k, _ in keuzes], weights=[g for _, g in keuzes])[0]


def _verdeel(totaal: int, over: int) -> list[int]:
    """`totaal` spread as evenly as possible over `over` parts."""
    if over <= 0:
        return []
    basis, rest = divmod(totaal, over)
    return [basis + (1 if i < rest else 0) for i in range(over)]


def _op(dag: datetime.date, uur: int = 10, minuut: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(uur, minuut), tzinfo=timezone.get_current_timezone())


# --- What exists: reference and demo data -----------------------------------------------------------


@dataclass
class Wereld:
    """Reference and demo objects the generator builds on (loaded once per run)."""

    vandaag: datetime.date
    sectoren: dict[str, Sector]
    themas: list[Thema]
    afspraken: dict[int, list[Samenwerkingsafspraak]]  # sector id -> current agenda items
    regios: list[Organisatie]
    gemeenten_per_regio: dict[int, int]
    ministeries: list[Organisatie]
    overige: list[Organisatie]
    bedrijven: dict[int, list[Organisatie]]  # sector id -> existing companies
    rechten: dict[str, Permission]
    demo: dict[str, Gebruiker]
    nationale_acties: list[Verbeteractie]
    gemeenten: dict[int, list[str]] = field(default_factory=dict)  # region id -> gemeente names
    wachtwoord: str = ""

    @classmethod
    def laad(cls) -> Wereld:
        from django.db.models import Count

        sectoren = {s.slug: s for s in Sector.objects.all()}
        afspraken: dict[int, list[Samenwerkingsafspraak]] = {s.pk: [] for s in sectoren.values()}
        for afspraak in Samenwerkingsafspraak.objects.filter(
            agenda__huidig=True, agenda__status=Agenda.Status.VASTGESTELD
        ).select_related("agenda"):
            afspraken[afspraak.agenda.sector_id].append(afspraak)
        organisaties = list(
            Organisatie.objects.exclude(code__startswith=ORGANISATIE_PREFIX)
            .prefetch_related("sectoren")
            .annotate(aantal_gemeenten=Count("gemeenten"))
        )
        bedrijven: dict[int, list[Organisatie]] = {s.pk: [] for s in sectoren.values()}
        for org in organisaties:
            if org.soort == Organisatie.Soort.VITALE_PARTNER:
                for sector in org.sectoren.all():
                    bedrijven[sector.pk].append(org)
        regios = sorted(
            (o for o in organisaties if o.soort == Organisatie.Soort.VEILIGHEIDSREGIO),
            key=lambda o: o.vr_nummer,
        )
        demo = {g.email: g for g in Gebruiker.objects.filter(email__in=[ADVISEUR, BCM, PROJECTTEAM])}
        if len(demo) != 3 or len(regios) != 25 or not sectoren:
            raise RuntimeError(
                "De referentiedata of de demodata ontbreekt: voer eerst `manage.py laad_referentiedata` "
                "en `manage.py laad_demodata` uit."
            )
        from netwerken.models import Gemeente

        gemeenten: dict[int, list[str]] = {}
        for regio_id, naam in Gemeente.objects.order_by("cbs_code").values_list(
            "veiligheidsregio_id", "naam"
        ):
            gemeenten.setdefault(regio_id, []).append(naam)
        return cls(
            gemeenten=gemeenten,
            vandaag=timezone.localdate(),
            sectoren=sectoren,
            themas=list(Thema.objects.order_by("nummer")),
            afspraken=afspraken,
            regios=regios,
            gemeenten_per_regio={r.pk: r.aantal_gemeenten for r in regios},
            ministeries=[o for o in organisaties if o.soort == Organisatie.Soort.MINISTERIE],
            overige=[o for o in organisaties if o.soort == Organisatie.Soort.OVERIG],
            bedrijven=bedrijven,
            rechten={
                p.codename: p
                for p in Permission.objects.filter(
                    content_type__app_label="netwerken",
                    codename__in=("view_netwerk", "change_netwerk", "beheer_netwerk"),
                )
            },
            demo=demo,
            nationale_acties=list(Verbeteractie.objects.filter(actieplan__landelijk=True).order_by("pk")),
        )

    def organisatie_van(self, gebruiker: Gebruiker) -> Organisatie:
        for org in [*self.regios, *(b for lijst in self.bedrijven.values() for b in lijst)]:
            if org.pk == gebruiker.organisatie_id:
                return org
        raise LookupError(gebruiker.email)


@dataclass
class NetwerkInZicht:
    """A synthetic network with what the generator needs to add members and actions to it."""

    netwerk: Netwerk
    sector: Sector
    organisaties: list[Organisatie]
    leden: list[Gebruiker] = field(default_factory=list)
    coordinator: Gebruiker | None = None
    plan: Actieplan | None = None
    beoordelingen: list[Beoordeling] = field(default_factory=list)

    @classmethod
    def laad(cls, netwerk: Netwerk) -> NetwerkInZicht:
        """An existing synthetic network, for a top-up that adds no networks (five queries)."""
        leden = list(netwerk.lidmaatschappen.select_related("persoon").order_by("pk"))
        return cls(
            netwerk=netwerk,
            sector=netwerk.sectoren.order_by("pk").first(),
            organisaties=[
                d.organisatie for d in netwerk.deelnames.select_related("organisatie").order_by("pk")
            ],
            leden=[lid.persoon for lid in leden],
            coordinator=next((lid.persoon for lid in leden if lid.rol == Lidmaatschap.Rol.COORDINATOR), None),
            plan=Actieplan.objects.filter(netwerk=netwerk).first(),
            beoordelingen=list(netwerk.beoordelingen.order_by("pk")),
        )


# --- The generator ------------------------------------------------------------------------------------


@dataclass
class Verslag:
    """What one run added, and how long it took."""

    schaal: float
    toegevoegd: dict[str, int]
    totaal: dict[str, int]
    seconden: float


@transaction.atomic
def genereer(schaal: float, *, seed: int = SEED) -> Verslag:
    """Top the synthetic data up to `schaal` (see the module docstring). One transaction.

    Refuses to shrink: a database with more synthetic data than `schaal` asks for stays as it is.
    """
    begin = time.perf_counter()
    doel = aantallen(schaal)
    voor = tel()
    te_veel = [soort for soort in doel if voor[soort] > doel[soort]]
    if te_veel:
        raise ValueError(
            f"De database heeft al meer synthetische gegevens ({', '.join(te_veel)}) dan schaal {schaal} "
            "vraagt; een kleinere schaal kan alleen op een lege database."
        )
    wereld = Wereld.laad()
    wereld.wachtwoord = make_password(WACHTWOORD)  # hashed once: every synthetic account shares it
    erbij = {soort: doel[soort] - voor[soort] for soort in doel}

    rnd = random.Random(f"{seed}-menukaart-{voor['menukaartitems']}")
    _menukaartitems(wereld, voor["menukaartitems"], erbij["menukaartitems"], rnd)

    rnd = random.Random(f"{seed}-netwerken-{voor['netwerken']}-{voor['gebruikers']}-{voor['acties']}")
    if erbij["netwerken"]:
        in_zicht = _netwerken(wereld, voor["netwerken"], erbij["netwerken"], rnd)
        nieuw = True
    elif erbij["gebruikers"] or erbij["acties"]:
        # No new networks at this step (a small top-up): the last synthetic network grows.
        laatste = Netwerk.objects.filter(slug__contains=NETWERK_MERK).order_by("-pk").first()
        if laatste is None:
            raise ValueError(
                f"Schaal {schaal} vraagt gebruikers of acties maar geen netwerk om ze in te zetten."
            )
        in_zicht, nieuw = [NetwerkInZicht.laad(laatste)], False
    else:
        in_zicht, nieuw = [], False
    if in_zicht:
        _leden(wereld, in_zicht, voor["gebruikers"], erbij["gebruikers"], rnd, nieuw=nieuw)
        if nieuw:
            _deelnames_en_plannen(wereld, in_zicht, rnd)
        _acties(wereld, in_zicht, erbij["acties"], rnd, nieuw=nieuw)
        if nieuw:
            _bijeenkomsten(wereld, in_zicht, rnd)
    _rapporten_en_leerpunten(wereld, erbij["rapporten"], erbij["leerpunten"], rnd)
    if any(erbij.values()):
        _momentopnamen(wereld)
    na = tel()
    return Verslag(
        schaal=schaal,
        toegevoegd={soort: na[soort] - voor[soort] for soort in na},
        totaal=na,
        seconden=time.perf_counter() - begin,
    )


def _menukaartitems(wereld: Wereld, start: int, aantal: int, rnd: random.Random) -> None:
    if aantal <= 0:
        return
    curator = wereld.demo[PROJECTTEAM]
    sectoren = list(wereld.sectoren.values())
    items, links, thema_rijen, sector_rijen = [], [], [], []
    for i in range(start, start + aantal):
        onderwerp = rnd.choice(ONDERWERPEN)
        titel = rnd.choice(ITEMVORMEN).format(o=onderwerp, s=rnd.choice(STREKEN)) + f" {i + 1}"
        samenvatting = (
            f"Wat netwerken gebruiken bij {onderwerp}: een uitgewerkt voorbeeld met de afspraken tussen "
            f"veiligheidsregio's en vitale partners."
        )
        inhoud = (
            f"## Waarom\n\nBij {onderwerp} lopen regio's en bedrijven tegen dezelfde vragen aan.\n\n"
            f"## Hoe\n\n- afspraken vastleggen\n- **jaarlijks** oefenen\n- contactgegevens actueel houden\n"
        )
        status = _kies_gewogen(
            rnd,
            (
                (MenukaartItem.Status.GEPUBLICEERD, 0.85),
                (MenukaartItem.Status.VOORGESTELD, 0.1),
                (MenukaartItem.Status.GEARCHIVEERD, 0.05),
            ),
        )
        beoordeeld = wereld.vandaag - datetime.timedelta(days=rnd.randint(10, 600))
        gepubliceerd = status != MenukaartItem.Status.VOORGESTELD
        items.append(
            MenukaartItem(
                code=f"{MENUKAART_PREFIX}{i + 1:06d}",
                soort=rnd.choice(ITEMSOORTEN),
                titel=titel,
                samenvatting=samenvatting,
                inhoud=inhoud,
                organisatie=rnd.choice(wereld.regios + wereld.overige),
                contact_naam=f"{rnd.choice(VOORNAMEN)} {rnd.choice(ACHTERNAMEN)}",
                contact_email=f"loket{i + 1}@{DOMEIN}",
                tlp=_kies_gewogen(
                    rnd,
                    (
                        (TLP.CLEAR, 0.6),
                        (TLP.GREEN, 0.25),
                        (TLP.AMBER, 0.1),
                        (TLP.AMBER_STRICT, 0.03),
                        (TLP.RED, 0.02),
                    ),
                ),
                status=status,
                curator=curator if gepubliceerd else None,
                laatst_beoordeeld=beoordeeld if gepubliceerd else None,
                gepubliceerd_op=_op(beoordeeld) if gepubliceerd else None,
                voorgesteld_door=curator,
                # save() keeps these search copies; bulk_create does not call it.
                zoektitel=f" {normaliseer(titel)[:250]} ",
                zoektekst=f" {normaliseer(' '.join((titel, samenvatting, inhoud)))} ",
            )
        )
    MenukaartItem.objects.bulk_create(items, batch_size=BATCH)
    for item in items:
        for thema in rnd.sample(wereld.themas, rnd.randint(1, 3)):
            thema_rijen.append(MenukaartItem.themas.through(menukaartitem_id=item.pk, thema_id=thema.pk))
        for sector in rnd.sample(sectoren, rnd.randint(1, 2)):
            sector_rijen.append(MenukaartItem.sectoren.through(menukaartitem_id=item.pk, sector_id=sector.pk))
        for n in range(rnd.randint(0, 2)):
            links.append(
                Link(
                    item=item,
                    titel=f"Meer informatie {n + 1}",
                    url=f"https://www.{DOMEIN}/{item.code}/{n}",
                    volgorde=n,
                )
            )
    MenukaartItem.themas.through.objects.bulk_create(thema_rijen, batch_size=BATCH)
    MenukaartItem.sectoren.through.objects.bulk_create(sector_rijen, batch_size=BATCH)
    Link.objects.bulk_create(links, batch_size=BATCH)


def _netwerken(wereld: Wereld, start: int, aantal: int, rnd: random.Random) -> list[NetwerkInZicht]:
    """Networks with their synthetic kernpartner, sector, regions and participating organisations."""
    sectoren = list(wereld.sectoren.values())
    drinkwater = wereld.sectoren.get("drinkwater", sectoren[0])
    adviseur_regio = wereld.organisatie_van(wereld.demo[ADVISEUR])
    vitens = wereld.organisatie_van(wereld.demo[BCM])
    bedrijven, netwerken, in_zicht, regio_rijen = [], [], [], []
    for i in range(start, start + aantal):
        met_demo = i % DEMO_ELKE == 0
        sector = drinkwater if met_demo else sectoren[i % len(sectoren)]
        streek = STREKEN[i % len(STREKEN)]
        soort = BEDRIJFSSOORT.get(sector.slug, "Bedrijf")
        bedrijf = Organisatie(
            code=f"{ORGANISATIE_PREFIX}{i + 1:05d}",
            naam=f"{soort} {streek} {i + 1}",
            korte_naam=f"{soort} {streek[:4]}{i + 1}",
            soort=Organisatie.Soort.VITALE_PARTNER,
            betrouwbaarheid="synthetisch",
        )
        bedrijven.append(bedrijf)
        netwerk = Netwerk(
            naam=f"{sector.naam} {bedrijf.korte_naam}",
            slug=f"{sector.slug}{NETWERK_MERK}{i + 1:05d}",
            kernpartner=bedrijf,
            omschrijving=f"Het regionale netwerk {sector.naam.lower()} rond het werkgebied van {bedrijf.naam}.",
        )
        netwerken.append(netwerk)
        regios = rnd.sample(wereld.regios, rnd.randint(3, 6))
        if met_demo and adviseur_regio not in regios:
            regios[0] = adviseur_regio
        coordinerend = adviseur_regio if met_demo else regios[0]
        organisaties = [bedrijf, coordinerend, *(r for r in regios if r != coordinerend)]
        for regio in regios:
            volledig = rnd.random() < 0.7
            totaal = wereld.gemeenten_per_regio[regio.pk]
            regio_rijen.append(
                NetwerkRegio(
                    netwerk=netwerk,
                    veiligheidsregio=regio,
                    dekking=NetwerkRegio.Dekking.VOLLEDIG if volledig else NetwerkRegio.Dekking.DEELS,
                    gemeenten_in_werkgebied=totaal if volledig else max(1, totaal // 2),
                    gemeenten_totaal=totaal,
                )
            )
        if met_demo:
            organisaties.append(vitens)
        elif rnd.random() < 0.4 and wereld.bedrijven[sector.pk]:
            organisaties.append(rnd.choice(wereld.bedrijven[sector.pk]))
        if rnd.random() < 0.5 and wereld.ministeries:
            organisaties.append(rnd.choice(wereld.ministeries))
        if rnd.random() < 0.3 and wereld.overige:
            organisaties.append(rnd.choice(wereld.overige))
        in_zicht.append(NetwerkInZicht(netwerk=netwerk, sector=sector, organisaties=organisaties))
    Organisatie.objects.bulk_create(bedrijven, batch_size=BATCH)
    Organisatie.sectoren.through.objects.bulk_create(
        [
            Organisatie.sectoren.through(organisatie_id=z.organisaties[0].pk, sector_id=z.sector.pk)
            for z in in_zicht
        ],
        batch_size=BATCH,
    )
    bulk_create_with_history(netwerken, Netwerk, batch_size=BATCH)
    Netwerk.sectoren.through.objects.bulk_create(
        [Netwerk.sectoren.through(netwerk_id=z.netwerk.pk, sector_id=z.sector.pk) for z in in_zicht],
        batch_size=BATCH,
    )
    bulk_create_with_history(regio_rijen, NetwerkRegio, batch_size=BATCH)
    return in_zicht


def _leden(
    wereld: Wereld,
    in_zicht: list[NetwerkInZicht],
    start: int,
    aantal: int,
    rnd: random.Random,
    *,
    nieuw: bool,
) -> None:
    """Users at the participating organisations, their memberships and object permissions.

    In a new network the first user (at the coordinating region) is its coordinator; then
    members and observers. The demo accounts join the networks they were planned into.
    """
    gebruikers, lidmaatschappen = [], []
    n = start
    for zicht, per_netwerk in zip(in_zicht, _verdeel(aantal, len(in_zicht)), strict=True):
        met_demo = nieuw and NETWERK_MERK in zicht.netwerk.slug and _index(zicht.netwerk) % DEMO_ELKE == 0
        for j in range(per_netwerk):
            n += 1
            voornaam, achternaam = rnd.choice(VOORNAMEN), rnd.choice(ACHTERNAMEN)
            # The coordinator works at the coordinating region (second in the list), members anywhere.
            organisatie = zicht.organisaties[1] if nieuw and j == 0 else rnd.choice(zicht.organisaties)
            persoon = Gebruiker(
                email=f"{normaliseer(voornaam)}.{normaliseer(achternaam).replace(' ', '')}.{n:06d}@{DOMEIN}",
                naam=f"{voornaam} {achternaam}",
                functie=rnd.choice(FUNCTIES),
                organisatie=organisatie,
                password=wereld.wachtwoord,
            )
            gebruikers.append(persoon)
            if nieuw and j == 0 and not met_demo:
                rol = Lidmaatschap.Rol.COORDINATOR
                zicht.coordinator = persoon
            else:
                rol = Lidmaatschap.Rol.LID if rnd.random() < 0.75 else Lidmaatschap.Rol.WAARNEMER
            lidmaatschappen.append(Lidmaatschap(netwerk=zicht.netwerk, persoon=persoon, rol=rol))
            zicht.leden.append(persoon)
        if met_demo:
            adviseur, bcm = wereld.demo[ADVISEUR], wereld.demo[BCM]
            lidmaatschappen.append(
                Lidmaatschap(netwerk=zicht.netwerk, persoon=adviseur, rol=Lidmaatschap.Rol.COORDINATOR)
            )
            lidmaatschappen.append(Lidmaatschap(netwerk=zicht.netwerk, persoon=bcm, rol=Lidmaatschap.Rol.LID))
            zicht.coordinator = adviseur
            zicht.leden[:0] = [adviseur, bcm]
    Gebruiker.objects.bulk_create(gebruikers, batch_size=BATCH)
    bulk_create_with_history(lidmaatschappen, Lidmaatschap, batch_size=BATCH)
    # The object permissions each role grants, as `netwerken.permissions.werk_rechten_bij` writes them.
    NetwerkGebruikerRecht.objects.bulk_create(
        [
            NetwerkGebruikerRecht(
                user_id=lid.persoon_id, content_object_id=lid.netwerk_id, permission=wereld.rechten[codename]
            )
            for lid in lidmaatschappen
            for codename in RECHTEN_PER_ROL[lid.rol]
        ],
        batch_size=BATCH,
    )


def _index(netwerk: Netwerk) -> int:
    """0-based number of a synthetic network (from its slug)."""
    return int(netwerk.slug.rsplit("-", 1)[1]) - 1


def _deelnames_en_plannen(wereld: Wereld, in_zicht: list[NetwerkInZicht], rnd: random.Random) -> None:
    """Participations with their contact persons, the plans and the toetsing of new networks."""
    deelnames, plannen, beoordelingen = [], [], []
    for zicht in in_zicht:
        contact: dict[int, Gebruiker] = {}
        for persoon in zicht.leden:
            contact.setdefault(persoon.organisatie_id, persoon)
        lead_gezet: set[str] = set()
        for k, org in enumerate(zicht.organisaties):
            if k == 0:
                rol = Deelname.Rol.KERNPARTNER
            elif org.soort == Organisatie.Soort.VEILIGHEIDSREGIO:
                rol = Deelname.Rol.VEILIGHEIDSREGIO
            elif org.soort == Organisatie.Soort.VITALE_PARTNER:
                rol = Deelname.Rol.VITALE_PARTNER
            elif org.soort == Organisatie.Soort.MINISTERIE:
                rol = Deelname.Rol.MINISTERIE
            else:
                rol = Deelname.Rol.OVERIG
            zijde = Deelname.zijde_voor(org)
            lead = zijde != Deelname.Zijde.OVERIG and zijde not in lead_gezet and rnd.random() < 0.5
            if lead:
                lead_gezet.add(zijde)
            deelnames.append(
                Deelname(
                    netwerk=zicht.netwerk,
                    organisatie=org,
                    rol=rol,
                    zijde=zijde,
                    leadpartner=lead,
                    coordinerend=k == 1,
                    contactpersoon=contact.get(org.pk),
                )
            )
        index = _index(zicht.netwerk)
        if index == 0:
            status = Actieplan.Status.TER_INSTEMMING  # the demo accounts' first network: consent open
        elif not zicht.leden:
            status = Actieplan.Status.CONCEPT  # nobody to own actions: a plan cannot be submitted
        else:
            status = _kies_gewogen(
                rnd,
                (
                    (Actieplan.Status.CONCEPT, 0.3),
                    (Actieplan.Status.TER_INSTEMMING, 0.2),
                    (Actieplan.Status.VASTGESTELD, 0.2),
                    (Actieplan.Status.IN_UITVOERING, 0.25),
                    (Actieplan.Status.AFGEROND, 0.05),
                ),
            )
        ingediend = status != Actieplan.Status.CONCEPT
        ingediend_op = _op(wereld.vandaag - datetime.timedelta(days=rnd.randint(20, 300)))
        plan = Actieplan(
            netwerk=zicht.netwerk,
            titel=f"Actieplan {zicht.netwerk.naam}",
            status=status,
            toelichting=f"De verbeteracties uit de toetsing van {zicht.netwerk.naam} aan de agenda {zicht.sector.naam.lower()}.",
            versie=1 if ingediend else 0,
            ingediend_op=ingediend_op if ingediend else None,
            ingediend_door=zicht.coordinator if ingediend else None,
            vastgesteld_op=ingediend_op + datetime.timedelta(days=14)
            if status not in (Actieplan.Status.CONCEPT, Actieplan.Status.TER_INSTEMMING)
            else None,
        )
        plan._history_user = zicht.coordinator  # type: ignore[attr-defined]
        plannen.append(plan)
        zicht.plan = plan
        for afspraak in zicht_afspraken(wereld, zicht):
            if rnd.random() < 0.8:
                beoordeling = Beoordeling(
                    netwerk=zicht.netwerk,
                    sleutel=afspraak.sleutel,
                    afspraak=afspraak,
                    status=_kies_gewogen(
                        rnd,
                        (
                            (Beoordeling.Status.GEREGELD, 0.4),
                            (Beoordeling.Status.DEELS, 0.25),
                            (Beoordeling.Status.OPEN, 0.25),
                            (Beoordeling.Status.NIET_RELEVANT, 0.1),
                        ),
                    ),
                    toelichting="Besproken in het netwerkoverleg; zie het verslag.",
                    beoordeeld_door=zicht.coordinator,
                )
                beoordelingen.append(beoordeling)
                zicht.beoordelingen.append(beoordeling)
    bulk_create_with_history(deelnames, Deelname, batch_size=BATCH)
    bulk_create_with_history(plannen, Actieplan, batch_size=BATCH)
    Beoordeling.objects.bulk_create(beoordelingen, batch_size=BATCH)


def zicht_afspraken(wereld: Wereld, zicht: NetwerkInZicht) -> list[Samenwerkingsafspraak]:
    return wereld.afspraken.get(zicht.sector.pk, [])


def _financiering(rnd: random.Random) -> dict[str, Any]:
    if rnd.random() < 0.4:
        return {"uit_bestaande_capaciteit": True, "kostenraming": None}
    aandelen = dict.fromkeys(Verbeteractie.AANDELEN, Decimal(0))
    for veld in rnd.sample(Verbeteractie.AANDELEN, rnd.randint(1, 3)):
        aandelen[veld] = Decimal(rnd.randint(1, 40) * 500)
    return {"uit_bestaande_capaciteit": False, "kostenraming": sum(aandelen.values(), Decimal(0)), **aandelen}


def _omschrijving(rnd: random.Random, zicht: NetwerkInZicht, plaatsen: list[str]) -> str:
    """Two sentences about partners, places, services, means and target groups of the network."""
    partners = [str(org) for org in zicht.organisaties]
    return " ".join(
        zin.format(
            partner=rnd.choice(partners),
            gemeente=rnd.choice(plaatsen),
            voorziening=rnd.choice(VOORZIENINGEN),
            middel=rnd.choice(MIDDELEN),
            gebeurtenis=rnd.choice(GEBEURTENISSEN),
            doelgroep=rnd.choice(DOELGROEPEN),
            kanaal=rnd.choice(KANALEN),
            oefenvorm=rnd.choice(OEFENVORMEN),
            uren=rnd.choice((4, 8, 12, 24, 48)),
        )
        for zin in rnd.sample(ZINNEN, 2)
    )


VOORTGANG = {
    Verbeteractie.Status.NIET_GESTART: (0, 0),
    Verbeteractie.Status.IN_UITVOERING: (5, 90),
    Verbeteractie.Status.GEREED: (100, 100),
    Verbeteractie.Status.VERTRAAGD: (10, 80),
    Verbeteractie.Status.VERVALLEN: (0, 50),
}


def _acties(
    wereld: Wereld, in_zicht: list[NetwerkInZicht], aantal: int, rnd: random.Random, *, nieuw: bool
) -> None:
    """Actions spread over the plans, with milestones, updates, recipients, links and frozen versions."""
    acties: list[Verbeteractie] = []
    items = list(
        MenukaartItem.objects.filter(status=MenukaartItem.Status.GEPUBLICEERD)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for zicht, per_plan in zip(in_zicht, _verdeel(aantal, len(in_zicht)), strict=True):
        if zicht.plan is None:  # an existing network without a plan (not made by this generator)
            zicht.plan = Actieplan.objects.create(
                netwerk=zicht.netwerk, titel=f"Actieplan {zicht.netwerk.naam}"
            )
        afspraken = zicht_afspraken(wereld, zicht)
        open_items = [b for b in zicht.beoordelingen if b.vraagt_actie]
        plaatsen = [g for org in zicht.organisaties for g in wereld.gemeenten.get(org.pk, [])] or ["Utrecht"]
        eigenaars = zicht.leden
        for k in range(per_plan):
            status = _kies_gewogen(
                rnd,
                (
                    (Verbeteractie.Status.NIET_GESTART, 0.25),
                    (Verbeteractie.Status.IN_UITVOERING, 0.4),
                    (Verbeteractie.Status.GEREED, 0.2),
                    (Verbeteractie.Status.VERTRAAGD, 0.1),
                    (Verbeteractie.Status.VERVALLEN, 0.05),
                ),
            )
            laag, hoog = VOORTGANG[status]
            start = wereld.vandaag - datetime.timedelta(days=rnd.randint(-60, 400))
            eind = start + datetime.timedelta(days=rnd.randint(30, 500))
            beoordeling = open_items[k] if k < len(open_items) else None
            afspraak = (
                beoordeling.afspraak
                if beoordeling
                else (rnd.choice(afspraken) if afspraken and rnd.random() < 0.3 else None)
            )
            thema = afspraak.thema if afspraak else rnd.choice(wereld.themas)
            onderwerp = rnd.choice(ONDERWERPEN)
            eigenaar = rnd.choice(eigenaars) if eigenaars else None
            landelijk = rnd.random() < 0.03 and bool(wereld.nationale_acties)
            actie = Verbeteractie(
                actieplan=zicht.plan,
                titel=f"{rnd.choice(ACTIEVORMEN).format(o=onderwerp)} ({rnd.choice(plaatsen)})",
                omschrijving=_omschrijving(rnd, zicht, plaatsen),
                thema=thema,
                afspraak=afspraak,
                beoordeling=beoordeling,
                organisatie_id=eigenaar.organisatie_id if eigenaar else None,
                eigenaar=eigenaar,
                startdatum=start,
                einddatum=eind,
                status=status,
                voortgang=rnd.randint(laag, hoog),
                tlp=_kies_gewogen(
                    rnd,
                    (
                        (TLP.AMBER, 0.7),
                        (TLP.GREEN, 0.15),
                        (TLP.CLEAR, 0.08),
                        (TLP.AMBER_STRICT, 0.04),
                        (TLP.RED, 0.03),
                    ),
                ),
                landelijk_oppakken=landelijk,
                landelijke_actie=rnd.choice(wereld.nationale_acties) if landelijk else None,
                **_financiering(rnd),
            )
            actie._history_user = eigenaar or zicht.coordinator  # type: ignore[attr-defined]
            acties.append(actie)
    bulk_create_with_history(acties, Verbeteractie, batch_size=BATCH)

    mijlpalen, updates, ontvangers, koppelingen = [], [], [], []
    for actie in acties:
        if rnd.random() < 0.3:
            for m in range(rnd.randint(1, 3)):
                datum = actie.startdatum + datetime.timedelta(
                    days=(m + 1) * max(1, (actie.einddatum - actie.startdatum).days // 4)
                )
                mijlpalen.append(
                    Mijlpaal(
                        actie=actie,
                        datum=datum,
                        omschrijving=f"Mijlpaal {m + 1}: tussenresultaat opgeleverd",
                        gereed=datum < wereld.vandaag,
                    )
                )
        if actie.status != Verbeteractie.Status.NIET_GESTART and rnd.random() < 0.4:
            for u in range(rnd.randint(1, 2)):
                updates.append(
                    Voortgangsupdate(
                        actie=actie,
                        datum=min(wereld.vandaag, actie.startdatum + datetime.timedelta(days=30 * (u + 1))),
                        status=actie.status,
                        voortgang=actie.voortgang,
                        notitie="Voortgang besproken in het netwerkoverleg.",
                        door=actie.eigenaar,
                    )
                )
        if actie.tlp == TLP.RED and actie.eigenaar_id:
            ontvangers.append(
                Verbeteractie.tlp_ontvangers.through(
                    verbeteractie_id=actie.pk, gebruiker_id=actie.eigenaar_id
                )
            )
        if items and rnd.random() < 0.1:
            koppelingen.append(
                ActieKoppeling(verbeteractie=actie, item_id=rnd.choice(items), gekoppeld_door=actie.eigenaar)
            )
    Mijlpaal.objects.bulk_create(mijlpalen, batch_size=BATCH)
    Voortgangsupdate.objects.bulk_create(updates, batch_size=BATCH)
    Verbeteractie.tlp_ontvangers.through.objects.bulk_create(ontvangers, batch_size=BATCH)
    ActieKoppeling.objects.bulk_create(koppelingen, batch_size=BATCH)
    if nieuw:
        _versies_en_instemmingen(in_zicht, acties, rnd)


def _versies_en_instemmingen(
    in_zicht: list[NetwerkInZicht], acties: list[Verbeteractie], rnd: random.Random
) -> None:
    """Submitted plans: the frozen version 1 (as `services.momentopname` writes it) and the consents."""
    per_plan: dict[int, list[Verbeteractie]] = {}
    for actie in acties:
        per_plan.setdefault(actie.actieplan_id, []).append(actie)
    deelnames = Deelname.objects.filter(netwerk__in=[z.netwerk for z in in_zicht]).order_by("pk")
    per_netwerk: dict[int, list[Deelname]] = {}
    for deelname in deelnames:
        per_netwerk.setdefault(deelname.netwerk_id, []).append(deelname)
    versies, instemmingen = [], []
    for zicht in in_zicht:
        plan = zicht.plan
        if plan is None or plan.versie == 0:
            continue
        versies.append(
            PlanVersie(
                actieplan=plan,
                versie=1,
                ingediend_op=plan.ingediend_op,
                ingediend_door=plan.ingediend_door,
                inhoud={
                    "acties": [
                        {
                            "id": a.pk,
                            "titel": a.titel,
                            "eigenaar": str(a.eigenaar or ""),
                            "organisatie": "",
                            "einddatum": a.einddatum.isoformat() if a.einddatum else None,
                            "kostenraming": str(a.kostenraming) if a.kostenraming is not None else None,
                            "aandelen": {veld: str(getattr(a, veld)) for veld in Verbeteractie.AANDELEN},
                            "uit_bestaande_capaciteit": a.uit_bestaande_capaciteit,
                        }
                        for a in per_plan.get(plan.pk, [])
                    ]
                },
            )
        )
        alle = plan.status != Actieplan.Status.TER_INSTEMMING
        for deelname in per_netwerk.get(zicht.netwerk.pk, []):
            # Ter instemming: about half consented (never the demo member's Vitens in the first network).
            if not alle and (_index(zicht.netwerk) == 0 or rnd.random() < 0.5):
                continue
            door = deelname.contactpersoon or zicht.coordinator
            if door is None:
                continue
            instemmingen.append(
                Instemming(
                    actieplan=plan,
                    versie=1,
                    organisatie_id=deelname.organisatie_id,
                    besluit=Instemming.Besluit.INSTEMMING,
                    door=door,
                    namens=deelname.contactpersoon_id is None,
                    op=plan.ingediend_op + datetime.timedelta(days=rnd.randint(1, 13)),
                )
            )
    PlanVersie.objects.bulk_create(versies, batch_size=BATCH)
    Instemming.objects.bulk_create(instemmingen, batch_size=BATCH)


def _bijeenkomsten(wereld: Wereld, in_zicht: list[NetwerkInZicht], rnd: random.Random) -> None:
    """Per new network a past meeting (minutes, attendance, a decision) and two coming ones."""
    bijeenkomsten, genodigden, punten, besluiten = [], [], [], []
    acties_per_plan: dict[int, list[int]] = {}
    for pk, plan_id in Verbeteractie.objects.filter(
        actieplan__in=[z.plan for z in in_zicht if z.plan]
    ).values_list("pk", "actieplan_id"):
        acties_per_plan.setdefault(plan_id, []).append(pk)
    for zicht in in_zicht:
        afspraken = zicht_afspraken(wereld, zicht)
        for n, dagen in enumerate(
            (-rnd.randint(10, 300), rnd.randint(3, 60), rnd.randint(61, 200))[:BIJEENKOMSTEN_PER_NETWERK]
        ):
            begin = _op(wereld.vandaag + datetime.timedelta(days=dagen), uur=rnd.choice((9, 10, 13, 14)))
            voorbij = dagen < 0
            bijeenkomst = Bijeenkomst(
                soort=Bijeenkomst.Soort.NETWERK,
                titel=f"Netwerkoverleg {zicht.netwerk.naam} ({n + 1})",
                netwerk=zicht.netwerk,
                begin=begin,
                einde=begin + datetime.timedelta(hours=2, minutes=30),
                locatie=f"Kantoor {zicht.organisaties[1]}",
                toelichting="Voortgang van het actieplan en de toetsing.",
                notulen="De partners bespraken de voortgang; de acties lopen volgens plan."
                if voorbij
                else "",
                notulen_vastgelegd_op=begin + datetime.timedelta(days=2) if voorbij else None,
                notulen_vastgelegd_door=zicht.coordinator if voorbij else None,
                georganiseerd_door=zicht.coordinator,
            )
            bijeenkomsten.append(bijeenkomst)
            for persoon in zicht.leden:
                antwoord = _kies_gewogen(
                    rnd,
                    (
                        (Genodigde.Antwoord.GEEN, 0.3),
                        (Genodigde.Antwoord.ACCEPTEERT, 0.5),
                        (Genodigde.Antwoord.ONDER_VOORBEHOUD, 0.1),
                        (Genodigde.Antwoord.AFGEMELD, 0.1),
                    ),
                )
                genodigden.append(
                    Genodigde(
                        bijeenkomst=bijeenkomst,
                        gebruiker=persoon,
                        antwoord=antwoord,
                        beantwoord_op=None
                        if antwoord == Genodigde.Antwoord.GEEN
                        else begin - datetime.timedelta(days=5),
                        aanwezig=(antwoord == Genodigde.Antwoord.ACCEPTEERT) if voorbij else None,
                        uitgenodigd_door=zicht.coordinator,
                    )
                )
            acties = acties_per_plan.get(zicht.plan.pk if zicht.plan else 0, [])
            punten.append(Agendapunt(bijeenkomst=bijeenkomst, volgorde=1, titel="Opening en mededelingen"))
            if afspraken:
                afspraak = rnd.choice(afspraken)
                punten.append(
                    Agendapunt(
                        bijeenkomst=bijeenkomst,
                        volgorde=2,
                        titel=f"Toetsing: {afspraak.titel}"[:200],
                        afspraak=afspraak,
                    )
                )
            if acties:
                punten.append(
                    Agendapunt(
                        bijeenkomst=bijeenkomst,
                        volgorde=3,
                        titel="Voortgang verbeteractie",
                        verbeteractie_id=rnd.choice(acties),
                    )
                )
            if voorbij:
                besluiten.append(
                    Besluit(
                        bijeenkomst=bijeenkomst,
                        volgnummer=1,
                        tekst="Het netwerk stelt het verslag van de vorige bijeenkomst vast.",
                        vastgelegd_door=zicht.coordinator,
                    )
                )
    Bijeenkomst.objects.bulk_create(bijeenkomsten, batch_size=BATCH)
    Genodigde.objects.bulk_create(genodigden, batch_size=BATCH)
    Agendapunt.objects.bulk_create(punten, batch_size=BATCH)
    Besluit.objects.bulk_create(besluiten, batch_size=BATCH)


def _rapporten_en_leerpunten(wereld: Wereld, rapporten: int, leerpunten: int, rnd: random.Random) -> None:
    projectteam = wereld.demo[PROJECTTEAM]
    sectoren = list(wereld.sectoren.values())
    rijen = []
    for n in range(max(rapporten, 0)):
        maand = eerste_van_de_maand(wereld.vandaag - datetime.timedelta(days=31 * (n % 24 + 1)))
        tot = (maand + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        cvi = n % 3 == 2
        gelukt = rnd.random() < 0.9
        rijen.append(
            Rapport(
                soort=Rapportsoort.CVI if cvi else Rapportsoort.STUURGROEP,
                titel=f"{'Rapportage CVI' if cvi else 'Voortgangsrapportage stuurgroep'} {maand:%m-%Y} {SYNTHETISCH}",
                sector=rnd.choice(sectoren) if cvi else None,
                periode_van=maand,
                periode_tot=tot,
                status=Rapport.Status.GEREED if gelukt else Rapport.Status.MISLUKT,
                voortgang=100 if gelukt else 40,
                fout=""
                if gelukt
                else "Er ging iets mis bij het maken van de rapportage; er is geen bestand opgeslagen.",
                paginas=rnd.randint(12, 30) if gelukt else None,
                duur_ms=rnd.randint(1500, 4000) if gelukt else None,
                aangevraagd_door=projectteam,
                aangevraagd_op=_op(tot + datetime.timedelta(days=1), uur=6),
            )
        )
    Rapport.objects.bulk_create(rijen, batch_size=BATCH)
    netwerken = list(Netwerk.objects.filter(slug__contains=NETWERK_MERK).order_by("pk")[:200])
    Leerpunt.objects.bulk_create(
        [
            Leerpunt(
                titel=f"Vroeg een liaison van de vitale partner in het ROT {SYNTHETISCH}",
                toelichting="Waar de partner vanaf GRIP 2 aanschoof, liep de informatie-uitwisseling beter.",
                sector=rnd.choice(sectoren),
                netwerk=rnd.choice(netwerken) if netwerken else None,
                thema=rnd.choice(wereld.themas),
                datum=wereld.vandaag - datetime.timedelta(days=rnd.randint(0, 700)),
                opgesteld_door=projectteam,
            )
            for _ in range(max(leerpunten, 0))
        ],
        batch_size=BATCH,
    )


def _momentopnamen(wereld: Wereld) -> None:
    """The 24 demo snapshots again, from today's (larger) figures, and this month's real one anew.

    This month's snapshot was taken when the demo data was loaded; in the benchmark database it is
    replaced, so the trend ends at the figures the pages now show.
    """
    Momentopname.objects.filter(datum=eerste_van_de_maand(wereld.vandaag)).delete()
    laad_momentopname_demo(vandaag=wereld.vandaag)
