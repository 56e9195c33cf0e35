"""Server-side SVG charts: well-formed, accessible, numbers printed, readable colours (issue 6 item 2)."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from actieplannen.models import Verbeteractie
from monitoring import grafieken as g
from monitoring.cijfers import bereken

SVG = "{http://www.w3.org/2000/svg}"


def _lees(svg: str) -> ET.Element:
    wortel = ET.fromstring(str(svg))
    assert wortel.tag == f"{SVG}svg"
    return wortel


def _teksten(wortel: ET.Element) -> list[str]:
    return ["".join(t.itertext()).strip() for t in wortel.iter(f"{SVG}text")]


def _is_toegankelijk(wortel: ET.Element) -> None:
    """role=img, named by its <title> and described by its <desc> (both referenced by id)."""
    assert wortel.get("role") == "img"
    titel, desc = wortel.find(f"{SVG}title"), wortel.find(f"{SVG}desc")
    assert titel is not None and titel.text and desc is not None and desc.text
    assert wortel.get("aria-labelledby").split() == [titel.get("id"), desc.get("id")]
    assert wortel.get("viewBox") and wortel.get("width") and wortel.get("height")


def test_a_stacked_bar_chart_prints_every_part_and_the_totals() -> None:
    balken = [
        g.Balk("Drinkwater", {"gereed": 12, "in_uitvoering": 30, "vertraagd": 4}, "5 te laat"),
        g.Balk("Olie", {}),
    ]
    wortel = _lees(g.gestapelde_balken(balken, g.STATUSREEKSEN, titel="Acties", beschrijving="Per sector"))
    _is_toegankelijk(wortel)
    teksten = _teksten(wortel)
    for verwacht in ("Drinkwater", "12", "30", "4", "46", "5 te laat", "Olie", "geen", "gereed", "vervallen"):
        assert verwacht in teksten
    # Each part carries its label and number as a tooltip too.
    tips = ["".join(t.itertext()) for r in wortel.iter(f"{SVG}rect") for t in r.iter(f"{SVG}title")]
    assert "in uitvoering: 30" in tips


def test_a_heat_map_prints_each_cell_and_names_its_columns() -> None:
    waarden = [[0, 3, 1], [7, 0, 2]]
    wortel = _lees(
        g.warmtekaart(
            ["Netwerk A", "Netwerk B"], ["Alpha", "Beta", "Gamma"], waarden, titel="Warmte", beschrijving="d"
        )
    )
    _is_toegankelijk(wortel)
    teksten = _teksten(wortel)
    assert teksten.count("0") >= 2 and "7" in teksten and "3" in teksten
    assert {"1", "2", "3"} <= set(teksten)  # column numbers
    assert any(t.startswith("2. Beta") for t in teksten)  # the key below
    # Darker means more: the fill of 7 is darker than that of 1.
    assert g._luminantie(g.warmtekleur(7, 7)) < g._luminantie(g.warmtekleur(1, 7))


def test_progress_bar_and_donut_say_n_of_total() -> None:
    balk = _lees(g.voortgangsbalk(17, 25, titel="Ondertekend", eenheid="besturen"))
    _is_toegankelijk(balk)
    assert "17 van 25 besturen (68%)" in _teksten(balk)
    ring = _lees(g.donut(17, 25, titel="Ondertekend", eenheid="getekend"))
    _is_toegankelijk(ring)
    assert "17/25" in _teksten(ring)
    assert "17 van 25" in ring.find(f"{SVG}desc").text
    for waarde in (0, 25):  # empty and full rings are drawn without an arc path
        _lees(g.donut(waarde, 25, titel="Ondertekend"))


def test_a_line_chart_marks_lines_by_pattern_and_prints_the_last_values() -> None:
    datums = [datetime.date(2025, m, 1) for m in range(1, 13)] + [datetime.date(2026, 1, 1)]
    lijnen = [
        g.Lijn("open", list(range(10, 23)), "#01689b"),
        g.Lijn("gereed", [0] * 12 + [5], "#2a6b31", "8 4", "vierkant"),
        g.Lijn("te laat", [5] * 13, "#b01c1c", "3 3", "driehoek"),
    ]
    wortel = _lees(g.lijngrafiek(datums, lijnen, titel="Trend", beschrijving="d"))
    _is_toegankelijk(wortel)
    teksten = _teksten(wortel)
    assert "22" in teksten and "jan 2025" in teksten and "jan 2026" in teksten
    assert teksten.count("5") >= 2  # the last values of 'gereed' and 'te laat', both printed
    assert {p.get("stroke-dasharray") for p in wortel.iter(f"{SVG}polyline")} == {None, "8 4", "3 3"}
    _lees(g.lijngrafiek([], [], titel="Leeg", beschrijving="Nog geen momentopnamen"))
    _lees(g.lijngrafiek([datums[0]], [g.Lijn("open", [3], "#000000")], titel="Eén", beschrijving="d"))


def test_a_bar_chart_prints_formatted_amounts() -> None:
    staven = [g.Staaf("Bedrijven", Decimal("48500")), g.Staaf("Ministeries", Decimal("0"))]
    wortel = _lees(g.staafdiagram(staven, titel="Geld", beschrijving="d", opmaak=g.euro_kort))
    _is_toegankelijk(wortel)
    assert "€ 48.500" in _teksten(wortel) and "€ 0" in _teksten(wortel)


def test_labels_are_escaped_and_long_ones_shortened_with_the_full_text_kept() -> None:
    lang = "Een <heel> lang & gevaarlijk label " * 4
    svg = str(
        g.gestapelde_balken([g.Balk(lang, {"gereed": 1})], g.STATUSREEKSEN, titel="<b>", beschrijving="&")
    )
    wortel = _lees(svg)
    assert "<heel>" not in svg and "&lt;heel&gt;" in svg
    tekst = next(t for t in wortel.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None)
    assert "".join(tekst.find(f"{SVG}title").itertext()) == lang
    assert "".join(tekst.itertext()).endswith("…")


def test_every_text_colour_meets_wcag_contrast_on_what_it_is_drawn_on() -> None:
    assert g.contrast(g.TEKST, g.WIT) >= 4.5 and g.contrast(g.TEKST_ZACHT, g.WIT) >= 4.5
    vullingen = [*g.STATUSKLEUREN.values(), *g.PLANKLEUREN.values(), *(r.kleur for r in g.TOETSREEKSEN)]
    vullingen += [g.warmtekleur(w, 20) for w in range(21)]
    for vulling in vullingen:
        assert g.contrast(g.tekstkleur(vulling), vulling) >= 4.5, vulling
    # The trend's end labels take the line colour only where it is readable on white.
    for lijn in g.trendlijnen([]):
        assert g.contrast(lijn.kleur, g.WIT) >= 3  # lines themselves: non-text contrast


@pytest.mark.django_db
def test_the_programme_charts_parse_and_name_no_action(programma) -> None:
    titels = set(Verbeteractie.objects.values_list("titel", flat=True))
    for wie in (programma.projectteam, programma.stuurgroep):
        cijfers = bereken(wie)
        grafieken = g.alle_grafieken(cijfers)
        assert set(grafieken) == {
            "acties_per_sector", "acties_per_thema", "acties_per_netwerk", "warmtekaart", "plannen",
            "toetsing", "ondertekeningen", "financiering_per_partij", "financiering_per_thema", "trend",
        }  # fmt: skip
        for naam, grafiek in grafieken.items():
            wortel = _lees(grafiek.svg)
            _is_toegankelijk(wortel)
            alles = str(grafiek.svg) + repr(grafiek.tabel)
            assert not any(titel in alles for titel in titels), naam
        # The numbers in the charts are the figures'.
        sector = _teksten(_lees(grafieken["acties_per_sector"].svg))
        assert str(cijfers.per_sector[0].acties.totaal) in sector
        assert grafieken["acties_per_sector"].tabel.voet[2] == str(cijfers.acties.totaal)
        assert "3/25" in _teksten(_lees(grafieken["ondertekeningen"].svg))


@pytest.mark.django_db
def test_ids_of_different_charts_on_one_page_differ(programma) -> None:
    grafieken = g.alle_grafieken(bereken(programma.projectteam))
    ids = [i for gr in grafieken.values() for i in re.findall(r' id="([^"]+)"', str(gr.svg))]
    assert len(ids) == len(set(ids))


def test_too_many_networks_give_a_table_instead_of_a_chart() -> None:
    class Vals:  # just enough of a Cijfers for the per-network charts
        def __init__(self, aantal: int) -> None:
            from monitoring.cijfers import (
                Actietelling,
                Financiering,
                Netwerkcijfers,
                Toetsingsvoortgang,
                Warmtekaart,
            )

            self.per_netwerk = [
                Netwerkcijfers(i, f"n{i}", f"Netwerk {i}", False, [], "geen", 0, Actietelling(), Financiering(),
                               Toetsingsvoortgang(), None)
                for i in range(aantal)
            ]  # fmt: skip
            self.acties = Actietelling()
            self.toetsing = Toetsingsvoortgang()
            self.warmtekaart = Warmtekaart(
                [(n.slug, n.naam) for n in self.per_netwerk], [(1, "T")], [[0]] * aantal
            )

    veel = Vals(g.MAX_NETWERKEN_IN_GRAFIEK + 1)
    for maker in (g.acties_per_netwerk, g.warmtekaart_netwerken, g.toetsing_per_netwerk):
        grafiek = maker(veel)
        assert grafiek.svg == "" and len(grafiek.tabel.rijen) == g.MAX_NETWERKEN_IN_GRAFIEK + 1
        assert "Kies een sector" in grafiek.toelichting
        assert maker(Vals(3)).svg
