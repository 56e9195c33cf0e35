"""The meeting model's own rules and who may see and manage a meeting (§4)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404

from bijeenkomsten import services
from bijeenkomsten.access import (
    get_bijeenkomst_for_user,
    mag_beheren,
    mag_plannen,
    netwerken_om_te_plannen,
    soorten_om_te_plannen,
)
from bijeenkomsten.models import Bijeenkomst, Genodigde
from netwerken.models import Lidmaatschap
from tests.factories import GebruikerFactory, maak_lid

from .conftest import over_dagen

pytestmark = pytest.mark.django_db


def test_it_refuses_an_end_before_the_start_in_the_database(kring):
    with pytest.raises(IntegrityError), transaction.atomic():
        Bijeenkomst.objects.create(
            soort="netwerk",
            titel="Fout",
            netwerk=kring.netwerk,
            begin=over_dagen(3, 16),
            einde=over_dagen(3, 14),
        )


def test_it_requires_a_network_for_a_network_meeting_and_none_for_other_kinds(kring):
    with pytest.raises(IntegrityError), transaction.atomic():
        Bijeenkomst.objects.create(
            soort="netwerk", titel="Zonder", begin=over_dagen(3, 14), einde=over_dagen(3, 15)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Bijeenkomst.objects.create(
            soort="toets",
            titel="Met",
            netwerk=kring.netwerk,
            begin=over_dagen(3, 14),
            einde=over_dagen(3, 15),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Bijeenkomst.objects.create(
            soort="expert", titel="Geen sector", begin=over_dagen(3, 14), einde=over_dagen(3, 15)
        )


def test_it_gives_every_meeting_a_stable_unique_uid(kring):
    een = kring.plan_bijeenkomst()
    twee = kring.plan_bijeenkomst(titel="Tweede")
    assert een.uid != twee.uid
    assert een.uid.endswith("@continuiteit")
    uid = een.uid
    services.wijzig_bijeenkomst(
        een, revisie=een.revisie, actor=kring.coordinator, begin=over_dagen(8, 14), einde=over_dagen(8, 15)
    )
    een.refresh_from_db()
    assert een.uid == uid


def test_it_gives_every_invitee_a_different_secret_token(bijeenkomst):
    tokens = list(bijeenkomst.genodigden.values_list("token", flat=True))
    assert len(tokens) == 3 == len(set(tokens))
    assert all(len(t) >= 40 for t in tokens)


def test_it_keeps_the_token_out_of_history(bijeenkomst):
    genodigde = bijeenkomst.genodigden.first()
    assert not hasattr(genodigde.history.first(), "token")


# --- visible_to -----------------------------------------------------------------------------------


def test_members_of_the_network_and_the_project_team_see_a_network_meeting(kring, bijeenkomst):
    niet_uitgenodigd = kring.plan_bijeenkomst(titel="Zonder genodigden")
    for persoon in (kring.coordinator, kring.bcm, kring.waarnemer, kring.projectteam):
        zichtbaar = set(Bijeenkomst.objects.visible_to(persoon))
        assert {bijeenkomst, niet_uitgenodigd} <= zichtbaar, persoon


def test_outsiders_and_the_steering_group_do_not_see_a_network_meeting(kring, bijeenkomst):
    for persoon in (kring.buiten, kring.stuurgroep, GebruikerFactory()):
        assert not Bijeenkomst.objects.visible_to(persoon).exists()
        with pytest.raises(Http404):
            get_bijeenkomst_for_user(persoon, bijeenkomst.pk)


def test_an_invitee_sees_the_meetings_he_is_invited_to_and_no_others(kring):
    toets = kring.plan_landelijk()
    stuurgroep = kring.plan_landelijk(Bijeenkomst.Soort.STUURGROEP, titel="Stuurgroep")
    services.nodig_uit(stuurgroep, personen=[kring.stuurgroep], actor=kring.projectteam)
    assert list(Bijeenkomst.objects.visible_to(kring.stuurgroep)) == [stuurgroep]
    assert not Bijeenkomst.objects.visible_to(kring.bcm).filter(pk__in=[toets.pk, stuurgroep.pk]).exists()
    assert set(Bijeenkomst.objects.visible_to(kring.projectteam)) == {toets, stuurgroep}


def test_an_outsider_invited_to_a_national_meeting_sees_only_that_one(kring, bijeenkomst):
    toets = kring.plan_landelijk()
    services.nodig_uit(toets, personen=[kring.buiten], actor=kring.projectteam)
    assert list(Bijeenkomst.objects.visible_to(kring.buiten)) == [toets]
    assert get_bijeenkomst_for_user(kring.buiten, toets.pk) == toets


def test_an_inactive_or_anonymous_user_sees_nothing(kring, bijeenkomst):
    from django.contrib.auth.models import AnonymousUser

    kring.bcm.is_active = False
    kring.bcm.save()
    assert not Bijeenkomst.objects.visible_to(kring.bcm).exists()
    assert not Bijeenkomst.objects.visible_to(AnonymousUser()).exists()


def test_a_member_who_leaves_the_network_no_longer_sees_its_meetings(kring, bijeenkomst):
    from netwerken import services as netwerk_services

    voorbij = kring.plan_bijeenkomst(titel="Vorige keer")
    services.nodig_uit(voorbij, personen=[kring.waarnemer], actor=kring.coordinator)
    Bijeenkomst.objects.filter(pk=voorbij.pk).update(begin=over_dagen(-7, 14), einde=over_dagen(-7, 16))
    netwerk_services.verwijder_lid(kring.netwerk.lidmaatschappen.get(persoon=kring.waarnemer), actor=None)
    waarnemer = type(kring.waarnemer).objects.get(pk=kring.waarnemer.pk)
    # Issue 2: an invitation does not keep a network meeting visible to someone who left.
    assert not Bijeenkomst.objects.visible_to(waarnemer).exists()
    # The coming meeting's invitation is taken back; the past one keeps him with his attendance.
    assert not bijeenkomst.genodigden.filter(gebruiker=waarnemer).exists()
    assert voorbij.genodigden.filter(gebruiker=waarnemer).exists()
    with pytest.raises(Http404):
        get_bijeenkomst_for_user(waarnemer, voorbij.pk)


def test_an_invitation_shows_other_kinds_but_not_another_networks_meeting(kring, bijeenkomst):
    """Issue 2: the invitation branch of `visible_to` applies to the other kinds only."""
    toets = kring.plan_landelijk()
    services.nodig_uit(toets, personen=[kring.buiten], actor=kring.projectteam)
    # A stale invitation to a network meeting (written past the service, which refuses outsiders).
    Genodigde.objects.create(bijeenkomst=bijeenkomst, gebruiker=kring.buiten)
    assert list(Bijeenkomst.objects.visible_to(kring.buiten)) == [toets]
    assert set(Bijeenkomst.objects.visible_to(kring.projectteam)) == {bijeenkomst, toets}


# --- managing -------------------------------------------------------------------------------------


def test_only_the_coordinator_manages_a_network_meeting_the_others_read(kring, bijeenkomst):
    """Issue 7: the project team reads a network meeting but does not manage it."""
    assert get_bijeenkomst_for_user(kring.coordinator, bijeenkomst.pk, beheer=True) == bijeenkomst
    assert not mag_beheren(kring.projectteam, bijeenkomst)
    for persoon in (kring.bcm, kring.waarnemer, kring.projectteam):
        assert get_bijeenkomst_for_user(persoon, bijeenkomst.pk) == bijeenkomst
        with pytest.raises(PermissionDenied):
            get_bijeenkomst_for_user(persoon, bijeenkomst.pk, beheer=True)
    with pytest.raises(Http404):  # not 403: an outsider learns nothing
        get_bijeenkomst_for_user(kring.buiten, bijeenkomst.pk, beheer=True)


def test_only_the_project_team_manages_the_other_kinds(kring):
    toets = kring.plan_landelijk()
    services.nodig_uit(toets, personen=[kring.coordinator], actor=kring.projectteam)
    assert mag_beheren(kring.projectteam, toets)
    assert not mag_beheren(kring.coordinator, toets)
    with pytest.raises(PermissionDenied):
        get_bijeenkomst_for_user(kring.coordinator, toets.pk, beheer=True)


def test_who_may_convene_what(kring):
    assert mag_plannen(kring.coordinator, "netwerk", kring.netwerk)
    assert not mag_plannen(kring.coordinator, "netwerk", kring.ander_netwerk)
    assert not mag_plannen(kring.coordinator, "toets")
    assert not mag_plannen(kring.bcm, "netwerk", kring.netwerk)
    assert all(mag_plannen(kring.projectteam, soort) for soort in ("expert", "toets", "stuurgroep"))
    assert not mag_plannen(kring.projectteam, "netwerk", kring.netwerk)
    assert soorten_om_te_plannen(kring.coordinator) == [("netwerk", "netwerkbijeenkomst")]
    assert soorten_om_te_plannen(kring.bcm) == []
    assert [w for w, _ in soorten_om_te_plannen(kring.projectteam)] == ["expert", "toets", "stuurgroep"]
    assert not netwerken_om_te_plannen(kring.projectteam).exists()
    assert list(netwerken_om_te_plannen(kring.coordinator)) == [kring.netwerk]


def test_a_project_team_member_who_coordinates_a_network_convenes_its_meetings(kring):
    persoon = maak_lid(kring.netwerk, Lidmaatschap.Rol.COORDINATOR)
    persoon.groups.add(Group.objects.get(name="Projectteam"))
    assert mag_plannen(persoon, "netwerk", kring.netwerk)
    assert not mag_plannen(persoon, "netwerk", kring.ander_netwerk)
    assert [w for w, _ in soorten_om_te_plannen(persoon)] == ["netwerk", "expert", "toets", "stuurgroep"]


def test_genodigde_defaults_to_no_answer(bijeenkomst):
    assert set(bijeenkomst.genodigden.values_list("antwoord", flat=True)) == {Genodigde.Antwoord.GEEN}
