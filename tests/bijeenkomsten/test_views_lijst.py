"""The meeting list (upcoming / past, filters, pagination) and the month calendar: what each user
sees, and query counts that do not grow with the number of meetings and invitees (§8)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Genodigde
from tests.bijeenkomsten.conftest import amsterdam, over_dagen

pytestmark = pytest.mark.django_db

LIJST = reverse("bijeenkomsten:lijst")


def _titels(response) -> list[str]:
    return [b.titel for b in response.context["pagina"].object_list]


def _tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _vul(kring, aantal: int, *, dagen: int = 20) -> None:
    """`aantal` network meetings (upcoming and past), each with three invitees and two points."""
    for i in range(aantal):
        dag = dagen + i if i % 2 == 0 else -(dagen + i)
        bijeenkomst = kring.plan_bijeenkomst(
            titel=f"Overleg {i}", begin=over_dagen(dag, 9), einde=over_dagen(dag, 11)
        )
        services.nodig_uit(
            bijeenkomst, personen=[kring.coordinator, kring.bcm, kring.waarnemer], actor=kring.coordinator
        )
        for j in range(2):
            services.voeg_agendapunt_toe(bijeenkomst, titel=f"Punt {j}", actor=kring.coordinator)


def test_the_list_shows_upcoming_meetings_soonest_first_and_past_ones_latest_first(client, kring) -> None:
    later = kring.plan_bijeenkomst(titel="Later", begin=over_dagen(9, 10), einde=over_dagen(9, 12))
    eerder = kring.plan_bijeenkomst(titel="Eerder", begin=over_dagen(2, 10), einde=over_dagen(2, 12))
    kring.plan_bijeenkomst(titel="Lang geleden", begin=over_dagen(-30, 10), einde=over_dagen(-30, 12))
    kring.plan_bijeenkomst(titel="Vorige week", begin=over_dagen(-7, 10), einde=over_dagen(-7, 12))
    client.force_login(kring.bcm)
    response = client.get(LIJST)
    assert _titels(response) == [eerder.titel, later.titel]
    assert "2 komende bijeenkomsten." in response.content.decode()
    assert _titels(client.get(LIJST + "?periode=voorbij")) == ["Vorige week", "Lang geleden"]


def test_a_meeting_that_is_running_counts_as_upcoming(client, kring) -> None:
    nu = timezone.now()
    kring.plan_bijeenkomst(
        titel="Bezig", begin=nu - datetime.timedelta(hours=1), einde=nu + datetime.timedelta(hours=1)
    )
    client.force_login(kring.bcm)
    assert _titels(client.get(LIJST)) == ["Bezig"]


def test_the_list_shows_the_time_in_dutch_amsterdam_time(client, kring) -> None:
    # 27 October 2026 is a Tuesday, two days after the change to winter time.
    kring.plan_bijeenkomst(begin=amsterdam(2026, 10, 27, 14), einde=amsterdam(2026, 10, 27, 16))
    client.force_login(kring.bcm)
    html = client.get(LIJST + "?periode=voorbij").content.decode() + client.get(LIJST).content.decode()
    assert "di 27 okt 2026, 14:00–16:00" in html


def test_each_user_sees_only_the_meetings_he_may_see(client, kring, bijeenkomst) -> None:
    toets = kring.plan_landelijk()  # project team only, until someone is invited
    kring.plan_bijeenkomst(titel="Evides", netwerk=kring.ander_netwerk, actor=kring.buiten)
    client.force_login(kring.bcm)
    assert _titels(client.get(LIJST)) == [bijeenkomst.titel]
    services.nodig_uit(toets, personen=[kring.bcm], actor=kring.projectteam)
    assert _titels(client.get(LIJST)) == [bijeenkomst.titel, toets.titel]
    client.force_login(kring.buiten)
    assert _titels(client.get(LIJST)) == ["Evides"]
    client.force_login(kring.stuurgroep)
    assert _titels(client.get(LIJST)) == []
    assert "Er zijn geen komende bijeenkomsten." in client.get(LIJST).content.decode()
    client.force_login(kring.projectteam)
    assert set(_titels(client.get(LIJST))) == {bijeenkomst.titel, toets.titel, "Evides"}


def test_the_list_filters_by_kind_and_network(client, kring, bijeenkomst) -> None:
    toets = kring.plan_landelijk()
    kring.plan_bijeenkomst(titel="Evides", netwerk=kring.ander_netwerk, actor=kring.buiten)
    client.force_login(kring.projectteam)
    assert _titels(client.get(LIJST + "?soort=toets")) == [toets.titel]
    assert _titels(client.get(LIJST + "?netwerk=drinkwater-evides")) == ["Evides"]
    response = client.get(LIJST + "?soort=netwerk&netwerk=drinkwater-vitens")
    assert _titels(response) == [bijeenkomst.titel]
    assert "met deze filters" in response.content.decode()


def test_a_network_filter_for_a_network_i_cannot_see_shows_nothing_of_it(client, kring, bijeenkomst) -> None:
    kring.plan_bijeenkomst(titel="Evides", netwerk=kring.ander_netwerk, actor=kring.buiten)
    client.force_login(kring.bcm)
    response = client.get(LIJST + "?netwerk=drinkwater-evides")
    assert response.status_code == 200
    assert "Evides" not in _titels(response)
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_list_shows_my_response_and_how_many_accepted(client, kring, bijeenkomst) -> None:
    services.beantwoord(bijeenkomst.genodigden.get(gebruiker=kring.bcm), "accepteert", actor=kring.bcm)
    services.beantwoord(
        bijeenkomst.genodigden.get(gebruiker=kring.waarnemer), "afgemeld", actor=kring.waarnemer
    )
    client.force_login(kring.bcm)
    (rij,) = client.get(LIJST).context["pagina"].object_list
    aantal = Genodigde.objects.filter(bijeenkomst=bijeenkomst, antwoord="accepteert").count()
    assert (rij.aantal_accepteert, rij.aantal_genodigden, rij.mijn_antwoord) == (aantal, 3, "accepteert")
    assert f"{aantal} van 3" in client.get(LIJST).content.decode()


def test_a_cancelled_meeting_stays_in_the_list_marked_as_such(client, kring, bijeenkomst) -> None:
    services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)
    client.force_login(kring.bcm)
    html = client.get(LIJST).content.decode()
    assert "rij--geannuleerd" in html and ">geannuleerd<" in html


def test_the_list_is_paginated(client, kring) -> None:
    for i in range(23):
        kring.plan_bijeenkomst(
            titel=f"Overleg {i:02d}", begin=over_dagen(i + 1, 10), einde=over_dagen(i + 1, 11)
        )
    client.force_login(kring.bcm)
    eerste = client.get(LIJST)
    assert len(_titels(eerste)) == 20
    assert "Pagina 1 van 2" in eerste.content.decode()
    tweede = client.get(LIJST + "?pagina=2")
    assert _titels(tweede) == ["Overleg 20", "Overleg 21", "Overleg 22"]
    assert client.get(LIJST + "?pagina=99").status_code == 200  # the last page, not an error


def test_the_convene_button_shows_for_those_who_may_convene(client, kring) -> None:
    knop = f'href="{reverse("bijeenkomsten:nieuw")}"'
    client.force_login(kring.coordinator)
    assert knop in client.get(LIJST).content.decode()
    client.force_login(kring.waarnemer)
    assert knop not in client.get(LIJST).content.decode()


def test_the_list_runs_a_fixed_number_of_queries(client, kring) -> None:
    _vul(kring, 3)
    client.force_login(kring.bcm)
    weinig = _tel(client, LIJST)
    _vul(kring, 27, dagen=40)
    veel = _tel(client, LIJST)
    # session, user with his roles, global user and group permissions in one (network visibility rule),
    # the count, the networks the user may convene for (the convene button), the network filter's
    # choices, the page of meetings with network/sector, invitee counts and my response
    assert weinig == veel == 7
    # with a network filter: one more to validate the chosen network
    assert _tel(client, LIJST + "?periode=voorbij&soort=netwerk&netwerk=drinkwater-vitens") == 8


def test_the_list_runs_a_fixed_number_of_queries_for_the_project_team(client, kring) -> None:
    _vul(kring, 3)
    client.force_login(kring.projectteam)
    weinig = _tel(client, LIJST)
    _vul(kring, 10, dagen=40)
    # session, user with his roles, global user and group permissions in one (the network filter's
    # visibility rule), the count, the networks it coordinates (network meetings are the
    # coordinators', issue 7), the network filter's choices, the page
    assert weinig == _tel(client, LIJST) == 7


# --- Month view -----------------------------------------------------------------------------------


def test_the_month_view_puts_each_meeting_on_its_day(client, kring) -> None:
    eerste = kring.plan_bijeenkomst(
        titel="Eerste", begin=amsterdam(2026, 10, 6, 10), einde=amsterdam(2026, 10, 6, 12)
    )
    kring.plan_bijeenkomst(
        titel="Tweedaags", begin=amsterdam(2026, 10, 27, 9), einde=amsterdam(2026, 10, 28, 17)
    )
    kring.plan_bijeenkomst(
        titel="November", begin=amsterdam(2026, 11, 20, 9), einde=amsterdam(2026, 11, 20, 10)
    )
    client.force_login(kring.bcm)
    response = client.get(reverse("bijeenkomsten:maand", args=[2026, 10]))
    dagen = {
        dag["datum"]: [b.titel for b in dag["bijeenkomsten"]]
        for week in response.context["rijen"]
        for dag in week
    }
    assert dagen[datetime.date(2026, 10, 6)] == ["Eerste"]
    assert dagen[datetime.date(2026, 10, 27)] == dagen[datetime.date(2026, 10, 28)] == ["Tweedaags"]
    assert dagen[datetime.date(2026, 10, 29)] == []
    assert datetime.date(2026, 11, 20) not in dagen  # the grid ends on Sunday 1 November
    html = response.content.decode()
    assert "Bijeenkomsten in oktober 2026" in html
    assert f'href="{eerste.get_absolute_url()}"' in html
    assert "10:00–12:00" in html
    assert '<abbr title="maandag">ma</abbr>' in html
    assert "2 bijeenkomsten in deze weken." in html


def test_the_month_view_links_to_the_previous_and_next_month(client, kring) -> None:
    client.force_login(kring.bcm)
    html = client.get(reverse("bijeenkomsten:maand", args=[2027, 1]) + "?soort=netwerk").content.decode()
    assert f'href="{reverse("bijeenkomsten:maand", args=[2026, 12])}?soort=netwerk" rel="prev"' in html
    assert f'href="{reverse("bijeenkomsten:maand", args=[2027, 2])}?soort=netwerk" rel="next"' in html
    assert "december 2026" in html and "februari 2027" in html


def test_the_month_view_marks_today(client, kring) -> None:
    vandaag = timezone.localdate()
    client.force_login(kring.bcm)
    html = client.get(reverse("bijeenkomsten:maand", args=[vandaag.year, vandaag.month])).content.decode()
    assert len(re.findall(r'aria-current="date"', html)) == 1
    assert "Naar deze maand" not in html


def test_a_month_that_does_not_exist_gives_404(client, kring) -> None:
    client.force_login(kring.bcm)
    assert client.get(reverse("bijeenkomsten:maand", args=[2026, 13])).status_code == 404
    assert client.get(reverse("bijeenkomsten:maand", args=[2026, 0])).status_code == 404
    assert client.get(reverse("bijeenkomsten:maand", args=[1900, 1])).status_code == 404


def test_the_month_view_hides_what_the_user_may_not_see(client, kring) -> None:
    kring.plan_bijeenkomst(titel="Evides", netwerk=kring.ander_netwerk, begin=amsterdam(2026, 10, 6, 10),
                           einde=amsterdam(2026, 10, 6, 12), actor=kring.buiten)  # fmt: skip
    client.force_login(kring.bcm)
    assert "Evides" not in client.get(reverse("bijeenkomsten:maand", args=[2026, 10])).content.decode()


def test_the_month_view_runs_a_fixed_number_of_queries(client, kring) -> None:
    def plan(aantal: int) -> None:
        for i in range(aantal):
            dag = 1 + i % 28
            bijeenkomst = kring.plan_bijeenkomst(
                titel=f"Overleg {i}", begin=amsterdam(2026, 10, dag, 9), einde=amsterdam(2026, 10, dag, 10)
            )
            services.nodig_uit(bijeenkomst, personen=[kring.bcm, kring.waarnemer], actor=kring.coordinator)

    url = reverse("bijeenkomsten:maand", args=[2026, 10])
    plan(3)
    client.force_login(kring.bcm)
    weinig = _tel(client, url)
    plan(30)
    veel = _tel(client, url)
    # session, user with his roles, global user and group permissions in one, the meetings of the
    # visible weeks (network, sector, counts, my response), the convene check, the filter's networks
    assert weinig == veel == 6
    assert Bijeenkomst.objects.count() == 33
