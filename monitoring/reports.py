"""PDF reports of the monitoring app (§6, issue 6 item 6).

Three pure render functions, each `-> bytes` (a `continuiteit.pdf.Pdf` that knows its pages):
`render_stuurgroep_pdf` (all sectors), `render_cvi_pdf` (one sector) and `render_eind_pdf` (the
programme's evaluation). The *netwerkrapportage* is `actieplannen.reports.render_netwerkrapportage_pdf`;
`render_rapport` picks the right one for a requested `Rapport`.

The three contain aggregates only, computed over all networks with TLP:RED actions never counted
(the stuurgroep's view, §4), whoever requested them: one stored report serves every reader. The
figures come from `monitoring.cijfers` and the charts from `monitoring.grafieken`, the same functions
as the dashboard, so page and paper agree.

Each report is a cover, a table of contents and chapters rendered one by one from
`templates/monitoring/pdf/_<chapter>.html` (so progress can be reported per chapter), laid out
together by `templates/monitoring/pdf/rapport.html` with `static/css/pdf_monitoring.css`: the TLP
marking in the header and footer of every page, page numbers, repeating table headers, and the
annex split into one table per sector.
"""

from __future__ import annotations

import base64
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe

from actieplannen.models import TLP, Actieplan, Verbeteractie
from actieplannen.reports import TLP_KLEUR, TLP_UITLEG, render_netwerkrapportage_pdf, strengste_tlp
from continuiteit.opmaak import euro
from netwerken.models import Netwerk

from . import cijfers as cijfermodule
from . import grafieken
from .models import Leerpunt, Rapport, Rapportsoort

if TYPE_CHECKING:
    from continuiteit.pdf import Pdf
    from netwerken.models import Sector

    from .cijfers import Cijfers

# Told the percentage done and the step, e.g. (45, "Hoofdstuk: Financiering").
Voortgang = Callable[[int, str], None]

# Aggregates for the stuurgroep and CVI: shared on a need-to-know basis (FIRST TLP 2.0).
GEAGGREGEERD_TLP = TLP.AMBER


class Gemaakt(NamedTuple):
    """A rendered report and the TLP marking it carries."""

    pdf: Pdf
    tlp: str


class RapportFout(Exception):
    """The report cannot be made, for a reason its requester can understand (a Dutch message)."""


def _stil(procent: int, stap: str) -> None:
    """No progress reporting (a report rendered outside the task)."""


# --- Dispatcher -----------------------------------------------------------------------------------


def render_rapport(rapport: Rapport, *, voortgang: Voortgang | None = None) -> Gemaakt:
    """The PDF of a requested report, with progress reported along the way."""
    voortgang = voortgang or _stil
    van, tot = rapport.periode_van, rapport.periode_tot
    if rapport.soort == Rapportsoort.STUURGROEP:
        return Gemaakt(render_stuurgroep_pdf(van=van, tot=tot, voortgang=voortgang), GEAGGREGEERD_TLP)
    if rapport.soort == Rapportsoort.CVI:
        if rapport.sector is None:
            raise RapportFout("Een rapportage CVI hoort bij een sector; deze aanvraag heeft er geen.")
        return Gemaakt(
            render_cvi_pdf(rapport.sector, van=van, tot=tot, voortgang=voortgang), GEAGGREGEERD_TLP
        )
    if rapport.soort == Rapportsoort.EIND:
        return Gemaakt(render_eind_pdf(van=van, tot=tot, voortgang=voortgang), GEAGGREGEERD_TLP)
    if rapport.soort == Rapportsoort.NETWERK:
        return _netwerkrapportage(rapport, voortgang)
    raise RapportFout(f"Onbekende soort rapportage: {rapport.soort}.")


