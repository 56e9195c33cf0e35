"""The monitoring dashboard in a real browser: the stuurgroep sees figures, never an action."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from actieplannen.models import Verbeteractie
from monitoring.models import Momentopname

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"
URL = "/monitoring/"


@pytest.fixture
def demo(settings, live_server) -> None:
    """Reference and demo data, including the demo plans and 24 months of snapshots."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)
    assert Verbeteractie.objects.exists() and Momentopname.objects.count() >= 24


def test_the_stuurgroep_sees_figures_and_no_individual_actions(demo, inloggen, axe_controle) -> None:
    page = inloggen("stuurgroep@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring")
    expect(page.get_by_role("heading", name="Kerncijfers")).to_be_visible()
    totaal = Verbeteractie.objects.exclude(tlp="red").count()
    expect(page.locator(".kerncijfers dd").first).to_have_text(str(totaal))
    # Charts are drawn on the server and named for screen readers.
    expect(page.get_by_role("img", name="Verbeteracties per sector, naar status")).to_be_visible()
    expect(page.get_by_role("img", name="Verloop per maand (momentopnamen)")).to_be_visible()

    hoofdinhoud = page.locator("main").inner_text()
    titels = list(Verbeteractie.objects.values_list("titel", flat=True))
    assert titels
    for titel in titels:
        assert titel not in hoofdinhoud, titel
    assert page.locator("main a[href*='/actieplan']").count() == 0

    # The table alternative opens with the keyboard.
    samenvatting = page.locator("summary", has_text="Tabel bij de grafiek: verbeteracties per sector")
    samenvatting.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("table", name="Verbeteracties per sector")).to_be_visible()

    assert axe_controle() == []


def test_a_member_of_a_network_gets_the_explanation_instead(demo, inloggen) -> None:
    page = inloggen("bcm@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang tot monitoring")
    expect(page.get_by_role("link", name="Monitoring")).to_have_count(0)


def test_the_project_team_filters_by_sector_and_sees_a_clear_message_for_a_bad_period(
    demo, inloggen, axe_controle
) -> None:
    page = inloggen("projectteam@demo.nl", WACHTWOORD, volgende=URL)
    page.get_by_label("Sector", exact=True).select_option(label="Elektriciteit")
    page.get_by_label("Periode van", exact=True).fill("2026-06-01")
    page.get_by_label("tot en met", exact=True).fill("2026-01-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_role("alert")).to_contain_text("De einddatum van de periode ligt voor de begindatum")
    expect(page.locator("main")).to_contain_text("in de sector Elektriciteit")
    assert axe_controle() == []
