"""The agenda and the role description as PDF documents (issue 3, items 11 and 13).

The PDFs are read back with poppler's `pdftotext`, as a reader would see them.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda import services
from agenda.models import Rolbeschrijving
from agenda.reports import (
    LokaleBestanden,
    css_tekst,
    render_agenda_pdf,
    render_rolbeschrijving_pdf,
    tekst_als_html,
)
from netwerken.models import Sector
from tests import pdftekst
from tests.factories import maak_agenda, maak_vastgestelde_rolbeschrijving

pytestmark = pytest.mark.django_db


def pdf_pagina_teksten(pdf: bytes) -> list[str]:
    """The text of every page, whitespace collapsed (a table cell may wrap anywhere)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed: cannot read the PDF back")
    # -raw: in drawing order (WeasyPrint draws in document order) and without poppler's
    # de-hyphenation, which would turn "VNO-" + "NCW" into "VNONCW".
    uitvoer = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    paginas = uitvoer.split("\f")
    if paginas and not paginas[-1].strip():
        paginas.pop()  # pdftotext ends every page with a form feed
    # A line may break after a hyphen ("(VNO-" / "NCW)"); the PDF has no automatic hyphenation.
    return [" ".join(re.sub(r"-\n", "-", pagina).split()) for pagina in paginas]


def pdf_tekst(pdf: bytes) -> str:
    return " ".join(pdf_pagina_teksten(pdf))


@pytest.fixture
def vastgestelde_agenda():
    agenda = maak_agenda("drinkwater", afspraken=8, status="vastgesteld")
    services.voeg_expertbijeenkomst_toe(
        agenda,
        datum=datetime.date(2016, 1, 20),
        deelnemers="Anna Demo (Drinkwaterbedrijf)\nBob Demo (Veiligheidsregio)",
        samenvatting="Het nooddrinkwater kreeg de meeste aandacht.",
        actor=None,
    )
    return agenda


# --- Agenda ---------------------------------------------------------------------------------------


def test_it_renders_an_agenda_as_a_pdf_of_several_pages(vastgestelde_agenda) -> None:
    pdf = render_agenda_pdf(vastgestelde_agenda)

    assert pdf.startswith(b"%PDF")
    paginas = pdf_pagina_teksten(pdf)
    assert len(paginas) > 3  # title page, contents, adoption, top five, themes, meetings
    assert "Agenda Drinkwater" in paginas[0]
    assert "Inhoud" in paginas[1]


def test_the_title_page_gives_sector_version_status_and_print_date(vastgestelde_agenda) -> None:
    titelpagina = pdf_pagina_teksten(render_agenda_pdf(vastgestelde_agenda))[0]

    assert "Continuïteitportaal" in titelpagina
    assert "AGENDA SAMENWERKINGSAFSPRAKEN" in titelpagina  # the document kind, in capitals
    assert "Sector Drinkwater" in titelpagina
    assert "Versie 1" in titelpagina
    assert "Status vastgesteld" in titelpagina
    assert "Vastgesteld op 01-03-2016" in titelpagina
    assert f"Afgedrukt op {datetime.date.today():%d-%m-%Y}" in titelpagina
    assert "Voorbeeldinhoud" not in titelpagina


def test_it_contains_every_item_grouped_by_theme_with_the_top_five_marked(vastgestelde_agenda) -> None:
    tekst = pdf_tekst(render_agenda_pdf(vastgestelde_agenda))

    for n in range(1, 9):
        assert f"Afspraak {n} van drinkwater" in tekst
        assert f"{n}. Thema {n}" in tekst
        assert f"Omschrijving van afspraak {n}." in tekst
        assert f"Resultaat {n}." in tekst
    # one "Top vijf" per top-five item in the theme tables, besides the headings and the explanation
    assert tekst.count("Top vijf") >= 5 + 2


def test_it_contains_the_adoption_record_and_the_expert_meeting(vastgestelde_agenda) -> None:
    tekst = pdf_tekst(render_agenda_pdf(vastgestelde_agenda))

    assert "Commissie Vitale Infrastructuur (VNO-NCW)" in tekst
    assert "CVI-2016-01" in tekst
    assert "1-3-2016" in tekst
    assert "Expertbijeenkomst 20 januari 2016" in tekst
    assert "Anna Demo (Drinkwaterbedrijf)" in tekst
    assert "Het nooddrinkwater kreeg de meeste aandacht." in tekst


def test_the_table_of_contents_gives_page_numbers(vastgestelde_agenda) -> None:
    inhoud = pdf_pagina_teksten(render_agenda_pdf(vastgestelde_agenda))[1]

    for hoofdstuk in ("Vaststelling", "Top vijf", "Samenwerkingsafspraken per thema", "Expertbijeenkomsten"):
        assert re.search(rf"{hoofdstuk}[ .]*\d+", inhoud), hoofdstuk
    assert re.search(r"8\. Thema 8[ .]*\d+", inhoud)


