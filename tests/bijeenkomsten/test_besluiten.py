"""Decisions: recorded after the meeting; a decision of a network meeting creates an action in the
network's plan or updates one (status, owner, due date) in one step, linked to the meeting, and the
action's timeline shows it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from actieplannen import services as actie_services
from actieplannen.models import TLP, Verbeteractie
from bijeenkomsten import services
from bijeenkomsten.models import Besluit, Bijeenkomst
from continuiteit.conflict import Bewerkingsconflict
from netwerken.models import Lidmaatschap
from tests.factories import maak_lid

from .conftest import over_dagen

pytestmark = pytest.mark.django_db


@pytest.fixture
def afgelopen(kring, bijeenkomst) -> Bijeenkomst:
    """The network meeting, moved to the day before yesterday."""
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(begin=over_dagen(-2, 14), einde=over_dagen(-2, 16))
    bijeenkomst.refresh_from_db()
    return bijeenkomst


def _nieuwe_actie(kring, **velden):
    return {
        "titel": "Noodwaterpunten inventariseren",
        "thema": kring.agenda.afspraken.first().thema,
        "organisatie": kring.netwerk.kernpartner,
        "eigenaar": kring.bcm,
        "einddatum": datetime.date(2027, 3, 31),
    } | velden


def test_a_decision_without_action_is_numbered_per_meeting(kring, afgelopen):
    een = services.leg_besluit_vast(afgelopen, "Volgende keer in Zwolle.", actor=kring.coordinator)
    twee = services.leg_besluit_vast(afgelopen, "Notulen goedgekeurd.", actor=kring.coordinator)
    assert (een.volgnummer, twee.volgnummer) == (1, 2)
    assert een.gevolg == Besluit.Gevolg.GEEN and een.verbeteractie is None
    assert een.history.get().history_user == kring.coordinator


def test_a_decision_creates_an_action_in_the_networks_plan(kring, afgelopen):
    besluit = services.leg_besluit_vast(
        afgelopen,
        "Vitens inventariseert de noodwaterpunten.",
        nieuwe_actie=_nieuwe_actie(kring),
        actor=kring.coordinator,
    )
    actie = besluit.verbeteractie
    assert actie.actieplan == kring.plan
    assert (actie.titel, actie.eigenaar, actie.einddatum) == (
        "Noodwaterpunten inventariseren",
        kring.bcm,
        datetime.date(2027, 3, 31),
    )
    assert besluit.gevolg == Besluit.Gevolg.NIEUW
    assert "Vitens inventariseert de noodwaterpunten." in actie.omschrijving
    assert actie.history.get().history_user == kring.coordinator
    assert list(actie.besluiten.all()) == [besluit]


def test_a_decision_updates_status_owner_and_due_date_of_an_action(kring, afgelopen):
    actie = kring.maak_actie("Oefening plannen")
    besluit = services.leg_besluit_vast(
        afgelopen,
        "De oefening start nu; de regio neemt het over.",
        bij_te_werken_actie=(
            actie,
            {
                "status": Verbeteractie.Status.IN_UITVOERING,
                "eigenaar": kring.coordinator,
                "organisatie": kring.regio,
                "einddatum": datetime.date(2027, 9, 30),
            },
            actie.revisie,
        ),
        actor=kring.coordinator,
    )
    actie.refresh_from_db()
    assert (actie.status, actie.eigenaar, actie.einddatum) == (
        "in_uitvoering",
        kring.coordinator,
        datetime.date(2027, 9, 30),
    )
    assert besluit.gevolg == Besluit.Gevolg.BIJGEWERKT and besluit.verbeteractie == actie
    assert "status: niet gestart → in uitvoering" in besluit.wijziging
    assert "einddatum: 30-06-2027 → 30-09-2027" in besluit.wijziging


def test_a_stale_revision_is_a_conflict_and_nothing_is_saved(kring, afgelopen):
    actie = kring.maak_actie("Oefening plannen")
    gezien = actie.revisie
    actie_services.wijzig_actie(actie, revisie=gezien, actor=kring.bcm, status=Verbeteractie.Status.VERTRAAGD)
    with pytest.raises(Bewerkingsconflict):
        services.leg_besluit_vast(
            afgelopen,
            "Gereed verklaard.",
            bij_te_werken_actie=(actie, {"status": Verbeteractie.Status.GEREED}, gezien),
            actor=kring.coordinator,
        )
    actie.refresh_from_db()
    assert actie.status == Verbeteractie.Status.VERTRAAGD
    assert not Besluit.objects.exists()


def test_an_invalid_new_action_saves_no_decision(kring, afgelopen):
    with pytest.raises(ValidationError) as fout:
        services.leg_besluit_vast(
            afgelopen,
            "Actie voor een buitenstaander.",
            nieuwe_actie=_nieuwe_actie(kring, eigenaar=kring.buiten),
            actor=kring.coordinator,
        )
    assert "eigenaar" in fout.value.message_dict
    assert not Besluit.objects.exists() and not Verbeteractie.objects.exists()


def test_only_actions_of_the_networks_own_plan_can_be_updated(kring, afgelopen):
    ander_plan = actie_services.zorg_voor_actieplan(kring.ander_netwerk, actor=None)
    elders = actie_services.voeg_actie_toe(
        ander_plan, actor=None, titel="Elders", thema=kring.agenda.afspraken.first().thema
    )
    with pytest.raises(ValidationError) as fout:
        services.leg_besluit_vast(
            afgelopen,
            "X",
            bij_te_werken_actie=(elders, {"status": "gereed"}, elders.revisie),
            actor=kring.coordinator,
        )
    assert fout.value.message_dict["verbeteractie"] == ["Kies een actie uit het actieplan van dit netwerk."]
    elders.refresh_from_db()
    assert elders.status == "niet_gestart" and not Besluit.objects.exists()


def test_a_red_action_the_actor_may_not_see_cannot_be_updated(kring, afgelopen):
    rood = kring.maak_actie("Vertrouwelijk", tlp=TLP.RED)  # the coordinator made it: he is a recipient
    tweede = maak_lid(kring.netwerk, Lidmaatschap.Rol.COORDINATOR)  # manages the meeting, no recipient
    with pytest.raises(ValidationError):
        services.leg_besluit_vast(
            afgelopen,
            "X",
            bij_te_werken_actie=(rood, {"status": "gereed"}, rood.revisie),
            actor=tweede,
        )
    assert rood not in services.acties_voor_besluit(afgelopen, tweede)
    assert rood not in services.acties_voor_besluit(afgelopen, kring.projectteam)
    assert rood in services.acties_voor_besluit(afgelopen, kring.coordinator)


@pytest.mark.parametrize("wie", ["projectteam", "waarnemer", "buiten"])
def test_a_decision_touches_the_plan_only_for_whoever_may_change_the_network(kring, afgelopen, wie):
    """Issue 1, defence in depth: whoever called the service, an action in the plan needs the
    network's change permission; nothing is saved otherwise."""
    actie = kring.maak_actie("Oefening")
    actor = getattr(kring, wie)
    with pytest.raises(PermissionDenied):
        services.leg_besluit_vast(afgelopen, "X", nieuwe_actie=_nieuwe_actie(kring), actor=actor)
    with pytest.raises(PermissionDenied):
        services.leg_besluit_vast(
            afgelopen, "X", bij_te_werken_actie=(actie, {"status": "gereed"}, actie.revisie), actor=actor
        )
    actie.refresh_from_db()
    assert actie.status != "gereed"
    assert list(Verbeteractie.objects.all()) == [actie]
    assert not Besluit.objects.exists()


