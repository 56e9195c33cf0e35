"""The action plan as an Excel workbook (issue 4, items 9 and 11)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from actieplannen.excel import bestandsnaam, exporteer_actieplan
from actieplannen.models import TLP
from netwerken.models import Gebruiker

pytestmark = pytest.mark.django_db

KOPPEN = [
    "id",
    "titel",
    "thema",
    "organisatie",
    "eigenaar",
    "startdatum",
    "einddatum",
    "status",
    "voortgang",
    "TLP",
]


def rijen(inhoud: bytes) -> list[dict]:
    blad = load_workbook(io.BytesIO(inhoud))["Acties"]
    koppen = [cel.value for cel in blad[1]]
    return [dict(zip(koppen, rij, strict=True)) for rij in blad.iter_rows(min_row=2, values_only=True)]


def test_it_writes_one_row_per_action_keyed_on_its_id(vitens) -> None:
    eerste = vitens.maak_actie(
        "Nooddrinkwater distribueren",
        startdatum=datetime.date(2026, 1, 1),
        status="in_uitvoering",
        voortgang=40,
    )
    tweede = vitens.maak_actie("Crisiscommunicatie afstemmen", einddatum=datetime.date(2027, 12, 31))

    boek = load_workbook(io.BytesIO(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)))

    assert boek.sheetnames == ["Acties", "Toelichting"]
    assert [cel.value for cel in boek["Acties"][1]] == KOPPEN
    per_id = {rij["id"]: rij for rij in rijen(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm))}
    assert set(per_id) == {eerste.pk, tweede.pk}
    rij = per_id[eerste.pk]
    assert rij["titel"] == "Nooddrinkwater distribueren"
    assert rij["thema"] == str(eerste.thema)
    assert rij["organisatie"] == vitens.netwerk.kernpartner.naam
    assert rij["eigenaar"] == vitens.bcm.email
    assert rij["startdatum"] == datetime.datetime(2026, 1, 1)  # a real Excel date, not text
    assert rij["einddatum"] == datetime.datetime(2027, 6, 30)
    assert rij["status"] == "in uitvoering"
    assert rij["voortgang"] == 40
    assert rij["TLP"] == "TLP:AMBER"
    assert per_id[tweede.pk]["status"] == "niet gestart"


def test_dates_are_formatted_as_dates(vitens) -> None:
    vitens.maak_actie("Actie")
    blad = load_workbook(io.BytesIO(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)))["Acties"]

    cel = blad.cell(row=2, column=KOPPEN.index("einddatum") + 1)
    assert cel.is_date
    assert cel.number_format == "DD-MM-YYYY"


def test_the_status_column_offers_the_dutch_statuses_as_a_list(vitens) -> None:
    vitens.maak_actie("Actie")
    blad = load_workbook(io.BytesIO(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)))["Acties"]

    lijsten = [v for v in blad.data_validations.dataValidation if v.type == "list"]
    assert len(lijsten) == 1
    assert lijsten[0].formula1 == '"niet gestart,in uitvoering,gereed,vertraagd,vervallen"'
    assert "H2" in lijsten[0].sqref  # the status column


def test_the_explanation_sheet_names_the_editable_columns_and_the_statuses(vitens) -> None:
    vitens.maak_actie("Actie")
    blad = load_workbook(io.BytesIO(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)))["Toelichting"]
    tekst = {rij[0]: rij[1] for rij in blad.iter_rows(values_only=True) if rij[0]}

    assert tekst["TLP:AMBER"].startswith("Markering van dit bestand")
    for kolom in ("status", "voortgang", "eigenaar", "einddatum"):
        assert kolom in tekst
    assert "niet gestart, in uitvoering, gereed, vertraagd, vervallen" in tekst["status"]
    assert vitens.bcm.email == tekst["Geëxporteerd door"]


def test_the_tlp_marking_is_printed_on_every_page_and_in_the_properties(vitens) -> None:
    vitens.maak_actie("Actie")
    boek = load_workbook(io.BytesIO(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)))

    assert boek["Acties"].oddHeader.right.text == "TLP:AMBER"
    assert boek["Acties"].oddFooter.left.text == "TLP:AMBER"
    assert boek.properties.keywords == "TLP:AMBER"


def test_a_red_action_is_left_out_for_the_project_team_and_kept_for_its_recipient(vitens) -> None:
    gewoon = vitens.maak_actie("Gewone actie")
    geheim = vitens.maak_actie("Kwetsbaarheid in de besturing", tlp=TLP.RED, tlp_ontvangers=[vitens.bcm])

    voor_projectteam = rijen(exporteer_actieplan(vitens.plan, gebruiker=vitens.projectteam))
    voor_waarnemer = rijen(exporteer_actieplan(vitens.plan, gebruiker=vitens.waarnemer))
    voor_ontvanger = exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)

    assert [rij["id"] for rij in voor_projectteam] == [gewoon.pk]
    assert [rij["id"] for rij in voor_waarnemer] == [gewoon.pk]
    assert {rij["id"] for rij in rijen(voor_ontvanger)} == {gewoon.pk, geheim.pk}
    assert load_workbook(io.BytesIO(voor_ontvanger)).properties.keywords == "TLP:RED"


def test_the_file_name_names_the_network_and_the_date(vitens) -> None:
    assert (
        bestandsnaam(vitens.plan, datetime.date(2026, 3, 1)) == "actieplan-drinkwater-vitens-2026-03-01.xlsx"
    )


def test_the_number_of_queries_does_not_grow_with_the_number_of_actions(vitens) -> None:
    """Expected: the user's global permissions (not cached yet; his own and his groups' in one),
    the visible actions with theme, organisation and owner = 2 (the plan's network is already
    loaded by the access helper)."""

    def tel() -> int:
        lezer = Gebruiker.objects.get(pk=vitens.bcm.pk)
        with CaptureQueriesContext(connection) as queries:
            exporteer_actieplan(vitens.plan, gebruiker=lezer)
        return len(queries)

    for n in range(3):
        vitens.maak_actie(f"Actie {n}")
    bij_drie = tel()
    for n in range(3, 30):
        vitens.maak_actie(f"Actie {n}")
    bij_dertig = tel()

    assert bij_drie == bij_dertig == 2


def test_a_title_that_looks_like_a_formula_stays_text(vitens) -> None:
    vitens.maak_actie('=HYPERLINK("https://example.com","Klik")')
    blad = load_workbook(io.BytesIO(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm)))["Acties"]

    cel = blad.cell(row=2, column=KOPPEN.index("titel") + 1)
    assert cel.data_type == "s"
    assert cel.value == '=HYPERLINK("https://example.com","Klik")'