def test_every_page_after_the_title_page_has_a_header_and_page_x_of_y(vastgestelde_agenda) -> None:
    paginas = pdf_pagina_teksten(render_agenda_pdf(vastgestelde_agenda))

    assert "pagina" not in paginas[0]
    for nummer, pagina in enumerate(paginas[1:], start=2):
        assert f"pagina {nummer} van {len(paginas)}" in pagina
        assert "Agenda Drinkwater" in pagina


def test_it_marks_example_content_and_a_version_that_is_not_adopted() -> None:
    agenda = maak_agenda("gas", afspraken=3, status="concept")
    agenda.voorbeeld = True
    agenda.save()

    paginas = pdf_pagina_teksten(render_agenda_pdf(agenda))

    assert "Voorbeeldinhoud · Niet vastgesteld" in paginas[0]
    assert "Status concept" in paginas[0]
    assert all("Voorbeeldinhoud" in pagina for pagina in paginas)  # in the running header too
    assert "Er zijn nog geen besluiten over deze versie vastgelegd." in " ".join(paginas)


def test_it_shows_text_as_text_not_as_markup() -> None:
    agenda = maak_agenda("olie", afspraken=1)
    afspraak = agenda.afspraken.get()
    services.wijzig_afspraak(
        afspraak,
        thema=afspraak.thema,
        titel="Brandstof <b>voor</b> hulpdiensten & vitale locaties",
        omschrijving=afspraak.omschrijving,
        beoogd_resultaat=afspraak.beoogd_resultaat,
        actor=None,
    )

    assert "Brandstof <b>voor</b> hulpdiensten & vitale locaties" in pdf_tekst(render_agenda_pdf(agenda))


def test_an_agenda_pdf_takes_the_same_queries_for_5_and_15_items() -> None:
    klein = maak_agenda("drinkwater", afspraken=5, status="vastgesteld")
    groot = maak_agenda("elektriciteit", afspraken=15, status="vastgesteld")
    for agenda in (klein, groot):
        for dag in (1, 2, 3):
            services.voeg_expertbijeenkomst_toe(
                agenda, datum=datetime.date(2016, 1, dag), deelnemers="Demo", actor=None
            )

    with CaptureQueriesContext(connection) as vijf:
        render_agenda_pdf(klein)
    with CaptureQueriesContext(connection) as vijftien:
        render_agenda_pdf(groot)

    # agenda with sector; agreements with theme; adoption records; expert meetings; themes
    assert len(vijf) == len(vijftien) == 5


# --- Rolbeschrijving ------------------------------------------------------------------------------


def test_it_renders_the_role_description_with_sections_answers_and_signatures() -> None:
    rol = maak_vastgestelde_rolbeschrijving(reacties=3, ondertekend=17)

    pdf = render_rolbeschrijving_pdf(rol)

    assert pdf.startswith(b"%PDF")
    paginas = pdf_pagina_teksten(pdf)
    assert len(paginas) > 10  # title, contents, adoption, introduction, 8 themes, ...
    tekst = " ".join(paginas)
    assert "Rolbeschrijving veiligheidsregio: continuïteit van de samenleving" in paginas[0]
    assert "Versie 1" in paginas[0]
    assert "Status vastgesteld" in paginas[0]
    for n in range(1, 9):
        assert f"Thema {n}. Thema {n}" in tekst
        assert f"Taak A bij Thema {n}" in tekst
    for kop in (
        "Definitie",
        "Taken en verantwoordelijkheden van de veiligheidsregio",
        "Wettelijke basis",
        "Art. 10 Wvr (taken van het bestuur).",
        "Aandachtspunten in de samenwerking met de ministeries",
        "Aandachtspunten in de samenwerking met de vitale bedrijven",
        "Tekst van Inleiding.",
        "Tekst van Burgerparticipatie en zelfredzaamheid.",
    ):
        assert kop in tekst, kop


def test_the_role_description_pdf_has_the_adoption_and_the_signature_table() -> None:
    rol = maak_vastgestelde_rolbeschrijving(ondertekend=17)

    tekst = pdf_tekst(render_rolbeschrijving_pdf(rol))

    for orgaan in (
        "Stuurgroep Continuïteit van de samenleving",
        "Commissie Vitale Infrastructuur (VNO-NCW)",
        "Veiligheidsberaad",
        "Ministerie van Justitie en Veiligheid",
    ):
        assert orgaan in tekst
    assert "stuurgroep-2015" in tekst
    assert "17 van 25 ondertekend" in tekst
    assert "Voorzitter van Veiligheidsregio 17" in tekst
    assert "Nog niet ondertekend: Regio 18, Regio 19" in tekst  # the regions' short names
    assert tekst.count("nog niet ondertekend") == 8  # the rows of regions 18–25


def test_the_role_description_pdf_has_the_answer_table() -> None:
    rol = maak_vastgestelde_rolbeschrijving(reacties=3)

    tekst = pdf_tekst(render_rolbeschrijving_pdf(rol))

    assert "Bijlage 1 — Consultatie en antwoordtabel" in tekst
    for n in (1, 2, 3):
        assert f"Reactie nummer {n} uit de consultatie." in tekst
        assert f"Motivering bij reactie {n}." in tekst
    for antwoord in ("Overgenomen", "Deels overgenomen", "Niet overgenomen"):
        assert antwoord in tekst
    assert "Veiligheidsregio 1, Veiligheidsregio 2." in tekst  # the invited organisations


