"""Items used in improvement actions (issue 5, item 4): linking rules, suggestions, and counts that leak nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from actieplannen.models import TLP, Verbeteractie
from menukaart import services
from menukaart.koppelingen import gebruik_van_item, menukaart_bij_actie, mijn_acties, suggesties_voor_actie
from menukaart.models import ActieKoppeling

pytestmark = pytest.mark.django_db


# --- koppel_aan_actie / ontkoppel -----------------------------------------------------------------


def test_a_member_who_may_change_the_plan_links_a_published_item(wereld) -> None:
    item, actie = wereld.item("Item"), wereld.actie("Noodwater regelen")
    koppeling = services.koppel_aan_actie(item, actie, actor=wereld.lid)
    assert (koppeling.item, koppeling.verbeteractie, koppeling.gekoppeld_door) == (item, actie, wereld.lid)
    assert koppeling.history.first().history_user == wereld.lid
    services.ontkoppel(item, actie, actor=wereld.lid)
    assert not ActieKoppeling.objects.exists()


@pytest.mark.parametrize("wie", ["waarnemer", "buiten", "projectteam", "stuurgroep"])
def test_linking_needs_change_rights_on_the_actions_network(wereld, wie) -> None:
    item, actie = wereld.item("Item"), wereld.actie()
    with pytest.raises(PermissionDenied):
        services.koppel_aan_actie(item, actie, actor=getattr(wereld, wie))
    services.koppel_aan_actie(item, actie, actor=wereld.lid)
    with pytest.raises(PermissionDenied):
        services.ontkoppel(item, actie, actor=getattr(wereld, wie))
    assert ActieKoppeling.objects.count() == 1


@pytest.mark.parametrize("status", ["voorgesteld", "gearchiveerd"])
def test_only_a_published_item_is_linked(wereld, status) -> None:
    with pytest.raises(ValidationError, match="gepubliceerd"):
        services.koppel_aan_actie(wereld.item("Item", status=status), wereld.actie(), actor=wereld.lid)


def test_an_item_is_linked_to_an_action_once(wereld) -> None:
    item, actie = wereld.item("Item"), wereld.actie()
    services.koppel_aan_actie(item, actie, actor=wereld.lid)
    with pytest.raises(ValidationError, match="al gekoppeld"):
        services.koppel_aan_actie(item, actie, actor=wereld.lid)
    with pytest.raises(ValidationError, match="niet gekoppeld"):
        services.ontkoppel(item, wereld.actie("Andere"), actor=wereld.lid)


# --- Counts and links that leak nothing -----------------------------------------------------------


@pytest.fixture
def gebruikt(wereld):
    """One item used in both networks' plans, and in a TLP:RED action of the Vitens plan."""
    item = wereld.item("Veelgebruikt")
    services.koppel_aan_actie(item, wereld.actie("Vitens-actie"), actor=None)
    services.koppel_aan_actie(item, wereld.actie("Evides-actie", plan=wereld.ander_plan), actor=None)
    rood = wereld.actie("Rode actie", tlp=TLP.RED, tlp_ontvangers=[wereld.waarnemer])
    services.koppel_aan_actie(item, rood, actor=None)
    return item


def test_a_member_counts_and_sees_only_plans_he_may_see(wereld, gebruikt) -> None:
    gebruik = gebruik_van_item(gebruikt, wereld.lid)
    assert [k.verbeteractie.titel for k in gebruik.koppelingen] == ["Vitens-actie"]
    assert gebruik.aantal_plannen == 1 and gebruik.totaal_plannen is None
    anders = gebruik_van_item(gebruikt, wereld.buiten)
    assert [k.verbeteractie.titel for k in anders.koppelingen] == ["Evides-actie"]
    assert gebruik_van_item(gebruikt, wereld.stuurgroep).koppelingen == []


def test_the_project_team_sees_the_total_but_no_red_action(wereld, gebruikt) -> None:
    gebruik = gebruik_van_item(gebruikt, wereld.projectteam)
    assert gebruik.totaal_plannen == 2
    assert sorted(k.verbeteractie.titel for k in gebruik.koppelingen) == ["Evides-actie", "Vitens-actie"]


def test_the_item_page_does_not_leak_another_networks_use(client, wereld, gebruikt) -> None:
    client.force_login(wereld.buiten)
    inhoud = client.get(gebruikt.get_absolute_url()).content.decode()
    assert "Gebruikt in 1 actieplan die u kunt inzien" in inhoud
    assert "Evides-actie" in inhoud
    assert "Vitens-actie" not in inhoud and "Rode actie" not in inhoud and "drinkwater-vitens" not in inhoud
    client.force_login(wereld.projectteam)
    inhoud = client.get(gebruikt.get_absolute_url()).content.decode()
    assert "Gebruikt in 2 actieplannen" in inhoud and "Rode actie" not in inhoud


