"""Logging in through the real login form in Chromium: accessible, Dutch, keyboard-friendly."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from netwerken.models import Gebruiker, Organisatie

pytestmark = pytest.mark.browser

WACHTWOORD = "veilig-en-lang-2026"


@pytest.fixture
def anne(transactional_db: None) -> Gebruiker:
    organisatie = Organisatie.objects.create(
        code="ministerie-jenv",
        naam="Ministerie van Justitie en Veiligheid",
        korte_naam="JenV",
        soort=Organisatie.Soort.MINISTERIE,
    )
    return Gebruiker.objects.create_user(
        email="anne@jenv.example", password=WACHTWOORD, naam="Anne de Vries", organisatie=organisatie
    )


def test_it_shows_an_accessible_login_page(page: Page, live_server, axe_controle) -> None:
    page.goto(f"{live_server.url}{reverse('login')}")

    expect(page).to_have_title("Inloggen — Continuïteitportaal")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    expect(page.get_by_role("link", name="Wachtwoord vergeten?")).to_be_visible()
    assert axe_controle() == []


def test_it_explains_a_wrong_password_in_dutch(page: Page, live_server, inloggen, anne, axe_controle) -> None:
    inloggen(anne.email, "niet-mijn-wachtwoord")

    assert page.url.startswith(f"{live_server.url}{reverse('login')}")
    expect(page.get_by_role("alert")).to_contain_text("Voer een juiste e-mailadres en wachtwoord in.")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_have_count(0)
    assert axe_controle() == []


def test_it_logs_in_to_mijn_overzicht_and_out_again(page: Page, live_server, inloggen, anne) -> None:
    overzicht = reverse("mijn_overzicht")

    inloggen(anne.email, WACHTWOORD)

    assert page.url == f"{live_server.url}{overzicht}"
    kop = page.get_by_role("banner")
    expect(kop).to_contain_text("Anne de Vries")
    expect(kop).to_contain_text("JenV")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Mijn overzicht")).to_have_attribute("aria-current", "page")
    expect(menu.get_by_role("link", name="Netwerken")).not_to_have_attribute("aria-current", "page")

    with page.expect_navigation():
        kop.get_by_role("button", name="Uitloggen").click()
    assert page.url.startswith(f"{live_server.url}{reverse('login')}")
    expect(page.get_by_role("banner")).not_to_contain_text("Anne de Vries")


def test_it_sends_a_login_back_to_the_page_asked_for(page: Page, live_server, inloggen, anne) -> None:
    netwerken = reverse("netwerken:lijst")

    page.goto(f"{live_server.url}{netwerken}")
    assert page.url.startswith(f"{live_server.url}{reverse('login')}?next=")
    expect(page.get_by_text("Log in om verder te gaan.")).to_be_visible()

    inloggen(anne.email, WACHTWOORD, volgende=netwerken)

    assert page.url == f"{live_server.url}{netwerken}"
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Netwerken")
    ).to_have_attribute("aria-current", "page")


def test_it_makes_the_skip_link_the_first_tab_stop(page: Page, live_server) -> None:
    # The login page autofocuses its e-mail field (Django's AuthenticationForm), so start from a
    # page without autofocus, as a keyboard user arriving anywhere else would.
    page.goto(f"{live_server.url}{reverse('password_reset')}")

    page.keyboard.press("Tab")

    skiplink = page.get_by_role("link", name="Naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    assert re.search(r"#inhoud$", page.url)