def _netwerkrapportage(rapport: Rapport, voortgang: Voortgang) -> Gemaakt:
    """The action plan's own report, made for the requester (his TLP:RED actions only in his copy)."""
    lezer = rapport.aangevraagd_door
    if rapport.netwerk is None or lezer is None:
        raise RapportFout(
            "Een netwerkrapportage hoort bij een netwerk en een lezer; deze aanvraag mist er een."
        )
    voortgang(10, "Actieplan ophalen")
    plan = Actieplan.objects.filter(netwerk=rapport.netwerk).first()
    if plan is None:
        raise RapportFout(
            f"{rapport.netwerk.naam} heeft nog geen actieplan; er is niets om over te rapporteren."
        )
    # The marking the document will carry: the strictest of the plan and the actions in it.
    labels = set(
        Verbeteractie.objects.visible_to(lezer)
        .filter(actieplan=plan)
        .values_list("tlp", flat=True)
        .distinct()
    )
    voortgang(30, "Verbeteracties en instemming verzamelen, PDF opmaken")
    pdf = render_netwerkrapportage_pdf(plan, gebruiker=lezer)
    return Gemaakt(pdf, strengste_tlp([plan.tlp, *labels]))


# --- Figures --------------------------------------------------------------------------------------


def geaggregeerde_cijfers(*, sector: Sector | None, van: datetime.date, tot: datetime.date) -> Cijfers:
    """The figures over all networks (of the sector), never counting a TLP:RED action: 9 queries."""
    return cijfermodule.bereken_geaggregeerd(sector=sector, van=van, tot=tot, vandaag=timezone.localdate())


def leerpunten_in_periode(*, sector: Sector | None, van: datetime.date, tot: datetime.date) -> list[Leerpunt]:
    """All leerpunten of the period (of the sector or its networks), with sector, network and theme: 1 query."""
    leerpunten = Leerpunt.objects.select_related("sector", "netwerk", "thema").filter(datum__range=(van, tot))
    if sector is not None:
        leerpunten = leerpunten.filter(
            Q(sector=sector) | Q(netwerk_id__in=Netwerk.objects.filter(sectoren=sector).values("pk"))
        )
    return list(leerpunten.order_by("sector__volgorde", "-datum", "-pk"))


# --- Building a report ----------------------------------------------------------------------------


@dataclass
class Hoofdstuk:
    """One chapter: its anchor and title in the table of contents, its template and context."""

    anker: str
    titel: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    onderdelen: list[dict[str, str]] = field(default_factory=list)  # sub-entries in the contents
    bijlage: bool = False


def _datum(datum: datetime.date) -> str:
    with translation.override("nl"):  # the document is Dutch, whatever language the request asked for
        return date_format(datum, "j F Y")


def _periode(van: datetime.date, tot: datetime.date) -> str:
    return f"{_datum(van)} t/m {_datum(tot)}"


def _stel_samen(
    *,
    documentsoort: str,
    titel: str,
    ondertitel: str,
    van: datetime.date,
    tot: datetime.date,
    kenmerken: list[tuple[str, str]],
    hoofdstukken: list[Hoofdstuk],
    basis: dict[str, Any],
    voortgang: Voortgang,
) -> Pdf:
    """Render the chapters one by one (reporting each), then lay the whole document out."""
    from continuiteit.pdf import schrijf_pdf

    html: list[SafeString] = []
    with translation.override("nl"):
        for nummer, hoofdstuk in enumerate(hoofdstukken):
            voortgang(40 + round(25 * nummer / len(hoofdstukken)), f"Hoofdstuk: {hoofdstuk.titel}")
            html.append(
                render_to_string(hoofdstuk.template, {**basis, **hoofdstuk.context, "hoofdstuk": hoofdstuk})
            )
    stappen = {"PDF opmaken": 68, "PDF schrijven": 90}
    tlp = GEAGGREGEERD_TLP
    context = {
        **basis,
        "documentsoort": documentsoort,
        "documenttitel": titel,
        "ondertitel": ondertitel,
        "periode": _periode(van, tot),
        "kenmerken": kenmerken,
        "tlp": tlp,
        "markering": TLP(tlp).label,
        "tlp_kleur": TLP_KLEUR[tlp],
        "tlp_uitleg": TLP_UITLEG[tlp],
        "voettekst": f"Periode {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
        "inhoud": [
            {"anker": h.anker, "titel": h.titel, "onderdelen": h.onderdelen, "bijlage": h.bijlage}
            for h in hoofdstukken
        ],
        "hoofdstukken_html": mark_safe("".join(html)),  # safe: rendered by autoescaping templates
    }
    return schrijf_pdf(
        "monitoring/pdf/rapport.html", context, stap=lambda stap: voortgang(stappen.get(stap, 90), stap)
    )


