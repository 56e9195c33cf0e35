"""A network like drinkwater-vitens with its people, a current agenda and a plan with actions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from actieplannen import services
from actieplannen.models import Actieplan, Verbeteractie
from agenda.models import Agenda
from netwerken import services as netwerk_services
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk, Organisatie
from tests.factories import GebruikerFactory, RegioFactory, maak_agenda, maak_lid, maak_netwerk


@dataclass
class Vitens:
    netwerk: Netwerk
    agenda: Agenda
    plan: Actieplan
    regio: Organisatie
    coordinator: Gebruiker  # works at the coordinating region, its contact person
    bcm: Gebruiker  # lid at the kernpartner, its contact person
    waarnemer: Gebruiker
    buiten: Gebruiker  # coordinator of another network
    projectteam: Gebruiker
    stuurgroep: Gebruiker

    def maak_actie(self, titel: str = "Actie", **velden) -> Verbeteractie:
        standaard = {
            "thema": self.agenda.afspraken.first().thema,
            "organisatie": self.netwerk.kernpartner,
            "eigenaar": self.bcm,
            "einddatum": datetime.date(2027, 6, 30),
            "kostenraming": Decimal("1000.00"),
            "aandeel_bedrijf": Decimal("600.00"),
            "aandeel_regio": Decimal("400.00"),
        }
        return services.voeg_actie_toe(self.plan, actor=self.coordinator, titel=titel, **(standaard | velden))


@pytest.fixture
def vitens(db) -> Vitens:
    agenda = maak_agenda("drinkwater", afspraken=6, status="vastgesteld")
    regio = RegioFactory(vr_nummer=4)
    netwerk = maak_netwerk(slug="drinkwater-vitens", regio=regio)
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR, organisatie=regio)
    bcm = maak_lid(netwerk, Lidmaatschap.Rol.LID)
    waarnemer = maak_lid(netwerk, Lidmaatschap.Rol.WAARNEMER)
    netwerk_services.zet_contactpersoon(netwerk.deelnames.get(organisatie=regio), coordinator, actor=None)
    netwerk_services.zet_contactpersoon(
        netwerk.deelnames.get(organisatie=netwerk.kernpartner), bcm, actor=None
    )
    ander = maak_netwerk(slug="drinkwater-evides", regio=RegioFactory(vr_nummer=17))
    buiten = maak_lid(ander, Lidmaatschap.Rol.COORDINATOR)
    projectteam = GebruikerFactory()
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    plan = services.zorg_voor_actieplan(netwerk, actor=coordinator)
    return Vitens(netwerk, agenda, plan, regio, coordinator, bcm, waarnemer, buiten, projectteam, stuurgroep)
