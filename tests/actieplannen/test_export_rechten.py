"""Who may export and import a plan (§4; issue 4, items 11 and 12).

Reading (PDF, Excel): members including waarnemers, and the project team. Importing: members who
edit (change_netwerk). Outsiders get 404 for all three, like for the plan itself.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actieplannen.excel import exporteer_actieplan

pytestmark = pytest.mark.django_db

LEZEN = ("actieplannen:export_pdf", "actieplannen:export_excel")


def url(naam: str, vitens) -> str:
    return reverse(naam, args=[vitens.netwerk.slug])


@pytest.fixture
def met_actie(vitens):
    vitens.actie = vitens.maak_actie("Nooddrinkwater distribueren")
    return vitens


@pytest.mark.parametrize("naam", [*LEZEN, "actieplannen:importeer"])
def test_it_requires_login(client, vitens, naam) -> None:
    response = client.get(url(naam, vitens))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("naam", [*LEZEN, "actieplannen:importeer"])
@pytest.mark.parametrize("wie", ["buiten", "stuurgroep"])
def test_an_outsider_gets_404(client, vitens, naam, wie) -> None:
    client.force_login(getattr(vitens, wie))

    assert client.get(url(naam, vitens)).status_code == 404
    assert client.post(url(naam, vitens)).status_code in (404, 405)


def test_an_outsider_gets_404_on_an_import_post(client, vitens) -> None:
    client.force_login(vitens.buiten)

    response = client.post(url("actieplannen:importeer", vitens), {"token": "x"})

    assert response.status_code == 404


@pytest.mark.parametrize("wie", ["coordinator", "bcm", "waarnemer", "projectteam"])
def test_readers_download_the_pdf(client, met_actie, wie) -> None:
    client.force_login(getattr(met_actie, wie))

    response = client.get(url("actieplannen:export_pdf", met_actie))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="netwerkrapportage-drinkwater-vitens.pdf"'
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("wie", ["coordinator", "bcm", "waarnemer", "projectteam"])
def test_readers_download_the_workbook(client, met_actie, wie) -> None:
    client.force_login(getattr(met_actie, wie))

    response = client.get(url("actieplannen:export_excel", met_actie))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="actieplan-drinkwater-vitens-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert response.content.startswith(b"PK")


@pytest.mark.parametrize("naam", LEZEN)
def test_exports_refuse_post(client, vitens, naam) -> None:
    client.force_login(vitens.bcm)

    assert client.post(url(naam, vitens)).status_code == 405


@pytest.mark.parametrize("wie", ["coordinator", "bcm"])
def test_editors_see_the_upload_form(client, vitens, wie) -> None:
    client.force_login(getattr(vitens, wie))

    response = client.get(url("actieplannen:importeer", vitens))

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert 'accept=".xlsx,' in response.content.decode()


@pytest.mark.parametrize("wie", ["waarnemer", "projectteam"])
def test_readers_may_not_import(client, met_actie, wie) -> None:
    client.force_login(getattr(met_actie, wie))
    bestand = exporteer_actieplan(met_actie.plan, gebruiker=met_actie.bcm)

    assert client.get(url("actieplannen:importeer", met_actie)).status_code == 403
    response = client.post(
        url("actieplannen:importeer", met_actie), {"bestand": SimpleUploadedFile("actieplan.xlsx", bestand)}
    )
    assert response.status_code == 403
    assert client.post(url("actieplannen:importeer", met_actie), {"token": "x"}).status_code == 403


def test_a_red_action_is_left_out_of_the_project_teams_downloads(client, vitens) -> None:
    vitens.maak_actie("Kwetsbaarheid in de besturing", tlp="red", tlp_ontvangers=[vitens.bcm])
    client.force_login(vitens.projectteam)

    werkmap = client.get(url("actieplannen:export_excel", vitens)).content

    with zipfile.ZipFile(io.BytesIO(werkmap)) as zip_:
        alles = b"".join(zip_.read(naam) for naam in zip_.namelist())
    assert b"Kwetsbaarheid" not in alles


def test_a_red_action_is_left_out_of_the_project_teams_pdf_and_kept_in_the_recipients(client, vitens) -> None:
    from tests.actieplannen.test_export_pdf import tekst

    vitens.maak_actie("Kwetsbaarheid in de besturing", tlp="red", tlp_ontvangers=[vitens.bcm])

    client.force_login(vitens.projectteam)
    voor_projectteam = tekst(client.get(url("actieplannen:export_pdf", vitens)).content)
    client.force_login(vitens.bcm)
    voor_ontvanger = tekst(client.get(url("actieplannen:export_pdf", vitens)).content)

    assert "Kwetsbaarheid" not in voor_projectteam
    assert "Kwetsbaarheid in de besturing" in voor_ontvanger
