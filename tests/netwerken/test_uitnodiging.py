"""Inviting a person by e-mail: single use, expiring, with the intended role (§5 Netwerken)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from netwerken.models import Gebruiker, Lidmaatschap, Uitnodiging
from tests.factories import GebruikerFactory, maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db

WACHTWOORD = "Lange-zin-als-wachtwoord-42"


@pytest.fixture
def netwerk():
    return maak_netwerk(slug="drinkwater-vitens")


@pytest.fixture
def coordinator(netwerk):
    return maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)


def _nodig_uit(client, netwerk, coordinator, **extra) -> str:
    client.force_login(coordinator)
    data = {
        "email": "Nieuw.Lid@Vitens.nl",
        "naam": "Nieuw Lid",
        "organisatie": netwerk.kernpartner.pk,
        "rol": "lid",
    }
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail goes out after the commit
        response = client.post(reverse("netwerken:uitnodigen", args=[netwerk.slug]), data | extra)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    bericht = mail.outbox[-1]
    return re.search(r"https?://\S+/uitnodiging/(\S+)/", bericht.body).group(1)


def test_it_mails_a_link_and_joins_with_the_intended_role(client, netwerk, coordinator) -> None:
    token = _nodig_uit(client, netwerk, coordinator, rol="waarnemer")
    bericht = mail.outbox[-1]
    assert bericht.to == ["nieuw.lid@vitens.nl"]
    assert "Uitnodiging voor het netwerk" in bericht.subject
    assert bericht.alternatives, "the invitation has an HTML part too"
    url = reverse("netwerken:uitnodiging", args=[token])
    assert "Account aanmaken" in client.get(url).content.decode()
    response = client.post(url, {"naam": "Nieuw Lid", "wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
    assert response.status_code == 302 and response.url == netwerk.get_absolute_url()
    persoon = Gebruiker.objects.get(email="nieuw.lid@vitens.nl")
    assert persoon.organisatie == netwerk.kernpartner
    assert netwerk.lidmaatschappen.get(persoon=persoon).rol == "waarnemer"
    assert client.get(netwerk.get_absolute_url()).status_code == 200  # logged in and allowed in
    assert client.login(email="nieuw.lid@vitens.nl", password=WACHTWOORD)


def test_it_refuses_a_reused_invitation(client, netwerk, coordinator) -> None:
    token = _nodig_uit(client, netwerk, coordinator)
    url = reverse("netwerken:uitnodiging", args=[token])
    client.post(url, {"naam": "Nieuw Lid", "wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
    client.logout()
    response = client.post(
        url, {"naam": "Iemand anders", "wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD}
    )
    assert response.status_code == 410
    assert "al gebruikt" in response.content.decode()
    assert Gebruiker.objects.filter(email="nieuw.lid@vitens.nl").count() == 1


def test_it_refuses_an_expired_invitation(client, netwerk, coordinator) -> None:
    token = _nodig_uit(client, netwerk, coordinator)
    Uitnodiging.objects.update(verloopt_op=timezone.now() - timedelta(minutes=1))
    url = reverse("netwerken:uitnodiging", args=[token])
    response = client.post(url, {"naam": "Nieuw Lid", "wachtwoord1": WACHTWOORD, "wachtwoord2": WACHTWOORD})
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert not Gebruiker.objects.filter(email="nieuw.lid@vitens.nl").exists()


def test_it_answers_404_for_an_unknown_token(client) -> None:
    response = client.get(reverse("netwerken:uitnodiging", args=["verzonnen-token"]))
    assert response.status_code == 404
    assert "onbekend" in response.content.decode()


def test_it_refuses_an_existing_member_with_a_dutch_message(client, netwerk, coordinator) -> None:
    lid = maak_lid(netwerk)
    client.force_login(coordinator)
    data = {"email": lid.email, "naam": lid.naam, "organisatie": netwerk.kernpartner.pk, "rol": "lid"}
    response = client.post(reverse("netwerken:uitnodigen", args=[netwerk.slug]), data)
    assert response.status_code == 200
    assert "al lid van dit netwerk" in response.content.decode()
    assert not Uitnodiging.objects.exists() and not mail.outbox


def test_it_refuses_a_malformed_email_address(client, netwerk, coordinator) -> None:
    client.force_login(coordinator)
    data = {"email": "geen-adres", "naam": "X", "organisatie": netwerk.kernpartner.pk, "rol": "lid"}
    response = client.post(reverse("netwerken:uitnodigen", args=[netwerk.slug]), data)
    assert response.status_code == 200
    assert "geldig e-mailadres" in response.content.decode()
    assert not Uitnodiging.objects.exists()


def test_it_refuses_weak_or_mismatched_passwords_and_stores_nothing(client, netwerk, coordinator) -> None:
    token = _nodig_uit(client, netwerk, coordinator)
    url = reverse("netwerken:uitnodiging", args=[token])
    response = client.post(url, {"naam": "Nieuw Lid", "wachtwoord1": WACHTWOORD, "wachtwoord2": "anders"})
    assert "niet gelijk" in response.content.decode()
    response = client.post(url, {"naam": "Nieuw Lid", "wachtwoord1": "kort", "wachtwoord2": "kort"})
    assert response.status_code == 200
    assert not Gebruiker.objects.filter(email="nieuw.lid@vitens.nl").exists()
    assert Uitnodiging.objects.get().gebruikt_op is None


def test_it_lets_an_existing_account_accept_after_login(client, netwerk, coordinator) -> None:
    bestaand = GebruikerFactory(email="nieuw.lid@vitens.nl", organisatie=netwerk.kernpartner)
    token = _nodig_uit(client, netwerk, coordinator)
    url = reverse("netwerken:uitnodiging", args=[token])
    assert "Log in" in client.get(url).content.decode()
    client.force_login(bestaand)
    assert client.post(url).status_code == 302
    assert netwerk.lidmaatschappen.filter(persoon=bestaand, rol="lid").exists()


def test_it_replaces_an_open_invitation_for_the_same_address(client, netwerk, coordinator) -> None:
    eerste = _nodig_uit(client, netwerk, coordinator)
    tweede = _nodig_uit(client, netwerk, coordinator)
    assert client.get(reverse("netwerken:uitnodiging", args=[eerste])).status_code == 410
    assert client.get(reverse("netwerken:uitnodiging", args=[tweede])).status_code == 200
