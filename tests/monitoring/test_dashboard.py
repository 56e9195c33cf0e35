"""The monitoring dashboard `/monitoring/`: who may open it, what it shows, filters, query count."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actieplannen.models import Verbeteractie
from monitoring.models import Momentopname
from monitoring.momentopnamen import maak_momentopname

from .conftest import is_te_laat, voeg_netwerken_toe, zichtbare_acties

pytestmark = pytest.mark.django_db

URL = "/monitoring/"


def _tekst(response) -> str:
    """The visible text of the page's main content (tags stripped, whitespace folded)."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_url_is_named() -> None:
    assert reverse("monitoring:dashboard") == URL


def test_it_requires_login(client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("wie", ["lid", "buiten"])
def test_members_and_outsiders_get_a_dutch_403_page(client, programma, wie) -> None:
    client.force_login(getattr(programma, wie))
    response = client.get(URL)
    assert response.status_code == 403
    tekst = _tekst(response)
    assert "Geen toegang tot monitoring" in tekst
    assert "projectteam, de stuurgroep en de Commissie Vitale Infrastructuur" in tekst
    assert "Actie A1" not in response.content.decode()


def test_post_is_not_allowed(client, programma) -> None:
    client.force_login(programma.projectteam)
    assert client.post(URL).status_code == 405


def test_the_project_team_sees_the_figures_and_links_to_networks(client, programma) -> None:
    client.force_login(programma.projectteam)
    response = client.get(URL)
    assert response.status_code == 200
    html, tekst = response.content.decode(), _tekst(response)
    acties = zichtbare_acties(programma.projectteam)
    assert f"Verbeteracties {len(acties)} " in tekst
    assert f"Te laat {sum(1 for a in acties if is_te_laat(a))} " in tekst
    assert "Rolbeschrijving ondertekend 3/25" in tekst
    assert 'role="img"' in html and "<details" in html
    assert reverse("actieplannen:plan", args=["drinkwater-b"]) in html  # consent table links to the plan
    assert "Vertrouwelijke acties (TLP:RED) tellen alleen mee als u er ontvanger van bent" in tekst
    assert "Leerpunt drinkwater" in tekst and "€ 7.200" in tekst


def test_the_stuurgroep_sees_aggregates_without_any_action_or_network_link(client, programma) -> None:
    client.force_login(programma.stuurgroep)
    response = client.get(URL)
    assert response.status_code == 200
    html, tekst = response.content.decode(), _tekst(response)
    for titel in Verbeteractie.objects.values_list("titel", flat=True):
        assert titel not in html, titel
    assert "/actieplan" not in html and 'href="/netwerken/' not in html.split("<main", 1)[1]
    zonder_rood = Verbeteractie.objects.exclude(tlp="red").count()
    assert f"Verbeteracties {zonder_rood} " in tekst
    assert "Vertrouwelijke acties (TLP:RED) tellen niet mee" in tekst
    assert "Netwerk drinkwater-a" in tekst  # networks are named in aggregates


def test_the_figures_on_the_page_are_the_independent_counts(client, programma) -> None:
    client.force_login(programma.stuurgroep)
    tekst = _tekst(client.get(URL))
    acties = zichtbare_acties(programma.stuurgroep)
    open_ = sum(1 for a in acties if a.status not in ("gereed", "vervallen"))
    gereed = sum(1 for a in acties if a.status == "gereed")
    assert f"Open {open_} " in tekst
    assert f"Gereed {gereed} " in tekst
    assert "Plannen vastgesteld 1 van 3 netwerken" in tekst
    assert "1 van 2 deelnemende organisaties hebben ingestemd" in tekst


def test_the_sector_filter_narrows_the_figures(client, programma) -> None:
    client.force_login(programma.projectteam)
    response = client.get(URL, {"sector": "gas"})
    tekst = _tekst(response)
    assert response.context["cijfers"].sector.slug == "gas"
    assert "Verbeteracties 2 " in tekst and "in de sector Gas" in tekst
    assert "Netwerk drinkwater-a" not in tekst


@pytest.mark.parametrize(
    ("parameters", "melding"),
    [
        ({"van": "31-02-2026"}, "Vul een geldige datum in"),
        ({"van": "morgen", "tot": "2026-01-01"}, "Vul een geldige datum in"),
        ({"van": "2026-06-01", "tot": "2026-01-01"}, "De einddatum van de periode ligt voor de begindatum"),
        ({"tot": "1900-01-01"}, "Kies een datum tussen 2010 en 2100"),
        ({"sector": "bestaat-niet"}, "Kies een sector uit de lijst"),
    ],
)
def test_bad_filters_get_a_dutch_message_not_an_error(client, programma, parameters, melding) -> None:
    client.force_login(programma.projectteam)
    response = client.get(URL, parameters)
    assert response.status_code == 200
    tekst = _tekst(response)
    assert "Niet alle filters zijn toegepast" in tekst and melding in tekst
    cijfers = response.context["cijfers"]
    assert cijfers.van is None and cijfers.tot is None  # a period with an error is not applied


def test_a_dutch_date_is_accepted(client, programma) -> None:
    client.force_login(programma.projectteam)
    response = client.get(URL, {"van": "1-1-2026", "tot": "31-12-2026"})
    assert response.status_code == 200 and "Niet alle filters" not in _tekst(response)
    assert str(response.context["cijfers"].van) == "2026-01-01"


def test_empty_states_without_any_data(client, db) -> None:
    from django.contrib.auth.models import Group

    from tests.factories import GebruikerFactory

    persoon = GebruikerFactory()
    persoon.groups.add(Group.objects.get(name="Stuurgroep"))
    client.force_login(persoon)
    response = client.get(URL)
    assert response.status_code == 200
    tekst = _tekst(response)
    assert "Nog geen verbeteracties" in tekst
    assert "Nog geen momentopnamen" in tekst
    assert "Nog geen leerpunten" in tekst
    assert "De programmamijlpalen zijn nog niet vastgelegd" in tekst
    assert "Er is nog geen vastgestelde rolbeschrijving" in tekst
    assert "Nog geen programmabijdragen" in tekst


def test_the_trend_comes_from_the_snapshots(client, programma) -> None:
    maak_momentopname()
    client.force_login(programma.stuurgroep)
    response = client.get(URL)
    assert len(response.context["cijfers"].trend) == Momentopname.objects.count() == 1
    assert "Verloop per maand" in _tekst(response)


def _tel(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"sector": "drinkwater"}).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("wie", "verwacht"), [("projectteam", 13), ("stuurgroep", 12)])
def test_the_dashboard_runs_a_fixed_number_of_queries(client, programma, wie, verwacht) -> None:
    maak_momentopname()
    client.force_login(getattr(programma, wie))
    # session; user (with his organisation and his project-team/stuurgroep flags);
    # for the project team: global user and group permissions in one query (visible_to);
    # the chosen sector (filter form); then cijfers.bereken: sectors, themes, networks with plan,
    # consent and toetsing, actions grouped, signatures, milestones, snapshots, leerpunten,
    # contributions.
    assert _tel(client) == verwacht
    voeg_netwerken_toe(6)
    assert len(client.get(URL).context["cijfers"].per_netwerk) == 9
    assert _tel(client) == verwacht
