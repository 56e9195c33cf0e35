"""Permissions of every plan and action view (§4): login required, outsider 404, read-only 403 on
writes, GET on a POST-only view 405, TLP:RED actions 404 for everyone who is not named."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse

from actieplannen import services
from actieplannen.models import TLP, Actieplan, Instemming, Mijlpaal, Verbeteractie, Voortgangsupdate

pytestmark = pytest.mark.django_db


@dataclass
class Adres:
    naam: str
    url: str
    data: dict
    schrijft: bool  # a write: read-only users get 403
    alleen_post: bool  # GET answers 405


@pytest.fixture
def adressen(vitens) -> list[Adres]:
    """Every plan and action view, with POST data that would succeed for a coordinator."""
    actie = vitens.maak_actie("Nooddrinkwater")
    mijlpaal = services.voeg_mijlpaal_toe(
        actie, datum=datetime.date(2026, 3, 1), omschrijving="M", actor=None
    )
    slug = vitens.netwerk.slug

    def u(naam: str, *args) -> str:
        return reverse(f"actieplannen:{naam}", args=[slug, *args])

    actievelden = {
        "titel": "Nieuw",
        "thema": actie.thema_id,
        "status": "niet_gestart",
        "voortgang": "0",
        "tlp": "amber",
        "revisie": actie.revisie,
    }
    return [
        Adres("plan", u("plan"), {}, schrijft=False, alleen_post=False),
        Adres("historie", u("historie"), {}, schrijft=False, alleen_post=False),
        Adres("actie", u("actie", actie.pk), {}, schrijft=False, alleen_post=False),
        Adres(
            "plan_bewerken",
            u("plan_bewerken"),
            {"titel": "X", "tlp": "amber", "revisie": vitens.plan.revisie},
            schrijft=True,
            alleen_post=False,
        ),
        Adres("actie_nieuw", u("actie_nieuw"), actievelden, schrijft=True, alleen_post=False),
        Adres("actie_bewerken", u("actie_bewerken", actie.pk), actievelden, schrijft=True, alleen_post=False),
        Adres(
            "actie_inline",
            u("actie_inline", actie.pk),
            {"status": "gereed", "voortgang": "100", "revisie": actie.revisie},
            schrijft=True,
            alleen_post=False,
        ),
        Adres("indienen", u("indienen"), {}, schrijft=True, alleen_post=True),
        Adres(
            "instemming",
            u("instemming"),
            {"organisatie": vitens.regio.pk, "besluit": "instemming"},
            schrijft=True,
            alleen_post=True,
        ),
        Adres(
            "actie_verwijderen",
            u("actie_verwijderen", actie.pk),
            {"revisie": actie.revisie},
            schrijft=True,
            alleen_post=True,
        ),
        Adres(
            "actie_voortgang",
            u("actie_voortgang", actie.pk),
            {"status": "gereed", "voortgang": "100", "datum": "2025-01-01", "revisie": actie.revisie},
            schrijft=True,
            alleen_post=True,
        ),
        Adres(
            "mijlpaal",
            u("mijlpaal", actie.pk),
            {"datum": "2026-04-01", "omschrijving": "Nog een"},
            schrijft=True,
            alleen_post=True,
        ),
        Adres(
            "mijlpaal_gereed",
            u("mijlpaal_gereed", actie.pk, mijlpaal.pk),
            {"gereed": "1"},
            schrijft=True,
            alleen_post=True,
        ),
    ]


def _vraag(client, adres: Adres):
    if adres.alleen_post:
        return client.post(adres.url, adres.data)
    return client.get(adres.url)


def _momentopname() -> tuple:
    """Everything a write could change, to prove a refused write changed nothing."""
    plan = Actieplan.objects.get()
    return (
        plan.revisie,
        plan.status,
        list(Verbeteractie.objects.values_list("pk", "revisie")),
        list(Mijlpaal.objects.values_list("pk", "gereed")),
        Voortgangsupdate.objects.count(),
        Instemming.objects.count(),
    )


def test_every_view_requires_login(client, adressen) -> None:
    for adres in adressen:
        for response in (client.get(adres.url), client.post(adres.url, adres.data)):
            assert response.status_code == 302, adres.naam
            assert response["Location"].startswith(reverse("login")), adres.naam


def test_post_only_views_reject_get(client, vitens, adressen) -> None:
    client.force_login(vitens.coordinator)
    for adres in adressen:
        if adres.alleen_post:
            assert client.get(adres.url).status_code == 405, adres.naam


@pytest.mark.parametrize("wie", ["buiten", "stuurgroep"])
def test_an_outsider_gets_404_on_every_view(client, vitens, adressen, wie) -> None:
    client.force_login(getattr(vitens, wie))
    voor = _momentopname()
    for adres in adressen:
        assert _vraag(client, adres).status_code == 404, adres.naam
        if adres.schrijft:
            assert client.post(adres.url, adres.data).status_code == 404, adres.naam
    assert _momentopname() == voor


@pytest.mark.parametrize("wie", ["waarnemer", "projectteam"])
def test_read_only_users_read_and_get_403_on_every_write(client, vitens, adressen, wie) -> None:
    client.force_login(getattr(vitens, wie))
    voor = _momentopname()
    for adres in adressen:
        if adres.schrijft:
            assert _vraag(client, adres).status_code == 403, adres.naam
            assert client.post(adres.url, adres.data).status_code == 403, adres.naam
        else:
            assert client.get(adres.url).status_code == 200, adres.naam
    assert _momentopname() == voor


def test_a_member_may_edit_but_only_a_coordinator_submits(client, vitens, adressen) -> None:
    client.force_login(vitens.bcm)
    for adres in adressen:
        if not adres.alleen_post:
            assert client.get(adres.url).status_code == 200, adres.naam
    indienen = next(a for a in adressen if a.naam == "indienen")
    assert client.post(indienen.url).status_code == 403
    client.force_login(vitens.coordinator)
    assert client.post(indienen.url).status_code == 302
    assert Actieplan.objects.get().status == Actieplan.Status.TER_INSTEMMING


def test_every_view_of_a_red_action_is_404_for_those_not_named(client, vitens) -> None:
    # created by the BC manager: he and the waarnemer are named, the coordinator is not
    rood = services.voeg_actie_toe(
        vitens.plan,
        actor=vitens.bcm,
        titel="Geheime locatie",
        thema=vitens.agenda.afspraken.first().thema,
        tlp=TLP.RED,
        tlp_ontvangers=[vitens.waarnemer],
    )
    mijlpaal = services.voeg_mijlpaal_toe(rood, datum=datetime.date(2026, 3, 1), omschrijving="M", actor=None)
    slug = vitens.netwerk.slug
    urls = [
        ("get", reverse("actieplannen:actie", args=[slug, rood.pk])),
        ("get", reverse("actieplannen:actie_bewerken", args=[slug, rood.pk])),
        ("get", reverse("actieplannen:actie_inline", args=[slug, rood.pk])),
        ("post", reverse("actieplannen:actie_inline", args=[slug, rood.pk])),
        ("post", reverse("actieplannen:actie_verwijderen", args=[slug, rood.pk])),
        ("post", reverse("actieplannen:actie_voortgang", args=[slug, rood.pk])),
        ("post", reverse("actieplannen:mijlpaal", args=[slug, rood.pk])),
        ("post", reverse("actieplannen:mijlpaal_gereed", args=[slug, rood.pk, mijlpaal.pk])),
    ]
    for persoon in (vitens.coordinator, vitens.projectteam, vitens.buiten):
        client.force_login(persoon)
        for methode, url in urls:
            assert getattr(client, methode)(url, {"revisie": rood.revisie}).status_code == 404, (persoon, url)
        assert "Geheime locatie" not in client.get(reverse("actieplannen:plan", args=[slug])).content.decode()
    client.force_login(vitens.waarnemer)
    assert client.get(urls[0][1]).status_code == 200
    assert client.get(urls[1][1]).status_code == 403  # named, but a waarnemer reads only
    client.force_login(vitens.bcm)
    assert client.get(urls[1][1]).status_code == 200
    rood.refresh_from_db()
    assert rood.revisie == 1 and Verbeteractie.objects.filter(pk=rood.pk).exists()


def test_an_action_of_another_network_is_not_found_under_this_networks_url(client, vitens) -> None:
    from tests.factories import RegioFactory, maak_lid, maak_netwerk

    ander = maak_netwerk(slug="drinkwater-brabant", regio=RegioFactory(vr_nummer=20))
    maak_lid(ander)
    plan = services.zorg_voor_actieplan(ander, actor=None)
    vreemd = services.voeg_actie_toe(
        plan, actor=None, titel="Elders", thema=vitens.agenda.afspraken.first().thema
    )
    client.force_login(vitens.coordinator)
    assert client.get(reverse("actieplannen:actie", args=[vitens.netwerk.slug, vreemd.pk])).status_code == 404
