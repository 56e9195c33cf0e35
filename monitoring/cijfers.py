"""The programme's figures for the dashboard, the PDF reports and the monthly snapshots (§5, §6).

API (stable; reports and the snapshot job build on it)
------------------------------------------------------
``mag_monitoring_zien(gebruiker) -> bool``
    Project team (and administrators) and stuurgroep/CVI users; nobody else.

``bereken(gebruiker, *, sector=None, van=None, tot=None, vandaag=None) -> Cijfers``
    All figures as this user may see them. Raises ``PermissionDenied`` for anyone else.
    A fixed number of queries (9), whatever the number of networks, actions or snapshots.

``bereken_geaggregeerd(*, sector=None, van=None, tot=None, vandaag=None) -> Cijfers``
    The stuurgroep/CVI view without a user (all networks, TLP:RED never counted): for reports.

``momentopname_cijfers(vandaag=None) -> dict``
    JSON-able aggregates over all networks, never counting TLP:RED; what a `Momentopname` stores.

``trend_uit_momentopnamen(opnamen, sector=None) -> list[Trendpunt]``
    The trend points of stored snapshots (for one sector when given).

What the user sees (§4, issue 6 item 3)
    * Project team: every network, the actions of ``Verbeteractie.objects.visible_to(user)``
      (TLP:RED only where he is a named recipient); ``Cijfers.details`` is true, so pages may
      link to networks.
    * Stuurgroep/CVI: aggregates over all networks, TLP:RED actions never counted (they cannot
      see any); ``Cijfers.details`` is false: show no links and no individual actions.
    ``Cijfers`` itself never holds an action's title or content, only counts and sums.

Filters
    * ``sector``: the networks that have this sector. A network with several sectors (the
      national network has all of them) counts in each of its sectors; a total counts each
      action once.
    * ``van``/``tot`` (inclusive): the actions whose planning overlaps the period (from the start
      date, or the day it was made, to the due date; no due date: still running), the leerpunten
      dated in the period, the snapshots of the trend and the contributions of its years.
      Statuses, plans, toetsing, consent and signatures are always today's state.

Definitions
    * *te laat*: not gereed/vervallen and the due date before today.
    * *% afgerond*: gereed / (all − vervallen), rounded; ``None`` without actions.
    * toetsing: assessed items of the current agendas of the network's sectors, of all those
      items (as ``actieplannen.services.toetsingsstand``).
    * consent: of the plans *ter instemming*, participating organisations that consented to the
      current version, of all participating organisations.
    * milestones: *behaald* when ``behaald_op`` is set, else *te laat* after ``gereed_uiterlijk``,
      else *op schema*; known codes get a measurement (``MIJLPAALMETINGEN``).

Reading the tree: ``Cijfers.acties`` (totals), ``per_sector``, ``per_netwerk``, ``per_thema``
(each with an ``Actietelling``), ``warmtekaart``, ``plannen``, ``mijlpalen``, ``toetsing``,
``instemming``, ``ondertekeningen``, ``financiering``, ``trend``, ``leerpunten``, ``bijdragen``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from actieplannen.models import TLP, Actieplan, Beoordeling, Instemming, Verbeteractie
from agenda.models import (
    POSITIEVE_BESLUITEN,
    Agenda,
    Ondertekening,
    Orgaan,
    Rolbeschrijving,
    RolVaststelling,
    Samenwerkingsafspraak,
    Thema,
)
from menukaart.models import MenukaartItem
from netwerken.models import Deelname, Netwerk, Organisatie, Sector

from .models import Leerpunt, Momentopname, Programmabijdrage, Programmamijlpaal

if TYPE_CHECKING:
    from collections.abc import Iterable

    from netwerken.models import Gebruiker

ACTIESTATUSSEN: tuple[tuple[str, str], ...] = tuple(Verbeteractie.Status.choices)
PLANSTATUSSEN: tuple[tuple[str, str], ...] = tuple(Actieplan.Status.choices)
GEEN_PLAN = "geen"  # a network that has no plan yet: shown as its own plan status
PLANSTATUSSEN_MET_GEEN: tuple[tuple[str, str], ...] = ((GEEN_PLAN, "nog geen plan"), *PLANSTATUSSEN)
VASTGESTELD_OF_LATER = (
    Actieplan.Status.VASTGESTELD,
    Actieplan.Status.IN_UITVOERING,
    Actieplan.Status.AFGEROND,
)
# The financing shares per party, as (key, model field, label).
PARTIJEN: tuple[tuple[str, str, str], ...] = (
    ("bedrijf", "aandeel_bedrijf", "Bedrijven"),
    ("regio", "aandeel_regio", "Veiligheidsregio's"),
    ("ministerie", "aandeel_ministerie", "Ministeries"),
    ("overig", "aandeel_overig", "Overig"),
)
AANTAL_REGIOS = 25  # the fallback when the reference data has no safety regions yet
LEERPUNTEN_OP_DASHBOARD = 10
TREND_MAANDEN = 24  # without a period, the trend shows the last two years
MOMENTOPNAME_VERSIE = 1


# --- The tree ---------------------------------------------------------------------------------------


@dataclass
class Actietelling:
    """Actions by status, plus how many of the open ones are overdue."""

    per_status: dict[str, int] = field(default_factory=lambda: {s: 0 for s, _ in ACTIESTATUSSEN})
    te_laat: int = 0

    @property
    def totaal(self) -> int:
        return sum(self.per_status.values())

    @property
    def gereed(self) -> int:
        return self.per_status.get(Verbeteractie.Status.GEREED, 0)

    @property
    def vervallen(self) -> int:
        return self.per_status.get(Verbeteractie.Status.VERVALLEN, 0)

    @property
    def open(self) -> int:
        return self.totaal - self.gereed - self.vervallen

    @property
    def afgerond_pct(self) -> int | None:
        """Gereed as a percentage of the actions that were not cancelled; None without any."""
        noemer = self.totaal - self.vervallen
        return round(100 * self.gereed / noemer) if noemer else None

    def reeks(self) -> list[tuple[str, str, int]]:
        """(status, label, number) in the order of the status choices."""
        return [(s, str(label), self.per_status.get(s, 0)) for s, label in ACTIESTATUSSEN]

    def tel_op(self, andere: Actietelling) -> None:
        for status, aantal in andere.per_status.items():
            self.per_status[status] = self.per_status.get(status, 0) + aantal
        self.te_laat += andere.te_laat

    def als_dict(self) -> dict[str, Any]:
        return {"per_status": dict(self.per_status), "te_laat": self.te_laat, "totaal": self.totaal}


@dataclass
class Financiering:
    """Estimated costs and the shares per party of actions that are not 'from existing capacity'."""

    per_partij: dict[str, Decimal] = field(default_factory=lambda: {p: Decimal(0) for p, _, _ in PARTIJEN})
    raming: Decimal = Decimal(0)
    uit_bestaande_capaciteit: int = 0  # number of actions

    @property
    def totaal(self) -> Decimal:
        return sum(self.per_partij.values(), Decimal(0))

    def reeks(self) -> list[tuple[str, str, Decimal]]:
        """(party, label, amount) in a fixed order."""
        return [(p, label, self.per_partij[p]) for p, _, label in PARTIJEN]

    def tel_op(self, andere: Financiering) -> None:
        for partij, bedrag in andere.per_partij.items():
            self.per_partij[partij] += bedrag
        self.raming += andere.raming
        self.uit_bestaande_capaciteit += andere.uit_bestaande_capaciteit


@dataclass
class Toetsingsvoortgang:
    """Assessed items of the current agendas, of all items, with the outcome of the assessed."""

    beoordeeld: int = 0
    totaal: int = 0
    geregeld: int = 0
    vraagt_actie: int = 0  # open or deels

    @property
    def niet_relevant(self) -> int:
        return self.beoordeeld - self.geregeld - self.vraagt_actie

    @property
    def pct(self) -> int | None:
        return round(100 * self.beoordeeld / self.totaal) if self.totaal else None

    def tel_op(self, andere: Toetsingsvoortgang) -> None:
        self.beoordeeld += andere.beoordeeld
        self.totaal += andere.totaal
        self.geregeld += andere.geregeld
        self.vraagt_actie += andere.vraagt_actie


@dataclass
class Instemmingsvoortgang:
    """Consent to the current version of plans ter instemming: organisations, of all participants."""

    plannen: int = 0
    ingestemd: int = 0
    bezwaar: int = 0
    deelnemers: int = 0

    @property
    def pct(self) -> int | None:
        return round(100 * self.ingestemd / self.deelnemers) if self.deelnemers else None

    def tel_op(self, andere: Instemmingsvoortgang) -> None:
        self.plannen += andere.plannen
        self.ingestemd += andere.ingestemd
        self.bezwaar += andere.bezwaar
        self.deelnemers += andere.deelnemers


@dataclass
class Planstelling:
    """Plans by status; networks without a plan count as `GEEN_PLAN`."""

    per_status: dict[str, int] = field(default_factory=lambda: {s: 0 for s, _ in PLANSTATUSSEN_MET_GEEN})

    @property
    def netwerken(self) -> int:
        return sum(self.per_status.values())

    @property
    def vastgesteld_of_later(self) -> int:
        return sum(self.per_status.get(s, 0) for s in VASTGESTELD_OF_LATER)

    def reeks(self) -> list[tuple[str, str, int]]:
        return [(s, str(label), self.per_status.get(s, 0)) for s, label in PLANSTATUSSEN_MET_GEEN]

    def tel(self, status: str) -> None:
        self.per_status[status] = self.per_status.get(status, 0) + 1


@dataclass
class Netwerkcijfers:
    pk: int
    slug: str
    naam: str
    landelijk: bool
    sectoren: list[str]  # sector names
    plan_status: str  # an Actieplan.Status value or GEEN_PLAN
    plan_versie: int
    acties: Actietelling
    financiering: Financiering
    toetsing: Toetsingsvoortgang
    instemming: Instemmingsvoortgang | None  # only while the plan is ter instemming
    heeft_acties: bool = False  # any action the user may see, whatever the period
    open_per_thema: dict[int, int] = field(default_factory=dict)  # theme pk → open actions
    sector_pks: list[int] = field(default_factory=list)

    @property
    def plan_status_label(self) -> str:
        return str(dict(PLANSTATUSSEN_MET_GEEN)[self.plan_status])


@dataclass
class Sectorcijfers:
    slug: str
    naam: str
    heeft_agenda: bool  # a current adopted agenda
    netwerken: int
    acties: Actietelling
    financiering: Financiering
    plannen: Planstelling
    toetsing: Toetsingsvoortgang
    instemming: Instemmingsvoortgang


@dataclass
class Themacijfers:
    nummer: int
    naam: str
    acties: Actietelling
    financiering: Financiering

    @property
    def label(self) -> str:
        return f"{self.nummer}. {self.naam}"


@dataclass
class Warmtekaart:
    """Open actions per network (rows) and theme (columns)."""

    rijen: list[tuple[str, str]]  # (slug, name) of the networks
    kolommen: list[tuple[int, str]]  # (number, name) of the themes
    waarden: list[list[int]]  # waarden[rij][kolom]

    @property
    def maximum(self) -> int:
        return max((max(rij) for rij in self.waarden if rij), default=0)

    @property
    def is_leeg(self) -> bool:
        return self.maximum == 0


@dataclass
class Meting:
    """What a milestone's progress is measured by: `waarde` of `van` (or just a number)."""

    waarde: int
    van: int | None
    eenheid: str  # e.g. "plannen vastgesteld"

    @property
    def pct(self) -> int | None:
        return round(100 * self.waarde / self.van) if self.van else None


