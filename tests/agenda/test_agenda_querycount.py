"""Query counts of the agenda pages do not grow with the number of items, decisions or meetings (§8)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda import services
from agenda.models import Agenda, Besluit, Orgaan
from tests.factories import GebruikerFactory, maak_agenda, maak_projectteamlid, maak_themas

pytestmark = pytest.mark.django_db

ORGANEN = (Orgaan.MANAGEMENTRAAD, Orgaan.STUURGROEP, Orgaan.CVI)


def _tel(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(queries)


def _agenda(sector: str, *, afspraken: int, extra: int, status: str = "vastgesteld") -> Agenda:
    """A version with `afspraken` items and `extra` expert meetings and body decisions."""
    agenda = maak_agenda(
        sector, afspraken=afspraken, status="voorgelegd" if status != "concept" else "concept"
    )
    for i in range(extra):
        services.voeg_expertbijeenkomst_toe(
            agenda, datum=datetime.date(2015, 11, 1 + i), deelnemers=f"Deelnemer {i}", actor=None
        )
        if status != "concept":
            services.leg_agendabesluit_vast(
                agenda,
                orgaan=ORGANEN[i],
                besluit=Besluit.VASTGESTELD,
                datum=datetime.date(2016, 3, 1),
                actor=None,
            )
    if status == "vastgesteld":
        services.stel_agenda_vast(agenda, actor=None)
    return agenda


@pytest.fixture
def lezer():
    return GebruikerFactory()


def test_the_sector_page_takes_a_fixed_number_of_queries(client, lezer) -> None:
    client.force_login(lezer)
    _agenda("klein", afspraken=3, extra=1)
    groot = _agenda("groot", afspraken=16, extra=3)
    weinig = _tel(client, reverse("agenda:sector", args=["klein"]))
    veel = _tel(client, reverse("agenda:sector", args=["groot"]))
    # session, user with organisation, sector, the user's and his groups' permissions (one query),
    # current (and open) versions, agreements with themes, all themes, decisions, expert meetings,
    # the expert meetings of this agenda in the portal
    assert weinig == veel == 10
    # The project team also sees the version in progress, in the same query.
    services.nieuwe_agendaversie(groot.sector, actor=None)
    client.force_login(maak_projectteamlid())
    assert _tel(client, reverse("agenda:sector", args=["groot"])) == 10


def test_the_version_page_takes_a_fixed_number_of_queries(client, lezer) -> None:
    client.force_login(lezer)
    klein = _agenda("klein", afspraken=3, extra=1)
    groot = _agenda("groot", afspraken=16, extra=3)
    weinig = _tel(client, klein.get_absolute_url())
    veel = _tel(client, groot.get_absolute_url())
    # session, user, user and group permissions (one query), the version with sector and predecessor,
    # agreements with themes, all themes, decisions, expert meetings, their meetings in the portal
    assert weinig == veel == 9


def test_the_concept_page_of_the_project_team_takes_a_fixed_number_of_queries(client) -> None:
    client.force_login(maak_projectteamlid())
    klein = _agenda("klein", afspraken=3, extra=1, status="concept")
    groot = _agenda("groot", afspraken=16, extra=3, status="concept")
    weinig = _tel(client, klein.get_absolute_url())
    veel = _tel(client, groot.get_absolute_url())
    # the same nine: the editing controls and forms need no queries of their own
    assert weinig == veel == 9
    # A later version links to the one it was based on, without a query for that one's sector.
    services.leg_agenda_voor(groot, actor=None)
    services.leg_agendabesluit_vast(
        groot, orgaan=Orgaan.CVI, besluit=Besluit.VASTGESTELD, datum=datetime.date(2016, 3, 1), actor=None
    )
    services.stel_agenda_vast(groot, actor=None)
    tweede = services.nieuwe_agendaversie(groot.sector, actor=None)
    assert _tel(client, tweede.get_absolute_url()) == 9


def test_the_overview_takes_a_fixed_number_of_queries(client) -> None:
    client.force_login(maak_projectteamlid())
    maak_themas()
    _agenda("drinkwater", afspraken=3, extra=1)
    weinig = _tel(client, reverse("agenda:overzicht"))
    for sector in ("gas", "olie", "elektriciteit"):
        _agenda(sector, afspraken=5, extra=3)
    services.nieuwe_agendaversie(Agenda.objects.get(sector__slug="gas").sector, actor=None)
    maak_agenda("ict", afspraken=2, status="voorgelegd")
    veel = _tel(client, reverse("agenda:overzicht"))
    # session, user, user and group permissions (one query), current and open versions with their
    # number of agreements, their positive decisions, sectors
    assert weinig == veel == 6


def test_the_comparison_takes_a_fixed_number_of_queries(client, lezer) -> None:
    client.force_login(lezer)
    v1 = _agenda("klein", afspraken=3, extra=1)
    services.nieuwe_agendaversie(v1.sector, actor=None)
    w1 = _agenda("groot", afspraken=16, extra=3)
    w2 = services.nieuwe_agendaversie(w1.sector, actor=None)
    for afspraak in list(w2.afspraken.order_by("rang"))[:8]:
        services.wijzig_afspraak(
            afspraak,
            thema=afspraak.thema,
            titel=afspraak.titel + " (herzien)",
            omschrijving="Nieuwe tekst.",
            beoogd_resultaat="",
            actor=None,
        )
    services.zet_rang(w2.afspraken.get(rang=15), 1, actor=None)
    for agenda in Agenda.objects.filter(versie=2):
        services.leg_agenda_voor(agenda, actor=None)
        services.leg_agendabesluit_vast(
            agenda,
            orgaan=Orgaan.CVI,
            besluit=Besluit.VASTGESTELD,
            datum=datetime.date(2017, 1, 1),
            actor=None,
        )
        services.stel_agenda_vast(agenda, actor=None)
    weinig = _tel(client, reverse("agenda:vergelijk", args=["klein"]), {"van": 1, "met": 2})
    veel = _tel(client, reverse("agenda:vergelijk", args=["groot"]), {"van": 1, "met": 2})
    # session, user, sector, user and group permissions (one query), the visible versions,
    # the agreements (with themes) of each of the two versions
    assert weinig == veel == 7


def test_the_versions_page_takes_a_fixed_number_of_queries(client) -> None:
    client.force_login(maak_projectteamlid())
    _agenda("klein", afspraken=3, extra=1)
    groot = _agenda("groot", afspraken=8, extra=1)
    for _ in range(3):
        nieuw = services.nieuwe_agendaversie(groot.sector, actor=None)
        services.leg_agenda_voor(nieuw, actor=None)
        services.leg_agendabesluit_vast(
            nieuw, orgaan=Orgaan.CVI, besluit=Besluit.VASTGESTELD, datum=datetime.date(2017, 1, 1), actor=None
        )
        services.stel_agenda_vast(nieuw, actor=None)
    weinig = _tel(client, reverse("agenda:versies", args=["klein"]))
    veel = _tel(client, reverse("agenda:versies", args=["groot"]))
    # session, user, sector, user and group permissions (one query), the versions with their number of agreements
    assert weinig == veel == 5


def test_the_theme_list_takes_a_fixed_number_of_queries(client, lezer) -> None:
    client.force_login(lezer)
    _agenda("klein", afspraken=3, extra=1)
    weinig = _tel(client, reverse("agenda:themas"))
    _agenda("groot", afspraken=16, extra=1)
    veel = _tel(client, reverse("agenda:themas"))
    # session, user, the themes with their number of current agreements, user and group permissions (one query)
    assert weinig == veel == 4
