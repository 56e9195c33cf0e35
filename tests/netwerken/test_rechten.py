"""Permissions of every network view (§4): login required, outsider 404, read-only 403 on writes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from netwerken import services
from netwerken.models import Lidmaatschap, Netwerk
from tests.factories import GebruikerFactory, RegioFactory, maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db


@pytest.fixture
def netwerk() -> Netwerk:
    return maak_netwerk(slug="drinkwater-vitens")


@pytest.fixture
def personen(netwerk: Netwerk) -> dict:
    ander = maak_netwerk(slug="drinkwater-evides", regio=RegioFactory(vr_nummer=19))
    projectteam = GebruikerFactory()
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    return {
        "coordinator": coordinator,
        "lid": maak_lid(netwerk, Lidmaatschap.Rol.LID),
        "waarnemer": maak_lid(netwerk, Lidmaatschap.Rol.WAARNEMER),
        "buiten": maak_lid(ander, Lidmaatschap.Rol.COORDINATOR),
        "projectteam": projectteam,
        "stuurgroep": stuurgroep,
    }


def _schrijfacties(netwerk: Netwerk, personen: dict) -> list[tuple[str, str, dict]]:
    """(name, url, POST data) of every write on a network."""
    lid = netwerk.lidmaatschappen.get(persoon=personen["lid"])
    deelname = netwerk.deelnames.get(organisatie=netwerk.kernpartner)
    nieuw = GebruikerFactory(organisatie=netwerk.kernpartner)
    uitnodiging, _ = services.nodig_uit(
        netwerk, email="nieuw@test.nl", naam="Nieuw", organisatie=netwerk.kernpartner, rol="lid", actor=None
    )
    return [
        (
            "lid_toevoegen",
            reverse("netwerken:lid_toevoegen", args=[netwerk.slug]),
            {"persoon": nieuw.pk, "rol": "lid"},
        ),
        ("lid_rol", reverse("netwerken:lid_rol", args=[netwerk.slug, lid.pk]), {"rol": "waarnemer"}),
        ("lid_verwijderen", reverse("netwerken:lid_verwijderen", args=[netwerk.slug, lid.pk]), {}),
        ("leadpartner", reverse("netwerken:leadpartner", args=[netwerk.slug, deelname.pk]), {}),
        (
            "contactpersoon",
            reverse("netwerken:contactpersoon", args=[netwerk.slug, deelname.pk]),
            {"contactpersoon": personen["lid"].pk},
        ),
        (
            "uitnodigen",
            reverse("netwerken:uitnodigen", args=[netwerk.slug]),
            {"email": "x@test.nl", "naam": "X", "organisatie": netwerk.kernpartner.pk, "rol": "lid"},
        ),
        (
            "uitnodiging_intrekken",
            reverse("netwerken:uitnodiging_intrekken", args=[netwerk.slug, uitnodiging.pk]),
            {},
        ),
    ]


def test_it_requires_login_for_every_page(client, netwerk, personen) -> None:
    for url in [
        reverse("mijn_overzicht"),
        reverse("netwerken:lijst"),
        reverse("netwerken:detail", args=[netwerk.slug]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    for naam, url, data in _schrijfacties(netwerk, personen):
        response = client.post(url, data)
        assert response.status_code == 302, naam
        assert response.url.startswith(reverse("login")), naam


def test_it_hides_a_network_from_a_member_of_another_network(client, netwerk, personen) -> None:
    client.force_login(personen["buiten"])
    assert client.get(reverse("netwerken:detail", args=[netwerk.slug])).status_code == 404
    lijst = client.get(reverse("netwerken:lijst"))
    assert netwerk.naam not in lijst.content.decode()
    for naam, url, data in _schrijfacties(netwerk, personen):
        assert client.post(url, data).status_code == 404, naam


def test_it_answers_404_alike_for_a_hidden_and_a_missing_network(client, netwerk, personen) -> None:
    client.force_login(personen["buiten"])
    verborgen = client.get(reverse("netwerken:detail", args=[netwerk.slug]))
    onbekend = client.get(reverse("netwerken:detail", args=["bestaat-niet"]))
    assert verborgen.status_code == onbekend.status_code == 404


@pytest.mark.parametrize("wie", ["waarnemer", "lid", "projectteam"])
def test_it_refuses_writes_to_readers_with_403(client, netwerk, personen, wie) -> None:
    client.force_login(personen[wie])
    assert client.get(reverse("netwerken:detail", args=[netwerk.slug])).status_code == 200
    aantal_leden = netwerk.lidmaatschappen.count()
    for naam, url, data in _schrijfacties(netwerk, personen):
        assert client.post(url, data).status_code == 403, naam
    assert netwerk.lidmaatschappen.count() == aantal_leden


def test_it_rejects_get_where_post_is_meant(client, netwerk, personen) -> None:
    client.force_login(personen["coordinator"])
    for naam, url, _data in _schrijfacties(netwerk, personen):
        if naam == "uitnodigen":
            continue  # a GET shows the invitation form
        assert client.get(url).status_code == 405, naam


def test_it_lets_the_coordinator_do_every_write(client, netwerk, personen) -> None:
    client.force_login(personen["coordinator"])
    for naam, url, data in _schrijfacties(netwerk, personen):
        response = client.post(url, data)
        assert response.status_code == 302, naam
        assert response.url == netwerk.get_absolute_url(), naam


def test_it_shows_the_project_team_every_network_and_the_steering_group_none(
    client, netwerk, personen
) -> None:
    client.force_login(personen["projectteam"])
    assert client.get(reverse("netwerken:detail", args=["drinkwater-evides"])).status_code == 200
    assert Netwerk.objects.visible_to(personen["projectteam"]).count() == 2
    client.force_login(personen["stuurgroep"])
    assert client.get(reverse("netwerken:detail", args=[netwerk.slug])).status_code == 404
    assert Netwerk.objects.visible_to(personen["stuurgroep"]).count() == 0


def test_it_shows_a_member_only_his_networks(netwerk, personen) -> None:
    assert list(Netwerk.objects.visible_to(personen["waarnemer"])) == [netwerk]
    assert list(Netwerk.objects.visible_to(personen["buiten"]).values_list("slug", flat=True)) == [
        "drinkwater-evides"
    ]


def test_it_withdraws_rights_when_a_member_leaves(client, netwerk, personen) -> None:
    services.verwijder_lid(
        netwerk.lidmaatschappen.get(persoon=personen["lid"]), actor=personen["coordinator"]
    )
    client.force_login(personen["lid"])
    assert client.get(reverse("netwerken:detail", args=[netwerk.slug])).status_code == 404