def _kerncijfers(c: Cijfers) -> list[tuple[str, str, str]]:
    """(label, value, explanation) of the summary's key figures."""
    acties = c.acties
    return [
        ("Netwerken", str(c.plannen.netwerken), "met een actieplan of nog zonder"),
        (
            "Actieplannen vastgesteld",
            f"{c.plannen.vastgesteld_of_later} van {c.plannen.netwerken}",
            "vastgesteld, in uitvoering of afgerond",
        ),
        ("Verbeteracties", str(acties.totaal), "met een planning in de periode"),
        ("Open", str(acties.open), "nog niet gereed of vervallen"),
        ("Gereed", str(acties.gereed), _pct(acties.afgerond_pct, "van de niet-vervallen acties")),
        ("Te laat", str(acties.te_laat), "open, met de einddatum verstreken"),
        (
            "Toetsing",
            f"{c.toetsing.beoordeeld} van {c.toetsing.totaal}",
            _pct(c.toetsing.pct, "van de agendapunten beoordeeld"),
        ),
        (
            "Instemming",
            f"{c.instemming.ingestemd} van {c.instemming.deelnemers}",
            _pct(c.instemming.pct, f"organisaties, bij {c.instemming.plannen} plan(nen) ter instemming"),
        ),
        (
            "Rolbeschrijving ondertekend",
            f"{c.ondertekeningen.getekend}/{c.ondertekeningen.totaal}",
            "besturen van veiligheidsregio's",
        ),
        ("Kostenraming", euro(c.financiering.raming, centen=False), "van acties met eigen financiering"),
    ]


def _pct(pct: int | None, tekst: str) -> str:
    return f"{pct}% {tekst}" if pct is not None else f"— {tekst}"


def _netwerken_per_sector(c: Cijfers) -> list[dict[str, Any]]:
    """The annex: one table per sector (never one table over every network); the national network last."""
    groepen = []
    for sector in c.per_sector:
        netwerken = [n for n in c.per_netwerk if sector.naam in n.sectoren and not n.landelijk]
        if netwerken:
            groepen.append({"titel": sector.naam, "anker": f"bijlage-{sector.slug}", "netwerken": netwerken})
    landelijk = [n for n in c.per_netwerk if n.landelijk]
    if landelijk:
        groepen.append({"titel": "Landelijk", "anker": "bijlage-landelijk", "netwerken": landelijk})
    return groepen


def _basis(c: Cijfers, van: datetime.date, tot: datetime.date) -> dict[str, Any]:
    return {
        "cijfers": c,
        "van": van,
        "tot": tot,
        "vandaag": c.vandaag,
        "periode": _periode(van, tot),
        "warmtetabel": Warmtetabel.van(c.warmtekaart),
    }


# Charts are drawn this wide (CSS pixels) and scaled to the 168 mm text width of the page.
GRAFIEKBREEDTE = 720


@dataclass
class Figuur:
    """A chart of `monitoring.grafieken` as the PDF embeds it, with its table."""

    titel: str
    bron: str  # the SVG as a data: URI ("" when there is too much to draw: the table says it all)
    tabel: grafieken.Tabel
    toelichting: str = ""

    @classmethod
    def van(cls, grafiek: grafieken.Grafiek) -> Figuur:
        # As an image, not inline: WeasyPrint then draws the SVG without cascading the page's CSS
        # over its hundreds of elements (half the layout time of a report with charts).
        bron = (
            "data:image/svg+xml;base64," + base64.b64encode(str(grafiek.svg).encode()).decode()
            if grafiek.svg
            else ""
        )
        return cls(grafiek.titel, bron, grafiek.tabel, grafiek.toelichting)


