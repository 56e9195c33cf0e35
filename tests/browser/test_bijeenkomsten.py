"""Convening in a real browser (issue item 9): the adviser convenes a network meeting of Drinkwater
Vitens and invites the network; the BC manager accepts from the link in his e-mail; after the
meeting the adviser records a decision that creates an action, which then appears in the Vitens plan.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from actieplannen.models import Verbeteractie
from bijeenkomsten.models import Besluit, Bijeenkomst, Genodigde
from netwerken.models import Gebruiker, Netwerk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"
NETWERK = "/netwerken/drinkwater-vitens/"


@pytest.fixture
def demo(settings, live_server) -> Netwerk:
    """Reference and demo data: Drinkwater Vitens with adviseur@ (coordinator) and bcm@ (member)."""
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)
    return Netwerk.objects.get(slug="drinkwater-vitens")


def _antwoordlink(email: str, titel: str) -> str:
    """The path of the response link in the invitation to meeting `titel` mailed to `email`."""
    (bericht,) = [m for m in mail.outbox if email in m.to and m.subject.startswith(f"Uitnodiging: {titel}")]
    assert bericht.attachments  # the calendar item (.ics)
    (link,) = set(re.findall(r"https?://\S+/bijeenkomsten/antwoord/[\w-]+/", bericht.body))
    return urlparse(link).path


def test_the_adviser_convenes_the_network_and_a_decision_becomes_an_action(
    demo, inloggen, live_server, axe_controle, page
) -> None:
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    # The adviser convenes a meeting from the network page and invites the whole network.
    page = inloggen("adviseur@demo.nl", WACHTWOORD, volgende=NETWERK)
    page.get_by_role("link", name="Bijeenkomst beleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomst beleggen")
    page.get_by_label(re.compile(r"^Titel")).fill("Netwerkoverleg nooddrinkwater")
    page.get_by_label(re.compile(r"^Datum")).fill(morgen.isoformat())
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("16:00")
    page.get_by_label("Locatie").fill("Veiligheidsregio IJsselland, Zwolle")
    page.get_by_role("button", name="Bijeenkomst beleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deelnemers uitnodigen")
    page.get_by_role("button", name="Hele netwerk uitnodigen").click()

    bijeenkomst = Bijeenkomst.objects.get(titel="Netwerkoverleg nooddrinkwater")
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerkoverleg nooddrinkwater")
    expect(page.get_by_role("status").filter(has_text="uitgenodigd")).to_be_visible()
    leden = demo.lidmaatschappen.count()
    assert bijeenkomst.genodigden.count() == leden
    assert (bijeenkomst.netwerk, bijeenkomst.georganiseerd_door.email) == (demo, "adviseur@demo.nl")
    expect(page.locator("#genodigden")).to_contain_text("Bart Demo-Visser")
    assert axe_controle() == []

    # The BC manager accepts from the link in his invitation (no login needed).
    page.goto(live_server.url + _antwoordlink("bcm@demo.nl", "Netwerkoverleg nooddrinkwater"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerkoverleg nooddrinkwater")
    expect(page.get_by_text("Uitnodiging voor Bart Demo-Visser")).to_be_visible()
    page.get_by_role("button", name="Ik kom").click()
    expect(page.get_by_role("status").filter(has_text="Uw antwoord is opgeslagen")).to_contain_text(
        "accepteert"
    )
    bcm = Gebruiker.objects.get(email="bcm@demo.nl")
    assert bijeenkomst.genodigden.get(gebruiker=bcm).antwoord == Genodigde.Antwoord.ACCEPTEERT

    # The adviser sees the answer on the meeting page (responses counted per answer).
    page.goto(live_server.url + bijeenkomst.get_absolute_url())
    expect(page.locator(".antwoordtelling__item--accepteert")).to_contain_text("1")
    # Before the meeting no decisions can be recorded yet.
    expect(page.get_by_role("link", name="Besluit vastleggen")).to_have_count(0)

    # The meeting takes place: move it into the past (the test's stand-in for the clock).
    nu = timezone.now()
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
        begin=nu - datetime.timedelta(hours=3), einde=nu - datetime.timedelta(hours=1)
    )

    # Afterwards the adviser records a decision that creates an action in the Vitens plan.
    page.reload()
    page.get_by_role("link", name="Besluit vastleggen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluit vastleggen")
    page.get_by_label(re.compile(r"^Besluit")).fill(
        "Vitens en de regio's regelen nooddrinkwater voor zorginstellingen."
    )
    page.get_by_label("Maak een nieuwe verbeteractie").check()
    page.get_by_label("Titel van de nieuwe actie").fill("Nooddrinkwater voor zorginstellingen regelen")
    page.get_by_label("Thema").select_option(index=1)
    page.get_by_label("Eigenaar", exact=True).select_option(label="Bart Demo-Visser — Vitens")
    page.get_by_label("Einddatum", exact=True).fill((morgen + datetime.timedelta(days=120)).isoformat())
    assert axe_controle() == []
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page.get_by_role("status").filter(has_text="Besluit 1 is vastgelegd")).to_be_visible()
    besluit = Besluit.objects.get(bijeenkomst=bijeenkomst)
    actie = Verbeteractie.objects.get(titel="Nooddrinkwater voor zorginstellingen regelen")
    assert besluit.verbeteractie == actie and actie.actieplan.netwerk == demo
    assert (actie.eigenaar, actie.organisatie.code) == (bcm, "vitens")
    besluiten = page.locator("#besluiten")
    expect(besluiten).to_contain_text("Vitens en de regio's regelen nooddrinkwater")
    besluiten.get_by_role("link", name="Nooddrinkwater voor zorginstellingen regelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nooddrinkwater voor zorginstellingen regelen")

    # The action is in the Vitens plan.
    page.goto(live_server.url + f"{NETWERK}actieplan/")
    expect(page.locator(f"#actie-{actie.pk}")).to_contain_text("Nooddrinkwater voor zorginstellingen regelen")


def test_the_meeting_list_month_view_and_meeting_page_pass_axe(
    demo, inloggen, live_server, axe_controle
) -> None:
    from bijeenkomsten import services

    adviseur = Gebruiker.objects.get(email="adviseur@demo.nl")
    dag = timezone.localdate() + datetime.timedelta(days=2)
    begin = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(10)))
    bijeenkomst = services.plan_bijeenkomst(
        soort="netwerk",
        titel="Netwerkoverleg",
        netwerk=demo,
        begin=begin,
        einde=begin + datetime.timedelta(hours=2),
        locatie="Zwolle",
        online_link="https://vergaderen.example/vitens",
        actor=adviseur,
    )
    services.nodig_uit(bijeenkomst, alle_leden=True, actor=adviseur)
    for titel in ("Opening", "Nooddrinkwater", "Rondvraag"):
        services.voeg_agendapunt_toe(bijeenkomst, titel=titel, actor=adviseur)

    page = inloggen("bcm@demo.nl", WACHTWOORD, volgende="/bijeenkomsten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomsten")
    expect(page.get_by_role("link", name="Netwerkoverleg")).to_be_visible()
    assert axe_controle() == []

    page.get_by_role("link", name="Maandoverzicht").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bijeenkomsten in")
    assert axe_controle() == []

    page.goto(live_server.url + bijeenkomst.get_absolute_url())
    assert axe_controle() == []
    # Responding in the portal swaps the response block without a page load (htmx).
    page.evaluate("window.__marker = 1")
    page.get_by_role("button", name="Onder voorbehoud").click()
    expect(page.locator("#mijn-antwoord")).to_contain_text("onder voorbehoud")
    expect(page.locator("#antwoord-melding")).to_have_text("Uw antwoord is opgeslagen: onder voorbehoud.")
    assert page.evaluate("window.__marker") == 1
    assert axe_controle() == []


def test_the_project_team_convenes_no_network_meeting_and_attendance_passes_axe(
    demo, inloggen, live_server, axe_controle
) -> None:
    """Issue 7: the network page offers the project team no "Bijeenkomst beleggen"; its convene
    form offers the other kinds only. Issue 4: the attendance page (with the hidden "shown" value
    per invitee) passes axe and saves what the coordinator changed."""
    page = inloggen("projectteam@demo.nl", WACHTWOORD, volgende=NETWERK)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Bijeenkomst beleggen")).to_have_count(0)
    page.goto(live_server.url + "/bijeenkomsten/nieuw/")
    expect(page.get_by_role("radio", name="netwerkbijeenkomst")).to_have_count(0)
    expect(page.get_by_role("radio", name="toetsbijeenkomst")).to_be_visible()
    assert axe_controle() == []

    vorige = Bijeenkomst.objects.get(titel="Netwerkbijeenkomst Vitens: toetsing aan de agenda")
    bcm = vorige.genodigden.get(gebruiker__email="bcm@demo.nl")
    assert bcm.aanwezig is True
    page.context.clear_cookies()  # log out: the adviser logs in next
    page = inloggen("adviseur@demo.nl", WACHTWOORD, volgende=f"/bijeenkomsten/{vorige.pk}/aanwezigheid/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanwezigheid")
    assert axe_controle() == []
    page.get_by_role("group", name=re.compile(bcm.gebruiker.naam)).get_by_label("afwezig").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("De aanwezigheid is opgeslagen.")).to_be_visible()
    bcm.refresh_from_db()
    assert bcm.aanwezig is False
