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


# --- The permission look-ups themselves ---------------------------------------------------------


def test_rights_on_a_network_follow_the_role_and_include_group_grants(netwerk, personen) -> None:
    from guardian.shortcuts import assign_perm

    from netwerken.permissions import heeft_recht, rechten_op

    assert rechten_op(personen["coordinator"], netwerk) == {
        "view_netwerk",
        "change_netwerk",
        "beheer_netwerk",
    }
    assert rechten_op(personen["lid"], netwerk) == {"view_netwerk", "change_netwerk"}
    assert rechten_op(personen["waarnemer"], netwerk) == {"view_netwerk"}
    assert rechten_op(personen["buiten"], netwerk) == frozenset()
    # The project team reads every network through its global grant, but holds no object rights.
    assert rechten_op(personen["projectteam"], netwerk) == frozenset()
    # A grant to a group (guardian's second table) counts, as guardian's own checker counts it.
    groep = Group.objects.create(name="Meelezers")
    assign_perm("netwerken.change_netwerk", groep, netwerk)
    meelezer = GebruikerFactory()
    meelezer.groups.add(groep)
    assert heeft_recht(meelezer, "change_netwerk", netwerk)
    assert not heeft_recht(meelezer, "beheer_netwerk", netwerk)


def test_rights_are_remembered_per_user_object_and_dropped_when_his_own_change(netwerk) -> None:
    """A request loads its user afresh, so it never sees another request's answer; within one
    request the service that changes a person's rights drops what his object remembered."""
    from netwerken.models import Gebruiker
    from netwerken.permissions import heeft_recht

    persoon = GebruikerFactory(organisatie=netwerk.kernpartner)
    assert not heeft_recht(persoon, "view_netwerk", netwerk)
    services.voeg_lid_toe(netwerk, persoon, Lidmaatschap.Rol.LID, actor=None)
    assert heeft_recht(persoon, "change_netwerk", netwerk)
    services.wijzig_rol(netwerk.lidmaatschappen.get(persoon=persoon), Lidmaatschap.Rol.WAARNEMER, actor=None)
    volgende_verzoek = Gebruiker.objects.get(pk=persoon.pk)
    assert not heeft_recht(volgende_verzoek, "change_netwerk", netwerk)
    assert heeft_recht(volgende_verzoek, "view_netwerk", netwerk)


def test_it_asks_the_database_once_per_network_and_request(
    netwerk, personen, django_assert_num_queries
) -> None:
    from netwerken.models import Gebruiker
    from netwerken.permissions import heeft_recht

    lid = Gebruiker.objects.get(pk=personen["lid"].pk)  # as a request loads him: nothing remembered
    with django_assert_num_queries(1):
        assert heeft_recht(lid, "view_netwerk", netwerk)
        assert heeft_recht(lid, "change_netwerk", netwerk)
        assert not heeft_recht(lid, "beheer_netwerk", netwerk)


def test_global_permissions_are_the_users_and_his_groups_as_django_reads_them(personen) -> None:
    from django.contrib.auth.backends import ModelBackend
    from django.contrib.auth.models import Permission

    from netwerken.models import Gebruiker

    projectteam = personen["projectteam"]
    projectteam.user_permissions.add(Permission.objects.get(codename="change_leerpunt"))
    for persoon in (projectteam, personen["stuurgroep"], personen["lid"]):
        onze = Gebruiker.objects.get(pk=persoon.pk).get_all_permissions()
        django = ModelBackend().get_all_permissions(Gebruiker.objects.get(pk=persoon.pk))
        assert onze == django
    assert "netwerken.view_netwerk" in Gebruiker.objects.get(pk=projectteam.pk).get_all_permissions()
    assert "monitoring.change_leerpunt" in Gebruiker.objects.get(pk=projectteam.pk).get_all_permissions()