@dataclass
class Mijlpaalstand:
    code: str
    resultaat: str
    omschrijving: str
    gereed_uiterlijk: datetime.date
    behaald_op: datetime.date | None
    stand: str  # "behaald", "op_schema" or "te_laat"
    meting: Meting | None

    STANDEN = {"behaald": "behaald", "op_schema": "op schema", "te_laat": "te laat"}

    @property
    def stand_label(self) -> str:
        return self.STANDEN[self.stand]


@dataclass
class Ondertekeningen:
    """Signatures of the safety-region boards under the current adopted role description."""

    getekend: int
    totaal: int
    rolversie: int | None  # None: no adopted role description yet

    @property
    def pct(self) -> int | None:
        return round(100 * self.getekend / self.totaal) if self.totaal else None


@dataclass
class Trendpunt:
    datum: datetime.date
    acties: int
    open: int
    gereed: int
    te_laat: int
    plannen_vastgesteld: int
    voorbeeld: bool = False  # a demo snapshot


@dataclass
class Bijdragejaar:
    jaar: int
    regios: int
    ontvangen_regios: int
    afgesproken: Decimal
    ontvangen: Decimal


@dataclass
class Bijdragen:
    """Programme contributions of the safety regions per year (in the period's years, if any)."""

    per_jaar: list[Bijdragejaar]

    @property
    def afgesproken(self) -> Decimal:
        return sum((j.afgesproken for j in self.per_jaar), Decimal(0))

    @property
    def ontvangen(self) -> Decimal:
        return sum((j.ontvangen for j in self.per_jaar), Decimal(0))

    @property
    def regios(self) -> int:
        return sum(j.regios for j in self.per_jaar)

    @property
    def ontvangen_regios(self) -> int:
        return sum(j.ontvangen_regios for j in self.per_jaar)


