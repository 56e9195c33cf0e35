"""A small programme with known content for the dashboard, figures and snapshot tests.

`programma` builds, through the services:
- sectors drinkwater (agenda of 6 items), elektriciteit (agenda of 4 items), gas (no agenda) and
  olie (no networks); the eight themes;
- drinkwater-a (drinkwater): six actions (gereed, overdue, vertraagd from existing capacity, a
  future one, a TLP:RED overdue one for its member `lid` and the project-team member `ontvanger`,
  a cancelled one), plan concept, three assessments;
- drinkwater-b (drinkwater): two actions and a TLP:RED finished one, plan ter instemming with the
  consent of one of its two organisations, one assessment;
- energie-c (elektriciteit and gas): two actions, plan vastgesteld;
- an adopted role description signed by 3 of 25 regions, three programme milestones, three
  leerpunten, three programme contributions;
- people: `projectteam`, `ontvanger` (project team and RED recipient in drinkwater-a),
  `stuurgroep`, `lid` (member of drinkwater-a only), `buiten` (no network).

`reken` holds plain-Python counts over the objects (the §4 visibility rule written out), so the
tests compare `monitoring.cijfers` with an independent computation.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from actieplannen import services as plan_services
from actieplannen.models import TLP, Actieplan, Beoordeling, Instemming, Verbeteractie
from agenda.models import Samenwerkingsafspraak, Thema
from monitoring.models import Leerpunt, Programmabijdrage, Programmamijlpaal
from netwerken import services as netwerk_services
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk, Organisatie, Sector
from tests.factories import (
    GebruikerFactory,
    RegioFactory,
    SectorFactory,
    maak_agenda,
    maak_lid,
    maak_netwerk,
    maak_vastgestelde_rolbeschrijving,
)

VANDAAG = timezone.localdate


def dag(dagen: int) -> datetime.date:
    return VANDAAG() + datetime.timedelta(days=dagen)


@dataclass
class Netwerkje:
    netwerk: Netwerk
    plan: Actieplan
    coordinator: Gebruiker
    lid: Gebruiker
    regio: Organisatie


@dataclass
class Programma:
    netwerken: dict[str, Netwerkje]
    projectteam: Gebruiker
    ontvanger: Gebruiker
    stuurgroep: Gebruiker
    lid: Gebruiker
    buiten: Gebruiker
    sectoren: dict[str, Sector] = field(default_factory=dict)


def _in_groep(persoon: Gebruiker, naam: str) -> Gebruiker:
    persoon.groups.add(Group.objects.get(name=naam))
    return Gebruiker.objects.get(pk=persoon.pk)  # fresh: no cached group flags


def maak_programmanetwerk(slug: str, sectoren: list[Sector], regio_nummer: int) -> Netwerkje:
    regio = RegioFactory(vr_nummer=regio_nummer)
    netwerk = maak_netwerk(slug=slug, regio=regio)
    netwerk.sectoren.set(sectoren)
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR, organisatie=regio)
    lid = maak_lid(netwerk, Lidmaatschap.Rol.LID)
    netwerk_services.zet_contactpersoon(netwerk.deelnames.get(organisatie=regio), coordinator, actor=None)
    netwerk_services.zet_contactpersoon(
        netwerk.deelnames.get(organisatie=netwerk.kernpartner), lid, actor=None
    )
    plan = plan_services.zorg_voor_actieplan(netwerk, actor=coordinator)
    return Netwerkje(netwerk, plan, coordinator, lid, regio)


def voeg_actie_toe(
    n: Netwerkje,
    titel: str,
    thema: int,
    status: str,
    eind: int,
    geld: tuple[int, int, int, int] | None = (0, 0, 0, 0),
    *,
    start: int | None = None,
    rood_voor: list[Gebruiker] | None = None,
) -> Verbeteractie:
    """An action owned by the network's member at the kernpartner; `geld=None`: existing capacity."""
    if geld is None:
        financiering = {"uit_bestaande_capaciteit": True}
    else:
        bedrijf, regio, ministerie, overig = (Decimal(b) for b in geld)
        financiering = {
            "kostenraming": bedrijf + regio + ministerie + overig,
            "aandeel_bedrijf": bedrijf,
            "aandeel_regio": regio,
            "aandeel_ministerie": ministerie,
            "aandeel_overig": overig,
        }
    extra = {"tlp": TLP.RED, "tlp_ontvangers": rood_voor} if rood_voor else {}
    return plan_services.voeg_actie_toe(
        n.plan,
        actor=n.coordinator,
        titel=titel,
        thema=Thema.objects.get(nummer=thema),
        organisatie=n.netwerk.kernpartner,
        eigenaar=n.lid,
        status=status,
        startdatum=dag(start) if start is not None else None,
        einddatum=dag(eind),
        **financiering,
        **extra,
    )


