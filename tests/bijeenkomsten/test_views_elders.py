"""Meetings on other pages: my next meetings on Mijn overzicht, the network's meetings on its page
(with "Bijeenkomst beleggen" for coordinators), and a sector agenda's expert meetings (issue item 5)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst
from tests.bijeenkomsten.conftest import over_dagen

pytestmark = pytest.mark.django_db


def _tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_overview_lists_my_next_meetings(client, kring, bijeenkomst) -> None:
    services.beantwoord(bijeenkomst.genodigden.get(gebruiker=kring.bcm), "accepteert", actor=kring.bcm)
    kring.plan_bijeenkomst(titel="Voorbij", begin=over_dagen(-3, 9), einde=over_dagen(-3, 10))
    kring.plan_bijeenkomst(titel="Evides", netwerk=kring.ander_netwerk, actor=kring.buiten)
    client.force_login(kring.bcm)
    response = client.get(reverse("mijn_overzicht"))
    assert [b.titel for b in response.context["volgende_bijeenkomsten"]] == [bijeenkomst.titel]
    html = response.content.decode()
    assert "Volgende bijeenkomsten" in html and f'href="{bijeenkomst.get_absolute_url()}"' in html
    assert ">accepteert<" in html


def test_my_overview_shows_at_most_five_meetings_in_constant_queries(client, kring) -> None:
    client.force_login(kring.bcm)
    kring.plan_bijeenkomst(titel="Eerste")
    weinig = _tel(client, reverse("mijn_overzicht"))
    for i in range(8):
        kring.plan_bijeenkomst(
            titel=f"Overleg {i}", begin=over_dagen(10 + i, 9), einde=over_dagen(10 + i, 10)
        )
    assert _tel(client, reverse("mijn_overzicht")) == weinig
    assert len(client.get(reverse("mijn_overzicht")).context["volgende_bijeenkomsten"]) == 5


def test_my_overview_without_meetings_says_so(client, kring) -> None:
    client.force_login(kring.stuurgroep)
    assert (
        "Er staan geen bijeenkomsten voor u gepland."
        in client.get(reverse("mijn_overzicht")).content.decode()
    )


def test_the_network_page_lists_its_next_meetings(client, kring, bijeenkomst) -> None:
    kring.plan_bijeenkomst(titel="Evides", netwerk=kring.ander_netwerk, actor=kring.buiten)
    client.force_login(kring.waarnemer)
    response = client.get(kring.netwerk.get_absolute_url())
    assert [b.titel for b in response.context["bijeenkomsten"]] == [bijeenkomst.titel]
    html = response.content.decode()
    assert f"{reverse('bijeenkomsten:lijst')}?netwerk={kring.netwerk.slug}" in html
    assert "Bijeenkomst beleggen" not in html


def test_only_coordinators_convene_from_the_network_page(client, kring) -> None:
    """Issue 7: the project team reads the network page but convenes no network meeting."""
    link = f"{reverse('bijeenkomsten:nieuw')}?netwerk={kring.netwerk.slug}"
    client.force_login(kring.coordinator)
    assert link in client.get(kring.netwerk.get_absolute_url()).content.decode()
    assert client.get(link).status_code == 200
    for wie in (kring.projectteam, kring.bcm):
        client.force_login(wie)
        assert link not in client.get(kring.netwerk.get_absolute_url()).content.decode()
        assert client.get(link).status_code == 403


def test_the_network_page_keeps_a_constant_number_of_queries_with_meetings(client, kring) -> None:
    client.force_login(kring.coordinator)
    kring.plan_bijeenkomst(titel="Eerste")
    weinig = _tel(client, kring.netwerk.get_absolute_url())
    for i in range(8):
        bijeenkomst = kring.plan_bijeenkomst(
            titel=f"Overleg {i}", begin=over_dagen(10 + i, 9), einde=over_dagen(10 + i, 10)
        )
        services.nodig_uit(bijeenkomst, alle_leden=True, actor=kring.coordinator)
    assert _tel(client, kring.netwerk.get_absolute_url()) == weinig


def test_a_sector_agenda_links_its_expert_meetings(client, kring) -> None:
    nu = timezone.now()
    gehouden = kring.plan_landelijk(
        Bijeenkomst.Soort.EXPERT,
        titel="Experts voorjaar",
        begin=nu - datetime.timedelta(days=2, hours=2),
        einde=nu - datetime.timedelta(days=2),
    )
    services.nodig_uit(gehouden, personen=[kring.bcm], actor=kring.projectteam)
    services.leg_notulen_vast(
        gehouden, "Samenvatting van de experts.", revisie=gehouden.revisie, actor=kring.projectteam
    )
    gepland = kring.plan_landelijk(Bijeenkomst.Soort.EXPERT, titel="Experts najaar")
    gehouden.refresh_from_db()
    assert gehouden.expertbijeenkomst is not None  # the record kept with the agenda
    url = kring.agenda.get_absolute_url()

    client.force_login(kring.projectteam)
    html = client.get(url).content.decode()
    # Issue 3: the agenda page is public to every user; the minutes and names stay on the meeting.
    assert "Samenvatting van de experts." not in html
    assert kring.bcm.naam not in html
    assert f'href="{gehouden.get_absolute_url()}"' in html
    assert f'href="{gepland.get_absolute_url()}">Experts najaar</a>' in html
    assert f"{reverse('bijeenkomsten:nieuw')}?agenda={kring.agenda.pk}" in html

    # An invitee sees the meeting he was invited to; nobody sees links to meetings he may not open.
    client.force_login(kring.bcm)
    html = client.get(url).content.decode()
    assert f'href="{gehouden.get_absolute_url()}"' in html
    assert gepland.get_absolute_url() not in html
    client.force_login(kring.waarnemer)
    html = client.get(url).content.decode()
    assert gehouden.get_absolute_url() not in html and "Expertbijeenkomst beleggen" not in html
    assert "Samenvatting van de experts." not in html and kring.bcm.naam not in html