@dataclass
class Cijfers:
    """Everything the dashboard and the reports show, as one user may see it."""

    vandaag: datetime.date
    sector: Sector | None
    van: datetime.date | None
    tot: datetime.date | None
    details: bool  # the project team may follow links to networks; stuurgroep/CVI may not
    sectoren: list[Sector]  # all sectors (for filters), in display order
    acties: Actietelling
    financiering: Financiering
    per_sector: list[Sectorcijfers]
    per_netwerk: list[Netwerkcijfers]
    per_thema: list[Themacijfers]
    warmtekaart: Warmtekaart
    plannen: Planstelling
    toetsing: Toetsingsvoortgang
    instemming: Instemmingsvoortgang
    ondertekeningen: Ondertekeningen
    mijlpalen: list[Mijlpaalstand]
    trend: list[Trendpunt]
    leerpunten: list[Leerpunt]  # the latest LEERPUNTEN_OP_DASHBOARD, with sector, network, theme
    leerpunten_totaal: int
    bijdragen: Bijdragen

    @property
    def netwerken_met_instemming(self) -> list[Netwerkcijfers]:
        return [n for n in self.per_netwerk if n.instemming is not None]

    @property
    def is_gefilterd(self) -> bool:
        return bool(self.sector or self.van or self.tot)


# --- Who sees what ----------------------------------------------------------------------------------


def mag_monitoring_zien(gebruiker: Gebruiker) -> bool:
    """Project team (and administrators) and stuurgroep/CVI users (one query, cached on the user)."""
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return False
    return gebruiker.is_projectteam or gebruiker.is_stuurgroep


@dataclass(frozen=True)
class _Bereik:
    """The networks and actions the figures are computed over."""

    netwerken: QuerySet
    acties: QuerySet
    details: bool


