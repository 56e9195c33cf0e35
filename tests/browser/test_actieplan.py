"""The action plan in a real browser: inline editing without a page load, submitting and consent."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from actieplannen import services
from actieplannen.models import Actieplan, Instemming, Verbeteractie
from agenda.models import Thema
from netwerken.models import Gebruiker, Netwerk, Organisatie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"
URL = "/netwerken/drinkwater-vitens/actieplan/"


@pytest.fixture
def plan(settings, live_server) -> Actieplan:
    """Reference and demo data; the Vitens plan in concept with complete actions."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)
    netwerk = Netwerk.objects.get(slug="drinkwater-vitens")
    adviseur = Gebruiker.objects.get(email="adviseur@demo.nl")
    plan = services.zorg_voor_actieplan(netwerk, actor=adviseur)
    if not plan.acties.exists():  # the demo has no actions (yet): two complete ones
        bcm = Gebruiker.objects.get(email="bcm@demo.nl")
        vitens = Organisatie.objects.get(code="vitens")
        for nummer, titel in [(8, "Nooddrinkwater voor zorginstellingen"), (4, "Oefening uitval drinkwater")]:
            services.voeg_actie_toe(
                plan,
                actor=adviseur,
                titel=titel,
                thema=Thema.objects.get(nummer=nummer),
                organisatie=vitens,
                eigenaar=bcm,
                einddatum=datetime.date.today() + datetime.timedelta(days=90),
                kostenraming=Decimal(5000),
                aandeel_bedrijf=Decimal(5000),
            )
    assert plan.status == Actieplan.Status.CONCEPT
    return plan


def test_the_bc_manager_edits_progress_inline_without_a_page_load(
    plan, inloggen, live_server, axe_controle
) -> None:
    bcm = Gebruiker.objects.get(email="bcm@demo.nl")
    actie = Verbeteractie.objects.visible_to(bcm).filter(actieplan=plan).order_by("pk").first()
    nieuw = 65 if actie.voortgang != 65 else 70
    page = inloggen("bcm@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(plan.titel)
    assert axe_controle() == []

    page.evaluate("window.__marker = 1")  # a full page load would wipe it
    rij = page.locator(f"#actie-{actie.pk}")
    rij.get_by_role("link", name=re.compile("^Wijzig")).click()
    voortgang = rij.get_by_label("Voortgang (%)")
    expect(voortgang).to_have_value(str(actie.voortgang))
    assert axe_controle() == []
    voortgang.fill(str(nieuw))
    rij.get_by_role("button", name=re.compile("^Opslaan")).click()

    expect(rij.get_by_role("status")).to_have_text("Opgeslagen")
    expect(rij).to_contain_text(f"{nieuw}%")
    assert page.evaluate("window.__marker") == 1
    actie.refresh_from_db()
    assert actie.voortgang == nieuw
    assert actie.history.first().history_user == bcm

    # Escape puts the read-only row back without saving.
    rij.get_by_role("link", name=re.compile("^Wijzig")).click()
    rij.get_by_label("Voortgang (%)").fill("5")
    rij.get_by_label("Voortgang (%)").press("Escape")
    expect(rij.get_by_label("Voortgang (%)")).to_have_count(0)
    expect(rij).to_contain_text(f"{nieuw}%")
    assert page.evaluate("window.__marker") == 1
    actie.refresh_from_db()
    assert actie.voortgang == nieuw


def test_the_adviser_submits_and_the_bc_manager_consents_for_vitens(
    plan, inloggen, live_server, axe_controle
) -> None:
    page = inloggen("adviseur@demo.nl", WACHTWOORD, volgende=URL)
    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_role("status").filter(has_text="ligt ter instemming")).to_be_visible()
    plan.refresh_from_db()
    assert plan.status == Actieplan.Status.TER_INSTEMMING and plan.versie == 1
    vitens_rij = page.locator("#instemming-vitens")
    expect(vitens_rij).to_contain_text("nog geen besluit")
    assert axe_controle() == []

    page.get_by_role("button", name="Uitloggen").click()
    page = inloggen("bcm@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_text("U spreekt zich uit namens Vitens")).to_be_visible()
    page.get_by_label("Instemmen").check()
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page.get_by_role("status").filter(has_text="Vitens stemt in met versie 1.")).to_be_visible()
    vitens_rij = page.locator("#instemming-vitens")
    expect(vitens_rij).to_contain_text("stemt in")
    expect(vitens_rij).to_contain_text("Bart Demo-Visser")
    expect(page.locator("#instemming")).to_contain_text("1 van")
    instemming = Instemming.objects.get(actieplan=plan)
    assert (instemming.organisatie.code, instemming.namens, instemming.versie) == ("vitens", False, 1)
    assert axe_controle() == []
