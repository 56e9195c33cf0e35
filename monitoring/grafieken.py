"""Charts as server-side SVG (§6): the same function draws the dashboard and the PDF reports.

API (stable; pure functions, no queries, no JavaScript, no external fonts)
--------------------------------------------------------------------------
Every function returns a ``SafeString`` with one ``<svg role="img">`` that has a ``<title>`` and a
``<desc>`` (referenced by ``aria-labelledby``); numbers are printed in the chart, so nothing relies
on colour alone, and every text colour meets WCAG AA contrast against what it is drawn on. Show a
text or table alternative next to each chart: ``templates/monitoring/_grafiek_met_tabel.html``
renders chart + ``<details>`` table from a ``Tabel`` (below); a PDF can render the table directly.

``gestapelde_balken(balken, reeksen, *, titel, beschrijving, breedte=720, ident=None)``
    Horizontal stacked bars, e.g. actions per status per sector/theme/network.
    ``balken``: ``[Balk(label, {sleutel: aantal}, extra="3 te laat")]``;
    ``reeksen``: ``[Reeks(sleutel, label, kleur)]`` (see ``STATUSREEKSEN``, ``PLANREEKSEN``).
``warmtekaart(rijen, kolommen, waarden, *, titel, beschrijving, breedte=720, ident=None)``
    A grid networks × themes; ``waarden[rij][kolom]``; columns are numbered with a key below.
``voortgangsbalk(waarde, maximum, *, titel, eenheid="", breedte=360, ident=None)``
    One bar "17 van 25 (68%)", e.g. role-description signatures.
``donut(waarde, maximum, *, titel, eenheid="", grootte=150, ident=None)``
    The same as a ring with "17/25" in the middle.
``lijngrafiek(datums, lijnen, *, titel, beschrijving, breedte=720, hoogte=280, ident=None)``
    A trend over months; ``lijnen``: ``[Lijn(label, waarden, kleur, streep, marker)]``
    (see ``trendlijnen(trend)``), each line with its own dash pattern and marker.
``staafdiagram(staven, *, titel, beschrijving, opmaak=str, kleur=..., breedte=720, ident=None)``
    Horizontal bars with their value printed, e.g. financing per party (``opmaak=euro_kort``).

The programme's charts from ``monitoring.cijfers.Cijfers`` (what the dashboard shows; reports reuse them):
``alle_grafieken(cijfers, breedte=720) -> dict[str, Grafiek]`` with the keys ``acties_per_sector``,
``acties_per_thema``, ``acties_per_netwerk``, ``warmtekaart``, ``plannen``, ``toetsing``,
``ondertekeningen``, ``financiering_per_partij``, ``financiering_per_thema``, ``trend``; or one of
the functions of the same name (``warmtekaart_netwerken``, ``plannen_per_sector``,
``toetsing_per_netwerk`` for the last three that differ). A ``Grafiek`` has ``titel``, ``svg``
(empty when there are more than ``MAX_NETWERKEN_IN_GRAFIEK`` network rows: show the table),
``tabel`` and ``toelichting``. None of them contains an action's title.

Helpers: ``Tabel`` (caption, columns, rows, numeric columns; ``als_html()`` renders it), ``contrast(a, b)``,
``tekstkleur(achtergrond)``, ``warmtekleur(waarde, maximum)``, ``euro_kort(bedrag)``, ``getal(n)``.

Sizes are in CSS pixels through ``width``/``height`` plus a ``viewBox``: the page CSS scales a
chart down to its container (``max-width: 100%; height: auto``); WeasyPrint draws it as is.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from continuiteit.opmaak import euro

LETTERTYPE = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif"
TEKST = "#1a1a1a"  # on white 17.4:1
TEKST_ZACHT = "#545454"  # secondary text; on white 7.6:1
RASTER = "#c8c8c8"  # grid lines (decoration, no text)
AS = "#6b6b6b"  # axes; 5.3:1 on white (non-text contrast ≥ 3:1)
WIT = "#ffffff"
ZWART = "#000000"

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


# --- Data shapes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reeks:
    """One part of a stacked bar: its key in `Balk.waarden`, its label and its fill colour."""

    sleutel: str
    label: str
    kleur: str


@dataclass(frozen=True)
class Balk:
    label: str
    waarden: dict[str, int]
    extra: str = ""  # printed after the total, e.g. "3 te laat"

    @property
    def totaal(self) -> int:
        return sum(self.waarden.values())


@dataclass(frozen=True)
class Lijn:
    label: str
    waarden: Sequence[int | float]
    kleur: str
    streep: str = ""  # SVG stroke-dasharray; lines differ by pattern, not only by colour
    marker: str = "cirkel"  # cirkel, vierkant, driehoek, ruit


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: int | float | Decimal


@dataclass
class Tabel:
    """The text alternative of a chart: rows of cells (already formatted as text)."""

    bijschrift: str
    kolommen: list[str]
    rijen: list[list[Any]]
    numeriek: set[int] = field(default_factory=set)  # indexes of right-aligned columns
    voet: list[Any] | None = None  # a totals row

    def als_html(self) -> SafeString:
        """The table as Utrecht-styled HTML (first cell of a row is its header); every text escaped.

        Built in Python rather than in a template: a page holds hundreds of cells, and this is
        the same markup for the dashboard and the PDF reports.
        """

        def cel(waarde: Any, index: int, soort: str) -> str:
            if index == 0:
                return f'<th class="utrecht-table__cell" scope="row">{_e(waarde)}</th>'
            rechts = " utrecht-table__cell--numeric" if index in self.numeriek else ""
            return f'<{soort} class="utrecht-table__cell{rechts}">{_e(waarde)}</{soort}>'

        kop = "".join(
            f'<th class="utrecht-table__header-cell'
            f'{" utrecht-table__header-cell--numeric" if i in self.numeriek else ""}" scope="col">'
            f"{_e(kolom) if kolom else '&nbsp;'}</th>"
            for i, kolom in enumerate(self.kolommen)
        )
        rijen = "".join(
            '<tr class="utrecht-table__row">' + "".join(cel(w, i, "td") for i, w in enumerate(rij)) + "</tr>"
            for rij in self.rijen
        ) or (
            f'<tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="{len(self.kolommen)}">'
            "Geen gegevens.</td></tr>"
        )
        voet = (
            '<tfoot class="utrecht-table__footer"><tr class="utrecht-table__row">'
            + "".join(cel(w, i, "td") for i, w in enumerate(self.voet))
            + "</tr></tfoot>"
            if self.voet
            else ""
        )
        return mark_safe(  # noqa: S308 - every cell went through _e()
            '<div class="tabel-container"><table class="utrecht-table grafiektabel">'
            f'<caption class="utrecht-table__caption">{_e(self.bijschrift)}</caption>'
            f'<thead class="utrecht-table__header"><tr class="utrecht-table__row">{kop}</tr></thead>'
            f'<tbody class="utrecht-table__body">{rijen}</tbody>{voet}</table></div>'
        )


# Fills of the action statuses. Every fill has a text colour with ≥ 4.5:1 on it (tekstkleur()),
# and adjacent segments are separated by a white gap, so a part is never told by colour alone.
STATUSKLEUREN = {
    "niet_gestart": "#8a8a8a",
    "in_uitvoering": "#01689b",
    "vertraagd": "#ffb612",
    "gereed": "#2a6b31",
    "vervallen": "#d5d5d5",
}
# The order in a stacked bar: from finished to not started reads as progress from the left.
STATUSVOLGORDE = ("gereed", "in_uitvoering", "vertraagd", "niet_gestart", "vervallen")
STATUSLABELS = {
    "niet_gestart": "niet gestart",
    "in_uitvoering": "in uitvoering",
    "vertraagd": "vertraagd",
    "gereed": "gereed",
    "vervallen": "vervallen",
}
STATUSREEKSEN = [Reeks(s, STATUSLABELS[s], STATUSKLEUREN[s]) for s in STATUSVOLGORDE]

PLANKLEUREN = {
    "geen": "#e6e6e6",
    "concept": "#a9c6e0",
    "ter_instemming": "#ffb612",
    "vastgesteld": "#01689b",
    "in_uitvoering": "#154273",
    "afgerond": "#2a6b31",
}
PLANLABELS = {
    "geen": "nog geen plan",
    "concept": "concept",
    "ter_instemming": "ter instemming",
    "vastgesteld": "vastgesteld",
    "in_uitvoering": "in uitvoering",
    "afgerond": "afgerond",
}
PLANREEKSEN = [Reeks(s, PLANLABELS[s], PLANKLEUREN[s]) for s in reversed(PLANKLEUREN)]

WARMTE_LAAG = (239, 244, 250)  # the fill of 0
WARMTE_HOOG = (11, 46, 87)  # the fill of the maximum


# --- Colour and text helpers -----------------------------------------------------------------------


def _rgb(kleur: str) -> tuple[int, int, int]:
    kleur = kleur.lstrip("#")
    if len(kleur) == 3:
        kleur = "".join(c * 2 for c in kleur)
    return int(kleur[0:2], 16), int(kleur[2:4], 16), int(kleur[4:6], 16)


def _luminantie(kleur: str) -> float:
    def kanaal(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(c) for c in _rgb(kleur))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours (1–21)."""
    la, lb = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def tekstkleur(achtergrond: str) -> str:
    """Dark or white text, whichever contrasts more; pure black where the dark grey is not enough.

    Black or white always reaches at least 4.58:1 on any background, so the result meets AA.
    """
    donker = TEKST if contrast(TEKST, achtergrond) >= 4.5 else ZWART
    return donker if contrast(donker, achtergrond) >= contrast(WIT, achtergrond) else WIT


