"""What a coordinator and an outsider do with networks in a real browser (issue: foundation)."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from netwerken.models import Gebruiker, Organisatie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"


@pytest.fixture
def demo(settings, live_server) -> None:
    """Reference and demo data in the live server's database, as `make run` loads them."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)


def test_the_coordinator_adds_a_member_and_sees_it_in_the_history(
    demo, inloggen, live_server, axe_controle
) -> None:
    nieuwe = Gebruiker.objects.create_user(
        email="collega@vitens-demo.nl",
        password=WACHTWOORD,
        naam="Collega Demo-Vitens",
        organisatie=Organisatie.objects.get(code="vitens"),
    )
    page = inloggen("adviseur@demo.nl", WACHTWOORD)
    expect(page).to_have_url(re.compile(r"/$"))
    page.get_by_role("link", name="Netwerken", exact=True).click()
    assert axe_controle() == []
    page.get_by_role("link", name="Drinkwater Vitens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drinkwater Vitens")
    expect(page.get_by_text("10 regio's, 8 volledig, 2 deels")).to_be_visible()
    assert axe_controle() == []

    page.get_by_label("Persoon", exact=True).select_option(label=f"{nieuwe.naam} — Vitens")
    page.get_by_label("Rol in het netwerk").select_option("lid")
    page.get_by_role("button", name="Toevoegen").click()

    expect(page.get_by_role("status").filter(has_text="is toegevoegd als lid")).to_be_visible()
    expect(page.locator("#leden").get_by_role("rowheader", name=nieuwe.naam)).to_be_visible()
    # The change is on the network's history page, one link away.
    page.get_by_role("link", name="wijzigingen in dit netwerk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wijzigingen in het netwerk")
    assert axe_controle() == []
    historie = page.locator(".historie__item").first
    expect(historie).to_contain_text(f"Lid {nieuwe.naam} toegevoegd")
    expect(historie).to_contain_text("Anne Demo-de Vries")


def test_an_outsider_gets_the_not_found_page(demo, inloggen, live_server, axe_controle) -> None:
    page = inloggen("buiten@demo.nl", WACHTWOORD)
    response = page.goto(f"{live_server.url}/netwerken/drinkwater-vitens/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    expect(page.get_by_text("Drinkwater Vitens")).to_have_count(0)
    page.goto(f"{live_server.url}/netwerken/")
    expect(page.get_by_role("link", name="Drinkwater Evides")).to_be_visible()
    expect(page.get_by_role("link", name="Drinkwater Vitens")).to_have_count(0)
    assert axe_controle() == []
