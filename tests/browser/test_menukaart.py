"""The menukaart in a real browser (issue 5, item 9): search, open, use an item in an action; publish a proposal."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from playwright.sync_api import expect

from actieplannen.services import voeg_actie_toe, zorg_voor_actieplan
from agenda.models import Thema
from menukaart.demo import laad_menukaart_demo
from menukaart.models import ActieKoppeling, MenukaartItem
from menukaart.startinhoud import laad_startinhoud
from netwerken.models import Gebruiker, Netwerk, Organisatie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"


@pytest.fixture
def demo(settings, live_server, tmp_path) -> None:
    """Reference data, demo accounts and the menukaart content, as `make run` loads them."""
    settings.DEMO_DATA_TOEGESTAAN = True
    settings.PRIVE_BESTANDEN = tmp_path / "prive"
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)
    # A transactional test empties the database afterwards, including the group permissions the
    # data migrations granted; the next test's loaders recreate the group without them.
    Group.objects.get(name=settings.GROEP_PROJECTTEAM).permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["menukaart", "agenda"]),
        *Permission.objects.filter(content_type__app_label="netwerken", codename="view_netwerk"),
    )
    laad_startinhoud()
    laad_menukaart_demo()


def test_the_bc_manager_finds_an_item_and_uses_it_in_a_vitens_action(
    demo, inloggen, live_server, axe_controle
) -> None:
    bcm = Gebruiker.objects.get(email="bcm@demo.nl")
    plan = zorg_voor_actieplan(Netwerk.objects.get(slug="drinkwater-vitens"), actor=None)
    actie = voeg_actie_toe(
        plan,
        actor=bcm,
        titel="Uitgiftepunten voor nooddrinkwater vastleggen",
        thema=Thema.objects.get(nummer=8),
        organisatie=Organisatie.objects.get(code="vitens"),
        eigenaar=bcm,
    )
    item = MenukaartItem.objects.get(code="demo-noodwater-distributie")

    page = inloggen("bcm@demo.nl", WACHTWOORD, volgende="/menukaart/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Menukaart")
    page.get_by_label("Zoek in de menukaart").fill('"noodwater distributie"')
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=%22noodwater\+distributie%22"))
    expect(page.get_by_role("status").filter(has_text="1 item gevonden")).to_be_visible()
    assert axe_controle() == []

    page.get_by_role("link", name=item.titel).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(item.titel)
    expect(page.get_by_text("Voorbeeldinhoud:")).to_be_visible()
    expect(page.get_by_text("Nog niet gebruikt in een actieplan dat u kunt inzien.")).to_be_visible()
    assert axe_controle() == []

    page.get_by_label("Gebruik dit item in een van uw acties").select_option(
        label=f"{actie.titel} (Tijdelijke noodvoorzieningen, capaciteiten en distributie)"
    )
    page.get_by_role("button", name="Koppelen", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="is gekoppeld aan de actie")).to_be_visible()
    expect(page.get_by_text("Gebruikt in 1 actieplan die u kunt inzien.")).to_be_visible()
    expect(page.get_by_role("link", name=actie.titel)).to_have_attribute("href", actie.get_absolute_url())
    assert ActieKoppeling.objects.filter(item=item, verbeteractie=actie, gekoppeld_door=bcm).exists()


def test_the_project_team_publishes_a_proposal(demo, inloggen, live_server, axe_controle) -> None:
    voorstel = MenukaartItem.objects.get(code="demo-voorstel-noodwaterpunten")
    assert voorstel.status == "voorgesteld"

    page = inloggen("projectteam@demo.nl", WACHTWOORD, volgende="/menukaart/curatie/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Curatie van de menukaart")
    assert axe_controle() == []
    rij = page.get_by_role("row", name=re.compile(re.escape(voorstel.titel)))
    rij.get_by_role("button", name=re.compile(r"^Publiceren")).click()

    expect(page.get_by_role("status").filter(has_text=f"„{voorstel.titel}” is gepubliceerd")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(re.escape(voorstel.titel)))).to_have_count(0)
    voorstel.refresh_from_db()
    assert voorstel.status == "gepubliceerd"
    assert voorstel.history.first().history_user.email == "projectteam@demo.nl"

    page.get_by_role("link", name="Zoeken in de menukaart").click()
    page.get_by_label("Zoek in de menukaart").fill("noodwaterpunten")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_role("link", name=voorstel.titel)).to_be_visible()
