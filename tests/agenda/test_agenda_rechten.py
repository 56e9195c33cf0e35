"""Permissions of every agenda and theme view (§4, issue 3 item 10).

Every logged-in user reads adopted versions; concept and submitted versions are the project team's
(anyone else gets 404, the same answer as for a version that does not exist); only the project team
writes (403 for a reader who can see the version); writes are POST-only (405 for GET).
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from agenda.models import Agenda, Samenwerkingsafspraak, Thema
from tests.factories import GebruikerFactory, SectorFactory, maak_agenda, maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db


@pytest.fixture
def agendas() -> dict[str, Agenda]:
    """Drinkwater v1 adopted and v2 a concept (with a tell-tale title); gas v1 submitted."""
    from agenda import services

    vastgesteld = maak_agenda("drinkwater", afspraken=3, status="vastgesteld")
    concept = services.nieuwe_agendaversie(vastgesteld.sector, actor=None)
    services.voeg_afspraak_toe(
        concept, thema=Thema.objects.get(nummer=2), titel="Geheim conceptpunt", actor=None
    )
    SectorFactory(slug="olie", naam="Olie")
    return {
        "vastgesteld": vastgesteld,
        "concept": concept,
        "voorgelegd": maak_agenda("gas", afspraken=2, status="voorgelegd"),
    }


@pytest.fixture
def personen() -> dict:
    projectteam = GebruikerFactory()
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    return {"lid": maak_lid(maak_netwerk()), "stuurgroep": stuurgroep, "projectteam": projectteam}


def _url(naam: str, agenda: Agenda, *extra) -> str:
    return reverse(f"agenda:{naam}", args=[agenda.sector.slug, agenda.versie, *extra])


def _leespaginas(agendas: dict) -> list[str]:
    """Pages every logged-in user may read."""
    vastgesteld = agendas["vastgesteld"]
    return [
        reverse("agenda:overzicht"),
        reverse("agenda:themas"),
        reverse("agenda:sector", args=["drinkwater"]),
        reverse("agenda:sector", args=["gas"]),  # no adopted version: the empty state
        reverse("agenda:versies", args=["drinkwater"]),
        reverse("agenda:vergelijk", args=["drinkwater"]),
        _url("versie", vastgesteld),
    ]


def _verborgen_paginas(agendas: dict) -> list[str]:
    """Pages of concept and submitted versions: the project team's only."""
    concept, voorgelegd = agendas["concept"], agendas["voorgelegd"]
    afspraak = concept.afspraken.first()
    return [
        _url("versie", concept),
        _url("versie", voorgelegd),
        _url("versie_pdf", concept),
        _url("afspraak_nieuw", concept),
        _url("afspraak_bewerken", concept, afspraak.pk),
    ]


def _schrijfacties(agenda: Agenda) -> list[tuple[str, str, dict]]:
    """(name, url, POST data) of every write on one version, plus the theme and new-version writes."""
    afspraak = agenda.afspraken.order_by("rang").first()
    thema = Thema.objects.get(nummer=1)
    return [
        ("afspraak_nieuw", _url("afspraak_nieuw", agenda), {"thema": thema.pk, "titel": "Nieuw"}),
        (
            "afspraak_bewerken",
            _url("afspraak_bewerken", agenda, afspraak.pk),
            {"thema": thema.pk, "titel": "Gewijzigd"},
        ),
        ("afspraak_rang", _url("afspraak_rang", agenda, afspraak.pk), {"rang": 2}),
        ("afspraak_verwijderen", _url("afspraak_verwijderen", agenda, afspraak.pk), {}),
        ("voorleggen", _url("voorleggen", agenda), {}),
        ("terug_naar_concept", _url("terug_naar_concept", agenda), {}),
        (
            "besluit",
            _url("besluit", agenda),
            {"besluit-orgaan": "cvi", "besluit-besluit": "vastgesteld", "besluit-datum": "2016-03-01"},
        ),
        ("vaststellen", _url("vaststellen", agenda), {}),
        (
            "expertbijeenkomst",
            _url("expertbijeenkomst", agenda),
            {"bijeenkomst-datum": "2015-11-12", "bijeenkomst-deelnemers": "Vitens"},
        ),
        ("nieuwe_versie", reverse("agenda:nieuwe_versie", args=["olie"]), {}),
        ("thema_bewerken", reverse("agenda:thema_bewerken", args=[1]), {"naam": "Anders"}),
    ]


ALLEEN_POST = {
    "afspraak_rang",
    "afspraak_verwijderen",
    "voorleggen",
    "terug_naar_concept",
    "besluit",
    "vaststellen",
    "expertbijeenkomst",
    "nieuwe_versie",
}


def _stand() -> tuple:
    """Everything a write could change."""
    return (
        list(Agenda.objects.order_by("pk").values_list("status", "huidig")),
        list(Samenwerkingsafspraak.objects.order_by("pk").values_list("titel", "rang")),
        list(Thema.objects.values_list("naam", flat=True)),
    )


