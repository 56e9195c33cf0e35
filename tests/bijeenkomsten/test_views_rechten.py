"""Permissions of every meeting screen (§4): login required, GET on a POST-only view 405, an
outsider 404 (the same as a meeting that does not exist), a read-only member 403 on writes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Genodigde
from netwerken.models import Lidmaatschap
from tests.factories import maak_lid

pytestmark = pytest.mark.django_db


@dataclass
class Adres:
    naam: str
    url: str
    data: dict
    beheer: bool  # managing the meeting: read-only members get 403
    alleen_post: bool  # GET answers 405

    def actuele_data(self) -> dict:
        """The data with the meeting's current revision (earlier writes in the loop raise it)."""
        if "revisie" not in self.data:
            return self.data
        pk = int(self.url.split("/")[2])
        return {**self.data, "revisie": Bijeenkomst.objects.get(pk=pk).revisie}


@pytest.fixture
def lopend(kring) -> Bijeenkomst:
    """A network meeting that began an hour ago (minutes, decisions, attendance are possible)."""
    nu = timezone.now()
    bijeenkomst = kring.plan_bijeenkomst(
        titel="Lopend overleg", begin=nu - datetime.timedelta(hours=1), einde=nu + datetime.timedelta(hours=1)
    )
    services.nodig_uit(
        bijeenkomst, personen=[kring.coordinator, kring.bcm, kring.waarnemer], actor=kring.coordinator
    )
    bijeenkomst.refresh_from_db()
    return bijeenkomst


@pytest.fixture
def adressen(kring, bijeenkomst, lopend) -> list[Adres]:
    """Every view of one meeting, with POST data that would succeed for the coordinator."""
    punt = services.voeg_agendapunt_toe(bijeenkomst, titel="Opening", actor=kring.coordinator)
    services.voeg_agendapunt_toe(bijeenkomst, titel="Rondvraag", actor=kring.coordinator)
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.waarnemer)

    def u(naam: str, b: Bijeenkomst = bijeenkomst, *args) -> str:
        return reverse(f"bijeenkomsten:{naam}", args=[b.pk, *args])

    tijd = {
        "titel": "Netwerkoverleg (gewijzigd)",
        "datum": (timezone.localdate() + datetime.timedelta(days=8)).isoformat(),
        "begintijd": "14:00",
        "eindtijd": "16:00",
        "locatie": "Zwolle",
        "revisie": bijeenkomst.revisie,
    }
    return [
        Adres("detail", u("detail"), {}, beheer=False, alleen_post=False),
        Adres("historie", u("historie"), {}, beheer=False, alleen_post=False),
        Adres("ics", u("ics"), {}, beheer=False, alleen_post=False),
        Adres("bewerken", u("bewerken"), tijd, beheer=True, alleen_post=False),
        Adres("agendapunten", u("agendapunten"), {"titel": "Nieuw punt"}, beheer=True, alleen_post=False),
        Adres(
            "agendapunt_verplaatsen",
            u("agendapunt_verplaatsen", bijeenkomst, punt.pk),
            {"richting": "omlaag"},
            beheer=True,
            alleen_post=True,
        ),
        Adres(
            "agendapunt_verwijderen",
            u("agendapunt_verwijderen", bijeenkomst, punt.pk),
            {},
            beheer=True,
            alleen_post=True,
        ),
        Adres("uitnodigen", u("uitnodigen"), {"alle_leden": "1"}, beheer=True, alleen_post=False),
        Adres(
            "genodigde_verwijderen",
            u("genodigde_verwijderen", bijeenkomst, genodigde.pk),
            {},
            beheer=True,
            alleen_post=True,
        ),
        Adres(
            "aanwezigheid",
            u("aanwezigheid", lopend),
            {f"aanwezig_{g.pk}": "ja" for g in lopend.genodigden.all()},
            beheer=True,
            alleen_post=False,
        ),
        Adres(
            "notulen",
            u("notulen", lopend),
            {"notulen": "Verslag.", "revisie": lopend.revisie},
            beheer=True,
            alleen_post=False,
        ),
        Adres(
            "besluit",
            u("besluit", lopend),
            {"tekst": "Besloten.", "gevolg": "geen"},
            beheer=True,
            alleen_post=False,
        ),
        # Cancelling last: it ends the meeting's life for the other addresses.
        Adres("annuleren", u("annuleren"), {"revisie": bijeenkomst.revisie}, beheer=True, alleen_post=False),
    ]


def test_every_meeting_view_requires_login(client, adressen) -> None:
    for adres in adressen:
        for methode in (client.get, client.post):
            response = methode(adres.url, adres.data)
            assert response.status_code == 302, (adres.naam, methode)
            assert response["Location"].startswith(reverse("login")), adres.naam


