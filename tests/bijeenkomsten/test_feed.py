"""The personal calendar feed (secret URL, no login) and the `.ics` download of one meeting."""

from __future__ import annotations

import pytest
from django.urls import reverse
from icalendar import Calendar

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst

pytestmark = pytest.mark.django_db


def _feed_url(feed) -> str:
    return reverse("bijeenkomsten:feed", kwargs={"token": feed.token})


def _uids(response) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(response.content).events}


def test_the_feed_lists_my_meetings_without_logging_in(client, kring, bijeenkomst):
    toets = kring.plan_landelijk()
    services.nodig_uit(toets, personen=[kring.bcm], actor=kring.projectteam)
    kring.plan_landelijk(Bijeenkomst.Soort.STUURGROEP)  # not mine
    kring.plan_bijeenkomst(titel="Ander netwerk", netwerk=kring.ander_netwerk, actor=kring.buiten)
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    response = client.get(_feed_url(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert _uids(response) == {bijeenkomst.uid, toets.uid}
    assert str(Calendar.from_ical(response.content)["METHOD"]) == "PUBLISH"


def test_the_feed_shows_a_cancelled_meeting_as_cancelled(client, kring, bijeenkomst):
    services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    (event,) = Calendar.from_ical(client.get(_feed_url(feed)).content).events
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 1


def test_an_unknown_renewed_or_stopped_feed_url_gives_404(client, kring, bijeenkomst):
    assert client.get(reverse("bijeenkomsten:feed", kwargs={"token": "bestaat-niet"})).status_code == 404
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    oude_url = _feed_url(feed)
    nieuw = services.vernieuw_agendafeed(kring.bcm, actor=kring.bcm)
    assert client.get(oude_url).status_code == 404
    assert client.get(_feed_url(nieuw)).status_code == 200
    services.stop_agendafeed(kring.bcm, actor=kring.bcm)
    assert client.get(_feed_url(nieuw)).status_code == 404


def test_the_feed_of_a_deactivated_account_gives_404(client, kring, bijeenkomst):
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    kring.bcm.is_active = False
    kring.bcm.save()
    assert client.get(_feed_url(feed)).status_code == 404


def test_the_feed_drops_meetings_of_a_network_i_left(client, kring):
    from netwerken import services as netwerk_services

    kring.plan_bijeenkomst()  # not invited: in the feed as a meeting of his network
    feed = services.agendafeed_voor(kring.waarnemer, actor=kring.waarnemer)
    assert len(_uids(client.get(_feed_url(feed)))) == 1
    netwerk_services.verwijder_lid(kring.netwerk.lidmaatschappen.get(persoon=kring.waarnemer), actor=None)
    assert _uids(client.get(_feed_url(feed))) == set()


def test_the_feed_refuses_post_and_answers_head(client, kring):
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    assert client.post(_feed_url(feed)).status_code == 405
    assert client.head(_feed_url(feed)).status_code == 200  # some calendar clients check first


def test_the_feed_runs_a_fixed_number_of_queries(client, kring, django_assert_num_queries):
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)

    def plan(aantal: int) -> None:
        for i in range(aantal):
            bijeenkomst = kring.plan_bijeenkomst(titel=f"Overleg {Bijeenkomst.objects.count()}")
            services.nodig_uit(bijeenkomst, alle_leden=True, actor=kring.coordinator)
            toets = kring.plan_landelijk(titel=f"Toets {i}")
            services.nodig_uit(toets, personen=[kring.bcm, kring.buiten], actor=kring.projectteam)

    # feed with its owner, his project-team role (groups), his global user and group permissions
    # in one (network visibility), the meetings (network visibility, membership and invitation as
    # subqueries), their invitees with persons
    plan(2)
    with django_assert_num_queries(5):
        assert len(_uids(client.get(_feed_url(feed)))) == 4
    plan(4)
    with django_assert_num_queries(5):
        assert len(_uids(client.get(_feed_url(feed)))) == 12


# --- download -------------------------------------------------------------------------------------


def _ics_url(bijeenkomst) -> str:
    return reverse("bijeenkomsten:ics", kwargs={"pk": bijeenkomst.pk})


def test_the_download_requires_login(client, bijeenkomst):
    response = client.get(_ics_url(bijeenkomst))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.parametrize("wie", ["coordinator", "bcm", "waarnemer", "projectteam"])
def test_members_and_the_project_team_download_a_network_meeting(client, kring, bijeenkomst, wie):
    client.force_login(getattr(kring, wie))
    response = client.get(_ics_url(bijeenkomst))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="bijeenkomst-{bijeenkomst.pk}.ics"'
    assert _uids(response) == {bijeenkomst.uid}


@pytest.mark.parametrize("wie", ["buiten", "stuurgroep"])
def test_outsiders_get_404_for_the_download(client, kring, bijeenkomst, wie):
    client.force_login(getattr(kring, wie))
    assert client.get(_ics_url(bijeenkomst)).status_code == 404


def test_an_invitee_downloads_a_national_meeting_others_get_404(client, kring):
    toets = kring.plan_landelijk()
    services.nodig_uit(toets, personen=[kring.buiten], actor=kring.projectteam)
    client.force_login(kring.buiten)
    assert client.get(_ics_url(toets)).status_code == 200
    client.force_login(kring.coordinator)
    assert client.get(_ics_url(toets)).status_code == 404


def test_the_download_refuses_post_and_unknown_meetings(client, kring, bijeenkomst):
    client.force_login(kring.bcm)
    assert client.post(_ics_url(bijeenkomst)).status_code == 405
    assert client.get(reverse("bijeenkomsten:ics", kwargs={"pk": 999999})).status_code == 404
