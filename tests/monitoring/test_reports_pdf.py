"""The monitoring reports as PDF (issue 6 items 6 and 9): sections, numbers, marking, query counts.

The PDFs are read back with poppler's `pdftotext`, page by page, as a reader would see them; the
numbers are compared with an independent count over the data (plain ORM counts, not the figures
module the reports use).
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actieplannen.models import Verbeteractie
from agenda.models import Thema
from monitoring import grafieken
from monitoring.models import Leerpunt, Programmamijlpaal, Rapport
from monitoring.reports import (
    Warmtetabel,
    geaggregeerde_cijfers,
    render_cvi_pdf,
    render_eind_pdf,
    render_rapport,
    render_stuurgroep_pdf,
)
from netwerken.models import Sector
from tests.monitoring.rapportwereld import PERIODE, maak_wereld
from tests.pdftekst import paginas, tekst

pytestmark = pytest.mark.django_db

VAN, TOT = PERIODE


@pytest.fixture
def wereld(db):
    return maak_wereld()


def romp(pdf: bytes) -> str:
    """The chapters' text, without cover and table of contents (pages 1 and 2), whitespace collapsed."""
    return " ".join(" ".join(paginas(pdf)[2:]).split())


def hoofdstuk(inhoud: str, titel: str, volgende: str) -> str:
    """The text of one chapter of `romp(pdf)`: from its heading to the next heading."""
    begin = inhoud.index(titel)
    return inhoud[begin : inhoud.index(volgende, begin + len(titel))]


def onafhankelijk(**filters) -> dict[str, int]:
    """Counted without the figures module: actions that are not TLP:RED."""
    acties = Verbeteractie.objects.exclude(tlp="red").filter(**filters)
    vandaag = timezone.localdate()
    return {
        **{status: acties.filter(status=status).count() for status in Verbeteractie.Status.values},
        "totaal": acties.count(),
        "gereed": acties.filter(status="gereed").count(),
        "open": acties.exclude(status__in=["gereed", "vervallen"]).count(),
        "te_laat": acties.exclude(status__in=["gereed", "vervallen"]).filter(einddatum__lt=vandaag).count(),
    }


def onafhankelijk_netwerken() -> int:
    from netwerken.models import Netwerk

    return Netwerk.objects.count()


# --- Voortgangsrapportage stuurgroep --------------------------------------------------------------


def test_the_stuurgroep_report_has_cover_contents_and_every_chapter(wereld):
    pdf = render_stuurgroep_pdf(van=VAN, tot=TOT)
    pagina_teksten = paginas(pdf)

    assert pdf.startswith(b"%PDF")
    assert pdf.paginas == len(pagina_teksten)
    omslag = " ".join(pagina_teksten[0].split())
    assert "Continuïteitportaal" in omslag
    assert "VOORTGANGSRAPPORTAGE STUURGROEP" in omslag
    assert "1 januari 2020 t/m" in omslag
    assert "Alleen totalen; vertrouwelijke acties (TLP:RED) tellen niet mee" in omslag
    inhoud = " ".join(pagina_teksten[1].split())
    for titel in (
        "Samenvatting",
        "Voortgang per sector",
        "Voortgang per thema",
        "Open acties per netwerk en thema",
        "Actieplannen en mijlpalen",
        "Financiering",
        "Ontwikkeling in de tijd",
        "Leerpunten",
        "Bijlage — Cijfers per netwerk",
        "Drinkwater",
        "Elektriciteit",
    ):
        assert re.search(rf"{titel}[ .]*\d+", inhoud), titel  # with its page number


def _elke_pagina_draagt_tlp_en_nummer(pagina_teksten: list[str]) -> None:
    for nummer, pagina in enumerate(pagina_teksten, start=1):
        regels = [regel for regel in pagina.splitlines() if regel.strip()]
        assert "TLP:AMBER" in regels[0], f"header of page {nummer}"
        assert "TLP:AMBER" in regels[-1], f"footer of page {nummer}"
        assert f"pagina {nummer} van {len(pagina_teksten)}" in regels[-1]


def test_every_page_carries_the_tlp_marking_and_its_number(wereld):
    _elke_pagina_draagt_tlp_en_nummer(paginas(render_stuurgroep_pdf(van=VAN, tot=TOT)))