def _bereik_voor(gebruiker: Gebruiker) -> _Bereik:
    if not mag_monitoring_zien(gebruiker):
        raise PermissionDenied("Monitoring is alleen voor het projectteam, de stuurgroep en de CVI.")
    if gebruiker.is_projectteam:
        return _Bereik(
            Netwerk.objects.visible_to(gebruiker), Verbeteractie.objects.visible_to(gebruiker), details=True
        )
    return _alles_zonder_rood()


def _alles_zonder_rood() -> _Bereik:
    """Stuurgroep/CVI and the snapshots: all networks, never a TLP:RED action (§4)."""
    return _Bereik(Netwerk.objects.all(), Verbeteractie.objects.exclude(tlp=TLP.RED), details=False)


# --- Computing ----------------------------------------------------------------------------------------


def bereken(
    gebruiker: Gebruiker,
    *,
    sector: Sector | None = None,
    van: datetime.date | None = None,
    tot: datetime.date | None = None,
    vandaag: datetime.date | None = None,
) -> Cijfers:
    """All monitoring figures as `gebruiker` may see them, filtered by sector and period.

    Nine queries whatever the size of the data: sectors, themes, networks (with plan, consent
    and toetsing as subqueries), actions grouped by network/theme/status, milestones (with their
    measurements), signatures, snapshots, leerpunten, contributions. Raises PermissionDenied for
    users who may not see monitoring.
    """
    return _bereken(_bereik_voor(gebruiker), sector=sector, van=van, tot=tot, vandaag=vandaag)


def bereken_geaggregeerd(
    *,
    sector: Sector | None = None,
    van: datetime.date | None = None,
    tot: datetime.date | None = None,
    vandaag: datetime.date | None = None,
) -> Cijfers:
    """The figures as the stuurgroep/CVI see them, without a user: all networks, TLP:RED never
    counted, `details` false. For reports rendered in a task (the requester was checked when the
    report was asked for). Nine queries.
    """
    return _bereken(_alles_zonder_rood(), sector=sector, van=van, tot=tot, vandaag=vandaag)


def _bereken(
    bereik: _Bereik,
    *,
    sector: Sector | None,
    van: datetime.date | None,
    tot: datetime.date | None,
    vandaag: datetime.date | None,
    volledig: bool = True,
) -> Cijfers:
    vandaag = vandaag or timezone.localdate()
    sectoren = _sectoren()  # query 1
    themas = list(Thema.objects.order_by("nummer"))  # query 2
    netwerken = bereik.netwerken
    if sector is not None:
        # A subquery, not a join: the join on sectors below must list all sectors of a network.
        netwerken = netwerken.filter(pk__in=Netwerk.objects.filter(sectoren=sector).values("pk"))
    per_netwerk = _netwerken(netwerken, bereik, sectoren)  # query 3
    acties = bereik.acties.filter(actieplan__netwerk__in=netwerken.values("pk"))
    acties = _in_periode(acties, van, tot)
    per_thema = _per_thema(themas, _tel_acties(acties, per_netwerk, vandaag))  # query 4
    totaal, financiering = Actietelling(), Financiering()
    plannen, toetsing, instemming = Planstelling(), Toetsingsvoortgang(), Instemmingsvoortgang()
    for n in per_netwerk:
        totaal.tel_op(n.acties)
        financiering.tel_op(n.financiering)
        plannen.tel(n.plan_status)
        toetsing.tel_op(n.toetsing)
        if n.instemming is not None:
            instemming.tel_op(n.instemming)
    per_sector = _per_sector(sectoren, per_netwerk, sector)
    warmtekaart = Warmtekaart(
        rijen=[(n.slug, n.naam) for n in per_netwerk],
        kolommen=[(t.nummer, t.naam) for t in themas],
        waarden=[[n.open_per_thema.get(t.pk, 0) for t in themas] for n in per_netwerk],
    )
    ondertekeningen = _ondertekeningen()  # query 5
    if volledig:
        mijlpalen = _mijlpalen(vandaag, sectoren, per_netwerk, ondertekeningen)  # query 6
        trend = trend_uit_momentopnamen(_momentopnamen(van, tot), sector)  # query 7
        leerpunten, leerpunten_totaal = _leerpunten(sector, van, tot)  # query 8
        bijdragen = _bijdragen(van, tot)  # query 9
    else:
        mijlpalen, trend, leerpunten, leerpunten_totaal, bijdragen = [], [], [], 0, Bijdragen([])
    return Cijfers(
        vandaag=vandaag,
        sector=sector,
        van=van,
        tot=tot,
        details=bereik.details,
        sectoren=sectoren,
        acties=totaal,
        financiering=financiering,
        per_sector=per_sector,
        per_netwerk=per_netwerk,
        per_thema=per_thema,
        warmtekaart=warmtekaart,
        plannen=plannen,
        toetsing=toetsing,
        instemming=instemming,
        ondertekeningen=ondertekeningen,
        mijlpalen=mijlpalen,
        trend=trend,
        leerpunten=leerpunten,
        leerpunten_totaal=leerpunten_totaal,
        bijdragen=bijdragen,
    )


