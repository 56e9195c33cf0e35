"""A small world for the meeting tests (shared by the core and the screen tests).

`kring`: the network drinkwater-vitens with a coordinator (contact of the coordinating region), a
member (`bcm`, contact of the kernpartner), a waarnemer, an outsider (coordinator of another
network), the project team, a steering-group member, the current drinking-water agenda and the
network's plan. `bijeenkomst`: a network meeting next week, 14:00–16:00 Amsterdam time, with the
coordinator, bcm and waarnemer invited (no mail sent: created through the services without
running on-commit callbacks).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from actieplannen import services as actie_services
from actieplannen.models import Actieplan, Verbeteractie
from agenda.models import Agenda
from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst
from netwerken import services as netwerk_services
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk, Organisatie
from tests.factories import GebruikerFactory, RegioFactory, maak_agenda, maak_lid, maak_netwerk


def amsterdam(jaar: int, maand: int, dag: int, uur: int = 14, minuut: int = 0) -> datetime.datetime:
    """An aware datetime at this wall-clock time in Europe/Amsterdam (the portal's time zone)."""
    return timezone.make_aware(datetime.datetime(jaar, maand, dag, uur, minuut))


def over_dagen(dagen: int, uur: int = 14) -> datetime.datetime:
    """`dagen` days from today at `uur`:00 Amsterdam time."""
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return amsterdam(dag.year, dag.month, dag.day, uur)


@dataclass
class Kring:
    netwerk: Netwerk
    agenda: Agenda
    plan: Actieplan
    regio: Organisatie
    coordinator: Gebruiker  # coordinator, works at the coordinating region, its contact person
    bcm: Gebruiker  # lid at the kernpartner, its contact person
    waarnemer: Gebruiker
    buiten: Gebruiker  # coordinator of another network (drinkwater-evides)
    ander_netwerk: Netwerk
    projectteam: Gebruiker
    stuurgroep: Gebruiker

    def plan_bijeenkomst(self, **velden: Any) -> Bijeenkomst:
        """A network meeting of this network convened by the coordinator (override any field)."""
        standaard: dict[str, Any] = {
            "soort": Bijeenkomst.Soort.NETWERK,
            "titel": "Netwerkoverleg drinkwater",
            "netwerk": self.netwerk,
            "begin": over_dagen(7, 14),
            "einde": over_dagen(7, 16),
            "locatie": "Veiligheidsregio, Arnhem",
            "actor": self.coordinator,
        }
        return services.plan_bijeenkomst(**(standaard | velden))

    def plan_landelijk(self, soort: str = Bijeenkomst.Soort.TOETS, **velden: Any) -> Bijeenkomst:
        """A meeting of another kind convened by the project team."""
        standaard: dict[str, Any] = {
            "soort": soort,
            "titel": f"{Bijeenkomst.Soort(soort).label.capitalize()} 2026",
            "begin": over_dagen(10, 10),
            "einde": over_dagen(10, 12),
            "online_link": "https://vergaderen.example/toets",
            "actor": self.projectteam,
        }
        if soort == Bijeenkomst.Soort.EXPERT:
            standaard |= {"sector": self.agenda.sector, "agenda": self.agenda}
        return services.plan_bijeenkomst(**(standaard | velden))

    def maak_actie(self, titel: str = "Actie", **velden: Any) -> Verbeteractie:
        standaard = {
            "thema": self.agenda.afspraken.first().thema,
            "organisatie": self.netwerk.kernpartner,
            "eigenaar": self.bcm,
            "einddatum": datetime.date(2027, 6, 30),
            "kostenraming": Decimal("1000.00"),
            "aandeel_bedrijf": Decimal("600.00"),
            "aandeel_regio": Decimal("400.00"),
        }
        return actie_services.voeg_actie_toe(
            self.plan, actor=self.coordinator, titel=titel, **(standaard | velden)
        )


@pytest.fixture
def kring(db) -> Kring:
    agenda = maak_agenda("drinkwater", afspraken=4, status="vastgesteld")
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
    projectteam = GebruikerFactory(naam="Projectteamlid")
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory(naam="Stuurgroeplid")
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    plan = actie_services.zorg_voor_actieplan(netwerk, actor=coordinator)
    return Kring(
        netwerk, agenda, plan, regio, coordinator, bcm, waarnemer, buiten, ander, projectteam, stuurgroep
    )


@pytest.fixture
def bijeenkomst(kring: Kring) -> Bijeenkomst:
    """A network meeting next week with the coordinator, bcm and waarnemer invited."""
    bijeenkomst = kring.plan_bijeenkomst()
    services.nodig_uit(
        bijeenkomst, personen=[kring.coordinator, kring.bcm, kring.waarnemer], actor=kring.coordinator
    )
    bijeenkomst.refresh_from_db()
    return bijeenkomst