def test_the_cvi_and_end_reports_carry_the_tlp_marking_and_their_number_on_every_page_too(wereld):
    drinkwater = Sector.objects.get(slug="drinkwater")

    for pdf in (render_cvi_pdf(drinkwater, van=VAN, tot=TOT), render_eind_pdf(van=VAN, tot=TOT)):
        pagina_teksten = paginas(pdf)
        assert "Inhoud" in pagina_teksten[1]
        _elke_pagina_draagt_tlp_en_nummer(pagina_teksten)


def test_the_heat_map_is_one_coloured_table_with_the_open_actions_per_network_and_theme(wereld):
    inhoud = romp(render_stuurgroep_pdf(van=VAN, tot=TOT))
    kaart = hoofdstuk(inhoud, "Open acties per netwerk en thema", "Actieplannen en mijlpalen")

    themas = Thema.objects.count()
    kop = "Netwerk " + " ".join(f"Thema {n}" for n in range(1, themas + 1)) + " Totaal"
    assert kaart.count(kop) == 1  # the table is the chart: its numbers are not printed twice
    for netwerk in (wereld.vitens, wereld.evides, wereld.liander):
        open_acties = onafhankelijk(actieplan__netwerk=netwerk)["open"]
        assert re.search(rf"{netwerk.naam}( \d+){{{themas}}} {open_acties} ", kaart + " "), netwerk.naam
    for nummer, naam in Thema.objects.values_list("nummer", "naam"):
        assert f"Thema {nummer}: {naam}" in kaart  # the key of the column numbers


def test_a_heat_map_cell_is_filled_by_its_number_with_readable_text(wereld):
    kaart = geaggregeerde_cijfers(sector=None, van=VAN, tot=TOT).warmtekaart
    tabel = Warmtetabel.van(kaart)

    for (_, _naam), waarden, (_naam_in_tabel, cellen, totaal) in zip(
        kaart.rijen, kaart.waarden, tabel.rijen, strict=True
    ):
        assert totaal == str(sum(waarden))
        for waarde, cel in zip(waarden, cellen, strict=True):
            assert cel.tekst == str(waarde)
            if waarde:
                vulling = grafieken.warmtekleur(waarde, kaart.maximum)
                assert cel.stijl == f"background:{vulling};color:{grafieken.tekstkleur(vulling)}"
                assert grafieken.contrast(vulling, grafieken.tekstkleur(vulling)) >= 4.5
            else:
                assert cel.stijl == ""  # a 0 keeps the row's own background
    assert [c.tekst for c in tabel.schaal][0] == "0"
    assert tabel.schaal[-1].tekst == str(kaart.maximum)


def test_the_stuurgroep_report_counts_what_an_independent_count_gives(wereld):
    inhoud = romp(render_stuurgroep_pdf(van=VAN, tot=TOT))
    alle = onafhankelijk()
    drinkwater = onafhankelijk(actieplan__netwerk__sectoren__slug="drinkwater")
    elektriciteit = onafhankelijk(actieplan__netwerk__sectoren__slug="elektriciteit")

    samenvatting = hoofdstuk(inhoud, "Samenvatting", "Voortgang per sector")
    assert f"Verbeteracties {alle['totaal']} " in samenvatting
    assert f"Open {alle['open']} " in samenvatting
    assert f"Gereed {alle['gereed']} " in samenvatting
    assert f"Te laat {alle['te_laat']} " in samenvatting
    assert "Netwerken 3 " in samenvatting
    assert "Kostenraming € 6.000 " in samenvatting  # six actions of € 1.000; the RED € 5.000 not

    sectoren = hoofdstuk(inhoud, "Voortgang per sector", "Toetsing, plannen en instemming")
    # Sector, networks, actions, then by status (gereed, in uitvoering, vertraagd, niet gestart,
    # vervallen), te laat, % afgerond.
    for naam, netwerken, n, pct in (
        ("Drinkwater", 2, drinkwater, "20%"),
        ("Elektriciteit", 1, elektriciteit, "0%"),
    ):
        statussen = " ".join(
            str(n[s]) for s in ("gereed", "in_uitvoering", "vertraagd", "niet_gestart", "vervallen")
        )
        assert f"{naam} {netwerken} {n['totaal']} {statussen} {n['te_laat']} {pct}" in sectoren


