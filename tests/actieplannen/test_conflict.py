"""No lost update (§8): two people edit the same action or plan; the second save is refused with a
409 that says what changed and by whom, keeps his input, and the first save stays in the database."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from actieplannen.models import Actieplan, Verbeteractie

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _clients(vitens) -> tuple[Client, Client]:
    eerste, tweede = Client(), Client()
    eerste.force_login(vitens.bcm)
    tweede.force_login(vitens.coordinator)
    return eerste, tweede


def _revisie(response) -> int:
    return int(re.search(r'name="revisie" value="(\d+)"', response.content.decode()).group(1))


def _actieformulier(actie: Verbeteractie, revisie: int, **velden) -> dict:
    data = {
        "titel": actie.titel,
        "omschrijving": actie.omschrijving,
        "thema": actie.thema_id,
        "organisatie": actie.organisatie_id,
        "eigenaar": actie.eigenaar_id,
        "einddatum": actie.einddatum.isoformat(),
        "status": actie.status,
        "voortgang": actie.voortgang,
        "kostenraming": "1000",
        "aandeel_bedrijf": "600",
        "aandeel_regio": "400",
        "tlp": actie.tlp,
        "revisie": revisie,
    }
    return data | velden


def test_the_second_save_of_the_action_form_is_refused_and_says_what_changed(vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    eerste, tweede = _clients(vitens)
    url = reverse("actieplannen:actie_bewerken", args=[vitens.netwerk.slug, actie.pk])
    revisie_eerste = _revisie(eerste.get(url))
    revisie_tweede = _revisie(tweede.get(url))
    assert revisie_eerste == revisie_tweede == actie.revisie

    opgeslagen = eerste.post(
        url, _actieformulier(actie, revisie_eerste, titel="Nooddrinkwater voor ziekenhuizen")
    )
    assert opgeslagen.status_code == 302

    geweigerd = tweede.post(url, _actieformulier(actie, revisie_tweede, titel="Nooddrinkwater (regio)"))
    assert geweigerd.status_code == 409
    html = tekst(geweigerd)
    assert "Niet opgeslagen: iemand anders was u voor" in html
    assert f"{vitens.bcm.naam} heeft de actie „Nooddrinkwater voor ziekenhuizen” intussen gewijzigd" in html
    assert '<th class="utrecht-table__cell" scope="row">Titel</th>' in html
    assert "<del>Nooddrinkwater</del>" in html and "<ins>Nooddrinkwater voor ziekenhuizen</ins>" in html
    assert 'value="Nooddrinkwater (regio)"' in html  # his own input is kept
    actie.refresh_from_db()
    assert actie.titel == "Nooddrinkwater voor ziekenhuizen"

    # Having seen the change, saving again is his deliberate choice.
    assert _revisie(geweigerd) == actie.revisie
    opnieuw = tweede.post(url, _actieformulier(actie, _revisie(geweigerd), titel="Nooddrinkwater (regio)"))
    assert opnieuw.status_code == 302
    actie.refresh_from_db()
    assert actie.titel == "Nooddrinkwater (regio)"


def test_the_second_inline_save_is_refused_with_409_and_the_row_keeps_his_input(vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    eerste, tweede = _clients(vitens)
    url = reverse("actieplannen:actie_inline", args=[vitens.netwerk.slug, actie.pk])
    revisie_eerste = _revisie(eerste.get(url, **HTMX))
    revisie_tweede = _revisie(tweede.get(url, **HTMX))
    rij = {"status": "in_uitvoering", "eigenaar": vitens.bcm.pk, "einddatum": "2027-06-30"}

    assert eerste.post(url, rij | {"voortgang": "40", "revisie": revisie_eerste}, **HTMX).status_code == 200
    geweigerd = tweede.post(url, rij | {"voortgang": "70", "revisie": revisie_tweede}, **HTMX)

    assert geweigerd.status_code == 409
    html = tekst(geweigerd)
    assert html.lstrip().startswith("<tbody")  # htmx swaps it into the row
    assert f"{vitens.bcm.naam} heeft de actie „Nooddrinkwater” intussen gewijzigd" in html
    assert "Voortgang (%)</th>" in html and "<del>0</del>" in html and "<ins>40</ins>" in html
    assert "<del>niet gestart</del>" in html and "<ins>in uitvoering</ins>" in html
    assert 'name="voortgang" value="70"' in html
    actie.refresh_from_db()
    assert actie.voortgang == 40


def test_the_second_save_of_the_plan_fields_is_refused(vitens) -> None:
    eerste, tweede = _clients(vitens)
    url = reverse("actieplannen:plan_bewerken", args=[vitens.netwerk.slug])
    revisie_eerste = _revisie(eerste.get(url))
    revisie_tweede = _revisie(tweede.get(url))

    eerste.post(
        url, {"titel": "Actieplan Vitens 2026", "toelichting": "", "tlp": "amber", "revisie": revisie_eerste}
    )
    geweigerd = tweede.post(
        url,
        {
            "titel": vitens.plan.titel,
            "toelichting": "Met de regio besproken.",
            "tlp": "green",
            "revisie": revisie_tweede,
        },
    )

    assert geweigerd.status_code == 409
    html = tekst(geweigerd)
    assert f"{vitens.bcm.naam} heeft het actieplan intussen gewijzigd" in html
    assert "Titel</th>" in html and "<ins>Actieplan Vitens 2026</ins>" in html
    assert "Met de regio besproken." in html  # his input is kept
    plan = Actieplan.objects.get()
    assert (plan.titel, plan.toelichting, plan.tlp) == ("Actieplan Vitens 2026", "", "amber")


def test_a_progress_entry_on_top_of_a_newer_save_is_refused(vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    eerste, tweede = _clients(vitens)
    pagina = reverse("actieplannen:actie", args=[vitens.netwerk.slug, actie.pk])
    url = reverse("actieplannen:actie_voortgang", args=[vitens.netwerk.slug, actie.pk])
    revisie = _revisie(eerste.get(pagina))
    assert _revisie(tweede.get(pagina)) == revisie
    eerste.post(
        url, {"status": "in_uitvoering", "voortgang": "20", "datum": "2025-01-01", "revisie": revisie}
    )
    geweigerd = tweede.post(
        url,
        {
            "status": "vertraagd",
            "voortgang": "10",
            "datum": "2025-01-01",
            "notitie": "Wacht op budget.",
            "revisie": revisie,
        },
    )
    assert geweigerd.status_code == 409
    html = tekst(geweigerd)
    assert "Wacht op budget." in html and "<ins>20</ins>" in html
    actie.refresh_from_db()
    assert (actie.status, actie.voortgang, actie.updates.count()) == ("in_uitvoering", 20, 1)
