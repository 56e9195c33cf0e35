"""The rules of §3 on networks, enforced by services, model validation and database constraints."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from netwerken import services
from netwerken.models import Deelname, Lidmaatschap, Organisatie
from tests.factories import BedrijfFactory, GebruikerFactory, RegioFactory, maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db


def test_it_allows_one_coordinating_region_per_network() -> None:
    # Both regions by number: the factory's sequence depends on the tests that ran before.
    netwerk = maak_netwerk(regio=RegioFactory(vr_nummer=6))
    tweede = RegioFactory(vr_nummer=7)
    with pytest.raises(ValidationError, match="al een coördinerende"):
        services.voeg_deelnemer_toe(netwerk, tweede, "veiligheidsregio", actor=None, coordinerend=True)
    # The database refuses it too, whatever path a write takes.
    deelname = services.voeg_deelnemer_toe(netwerk, tweede, "veiligheidsregio", actor=None)
    deelname.coordinerend = True
    with pytest.raises(IntegrityError), transaction.atomic():
        deelname.save()


def test_it_requires_exactly_one_coordinating_region() -> None:
    netwerk = maak_netwerk()
    netwerk.valideer_deelnames()
    netwerk.deelnames.filter(coordinerend=True).update(coordinerend=False)
    with pytest.raises(ValidationError, match="precies één coördinerende"):
        netwerk.valideer_deelnames()


def test_it_lets_only_a_safety_region_coordinate() -> None:
    netwerk = maak_netwerk()
    bedrijf = BedrijfFactory()
    deelname = Deelname(netwerk=netwerk, organisatie=bedrijf, rol="vitale_partner", coordinerend=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        deelname.save()


def test_it_refuses_a_second_lead_partner_on_the_same_side() -> None:
    netwerk = maak_netwerk()  # the kernpartner is lead partner of the companies' side
    ander = services.voeg_deelnemer_toe(netwerk, BedrijfFactory(naam="TenneT"), "vitale_partner", actor=None)
    with pytest.raises(ValidationError, match="al leadpartner"):
        services.zet_leadpartner(ander, True, actor=None)
    ander.refresh_from_db()
    assert ander.leadpartner is False
    with pytest.raises(IntegrityError), transaction.atomic():
        Deelname.objects.filter(pk=ander.pk).update(leadpartner=True)


def test_it_allows_one_lead_partner_per_side() -> None:
    netwerk = maak_netwerk()
    regio = netwerk.deelnames.get(coordinerend=True)
    services.zet_leadpartner(regio, True, actor=None)
    assert netwerk.deelnames.filter(leadpartner=True).count() == 2


def test_it_refuses_a_lead_partner_outside_the_two_sides() -> None:
    netwerk = maak_netwerk()
    ministerie = Organisatie.objects.create(code="min-jenv", naam="JenV", soort=Organisatie.Soort.MINISTERIE)
    deelname = services.voeg_deelnemer_toe(netwerk, ministerie, "ministerie", actor=None)
    with pytest.raises(ValidationError, match="alleen aan de kant"):
        services.zet_leadpartner(deelname, True, actor=None)


def test_it_refuses_a_duplicate_participation() -> None:
    netwerk = maak_netwerk()
    with pytest.raises(ValidationError, match="neemt al deel"):
        services.voeg_deelnemer_toe(netwerk, netwerk.kernpartner, "kernpartner", actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Deelname.objects.create(netwerk=netwerk, organisatie=netwerk.kernpartner, rol="kernpartner")


def test_it_names_at_most_one_contact_who_is_a_member_of_that_organisation() -> None:
    netwerk = maak_netwerk()
    deelname = netwerk.deelnames.get(organisatie=netwerk.kernpartner)
    eerste = maak_lid(netwerk)
    tweede = maak_lid(netwerk)
    services.zet_contactpersoon(deelname, eerste, actor=None)
    services.zet_contactpersoon(deelname, tweede, actor=None)
    deelname.refresh_from_db()
    assert deelname.contactpersoon == tweede  # one field: naming another replaces the first
    buitenstaander = GebruikerFactory(organisatie=netwerk.kernpartner)
    with pytest.raises(ValidationError, match="geen lid"):
        services.zet_contactpersoon(deelname, buitenstaander, actor=None)
    regiomedewerker = maak_lid(netwerk, organisatie=netwerk.deelnames.get(coordinerend=True).organisatie)
    with pytest.raises(ValidationError, match="werkt niet bij"):
        services.zet_contactpersoon(deelname, regiomedewerker, actor=None)


def test_it_refuses_a_duplicate_member() -> None:
    netwerk = maak_netwerk()
    persoon = maak_lid(netwerk)
    with pytest.raises(ValidationError, match="al lid"):
        services.voeg_lid_toe(netwerk, persoon, Lidmaatschap.Rol.LID, actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Lidmaatschap.objects.create(netwerk=netwerk, persoon=persoon)


def test_it_refuses_a_member_whose_organisation_does_not_take_part() -> None:
    netwerk = maak_netwerk()
    with pytest.raises(ValidationError, match="niet aan dit netwerk deelneemt"):
        services.voeg_lid_toe(netwerk, GebruikerFactory(), Lidmaatschap.Rol.LID, actor=None)


def test_it_keeps_at_least_one_coordinator() -> None:
    netwerk = maak_netwerk()
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    lidmaatschap = netwerk.lidmaatschappen.get(persoon=coordinator)
    with pytest.raises(ValidationError, match="minstens één coördinator"):
        services.wijzig_rol(lidmaatschap, Lidmaatschap.Rol.LID, actor=None)
    with pytest.raises(ValidationError, match="minstens één coördinator"):
        services.verwijder_lid(lidmaatschap, actor=None)
    assert netwerk.lidmaatschappen.filter(rol=Lidmaatschap.Rol.COORDINATOR).count() == 1


def test_it_clears_the_contact_when_he_leaves() -> None:
    netwerk = maak_netwerk()
    maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    contact = maak_lid(netwerk)
    deelname = netwerk.deelnames.get(organisatie=netwerk.kernpartner)
    services.zet_contactpersoon(deelname, contact, actor=None)
    services.verwijder_lid(netwerk.lidmaatschappen.get(persoon=contact), actor=None)
    deelname.refresh_from_db()
    assert deelname.contactpersoon is None


def test_it_numbers_safety_regions_1_to_25_only() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisatie.objects.create(
            code="vr26", naam="Regio 26", soort=Organisatie.Soort.VEILIGHEIDSREGIO, vr_nummer=26
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisatie.objects.create(
            code="bedrijf", naam="Bedrijf", soort=Organisatie.Soort.VITALE_PARTNER, vr_nummer=3
        )
