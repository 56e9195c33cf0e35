"""A small programme for the report tests: two sectors, three networks with plans and actions.

Shared by tests/monitoring/test_rapporten*.py and test_reports_pdf.py (each declares its own
`wereld` fixture that calls `maak_wereld`). Known numbers, so tests can count independently:

- drinkwater-vitens (drinkwater): coordinator, lid (bcm), waarnemer; 4 actions: one in progress,
  one overdue (due 2020), one finished, and one TLP:RED for bcm only (never counted in aggregates);
- drinkwater-evides (drinkwater): coordinator `buiten`; 2 actions not started;
- elektriciteit-liander (elektriciteit): 1 action in progress.
Plus a project-team member, a stuurgroep member and an outsider without networks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Group

from actieplannen import services as plan_services
from actieplannen.models import TLP, Actieplan, Verbeteractie
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk
from tests.factories import (
    BedrijfFactory,
    GebruikerFactory,
    RegioFactory,
    SectorFactory,
    maak_agenda,
    maak_lid,
    maak_netwerk,
)

# Every action of the world lies in this period (made today, due in 2020 or 2027).
PERIODE = (datetime.date(2020, 1, 1), datetime.date.today())


@dataclass
class Wereld:
    vitens: Netwerk
    evides: Netwerk
    liander: Netwerk
    coordinator: Gebruiker  # coordinator of vitens
    bcm: Gebruiker  # lid of vitens, recipient of the RED action
    waarnemer: Gebruiker  # waarnemer in vitens
    buiten: Gebruiker  # coordinator of evides only
    projectteam: Gebruiker
    stuurgroep: Gebruiker
    outsider: Gebruiker  # no network, no group
    rode_actie: Verbeteractie

    def plan(self, netwerk: Netwerk) -> Actieplan:
        return Actieplan.objects.get(netwerk=netwerk)


def _actie(plan: Actieplan, actor: Gebruiker, titel: str, **velden) -> Verbeteractie:
    thema = plan.netwerk.sectoren.first().agendas.get(huidig=True).afspraken.first().thema
    standaard = {
        "thema": thema,
        "organisatie": plan.netwerk.kernpartner,
        "einddatum": datetime.date(2027, 6, 30),
        "kostenraming": Decimal("1000.00"),
        "aandeel_bedrijf": Decimal("600.00"),
        "aandeel_regio": Decimal("400.00"),
    }
    return plan_services.voeg_actie_toe(plan, actor=actor, titel=titel, **(standaard | velden))


def maak_wereld() -> Wereld:
    maak_agenda("drinkwater", afspraken=6, status="vastgesteld")
    maak_agenda("elektriciteit", afspraken=4, status="vastgesteld")

    vitens = maak_netwerk(slug="drinkwater-vitens", regio=RegioFactory(vr_nummer=4))
    coordinator = maak_lid(vitens, Lidmaatschap.Rol.COORDINATOR)
    bcm = maak_lid(vitens, Lidmaatschap.Rol.LID)
    waarnemer = maak_lid(vitens, Lidmaatschap.Rol.WAARNEMER)
    plan = plan_services.zorg_voor_actieplan(vitens, actor=coordinator)
    _actie(plan, coordinator, "Nooddrinkwater distribueren", status="in_uitvoering", voortgang=50)
    _actie(
        plan,
        coordinator,
        "Crisiscommunicatie afstemmen",
        status="in_uitvoering",
        einddatum=datetime.date(2020, 3, 31),
    )
    _actie(plan, coordinator, "Oefening gehouden", status="gereed", voortgang=100)
    rode_actie = _actie(
        plan,
        bcm,  # the editor of a RED action is always one of its recipients
        "Kwetsbaarheid in de besturing",
        tlp=TLP.RED,
        tlp_ontvangers=[bcm],
        kostenraming=Decimal("5000.00"),
        aandeel_bedrijf=Decimal("5000.00"),
        aandeel_regio=Decimal("0"),
    )

    evides = maak_netwerk(slug="drinkwater-evides", regio=RegioFactory(vr_nummer=17))
    buiten = maak_lid(evides, Lidmaatschap.Rol.COORDINATOR)
    plan = plan_services.zorg_voor_actieplan(evides, actor=buiten)
    _actie(plan, buiten, "Uitgiftepunten inventariseren")
    _actie(plan, buiten, "Afspraken over tankwagens")

    liander = maak_netwerk(
        slug="elektriciteit-liander", regio=RegioFactory(vr_nummer=13), bedrijf=BedrijfFactory()
    )
    liander.sectoren.set([SectorFactory(slug="elektriciteit", naam="Elektriciteit")])
    elektricien = maak_lid(liander, Lidmaatschap.Rol.COORDINATOR)
    plan = plan_services.zorg_voor_actieplan(liander, actor=elektricien)
    _actie(plan, elektricien, "Stroomuitval oefenen", status="in_uitvoering")

    projectteam = GebruikerFactory()
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    outsider = GebruikerFactory()
    return Wereld(
        vitens,
        evides,
        liander,
        coordinator,
        bcm,
        waarnemer,
        buiten,
        projectteam,
        stuurgroep,
        outsider,
        rode_actie,
    )