def test_the_list_screens_require_login(client, kring) -> None:
    for url in (
        reverse("bijeenkomsten:lijst"),
        reverse("bijeenkomsten:maand", args=[2026, 10]),
        reverse("bijeenkomsten:nieuw"),
        reverse("bijeenkomsten:feed_instellingen"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_an_outsider_gets_404_on_every_meeting_view(client, kring, adressen) -> None:
    client.force_login(kring.buiten)
    for adres in adressen:
        if not adres.alleen_post:
            assert client.get(adres.url).status_code == 404, adres.naam
        if adres.beheer:
            assert client.post(adres.url, adres.data).status_code == 404, adres.naam


def test_a_steering_group_member_who_is_not_invited_gets_404(client, kring, adressen) -> None:
    client.force_login(kring.stuurgroep)
    for adres in adressen:
        if not adres.alleen_post:
            assert client.get(adres.url).status_code == 404, adres.naam
        if adres.beheer:
            assert client.post(adres.url, adres.data).status_code == 404, adres.naam


@pytest.mark.parametrize("wie", ["waarnemer", "bcm", "projectteam"])
def test_whoever_does_not_coordinate_the_network_gets_403_on_every_management_view(
    client, kring, adressen, wie
) -> None:
    client.force_login(getattr(kring, wie))
    for adres in adressen:
        if not adres.beheer:
            continue
        if not adres.alleen_post:
            assert client.get(adres.url).status_code == 403, adres.naam
        assert client.post(adres.url, adres.data).status_code == 403, adres.naam


def test_a_member_reads_the_meeting_pages(client, kring, adressen) -> None:
    client.force_login(kring.waarnemer)
    for adres in adressen:
        if not adres.beheer:
            assert client.get(adres.url).status_code == 200, adres.naam


def test_post_only_views_refuse_get_with_405(client, kring, adressen) -> None:
    client.force_login(kring.coordinator)
    for adres in adressen:
        if adres.alleen_post:
            assert client.get(adres.url).status_code == 405, adres.naam
    bijeenkomst = Bijeenkomst.objects.get(titel="Netwerkoverleg drinkwater")
    assert client.get(reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk])).status_code == 405


def test_read_only_pages_refuse_post_with_405(client, kring, bijeenkomst) -> None:
    client.force_login(kring.coordinator)
    for url in (
        reverse("bijeenkomsten:lijst"),
        reverse("bijeenkomsten:maand", args=[2026, 10]),
        reverse("bijeenkomsten:detail", args=[bijeenkomst.pk]),
        reverse("bijeenkomsten:historie", args=[bijeenkomst.pk]),
    ):
        assert client.post(url).status_code == 405, url


def test_the_coordinator_may_do_everything(client, kring, adressen) -> None:
    client.force_login(kring.coordinator)
    for adres in adressen:
        if not adres.alleen_post:
            assert client.get(adres.url).status_code == 200, adres.naam
        if not adres.beheer:
            continue
        response = client.post(adres.url, adres.actuele_data())
        assert response.status_code in (200, 302), (adres.naam, response.status_code)
        if response.status_code == 200:  # a form page: it must not have refused the input
            assert "Er is een probleem" not in response.content.decode(), adres.naam


def test_the_project_team_manages_the_other_kinds_and_only_reads_network_meetings(
    client, kring, bijeenkomst
) -> None:
    """Issue 7: coordinators convene network meetings, the project team the other kinds."""
    toets = kring.plan_landelijk()
    client.force_login(kring.projectteam)
    for b, status in ((toets, 200), (bijeenkomst, 403)):
        assert client.get(reverse("bijeenkomsten:bewerken", args=[b.pk])).status_code == status
        assert client.get(reverse("bijeenkomsten:uitnodigen", args=[b.pk])).status_code == status
    assert client.get(bijeenkomst.get_absolute_url()).status_code == 200


def test_only_invitees_respond_in_the_portal(client, kring, bijeenkomst) -> None:
    niet_uitgenodigd = maak_lid(kring.netwerk, Lidmaatschap.Rol.LID)
    url = reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk])
    client.force_login(niet_uitgenodigd)
    assert client.post(url, {"antwoord": "accepteert"}).status_code == 403
    client.force_login(kring.buiten)
    assert client.post(url, {"antwoord": "accepteert"}).status_code == 404
    client.force_login(kring.waarnemer)
    assert client.post(url, {"antwoord": "accepteert"}).status_code == 302
    assert bijeenkomst.genodigden.get(gebruiker=kring.waarnemer).antwoord == Genodigde.Antwoord.ACCEPTEERT


def test_convening_needs_a_role_that_may_convene(client, kring) -> None:
    url = reverse("bijeenkomsten:nieuw")
    client.force_login(kring.bcm)  # lid: convenes nothing
    assert client.get(url).status_code == 403
    assert client.get(url + "?netwerk=drinkwater-vitens").status_code == 403
    client.force_login(kring.buiten)  # coordinator elsewhere: this network does not exist for him
    assert client.get(url + "?netwerk=drinkwater-vitens").status_code == 404
    assert client.get(url).status_code == 200  # his own network's meetings


def test_the_response_link_and_the_feed_work_without_login(client, kring, bijeenkomst) -> None:
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    assert client.get(reverse("bijeenkomsten:antwoord_link", args=[genodigde.token])).status_code == 200
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    assert client.get(reverse("bijeenkomsten:feed", args=[feed.token])).status_code == 200