def test_only_the_fields_a_decision_may_change(kring, afgelopen):
    actie = kring.maak_actie()
    for velden in ({"titel": "Anders"}, {}):
        with pytest.raises(ValidationError):
            services.leg_besluit_vast(
                afgelopen, "X", bij_te_werken_actie=(actie, velden, actie.revisie), actor=kring.coordinator
            )
    with pytest.raises(ValidationError, match="óf"):
        services.leg_besluit_vast(
            afgelopen,
            "X",
            nieuwe_actie=_nieuwe_actie(kring),
            bij_te_werken_actie=(actie, {"status": "gereed"}, actie.revisie),
            actor=kring.coordinator,
        )
    assert not Besluit.objects.exists()


def test_other_kinds_of_meeting_record_decisions_but_make_no_actions(kring):
    toets = kring.plan_landelijk()
    Bijeenkomst.objects.filter(pk=toets.pk).update(begin=over_dagen(-1, 10), einde=over_dagen(-1, 12))
    toets.refresh_from_db()
    assert (
        services.leg_besluit_vast(toets, "Pilot landelijk oppakken.", actor=kring.projectteam).volgnummer == 1
    )
    with pytest.raises(ValidationError, match="netwerkbijeenkomst"):
        services.leg_besluit_vast(toets, "Actie", nieuwe_actie=_nieuwe_actie(kring), actor=kring.projectteam)
    assert services.acties_voor_besluit(toets, kring.projectteam).count() == 0


def test_decisions_wait_for_the_meeting_and_not_for_a_cancelled_one(kring, bijeenkomst):
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.leg_besluit_vast(bijeenkomst, "Te vroeg", actor=kring.coordinator)
    services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)
    with pytest.raises(ValidationError, match="geannuleerd"):
        services.leg_besluit_vast(bijeenkomst, "Te laat", actor=kring.coordinator)
    with pytest.raises(ValidationError):
        services.leg_besluit_vast(bijeenkomst, "   ", actor=kring.coordinator)
    assert not Besluit.objects.exists()


def test_the_actions_timeline_shows_the_decisions_that_created_and_updated_it(client, kring, afgelopen):
    besluit = services.leg_besluit_vast(
        afgelopen,
        "Vitens inventariseert de noodwaterpunten.",
        nieuwe_actie=_nieuwe_actie(kring),
        actor=kring.coordinator,
    )
    actie = besluit.verbeteractie
    services.leg_besluit_vast(
        afgelopen,
        "Gestart.",
        bij_te_werken_actie=(actie, {"status": Verbeteractie.Status.IN_UITVOERING}, actie.revisie),
        actor=kring.coordinator,
    )
    client.force_login(kring.bcm)
    response = client.get(reverse("actieplannen:actie", args=[kring.netwerk.slug, actie.pk]))
    tekst = response.content.decode()
    assert response.status_code == 200
    assert (
        f"Besluit 1 van de bijeenkomst „{afgelopen.titel}” („Vitens inventariseert de noodwaterpunten.”) toegevoegd"
        in tekst
    )
    assert f"Besluit 2 van de bijeenkomst „{afgelopen.titel}” („Gestart.”) toegevoegd" in tekst


def test_a_decision_on_a_red_action_keeps_its_details_out_of_the_decision(kring, afgelopen):
    rood = kring.maak_actie("Vertrouwelijk", tlp=TLP.RED)  # the coordinator is a named recipient
    besluit = services.leg_besluit_vast(
        afgelopen,
        "Besproken.",
        bij_te_werken_actie=(rood, {"einddatum": datetime.date(2027, 12, 31)}, rood.revisie),
        actor=kring.coordinator,
    )
    assert besluit.wijziging == "Vertrouwelijke actie bijgewerkt."
    rood.refresh_from_db()
    assert rood.einddatum == datetime.date(2027, 12, 31)
