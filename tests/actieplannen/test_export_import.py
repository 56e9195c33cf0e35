"""Excel round trip: export, edit, import with a preview; all changes or none (issue 4, items 9 and 12)."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from actieplannen import services
from actieplannen.excel import (
    IMPORT_NOTITIE,
    ImportResultaat,
    exporteer_actieplan,
    lees_import,
    pas_import_toe,
)
from actieplannen.models import TLP, Verbeteractie, Voortgangsupdate
from netwerken.models import Lidmaatschap
from tests.factories import GebruikerFactory, maak_lid

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def bewerk(inhoud: bytes, wijzigingen: dict[Any, dict[str, Any]], nieuwe_rijen: list[dict] = ()) -> bytes:
    """Edit the exported workbook as a user would in Excel: cells by action id and column heading."""
    boek = load_workbook(io.BytesIO(inhoud))
    blad = boek["Acties"]
    koppen = [cel.value for cel in blad[1]]
    for rij in blad.iter_rows(min_row=2):
        for kop, waarde in wijzigingen.get(rij[0].value, {}).items():
            rij[koppen.index(kop)].value = waarde
    for nieuw in nieuwe_rijen:
        blad.append([nieuw.get(kop) for kop in koppen])
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def staat(*acties: Verbeteractie) -> list[tuple]:
    """What the import may change, as stored."""
    return [
        (a.status, a.voortgang, a.eigenaar_id, a.einddatum, a.revisie)
        for a in Verbeteractie.objects.filter(pk__in=[a.pk for a in acties]).order_by("pk")
    ]


@pytest.fixture
def drie_acties(vitens):
    """Three actions of Vitens and a second member at Vitens who can take one over."""
    vitens.collega = maak_lid(vitens.netwerk, Lidmaatschap.Rol.LID)
    vitens.acties = [vitens.maak_actie(f"Actie {n}") for n in range(1, 4)]
    return vitens


def upload(client, vitens, inhoud: bytes, naam: str = "actieplan.xlsx"):
    client.force_login(vitens.bcm)
    return client.post(
        reverse("actieplannen:importeer", args=[vitens.netwerk.slug]),
        {"bestand": SimpleUploadedFile(naam, inhoud, content_type=XLSX)},
    )


# --- Round trip -----------------------------------------------------------------------------------


def test_the_preview_shows_exactly_the_changes_made_in_the_sheet(drie_acties) -> None:
    v = drie_acties
    eerste, tweede, derde = v.acties
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {
            eerste.pk: {"status": "gereed", "voortgang": 100, "einddatum": datetime.datetime(2027, 3, 31)},
            tweede.pk: {"eigenaar": v.collega.email.upper(), "voortgang": "35%"},
        },
    )

    resultaat = lees_import(v.plan, bestand, gebruiker=v.bcm)

    assert resultaat.is_geldig
    assert resultaat.ongewijzigd == 1  # the third row
    wijzigingen = {
        (rij.actie_id, w.veld, w.was, w.wordt) for rij in resultaat.gewijzigd for w in rij.wijzigingen
    }
    assert wijzigingen == {
        (eerste.pk, "status", "niet gestart", "gereed"),
        (eerste.pk, "voortgang", "0%", "100%"),
        (eerste.pk, "einddatum", "30-06-2027", "31-03-2027"),
        (tweede.pk, "eigenaar", f"{v.bcm.naam} ({v.bcm.email})", f"{v.collega.naam} ({v.collega.email})"),
        (tweede.pk, "voortgang", "0%", "35%"),
    }
    assert staat(eerste, tweede, derde) == [("niet_gestart", 0, v.bcm.pk, datetime.date(2027, 6, 30), 1)] * 3


def test_applying_the_preview_stores_every_change_with_history_and_a_progress_entry(drie_acties) -> None:
    v = drie_acties
    eerste, tweede, derde = v.acties
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {
            eerste.pk: {"status": "gereed", "voortgang": 100, "einddatum": "31-03-2027"},
            tweede.pk: {"eigenaar": v.collega.email, "status": "vertraagd"},
        },
    )

    aantal = pas_import_toe(v.plan, lees_import(v.plan, bestand, gebruiker=v.bcm), gebruiker=v.bcm)

    assert aantal == 2
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    derde.refresh_from_db()
    assert (eerste.status, eerste.voortgang, eerste.einddatum) == ("gereed", 100, datetime.date(2027, 3, 31))
    assert (tweede.eigenaar, tweede.status) == (v.collega, "vertraagd")
    assert derde.revisie == 1  # untouched
    for actie in (eerste, tweede):
        assert actie.history.latest().history_user == v.bcm
    entry = Voortgangsupdate.objects.get(actie=eerste)
    assert (entry.status, entry.voortgang, entry.door, entry.notitie) == (
        "gereed",
        100,
        v.bcm,
        IMPORT_NOTITIE,
    )


def test_a_round_trip_through_the_pages_previews_then_applies(client, drie_acties) -> None:
    v = drie_acties
    eerste, tweede, _ = v.acties
    client.force_login(v.bcm)
    export = client.get(reverse("actieplannen:export_excel", args=[v.netwerk.slug]))
    bestand = bewerk(export.content, {eerste.pk: {"voortgang": 60}, tweede.pk: {"status": "in uitvoering"}})

    voorvertoning = upload(client, v, bestand)

    assert voorvertoning.status_code == 200
    html = voorvertoning.content.decode()
    assert "2 wijzigingen in 2 acties" in html
    assert "Wijzigingen doorvoeren" in html
    assert staat(eerste)[0][1] == 0  # nothing changed yet

    token = voorvertoning.context["token"]
    bevestigd = client.post(reverse("actieplannen:importeer", args=[v.netwerk.slug]), {"token": token})

    assert bevestigd.status_code == 302
    assert bevestigd.url == v.plan.get_absolute_url()
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert (eerste.voortgang, tweede.status) == (60, "in_uitvoering")

    # the preview is used up: the same confirmation again changes nothing
    nogmaals = client.post(
        reverse("actieplannen:importeer", args=[v.netwerk.slug]), {"token": token}, follow=True
    )
    assert "niet meer geldig" in nogmaals.content.decode()
    assert Voortgangsupdate.objects.filter(actie__in=[eerste, tweede]).count() == 2


# --- Invalid rows: every reason, and nothing changes -----------------------------------------------


def test_every_invalid_row_is_reported_with_its_reason_and_nothing_is_applied(drie_acties) -> None:
    v = drie_acties
    eerste, tweede, derde = v.acties
    vreemde = GebruikerFactory(organisatie=v.netwerk.kernpartner)  # works at Vitens, not a member
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {
            eerste.pk: {"status": "gereed", "voortgang": 100},  # valid
            tweede.pk: {"eigenaar": vreemde.email, "einddatum": "31-02-2026"},
            derde.pk: {"voortgang": 140, "status": "klaar"},
        },
        nieuwe_rijen=[{"id": 123456, "titel": "Bestaat niet", "status": "gereed", "voortgang": 10}],
    )

    resultaat = lees_import(v.plan, bestand, gebruiker=v.bcm)

    assert not resultaat.is_geldig
    fouten = {rij.rij: rij.fouten for rij in resultaat.ongeldig}
    rij = {actie.pk: nummer for nummer, actie in enumerate(v.acties, start=2)}
    assert fouten == {
        rij[tweede.pk]: [
            "Ongeldige einddatum 31-02-2026",
            f"Onbekende eigenaar {vreemde.email}: geen lid van dit netwerk",
        ],
        rij[derde.pk]: [
            "Onbekende status „klaar”; kies uit: niet gestart, in uitvoering, gereed, vertraagd, vervallen",
            "Voortgang 140 ligt niet tussen 0 en 100",
        ],
        5: ["Onbekende actie-id 123456"],
    }
    voor = staat(*v.acties)
    with pytest.raises(ValidationError, match="ongeldige rijen"):
        pas_import_toe(v.plan, resultaat, gebruiker=v.bcm)
    assert staat(*v.acties) == voor


def test_the_preview_page_lists_the_errors_and_offers_no_way_to_apply(client, drie_acties) -> None:
    v = drie_acties
    eerste, tweede, _ = v.acties
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {eerste.pk: {"voortgang": 50}, tweede.pk: {"voortgang": 140}},
        nieuwe_rijen=[{"id": 99999, "status": "gereed", "voortgang": 1}],
    )

    response = upload(client, v, bestand)

    html = response.content.decode()
    assert response.status_code == 200
    assert "2 rijen kloppen niet: er wordt niets gewijzigd" in html
    assert "Voortgang 140 ligt niet tussen 0 en 100" in html
    assert "Onbekende actie-id 99999" in html
    assert "Wijzigingen doorvoeren" not in html
    assert response.context["token"] == ""
    # a confirmation without a stored preview does nothing
    client.post(reverse("actieplannen:importeer", args=[v.netwerk.slug]), {"token": "geraden"})
    assert staat(eerste)[0][1] == 0


@pytest.mark.parametrize(
    ("wijziging", "reden"),
    [
        ({"voortgang": -5}, "Voortgang -5 ligt niet tussen 0 en 100"),
        ({"voortgang": 12.5}, "Voortgang 12,5 is geen geheel getal"),
        ({"voortgang": "veel"}, "Voortgang „veel” is geen getal tussen 0 en 100"),
        ({"voortgang": None}, "Voortgang ontbreekt"),
        ({"status": None}, "Status ontbreekt"),
        ({"einddatum": "morgen"}, "Ongeldige einddatum morgen"),
        ({"einddatum": "01-01-2020"}, "Einddatum 01-01-2020 ligt voor de startdatum 01-03-2020"),
    ],
)
def test_each_bad_value_has_its_own_reason(vitens, wijziging, reden) -> None:
    actie = vitens.maak_actie("Actie", startdatum=datetime.date(2020, 3, 1))
    bestand = bewerk(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm), {actie.pk: wijziging})

    assert lees_import(vitens.plan, bestand, gebruiker=vitens.bcm).ongeldig[0].fouten == [reden]


def test_an_owner_at_another_organisation_is_refused(vitens) -> None:
    actie = vitens.maak_actie("Actie")  # Vitens is responsible
    bestand = bewerk(
        exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm),
        {actie.pk: {"eigenaar": vitens.coordinator.email}},
    )

    [fout] = lees_import(vitens.plan, bestand, gebruiker=vitens.bcm).ongeldig[0].fouten

    assert fout.startswith(f"Eigenaar {vitens.coordinator.email} werkt niet bij")


def test_a_row_twice_and_a_row_without_id_are_refused(vitens) -> None:
    actie = vitens.maak_actie("Actie")
    bestand = bewerk(
        exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm),
        {},
        nieuwe_rijen=[{"id": actie.pk, "status": "gereed", "voortgang": 0}, {"titel": "Nieuwe actie"}],
    )

    fouten = [rij.fouten for rij in lees_import(vitens.plan, bestand, gebruiker=vitens.bcm).ongeldig]

    assert fouten == [
        [f"Actie-id {actie.pk} staat ook in rij 2"],
        ["Rij zonder actie-id: nieuwe acties voegt u toe in het portaal, niet via Excel"],
    ]


def test_a_red_action_the_user_may_not_see_is_an_unknown_id(vitens) -> None:
    geheim = vitens.maak_actie("Geheim", tlp=TLP.RED, tlp_ontvangers=[vitens.bcm])
    collega = maak_lid(vitens.netwerk, Lidmaatschap.Rol.LID)
    bestand = bewerk(
        exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm), {geheim.pk: {"status": "gereed"}}
    )

    [rij] = lees_import(vitens.plan, bestand, gebruiker=collega).ongeldig

    assert rij.fouten == [f"Onbekende actie-id {geheim.pk}"]
    assert rij.revisie is None and not rij.wijzigingen


def test_an_action_of_another_plan_is_an_unknown_id(vitens) -> None:
    from tests.factories import maak_netwerk

    ander_plan = services.zorg_voor_actieplan(maak_netwerk(slug="drinkwater-ander"), actor=None)
    eigen = vitens.maak_actie("Eigen actie")
    bestand = bewerk(exporteer_actieplan(vitens.plan, gebruiker=vitens.bcm), {})

    resultaat = lees_import(ander_plan, bestand, gebruiker=vitens.bcm)

    assert resultaat.ongeldig[0].fouten == [f"Onbekende actie-id {eigen.pk}"]


# --- Conflicts ------------------------------------------------------------------------------------


def test_an_action_changed_after_the_preview_is_a_conflict_and_nothing_is_applied(
    client, drie_acties
) -> None:
    v = drie_acties
    eerste, tweede, _ = v.acties
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {eerste.pk: {"voortgang": 10}, tweede.pk: {"voortgang": 20}},
    )
    voorvertoning = upload(client, v, bestand)
    # meanwhile the coordinator updates the second action in the browser
    services.wijzig_actie(tweede, revisie=tweede.revisie, actor=v.coordinator, voortgang=75)

    response = client.post(
        reverse("actieplannen:importeer", args=[v.netwerk.slug]), {"token": voorvertoning.context["token"]}
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Er is niets gewijzigd" in html
    assert "intussen gewijzigd" in html
    assert "voortgang (%): 0 → 75" in html
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert (eerste.voortgang, eerste.revisie) == (0, 1)  # the valid first row was rolled back too
    assert tweede.voortgang == 75
    assert not Voortgangsupdate.objects.exists()


def test_a_stored_preview_survives_the_session_round_trip(drie_acties) -> None:
    v = drie_acties
    eerste = v.acties[0]
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {eerste.pk: {"eigenaar": v.collega.email, "einddatum": "01-02-2028"}},
    )
    resultaat = lees_import(v.plan, bestand, gebruiker=v.bcm)

    import json

    terug = ImportResultaat.uit_sessie(json.loads(json.dumps(resultaat.naar_sessie())))
    pas_import_toe(v.plan, terug, gebruiker=v.bcm)

    eerste.refresh_from_db()
    assert (eerste.eigenaar, eerste.einddatum) == (v.collega, datetime.date(2028, 2, 1))


# --- Files that are not the export ------------------------------------------------------------------


def _werkmap(koppen: list[str], blad: str = "Acties") -> bytes:
    boek = Workbook()
    boek.active.title = blad
    boek.active.append(koppen)
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def _zip_zonder_werkmap() -> bytes:
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w") as zip_:
        zip_.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
    return uitvoer.getvalue()


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"id;status\n1;gereed\n", "Dit is geen Excel-werkmap (.xlsx)"),  # a text file named .xlsx
        (b"", "Het bestand is leeg."),
        (_zip_zonder_werkmap(), "Dit is geen Excel-werkmap (.xlsx)"),  # e.g. a Word document
        (_werkmap(["titel", "status"]), "De kolom „id” ontbreekt"),
        (_werkmap(["id", "status"], blad="Blad1"), "Het werkblad „Acties” ontbreekt (gevonden: Blad1)"),
    ],
    ids=["tekstbestand", "leeg", "ander-zipbestand", "zonder-id", "ander-werkblad"],
)
def test_a_file_that_is_not_the_export_gets_a_dutch_message_and_changes_nothing(
    client, drie_acties, inhoud, melding
) -> None:
    voor = staat(*drie_acties.acties)

    response = upload(client, drie_acties, inhoud)

    assert response.status_code == 200
    assert melding in response.content.decode()
    assert "Wijzigingen doorvoeren" not in response.content.decode()
    assert staat(*drie_acties.acties) == voor


def test_a_damaged_workbook_gets_a_dutch_message(client, drie_acties) -> None:
    echt = exporteer_actieplan(drie_acties.plan, gebruiker=drie_acties.bcm)
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(echt)) as bron, zipfile.ZipFile(uitvoer, "w") as doel:
        for naam in bron.namelist():
            doel.writestr(naam, b"kapot" if naam.startswith("xl/worksheets/") else bron.read(naam))

    response = upload(client, drie_acties, uitvoer.getvalue())

    assert "kon niet als Excel-werkmap worden gelezen" in response.content.decode()


def test_a_file_over_5_mb_is_refused(client, drie_acties) -> None:
    response = upload(client, drie_acties, b"x" * (5 * 1024 * 1024 + 1))

    assert response.status_code == 200
    assert "Het bestand is 5,0 MB; de grens is 5 MB." in response.content.decode()


def test_a_file_without_changes_says_so(client, drie_acties) -> None:
    response = upload(client, drie_acties, exporteer_actieplan(drie_acties.plan, gebruiker=drie_acties.bcm))

    assert "Het bestand bevat geen wijzigingen" in response.content.decode()
    assert "Wijzigingen doorvoeren" not in response.content.decode()


def test_a_post_without_a_file_asks_for_one(client, drie_acties) -> None:
    client.force_login(drie_acties.bcm)

    response = client.post(reverse("actieplannen:importeer", args=[drie_acties.netwerk.slug]))

    assert response.status_code == 200
    assert "Kies het Excel-bestand dat u wilt importeren." in response.content.decode()


def test_the_preview_warns_that_a_new_owner_or_due_date_reopens_consent(client, drie_acties) -> None:
    v = drie_acties
    services.dien_in(v.plan, actor=v.coordinator)
    eerste, tweede, _ = v.acties
    bestand = bewerk(
        exporteer_actieplan(v.plan, gebruiker=v.bcm),
        {eerste.pk: {"einddatum": "31-12-2027"}, tweede.pk: {"eigenaar": v.collega.email}},
    )

    response = upload(client, v, bestand)

    assert "heropent de instemming" in response.content.decode()
    client.post(
        reverse("actieplannen:importeer", args=[v.netwerk.slug]), {"token": response.context["token"]}
    )
    v.plan.refresh_from_db()
    assert v.plan.status == "ter_instemming"
    assert "gewijzigd" in v.plan.heropend_om