def test_no_individual_action_and_nothing_of_a_red_action_appears(wereld):
    inhoud = tekst(render_stuurgroep_pdf(van=VAN, tot=TOT))

    for actie in Verbeteractie.objects.all():
        assert actie.titel not in inhoud
    assert "€ 11.000" not in inhoud  # the total with the RED action's € 5.000


def test_the_annex_has_one_table_per_sector_with_every_network(wereld):
    inhoud = tekst(render_stuurgroep_pdf(van=VAN, tot=TOT))
    bijlage = inhoud[inhoud.rindex("Bijlage — Cijfers per netwerk") :]

    vitens = onafhankelijk(actieplan__netwerk=wereld.vitens)
    assert (
        bijlage.index("Drinkwater")
        < bijlage.index("Netwerk drinkwater-vitens")
        < bijlage.index("Elektriciteit")
    )
    assert bijlage.index("Elektriciteit") < bijlage.index("Netwerk elektriciteit-liander")
    assert (
        f"Netwerk drinkwater-vitens Concept {vitens['totaal']} {vitens['open']} {vitens['gereed']} {vitens['te_laat']}"
        in bijlage
    )
    assert bijlage.count("Netwerk Plan Acties Open Gereed Te laat") == 2  # a table per sector


def test_the_leerpunten_of_the_period_are_in_it(wereld):
    drinkwater = Sector.objects.get(slug="drinkwater")
    Leerpunt.objects.create(
        titel="Oefen samen met de drinkwaterbedrijven", sector=drinkwater, toelichting="Vroeg."
    )
    Leerpunt.objects.create(titel="Een leerpunt van lang geleden", datum=datetime.date(2019, 5, 1))

    inhoud = tekst(render_stuurgroep_pdf(van=VAN, tot=TOT))

    leerpunten = inhoud[inhoud.rindex("Leerpunten") :]
    assert "Oefen samen met de drinkwaterbedrijven" in leerpunten
    assert "1 in deze periode" in leerpunten
    assert "Een leerpunt van lang geleden" not in inhoud


# --- Rapportage CVI -------------------------------------------------------------------------------


def test_the_cvi_report_is_about_one_sector(wereld):
    drinkwater = Sector.objects.get(slug="drinkwater")

    inhoud = romp(render_cvi_pdf(drinkwater, van=VAN, tot=TOT))

    aantal = onafhankelijk(actieplan__netwerk__sectoren=drinkwater)
    assert "Rapportage CVI Drinkwater" in inhoud
    samenvatting = hoofdstuk(inhoud, "Samenvatting", "Voortgang per thema")
    assert f"Verbeteracties {aantal['totaal']} " in samenvatting
    assert f"Te laat {aantal['te_laat']} " in samenvatting
    assert "Netwerken 2 " in samenvatting
    assert "Netwerk drinkwater-evides" in inhoud
    assert "elektriciteit-liander" not in inhoud
    assert "Voortgang per sector" not in inhoud


# --- Eindrapportage -------------------------------------------------------------------------------


def test_the_end_report_sets_results_against_milestones_and_says_what_remains(wereld):
    Programmamijlpaal.objects.create(
        code="agenda",
        resultaat="Agenda per sector",
        omschrijving="Agenda's vastgesteld",
        gereed_uiterlijk=datetime.date(2016, 3, 31),
        behaald_op=datetime.date(2016, 3, 1),
    )
    Programmamijlpaal.objects.create(
        code="actieplannen",
        resultaat="Actieplannen",
        omschrijving="Alle regionale actieplannen opgesteld",
        gereed_uiterlijk=datetime.date(2016, 12, 31),
    )
    Leerpunt.objects.create(titel="Begin met de koppelvlakken")

    inhoud = romp(render_eind_pdf(van=VAN, tot=TOT))

    mijlpalen = hoofdstuk(inhoud, "Resultaten tegen de mijlpalen", "Voortgang per sector")
    assert "Van de 2 mijlpalen is er 1 behaald en 1 over de datum." in mijlpalen
    assert "31-03-2016 behaald" in mijlpalen
    assert "2 van 2 sectoren met een" in mijlpalen  # the measurement of the agenda milestone
    assert "31-12-2016 te laat 0 van 3 plannen vastgesteld" in mijlpalen
    assert "Agenda per sector 2/2 sectoren met een vastgestelde agenda" in mijlpalen
    assert f"Actieplannen 0/{onafhankelijk_netwerken()} plannen vastgesteld" in mijlpalen
    openstaand = hoofdstuk(inhoud, "Wat openstaat", "Ontwikkeling in de tijd")
    alle = onafhankelijk()
    assert "Actieplannen: Alle regionale actieplannen opgesteld" in openstaand
    assert "3 van de 3 netwerken" in openstaand
    assert f"{alle['open']} verbeteracties staan open, waarvan {alle['te_laat']} te laat." in openstaand
    assert "Begin met de koppelvlakken" in inhoud