@dataclass
class Warmtecel:
    """One cell of the heat map in print: its number and, when not 0, its fill and text colour."""

    tekst: str
    stijl: str = ""  # inline CSS; "" for 0, which keeps the table's own background


@dataclass
class Warmtetabel:
    """The heat map (open actions per network and theme) as a table whose cells carry its colours.

    In print the table is the chart: one view with every number instead of an SVG chart and its
    table of the same numbers. WeasyPrint draws SVG text letter by letter, which made the heat map
    the most expensive chart of a report, and the repeat cost a page.
    """

    kolommen: list[tuple[int, str]]  # (number, name) of the themes
    rijen: list[tuple[str, list[Warmtecel], str]]  # (network, cells, total)
    schaal: list[Warmtecel]  # the colour key, 0 to the maximum

    @classmethod
    def van(cls, kaart: Any) -> Warmtetabel:
        maximum = kaart.maximum

        def cel(waarde: int) -> Warmtecel:
            if not waarde:
                return Warmtecel(grafieken.getal(0))
            kleur = grafieken.warmtekleur(waarde, maximum)
            return Warmtecel(
                grafieken.getal(waarde), f"background:{kleur};color:{grafieken.tekstkleur(kleur)}"
            )

        stappen = sorted({0, *(round(maximum * f) for f in (0.25, 0.5, 0.75, 1))}) if maximum else [0]
        return cls(
            kolommen=list(kaart.kolommen),
            rijen=[
                (naam, [cel(w) for w in rij], grafieken.getal(sum(rij)))
                for (_, naam), rij in zip(kaart.rijen, kaart.waarden, strict=True)
            ],
            schaal=[cel(w) for w in stappen],
        )


def _grafieken(c: Cijfers, *, per_sector: bool) -> dict[str, Figuur]:
    """The dashboard's charts for this report: `monitoring.grafieken`, from the same figures.

    Each comes with its table (the text alternative), printed under the chart. The heat map is
    not among them: in print it is a coloured table (`Warmtetabel`).
    """
    g = grafieken
    svg = {
        "acties_per_thema": g.acties_per_thema(c, breedte=GRAFIEKBREEDTE),
        "plannen": g.plannen_per_sector(c, breedte=GRAFIEKBREEDTE),
        "ondertekeningen": g.ondertekeningen(c),
        "financiering_per_partij": g.financiering_per_partij(c, breedte=GRAFIEKBREEDTE),
        "financiering_per_thema": g.financiering_per_thema(c, breedte=GRAFIEKBREEDTE),
        "trend": g.trend(c, breedte=GRAFIEKBREEDTE),
    }
    if per_sector:
        svg["acties_per_sector"] = g.acties_per_sector(c, breedte=GRAFIEKBREEDTE)
    return {naam: Figuur.van(grafiek) for naam, grafiek in svg.items()}


# --- Voortgangsrapportage stuurgroep --------------------------------------------------------------