def test_every_page_and_write_requires_login(client, agendas) -> None:
    for url in (
        _leespaginas(agendas) + _verborgen_paginas(agendas) + [_url("versie_pdf", agendas["vastgesteld"])]
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url
    for naam, url, data in _schrijfacties(agendas["concept"]):
        response = client.post(url, data)
        assert response.status_code == 302, naam
        assert response.url.startswith(reverse("login")), naam


@pytest.mark.parametrize("wie", ["lid", "stuurgroep", "projectteam"])
def test_every_logged_in_user_reads_adopted_versions(client, agendas, personen, wie) -> None:
    client.force_login(personen[wie])
    for url in _leespaginas(agendas):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("wie", ["lid", "stuurgroep"])
def test_concept_and_submitted_versions_are_not_found_for_others(client, agendas, personen, wie) -> None:
    client.force_login(personen[wie])
    for url in _verborgen_paginas(agendas):
        assert client.get(url).status_code == 404, url
    onbekend = client.get(reverse("agenda:versie", args=["drinkwater", 99]))
    assert onbekend.status_code == 404


def test_the_project_team_sees_concept_and_submitted_versions(client, agendas, personen) -> None:
    client.force_login(personen["projectteam"])
    for url in _verborgen_paginas(agendas):
        assert client.get(url).status_code == 200, url


def test_no_list_or_comparison_reveals_a_concept_to_others(client, agendas, personen) -> None:
    client.force_login(personen["lid"])
    for url in _leespaginas(agendas):
        inhoud = client.get(url).content.decode()
        assert "Geheim conceptpunt" not in inhoud, url
        assert _url("versie", agendas["concept"]) not in inhoud, url
    vergelijk = client.get(reverse("agenda:vergelijk", args=["drinkwater"]), {"van": 1, "met": 2})
    assert vergelijk.status_code == 200
    assert "nog maar één versie" in vergelijk.content.decode()  # the concept does not count
    assert "Geheim conceptpunt" not in vergelijk.content.decode()


def test_writes_on_a_hidden_version_are_not_found_for_others(client, agendas, personen) -> None:
    client.force_login(personen["lid"])
    voor = _stand()
    for naam, url, data in _schrijfacties(agendas["concept"]):
        if naam in ("nieuwe_versie", "thema_bewerken"):
            continue  # not about a version
        assert client.post(url, data).status_code == 404, naam
    assert _stand() == voor


@pytest.mark.parametrize("wie", ["lid", "stuurgroep"])
def test_every_write_is_forbidden_to_a_reader_of_the_adopted_version(client, agendas, personen, wie) -> None:
    client.force_login(personen[wie])
    assert client.get(_url("versie", agendas["vastgesteld"])).status_code == 200
    voor = _stand()
    for naam, url, data in _schrijfacties(agendas["vastgesteld"]):
        assert client.post(url, data).status_code == 403, naam
    assert client.get(_url("afspraak_nieuw", agendas["vastgesteld"])).status_code == 403
    assert client.get(reverse("agenda:thema_bewerken", args=[1])).status_code == 403
    assert _stand() == voor


def test_writes_reject_get(client, agendas, personen) -> None:
    client.force_login(personen["projectteam"])
    voor = _stand()
    for naam, url, _data in _schrijfacties(agendas["concept"]):
        if naam in ALLEEN_POST:
            assert client.get(url).status_code == 405, naam
        else:
            assert client.get(url).status_code == 200, naam  # the form page
    assert _stand() == voor


def test_the_project_team_does_every_write(client, agendas, personen) -> None:
    client.force_login(personen["projectteam"])
    concept = agendas["concept"]
    acties = {naam: (url, data) for naam, url, data in _schrijfacties(concept)}
    volgorde = [
        "afspraak_nieuw",
        "afspraak_bewerken",
        "afspraak_rang",
        "afspraak_verwijderen",
        "expertbijeenkomst",
        "voorleggen",
        "besluit",
        "terug_naar_concept",
        "voorleggen",
        "vaststellen",
        "nieuwe_versie",
        "thema_bewerken",
    ]
    for naam in volgorde:
        url, data = acties[naam]
        response = client.post(url, data)
        assert response.status_code == 302, naam
        meldingen = [str(m) for m in response.wsgi_request._messages]
        assert not any(m.level_tag == "error" for m in response.wsgi_request._messages), (naam, meldingen)
    concept.refresh_from_db()
    assert (concept.status, concept.huidig, concept.vastgesteld_op) == (
        "vastgesteld",
        True,
        datetime.date(2016, 3, 1),
    )
    assert Agenda.objects.filter(sector__slug="olie", status="concept").exists()
    assert Thema.objects.get(nummer=1).naam == "Anders"