def _aantal(queryset: QuerySet, veld: str = "pk", *, distinct: bool = False) -> Coalesce:
    """A correlated `COUNT(veld)` of `queryset` (filtered on OuterRef) as a scalar subquery; 0 if none.

    A plain COUNT function, not Django's aggregate: the subquery must not get a GROUP BY.
    """
    sjabloon = "COUNT(DISTINCT %(expressions)s)" if distinct else "COUNT(%(expressions)s)"
    telling = queryset.order_by().annotate(_n=Func(F(veld), template=sjabloon, output_field=IntegerField()))
    return Coalesce(Subquery(telling.values("_n")[:1], output_field=IntegerField()), Value(0))


def _sectoren() -> list[Sector]:
    """All sectors, each with `heeft_agenda` and `afspraken` (items of its current agenda)."""
    return list(
        Sector.objects.annotate(
            heeft_agenda=Exists(Agenda.objects.filter(sector=OuterRef("pk"), huidig=True)),
            afspraken=_aantal(
                Samenwerkingsafspraak.objects.filter(agenda__sector=OuterRef("pk"), agenda__huidig=True)
            ),
        ).order_by("volgorde", "naam")
    )


def _netwerken(netwerken: QuerySet, bereik: _Bereik, sectoren: list[Sector]) -> list[Netwerkcijfers]:
    """One query: the networks with their sectors (one row per sector), plan, consent and toetsing.

    Consent counts decisions on the plan's current version by organisations that still take part;
    toetsing counts assessments of items that are in a current agenda of one of its sectors.
    """
    deelnemer = Deelname.objects.filter(
        netwerk_id=OuterRef("actieplan__netwerk_id"), organisatie_id=OuterRef("organisatie_id")
    )
    besluiten = Instemming.objects.filter(
        actieplan__netwerk_id=OuterRef("pk"), versie=OuterRef("actieplan__versie")
    ).filter(Exists(deelnemer))
    huidig_item = Samenwerkingsafspraak.objects.filter(
        agenda__huidig=True, sleutel=OuterRef("sleutel"), agenda__sector__netwerken=OuterRef("netwerk_id")
    )
    beoordelingen = Beoordeling.objects.filter(netwerk_id=OuterRef("pk")).filter(Exists(huidig_item))
    rijen = (
        netwerken.annotate(
            deelnemers=_aantal(Deelname.objects.filter(netwerk_id=OuterRef("pk"))),
            ingestemd=_aantal(besluiten.filter(besluit=Instemming.Besluit.INSTEMMING)),
            bezwaar=_aantal(besluiten.filter(besluit=Instemming.Besluit.BEZWAAR)),
            heeft_acties=Exists(bereik.acties.filter(actieplan__netwerk_id=OuterRef("pk"))),
            beoordeeld=_aantal(beoordelingen),
            geregeld=_aantal(beoordelingen.filter(status=Beoordeling.Status.GEREGELD)),
            vraagt_actie=_aantal(
                beoordelingen.filter(status__in=[Beoordeling.Status.OPEN, Beoordeling.Status.DEELS])
            ),
        )
        .values(
            "pk",
            "slug",
            "naam",
            "landelijk",
            "actieplan__status",
            "actieplan__versie",
            "sectoren__pk",
            "heeft_acties",
            "deelnemers",
            "ingestemd",
            "bezwaar",
            "beoordeeld",
            "geregeld",
            "vraagt_actie",
        )
        .order_by("landelijk", "naam", "pk")
    )
    per_sector = {s.pk: s for s in sectoren}
    resultaat: dict[int, Netwerkcijfers] = {}
    for rij in rijen:
        netwerk = resultaat.get(rij["pk"])
        if netwerk is None:
            status = rij["actieplan__status"] or GEEN_PLAN
            netwerk = Netwerkcijfers(
                pk=rij["pk"],
                slug=rij["slug"],
                naam=rij["naam"],
                landelijk=rij["landelijk"],
                sectoren=[],
                plan_status=status,
                plan_versie=rij["actieplan__versie"] or 0,
                acties=Actietelling(),
                financiering=Financiering(),
                toetsing=Toetsingsvoortgang(
                    beoordeeld=rij["beoordeeld"], geregeld=rij["geregeld"], vraagt_actie=rij["vraagt_actie"]
                ),
                instemming=Instemmingsvoortgang(
                    plannen=1,
                    ingestemd=rij["ingestemd"],
                    bezwaar=rij["bezwaar"],
                    deelnemers=rij["deelnemers"],
                )
                if status == Actieplan.Status.TER_INSTEMMING
                else None,
                heeft_acties=rij["heeft_acties"],
            )
            resultaat[rij["pk"]] = netwerk
        sector = per_sector.get(rij["sectoren__pk"])
        if sector is not None:
            netwerk.sector_pks.append(sector.pk)
            netwerk.sectoren.append(sector.naam)
            netwerk.toetsing.totaal += sector.afspraken  # type: ignore[attr-defined]  # annotated
    return list(resultaat.values())


def _in_periode(acties: QuerySet, van: datetime.date | None, tot: datetime.date | None) -> QuerySet:
    """Actions whose planning overlaps [van, tot]: start (or creation) ≤ tot, due ≥ van or none."""
    if van is not None:
        acties = acties.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=van))
    if tot is not None:
        acties = acties.annotate(_aangemaakt=TruncDate("aangemaakt_op")).filter(
            Q(startdatum__lte=tot) | Q(startdatum__isnull=True, _aangemaakt__lte=tot)
        )
    return acties