def _voortgangshoofdstukken(
    c: Cijfers, leerpunten: list, bijlage: list[dict[str, Any]], *, per_sector: bool
) -> list[Hoofdstuk]:
    """The chapters of the stuurgroep and CVI reports: the stuurgroep's (`per_sector`) adds the
    progress per sector and lists the sectors of its annex in the contents."""
    return [
        Hoofdstuk(
            "samenvatting",
            "Samenvatting",
            "monitoring/pdf/_samenvatting.html",
            {"kerncijfers": _kerncijfers(c)},
        ),
        *(
            [Hoofdstuk("sectoren", "Voortgang per sector", "monitoring/pdf/_sectoren.html")]
            if per_sector
            else []
        ),
        Hoofdstuk("themas", "Voortgang per thema", "monitoring/pdf/_themas.html"),
        Hoofdstuk("warmtekaart", "Open acties per netwerk en thema", "monitoring/pdf/_warmtekaart.html"),
        Hoofdstuk("plannen", "Actieplannen en mijlpalen", "monitoring/pdf/_plannen.html"),
        Hoofdstuk("financiering", "Financiering", "monitoring/pdf/_financiering.html"),
        Hoofdstuk("trend", "Ontwikkeling in de tijd", "monitoring/pdf/_trend.html"),
        Hoofdstuk("leerpunten", "Leerpunten", "monitoring/pdf/_leerpunten.html", {"leerpunten": leerpunten}),
        Hoofdstuk(
            "bijlage",
            "Bijlage — Cijfers per netwerk",
            "monitoring/pdf/_bijlage_netwerken.html",
            {"groepen": bijlage},
            onderdelen=[{"anker": g["anker"], "titel": g["titel"]} for g in bijlage] if per_sector else [],
            bijlage=True,
        ),
    ]


def render_stuurgroep_pdf(
    *, van: datetime.date, tot: datetime.date, voortgang: Voortgang | None = None
) -> Pdf:
    """The steering group's progress report over all sectors (aggregates only): 10 queries."""
    voortgang = voortgang or _stil
    voortgang(10, "Cijfers berekenen")
    c = geaggregeerde_cijfers(sector=None, van=van, tot=tot)
    leerpunten = leerpunten_in_periode(sector=None, van=van, tot=tot)
    voortgang(25, "Grafieken tekenen")
    svg = _grafieken(c, per_sector=True)
    bijlage = _netwerken_per_sector(c)
    hoofdstukken = _voortgangshoofdstukken(c, leerpunten, bijlage, per_sector=True)
    return _stel_samen(
        documentsoort="Voortgangsrapportage stuurgroep",
        titel="Voortgangsrapportage stuurgroep",
        ondertitel="De voortgang van het programma in alle sectoren",
        van=van,
        tot=tot,
        kenmerken=_kenmerken(c, van, tot, bereik="Alle sectoren"),
        hoofdstukken=hoofdstukken,
        basis={**_basis(c, van, tot), "svg": svg, "alle_sectoren": True},
        voortgang=voortgang,
    )


def _kenmerken(c: Cijfers, van: datetime.date, tot: datetime.date, *, bereik: str) -> list[tuple[str, str]]:
    return [
        ("Periode", _periode(van, tot)),
        ("Omvang", bereik),
        ("Netwerken", str(c.plannen.netwerken)),
        ("Stand van", _datum(c.vandaag)),
        ("Inhoud", "Alleen totalen; vertrouwelijke acties (TLP:RED) tellen niet mee"),
    ]


# --- Rapportage CVI -------------------------------------------------------------------------------


def render_cvi_pdf(
    sector: Sector, *, van: datetime.date, tot: datetime.date, voortgang: Voortgang | None = None
) -> Pdf:
    """The CVI's report on one sector (aggregates only): 10 queries."""
    voortgang = voortgang or _stil
    voortgang(10, "Cijfers berekenen")
    c = geaggregeerde_cijfers(sector=sector, van=van, tot=tot)
    leerpunten = leerpunten_in_periode(sector=sector, van=van, tot=tot)
    voortgang(25, "Grafieken tekenen")
    svg = _grafieken(c, per_sector=False)
    netwerken = [n for n in c.per_netwerk if not n.landelijk]
    landelijk = [n for n in c.per_netwerk if n.landelijk]
    bijlage = [{"titel": sector.naam, "anker": f"bijlage-{sector.slug}", "netwerken": netwerken}]
    if landelijk:
        bijlage.append({"titel": "Landelijk", "anker": "bijlage-landelijk", "netwerken": landelijk})
    hoofdstukken = _voortgangshoofdstukken(c, leerpunten, bijlage, per_sector=False)
    return _stel_samen(
        documentsoort="Rapportage CVI",
        titel=f"Rapportage CVI {sector.naam}",
        ondertitel=f"De voortgang van de sector {sector.naam} voor de Commissie Vitale Infrastructuur",
        van=van,
        tot=tot,
        kenmerken=_kenmerken(c, van, tot, bereik=f"Sector {sector.naam}"),
        hoofdstukken=hoofdstukken,
        basis={**_basis(c, van, tot), "svg": svg, "sector": sector, "alle_sectoren": False},
        voortgang=voortgang,
    )


