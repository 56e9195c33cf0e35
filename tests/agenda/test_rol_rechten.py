"""Permissions of every role-description view (§4, issue 3 item 10).

Adopted versions are readable by every logged-in user; other versions by the project team, and
during consultatie/definitief also by users of the invited organisations; everybody else gets 404.
Writes are for the project team (403 for readers), except `reageren`, which is for users of invited
organisations during the consultation.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from agenda import services
from agenda.models import Consultatiereactie, Rolbeschrijving
from tests.factories import BedrijfFactory, GebruikerFactory, RegioFactory, maak_rolbeschrijving

pytestmark = pytest.mark.django_db


@pytest.fixture
def regio():
    return RegioFactory(vr_nummer=4)


@pytest.fixture
def versies(regio) -> dict:
    """v1 adopted (current), v2 in consultation with one invited safety region."""
    vastgesteld = maak_rolbeschrijving(status="vastgesteld", uitgenodigd=[regio])
    consultatie = services.nieuwe_rolversie(actor=None)
    services.zet_rolstatus(consultatie, "concept", actor=None)
    services.nodig_uit_voor_consultatie(consultatie, [regio], actor=None)
    consultatie = services.zet_rolstatus(consultatie, "consultatie", actor=None)
    return {"vastgesteld": vastgesteld, "consultatie": consultatie}


@pytest.fixture
def personen(regio) -> dict:
    projectteam = GebruikerFactory(organisatie=BedrijfFactory(naam="IFV"))
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    return {
        "projectteam": projectteam,
        "uitgenodigd": GebruikerFactory(organisatie=regio),
        "lezer": GebruikerFactory(organisatie=BedrijfFactory()),
        "stuurgroep": stuurgroep,
        "zonder_organisatie": GebruikerFactory(organisatie=None),
    }


def _paginas(rol: Rolbeschrijving) -> list[tuple[str, str]]:
    """(name, url) of every page read with GET for one version."""
    sectie = rol.secties.get(thema__nummer=1)
    return [
        ("versie", reverse("agenda:rol_versie", args=[rol.versie])),
        ("pdf", reverse("agenda:rol_pdf", args=[rol.versie])),
        ("uitnodigen", reverse("agenda:rol_uitnodigen", args=[rol.versie])),
        ("sectie_bewerken", reverse("agenda:rol_sectie_bewerken", args=[rol.versie, sectie.pk])),
    ]


def _schrijfacties(rol: Rolbeschrijving, regio) -> list[tuple[str, str, dict]]:
    """(name, url, POST data) of every project-team write on one version."""
    sectie = rol.secties.get(thema__nummer=1)
    reactie = Consultatiereactie.objects.create(
        sectie=sectie, auteur=GebruikerFactory(organisatie=regio), organisatie=regio, tekst="Een punt."
    )
    return [
        ("nieuwe_versie", reverse("agenda:rol_nieuwe_versie"), {}),
        ("status", reverse("agenda:rol_status", args=[rol.versie]), {"status": rol.volgende_status or ""}),
        ("uitnodigen", reverse("agenda:rol_uitnodigen", args=[rol.versie]), {"organisaties": [regio.pk]}),
        (
            "sectie_bewerken",
            reverse("agenda:rol_sectie_bewerken", args=[rol.versie, sectie.pk]),
            {"definitie": "Nieuw."},
        ),
        (
            "beantwoorden",
            reverse("agenda:rol_beantwoorden", args=[rol.versie, reactie.pk]),
            {"antwoord": "overgenomen", "motivering": "Goed punt."},
        ),
        (
            "besluit",
            reverse("agenda:rol_besluit", args=[rol.versie]),
            {"orgaan": "stuurgroep", "besluit": "vastgesteld", "datum": "2016-01-10"},
        ),
        (
            "ondertekening",
            reverse("agenda:rol_ondertekening", args=[rol.versie]),
            {"veiligheidsregio": regio.pk, "datum": "2016-01-10", "ondertekend_door": "Voorzitter"},
        ),
    ]


def _reageren(rol: Rolbeschrijving) -> str:
    return reverse("agenda:rol_reageren", args=[rol.versie, rol.secties.get(thema__nummer=1).pk])


def _berichten(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_every_page_and_write_requires_login(client, versies, regio) -> None:
    rol = versies["consultatie"]
    lijsten = [reverse("agenda:rol_huidig"), reverse("agenda:rol_versies"), reverse("agenda:rol_vergelijk")]
    for url in lijsten + [url for _, url in _paginas(rol)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url
    for naam, url, data in [*_schrijfacties(rol, regio), ("reageren", _reageren(rol), {"tekst": "x"})]:
        response = client.post(url, data)
        assert response.status_code == 302, naam
        assert response.url.startswith(reverse("login")), naam
    assert not Consultatiereactie.objects.exclude(tekst="Een punt.").exists()


@pytest.mark.parametrize("wie", ["lezer", "stuurgroep", "zonder_organisatie"])
def test_a_version_in_consultation_is_hidden_from_users_of_organisations_not_invited(
    client, versies, personen, regio, wie
) -> None:
    client.force_login(personen[wie])
    rol = versies["consultatie"]
    for naam, url in _paginas(rol):
        assert client.get(url).status_code == 404, naam
    for naam, url, data in _schrijfacties(rol, regio):
        if naam != "nieuwe_versie":  # not tied to a version: 403, see below
            assert client.post(url, data).status_code == 404, naam
    assert client.post(_reageren(rol), {"tekst": "Ik ook?"}).status_code == 404
    assert not Consultatiereactie.objects.filter(tekst="Ik ook?").exists()
    # Hidden and missing versions answer alike.
    assert client.get(reverse("agenda:rol_versie", args=[99])).status_code == 404
    versies_pagina = client.get(reverse("agenda:rol_versies")).content.decode()
    assert "Versie 2" not in versies_pagina and "Versie 1" in versies_pagina


def test_a_concept_is_hidden_from_the_invited_organisations_until_the_consultation(
    client, regio, personen
) -> None:
    rol = maak_rolbeschrijving(status="concept")
    services.nodig_uit_voor_consultatie(rol, [regio], actor=None)
    client.force_login(personen["uitgenodigd"])
    assert client.get(rol.get_absolute_url()).status_code == 404
    assert (
        "Er is nog geen vastgestelde rolbeschrijving."
        in client.get(reverse("agenda:rol_huidig")).content.decode()
    )


def test_the_invited_organisation_reads_the_version_in_consultation_and_when_definitief(
    client, versies, personen
) -> None:
    client.force_login(personen["uitgenodigd"])
    rol = versies["consultatie"]
    response = client.get(rol.get_absolute_url())
    assert response.status_code == 200
    assert "Reageer op" in response.content.decode()
    services.zet_rolstatus(rol, "definitief", actor=None)
    assert client.get(rol.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("wie", ["uitgenodigd", "lezer", "stuurgroep"])
def test_it_refuses_writes_by_anyone_but_the_project_team_with_403(
    client, versies, personen, regio, wie
) -> None:
    client.force_login(personen[wie])
    for sleutel in ("vastgesteld", "consultatie") if wie == "uitgenodigd" else ("vastgesteld",):
        rol = versies[sleutel]
        assert client.get(rol.get_absolute_url()).status_code == 200
        for naam, url, data in _schrijfacties(rol, regio):
            assert client.post(url, data).status_code == 403, (sleutel, naam)
        for naam, url in _paginas(rol):
            if naam in ("uitnodigen", "sectie_bewerken"):
                assert client.get(url).status_code == 403, (sleutel, naam)
    assert Rolbeschrijving.objects.count() == 2
    assert not Consultatiereactie.objects.exclude(antwoord="").exists()
    assert not versies["vastgesteld"].ondertekeningen.exists()


def test_the_project_team_reads_every_version_and_page(client, versies, personen) -> None:
    client.force_login(personen["projectteam"])
    for rol in versies.values():
        for naam, url in _paginas(rol):
            if naam == "pdf":
                continue  # rendered by agenda.reports: see test_rol_views
            assert client.get(url).status_code in (200, 302), naam
        assert client.get(rol.get_absolute_url()).status_code == 200
    for url in [reverse("agenda:rol_huidig"), reverse("agenda:rol_versies"), reverse("agenda:rol_vergelijk")]:
        assert client.get(url).status_code == 200, url


def test_it_rejects_get_where_post_is_meant(client, versies, personen, regio) -> None:
    client.force_login(personen["projectteam"])
    rol = versies["consultatie"]
    for naam, url, _data in _schrijfacties(rol, regio):
        if naam in ("uitnodigen", "sectie_bewerken"):
            continue  # a GET shows the form
        assert client.get(url).status_code == 405, naam
    assert client.get(_reageren(rol)).status_code == 405


def test_the_read_pages_reject_post(client, versies, personen) -> None:
    client.force_login(personen["projectteam"])
    for url in [
        reverse("agenda:rol_huidig"),
        reverse("agenda:rol_versies"),
        reverse("agenda:rol_vergelijk"),
        versies["vastgesteld"].get_absolute_url(),
    ]:
        assert client.post(url).status_code == 405, url


def test_the_invited_organisation_may_comment_during_consultation(client, versies, personen, regio) -> None:
    client.force_login(personen["uitgenodigd"])
    rol = versies["consultatie"]
    response = client.post(_reageren(rol), {"tekst": "Noem ook de drinkwaterwet."})
    assert response.status_code == 302
    reactie = Consultatiereactie.objects.get(tekst="Noem ook de drinkwaterwet.")
    assert reactie.organisatie == regio and reactie.auteur == personen["uitgenodigd"]


def test_a_comment_by_the_project_team_whose_organisation_was_not_invited_is_refused(
    client, versies, personen
) -> None:
    client.force_login(personen["projectteam"])
    response = client.post(_reageren(versies["consultatie"]), {"tekst": "Van het projectteam."})
    assert response.status_code == 302
    assert "Uw organisatie is niet uitgenodigd voor deze consultatie." in _berichten(response)
    assert not Consultatiereactie.objects.filter(tekst="Van het projectteam.").exists()


def test_a_comment_on_an_adopted_version_is_refused_with_a_message(client, versies, personen) -> None:
    client.force_login(personen["uitgenodigd"])
    response = client.post(_reageren(versies["vastgesteld"]), {"tekst": "Te laat."})
    assert response.status_code == 302
    assert "Reageren kan alleen tijdens de consultatie." in _berichten(response)
    assert not Consultatiereactie.objects.filter(tekst="Te laat.").exists()


def test_the_project_team_may_do_every_write(client, versies, personen, regio) -> None:
    """Each write reaches its service: success or the service's own Dutch refusal, never 403/404."""
    client.force_login(personen["projectteam"])
    rol = versies["consultatie"]
    for naam, url, data in _schrijfacties(rol, regio):
        response = client.post(url, data)
        assert response.status_code in (200, 302), naam
    # In consultation: invitations and answers are accepted, the text and decisions are refused.
    assert Consultatiereactie.objects.filter(antwoord="overgenomen").exists()
    assert rol.secties.get(thema__nummer=1).definitie == "Over thema 1."
    assert not rol.vaststellingen.exists()