def _tel_acties(
    acties: QuerySet, per_netwerk: list[Netwerkcijfers], vandaag: datetime.date
) -> dict[int, tuple[Actietelling, Financiering]]:
    """One grouped query (network × theme, with a count per status).

    Fills the networks' counts, financing and open actions per theme; returns the counts and
    financing per theme id. Python only adds up grouped rows (at most networks × themes): one row
    per pair rather than per status keeps the rows few (at 10× data about 3,700 instead of 13,000,
    which Django turns into dicts and Python adds up on every dashboard request).
    """
    eigen = Q(uit_bestaande_capaciteit=False)
    sommen = {partij: Sum(veld, filter=eigen) for partij, veld, _ in PARTIJEN}
    per_status = {f"n_{status}": Count("pk", filter=Q(status=status)) for status, _ in ACTIESTATUSSEN}
    rijen = (
        acties.order_by()
        .values("actieplan__netwerk_id", "thema_id")
        .annotate(
            **per_status,
            te_laat=Count("pk", filter=Q(einddatum__lt=vandaag) & ~Q(status__in=Verbeteractie.AFGESLOTEN)),
            raming=Sum("kostenraming", filter=eigen),
            bestaand=Count("pk", filter=Q(uit_bestaande_capaciteit=True)),
            **sommen,
        )
    )
    statussen = [(status, f"n_{status}") for status, _ in ACTIESTATUSSEN]
    open_statussen = [sleutel for status, sleutel in statussen if status not in Verbeteractie.AFGESLOTEN]
    partijen = [partij for partij, _, _ in PARTIJEN]
    netwerken = {n.pk: n for n in per_netwerk}
    per_thema: dict[int, tuple[Actietelling, Financiering]] = {}
    for rij in rijen:
        netwerk = netwerken.get(rij["actieplan__netwerk_id"])
        if netwerk is None:
            continue
        thema_telling, thema_geld = per_thema.setdefault(rij["thema_id"], (Actietelling(), Financiering()))
        for telling in (netwerk.acties, thema_telling):
            for status, sleutel in statussen:
                if rij[sleutel]:
                    telling.per_status[status] = telling.per_status.get(status, 0) + rij[sleutel]
            telling.te_laat += rij["te_laat"]
        for geld in (netwerk.financiering, thema_geld):
            for partij in partijen:
                if rij[partij]:
                    geld.per_partij[partij] += rij[partij]
            if rij["raming"]:
                geld.raming += rij["raming"]
            geld.uit_bestaande_capaciteit += rij["bestaand"]
        open_aantal = sum(rij[sleutel] for sleutel in open_statussen)
        if open_aantal:
            netwerk.open_per_thema[rij["thema_id"]] = (
                netwerk.open_per_thema.get(rij["thema_id"], 0) + open_aantal
            )
    return per_thema


def _per_thema(themas: list[Thema], ruw: dict[int, tuple[Actietelling, Financiering]]) -> list[Themacijfers]:
    rijen = []
    for thema in themas:
        telling, geld = ruw.get(thema.pk, (Actietelling(), Financiering()))
        rijen.append(Themacijfers(nummer=thema.nummer, naam=thema.naam, acties=telling, financiering=geld))
    return rijen


def _per_sector(
    sectoren: list[Sector], per_netwerk: list[Netwerkcijfers], gekozen: Sector | None
) -> list[Sectorcijfers]:
    """Per sector, the sum over its networks (a network with several sectors counts in each)."""
    rijen = []
    for sector in sectoren:
        if gekozen is not None and sector.pk != gekozen.pk:
            continue
        rij = Sectorcijfers(
            slug=sector.slug,
            naam=sector.naam,
            heeft_agenda=sector.heeft_agenda,  # type: ignore[attr-defined]  # annotated
            netwerken=0,
            acties=Actietelling(),
            financiering=Financiering(),
            plannen=Planstelling(),
            toetsing=Toetsingsvoortgang(),
            instemming=Instemmingsvoortgang(),
        )
        for netwerk in per_netwerk:
            if sector.pk not in netwerk.sector_pks:
                continue
            rij.netwerken += 1
            rij.acties.tel_op(netwerk.acties)
            rij.financiering.tel_op(netwerk.financiering)
            rij.plannen.tel(netwerk.plan_status)
            rij.toetsing.tel_op(netwerk.toetsing)
            if netwerk.instemming is not None:
                rij.instemming.tel_op(netwerk.instemming)
        rijen.append(rij)
    return rijen


def _ondertekeningen() -> Ondertekeningen:
    """Signatures under the current adopted role description, of all safety regions (one query)."""
    getekend = Ondertekening.objects.filter(rolbeschrijving__huidig=True, veiligheidsregio_id=OuterRef("pk"))
    huidige_versie = Rolbeschrijving.objects.filter(huidig=True).values("versie")[:1]
    stand = Organisatie.objects.filter(soort=Organisatie.Soort.VEILIGHEIDSREGIO).aggregate(
        totaal=Count("pk"),
        getekend=Count("pk", filter=Q(Exists(getekend))),
        # An aggregate over a scalar subquery puts the version in the same query.
        rolversie=Max(Subquery(huidige_versie, output_field=IntegerField())),
    )
    return Ondertekeningen(
        getekend=stand["getekend"] or 0,
        totaal=stand["totaal"] or AANTAL_REGIOS,
        rolversie=stand["rolversie"],
    )