# --- Eindrapportage -------------------------------------------------------------------------------


def render_eind_pdf(*, van: datetime.date, tot: datetime.date, voortgang: Voortgang | None = None) -> Pdf:
    """The programme's evaluation: results against the milestones, leerpunten, what remains: 10 queries."""
    voortgang = voortgang or _stil
    voortgang(10, "Cijfers berekenen")
    c = geaggregeerde_cijfers(sector=None, van=van, tot=tot)
    leerpunten = leerpunten_in_periode(sector=None, van=van, tot=tot)
    voortgang(25, "Grafieken tekenen")
    svg = _grafieken(c, per_sector=True)
    bijlage = _netwerken_per_sector(c)
    mijlpalen = c.mijlpalen
    hoofdstukken = [
        Hoofdstuk(
            "samenvatting",
            "Samenvatting",
            "monitoring/pdf/_samenvatting.html",
            {"kerncijfers": _kerncijfers(c)},
        ),
        Hoofdstuk(
            "mijlpalen",
            "Resultaten tegen de mijlpalen",
            "monitoring/pdf/_mijlpalen.html",
            {
                "behaald": sum(1 for m in mijlpalen if m.stand == "behaald"),
                "te_laat": sum(1 for m in mijlpalen if m.stand == "te_laat"),
                "sectoren_met_agenda": sum(1 for s in c.per_sector if s.heeft_agenda),
            },
        ),
        Hoofdstuk("sectoren", "Voortgang per sector", "monitoring/pdf/_sectoren.html"),
        Hoofdstuk("themas", "Voortgang per thema", "monitoring/pdf/_themas.html"),
        Hoofdstuk("financiering", "Financiering", "monitoring/pdf/_financiering.html"),
        Hoofdstuk("leerpunten", "Leerpunten", "monitoring/pdf/_leerpunten.html", {"leerpunten": leerpunten}),
        Hoofdstuk("openstaand", "Wat openstaat", "monitoring/pdf/_openstaand.html", _openstaand(c)),
        Hoofdstuk("trend", "Ontwikkeling in de tijd", "monitoring/pdf/_trend.html"),
        Hoofdstuk(
            "bijlage",
            "Bijlage — Cijfers per netwerk",
            "monitoring/pdf/_bijlage_netwerken.html",
            {"groepen": bijlage},
            onderdelen=[{"anker": g["anker"], "titel": g["titel"]} for g in bijlage],
            bijlage=True,
        ),
    ]
    return _stel_samen(
        documentsoort="Eindrapportage",
        titel="Eindrapportage programma Continuïteit van de samenleving",
        ondertitel="Resultaten tegen de mijlpalen, leerpunten en wat openstaat",
        van=van,
        tot=tot,
        kenmerken=_kenmerken(c, van, tot, bereik="Het hele programma, alle sectoren"),
        hoofdstukken=hoofdstukken,
        basis={**_basis(c, van, tot), "svg": svg, "alle_sectoren": True, "eind": True},
        voortgang=voortgang,
    )


def _openstaand(c: Cijfers) -> dict[str, Any]:
    """What remains: milestones not reached, networks without an adopted plan, open and late actions."""
    return {
        "mijlpalen_open": [m for m in c.mijlpalen if m.stand != "behaald"],
        "zonder_plan": [n for n in c.per_netwerk if n.plan_status not in cijfermodule.VASTGESTELD_OF_LATER],
        "sectoren_open": [s for s in c.per_sector if s.acties.open],
        "themas_open": [t for t in c.per_thema if t.acties.open],
        "niet_getekend": c.ondertekeningen.totaal - c.ondertekeningen.getekend,
    }
