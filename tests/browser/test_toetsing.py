"""The BC manager assesses an agenda item in a real browser; htmx saves it without a page load."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from actieplannen.demo import laad_actieplan_demo
from actieplannen.models import Beoordeling
from agenda.models import Agenda

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"
URL = "/netwerken/drinkwater-vitens/toetsing/"


@pytest.fixture
def demo(settings, live_server) -> None:
    """Reference and demo data (with the example agendas), then the example toetsing and plans."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)
    if not Agenda.objects.filter(sector__slug="drinkwater", huidig=True).exists():
        from tests.factories import maak_agenda  # the agenda demo was not loaded: a plain agenda

        maak_agenda("drinkwater", afspraken=12, status="vastgesteld")
    laad_actieplan_demo()


def test_the_bc_manager_assesses_an_item_without_a_page_load(
    demo, inloggen, live_server, axe_controle
) -> None:
    beoordeeld = Beoordeling.objects.filter(netwerk__slug="drinkwater-vitens").count()
    totaal = Agenda.objects.get(sector__slug="drinkwater", huidig=True).afspraken.count()
    assert beoordeeld < totaal, "the demo leaves items to assess"
    page = inloggen("bcm@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Toetsing Drinkwater Vitens")
    teller = page.locator("#toetsing-voortgang .toetsing-voortgang__teller")
    expect(teller).to_contain_text(f"{beoordeeld} van {totaal} beoordeeld")
    assert axe_controle() == []

    # A marker in the page's JavaScript state: a full page load would wipe it.
    page.evaluate("window.zelfdePagina = true")
    item_id = page.locator(".toetsitem--leeg").first.get_attribute("id")
    item = page.locator(f"#{item_id}")

    # Without an explanation the answer is refused at the item; nothing is stored.
    item.get_by_label("deels", exact=True).check()
    item.get_by_role("button", name="Opslaan").click()
    expect(item.get_by_role("alert")).to_contain_text("Licht toe waarom deze afspraak deels is.")
    expect(teller).to_contain_text(f"{beoordeeld} van {totaal} beoordeeld")
    assert axe_controle() == []

    item.get_by_label("open", exact=True).check()
    item.get_by_role("textbox").fill("Nog geen afspraken gemaakt; dit pakken we op in het actieplan.")
    item.get_by_role("button", name="Opslaan").click()

    expect(teller).to_contain_text(f"{beoordeeld + 1} van {totaal} beoordeeld")
    expect(item).to_have_class("toetsitem toetsitem--open")  # the swapped-in item
    expect(item.get_by_text("Beoordeling opgeslagen.")).to_be_visible()
    expect(item.get_by_label("Verbeteractie maken")).to_be_visible()
    expect(item.get_by_role("button", name="Opslaan")).to_be_focused()
    expect(page.locator("#toetsing-melding")).to_contain_text("opgeslagen: open")
    assert page.evaluate("window.zelfdePagina") is True
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert Beoordeling.objects.filter(netwerk__slug="drinkwater-vitens", status="open").count() >= 1
    assert Beoordeling.objects.filter(netwerk__slug="drinkwater-vitens").count() == beoordeeld + 1
    assert axe_controle() == []


def test_the_observer_reads_the_toetsing_without_forms(demo, inloggen, live_server, axe_controle) -> None:
    page = inloggen("waarnemer@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_text("U kunt deze toetsing lezen.")).to_be_visible()
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)
    expect(page.get_by_role("link", name="LCMS-toegang voor Vitens")).to_be_visible()
    assert axe_controle() == []
