"""Convening, changing, cancelling, inviting, responding, attendance, minutes and the agenda:
the rules of the services, and bad input refused in Dutch with nothing changed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from actieplannen.models import TLP
from agenda.models import Expertbijeenkomst
from bijeenkomsten import services
from bijeenkomsten.models import Agendapunt, Bijeenkomst, Genodigde
from continuiteit.conflict import Bewerkingsconflict

from .conftest import amsterdam, over_dagen

pytestmark = pytest.mark.django_db


def _zet_voorbij(bijeenkomst: Bijeenkomst, dagen: int = 2) -> Bijeenkomst:
    """Move a meeting into the past (test setup; services refuse that for good reason)."""
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
        begin=over_dagen(-dagen, 14), einde=over_dagen(-dagen, 16)
    )
    bijeenkomst.refresh_from_db()
    return bijeenkomst


# --- plan -----------------------------------------------------------------------------------------


def test_a_coordinator_convenes_a_meeting_of_his_network_with_history(kring):
    bijeenkomst = kring.plan_bijeenkomst()
    assert bijeenkomst.netwerk == kring.netwerk
    assert bijeenkomst.georganiseerd_door == kring.coordinator
    assert bijeenkomst.sequence == 0
    assert bijeenkomst.history.get().history_user == kring.coordinator


def test_a_naive_time_from_a_form_is_amsterdam_time(kring):
    bijeenkomst = kring.plan_bijeenkomst(
        begin=datetime.datetime(2027, 7, 1, 14, 0), einde=datetime.datetime(2027, 7, 1, 16, 0)
    )
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.begin == datetime.datetime(2027, 7, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize("wie", ["bcm", "waarnemer", "buiten", "stuurgroep"])
def test_others_may_not_convene_a_network_meeting(kring, wie):
    with pytest.raises(PermissionDenied):
        kring.plan_bijeenkomst(actor=getattr(kring, wie))
    assert not Bijeenkomst.objects.exists()


def test_a_coordinator_may_not_convene_the_other_kinds(kring):
    with pytest.raises(PermissionDenied):
        kring.plan_landelijk(actor=kring.coordinator)
    assert not Bijeenkomst.objects.exists()


def test_the_project_team_convenes_every_kind_but_network_meetings(kring):
    """Issue 7: coordinators convene network meetings; the project team the other kinds."""
    for soort in Bijeenkomst.Soort.values:
        if soort != "netwerk":
            kring.plan_landelijk(soort)
    with pytest.raises(PermissionDenied):
        kring.plan_bijeenkomst(actor=kring.projectteam)
    assert Bijeenkomst.objects.count() == 3
    assert not Bijeenkomst.objects.filter(soort="netwerk").exists()


def test_an_end_before_the_start_is_refused_in_dutch(kring):
    with pytest.raises(ValidationError) as fout:
        kring.plan_bijeenkomst(begin=over_dagen(5, 16), einde=over_dagen(5, 14))
    assert fout.value.message_dict["einde"] == ["Het einde van de bijeenkomst moet na het begin liggen."]
    assert not Bijeenkomst.objects.exists()


def test_a_meeting_needs_a_place_or_a_link(kring):
    with pytest.raises(ValidationError) as fout:
        kring.plan_bijeenkomst(locatie="", online_link="")
    assert "locatie" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        kring.plan_bijeenkomst(online_link="geen adres")
    assert "online_link" in fout.value.message_dict
    assert not Bijeenkomst.objects.exists()


def test_an_expert_meeting_needs_a_sector_and_an_agenda_of_that_sector(kring):
    from tests.factories import maak_agenda

    with pytest.raises(ValidationError) as fout:
        kring.plan_landelijk(Bijeenkomst.Soort.EXPERT, sector=None, agenda=None)
    assert "sector" in fout.value.message_dict
    elektriciteit = maak_agenda("elektriciteit", afspraken=1)
    with pytest.raises(ValidationError) as fout:
        kring.plan_landelijk(Bijeenkomst.Soort.EXPERT, agenda=elektriciteit)
    assert "agenda" in fout.value.message_dict
    assert not Bijeenkomst.objects.exists()


# --- change and cancel ----------------------------------------------------------------------------


def test_a_change_of_time_raises_the_sequence_a_change_of_title_does_not(kring, bijeenkomst):
    bijeenkomst = services.wijzig_bijeenkomst(
        bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, titel="Nieuwe titel"
    )
    assert bijeenkomst.sequence == 0
    bijeenkomst = services.wijzig_bijeenkomst(
        bijeenkomst,
        revisie=bijeenkomst.revisie,
        actor=kring.coordinator,
        begin=over_dagen(9, 10),
        einde=over_dagen(9, 12),
    )
    assert bijeenkomst.sequence == 1
    bijeenkomst = services.wijzig_bijeenkomst(
        bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, locatie="Online"
    )
    assert bijeenkomst.sequence == 2
    assert bijeenkomst.history.first().history_user == kring.coordinator


def test_a_change_on_a_stale_revision_is_a_conflict_and_changes_nothing(kring, bijeenkomst):
    oud = bijeenkomst.revisie
    services.wijzig_bijeenkomst(bijeenkomst, revisie=oud, actor=kring.projectteam, titel="Eerst")
    with pytest.raises(Bewerkingsconflict) as conflict:
        services.wijzig_bijeenkomst(bijeenkomst, revisie=oud, actor=kring.coordinator, titel="Daarna")
    assert "Projectteamlid heeft" in str(conflict.value)
    assert [v.veld for v in conflict.value.verschillen] == ["titel"]
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.titel == "Eerst"


def test_a_bad_change_is_refused_and_changes_nothing(kring, bijeenkomst):
    begin = bijeenkomst.begin
    with pytest.raises(ValidationError):
        services.wijzig_bijeenkomst(
            bijeenkomst,
            revisie=bijeenkomst.revisie,
            actor=kring.coordinator,
            einde=begin - datetime.timedelta(hours=1),
        )
    with pytest.raises(ValidationError):
        services.wijzig_bijeenkomst(
            bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, soort="toets"
        )
    bijeenkomst.refresh_from_db()
    assert (bijeenkomst.sequence, bijeenkomst.revisie, bijeenkomst.einde > begin) == (0, 1, True)


def test_cancelling_raises_the_sequence_once_and_freezes_the_meeting(kring, bijeenkomst):
    bijeenkomst = services.annuleer_bijeenkomst(
        bijeenkomst, reden="Te weinig aanmeldingen", actor=kring.coordinator
    )
    assert bijeenkomst.is_geannuleerd and bijeenkomst.sequence == 1
    with pytest.raises(ValidationError, match="al geannuleerd"):
        services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)
    with pytest.raises(ValidationError, match="geannuleerd"):
        services.wijzig_bijeenkomst(
            bijeenkomst, revisie=bijeenkomst.revisie, actor=kring.coordinator, titel="X"
        )
    with pytest.raises(ValidationError, match="geannuleerd"):
        services.nodig_uit(bijeenkomst, personen=[kring.bcm], actor=kring.coordinator)
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.sequence == 1


def test_a_meeting_that_is_over_cannot_be_cancelled(kring, bijeenkomst):
    _zet_voorbij(bijeenkomst)
    with pytest.raises(ValidationError, match="al voorbij"):
        services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)


# --- invite ---------------------------------------------------------------------------------------


def test_inviting_an_outsider_to_a_network_meeting_is_refused_and_changes_nothing(kring):
    bijeenkomst = kring.plan_bijeenkomst()
    with pytest.raises(ValidationError) as fout:
        services.nodig_uit(bijeenkomst, personen=[kring.bcm, kring.buiten], actor=kring.coordinator)
    assert fout.value.message_dict["personen"] == [
        f"Alleen leden van het netwerk {kring.netwerk} kunnen worden uitgenodigd. Geen lid: {kring.buiten}."
    ]
    assert not bijeenkomst.genodigden.exists()


def test_inviting_organisations_invites_their_contact_persons_in_the_network(kring):
    bijeenkomst = kring.plan_bijeenkomst()
    nieuw = services.nodig_uit(
        bijeenkomst, organisaties=[kring.netwerk.kernpartner, kring.regio], actor=kring.coordinator
    )
    assert {(g.gebruiker, g.organisatie) for g in nieuw} == {
        (kring.bcm, kring.netwerk.kernpartner),
        (kring.coordinator, kring.regio),
    }
    assert set(services.kandidaat_organisaties(bijeenkomst)) == {kring.netwerk.kernpartner, kring.regio}


def test_inviting_an_organisation_outside_the_network_is_refused(kring):
    bijeenkomst = kring.plan_bijeenkomst()
    ander = kring.ander_netwerk.kernpartner
    with pytest.raises(ValidationError) as fout:
        services.nodig_uit(bijeenkomst, organisaties=[kring.regio, ander], actor=kring.coordinator)
    assert str(ander) in fout.value.message_dict["organisaties"][0]
    assert not bijeenkomst.genodigden.exists()


def test_inviting_all_members_and_again_adds_nobody_twice(kring):
    bijeenkomst = kring.plan_bijeenkomst()
    eerst = services.nodig_uit(bijeenkomst, alle_leden=True, actor=kring.coordinator)
    assert {g.gebruiker for g in eerst} == {kring.coordinator, kring.bcm, kring.waarnemer}
    assert (
        services.nodig_uit(bijeenkomst, personen=[kring.bcm], alle_leden=True, actor=kring.coordinator) == []
    )
    assert bijeenkomst.genodigden.count() == 3


def test_a_national_meeting_may_invite_anyone_and_contacts_of_any_organisation(kring):
    toets = kring.plan_landelijk()
    services.nodig_uit(
        toets, personen=[kring.buiten], organisaties=[kring.netwerk.kernpartner], actor=kring.projectteam
    )
    assert set(toets.genodigden.values_list("gebruiker", flat=True)) == {kring.buiten.pk, kring.bcm.pk}
    with pytest.raises(ValidationError, match="netwerkbijeenkomst"):
        services.nodig_uit(toets, alle_leden=True, actor=kring.projectteam)


def test_inviting_nobody_is_refused(kring):
    with pytest.raises(ValidationError, match="Kies wie"):
        services.nodig_uit(kring.plan_bijeenkomst(), actor=kring.coordinator)


def test_candidates_are_the_members_of_the_network(kring):
    bijeenkomst = kring.plan_bijeenkomst()
    assert set(services.kandidaten(bijeenkomst)) == {kring.coordinator, kring.bcm, kring.waarnemer}


# --- respond --------------------------------------------------------------------------------------


def test_an_invitee_responds_and_may_change_his_mind(kring, bijeenkomst):
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    genodigde = services.beantwoord(genodigde, Genodigde.Antwoord.ONDER_VOORBEHOUD, actor=kring.bcm)
    genodigde = services.beantwoord(genodigde, Genodigde.Antwoord.ACCEPTEERT, actor=kring.bcm)
    assert genodigde.antwoord == "accepteert" and genodigde.beantwoord_op is not None
    assert genodigde.history.first().history_user == kring.bcm


def test_responding_to_a_cancelled_meeting_is_refused_and_changes_nothing(kring, bijeenkomst):
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    services.annuleer_bijeenkomst(bijeenkomst, actor=kring.coordinator)
    with pytest.raises(ValidationError) as fout:
        services.beantwoord(genodigde, Genodigde.Antwoord.ACCEPTEERT, actor=kring.bcm)
    assert fout.value.messages == ["Deze bijeenkomst is geannuleerd. Een antwoord is niet meer nodig."]
    genodigde.refresh_from_db()
    assert genodigde.antwoord == Genodigde.Antwoord.GEEN and genodigde.beantwoord_op is None


def test_responding_after_the_meeting_or_with_nonsense_is_refused(kring, bijeenkomst):
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    for antwoord in ("misschien", Genodigde.Antwoord.GEEN):
        with pytest.raises(ValidationError):
            services.beantwoord(genodigde, antwoord, actor=kring.bcm)
    _zet_voorbij(bijeenkomst)
    with pytest.raises(ValidationError, match="al voorbij"):
        services.beantwoord(genodigde, Genodigde.Antwoord.ACCEPTEERT, actor=kring.bcm)


def test_the_response_link_finds_the_invitation_and_nothing_else(kring, bijeenkomst):
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.bcm)
    assert services.zoek_genodigde(genodigde.token) == genodigde
    assert services.zoek_genodigde("onzin") is None
    assert services.zoek_genodigde("") is None


# --- attendance and minutes -----------------------------------------------------------------------


def test_attendance_is_recorded_after_the_start(kring, bijeenkomst):
    genodigden = {g.gebruiker: g for g in bijeenkomst.genodigden.all()}
    invoer = {genodigden[kring.bcm].pk: True, genodigden[kring.waarnemer].pk: False}
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.registreer_aanwezigheid(bijeenkomst, invoer, actor=kring.coordinator)
    _zet_voorbij(bijeenkomst)
    assert services.registreer_aanwezigheid(bijeenkomst, invoer, actor=kring.coordinator) == 2
    assert services.registreer_aanwezigheid(bijeenkomst, invoer, actor=kring.coordinator) == 0
    assert dict(bijeenkomst.genodigden.values_list("gebruiker", "aanwezig")) == {
        kring.coordinator.pk: None,
        kring.bcm.pk: True,
        kring.waarnemer.pk: False,
    }


def test_attendance_of_someone_not_invited_is_refused(kring, bijeenkomst):
    _zet_voorbij(bijeenkomst)
    ander = kring.plan_bijeenkomst(titel="Ander")
    vreemde = services.nodig_uit(ander, personen=[kring.bcm], actor=kring.coordinator)[0]
    with pytest.raises(ValidationError):
        services.registreer_aanwezigheid(bijeenkomst, {vreemde.pk: True}, actor=kring.coordinator)
    vreemde.refresh_from_db()
    assert vreemde.aanwezig is None


def test_attendance_applies_only_what_the_user_changed(kring, bijeenkomst):
    """Issue 4: with the values the form showed, an unchanged invitee is left alone — also when
    someone else recorded him meanwhile, or took him off the list."""
    _zet_voorbij(bijeenkomst)
    g = {x.gebruiker: x for x in bijeenkomst.genodigden.all()}
    services.registreer_aanwezigheid(bijeenkomst, {g[kring.bcm].pk: True}, actor=kring.coordinator)
    services.verwijder_genodigde(g[kring.waarnemer], actor=kring.coordinator)
    getoond = {x.pk: None for x in g.values()}  # the page showed everyone "onbekend"
    invoer = dict(getoond) | {g[kring.coordinator].pk: True}
    aantal = services.registreer_aanwezigheid(bijeenkomst, invoer, getoond=getoond, actor=kring.coordinator)
    assert aantal == 1
    assert dict(bijeenkomst.genodigden.values_list("gebruiker", "aanwezig")) == {
        kring.coordinator.pk: True,
        kring.bcm.pk: True,  # not overwritten with the "onbekend" the page still showed
    }


def test_attendance_changed_on_top_of_someone_elses_change_is_a_conflict(kring, bijeenkomst):
    _zet_voorbij(bijeenkomst)
    g = {x.gebruiker: x for x in bijeenkomst.genodigden.all()}
    getoond = {x.pk: None for x in g.values()}
    services.registreer_aanwezigheid(bijeenkomst, {g[kring.bcm].pk: True}, actor=kring.coordinator)
    invoer = dict(getoond) | {g[kring.bcm].pk: False, g[kring.waarnemer].pk: True}
    with pytest.raises(Bewerkingsconflict) as conflict:
        services.registreer_aanwezigheid(bijeenkomst, invoer, getoond=getoond, actor=kring.projectteam)
    assert conflict.value.door == str(kring.coordinator)
    assert [(v.veld, v.was, v.nu) for v in conflict.value.verschillen] == [
        (f"Aanwezigheid van {kring.bcm.naam}", "onbekend", "aanwezig")
    ]
    # Nothing saved, not even the waarnemer's unconflicted change.
    assert dict(bijeenkomst.genodigden.values_list("gebruiker", "aanwezig")) == {
        kring.coordinator.pk: None,
        kring.bcm.pk: True,
        kring.waarnemer.pk: None,
    }


def test_minutes_are_recorded_after_the_start_with_conflict_detection(kring, bijeenkomst):
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.leg_notulen_vast(bijeenkomst, "Vroeg", revisie=bijeenkomst.revisie, actor=kring.coordinator)
    _zet_voorbij(bijeenkomst)
    oud = bijeenkomst.revisie
    bijeenkomst = services.leg_notulen_vast(
        bijeenkomst, "  Besproken: noodwater.  ", revisie=oud, actor=kring.coordinator
    )
    assert bijeenkomst.notulen == "Besproken: noodwater."
    assert bijeenkomst.notulen_vastgelegd_door == kring.coordinator
    with pytest.raises(Bewerkingsconflict):
        services.leg_notulen_vast(bijeenkomst, "Overschreven", revisie=oud, actor=kring.projectteam)
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.notulen == "Besproken: noodwater."


def test_minutes_of_an_expert_meeting_keep_the_agenda_record_in_step(kring):
    """Issue item 5: the expert meetings recorded with a sector agenda link to these meetings."""
    expert = kring.plan_landelijk(Bijeenkomst.Soort.EXPERT, titel="Expertbijeenkomst drinkwater")
    services.nodig_uit(expert, personen=[kring.bcm, kring.coordinator], actor=kring.projectteam)
    _zet_voorbij(expert, dagen=3)
    genodigde = expert.genodigden.get(gebruiker=kring.bcm)
    services.registreer_aanwezigheid(expert, {genodigde.pk: True}, actor=kring.projectteam)
    expert = services.leg_notulen_vast(
        expert, "Top vijf besproken.", revisie=expert.revisie, actor=kring.projectteam
    )
    verslag = Expertbijeenkomst.objects.get()
    assert expert.expertbijeenkomst == verslag
    assert verslag.agenda == kring.agenda
    assert verslag.datum == timezone.localdate() - datetime.timedelta(days=3)
    assert verslag.bijeenkomst == expert
    # The record is public to every portal user (adopted agenda, PDF): no minutes, no names.
    assert verslag.deelnemers == services.VERWIJZING_NAAR_BIJEENKOMST
    assert verslag.samenvatting == ""
    assert kring.bcm.naam not in verslag.deelnemers
    services.leg_notulen_vast(expert, "Aangevuld.", revisie=expert.revisie, actor=kring.projectteam)
    verslag.refresh_from_db()
    assert (verslag.samenvatting, verslag.deelnemers) == ("", services.VERWIJZING_NAAR_BIJEENKOMST)
    assert Expertbijeenkomst.objects.count() == 1


def test_minutes_keep_a_linked_record_dated_and_leave_its_text_alone(kring):
    """Issue 3: a record written with the agenda keeps its own text; only the date follows."""
    from agenda.services import voeg_expertbijeenkomst_toe

    verslag = voeg_expertbijeenkomst_toe(
        kring.agenda, datum=datetime.date(2016, 1, 20), deelnemers="Vitens\nEvides", actor=None
    )
    expert = kring.plan_landelijk(Bijeenkomst.Soort.EXPERT, expertbijeenkomst=verslag)
    _zet_voorbij(expert, dagen=2)
    services.leg_notulen_vast(expert, "Geheim verslag.", revisie=expert.revisie, actor=kring.projectteam)
    verslag.refresh_from_db()
    assert verslag.datum == timezone.localdate() - datetime.timedelta(days=2)
    assert (verslag.deelnemers, verslag.samenvatting) == ("Vitens\nEvides", "")


def test_an_existing_agenda_record_can_be_linked_when_planning(kring):
    from agenda.services import voeg_expertbijeenkomst_toe

    verslag = voeg_expertbijeenkomst_toe(
        kring.agenda, datum=datetime.date(2016, 1, 20), deelnemers="Vitens\nEvides", actor=None
    )
    expert = kring.plan_landelijk(
        Bijeenkomst.Soort.EXPERT,
        agenda=None,
        expertbijeenkomst=verslag,
        begin=amsterdam(2016, 1, 20, 10),
        einde=amsterdam(2016, 1, 20, 12),
    )
    assert expert.agenda == kring.agenda and verslag.bijeenkomst == expert
    with pytest.raises(ValidationError, match="al bij een andere"):
        kring.plan_landelijk(Bijeenkomst.Soort.EXPERT, expertbijeenkomst=verslag)


# --- agenda points --------------------------------------------------------------------------------


def test_agenda_points_keep_their_order_and_can_be_moved(kring, bijeenkomst):
    punten = [
        services.voeg_agendapunt_toe(bijeenkomst, titel=titel, actor=kring.coordinator)
        for titel in ("Opening", "Actieplan", "Rondvraag")
    ]
    services.verplaats_agendapunt(punten[2], "omhoog", actor=kring.coordinator)
    assert list(bijeenkomst.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Opening",
        "Rondvraag",
        "Actieplan",
    ]
    services.verplaats_agendapunt(punten[0], "omhoog", actor=kring.coordinator)  # at the top: nothing
    services.verwijder_agendapunt(punten[1], actor=kring.coordinator)
    assert list(bijeenkomst.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Opening",
        "Rondvraag",
    ]


def test_agenda_points_link_to_an_agreement_and_an_action_of_the_network(kring, bijeenkomst):
    actie = kring.maak_actie("Noodwater regelen")
    afspraak = kring.agenda.afspraken.first()
    punt = services.voeg_agendapunt_toe(
        bijeenkomst, titel="Noodwater", afspraak=afspraak, verbeteractie=actie, actor=kring.coordinator
    )
    assert (punt.afspraak, punt.verbeteractie) == (afspraak, actie)


def test_an_agenda_point_refuses_a_red_action_or_one_of_another_network(kring, bijeenkomst):
    from actieplannen import services as actie_services

    rood = kring.maak_actie("Geheim", tlp=TLP.RED)
    ander_plan = actie_services.zorg_voor_actieplan(kring.ander_netwerk, actor=None)
    vreemd = actie_services.voeg_actie_toe(ander_plan, actor=None, titel="Elders", thema=rood.thema)
    for actie in (rood, vreemd):
        with pytest.raises(ValidationError) as fout:
            services.voeg_agendapunt_toe(bijeenkomst, titel="X", verbeteractie=actie, actor=kring.coordinator)
        assert "verbeteractie" in fout.value.message_dict
    assert not Agendapunt.objects.exists()


# --- calendar feed --------------------------------------------------------------------------------


def test_renewing_the_feed_gives_a_new_secret_and_stopping_removes_it(kring):
    feed = services.agendafeed_voor(kring.bcm, actor=kring.bcm)
    assert services.agendafeed_voor(kring.bcm, actor=kring.bcm) == feed
    oud = feed.token
    nieuw = services.vernieuw_agendafeed(kring.bcm, actor=kring.bcm)
    assert nieuw.pk == feed.pk and nieuw.token != oud
    assert services.zoek_agendafeed(oud) is None
    assert services.zoek_agendafeed(nieuw.token) == nieuw
    services.stop_agendafeed(kring.bcm, actor=kring.bcm)
    assert services.zoek_agendafeed(nieuw.token) is None


def test_my_meetings_are_the_visible_ones_i_am_part_of(kring, bijeenkomst):
    toets = kring.plan_landelijk()
    stuurgroep = kring.plan_landelijk(Bijeenkomst.Soort.STUURGROEP)
    services.nodig_uit(toets, personen=[kring.bcm], actor=kring.projectteam)
    assert set(services.mijn_bijeenkomsten(kring.bcm)) == {bijeenkomst, toets}
    # The project team sees every meeting but its calendar holds the ones it organises or attends.
    assert set(services.mijn_bijeenkomsten(kring.projectteam)) == {toets, stuurgroep}
    assert set(services.mijn_bijeenkomsten(kring.buiten)) == set()