# --- Programme milestones -----------------------------------------------------------------------------


def _mijlpaalmetingen_rol() -> dict[str, Any]:
    """Subquery annotations measuring the role description and the menukaart (see MIJLPAALMETINGEN)."""
    positief = RolVaststelling.objects.filter(besluit__in=POSITIEVE_BESLUITEN)
    # The current adopted version, else the newest one being worked on.
    rol = Rolbeschrijving.objects.order_by("-huidig", "-versie").values("pk")[:1]
    landelijk = [Orgaan.CVI, Orgaan.VEILIGHEIDSBERAAD, Orgaan.MINISTERIE]
    return {
        "m_rol_stuurgroep": Exists(positief.filter(orgaan=Orgaan.STUURGROEP)),
        "m_rol_organen": _aantal(
            positief.filter(rolbeschrijving_id=Subquery(rol), orgaan__in=landelijk), "orgaan", distinct=True
        ),
        "m_menukaart": _aantal(MenukaartItem.objects.filter(status=MenukaartItem.Status.GEPUBLICEERD)),
    }


def _mijlpalen(
    vandaag: datetime.date,
    sectoren: list[Sector],
    per_netwerk: list[Netwerkcijfers],
    ondertekeningen: Ondertekeningen,
) -> list[Mijlpaalstand]:
    """The programme milestones with their state today and, for known codes, a measurement."""
    regionaal = [n for n in per_netwerk if not n.landelijk]
    plannen = sum(1 for n in per_netwerk if n.plan_status in VASTGESTELD_OF_LATER)
    met_acties = sum(1 for n in regionaal if n.heeft_acties)
    agendas = sum(1 for s in sectoren if s.heeft_agenda)  # type: ignore[attr-defined]
    stand = []
    for mijlpaal in Programmamijlpaal.objects.annotate(**_mijlpaalmetingen_rol()):
        metingen: dict[str, Meting] = {
            "menukaart": Meting(mijlpaal.m_menukaart, None, "items gepubliceerd"),
            "rol_stuurgroep": Meting(int(mijlpaal.m_rol_stuurgroep), 1, "besluit van de stuurgroep"),
            "rol_vastgesteld": Meting(mijlpaal.m_rol_organen, 3, "besluiten (CVI, Veiligheidsberaad, JenV)"),
            "rol_ondertekend": Meting(ondertekeningen.getekend, ondertekeningen.totaal, "besturen getekend"),
            "agenda": Meting(agendas, len(sectoren), "sectoren met een vastgestelde agenda"),
            "actieplannen_concept": Meting(met_acties, len(regionaal), "regionale plannen met acties"),
            "actieplannen": Meting(plannen, len(per_netwerk), "plannen vastgesteld"),
        }
        if mijlpaal.behaald_op:
            toestand = "behaald"
        elif mijlpaal.gereed_uiterlijk < vandaag:
            toestand = "te_laat"
        else:
            toestand = "op_schema"
        stand.append(
            Mijlpaalstand(
                code=mijlpaal.code,
                resultaat=mijlpaal.resultaat,
                omschrijving=mijlpaal.omschrijving,
                gereed_uiterlijk=mijlpaal.gereed_uiterlijk,
                behaald_op=mijlpaal.behaald_op,
                stand=toestand,
                meting=metingen.get(mijlpaal.code),
            )
        )
    return stand


# Milestone codes (fixtures/referentie/mijlpalen.csv) that have a measurement; others show none.
MIJLPAALMETINGEN = (
    "menukaart",
    "rol_stuurgroep",
    "rol_vastgesteld",
    "rol_ondertekend",
    "agenda",
    "actieplannen_concept",
    "actieplannen",
)


# --- Trend, leerpunten, contributions -------------------------------------------------------------------


def _momentopnamen(van: datetime.date | None, tot: datetime.date | None) -> list[Momentopname]:
    """The snapshots of the period (oldest first); without a period the last TREND_MAANDEN."""
    opnamen = Momentopname.objects.all()
    if van is None and tot is None:
        return list(reversed(opnamen.order_by("-datum")[:TREND_MAANDEN]))
    if van is not None:
        opnamen = opnamen.filter(datum__gte=van)
    if tot is not None:
        opnamen = opnamen.filter(datum__lte=tot)
    return list(opnamen.order_by("datum")[: 10 * 12])  # bounded: at most ten years of months


