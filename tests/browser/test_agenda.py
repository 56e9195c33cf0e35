"""The project team re-ranks, submits and adopts a sector agenda; a BC-manager sees it as current (issue 3)."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from agenda import services
from agenda.models import Agenda, Thema
from netwerken.models import Gebruiker, Sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"


@pytest.fixture
def demo(settings, live_server) -> None:
    """Reference and demo data in the live server's database, as `make run` loads them."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)


@pytest.fixture
def concept(demo) -> Agenda:
    """A concept version of the drinking-water agenda with at least eight items.

    Made through the services; a copy of the adopted version when the demo loader brought one.
    """
    projectteam = Gebruiker.objects.get(email="projectteam@demo.nl")
    sector = Sector.objects.get(slug="drinkwater")
    agenda = Agenda.objects.filter(sector=sector).exclude(status=Agenda.Status.VASTGESTELD).first()
    if agenda is not None and agenda.status == Agenda.Status.VOORGELEGD:
        services.agenda_terug_naar_concept(agenda, actor=projectteam)
    elif agenda is None:
        agenda = services.nieuwe_agendaversie(sector, actor=projectteam)
    themas = list(Thema.objects.order_by("nummer"))
    for i in range(agenda.afspraken.count(), 8):
        services.voeg_afspraak_toe(
            agenda,
            thema=themas[i % len(themas)],
            titel=f"Browserafspraak {i + 1}: gezamenlijke oefening drinkwater",
            omschrijving="Bedrijf en veiligheidsregio oefenen de uitval samen.",
            actor=projectteam,
        )
    agenda.refresh_from_db()
    return agenda


def test_the_project_team_adopts_a_re_ranked_agenda_and_a_bc_manager_sees_it(
    concept, inloggen, live_server, axe_controle
) -> None:
    zevende = concept.afspraken.get(rang=7).titel
    versie = concept.versie

    page = inloggen("projectteam@demo.nl", WACHTWOORD)
    page.get_by_role("link", name="Agenda", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda per sector")
    assert axe_controle() == []
    page.get_by_role("link", name=f"Versie {versie} van Drinkwater").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Agenda Drinkwater, versie {versie}")

    # Move the seventh agreement into the top five.
    page.get_by_label(f"Nieuwe rang voor {zevende}").fill("2")
    # Chromium puts a space before the visually hidden part of a name: "Verplaats : <titel>".
    page.get_by_role("button", name=re.compile(rf"^Verplaats ?: {re.escape(zevende)}$")).click()
    expect(page.get_by_role("status").filter(has_text="staat nu op rang 2")).to_contain_text(
        "hoort bij de top vijf"
    )
    expect(page.locator(".top-vijf")).to_contain_text(zevende)
    assert axe_controle() == []

    # Submit, record the CVI's decision, adopt.
    page.get_by_role("button", name="Voorleggen", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=f"Versie {versie} is voorgelegd")).to_be_visible()
    page.get_by_label("Orgaan").select_option(label="Commissie Vitale Infrastructuur (VNO-NCW)")
    page.get_by_role("combobox", name="Besluit", exact=True).select_option("vastgesteld")
    page.get_by_label("Datum van het besluit").fill("2017-05-01")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status").filter(has_text="Commissie Vitale Infrastructuur")).to_contain_text(
        "is vastgelegd"
    )
    assert axe_controle() == []
    page.get_by_role("button", name="Vaststellen", exact=True).click()
    expect(page).to_have_url(re.compile(r"/agenda/drinkwater/$"))
    expect(page.get_by_role("status")).to_contain_text(
        f"Versie {versie} is vastgesteld en is nu de huidige agenda van Drinkwater"
    )
    page.get_by_role("button", name="Uitloggen").click()

    # The BC-manager of Vitens now reads that version as the current agenda.
    page = inloggen("bcm@demo.nl", WACHTWOORD)
    page.goto(f"{live_server.url}/agenda/drinkwater/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda Drinkwater")
    expect(page.locator(".documentgegevens")).to_contain_text(f"Versie {versie}")
    expect(page.locator(".documentgegevens")).to_contain_text("huidige versie")
    top_vijf = page.locator(".top-vijf li")
    expect(top_vijf).to_have_count(5)
    expect(top_vijf.nth(1)).to_contain_text(zevende)
    expect(page.get_by_role("button", name=re.compile("Verplaats|Nieuwe versie"))).to_have_count(0)
    assert axe_controle() == []
    page.goto(f"{live_server.url}/agenda/")
    expect(page.get_by_role("row", name=re.compile("^Drinkwater"))).to_contain_text(f"Versie {versie}")
    assert axe_controle() == []
