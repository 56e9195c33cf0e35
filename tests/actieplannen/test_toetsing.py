"""Toetsing rules (§3): assess the current agenda, progress, actions from open items, new versions."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actieplannen import services
from actieplannen.models import Beoordeling, Verbeteractie
from agenda import services as agenda_services
from agenda.models import Agenda, Besluit, Orgaan, Thema
from tests.factories import maak_agenda, maak_netwerk

pytestmark = pytest.mark.django_db


def nieuwe_versie(
    vitens,
    *,
    verwijder: tuple[str, ...] | list[str] = (),
    voeg_toe: tuple[str, ...] | list[str] = (),
    verplaats: dict[str, int] | None = None,
) -> Agenda:
    """Adopt a new version of the drinkwater agenda through the agenda services (as the project team)."""
    agenda = agenda_services.nieuwe_agendaversie(vitens.agenda.sector, actor=None)
    for titel in verwijder:
        agenda_services.verwijder_afspraak(agenda.afspraken.get(titel=titel), actor=None)
    for titel in voeg_toe:
        agenda_services.voeg_afspraak_toe(agenda, thema=Thema.objects.get(nummer=8), titel=titel, actor=None)
    for titel, rang in (verplaats or {}).items():
        agenda_services.zet_rang(agenda.afspraken.get(titel=titel), rang, actor=None)
    agenda_services.leg_agenda_voor(agenda, actor=None)
    agenda_services.leg_agendabesluit_vast(
        agenda,
        orgaan=Orgaan.CVI,
        besluit=Besluit.VASTGESTELD,
        datum=datetime.date(2017, 3, 1),
        actor=None,
    )
    return agenda_services.stel_agenda_vast(agenda, actor=None)


def _afspraken(agenda: Agenda) -> list:
    return list(agenda.afspraken.order_by("rang"))


def _beoordeel(vitens, afspraak, status: str = "geregeld", toelichting: str = "Zo is het.") -> Beoordeling:
    return services.beoordeel(
        vitens.netwerk, afspraak, status=status, toelichting=toelichting, actor=vitens.bcm
    )


# --- Assessing ------------------------------------------------------------------------------------


def test_it_counts_progress_over_the_items_of_the_current_agenda(client, vitens) -> None:
    afspraken = _afspraken(vitens.agenda)
    _beoordeel(vitens, afspraken[0])
    _beoordeel(vitens, afspraken[3], "open", "Nog niet geregeld.")
    stand = services.toetsingsstand(vitens.netwerk)
    assert (stand.beoordeeld, stand.totaal) == (2, 6)
    client.force_login(vitens.bcm)
    html = client.get(reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])).content.decode()
    assert "2</span> van 6 beoordeeld" in html
    assert '<progress class="voortgang" max="6" value="2"' in html


def test_assessing_an_item_again_changes_its_one_assessment(vitens) -> None:
    afspraak = _afspraken(vitens.agenda)[0]
    _beoordeel(vitens, afspraak, "open", "Nog niets.")
    _beoordeel(vitens, afspraak, "geregeld", "")
    assert Beoordeling.objects.get().status == "geregeld"
    assert services.toetsingsstand(vitens.netwerk).beoordeeld == 1


@pytest.mark.parametrize("status", ["deels", "open", "niet_relevant"])
def test_it_requires_an_explanation_unless_the_item_is_arranged(vitens, status) -> None:
    with pytest.raises(ValidationError) as fout:
        _beoordeel(vitens, _afspraken(vitens.agenda)[0], status, "   ")
    assert fout.value.message_dict == {"toelichting": ["Licht deze beoordeling toe."]}
    assert not Beoordeling.objects.exists()


def test_an_arranged_item_needs_no_explanation(vitens) -> None:
    assert _beoordeel(vitens, _afspraken(vitens.agenda)[0], "geregeld", "").toelichting == ""


def test_it_refuses_an_unknown_status(vitens) -> None:
    with pytest.raises(ValidationError):
        _beoordeel(vitens, _afspraken(vitens.agenda)[0], "prima", "x")
    assert not Beoordeling.objects.exists()


def test_it_assesses_only_items_of_the_current_agenda_of_the_networks_sectors(vitens) -> None:
    ander = maak_agenda("elektriciteit", afspraken=2, status="vastgesteld")
    oud = _afspraken(vitens.agenda)[0]
    nieuwe_versie(vitens)
    oud.refresh_from_db()
    oud.agenda.refresh_from_db()  # version 1 is no longer the current one
    for afspraak in (ander.afspraken.first(), oud):
        with pytest.raises(ValidationError, match="alleen afspraken uit de huidige agenda"):
            _beoordeel(vitens, afspraak)
    assert not Beoordeling.objects.exists()


def test_it_keeps_assessments_per_network(vitens) -> None:
    ander = maak_netwerk(slug="drinkwater-ander")
    afspraak = _afspraken(vitens.agenda)[0]
    _beoordeel(vitens, afspraak, "open", "Vitens.")
    services.beoordeel(ander, afspraak, status="geregeld", toelichting="", actor=None)
    assert services.toetsingsstand(vitens.netwerk).afspraken[0].beoordeling.status == "open"
    assert services.toetsingsstand(ander).afspraken[0].beoordeling.status == "geregeld"


# --- Actions from the toetsing --------------------------------------------------------------------


def test_it_makes_actions_from_open_and_partial_items_only(vitens) -> None:
    afspraken = _afspraken(vitens.agenda)
    beoordelingen = [
        _beoordeel(vitens, a, s, f"Uitleg {a.rang}.")
        for a, s in zip(afspraken, ["geregeld", "deels", "open", "niet_relevant"], strict=False)
    ]
    nieuw = services.maak_acties_uit_beoordelingen(vitens.netwerk, beoordelingen, actor=vitens.bcm)
    assert [a.beoordeling for a in nieuw] == beoordelingen[1:3]
    for actie, afspraak in zip(nieuw, afspraken[1:3], strict=True):
        # linked back to the item, in the item's theme, with the explanation as a start
        assert (actie.afspraak, actie.thema, actie.titel) == (afspraak, afspraak.thema, afspraak.titel)
        assert actie.omschrijving == f"Uitleg {afspraak.rang}."
        assert actie.actieplan == vitens.plan
        assert actie.history.first().history_user == vitens.bcm


def test_it_never_makes_two_actions_for_the_same_item(vitens) -> None:
    beoordeling = _beoordeel(vitens, _afspraken(vitens.agenda)[0], "open", "Nog niets.")
    assert len(services.maak_acties_uit_beoordelingen(vitens.netwerk, [beoordeling], actor=None)) == 1
    assert services.maak_acties_uit_beoordelingen(vitens.netwerk, [beoordeling], actor=None) == []
    assert Verbeteractie.objects.filter(beoordeling=beoordeling).count() == 1


def test_it_makes_no_action_for_another_networks_assessment(vitens) -> None:
    ander = maak_netwerk(slug="drinkwater-ander")
    vreemd = services.beoordeel(
        ander, _afspraken(vitens.agenda)[0], status="open", toelichting="Elders.", actor=None
    )
    assert services.maak_acties_uit_beoordelingen(vitens.netwerk, [vreemd], actor=None) == []
    assert not Verbeteractie.objects.exists()


def test_the_action_page_link_leads_back_from_the_item(client, vitens) -> None:
    afspraak = _afspraken(vitens.agenda)[2]
    beoordeling = _beoordeel(vitens, afspraak, "deels", "Half.")
    [actie] = services.maak_acties_uit_beoordelingen(vitens.netwerk, [beoordeling], actor=None)
    client.force_login(vitens.waarnemer)
    html = client.get(reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])).content.decode()
    item = html.split(f'id="afspraak-{afspraak.sleutel}"')[1].split("</li>")[0]
    assert f'<a class="utrecht-link" href="{actie.get_absolute_url()}">{actie.titel}</a>' in item


# --- A new agenda version -------------------------------------------------------------------------


@pytest.fixture
def na_nieuwe_versie(vitens):
    """All six items assessed against version 1; version 2 drops item 6, adds one, moves item 5 to 1."""
    oud = _afspraken(vitens.agenda)
    for afspraak in oud:
        _beoordeel(
            vitens, afspraak, "deels" if afspraak.rang == 6 else "geregeld", f"Uitleg {afspraak.rang}."
        )
    nieuw = nieuwe_versie(
        vitens,
        verwijder=[oud[5].titel],
        voeg_toe=["Nieuwe afspraak over noodstroom"],
        verplaats={oud[4].titel: 1},
    )
    return vitens, oud, nieuw


def test_answers_stay_for_items_that_still_exist(na_nieuwe_versie) -> None:
    vitens, oud, nieuw = na_nieuwe_versie
    stand = services.toetsingsstand(vitens.netwerk)
    assert (stand.beoordeeld, stand.totaal) == (5, 6)
    per_titel = {a.titel: a for a in stand.afspraken}
    for afspraak in oud[:5]:
        assert per_titel[afspraak.titel].agenda == nieuw
        assert per_titel[afspraak.titel].beoordeling.toelichting == f"Uitleg {afspraak.rang}."
    assert per_titel["Nieuwe afspraak over noodstroom"].beoordeling is None


def test_it_reports_new_removed_and_reranked_items(na_nieuwe_versie) -> None:
    vitens, oud, _nieuw = na_nieuwe_versie
    stand = services.toetsingsstand(vitens.netwerk)
    assert [a.titel for a in stand.nieuw] == ["Nieuwe afspraak over noodstroom"]
    assert [(b.afspraak.titel, b.status, b.toelichting) for b in stand.vervallen] == [
        (oud[5].titel, "deels", "Uitleg 6.")
    ]
    # Item 5 moved to 1; items 1–4 moved one down.
    assert sorted((a.titel, was, nu) for a, was, nu in stand.verplaatst) == sorted(
        [(oud[4].titel, 5, 1)] + [(oud[i].titel, i + 1, i + 2) for i in range(4)]
    )


def test_the_page_shows_what_changed_and_keeps_earlier_answers_readable(client, na_nieuwe_versie) -> None:
    vitens, oud, nieuw = na_nieuwe_versie
    client.force_login(vitens.bcm)
    html = client.get(reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])).content.decode()
    assert "Gewijzigd sinds de vorige beoordeling" in html
    assert "drinkwater: versie 2; eerder beoordeeld tegen versie 1" in html
    assert "Nieuw op de agenda, nog niet beoordeeld (1)" in html
    assert "nieuw in versie 2" in html
    assert f"{oud[4].titel}</a>: rang 5 → 1" in html
    assert "Niet meer op de agenda (1)" in html
    vervallen = html.split("Niet meer op de agenda (1)")[1]
    assert oud[5].titel in vervallen and "Uitleg 6." in vervallen
    assert 'name="status"' in html and f"toetsing/{oud[5].sleutel}/" not in html
    assert f'href="/agenda/drinkwater/vergelijk/?van=1&amp;met={nieuw.versie}"' in html
    assert "5</span> van 6 beoordeeld" in html


def test_reassessing_an_item_moves_it_to_the_current_version(na_nieuwe_versie) -> None:
    vitens, oud, nieuw = na_nieuwe_versie
    huidig = nieuw.afspraken.get(sleutel=oud[4].sleutel)
    _beoordeel(vitens, huidig, "geregeld", "Nog steeds geregeld.")
    stand = services.toetsingsstand(vitens.netwerk)
    assert Beoordeling.objects.get(sleutel=oud[4].sleutel).afspraak == huidig
    assert huidig.titel not in [a.titel for a, _was, _nu in stand.verplaatst]


def test_a_skipped_item_is_not_reported_as_new(client, vitens) -> None:
    """Only items added in the new version count as new; one left unassessed before is just open."""
    oud = _afspraken(vitens.agenda)
    for afspraak in oud[:5]:
        _beoordeel(vitens, afspraak)
    nieuwe_versie(vitens, voeg_toe=["Toegevoegd in versie 2"])
    client.force_login(vitens.bcm)
    html = client.get(reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])).content.decode()
    assert "Nieuw op de agenda, nog niet beoordeeld (1)" in html
    lijst = html.split("Nieuw op de agenda, nog niet beoordeeld (1)")[1].split("</ul>")[0]
    assert "Toegevoegd in versie 2" in lijst and oud[5].titel not in lijst
    assert "5</span> van 7 beoordeeld" in html


def test_an_action_made_before_the_new_version_stays_linked(client, vitens) -> None:
    oud = _afspraken(vitens.agenda)
    beoordeling = _beoordeel(vitens, oud[5], "open", "Nog niets.")
    [actie] = services.maak_acties_uit_beoordelingen(vitens.netwerk, [beoordeling], actor=None)
    nieuwe_versie(vitens, verwijder=[oud[5].titel])
    actie.refresh_from_db()
    assert (actie.afspraak, actie.beoordeling) == (oud[5], beoordeling)
    client.force_login(vitens.bcm)
    html = client.get(reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])).content.decode()
    vervallen = html.split("Niet meer op de agenda (1)")[1]
    assert f'href="{actie.get_absolute_url()}"' in vervallen