# --- Netwerkrapportage and the dispatcher ---------------------------------------------------------


def test_the_dispatcher_makes_a_netwerkrapportage_for_its_requester(wereld):
    rapport = Rapport.objects.create(
        soort="netwerk",
        titel="x",
        netwerk=wereld.vitens,
        aangevraagd_door=wereld.coordinator,
        periode_van=VAN,
        periode_tot=TOT,
    )
    stappen: list[tuple[int, str]] = []

    gemaakt = render_rapport(rapport, voortgang=lambda procent, stap: stappen.append((procent, stap)))

    inhoud = tekst(gemaakt.pdf)
    assert "NETWERKRAPPORTAGE" in inhoud
    assert "Nooddrinkwater distribueren" in inhoud
    assert "Kwetsbaarheid in de besturing" not in inhoud  # RED, and the coordinator is no recipient
    assert gemaakt.tlp == "amber"
    assert gemaakt.pdf.paginas == len(paginas(gemaakt.pdf))
    assert [p for p, _ in stappen] == sorted(p for p, _ in stappen)


def test_the_aggregated_reports_report_progress_per_chapter(wereld):
    stappen: list[tuple[int, str]] = []

    render_stuurgroep_pdf(van=VAN, tot=TOT, voortgang=lambda procent, stap: stappen.append((procent, stap)))

    namen = [stap for _, stap in stappen]
    assert namen[:2] == ["Cijfers berekenen", "Grafieken tekenen"]
    assert "Hoofdstuk: Financiering" in namen and "Hoofdstuk: Bijlage — Cijfers per netwerk" in namen
    assert namen[-2:] == ["PDF opmaken", "PDF schrijven"]
    assert [p for p, _ in stappen] == sorted(p for p, _ in stappen)


# --- Query counts ---------------------------------------------------------------------------------


def test_rendering_costs_the_same_number_of_queries_whatever_the_number_of_networks_and_actions(wereld):
    """Expected: the figures (sectors, themes, networks, actions grouped, signatures, milestones,
    snapshots, leerpunten of the dashboard, contributions: 9) and all leerpunten of the period = 10,
    for each of the three aggregated reports."""
    drinkwater = Sector.objects.get(slug="drinkwater")

    def tel() -> list[int]:
        aantallen = []
        for render in (
            lambda: render_stuurgroep_pdf(van=VAN, tot=TOT),
            lambda: render_cvi_pdf(drinkwater, van=VAN, tot=TOT),
            lambda: render_eind_pdf(van=VAN, tot=TOT),
        ):
            with CaptureQueriesContext(connection) as queries:
                render()
            aantallen.append(len(queries))
        return aantallen

    bij_drie = tel()
    from actieplannen import services as plan_services
    from tests.factories import maak_lid, maak_netwerk
    from tests.monitoring.rapportwereld import _actie

    for i in range(3):
        netwerk = maak_netwerk(slug=f"drinkwater-extra-{i}")
        lid = maak_lid(netwerk, "coordinator")
        plan = plan_services.zorg_voor_actieplan(netwerk, actor=lid)
        for j in range(4):
            _actie(plan, lid, f"Extra actie {i}.{j}")
        Leerpunt.objects.create(titel=f"Leerpunt {i}", netwerk=netwerk)
    bij_zes = tel()

    assert bij_drie == bij_zes == [10, 10, 10]