def getal(n: int | float | Decimal) -> str:
    """12.345 (Dutch thousands separator); decimals with a comma."""
    if isinstance(n, float | Decimal) and n != int(n):
        return f"{n:,.1f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"{int(n):,}".replace(",", ".")


def euro_kort(bedrag: int | float | Decimal) -> str:
    """€ 12.500 (whole euros) for labels in charts."""
    return euro(Decimal(bedrag), centen=False)


def _breedte_van(tekst: str, grootte: float) -> float:
    """Estimated width of a text in the sans-serif fonts (average glyph ~0.55 em)."""
    return len(tekst) * grootte * 0.53


def _kort(tekst: str, maximum: float, grootte: float) -> str:
    if _breedte_van(tekst, grootte) <= maximum:
        return tekst
    tekens = max(int(maximum / (grootte * 0.55)) - 1, 3)
    return tekst[:tekens].rstrip() + "…"


def _e(tekst: Any) -> str:
    return str(escape(str(tekst)))


def _tekst(
    x: float,
    y: float,
    inhoud: str,
    *,
    grootte: float = 13,
    kleur: str = TEKST,
    anker: str = "start",
    gewicht: str = "normal",
    volledig: str = "",
) -> str:
    """A text element; `volledig` adds a tooltip with the untruncated text."""
    tip = f"<title>{_e(volledig)}</title>" if volledig and volledig != inhoud else ""
    vet = ' font-weight="bold"' if gewicht == "bold" else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{grootte}" fill="{kleur}" text-anchor="{anker}"{vet}>'
        f"{tip}{_e(inhoud)}</text>"
    )


def _svg(
    breedte: float, hoogte: float, titel: str, beschrijving: str, inhoud: list[str], ident: str | None
) -> SafeString:
    """The chart element with its accessible name and description."""
    basis = ident or "grafiek-" + (slugify(titel)[:40] or "x")
    vingerafdruk = hashlib.sha1("".join(inhoud).encode()).hexdigest()[:6]  # noqa: S324 - an id, not security
    basis = f"{basis}-{vingerafdruk}" if not ident else basis
    b, h = math.ceil(breedte), math.ceil(hoogte)
    return mark_safe(  # noqa: S308 - every text in `inhoud` went through _e()
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek-svg" role="img" '
        f'width="{b}" height="{h}" viewBox="0 0 {b} {h}" font-family="{LETTERTYPE}" '
        f'aria-labelledby="{basis}-titel {basis}-desc">'
        f'<title id="{basis}-titel">{_e(titel)}</title><desc id="{basis}-desc">{_e(beschrijving)}</desc>'
        + "".join(inhoud)
        + "</svg>"
    )


