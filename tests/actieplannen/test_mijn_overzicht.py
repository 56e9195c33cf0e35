"""Mijn overzicht (§5): my open actions due soon or overdue, consents awaiting me, my networks and
the recent changes in them."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actieplannen import services
from actieplannen.models import TLP
from tests.factories import RegioFactory, maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _dag(dagen: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=dagen)


def test_it_shows_my_open_actions_that_are_overdue_or_due_within_14_days(client, vitens) -> None:
    vitens.maak_actie("Te laat", einddatum=_dag(-3))
    vitens.maak_actie("Binnenkort", einddatum=_dag(10))
    vitens.maak_actie("Later", einddatum=_dag(60))
    vitens.maak_actie("Al gereed", einddatum=_dag(-3), status="gereed", voortgang=100)
    vitens.maak_actie(
        "Van de regio", einddatum=_dag(2), organisatie=vitens.regio, eigenaar=vitens.coordinator
    )
    client.force_login(vitens.bcm)
    response = client.get(reverse("mijn_overzicht"))
    acties = response.context["mijn_acties"]
    assert [a.titel for a in acties["te_laat"]] == ["Te laat"]
    assert [a.titel for a in acties["binnenkort"]] == ["Binnenkort"]
    html = tekst(response)
    html = html[html.index('id="kop-mijn-acties"') : html.index('id="kop-instemming"')]
    assert "Te laat</a>" in html and "te laat</span>" in html
    assert "Later" not in html and "Al gereed" not in html and "Van de regio" not in html


def test_a_red_action_i_may_not_see_stays_off_my_overview(client, vitens) -> None:
    rood = vitens.maak_actie("Geheim", einddatum=_dag(1), tlp=TLP.RED, tlp_ontvangers=[vitens.bcm])
    rood.tlp_ontvangers.remove(vitens.bcm)
    client.force_login(vitens.bcm)
    assert "Geheim" not in tekst(client.get(reverse("mijn_overzicht")))


def test_it_shows_the_consents_awaiting_my_organisation(client, vitens) -> None:
    vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    assert client.get(reverse("mijn_overzicht")).context["wacht_op_instemming"] == []
    services.dien_in(vitens.plan, actor=vitens.coordinator)

    regels = client.get(reverse("mijn_overzicht")).context["wacht_op_instemming"]
    assert [(r["plan"], r["mijn"], r["overig"]) for r in regels] == [
        (vitens.plan, [vitens.netwerk.kernpartner], [])
    ]
    html = tekst(client.get(reverse("mijn_overzicht")))
    assert f"uw besluit namens <strong>{vitens.netwerk.kernpartner}</strong> ontbreekt nog" in html
    assert f'href="{reverse("actieplannen:plan", args=[vitens.netwerk.slug])}#instemming"' in html

    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    assert client.get(reverse("mijn_overzicht")).context["wacht_op_instemming"] == []


def test_the_coordinator_sees_every_organisation_still_to_decide(client, vitens) -> None:
    vitens.maak_actie("Nooddrinkwater")
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    client.force_login(vitens.coordinator)
    (regel,) = client.get(reverse("mijn_overzicht")).context["wacht_op_instemming"]
    assert (regel["mijn"], regel["overig"]) == ([vitens.regio], [])
    client.force_login(vitens.waarnemer)  # no contact, no coordinator
    assert client.get(reverse("mijn_overzicht")).context["wacht_op_instemming"] == []


def test_a_reopened_plan_awaits_consent_again(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    services.wijzig_actie(actie, revisie=actie.revisie, actor=vitens.coordinator, einddatum=_dag(100))
    client.force_login(vitens.bcm)
    (regel,) = client.get(reverse("mijn_overzicht")).context["wacht_op_instemming"]
    assert regel["plan"].versie == 2 and regel["mijn"] == [vitens.netwerk.kernpartner]


def test_it_shows_recent_changes_in_my_networks_only(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.registreer_voortgang(actie, status="in_uitvoering", voortgang=30, actor=vitens.bcm)
    vitens.maak_actie("Geheim", tlp=TLP.RED, tlp_ontvangers=[vitens.bcm])
    ander = maak_netwerk(slug="drinkwater-evides-2", regio=RegioFactory(vr_nummer=18))
    maak_lid(ander)
    elders = services.zorg_voor_actieplan(ander, actor=None)
    services.voeg_actie_toe(elders, actor=None, titel="Elders", thema=actie.thema)

    client.force_login(vitens.waarnemer)
    response = client.get(reverse("mijn_overzicht"))
    regels = response.context["recente_wijzigingen"]
    assert regels[0]["wat"] == "Actie „Nooddrinkwater”" and regels[0]["wie"] == vitens.bcm
    assert regels[0]["soort"] == "gewijzigd"
    html = tekst(response)
    assert "Geheim" not in html and "Elders" not in html
    assert len(regels) <= 10


def test_my_network_cards_link_to_the_plan_with_its_status(client, vitens) -> None:
    vitens.maak_actie()
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    client.force_login(vitens.bcm)
    html = tekst(client.get(reverse("mijn_overzicht")))
    assert (
        f'href="{reverse("actieplannen:plan", args=[vitens.netwerk.slug])}">Actieplan</a>: ter instemming, versie 1'
        in html
    )


def test_my_overview_runs_a_fixed_number_of_queries_with_actions_and_consents(client, vitens) -> None:
    def vul(aantal: int) -> None:
        for i in range(aantal):
            actie = vitens.maak_actie(f"Actie {i}", einddatum=_dag(i % 20 - 5))
            services.registreer_voortgang(actie, status="in_uitvoering", voortgang=10, actor=vitens.bcm)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("mijn_overzicht")).status_code == 200
        return len(queries)

    client.force_login(vitens.bcm)
    vul(3)
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    weinig = tel()
    vul(20)
    # session, user with roles, global perms (his own and his groups' in one), my actions, consents awaiting me, my next meetings,
    # action history, plan history, memberships with network/kernpartner/plan, their sectors, members
    assert weinig == tel() == 11