# --- Suggestions ----------------------------------------------------------------------------------


def test_suggestions_share_the_theme_and_a_sector_and_are_not_linked_yet(wereld) -> None:
    actie = Verbeteractie.objects.select_related("actieplan__netwerk").get(
        pk=wereld.actie(thema=wereld.themas[7]).pk
    )
    passend = wereld.item("Passend")
    gekoppeld = wereld.item("Al gekoppeld")
    services.koppel_aan_actie(gekoppeld, actie, actor=None)
    wereld.item("Ander thema", themas=[wereld.themas[0]])
    wereld.item("Andere sector", sectoren=[wereld.elektriciteit])
    wereld.item("Voorstel", status="voorgesteld")
    wereld.item("Rood", tlp=TLP.RED)
    assert suggesties_voor_actie(actie, wereld.lid) == [passend]
    assert [i.titel for i in suggesties_voor_actie(actie, wereld.projectteam)] == ["Passend", "Rood"]


def test_suggestions_are_limited_and_recently_reviewed_first(wereld) -> None:
    import datetime

    actie = wereld.actie()
    for dag in range(1, 8):
        wereld.item(f"Item {dag}", laatst_beoordeeld=datetime.date(2026, 1, dag))
    assert [i.titel for i in suggesties_voor_actie(actie, wereld.lid, limiet=3)] == [
        "Item 7",
        "Item 6",
        "Item 5",
    ]


def test_my_actions_are_the_open_actions_i_may_change(wereld) -> None:
    item = wereld.item("Item")
    eigen = wereld.actie("Eigen")
    wereld.actie("Gereed", status="gereed", voortgang=100)
    wereld.actie("Andermans", plan=wereld.ander_plan)
    gekoppeld = wereld.actie("Al gekoppeld")
    services.koppel_aan_actie(item, gekoppeld, actor=wereld.lid)
    assert list(mijn_acties(wereld.lid, zonder_item=item)) == [eigen]
    assert not mijn_acties(wereld.waarnemer).exists()
    assert not mijn_acties(wereld.projectteam).exists()


# --- Views and the include for the action page ----------------------------------------------------


def test_linking_from_the_item_page(client, wereld) -> None:
    item, actie = wereld.item("Item"), wereld.actie("Mijn actie")
    client.force_login(wereld.lid)
    pagina = client.get(item.get_absolute_url()).content.decode()
    assert f'<option value="{actie.pk}">Mijn actie (Thema 8)</option>' in pagina
    response = client.post(reverse("menukaart:koppel", args=[item.pk]), {"actie": actie.pk})
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    assert ActieKoppeling.objects.filter(item=item, verbeteractie=actie).exists()
    response = client.post(
        reverse("menukaart:ontkoppel", args=[item.pk]), {"actie": actie.pk, "next": "/netwerken/"}
    )
    assert response.url == "/netwerken/"
    assert not ActieKoppeling.objects.exists()


def test_linking_a_hidden_action_is_a_404_and_a_read_only_one_a_403(client, wereld) -> None:
    item = wereld.item("Item")
    client.force_login(wereld.buiten)
    assert (
        client.post(reverse("menukaart:koppel", args=[item.pk]), {"actie": wereld.actie().pk}).status_code
        == 404
    )
    client.force_login(wereld.waarnemer)
    assert (
        client.post(reverse("menukaart:koppel", args=[item.pk]), {"actie": wereld.actie().pk}).status_code
        == 403
    )
    client.force_login(wereld.lid)
    response = client.post(reverse("menukaart:koppel", args=[item.pk]), {"actie": "geen getal"})
    assert response.status_code == 302
    assert not ActieKoppeling.objects.exists()


def test_the_include_for_the_action_page(wereld) -> None:
    actie = Verbeteractie.objects.select_related("actieplan__netwerk", "thema").get(
        pk=wereld.actie("Actie").pk
    )
    gekoppeld, suggestie = wereld.item("Gekoppeld item"), wereld.item("Suggestie-item")
    services.koppel_aan_actie(gekoppeld, actie, actor=None)
    request = RequestFactory().get("/netwerken/drinkwater-vitens/actieplan/acties/1/")
    request.user = wereld.lid
    html = Template("{% load menukaart %}{% menukaart_bij_actie actie %}").render(
        Context({"actie": actie, "request": request, "csrf_token": "t"})
    )
    assert "Gekoppeld item" in html and "Suggestie-item" in html
    assert f'action="{reverse("menukaart:koppel", args=[suggestie.pk])}"' in html
    assert f'action="{reverse("menukaart:ontkoppel", args=[gekoppeld.pk])}"' in html
    assert 'name="next" value="/netwerken/drinkwater-vitens/actieplan/acties/1/"' in html
    context = menukaart_bij_actie(actie, wereld.waarnemer)
    assert context["mag_koppelen"] is False and [k.item for k in context["koppelingen"]] == [gekoppeld]
