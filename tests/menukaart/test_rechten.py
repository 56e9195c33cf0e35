"""Permissions of every menukaart view (§4): login required, hidden → 404, readers → 403 on writes,
GET where POST is meant → 405."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from menukaart import services
from menukaart.models import MenukaartItem

from .test_bijlagen import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(wereld) -> dict:
    gepubliceerd = wereld.item("Gepubliceerd")
    voorstel = wereld.item("Voorstel van buiten", status="voorgesteld", voorgesteld_door=wereld.buiten)
    actie = wereld.actie("Vitens-actie")
    return {
        "gepubliceerd": gepubliceerd,
        "voorstel": voorstel,
        "bijlage": services.voeg_bijlage_toe(gepubliceerd, SimpleUploadedFile("a.pdf", PDF), actor=None),
        "voorstelbijlage": services.voeg_bijlage_toe(voorstel, SimpleUploadedFile("b.pdf", PDF), actor=None),
        "actie": actie,
        "vraag": services.stel_vraag(vraag="Vraag van buiten", actor=wereld.buiten),
    }


def _leespaginas(item: MenukaartItem, bijlage) -> list[tuple[str, str]]:
    return [
        ("item", reverse("menukaart:item", args=[item.pk])),
        ("bijlage", reverse("menukaart:bijlage", args=[item.pk, bijlage.pk])),
    ]


def _itemschrijfacties(item: MenukaartItem, bijlage, actie) -> list[tuple[str, str, dict]]:
    """(name, url, POST data) of every write on one item."""
    return [
        ("bewerken", reverse("menukaart:bewerken", args=[item.pk]), {"titel": "Nieuw"}),
        ("publiceren", reverse("menukaart:publiceren", args=[item.pk]), {}),
        ("archiveren", reverse("menukaart:archiveren", args=[item.pk]), {}),
        ("beoordeeld", reverse("menukaart:beoordeeld", args=[item.pk]), {}),
        (
            "bijlage_toevoegen",
            reverse("menukaart:bijlage_toevoegen", args=[item.pk]),
            {"bestand": SimpleUploadedFile("c.pdf", PDF)},
        ),
        ("bijlage_verwijderen", reverse("menukaart:bijlage_verwijderen", args=[item.pk, bijlage.pk]), {}),
        ("koppel", reverse("menukaart:koppel", args=[item.pk]), {"actie": actie.pk}),
        ("ontkoppel", reverse("menukaart:ontkoppel", args=[item.pk]), {"actie": actie.pk}),
    ]


ALGEMENE_PAGINAS = ["zoeken", "voorstellen", "mijn_vragen", "curatie", "loket"]
CURATIE = {"bewerken", "publiceren", "archiveren", "beoordeeld", "bijlage_toevoegen", "bijlage_verwijderen"}


def test_every_view_requires_login(client, items) -> None:
    item, bijlage, actie = items["gepubliceerd"], items["bijlage"], items["actie"]
    urls = [reverse(f"menukaart:{naam}") for naam in ALGEMENE_PAGINAS]
    urls += [url for _naam, url in _leespaginas(item, bijlage)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    posts = [(url, data) for _naam, url, data in _itemschrijfacties(item, bijlage, actie)]
    posts += [
        (reverse("menukaart:vraag"), {"vraag": "?"}),
        (reverse("menukaart:beantwoorden", args=[items["vraag"].pk]), {"antwoord": "!"}),
        (reverse("menukaart:voorstellen"), {"titel": "X"}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    assert MenukaartItem.objects.count() == 2


def test_a_hidden_item_is_a_404_for_every_view(client, wereld, items) -> None:
    voorstel = items["voorstel"]
    client.force_login(wereld.lid)
    for naam, url in _leespaginas(voorstel, items["voorstelbijlage"]):
        assert client.get(url).status_code == 404, naam
    for naam, url, data in _itemschrijfacties(voorstel, items["voorstelbijlage"], items["actie"]):
        assert client.post(url, data).status_code == 404, naam
    assert client.post(reverse("menukaart:vraag"), {"vraag": "?", "item": voorstel.pk}).status_code == 404
    voorstel.refresh_from_db()
    assert voorstel.status == "voorgesteld" and voorstel.bijlagen.count() == 1


def test_hidden_and_missing_items_answer_alike(client, wereld, items) -> None:
    client.force_login(wereld.lid)
    verborgen = client.get(reverse("menukaart:item", args=[items["voorstel"].pk]))
    onbekend = client.get(reverse("menukaart:item", args=[999999]))
    assert verborgen.status_code == onbekend.status_code == 404


def test_another_persons_question_is_a_404(client, wereld, items) -> None:
    client.force_login(wereld.lid)
    url = reverse("menukaart:beantwoorden", args=[items["vraag"].pk])
    assert client.post(url, {"antwoord": "Ik weet het"}).status_code == 404


@pytest.mark.parametrize("wie", ["lid", "waarnemer", "stuurgroep"])
def test_readers_get_403_on_curation(client, wereld, items, wie) -> None:
    client.force_login(getattr(wereld, wie))
    item = items["gepubliceerd"]
    for naam, url, data in _itemschrijfacties(item, items["bijlage"], items["actie"]):
        if naam in CURATIE:
            assert client.post(url, data).status_code == 403, naam
    assert client.get(reverse("menukaart:bewerken", args=[item.pk])).status_code == 403
    assert client.get(reverse("menukaart:curatie")).status_code == 403
    assert client.get(reverse("menukaart:loket")).status_code == 403
    eigen = services.stel_vraag(vraag="Eigen vraag", actor=getattr(wereld, wie))
    assert (
        client.post(reverse("menukaart:beantwoorden", args=[eigen.pk]), {"antwoord": "!"}).status_code == 403
    )
    item.refresh_from_db()
    assert item.titel == "Gepubliceerd" and item.status == "gepubliceerd" and item.bijlagen.count() == 1


def test_readers_may_read_search_propose_and_ask(client, wereld, items) -> None:
    client.force_login(wereld.waarnemer)
    for url in [
        reverse("menukaart:zoeken"),
        reverse("menukaart:voorstellen"),
        reverse("menukaart:mijn_vragen"),
    ]:
        assert client.get(url).status_code == 200, url
    for _naam, url in _leespaginas(items["gepubliceerd"], items["bijlage"]):
        assert client.get(url).status_code == 200, url


def test_get_where_post_is_meant_is_a_405(client, wereld, items) -> None:
    client.force_login(wereld.projectteam)
    for naam, url, _data in _itemschrijfacties(items["gepubliceerd"], items["bijlage"], items["actie"]):
        if naam == "bewerken":
            continue  # a GET shows the form
        assert client.get(url).status_code == 405, naam
    assert client.get(reverse("menukaart:vraag")).status_code == 405
    assert client.get(reverse("menukaart:beantwoorden", args=[items["vraag"].pk])).status_code == 405


def test_the_project_team_reaches_every_page(client, wereld, items) -> None:
    client.force_login(wereld.projectteam)
    for naam in ALGEMENE_PAGINAS:
        assert client.get(reverse(f"menukaart:{naam}")).status_code == 200, naam
    for item, bijlage in (
        (items["gepubliceerd"], items["bijlage"]),
        (items["voorstel"], items["voorstelbijlage"]),
    ):
        for naam, url in _leespaginas(item, bijlage):
            assert client.get(url).status_code == 200, naam
        assert client.get(reverse("menukaart:bewerken", args=[item.pk])).status_code == 200
    for naam in ("publiceren", "beoordeeld", "archiveren"):
        response = client.post(reverse(f"menukaart:{naam}", args=[items["voorstel"].pk]))
        assert response.status_code == 302, naam
    assert (
        client.post(
            reverse("menukaart:beantwoorden", args=[items["vraag"].pk]), {"antwoord": "!"}
        ).status_code
        == 302
    )


def test_the_author_edits_his_own_proposal(client, wereld, items) -> None:
    client.force_login(wereld.buiten)
    voorstel = items["voorstel"]
    assert client.get(reverse("menukaart:bewerken", args=[voorstel.pk])).status_code == 200
    response = client.post(
        reverse("menukaart:bijlage_toevoegen", args=[voorstel.pk]),
        {"bestand": SimpleUploadedFile("d.pdf", PDF)},
    )
    assert response.status_code == 302 and voorstel.bijlagen.count() == 2
    assert client.post(reverse("menukaart:publiceren", args=[voorstel.pk])).status_code == 403