def beoordeel(n: Netwerkje, sector: str, statussen: list[str]) -> None:
    afspraken = Samenwerkingsafspraak.objects.filter(
        agenda__sector__slug=sector, agenda__huidig=True
    ).order_by("rang")
    for afspraak, status in zip(afspraken, statussen, strict=False):
        plan_services.beoordeel(
            n.netwerk, afspraak, status=status, toelichting="Toelichting.", actor=n.coordinator
        )


def bouw_programma() -> Programma:
    drinkwater = maak_agenda("drinkwater", afspraken=6, status="vastgesteld").sector
    elektriciteit = maak_agenda("elektriciteit", afspraken=4, status="vastgesteld").sector
    gas = SectorFactory(slug="gas", naam="Gas")
    olie = SectorFactory(slug="olie", naam="Olie")
    for volgorde, sector in enumerate([drinkwater, elektriciteit, gas, olie]):
        Sector.objects.filter(pk=sector.pk).update(volgorde=volgorde)

    a = maak_programmanetwerk("drinkwater-a", [drinkwater], 1)
    b = maak_programmanetwerk("drinkwater-b", [drinkwater], 2)
    c = maak_programmanetwerk("energie-c", [elektriciteit, gas], 3)

    projectteam = _in_groep(GebruikerFactory(), "Projectteam")
    ontvanger = _in_groep(maak_lid(a.netwerk, Lidmaatschap.Rol.LID), "Projectteam")
    stuurgroep = _in_groep(GebruikerFactory(), "Stuurgroep")
    buiten = GebruikerFactory()

    g, i, v, n, x = "gereed", "in_uitvoering", "vertraagd", "niet_gestart", "vervallen"
    voeg_actie_toe(a, "Actie A1 gereed", 1, g, -10, (1000, 0, 0, 0))
    voeg_actie_toe(a, "Actie A2 te laat", 1, i, -5, (0, 500, 0, 0))
    voeg_actie_toe(a, "Actie A3 vertraagd", 2, v, 30, None)
    voeg_actie_toe(a, "Actie A4 later", 3, n, 200, (0, 0, 0, 0), start=100)
    voeg_actie_toe(a, "Geheime actie A5", 2, i, -3, (0, 0, 7000, 0), rood_voor=[a.lid, ontvanger])
    voeg_actie_toe(a, "Actie A6 vervallen", 4, x, -100, (0, 0, 0, 0))
    beoordeel(a, "drinkwater", ["geregeld", "open", "niet_relevant"])

    voeg_actie_toe(b, "Actie B1 loopt", 5, i, 20, (0, 0, 0, 2000))
    voeg_actie_toe(b, "Actie B2 nog niet", 5, n, 60, (250, 250, 0, 0), start=10)
    voeg_actie_toe(b, "Geheime actie B3", 6, g, -20, (0, 0, 0, 900), rood_voor=[b.lid])
    beoordeel(b, "drinkwater", ["deels"])
    plan_services.dien_in(b.plan, actor=b.coordinator)
    plan_services.spreek_uit(
        b.plan, organisatie=b.regio, besluit=Instemming.Besluit.INSTEMMING, actor=b.coordinator
    )

    voeg_actie_toe(c, "Actie C1 klaar", 7, g, -30, (1000, 2000, 0, 0))
    voeg_actie_toe(c, "Actie C2 bezig", 8, i, 10, (0, 0, 0, 0))
    plan_services.dien_in(c.plan, actor=c.coordinator)
    for organisatie, door in [(c.regio, c.coordinator), (c.netwerk.kernpartner, c.lid)]:
        plan_services.spreek_uit(
            c.plan, organisatie=organisatie, besluit=Instemming.Besluit.INSTEMMING, actor=door
        )

    maak_vastgestelde_rolbeschrijving(reacties=0, ondertekend=3)

    Programmamijlpaal.objects.create(
        code="actieplannen", resultaat="Actieplannen", omschrijving="Alle plannen vastgesteld",
        gereed_uiterlijk=datetime.date(2016, 12, 31),
    )  # fmt: skip
    Programmamijlpaal.objects.create(
        code="rol_ondertekend", resultaat="Rolbeschrijving", omschrijving="Ondertekend door 25 besturen",
        gereed_uiterlijk=datetime.date(2016, 12, 31), behaald_op=datetime.date(2016, 11, 1),
    )  # fmt: skip
    Programmamijlpaal.objects.create(
        code="agenda", resultaat="Agenda per sector", omschrijving="Agenda's vastgesteld",
        gereed_uiterlijk=dag(100),
    )  # fmt: skip
    Programmamijlpaal.objects.create(
        code="iets-anders", resultaat="Overig", omschrijving="Zonder meting", gereed_uiterlijk=dag(5)
    )

    Leerpunt.objects.create(titel="Leerpunt drinkwater", sector=drinkwater, datum=datetime.date(2026, 3, 1))
    Leerpunt.objects.create(titel="Leerpunt energie-c", netwerk=c.netwerk, datum=datetime.date(2025, 6, 1))
    Leerpunt.objects.create(titel="Leerpunt algemeen", datum=VANDAAG())

    regio1, regio2 = RegioFactory(vr_nummer=1), RegioFactory(vr_nummer=2)
    Programmabijdrage.objects.create(
        veiligheidsregio=regio1, jaar=2026, ontvangen_op=datetime.date(2026, 2, 1)
    )
    Programmabijdrage.objects.create(veiligheidsregio=regio2, jaar=2026)
    Programmabijdrage.objects.create(
        veiligheidsregio=regio1, jaar=2025, bedrag=Decimal("3500.00"), ontvangen_op=datetime.date(2025, 3, 1)
    )

    return Programma(
        netwerken={"a": a, "b": b, "c": c},
        projectteam=projectteam,
        ontvanger=ontvanger,
        stuurgroep=stuurgroep,
        lid=a.lid,
        buiten=buiten,
        sectoren={s.slug: s for s in Sector.objects.all()},
    )


