"""Attachments (issue 5, item 5): checked by content, at most MAX_BIJLAGE_MB, stored privately,
served only to those who may see the item."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from menukaart import services
from menukaart.bestanden import herken
from menukaart.models import Bijlage, MenukaartItem

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def zip_met(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, inhoud in bestanden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


INHOUDSTYPEN = b'<Types><Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.%s.main+xml"/></Types>'
DOCX = zip_met(
    {
        "[Content_Types].xml": INHOUDSTYPEN % (b"word/document.xml", b"wordprocessingml.document"),
        "word/document.xml": b"<w:document/>",
    }
)
XLSX = zip_met(
    {
        "[Content_Types].xml": INHOUDSTYPEN % (b"xl/workbook.xml", b"spreadsheetml.sheet"),
        "xl/workbook.xml": b"<workbook/>",
    }
)
ODT = zip_met(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"}
)
DOCM = zip_met(
    {
        "[Content_Types].xml": INHOUDSTYPEN % (b"word/document.xml", b"wordprocessingml.document"),
        "word/document.xml": b"<w:document/>",
        "word/vbaProject.bin": b"macro",
    }
)
ODS = zip_met({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})


def bestanden_op_schijf(map: Path) -> list[Path]:
    return [pad for pad in map.rglob("*") if pad.is_file()] if map.exists() else []


@pytest.mark.parametrize(
    ("inhoud", "soort"),
    [
        (PDF, "PDF"),
        (PNG, "PNG"),
        (JPEG, "JPEG"),
        (DOCX, "Word (DOCX)"),
        (XLSX, "Excel (XLSX)"),
        (ODT, "OpenDocument-tekst (ODT)"),
    ],
)
def test_it_recognises_the_allowed_types_by_content(inhoud: bytes, soort: str) -> None:
    assert herken(io.BytesIO(inhoud)).naam == soort


@pytest.mark.parametrize("inhoud", [EXE, b"Gewone tekst", DOCM, ODS, b"PK\x03\x04kapot", b""])
def test_it_recognises_nothing_else(inhoud: bytes) -> None:
    assert herken(io.BytesIO(inhoud)) is None


@pytest.mark.parametrize(
    ("naam", "inhoud", "content_type"),
    [
        ("plan.pdf", PDF, "application/pdf"),
        ("kaart.PNG", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("Draaiboek.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("begroting.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("notitie.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_it_stores_an_allowed_file_privately(wereld, prive_map, naam, inhoud, content_type) -> None:
    item = wereld.item("Item")
    bijlage = services.voeg_bijlage_toe(item, SimpleUploadedFile(naam, inhoud), actor=wereld.projectteam)
    assert bijlage.oorspronkelijke_naam == naam
    assert bijlage.content_type == content_type
    assert bijlage.grootte == len(inhoud)
    pad = Path(bijlage.bestand.path)
    assert pad.is_relative_to(prive_map) and pad.read_bytes() == inhoud
    assert naam not in pad.name  # stored under a random name
    with pytest.raises(ValueError, match="geen URL"):
        bijlage.bestand.url  # noqa: B018 - the property raises


def _upload(client, item: MenukaartItem, naam: str, inhoud: bytes):
    return client.post(
        reverse("menukaart:bijlage_toevoegen", args=[item.pk]), {"bestand": SimpleUploadedFile(naam, inhoud)}
    )


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        (
            "virus.pdf",
            EXE,
            "„virus.pdf” is geen PDF-, Word- (DOCX), OpenDocument- (ODT), Excel- (XLSX), PNG- of JPEG-bestand",
        ),
        ("brief.docx", b"Dit is gewoon tekst.\n", "„brief.docx” is geen PDF-"),
        ("macro.docx", DOCM, "„macro.docx” is geen PDF-"),
        ("rapport.docx", PDF, "„rapport.docx” is een PDF-bestand, maar de extensie is .docx"),
        ("leeg.pdf", b"", "Het bestand „leeg.pdf” is leeg"),
    ],
)
def test_it_refuses_a_bad_file_with_a_dutch_message_and_stores_nothing(
    client, wereld, prive_map, naam, inhoud, melding
) -> None:
    item = wereld.item("Item")
    client.force_login(wereld.projectteam)
    response = _upload(client, item, naam, inhoud)
    assert response.status_code == 302
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(melding in m for m in meldingen), meldingen
    assert not Bijlage.objects.exists()
    assert bestanden_op_schijf(prive_map) == []


def test_it_refuses_a_file_over_the_maximum(client, wereld, prive_map, settings) -> None:
    settings.MAX_BIJLAGE_MB = 1
    item = wereld.item("Item")
    client.force_login(wereld.projectteam)
    response = _upload(client, item, "groot.pdf", PDF + b"0" * (1024 * 1024))
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("een bijlage mag hoogstens 1 MB zijn" in m for m in meldingen), meldingen
    assert not Bijlage.objects.exists() and bestanden_op_schijf(prive_map) == []
    precies = _upload(client, item, "precies.pdf", PDF + b"0" * (1024 * 1024 - len(PDF)))
    assert precies.status_code == 302 and Bijlage.objects.count() == 1


def test_a_bad_attachment_in_the_proposal_form_stores_no_item(client, wereld, prive_map) -> None:
    client.force_login(wereld.lid)
    response = client.post(
        reverse("menukaart:voorstellen"),
        {
            "soort": "voorbeeld",
            "titel": "Met bijlage",
            "samenvatting": "S",
            "themas": [wereld.themas[0].pk],
            "tlp": "clear",
            "bijlage": SimpleUploadedFile("programma.pdf", EXE),
        },
    )
    assert response.status_code == 200
    assert "is geen PDF-" in response.content.decode()
    assert not MenukaartItem.objects.exists() and not Bijlage.objects.exists()
    assert bestanden_op_schijf(prive_map) == []


def test_a_good_attachment_in_the_proposal_form_is_stored_with_the_item(client, wereld) -> None:
    client.force_login(wereld.lid)
    client.post(
        reverse("menukaart:voorstellen"),
        {
            "soort": "voorbeeld",
            "titel": "Met bijlage",
            "samenvatting": "S",
            "themas": [wereld.themas[0].pk],
            "tlp": "clear",
            "bijlage": SimpleUploadedFile("werkkaart.pdf", PDF),
        },
    )
    item = MenukaartItem.objects.get()
    assert list(item.bijlagen.values_list("oorspronkelijke_naam", flat=True)) == ["werkkaart.pdf"]


def test_the_service_removes_the_file_when_the_row_cannot_be_written(wereld, prive_map, monkeypatch) -> None:
    item = wereld.item("Item")

    def mislukt(obj, actor) -> None:
        raise RuntimeError("database weg")

    monkeypatch.setattr(services, "_bewaar", mislukt)
    with pytest.raises(RuntimeError):
        services.voeg_bijlage_toe(item, SimpleUploadedFile("a.pdf", PDF), actor=None)
    assert bestanden_op_schijf(prive_map) == []


def test_the_service_checks_content_too(wereld) -> None:
    with pytest.raises(ValidationError):
        services.voeg_bijlage_toe(wereld.item("Item"), SimpleUploadedFile("x.png", EXE), actor=None)


def test_an_unsafe_file_name_is_flattened(wereld) -> None:
    bijlage = services.voeg_bijlage_toe(
        wereld.item("Item"), SimpleUploadedFile("../../etc/pass\x00wd.pdf", PDF), actor=None
    )
    assert bijlage.oorspronkelijke_naam == "passwd.pdf"


# --- Download -------------------------------------------------------------------------------------


def _bijlage(item: MenukaartItem) -> Bijlage:
    return services.voeg_bijlage_toe(item, SimpleUploadedFile("Werkkaart noodwater.pdf", PDF), actor=None)


def test_a_member_downloads_an_attachment_of_a_published_item(client, wereld) -> None:
    bijlage = _bijlage(wereld.item("Item"))
    client.force_login(wereld.buiten)
    response = client.get(bijlage.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Werkkaart noodwater.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_an_attachment_of_a_proposal_is_for_its_author_and_the_project_team(client, wereld) -> None:
    bijlage = _bijlage(wereld.item("Voorstel", status="voorgesteld", voorgesteld_door=wereld.lid))
    for persoon, status in (
        (wereld.lid, 200),
        (wereld.projectteam, 200),
        (wereld.buiten, 404),
        (wereld.waarnemer, 404),
    ):
        client.force_login(persoon)
        assert client.get(bijlage.get_absolute_url()).status_code == status, persoon


def test_an_anonymous_download_goes_to_the_login_page(client, wereld) -> None:
    bijlage = _bijlage(wereld.item("Item"))
    response = client.get(bijlage.get_absolute_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_an_attachment_is_only_found_under_its_own_item(client, wereld) -> None:
    bijlage = _bijlage(wereld.item("Geheim", status="voorgesteld"))
    ander = wereld.item("Openbaar")
    client.force_login(wereld.lid)
    url = reverse("menukaart:bijlage", args=[ander.pk, bijlage.pk])
    assert client.get(url).status_code == 404


def test_a_missing_file_is_a_404_not_a_500(client, wereld) -> None:
    bijlage = _bijlage(wereld.item("Item"))
    Path(bijlage.bestand.path).unlink()
    client.force_login(wereld.lid)
    assert client.get(bijlage.get_absolute_url()).status_code == 404


def test_removing_an_attachment_removes_its_file(
    client, wereld, prive_map, django_capture_on_commit_callbacks
) -> None:
    item = wereld.item("Item")
    bijlage = _bijlage(item)
    client.force_login(wereld.projectteam)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("menukaart:bijlage_verwijderen", args=[item.pk, bijlage.pk]))
    assert response.status_code == 302
    assert not Bijlage.objects.exists() and bestanden_op_schijf(prive_map) == []
