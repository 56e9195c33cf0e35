"""Issue 2: someone removed from a network no longer sees its meetings — not on the meeting page,
not in his calendar feed, not through the response link of an invitation mail — whether he was
invited or not. His invitations to coming meetings are taken back (with a cancellation mail); a
past meeting keeps him on the list of invitees with his attendance, out of his sight."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Genodigde
from netwerken import services as netwerk_services

from .conftest import over_dagen

pytestmark = pytest.mark.django_db


@pytest.fixture
def vertrokken(kring, bijeenkomst, django_capture_on_commit_callbacks):
    """bcm was invited to the coming meeting and to a past one, has a feed, then leaves the network.
    Returns (coming meeting, past meeting, his tokens before leaving, his feed)."""
    voorbij = kring.plan_bijeenkomst(titel="Vorig overleg")
    services.nodig_uit(voorbij, personen=[kring.bcm], actor=kring.coordinator)
    Bijeenkomst.objects.filter(pk=voorbij.pk).update(begin=over_dagen(-7, 14), einde=over_dagen(-7, 16))
    tokens = {b.pk: b.genodigden.get(gebruiker=kring.bcm).token for b in (bijeenkomst, voorbij)}
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        netwerk_services.verwijder_lid(kring.netwerk.lidmaatschappen.get(persoon=kring.bcm), actor=None)
    return bijeenkomst, voorbij, tokens, feed


def test_his_meeting_pages_answer_404(client, kring, vertrokken):
    bijeenkomst, voorbij, _tokens, _feed = vertrokken
    client.force_login(kring.bcm)
    for b in (bijeenkomst, voorbij):
        assert client.get(b.get_absolute_url()).status_code == 404
        assert client.get(reverse("bijeenkomsten:ics", args=[b.pk])).status_code == 404
    for periode in ("komend", "voorbij"):
        lijst = client.get(reverse("bijeenkomsten:lijst") + f"?periode={periode}")
        assert lijst.context["pagina"].paginator.count == 0, periode


def test_his_feed_no_longer_lists_them(client, kring, vertrokken):
    _bijeenkomst, _voorbij, _tokens, feed = vertrokken
    response = client.get(reverse("bijeenkomsten:feed", kwargs={"token": feed.token}))
    assert response.status_code == 200
    assert list(Calendar.from_ical(response.content).events) == []
    assert not services.mijn_bijeenkomsten(kring.bcm).exists()


def test_his_response_links_answer_404_and_change_nothing(client, kring, vertrokken):
    bijeenkomst, voorbij, tokens, _feed = vertrokken
    for token in tokens.values():
        url = reverse("bijeenkomsten:antwoord_link", args=[token])
        assert client.get(url).status_code == 404
        assert client.post(url, {"antwoord": "accepteert"}).status_code == 404
    # The past meeting's invitation still exists (attendance), but its link is dead all the same.
    assert services.zoek_genodigde(tokens[voorbij.pk]) is None
    assert voorbij.genodigden.get(gebruiker=kring.bcm).antwoord == Genodigde.Antwoord.GEEN


def test_his_invitation_to_the_coming_meeting_is_taken_back_with_a_cancellation(kring, vertrokken):
    bijeenkomst, voorbij, _tokens, _feed = vertrokken
    assert not bijeenkomst.genodigden.filter(gebruiker=kring.bcm).exists()
    assert voorbij.genodigden.filter(gebruiker=kring.bcm).exists()
    (bericht,) = mail.outbox
    assert bericht.to == [kring.bcm.email]
    assert bericht.subject.startswith("Uitnodiging ingetrokken: Netwerkoverleg drinkwater")
    # The other invitees keep theirs.
    assert set(bijeenkomst.genodigden.values_list("gebruiker", flat=True)) == {
        kring.coordinator.pk,
        kring.waarnemer.pk,
    }


def test_an_invitation_to_another_kind_of_meeting_stays_visible(client, kring, vertrokken):
    """Meetings of the other kinds stay visible to their invitees, members or not."""
    toets = kring.plan_landelijk()
    services.nodig_uit(toets, personen=[kring.bcm], actor=kring.projectteam)
    client.force_login(kring.bcm)
    assert client.get(toets.get_absolute_url()).status_code == 200
    token = toets.genodigden.get(gebruiker=kring.bcm).token
    assert client.get(reverse("bijeenkomsten:antwoord_link", args=[token])).status_code == 200


def test_a_member_who_is_added_again_sees_the_meetings_again(client, kring, vertrokken):
    bijeenkomst, voorbij, tokens, _feed = vertrokken
    netwerk_services.voeg_lid_toe(kring.netwerk, kring.bcm, "lid", actor=None)
    client.force_login(kring.bcm)
    assert client.get(bijeenkomst.get_absolute_url()).status_code == 200
    url = reverse("bijeenkomsten:antwoord_link", args=[tokens[voorbij.pk]])
    assert client.get(url).status_code == 200