def test_the_role_description_pdf_is_marked_as_example_content() -> None:
    rol = maak_vastgestelde_rolbeschrijving(voorbeeld=True)

    paginas = pdf_pagina_teksten(render_rolbeschrijving_pdf(rol))

    assert "Voorbeeldinhoud" in paginas[0]
    assert "Niet vastgesteld" not in paginas[0]
    assert all("Voorbeeldinhoud" in pagina for pagina in paginas)


def test_a_role_description_pdf_takes_the_same_queries_for_more_comments_and_signatures() -> None:
    weinig = maak_vastgestelde_rolbeschrijving(reacties=1, ondertekend=2)
    weinig_queries = CaptureQueriesContext(connection)
    with weinig_queries:
        render_rolbeschrijving_pdf(weinig)
    # A second adopted version with more comments and signatures.
    Rolbeschrijving.objects.all().delete()
    veel = maak_vastgestelde_rolbeschrijving(reacties=6, ondertekend=20)

    with CaptureQueriesContext(connection) as veel_queries:
        render_rolbeschrijving_pdf(veel)

    # version; sections with theme; comments with organisation; adoption records; signatures with
    # region; invited organisations; the 25 safety regions
    assert len(weinig_queries) == len(veel_queries) == 7


# --- Building blocks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "agenda/pdf/agenda.html",
        "agenda/pdf/rolbeschrijving.html",
        "actieplannen/pdf/netwerkrapportage.html",
        "monitoring/pdf/rapport.html",
    ],
)
def test_every_pdf_document_extends_the_one_page_frame(template) -> None:
    from django.template.loader import get_template
    from django.template.loader_tags import ExtendsNode

    eerste = get_template(template).template.nodelist[0]

    assert isinstance(eerste, ExtendsNode)
    assert eerste.parent_name.resolve({}) == "pdf/basis.html"


def test_a_document_without_tlp_label_has_a_cover_without_running_header_and_its_warning_after_it() -> None:
    agenda = maak_agenda("gas", afspraken=3, status="concept")
    agenda.voorbeeld = True
    agenda.save()

    paginas = pdftekst.paginas(render_agenda_pdf(agenda))

    assert "TLP:" not in " ".join(paginas)  # an agenda has no TLP label: no empty black box either
    assert "pagina" not in paginas[0] and "Agenda Gas" in paginas[0]
    for nummer, pagina in enumerate(paginas[1:], start=2):
        regels = [regel for regel in pagina.splitlines() if regel.strip()]
        assert "Agenda Gas" in regels[0] and "Voorbeeldinhoud · Niet vastgesteld" in regels[0], nummer
        assert f"pagina {nummer} van {len(paginas)}" in regels[-1], f"footer of page {nummer}"


def test_the_url_fetcher_serves_only_local_static_files_and_data_uris(settings) -> None:
    ophalen = LokaleBestanden()

    for url in ("http://example.com/x.css", "https://example.com/font.woff", "ftp://example.com/x"):
        with pytest.raises(ValueError):
            ophalen.fetch(url)
    with pytest.raises(ValueError):
        ophalen.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        ophalen.fetch((settings.BASE_DIR / "static" / ".." / "manage.py").resolve().as_uri())

    stylesheet = ophalen.fetch((settings.BASE_DIR / "static" / "css" / "pdf.css").as_uri())
    assert b"@page" in stylesheet.read()
    stylesheet.close()
    assert ophalen.fetch("data:text/plain,hallo").read() == b"hallo"


def test_text_becomes_escaped_paragraphs_and_lists() -> None:
    html = tekst_als_html("Eerste alinea\nmet <b>twee</b> regels.\n\n- punt één\n- punt twee\nSlot.")

    assert html == (
        "<p>Eerste alinea<br>met &lt;b&gt;twee&lt;/b&gt; regels.</p>"
        "<ul><li>punt één</li><li>punt twee</li></ul><p>Slot.</p>"
    )


def test_a_running_header_text_cannot_break_out_of_its_css_string() -> None:
    assert css_tekst("Agenda ICT & telecom") == '"Agenda ICT \\26  telecom"'
    assert css_tekst('x"; } </style><script>') == ('"x\\22 \\3b  \\7d  \\3c \\2f style\\3e \\3c script\\3e "')


def test_a_title_with_quotes_still_appears_in_the_running_header() -> None:
    agenda = maak_agenda("ict-telecom", afspraken=1)
    Sector.objects.filter(pk=agenda.sector_id).update(naam='ICT "&" telecom </style>')

    paginas = pdf_pagina_teksten(render_agenda_pdf(agenda))

    assert all('Agenda ICT "&" telecom </style>' in pagina for pagina in paginas[1:])