def _legenda(
    reeksen: Sequence[tuple[str, str]], x0: float, y0: float, breedte: float
) -> tuple[list[str], float]:
    """Swatches with labels, wrapped over lines; returns the elements and the height used."""
    delen, x, y = [], x0, y0
    for label, kleur in reeksen:
        stap = 18 + _breedte_van(label, 13) + 18
        if x + stap > x0 + breedte and x > x0:
            x, y = x0, y + 20
        delen.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="13" height="13" fill="{kleur}" stroke="{AS}" stroke-width="0.75"/>'
        )
        delen.append(_tekst(x + 18, y + 11, label))
        x += stap
    return delen, (y - y0) + 20


def _stappen(maximum: float, aantal: int = 5) -> tuple[float, list[float]]:
    """A round axis maximum and its ticks (1, 2 or 5 × 10^n apart)."""
    if maximum <= 0:
        return 1, [0, 1]
    ruw = maximum / aantal
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(f * macht for f in (1, 2, 5, 10) if f * macht >= ruw)
    stap = max(stap, 1)
    top = math.ceil(maximum / stap) * stap
    return top, [i * stap for i in range(int(round(top / stap)) + 1)]


# --- Charts -----------------------------------------------------------------------------------------


def gestapelde_balken(
    balken: Sequence[Balk],
    reeksen: Sequence[Reeks],
    *,
    titel: str,
    beschrijving: str,
    breedte: int = 720,
    labelruimte: float = 0.34,
    ident: str | None = None,
) -> SafeString:
    """Horizontal stacked bars on a common scale, each part's number printed where it fits.

    `labelruimte` is the largest share of the width the row labels may take (longer ones are
    shortened with an ellipsis; the full label is in a tooltip and in the table).
    """
    grootte = 13
    labelbreedte = min(
        max((_breedte_van(b.label, grootte) for b in balken), default=60) + 12, breedte * labelruimte
    )
    totaalbreedte = (
        max((_breedte_van(f"{getal(b.totaal)}  {b.extra}", grootte) for b in balken), default=30) + 14
    )
    legenda, legendahoogte = _legenda([(r.label, r.kleur) for r in reeksen], 0, 4, breedte)
    x0 = labelbreedte
    schaalbreedte = max(breedte - x0 - totaalbreedte, 80)
    maximum = max((b.totaal for b in balken), default=0) or 1
    rijhoogte, balkhoogte = 28, 20
    y0 = legendahoogte + 12
    delen = list(legenda)
    for i, balk in enumerate(balken):
        y = y0 + i * rijhoogte
        delen.append(
            _tekst(
                x0 - 10,
                y + 15,
                _kort(balk.label, labelbreedte - 12, grootte),
                anker="end",
                volledig=balk.label,
            )
        )
        x = x0
        for reeks in reeksen:
            aantal = balk.waarden.get(reeks.sleutel, 0)
            if not aantal:
                continue
            w = schaalbreedte * aantal / maximum
            delen.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w - 1, 0.5):.1f}" height="{balkhoogte}" '
                f'fill="{reeks.kleur}"><title>{_e(reeks.label)}: {aantal}</title></rect>'
            )
            if _breedte_van(getal(aantal), 12) + 6 <= w - 1:
                delen.append(
                    _tekst(
                        x + (w - 1) / 2,
                        y + 14.5,
                        getal(aantal),
                        grootte=12,
                        kleur=tekstkleur(reeks.kleur),
                        anker="middle",
                    )
                )
            x += w
        label = getal(balk.totaal) if balk.totaal else "geen"
        delen.append(
            _tekst(
                x + 6,
                y + 15,
                label,
                gewicht="bold" if balk.totaal else "normal",
                kleur=TEKST if balk.totaal else TEKST_ZACHT,
            )
        )
        if balk.extra:
            delen.append(_tekst(x + 12 + _breedte_van(label, grootte), y + 15, balk.extra, kleur=TEKST_ZACHT))
    delen.append(
        f'<line x1="{x0 - 0.5:.1f}" y1="{y0 - 4}" x2="{x0 - 0.5:.1f}" '
        f'y2="{y0 + len(balken) * rijhoogte - 4}" stroke="{AS}" stroke-width="1"/>'
    )
    hoogte = y0 + max(len(balken), 1) * rijhoogte + 4
    if not balken:
        delen.append(_tekst(x0, y0 + 15, "Geen gegevens", kleur=TEKST_ZACHT))
    return _svg(breedte, hoogte, titel, beschrijving, delen, ident)


