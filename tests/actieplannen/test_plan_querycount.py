"""Query counts of the plan page, the action page and the plan history do not grow with the number
of actions, milestones and progress entries (§8)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actieplannen import services
from actieplannen.models import TLP

pytestmark = pytest.mark.django_db


def _vul(vitens, aantal: int) -> None:
    """`aantal` actions over the themes, each with a milestone and a progress entry; every fifth RED."""
    afspraken = list(vitens.agenda.afspraken.select_related("thema"))
    start = vitens.plan.acties.count()
    for i in range(start, start + aantal):
        extra = {"tlp": TLP.RED, "tlp_ontvangers": [vitens.bcm]} if i % 5 == 4 else {}
        actie = vitens.maak_actie(
            f"Actie {i}",
            thema=afspraken[i % len(afspraken)].thema,
            afspraak=afspraken[i % len(afspraken)],
            einddatum=datetime.date(2026 + i % 3, 1 + i % 12, 1),
            **extra,
        )
        services.voeg_mijlpaal_toe(
            actie, datum=datetime.date(2026, 1, 1), omschrijving=f"M{i}", actor=vitens.bcm
        )
        services.registreer_voortgang(actie, status="in_uitvoering", voortgang=i % 100, actor=vitens.bcm)


def _tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def ingediend(vitens):
    """A submitted plan with one consent, so the consent panel has content."""
    _vul(vitens, 3)
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    services.spreek_uit(vitens.plan, organisatie=vitens.regio, besluit="instemming", actor=vitens.coordinator)
    return vitens


def test_the_plan_page_runs_a_fixed_number_of_queries(client, ingediend) -> None:
    vitens = ingediend
    client.force_login(vitens.bcm)
    url = reverse("actieplannen:plan", args=[vitens.netwerk.slug])
    weinig = _tel(client, url)
    _vul(vitens, 27)
    veel = _tel(client, url)
    # session, user, global perms (his own and his groups' in one), network, plan, object perms
    # (his own and his groups' in one), themes (filter choices), visible actions with
    # theme/organisation/owner, consents, participants
    assert weinig == veel == 10
    assert _tel(client, url + "?mijn=on&te_laat=on&status=gereed&thema=2") == 10


def test_the_action_page_runs_a_fixed_number_of_queries(client, ingediend) -> None:
    vitens = ingediend
    client.force_login(vitens.bcm)
    actie = vitens.plan.acties.get(titel="Actie 1")
    url = reverse("actieplannen:actie", args=[vitens.netwerk.slug, actie.pk])
    weinig = _tel(client, url)
    _vul(vitens, 27)
    for i in range(5):  # more milestones and progress on this action too
        services.voeg_mijlpaal_toe(
            actie, datum=datetime.date(2026, 2, i + 1), omschrijving=f"X{i}", actor=None
        )
        services.registreer_voortgang(
            actie, status="in_uitvoering", voortgang=10 * i, actor=vitens.coordinator
        )
    veel = _tel(client, url)
    # session, user, global perms (one), the action, object perms (one, remembered for the rest of
    # the request), milestones, progress entries with their authors, 3 history sources (action,
    # milestones, meeting decisions; their labels are the action's own theme, agreement,
    # organisation and owner, loaded with it); the menukaart panel: linked items, suggestions
    # (network sectors, items)
    assert weinig == veel == 12


def test_the_plan_history_runs_a_fixed_number_of_queries(client, ingediend) -> None:
    vitens = ingediend
    client.force_login(vitens.bcm)
    url = reverse("actieplannen:historie", args=[vitens.netwerk.slug])
    weinig = _tel(client, url)
    _vul(vitens, 27)
    veel = _tel(client, url)
    # session, user, global perms (one), network, plan, 4 history sources (plan, actions,
    # milestones, consents), history labels (theme, agreement, organisation, owner, action)
    assert weinig == veel == 14