def trend_uit_momentopnamen(opnamen: Iterable[Momentopname], sector: Sector | None = None) -> list[Trendpunt]:
    """Trend points from stored snapshots (no queries); for a sector, its part of each snapshot."""
    punten = []
    for opname in opnamen:
        cijfers = opname.cijfers or {}
        bron = (cijfers.get("per_sector") or {}).get(sector.slug) if sector is not None else cijfers
        if not bron:
            continue
        acties = bron.get("acties") or {}
        per_status = acties.get("per_status") or {}
        totaal = sum(per_status.values())
        gereed = per_status.get(Verbeteractie.Status.GEREED, 0)
        vervallen = per_status.get(Verbeteractie.Status.VERVALLEN, 0)
        plannen = (bron.get("plannen") or {}).get("per_status") or {}
        punten.append(
            Trendpunt(
                datum=opname.datum,
                acties=totaal,
                open=totaal - gereed - vervallen,
                gereed=gereed,
                te_laat=acties.get("te_laat", 0),
                plannen_vastgesteld=sum(plannen.get(s, 0) for s in VASTGESTELD_OF_LATER),
                voorbeeld=bool(cijfers.get("voorbeeld")),
            )
        )
    return punten


def _leerpunten(
    sector: Sector | None, van: datetime.date | None, tot: datetime.date | None
) -> tuple[list[Leerpunt], int]:
    """The latest leerpunten of the sector (its own or of its networks) and period, and their number."""
    leerpunten = Leerpunt.objects.select_related("sector", "netwerk", "thema")
    if sector is not None:
        leerpunten = leerpunten.filter(
            Q(sector=sector) | Q(netwerk_id__in=Netwerk.objects.filter(sectoren=sector).values("pk"))
        )
    if van is not None:
        leerpunten = leerpunten.filter(datum__gte=van)
    if tot is not None:
        leerpunten = leerpunten.filter(datum__lte=tot)
    # The window counts all matching rows in the same query as the first page.
    rijen = list(
        leerpunten.annotate(_totaal=Window(expression=Count("pk"))).order_by("-datum", "-pk")[
            :LEERPUNTEN_OP_DASHBOARD
        ]
    )
    return rijen, (rijen[0]._totaal if rijen else 0)  # type: ignore[attr-defined]


def _bijdragen(van: datetime.date | None, tot: datetime.date | None) -> Bijdragen:
    ontvangen = Q(ontvangen_op__isnull=False)
    rijen = Programmabijdrage.objects.all()
    if van is not None:
        rijen = rijen.filter(jaar__gte=van.year)
    if tot is not None:
        rijen = rijen.filter(jaar__lte=tot.year)
    rijen = (
        rijen.order_by()
        .values("jaar")
        .annotate(
            regios=Count("pk"),
            ontvangen_regios=Count("pk", filter=ontvangen),
            afgesproken=Sum("bedrag"),
            ontvangen=Sum("bedrag", filter=ontvangen),
        )
        .order_by("jaar")
    )
    return Bijdragen(
        [
            Bijdragejaar(
                jaar=r["jaar"],
                regios=r["regios"],
                ontvangen_regios=r["ontvangen_regios"],
                afgesproken=r["afgesproken"] or Decimal(0),
                ontvangen=r["ontvangen"] or Decimal(0),
            )
            for r in rijen
        ]
    )


# --- Snapshots ----------------------------------------------------------------------------------------


def _geld(bedrag: Decimal) -> str:
    return str(bedrag.quantize(Decimal("0.01")))


def momentopname_cijfers(vandaag: datetime.date | None = None) -> dict[str, Any]:
    """Today's figures as a JSON-able dict: aggregates only, over all networks, TLP:RED never counted.

    Five queries. The shape (version 1):
    ``{"versie", "peildatum", "acties": {"per_status", "te_laat", "totaal"},
    "plannen": {"per_status", "netwerken"}, "toetsing": {"beoordeeld", "totaal"},
    "instemming": {"ingestemd", "deelnemers", "plannen"}, "ondertekend": {"getekend", "totaal"},
    "financiering": {"raming", "per_partij", "uit_bestaande_capaciteit"},
    "per_sector": {slug: {"naam", "acties", "plannen"}}}`` (amounts as strings).
    """
    c = _bereken(_alles_zonder_rood(), sector=None, van=None, tot=None, vandaag=vandaag, volledig=False)
    return {
        "versie": MOMENTOPNAME_VERSIE,
        "peildatum": c.vandaag.isoformat(),
        "acties": c.acties.als_dict(),
        "plannen": {"per_status": dict(c.plannen.per_status), "netwerken": c.plannen.netwerken},
        "toetsing": {"beoordeeld": c.toetsing.beoordeeld, "totaal": c.toetsing.totaal},
        "instemming": {
            "ingestemd": c.instemming.ingestemd,
            "deelnemers": c.instemming.deelnemers,
            "plannen": c.instemming.plannen,
        },
        "ondertekend": {"getekend": c.ondertekeningen.getekend, "totaal": c.ondertekeningen.totaal},
        "financiering": {
            "raming": _geld(c.financiering.raming),
            "per_partij": {p: _geld(b) for p, b in c.financiering.per_partij.items()},
            "uit_bestaande_capaciteit": c.financiering.uit_bestaande_capaciteit,
        },
        "per_sector": {
            s.slug: {
                "naam": s.naam,
                "acties": s.acties.als_dict(),
                "plannen": {"per_status": dict(s.plannen.per_status), "netwerken": s.plannen.netwerken},
            }
            for s in c.per_sector
        },
    }
