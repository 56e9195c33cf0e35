"""A small world for the menukaart tests: two drinking-water networks, their people, plans and items.

Attachments go to a temporary directory (`settings.PRIVE_BESTANDEN`), never to the real one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from actieplannen import services as actie_services
from actieplannen.models import TLP, Actieplan, Verbeteractie
from agenda.models import Thema
from menukaart.models import MenukaartItem
from netwerken.models import Gebruiker, Lidmaatschap, Netwerk, Sector
from tests.factories import GebruikerFactory, RegioFactory, SectorFactory, maak_lid, maak_netwerk, maak_themas

OP_POSTGRES = connection.vendor == "postgresql"
alleen_postgres = pytest.mark.skipif(
    not OP_POSTGRES,
    reason="Nederlandse full-text search (config dutch) bestaat alleen op PostgreSQL; zet DATABASE_URL om dit te testen.",
)
alleen_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="Test het zoekgedrag van de ingebedde standaard (SQLite); op PostgreSQL geldt de Nederlandse full-text search.",
)


@pytest.fixture(autouse=True)
def prive_map(settings, tmp_path: Path) -> Path:
    """Attachments of every test in their own temporary directory."""
    settings.PRIVE_BESTANDEN = tmp_path / "prive"
    return settings.PRIVE_BESTANDEN


def maak_item(
    titel: str = "Item",
    *,
    samenvatting: str = "Een samenvatting.",
    inhoud: str = "",
    status: str = MenukaartItem.Status.GEPUBLICEERD,
    themas: tuple[Thema, ...] | list[Thema] = (),
    sectoren: tuple[Sector, ...] | list[Sector] = (),
    tlp: str = TLP.CLEAR,
    voorgesteld_door: Gebruiker | None = None,
    laatst_beoordeeld: datetime.date | None | str = "vandaag",
    soort: str = MenukaartItem.Soort.VOORBEELD,
    **velden: object,
) -> MenukaartItem:
    """An item saved directly (test setup), with its themes and sectors."""
    if laatst_beoordeeld == "vandaag":
        laatst_beoordeeld = timezone.localdate() if status == MenukaartItem.Status.GEPUBLICEERD else None
    item = MenukaartItem.objects.create(
        titel=titel,
        samenvatting=samenvatting,
        inhoud=inhoud,
        status=status,
        tlp=tlp,
        soort=soort,
        voorgesteld_door=voorgesteld_door,
        laatst_beoordeeld=laatst_beoordeeld,
        **velden,
    )
    item.themas.set(themas)
    item.sectoren.set(sectoren)
    return item


@dataclass
class Wereld:
    themas: list[Thema]
    drinkwater: Sector
    elektriciteit: Sector
    netwerk: Netwerk  # drinkwater-vitens
    ander_netwerk: Netwerk  # drinkwater-evides
    plan: Actieplan
    ander_plan: Actieplan
    lid: Gebruiker  # lid of drinkwater-vitens: may change its actions
    waarnemer: Gebruiker  # reads drinkwater-vitens
    buiten: Gebruiker  # lid of drinkwater-evides only
    projectteam: Gebruiker
    stuurgroep: Gebruiker

    def actie(
        self, titel: str = "Actie", *, plan: Actieplan | None = None, thema: Thema | None = None, **velden
    ) -> Verbeteractie:
        return actie_services.voeg_actie_toe(
            plan or self.plan, actor=None, titel=titel, thema=thema or self.themas[7], **velden
        )

    def item(self, titel: str = "Item", **velden) -> MenukaartItem:
        velden.setdefault("themas", [self.themas[7]])
        velden.setdefault("sectoren", [self.drinkwater])
        return maak_item(titel, **velden)


@pytest.fixture
def wereld(db) -> Wereld:
    themas = maak_themas()
    netwerk = maak_netwerk(slug="drinkwater-vitens", regio=RegioFactory(vr_nummer=4))
    ander = maak_netwerk(slug="drinkwater-evides", regio=RegioFactory(vr_nummer=17))
    projectteam = GebruikerFactory(naam="Petra Projectteam")
    projectteam.groups.add(Group.objects.get(name="Projectteam"))
    stuurgroep = GebruikerFactory(naam="Sjoerd Stuurgroep")
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    return Wereld(
        themas=themas,
        drinkwater=Sector.objects.get(slug="drinkwater"),
        elektriciteit=SectorFactory(slug="elektriciteit", naam="Elektriciteit"),
        netwerk=netwerk,
        ander_netwerk=ander,
        plan=actie_services.zorg_voor_actieplan(netwerk, actor=None),
        ander_plan=actie_services.zorg_voor_actieplan(ander, actor=None),
        lid=maak_lid(netwerk, Lidmaatschap.Rol.LID),
        waarnemer=maak_lid(netwerk, Lidmaatschap.Rol.WAARNEMER),
        buiten=maak_lid(ander, Lidmaatschap.Rol.LID),
        projectteam=projectteam,
        stuurgroep=stuurgroep,
    )
