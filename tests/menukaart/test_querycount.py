"""Query counts of the menukaart pages do not grow with the data (§8)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from menukaart import services

from .test_bijlagen import PDF

pytestmark = pytest.mark.django_db


def _tel(client, url: str, data: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, data or {}).status_code == 200
    return len(queries)


def _vul(wereld, aantal: int, begin: int = 0) -> None:
    """`aantal` published items, each with every theme and two sectors."""
    for i in range(begin, begin + aantal):
        wereld.item(
            f"Stroomuitval {i:03d}",
            inhoud="Oefenen met stroomuitval.",
            themas=wereld.themas,
            sectoren=[wereld.drinkwater, wereld.elektriciteit],
        )


@pytest.mark.parametrize("wie", ["lid", "projectteam"])
def test_the_search_page_runs_in_constant_queries(client, wereld, wie) -> None:
    client.force_login(getattr(wereld, wie))
    _vul(wereld, 3)
    url, zoekvraag = reverse("menukaart:zoeken"), {"q": "stroomuitval", "thema": 2, "sector": "drinkwater"}
    weinig = _tel(client, url, zoekvraag)
    _vul(wereld, 27, begin=3)  # 30 matches: a full page of 20
    veel = _tel(client, url, zoekvraag)
    # session, user, the user's global permissions, his own and his groups' (curator?), the chosen
    # theme and sector (form), count, page of items, their themes, their sectors, theme and sector
    # choices for the filter form
    assert weinig == veel == 11


def _item_met_alles(wereld, aantal: int):
    item = wereld.item(
        "Veel",
        themas=wereld.themas[:aantal],
        sectoren=[wereld.drinkwater, wereld.elektriciteit][: min(aantal, 2)],
    )
    for i in range(aantal):
        services.wijzig_item(
            item,
            actor=wereld.projectteam,
            links=[(f"Link {j}", f"https://{j}.example") for j in range(i + 1)],
        )
        services.voeg_bijlage_toe(item, SimpleUploadedFile(f"bijlage-{i}.pdf", PDF), actor=wereld.projectteam)
        actie = wereld.actie(f"Actie {i}")
        services.koppel_aan_actie(item, actie, actor=None)
        wereld.actie(f"Vrije actie {i}")
        services.stel_vraag(vraag=f"Vraag {i}", item=item, actor=wereld.lid)
    return item


def test_the_item_page_runs_in_constant_queries_for_a_member(client, wereld) -> None:
    client.force_login(wereld.lid)
    weinig = _tel(client, _item_met_alles(wereld, 3).get_absolute_url())
    veel = _tel(client, _item_met_alles(wereld, 8).get_absolute_url())
    # session, user, global permissions in one (curator?), the item with organisation,
    # curator and proposer, its themes, sectors, links, attachments (with uploader), the visible
    # actions using it, the user's open actions to link to (one query each)
    assert weinig == veel == 10


def test_the_item_page_runs_in_constant_queries_for_the_project_team(client, wereld) -> None:
    client.force_login(wereld.projectteam)
    weinig = _tel(client, _item_met_alles(wereld, 3).get_absolute_url())
    veel = _tel(client, _item_met_alles(wereld, 8).get_absolute_url())
    # as for a member (10), plus the total of plans using it, and the history: four sources
    # (item, links, attachments, links with actions), each with its acting users (names of the
    # item's organisation, curator and proposer come with the item)
    assert weinig == veel == 15


def test_the_curation_and_loket_pages_run_in_constant_queries(client, wereld) -> None:
    client.force_login(wereld.projectteam)
    for i in range(3):
        wereld.item(f"Voorstel {i}", status="voorgesteld", voorgesteld_door=wereld.lid, themas=wereld.themas)
        wereld.item(f"Oud {i}", laatst_beoordeeld=None)
        vraag = services.stel_vraag(vraag=f"Vraag {i}", item=wereld.item(f"Over {i}"), actor=wereld.buiten)
        services.beantwoord(vraag, antwoord="Antwoord", actor=wereld.projectteam)
        services.stel_vraag(vraag=f"Open {i}", actor=wereld.lid)
    curatie, loket = _tel(client, reverse("menukaart:curatie")), _tel(client, reverse("menukaart:loket"))
    for i in range(3, 12):
        wereld.item(
            f"Voorstel {i}", status="voorgesteld", voorgesteld_door=wereld.buiten, themas=wereld.themas
        )
        wereld.item(f"Oud {i}", laatst_beoordeeld=None)
        vraag = services.stel_vraag(vraag=f"Vraag {i}", item=wereld.item(f"Over {i}"), actor=wereld.waarnemer)
        services.beantwoord(vraag, antwoord="Antwoord", actor=wereld.projectteam)
        services.stel_vraag(vraag=f"Open {i}", actor=wereld.buiten)
    # curatie: session, user, permissions (1), proposals with proposer, their themes, stale items,
    # counts per status, open questions
    assert curatie == _tel(client, reverse("menukaart:curatie")) == 8
    # loket: session, user, permissions (1), open questions, count and page of answered ones
    assert loket == _tel(client, reverse("menukaart:loket")) == 6


def test_my_questions_run_in_constant_queries(client, wereld) -> None:
    client.force_login(wereld.lid)
    for i in range(3):
        services.stel_vraag(vraag=f"Vraag {i}", item=wereld.item(f"Over {i}"), actor=wereld.lid)
    weinig = _tel(client, reverse("menukaart:mijn_vragen"))
    for i in range(3, 15):
        services.stel_vraag(vraag=f"Vraag {i}", item=wereld.item(f"Over {i}"), actor=wereld.lid)
        wereld.item(f"Voorstel {i}", status="voorgesteld", voorgesteld_door=wereld.lid)
    assert _tel(client, reverse("menukaart:mijn_vragen")) == weinig


def test_the_menukaart_on_an_action_page_runs_in_constant_queries(wereld) -> None:
    from actieplannen.models import Verbeteractie
    from menukaart.koppelingen import menukaart_bij_actie
    from menukaart.models import MenukaartItem
    from netwerken.models import Gebruiker

    def tel(aantal: int) -> int:
        actie = wereld.actie(f"Actie {aantal}")
        for i in range(aantal):
            services.koppel_aan_actie(wereld.item(f"Gekoppeld {aantal}-{i}"), actie, actor=None)
            wereld.item(f"Suggestie {aantal}-{i}")
        actie = Verbeteractie.objects.select_related("actieplan__netwerk", "thema").get(pk=actie.pk)
        lid = Gebruiker.objects.get(pk=wereld.lid.pk)  # no permissions cached yet
        with CaptureQueriesContext(connection) as queries:
            context = menukaart_bij_actie(actie, lid)
        assert len(context["koppelingen"]) == aantal
        assert len(context["suggesties"]) == min(
            MenukaartItem.objects.filter(titel__startswith="Suggestie").count(), 5
        )
        return len(queries)

    # global permissions, his own and his groups' (curator?), linked items, suggestions, the
    # user's object permissions on the network (his own and his groups' grants in one)
    assert tel(2) == tel(6) == 4