def warmtekleur(waarde: int, maximum: int) -> str:
    """The fill of a heat-map cell with `waarde` of at most `maximum` (the PDF colours its table with it)."""
    if maximum <= 0 or waarde <= 0:
        return "#{:02x}{:02x}{:02x}".format(*WARMTE_LAAG)
    # Square root: small numbers are already visibly different from zero.
    t = 0.18 + 0.82 * math.sqrt(waarde / maximum)
    r, g, b = (round(a + (h - a) * t) for a, h in zip(WARMTE_LAAG, WARMTE_HOOG, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def warmtekaart(
    rijen: Sequence[str],
    kolommen: Sequence[str],
    waarden: Sequence[Sequence[int]],
    *,
    titel: str,
    beschrijving: str,
    breedte: int = 720,
    ident: str | None = None,
) -> SafeString:
    """A heat map: each cell's fill darkens with its number, and the number is printed in it.

    Columns are headed by their number (1, 2, …); the key below the grid names them.
    """
    grootte = 13
    labelbreedte = min(max((_breedte_van(r, grootte) for r in rijen), default=60) + 14, breedte * 0.42)
    celbreedte = max(min((breedte - labelbreedte - 8) / max(len(kolommen), 1), 64), 30)
    celhoogte = 26
    maximum = max((max(r) for r in waarden if r), default=0)
    y0 = 26
    delen = []
    for k, _kolom in enumerate(kolommen):
        delen.append(
            _tekst(
                labelbreedte + k * celbreedte + celbreedte / 2,
                y0 - 8,
                str(k + 1),
                anker="middle",
                gewicht="bold",
                volledig=f"{k + 1}. {_kolom}",
            )
        )
    for r, rij in enumerate(rijen):
        y = y0 + r * celhoogte
        delen.append(
            _tekst(
                labelbreedte - 10, y + 17, _kort(rij, labelbreedte - 14, grootte), anker="end", volledig=rij
            )
        )
        for k in range(len(kolommen)):
            waarde = waarden[r][k] if k < len(waarden[r]) else 0
            kleur = warmtekleur(waarde, maximum)
            x = labelbreedte + k * celbreedte
            delen.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{celbreedte - 2:.1f}" height="{celhoogte - 2}" fill="{kleur}">'
                f"<title>{_e(rij)}, {_e(kolommen[k])}: {waarde}</title></rect>"
            )
            delen.append(
                _tekst(
                    x + (celbreedte - 2) / 2,
                    y + 17,
                    getal(waarde),
                    anker="middle",
                    kleur=tekstkleur(kleur) if waarde else TEKST_ZACHT,
                    gewicht="bold" if waarde else "normal",
                )
            )
    y = y0 + max(len(rijen), 1) * celhoogte + 16
    if not rijen:
        delen.append(_tekst(labelbreedte, y0 + 17, "Geen netwerken", kleur=TEKST_ZACHT))
    # Colour key: five steps from 0 to the maximum, each with its number.
    stappen = sorted({0, *(round(maximum * f) for f in (0.25, 0.5, 0.75, 1))}) if maximum else [0]
    delen.append(_tekst(0, y + 12, "Schaal (open acties):", kleur=TEKST_ZACHT))
    x = _breedte_van("Schaal (open acties):", grootte) + 10
    for waarde in stappen:
        kleur = warmtekleur(waarde, maximum)
        delen.append(
            f'<rect x="{x:.1f}" y="{y - 2:.1f}" width="34" height="20" fill="{kleur}" stroke="{AS}" stroke-width="0.5"/>'
        )
        delen.append(
            _tekst(
                x + 17,
                y + 12,
                getal(waarde),
                anker="middle",
                grootte=12,
                kleur=tekstkleur(kleur) if waarde else TEKST_ZACHT,
            )
        )
        x += 38
    # Key of the column numbers, in two columns.
    y += 34
    sleutels = [f"{k + 1}. {naam}" for k, naam in enumerate(kolommen)]
    helft = math.ceil(len(sleutels) / 2)
    for i, sleutel in enumerate(sleutels):
        kolom, regel = divmod(i, helft) if helft else (0, i)
        delen.append(
            _tekst(
                kolom * breedte / 2,
                y + regel * 18,
                _kort(sleutel, breedte / 2 - 12, 12),
                grootte=12,
                kleur=TEKST_ZACHT,
                volledig=sleutel,
            )
        )
    hoogte = y + max(helft, 1) * 18
    return _svg(breedte, hoogte, titel, beschrijving, delen, ident)


def voortgangsbalk(
    waarde: int,
    maximum: int,
    *,
    titel: str,
    eenheid: str = "",
    breedte: int = 360,
    kleur: str = "#2a6b31",
    ident: str | None = None,
) -> SafeString:
    """A progress bar with "waarde van maximum (pct%)" printed above it."""
    pct = round(100 * waarde / maximum) if maximum else 0
    tekst = f"{getal(waarde)} van {getal(maximum)}{' ' + eenheid if eenheid else ''} ({pct}%)"
    gevuld = (breedte - 2) * min(waarde / maximum, 1) if maximum else 0
    delen = [
        _tekst(0, 16, tekst, grootte=14, gewicht="bold"),
        f'<rect x="0.5" y="26.5" width="{breedte - 1}" height="18" fill="#ffffff" stroke="{AS}" stroke-width="1"/>',
        f'<rect x="1" y="27" width="{gevuld:.1f}" height="17" fill="{kleur}"/>',
    ]
    return _svg(breedte, 48, titel, tekst, delen, ident)


def donut(
    waarde: int,
    maximum: int,
    *,
    titel: str,
    eenheid: str = "",
    grootte: int = 150,
    kleur: str = "#2a6b31",
    ident: str | None = None,
) -> SafeString:
    """A ring filled to waarde/maximum with "waarde/maximum" in the middle."""
    r = grootte / 2 - 12
    cx = cy = grootte / 2
    deel = min(waarde / maximum, 1) if maximum else 0
    delen = [f'<circle cx="{cx}" cy="{cy}" r="{r:.1f}" fill="none" stroke="#e1e1e1" stroke-width="18"/>']
    if deel >= 1:
        delen.append(
            f'<circle cx="{cx}" cy="{cy}" r="{r:.1f}" fill="none" stroke="{kleur}" stroke-width="18"/>'
        )
    elif deel > 0:
        hoek = 2 * math.pi * deel - math.pi / 2
        x1, y1 = cx, cy - r
        x2, y2 = cx + r * math.cos(hoek), cy + r * math.sin(hoek)
        groot = 1 if deel > 0.5 else 0
        delen.append(
            f'<path d="M {x1:.2f} {y1:.2f} A {r:.2f} {r:.2f} 0 {groot} 1 {x2:.2f} {y2:.2f}" fill="none" '
            f'stroke="{kleur}" stroke-width="18"/>'
        )
    delen.append(
        _tekst(cx, cy + 7, f"{getal(waarde)}/{getal(maximum)}", grootte=22, gewicht="bold", anker="middle")
    )
    if eenheid:
        delen.append(_tekst(cx, cy + 25, eenheid, grootte=11, anker="middle", kleur=TEKST_ZACHT))
    pct = round(100 * deel)
    beschrijving = f"{getal(waarde)} van {getal(maximum)}{' ' + eenheid if eenheid else ''} ({pct}%)"
    return _svg(grootte, grootte, titel, beschrijving, delen, ident)


def _marker(soort: str, x: float, y: float, kleur: str) -> str:
    if soort == "vierkant":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{kleur}"/>'
    if soort == "driehoek":
        return f'<path d="M {x:.1f} {y - 5:.1f} L {x + 5:.1f} {y + 4:.1f} L {x - 5:.1f} {y + 4:.1f} Z" fill="{kleur}"/>'
    if soort == "ruit":
        return f'<path d="M {x:.1f} {y - 5:.1f} L {x + 5:.1f} {y:.1f} L {x:.1f} {y + 5:.1f} L {x - 5:.1f} {y:.1f} Z" fill="{kleur}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{kleur}"/>'


def maandlabel(datum: datetime.date) -> str:
    return f"{MAANDEN[datum.month - 1]} {datum.year}"


def lijngrafiek(
    datums: Sequence[datetime.date],
    lijnen: Sequence[Lijn],
    *,
    titel: str,
    beschrijving: str,
    breedte: int = 720,
    hoogte: int = 280,
    ident: str | None = None,
) -> SafeString:
    """Lines over months, with a legend, a y axis with numbers and the last value of each line."""
    legenda_delen, legendahoogte = [], 0.0
    x = 0.0
    for lijn in lijnen:
        stap = 44 + _breedte_van(lijn.label, 13) + 18
        streep = f' stroke-dasharray="{lijn.streep}"' if lijn.streep else ""
        legenda_delen.append(
            f'<line x1="{x:.1f}" y1="10" x2="{x + 34:.1f}" y2="10" stroke="{lijn.kleur}" stroke-width="2.5"{streep}/>'
        )
        legenda_delen.append(_marker(lijn.marker, x + 17, 10, lijn.kleur))
        legenda_delen.append(_tekst(x + 40, 15, lijn.label))
        x += stap
    legendahoogte = 30
    maximum = max((max(lijn.waarden, default=0) for lijn in lijnen), default=0)
    top, ticks = _stappen(maximum)
    links = max(_breedte_van(getal(top), 12) + 12, 32)
    rechts = (
        max((_breedte_van(getal(lijn.waarden[-1]), 12) for lijn in lijnen if lijn.waarden), default=0) + 14
    )
    boven, onder = legendahoogte + 10, 34
    plotbreedte, plothoogte = breedte - links - rechts, hoogte - boven - onder
    delen = list(legenda_delen)
    for tick in ticks:
        y = boven + plothoogte * (1 - tick / top)
        delen.append(
            f'<line x1="{links:.1f}" y1="{y:.1f}" x2="{links + plotbreedte:.1f}" y2="{y:.1f}" stroke="{RASTER}" stroke-width="1"/>'
        )
        delen.append(_tekst(links - 6, y + 4, getal(tick), grootte=12, anker="end", kleur=TEKST_ZACHT))
    delen.append(
        f'<line x1="{links:.1f}" y1="{boven + plothoogte:.1f}" x2="{links + plotbreedte:.1f}" '
        f'y2="{boven + plothoogte:.1f}" stroke="{AS}" stroke-width="1"/>'
    )
    n = len(datums)
    if n == 0:
        delen.append(_tekst(links + 8, boven + plothoogte / 2, "Nog geen momentopnamen", kleur=TEKST_ZACHT))
        return _svg(breedte, hoogte, titel, beschrijving, delen, ident)

    def px(i: int) -> float:
        return links + (plotbreedte * i / (n - 1) if n > 1 else plotbreedte / 2)

    def py(waarde: float) -> float:
        return boven + plothoogte * (1 - waarde / top)

    # Month labels: as many as fit, always the first and the last.
    ruimte = _breedte_van("mrt 2026", 12) + 12
    elke = max(1, math.ceil(n * ruimte / max(plotbreedte, 1)))
    for i, datum in enumerate(datums):
        if i % elke == 0 or i == n - 1:
            if i != n - 1 and n - 1 - i < elke:
                continue  # keep room for the last label
            delen.append(
                _tekst(
                    px(i),
                    boven + plothoogte + 18,
                    maandlabel(datum),
                    grootte=12,
                    anker="middle",
                    kleur=TEKST_ZACHT,
                )
            )
            delen.append(
                f'<line x1="{px(i):.1f}" y1="{boven + plothoogte:.1f}" x2="{px(i):.1f}" y2="{boven + plothoogte + 5:.1f}" stroke="{AS}"/>'
            )
    for lijn in lijnen:
        punten = " ".join(f"{px(i):.1f},{py(w):.1f}" for i, w in enumerate(lijn.waarden))
        streep = f' stroke-dasharray="{lijn.streep}"' if lijn.streep else ""
        if len(lijn.waarden) > 1:
            delen.append(
                f'<polyline points="{punten}" fill="none" stroke="{lijn.kleur}" stroke-width="2.5"{streep}/>'
            )
        # Markers on every point when few, else on the last one only.
        for i, w in enumerate(lijn.waarden):
            if len(lijn.waarden) <= 13 or i == len(lijn.waarden) - 1:
                delen.append(_marker(lijn.marker, px(i), py(w), lijn.kleur))
    # The last value of each line at its end, pushed apart so equal values do not overlap.
    eindlabels = sorted(
        ((py(lijn.waarden[-1]), lijn) for lijn in lijnen if lijn.waarden), key=lambda paar: paar[0]
    )
    vorige = -math.inf
    for y, lijn in eindlabels:
        y = max(y + 4, vorige + 13)
        vorige = y
        delen.append(
            _tekst(
                px(len(lijn.waarden) - 1) + 9,
                y,
                getal(lijn.waarden[-1]),
                grootte=12,
                gewicht="bold",
                kleur=lijn.kleur if contrast(lijn.kleur, WIT) >= 4.5 else TEKST,
            )
        )
    return _svg(breedte, hoogte, titel, beschrijving, delen, ident)


def staafdiagram(
    staven: Sequence[Staaf],
    *,
    titel: str,
    beschrijving: str,
    opmaak: Callable[[Any], str] = getal,
    kleur: str = "#154273",
    breedte: int = 720,
    labelruimte: float = 0.38,
    ident: str | None = None,
) -> SafeString:
    """Horizontal bars with their value printed after each bar."""
    grootte = 13
    labelbreedte = min(
        max((_breedte_van(s.label, grootte) for s in staven), default=60) + 12, breedte * labelruimte
    )
    waardebreedte = max((_breedte_van(opmaak(s.waarde), grootte) for s in staven), default=30) + 14
    schaalbreedte = max(breedte - labelbreedte - waardebreedte, 80)
    maximum = max((float(s.waarde) for s in staven), default=0) or 1
    rijhoogte = 28
    delen = []
    for i, staaf in enumerate(staven):
        y = 4 + i * rijhoogte
        w = schaalbreedte * float(staaf.waarde) / maximum
        delen.append(
            _tekst(
                labelbreedte - 10,
                y + 15,
                _kort(staaf.label, labelbreedte - 12, grootte),
                anker="end",
                volledig=staaf.label,
            )
        )
        if w > 0:
            delen.append(
                f'<rect x="{labelbreedte:.1f}" y="{y:.1f}" width="{w:.1f}" height="20" fill="{kleur}"/>'
            )
        delen.append(_tekst(labelbreedte + w + 6, y + 15, opmaak(staaf.waarde), gewicht="bold"))
    delen.append(
        f'<line x1="{labelbreedte - 0.5:.1f}" y1="0" x2="{labelbreedte - 0.5:.1f}" '
        f'y2="{len(staven) * rijhoogte + 4}" stroke="{AS}" stroke-width="1"/>'
    )
    if not staven:
        delen.append(_tekst(labelbreedte + 8, 19, "Geen gegevens", kleur=TEKST_ZACHT))
    return _svg(breedte, max(len(staven), 1) * rijhoogte + 8, titel, beschrijving, delen, ident)


# --- Ready-made series for the programme's figures -------------------------------------------------------


def trendlijnen(trend: Sequence[Any]) -> list[Lijn]:
    """The trend lines of `cijfers.Trendpunt`s: open, gereed, te laat, plans vastgesteld."""
    return [
        Lijn("open acties", [p.open for p in trend], "#01689b", "", "cirkel"),
        Lijn("gereed", [p.gereed for p in trend], "#2a6b31", "8 4", "vierkant"),
        Lijn("te laat", [p.te_laat for p in trend], "#b01c1c", "3 3", "driehoek"),
        Lijn("plannen vastgesteld", [p.plannen_vastgesteld for p in trend], "#5a3a8c", "12 4 3 4", "ruit"),
    ]


# --- The programme's charts, each with its table (dashboard and reports) ------------------------------

# Charts with a row per network stay readable up to this many networks; beyond it the page asks
# for a sector and shows the table only.
MAX_NETWERKEN_IN_GRAFIEK = 60

TOETSREEKSEN = [
    Reeks("geregeld", "geregeld", "#2a6b31"),
    Reeks("vraagt_actie", "open of deels", "#ffb612"),
    Reeks("niet_relevant", "niet relevant", "#8a8a8a"),
    Reeks("nog", "nog niet beoordeeld", "#e6e6e6"),
]


@dataclass
class Grafiek:
    """A chart and its table alternative; `svg` is empty when there is too much to draw."""

    titel: str
    svg: SafeString | str
    tabel: Tabel
    toelichting: str = ""


def _pct(waarde: int | None) -> str:
    return "—" if waarde is None else f"{waarde}%"


def _statuscellen(telling: Any) -> list[Any]:
    return [
        getal(telling.totaal),
        *(getal(telling.per_status.get(s, 0)) for s in STATUSVOLGORDE),
        getal(telling.te_laat),
        _pct(telling.afgerond_pct),
    ]


STATUSKOLOMMEN = ["Acties", *(STATUSLABELS[s].capitalize() for s in STATUSVOLGORDE), "Te laat", "% afgerond"]


def _te_laat(telling: Any) -> str:
    return f"{getal(telling.te_laat)} te laat" if telling.te_laat else ""


def acties_per_sector(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Verbeteracties per sector, naar status"
    balken = [Balk(s.naam, s.acties.per_status, _te_laat(s.acties)) for s in cijfers.per_sector]
    tabel = Tabel(
        "Verbeteracties per sector",
        ["Sector", "Netwerken", *STATUSKOLOMMEN],
        [[s.naam, getal(s.netwerken), *_statuscellen(s.acties)] for s in cijfers.per_sector],
        numeriek=set(range(1, 10)),
        voet=[
            "Totaal (elke actie één keer)",
            getal(len(cijfers.per_netwerk)),
            *_statuscellen(cijfers.acties),
        ],
    )
    beschrijving = "; ".join(
        f"{s.naam}: {s.acties.totaal} acties, {s.acties.gereed} gereed, {s.acties.te_laat} te laat"
        for s in cijfers.per_sector
    )
    svg = gestapelde_balken(
        balken,
        STATUSREEKSEN,
        titel=titel,
        beschrijving=beschrijving or "Geen sectoren.",
        breedte=breedte,
        ident="grafiek-acties-sector",
    )
    return Grafiek(titel, svg, tabel, "Een netwerk met meer sectoren telt mee bij elk van zijn sectoren.")


def acties_per_thema(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Verbeteracties per thema, naar status"
    balken = [Balk(t.label, t.acties.per_status, _te_laat(t.acties)) for t in cijfers.per_thema]
    tabel = Tabel(
        "Verbeteracties per thema",
        ["Thema", *STATUSKOLOMMEN],
        [[t.label, *_statuscellen(t.acties)] for t in cijfers.per_thema],
        numeriek=set(range(1, 9)),
        voet=["Totaal", *_statuscellen(cijfers.acties)],
    )
    beschrijving = "; ".join(
        f"{t.label}: {t.acties.totaal} acties, {t.acties.open} open" for t in cijfers.per_thema
    )
    svg = gestapelde_balken(
        balken,
        STATUSREEKSEN,
        titel=titel,
        beschrijving=beschrijving or "Geen thema's.",
        breedte=breedte,
        ident="grafiek-acties-thema",
    )
    return Grafiek(titel, svg, tabel)


def _te_veel(cijfers: Any) -> bool:
    return len(cijfers.per_netwerk) > MAX_NETWERKEN_IN_GRAFIEK


def acties_per_netwerk(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Verbeteracties per netwerk, naar status"
    tabel = Tabel(
        "Verbeteracties per netwerk",
        ["Netwerk", "Actieplan", *STATUSKOLOMMEN],
        [[n.naam, n.plan_status_label, *_statuscellen(n.acties)] for n in cijfers.per_netwerk],
        numeriek=set(range(2, 10)),
        voet=["Totaal", "", *_statuscellen(cijfers.acties)],
    )
    if _te_veel(cijfers):
        return Grafiek(titel, "", tabel, "Kies een sector om de netwerken als grafiek te zien.")
    balken = [Balk(n.naam, n.acties.per_status, _te_laat(n.acties)) for n in cijfers.per_netwerk]
    beschrijving = "; ".join(f"{n.naam}: {n.acties.totaal} acties" for n in cijfers.per_netwerk)
    svg = gestapelde_balken(
        balken,
        STATUSREEKSEN,
        titel=titel,
        beschrijving=beschrijving or "Geen netwerken.",
        breedte=breedte,
        ident="grafiek-acties-netwerk",
    )
    return Grafiek(titel, svg, tabel)


def warmtekaart_netwerken(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Warmtekaart: open verbeteracties per netwerk en thema"
    kaart = cijfers.warmtekaart
    kolommen = [naam for _, naam in kaart.kolommen]  # the chart numbers them
    tabel = Tabel(
        "Open verbeteracties per netwerk (rijen) en thema (kolommen)",
        ["Netwerk", *(f"Thema {nummer}" for nummer, _ in kaart.kolommen), "Totaal"],
        [
            [naam, *map(getal, rij), getal(sum(rij))]
            for (_, naam), rij in zip(kaart.rijen, kaart.waarden, strict=True)
        ],
        numeriek=set(range(1, len(kaart.kolommen) + 2)),
    )
    if _te_veel(cijfers):
        return Grafiek(titel, "", tabel, "Kies een sector om de warmtekaart te zien.")
    beschrijving = (
        f"{len(kaart.rijen)} netwerken en {len(kaart.kolommen)} thema's; hoogste aantal open acties in één cel: "
        f"{kaart.maximum}. Hoe donkerder de cel, hoe meer open acties; het aantal staat in elke cel."
    )
    svg = warmtekaart(
        [naam for _, naam in kaart.rijen],
        kolommen,
        kaart.waarden,
        titel=titel,
        beschrijving=beschrijving,
        breedte=breedte,
        ident="grafiek-warmtekaart",
    )
    return Grafiek(titel, svg, tabel)


def plannen_per_sector(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Actieplannen naar status"
    rijen = [("Alle netwerken", cijfers.plannen), *((s.naam, s.plannen) for s in cijfers.per_sector)]
    balken = [Balk(naam, plannen.per_status) for naam, plannen in rijen]
    volgorde = [r.sleutel for r in PLANREEKSEN]
    tabel = Tabel(
        "Actieplannen per sector naar status",
        ["", "Netwerken", *(PLANLABELS[s].capitalize() for s in volgorde)],
        [[naam, getal(p.netwerken), *(getal(p.per_status.get(s, 0)) for s in volgorde)] for naam, p in rijen],
        numeriek=set(range(1, len(volgorde) + 2)),
    )
    beschrijving = (
        f"{cijfers.plannen.vastgesteld_of_later} van {cijfers.plannen.netwerken} netwerken hebben een vastgesteld "
        f"actieplan; {cijfers.plannen.per_status.get('ter_instemming', 0)} plannen liggen ter instemming."
    )
    svg = gestapelde_balken(
        balken, PLANREEKSEN, titel=titel, beschrijving=beschrijving, breedte=breedte, ident="grafiek-plannen"
    )
    return Grafiek(titel, svg, tabel, "Een netwerk met meer sectoren telt mee bij elk van zijn sectoren.")


def toetsing_per_netwerk(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Toetsing per netwerk: beoordeelde afspraken van de huidige agenda's"

    def delen(t: Any) -> dict[str, int]:
        return {
            "geregeld": t.geregeld,
            "vraagt_actie": t.vraagt_actie,
            "niet_relevant": t.niet_relevant,
            "nog": max(t.totaal - t.beoordeeld, 0),
        }

    tabel = Tabel(
        "Toetsing per netwerk",
        ["Netwerk", "Beoordeeld", "Afspraken", "%", "Geregeld", "Open of deels", "Niet relevant"],
        [
            [
                n.naam,
                getal(n.toetsing.beoordeeld),
                getal(n.toetsing.totaal),
                _pct(n.toetsing.pct),
                getal(n.toetsing.geregeld),
                getal(n.toetsing.vraagt_actie),
                getal(n.toetsing.niet_relevant),
            ]
            for n in cijfers.per_netwerk
        ],
        numeriek=set(range(1, 7)),
        voet=[
            "Totaal",
            getal(cijfers.toetsing.beoordeeld),
            getal(cijfers.toetsing.totaal),
            _pct(cijfers.toetsing.pct),
            getal(cijfers.toetsing.geregeld),
            getal(cijfers.toetsing.vraagt_actie),
            getal(cijfers.toetsing.niet_relevant),
        ],
    )
    if _te_veel(cijfers):
        return Grafiek(titel, "", tabel, "Kies een sector om de toetsing per netwerk als grafiek te zien.")
    balken = [
        Balk(n.naam, delen(n.toetsing), f"{_pct(n.toetsing.pct)} beoordeeld" if n.toetsing.totaal else "")
        for n in cijfers.per_netwerk
    ]
    beschrijving = "; ".join(
        f"{n.naam}: {n.toetsing.beoordeeld} van {n.toetsing.totaal} beoordeeld" for n in cijfers.per_netwerk
    )
    svg = gestapelde_balken(
        balken,
        TOETSREEKSEN,
        titel=titel,
        beschrijving=beschrijving or "Geen netwerken.",
        breedte=breedte,
        ident="grafiek-toetsing",
    )
    return Grafiek(titel, svg, tabel)


def ondertekeningen(cijfers: Any, *, grootte: int = 150) -> Grafiek:
    o = cijfers.ondertekeningen
    titel = "Ondertekening van de rolbeschrijving door de besturen van de veiligheidsregio's"
    tabel = Tabel(
        "Ondertekening van de rolbeschrijving",
        ["Getekend", "Nog niet getekend", "Veiligheidsregio's"],
        [[getal(o.getekend), getal(max(o.totaal - o.getekend, 0)), getal(o.totaal)]],
        numeriek={0, 1, 2},
    )
    svg = donut(
        o.getekend, o.totaal, titel=titel, eenheid="getekend", grootte=grootte, ident="grafiek-ondertekening"
    )
    return Grafiek(titel, svg, tabel)


def financiering_per_partij(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    f = cijfers.financiering
    titel = "Financiering van de verbeteracties per partij"
    totaal = f.totaal
    tabel = Tabel(
        "Financiering per partij",
        ["Partij", "Bedrag", "Aandeel"],
        [
            [label, euro(bedrag), _pct(round(100 * bedrag / totaal) if totaal else None)]
            for _, label, bedrag in f.reeks()
        ],
        numeriek={1, 2},
        voet=["Totaal", euro(totaal), "100%" if totaal else "—"],
    )
    beschrijving = "; ".join(f"{label}: {euro_kort(bedrag)}" for _, label, bedrag in f.reeks())
    svg = staafdiagram(
        [Staaf(label, bedrag) for _, label, bedrag in f.reeks()],
        titel=titel,
        beschrijving=beschrijving,
        opmaak=euro_kort,
        breedte=breedte,
        ident="grafiek-financiering-partij",
    )
    toelichting = (
        f"{f.uit_bestaande_capaciteit} actie{'s' if f.uit_bestaande_capaciteit != 1 else ''} uit bestaande capaciteit "
        "(zonder raming) tellen niet mee in de bedragen."
    )
    return Grafiek(titel, svg, tabel, toelichting)


def financiering_per_thema(cijfers: Any, *, breedte: int = 720) -> Grafiek:
    titel = "Geraamde kosten per thema"
    tabel = Tabel(
        "Geraamde kosten per thema",
        ["Thema", "Raming", "Acties uit bestaande capaciteit"],
        [
            [t.label, euro(t.financiering.raming), getal(t.financiering.uit_bestaande_capaciteit)]
            for t in cijfers.per_thema
        ],
        numeriek={1, 2},
        voet=[
            "Totaal",
            euro(cijfers.financiering.raming),
            getal(cijfers.financiering.uit_bestaande_capaciteit),
        ],
    )
    beschrijving = "; ".join(f"{t.label}: {euro_kort(t.financiering.raming)}" for t in cijfers.per_thema)
    svg = staafdiagram(
        [Staaf(t.label, t.financiering.raming) for t in cijfers.per_thema],
        titel=titel,
        beschrijving=beschrijving or "Geen thema's.",
        opmaak=euro_kort,
        kleur="#01689b",
        breedte=breedte,
        ident="grafiek-financiering-thema",
    )
    return Grafiek(titel, svg, tabel)


def trend(cijfers: Any, *, breedte: int = 720, hoogte: int = 280) -> Grafiek:
    punten = cijfers.trend
    titel = "Verloop per maand (momentopnamen)"
    tabel = Tabel(
        "Verloop per maand",
        ["Maand", "Acties", "Open", "Gereed", "Te laat", "Plannen vastgesteld"],
        [
            [
                maandlabel(p.datum) + (" (voorbeeld)" if p.voorbeeld else ""),
                getal(p.acties),
                getal(p.open),
                getal(p.gereed),
                getal(p.te_laat),
                getal(p.plannen_vastgesteld),
            ]
            for p in punten
        ],
        numeriek=set(range(1, 6)),
    )
    if punten:
        eerste, laatste = punten[0], punten[-1]
        beschrijving = (
            f"Van {maandlabel(eerste.datum)} tot {maandlabel(laatste.datum)}: open acties van {eerste.open} naar "
            f"{laatste.open}, gereed van {eerste.gereed} naar {laatste.gereed}, te laat van {eerste.te_laat} naar "
            f"{laatste.te_laat}, vastgestelde plannen van {eerste.plannen_vastgesteld} naar {laatste.plannen_vastgesteld}."
        )
    else:
        beschrijving = "Nog geen momentopnamen."
    svg = lijngrafiek(
        [p.datum for p in punten],
        trendlijnen(punten),
        titel=titel,
        beschrijving=beschrijving,
        breedte=breedte,
        hoogte=hoogte,
        ident="grafiek-trend",
    )
    toelichting = (
        "De maanden met „(voorbeeld)” zijn demonstratiegegevens." if any(p.voorbeeld for p in punten) else ""
    )
    return Grafiek(titel, svg, tabel, toelichting)


def alle_grafieken(cijfers: Any, *, breedte: int = 720) -> dict[str, Grafiek]:
    """Every chart of the dashboard for these figures, by name (reports pick what they need)."""
    return {
        "acties_per_sector": acties_per_sector(cijfers, breedte=breedte),
        "acties_per_thema": acties_per_thema(cijfers, breedte=breedte),
        "acties_per_netwerk": acties_per_netwerk(cijfers, breedte=breedte),
        "warmtekaart": warmtekaart_netwerken(cijfers, breedte=breedte),
        "plannen": plannen_per_sector(cijfers, breedte=breedte),
        "toetsing": toetsing_per_netwerk(cijfers, breedte=breedte),
        "ondertekeningen": ondertekeningen(cijfers),
        "financiering_per_partij": financiering_per_partij(cijfers, breedte=breedte),
        "financiering_per_thema": financiering_per_thema(cijfers, breedte=breedte),
        "trend": trend(cijfers, breedte=breedte),
    }