def voeg_netwerken_toe(aantal: int, *, begin: int = 10) -> None:
    """`aantal` more drinkwater networks, each with four actions (one RED), assessments and a plan."""
    drinkwater = Sector.objects.get(slug="drinkwater")
    for nummer in range(begin, begin + aantal):
        n = maak_programmanetwerk(f"drinkwater-extra-{nummer}", [drinkwater], 4 + nummer % 20)
        voeg_actie_toe(n, f"Extra {nummer} een", 1 + nummer % 8, "in_uitvoering", -2, (100, 0, 0, 0))
        voeg_actie_toe(n, f"Extra {nummer} twee", 1 + (nummer + 1) % 8, "gereed", 5, (0, 100, 0, 0))
        voeg_actie_toe(n, f"Extra {nummer} drie", 1 + (nummer + 2) % 8, "niet_gestart", 50, None)
        voeg_actie_toe(n, f"Extra {nummer} geheim", 2, "vertraagd", -1, (0, 0, 5, 0), rood_voor=[n.lid])
        beoordeel(n, "drinkwater", ["geregeld", "deels"])


@pytest.fixture
def programma(db) -> Programma:
    return bouw_programma()


# --- Independent counts ------------------------------------------------------------------------------


def mag_zien(actie: Verbeteractie, gebruiker: Gebruiker) -> bool:
    """§4 written out: the stuurgroep never sees RED; the project team only as a named recipient."""
    if actie.tlp != TLP.RED:
        return True
    if gebruiker.groups.filter(name="Projectteam").exists():
        return actie.tlp_ontvangers.filter(pk=gebruiker.pk).exists()
    return False


def zichtbare_acties(gebruiker: Gebruiker) -> list[Verbeteractie]:
    return [
        a
        for a in Verbeteractie.objects.select_related("actieplan__netwerk", "thema").order_by("pk")
        if mag_zien(a, gebruiker)
    ]


def is_te_laat(actie: Verbeteractie) -> bool:
    return (
        actie.einddatum is not None
        and actie.einddatum < VANDAAG()
        and actie.status not in ("gereed", "vervallen")
    )


def tel(acties: list[Verbeteractie]) -> tuple[Counter, int]:
    """Actions by status, and the number overdue."""
    return Counter(a.status for a in acties), sum(1 for a in acties if is_te_laat(a))


def per_netwerk(acties: list[Verbeteractie]) -> dict[str, list[Verbeteractie]]:
    groepen: dict[str, list[Verbeteractie]] = defaultdict(list)
    for a in acties:
        groepen[a.actieplan.netwerk.slug].append(a)
    return groepen


def toetsing_van(netwerk: Netwerk) -> tuple[int, int]:
    """(assessed, total) over the items of the current agendas of the network's sectors."""
    sectoren = set(netwerk.sectoren.values_list("pk", flat=True))
    items = [
        a
        for a in Samenwerkingsafspraak.objects.select_related("agenda")
        if a.agenda.huidig and a.agenda.sector_id in sectoren
    ]
    sleutels = {b.sleutel for b in Beoordeling.objects.filter(netwerk=netwerk)}
    return sum(1 for a in items if a.sleutel in sleutels), len(items)
