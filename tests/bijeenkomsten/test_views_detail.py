"""The meeting page (agenda, invitees with responses, minutes, decisions), responding in the portal
and from the e-mail link without logging in, and the page's query count (§8)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actieplannen.models import TLP
from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Genodigde
from tests.bijeenkomsten.conftest import amsterdam
from tests.factories import maak_lid

pytestmark = pytest.mark.django_db


def _url(bijeenkomst: Bijeenkomst) -> str:
    return reverse("bijeenkomsten:detail", args=[bijeenkomst.pk])


def _html(client, bijeenkomst: Bijeenkomst) -> str:
    response = client.get(_url(bijeenkomst))
    assert response.status_code == 200
    return response.content.decode()


def _lopend(kring, **velden) -> Bijeenkomst:
    nu = timezone.now()
    bijeenkomst = kring.plan_bijeenkomst(
        begin=nu - datetime.timedelta(hours=1), einde=nu + datetime.timedelta(hours=1), **velden
    )
    services.nodig_uit(bijeenkomst, alle_leden=True, actor=kring.coordinator)
    return bijeenkomst


def test_the_page_shows_time_place_network_and_organiser(client, kring) -> None:
    bijeenkomst = kring.plan_bijeenkomst(
        begin=amsterdam(2026, 10, 27, 14),
        einde=amsterdam(2026, 10, 27, 16),
        online_link="https://vergaderen.example/vitens",
        toelichting="Over de oefening.",
    )
    client.force_login(kring.bcm)
    html = _html(client, bijeenkomst)
    assert "di 27 okt 2026, 14:00–16:00" in html
    assert "Veiligheidsregio, Arnhem" in html
    assert 'href="https://vergaderen.example/vitens"' in html
    assert kring.netwerk.get_absolute_url() in html
    assert kring.coordinator.naam in html and "Over de oefening." in html
    assert reverse("bijeenkomsten:ics", args=[bijeenkomst.pk]) in html


def test_the_page_counts_responses_per_answer(client, kring, bijeenkomst) -> None:
    services.beantwoord(bijeenkomst.genodigden.get(gebruiker=kring.bcm), "accepteert", actor=kring.bcm)
    services.beantwoord(bijeenkomst.genodigden.get(gebruiker=kring.waarnemer), "onder_voorbehoud", actor=None)
    client.force_login(kring.bcm)
    tellingen = {t["antwoord"]: t["aantal"] for t in client.get(_url(bijeenkomst)).context["tellingen"]}
    for antwoord in Genodigde.Antwoord.values:
        assert (
            tellingen[antwoord]
            == Genodigde.objects.filter(bijeenkomst=bijeenkomst, antwoord=antwoord).count()
        )
    assert tellingen == {"accepteert": 1, "onder_voorbehoud": 1, "afgemeld": 0, "geen": 1}


def test_the_page_shows_the_agenda_with_what_each_point_is_about(client, kring, bijeenkomst) -> None:
    actie = kring.maak_actie("Nooddrinkwater")
    afspraak = kring.agenda.afspraken.order_by("rang").first()
    services.voeg_agendapunt_toe(bijeenkomst, titel="Opening", actor=kring.coordinator)
    services.voeg_agendapunt_toe(
        bijeenkomst, titel="Stand van zaken", afspraak=afspraak, verbeteractie=actie, actor=kring.coordinator
    )
    client.force_login(kring.bcm)
    html = _html(client, bijeenkomst)
    assert html.index("Opening") < html.index("Stand van zaken")
    assert f'href="{actie.get_absolute_url()}">Nooddrinkwater</a>' in html
    assert f"{afspraak.rang}. {afspraak.titel}" in html


def test_a_red_action_behind_a_decision_is_not_linked_for_who_may_not_see_it(client, kring) -> None:
    bijeenkomst = _lopend(kring)
    actie = kring.maak_actie("Geheim", tlp=TLP.RED, tlp_ontvangers=[kring.bcm])
    services.leg_besluit_vast(
        bijeenkomst, "Status bijgewerkt.", bij_te_werken_actie=(actie, {"status": "vertraagd"}, actie.revisie),
        actor=kring.bcm,
    )  # fmt: skip
    client.force_login(kring.waarnemer)
    html = _html(client, bijeenkomst)
    assert "Geheim" not in html and actie.get_absolute_url() not in html
    assert "(een actie die u niet kunt inzien)" in html
    client.force_login(kring.bcm)
    assert f'href="{actie.get_absolute_url()}">Geheim</a>' in _html(client, bijeenkomst)


def test_managers_see_the_management_actions_and_others_do_not(client, kring, bijeenkomst) -> None:
    beheer = reverse("bijeenkomsten:bewerken", args=[bijeenkomst.pk])
    client.force_login(kring.coordinator)
    assert beheer in _html(client, bijeenkomst)
    client.force_login(kring.bcm)
    assert beheer not in _html(client, bijeenkomst)


def test_minutes_and_decisions_can_be_recorded_once_the_meeting_has_begun(client, kring, bijeenkomst) -> None:
    besluit_url = reverse("bijeenkomsten:besluit", args=[bijeenkomst.pk])
    client.force_login(kring.coordinator)
    assert besluit_url not in _html(client, bijeenkomst)  # next week
    response = client.get(besluit_url)
    assert response.status_code == 302
    assert "nog niet begonnen" in " ".join(str(m) for m in response.wsgi_request._messages)
    lopend = _lopend(kring, titel="Nu")
    assert reverse("bijeenkomsten:besluit", args=[lopend.pk]) in _html(client, lopend)


def test_a_cancelled_meeting_says_so(client, kring, bijeenkomst) -> None:
    services.annuleer_bijeenkomst(bijeenkomst, reden="Te weinig aanmeldingen.", actor=kring.coordinator)
    client.force_login(kring.bcm)
    html = _html(client, bijeenkomst)
    assert "Deze bijeenkomst is geannuleerd" in html and "Te weinig aanmeldingen." in html
    assert reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk]) not in html  # no buttons


# --- Responding in the portal ---------------------------------------------------------------------


def test_an_invitee_responds_in_the_portal(client, kring, bijeenkomst) -> None:
    client.force_login(kring.bcm)
    assert "Ik kom" in _html(client, bijeenkomst)
    response = client.post(
        reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk]), {"antwoord": "onder_voorbehoud"}
    )
    assert response.status_code == 302 and response["Location"] == _url(bijeenkomst)
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    assert genodigde.antwoord == "onder_voorbehoud"
    assert genodigde.history.first().history_user == kring.bcm
    assert "U heeft geantwoord" in _html(client, bijeenkomst)


def test_responding_with_htmx_swaps_the_response_block(client, kring, bijeenkomst) -> None:
    client.force_login(kring.bcm)
    response = client.post(
        reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk]),
        {"antwoord": "accepteert"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<section") or 'id="mijn-antwoord"' in html
    assert "<html" not in html
    assert 'hx-swap-oob="true">Uw antwoord is opgeslagen: accepteert.' in html
    assert 'aria-pressed="true">Ik kom' in html


def test_a_response_to_a_cancelled_meeting_is_refused_and_changes_nothing(client, kring, bijeenkomst) -> None:
    services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)
    client.force_login(kring.bcm)
    url = reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk])
    response = client.post(url, {"antwoord": "accepteert"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "Deze bijeenkomst is geannuleerd" in response.content.decode()
    client.post(url, {"antwoord": "accepteert"})
    assert bijeenkomst.genodigden.get(gebruiker=kring.bcm).antwoord == Genodigde.Antwoord.GEEN


def test_an_invalid_response_is_refused(client, kring, bijeenkomst) -> None:
    client.force_login(kring.bcm)
    url = reverse("bijeenkomsten:antwoorden", args=[bijeenkomst.pk])
    for antwoord in ("geen", "misschien", ""):
        response = client.post(url, {"antwoord": antwoord}, HTTP_HX_REQUEST="true")
        assert response.status_code == 422, antwoord
    assert bijeenkomst.genodigden.get(gebruiker=kring.bcm).antwoord == Genodigde.Antwoord.GEEN


# --- Responding from the e-mail link --------------------------------------------------------------


def _link(bijeenkomst: Bijeenkomst, persoon) -> str:
    return reverse("bijeenkomsten:antwoord_link", args=[bijeenkomst.genodigden.get(gebruiker=persoon).token])


def test_the_mail_link_shows_the_meeting_and_records_the_answer_without_login(
    client, kring, bijeenkomst
) -> None:
    url = _link(bijeenkomst, kring.bcm)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert bijeenkomst.titel in html and kring.bcm.naam in html
    assert "Ik kom" in html and "Onder voorbehoud" in html and "Ik meld me af" in html
    assert response["Referrer-Policy"] == "same-origin"
    response = client.post(url, {"antwoord": "afgemeld"})
    assert response.status_code == 200
    assert "Uw antwoord is opgeslagen" in response.content.decode()
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    assert genodigde.antwoord == "afgemeld"
    assert genodigde.history.first().history_user == kring.bcm


def test_an_unknown_mail_link_gives_404(client, kring, bijeenkomst) -> None:
    response = client.get(reverse("bijeenkomsten:antwoord_link", args=["bestaat-niet"]))
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
    assert (
        client.post(
            reverse("bijeenkomsten:antwoord_link", args=["bestaat-niet"]), {"antwoord": "accepteert"}
        ).status_code
        == 404
    )


def test_the_mail_link_of_a_withdrawn_invitation_gives_404(client, kring, bijeenkomst) -> None:
    url = _link(bijeenkomst, kring.bcm)
    services.verwijder_genodigde(bijeenkomst.genodigden.get(gebruiker=kring.bcm), actor=kring.coordinator)
    assert client.get(url).status_code == 404


def test_the_mail_link_of_a_cancelled_meeting_says_so_and_changes_nothing(client, kring, bijeenkomst) -> None:
    url = _link(bijeenkomst, kring.bcm)
    services.annuleer_bijeenkomst(bijeenkomst, reden="Zaal niet beschikbaar.", actor=kring.coordinator)
    html = client.get(url).content.decode()
    assert "Deze bijeenkomst is geannuleerd" in html and "Zaal niet beschikbaar." in html
    assert 'value="accepteert"' not in html
    response = client.post(url, {"antwoord": "accepteert"})
    assert response.status_code == 409
    assert "Uw antwoord is niet opgeslagen" in response.content.decode()
    assert bijeenkomst.genodigden.get(gebruiker=kring.bcm).antwoord == Genodigde.Antwoord.GEEN


def test_the_mail_link_of_a_past_meeting_changes_nothing(client, kring) -> None:
    verleden = kring.plan_bijeenkomst(begin=amsterdam(2025, 3, 4, 10), einde=amsterdam(2025, 3, 4, 12))
    services.nodig_uit(verleden, personen=[kring.bcm], actor=kring.coordinator)
    url = _link(verleden, kring.bcm)
    assert "Deze bijeenkomst is al voorbij" in client.get(url).content.decode()
    assert client.post(url, {"antwoord": "accepteert"}).status_code == 409
    assert verleden.genodigden.get(gebruiker=kring.bcm).antwoord == Genodigde.Antwoord.GEEN


def test_the_mail_link_refuses_an_invalid_answer(client, kring, bijeenkomst) -> None:
    assert client.post(_link(bijeenkomst, kring.bcm), {"antwoord": "misschien"}).status_code == 400
    assert bijeenkomst.genodigden.get(gebruiker=kring.bcm).antwoord == Genodigde.Antwoord.GEEN


# --- Query count ----------------------------------------------------------------------------------


def _tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_meeting_page_runs_a_fixed_number_of_queries(client, kring) -> None:
    bijeenkomst = _lopend(kring)
    acties = [kring.maak_actie(f"Actie {i}") for i in range(3)]

    def vul(aantal: int) -> None:
        start = bijeenkomst.agendapunten.count()
        for i in range(start, start + aantal):
            actie = acties[i % 3]
            services.voeg_agendapunt_toe(
                bijeenkomst, titel=f"Punt {i}", verbeteractie=actie, actor=kring.coordinator
            )
            services.leg_besluit_vast(bijeenkomst, f"Besluit {i}", actor=kring.coordinator)
            services.nodig_uit(bijeenkomst, personen=[maak_lid(kring.netwerk)], actor=kring.coordinator)
        actie = acties[0]
        actie.refresh_from_db()
        services.leg_besluit_vast(
            bijeenkomst, "Bijwerken", bij_te_werken_actie=(actie, {"voortgang": 10 + aantal}, actie.revisie),
            actor=kring.coordinator,
        )  # fmt: skip

    vul(3)
    url = _url(bijeenkomst)
    for wie, verwacht in (("bcm", 9), ("coordinator", 9), ("projectteam", 9)):
        client.force_login(getattr(kring, wie))
        weinig = _tel(client, url)
        assert weinig == verwacht, wie
    vul(20)
    assert bijeenkomst.genodigden.count() > 25 and bijeenkomst.besluiten.count() > 20
    for wie, verwacht in (("bcm", 9), ("coordinator", 9), ("projectteam", 9)):
        client.force_login(getattr(kring, wie))
        # A member: session, user with his roles, global user and group permissions in one
        # (network visibility rule), the meeting, its agenda points, invitees and decisions
        # (prefetches), object permissions on the network (user and group in one: may he
        # manage?), the linked actions he
        # may open. The project team the same: it manages a network meeting only as one of the
        # network's coordinators, so its object permissions are checked too (issue 7).
        assert _tel(client, url) == verwacht, wie


def test_the_history_page_names_who_changed_what_in_a_fixed_number_of_queries(
    client, kring, bijeenkomst
) -> None:
    url = reverse("bijeenkomsten:historie", args=[bijeenkomst.pk])
    services.beantwoord(bijeenkomst.genodigden.get(gebruiker=kring.bcm), "accepteert", actor=kring.bcm)
    client.force_login(kring.bcm)
    html = client.get(url).content.decode()
    assert f"{kring.bcm.naam}</strong>: Genodigde {kring.bcm.naam} gewijzigd" in html
    weinig = _tel(client, url)
    for i in range(5):
        services.voeg_agendapunt_toe(bijeenkomst, titel=f"Punt {i}", actor=kring.coordinator)
        services.nodig_uit(bijeenkomst, personen=[maak_lid(kring.netwerk)], actor=kring.coordinator)
    bijeenkomst.refresh_from_db()
    services.wijzig_bijeenkomst(
        bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, titel="Nieuwe titel"
    )
    # session, user with his roles, global permissions (user and group in one), the meeting, four
    # history sources, labels of the people referred to
    assert _tel(client, url) == weinig == 9
