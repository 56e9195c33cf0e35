"""Demo accounts and memberships on top of the reference data, for `make run` and demonstrations.

Refused unless `settings.DEMO_DATA_TOEGESTAAN` (environment DEMO_DATA, default on with DEBUG):
the accounts share a published password. Safe to run again: accounts are matched on e-mail,
a password is set only when the account is created, memberships and contacts only when missing.
Memberships go through `netwerken.services`, so the object permissions follow the roles.
Then the example agendas and role description (`agenda.demo`), created by the project-team account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actieplannen.demo import laad_actieplan_demo
from agenda.demo import laad_agenda_demo
from bijeenkomsten.demo import laad_bijeenkomsten_demo
from menukaart.demo import laad_menukaart_demo
from monitoring.demo import laad_monitoring_demo
from monitoring.momentopnamen import laad_momentopname_demo
from netwerken import services
from netwerken.models import Deelname, Gebruiker, Lidmaatschap, Netwerk, Organisatie

from .laad_referentiedata import Teller, upsert

WACHTWOORD = "demo-portaal"
VITENS = "drinkwater-vitens"
LANDELIJK = "landelijk"  # the national network (laad_referentiedata)
EVIDES = "drinkwater-evides"

_COORDINATOR, _LID, _WAARNEMER = (
    Lidmaatschap.Rol.COORDINATOR,
    Lidmaatschap.Rol.LID,
    Lidmaatschap.Rol.WAARNEMER,
)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    naam: str
    functie: str
    organisatie: str  # Organisatie.code
    wat: str  # what the account demonstrates, for the printed overview
    groep: str = ""
    beheerder: bool = False
    # (network slug, network role, contact person of his organisation there)
    lidmaatschappen: tuple[tuple[str, str, bool], ...] = ()


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "beheerder@demo.nl",
        "Bram Demo-Beheer",
        "Functioneel beheerder",
        "ifv-nipv",
        "functioneel beheerder (Django-beheer, alle netwerken)",
        beheerder=True,
    ),
    DemoAccount(
        "projectteam@demo.nl",
        "Petra Demo-Jansen",
        "Projectleider Continuïteit van de samenleving",
        "ifv-nipv",
        "projectteam: leest alle netwerken, beheert agenda's en menukaart",
        groep=settings.GROEP_PROJECTTEAM,
    ),
    DemoAccount(
        "stuurgroep@demo.nl",
        "Sjoerd Demo-Bakker",
        "Lid stuurgroep",
        "veiligheidsberaad",
        "stuurgroep: alleen dashboards en rapportages",
        groep=settings.GROEP_STUURGROEP,
    ),
    DemoAccount(
        "adviseur@demo.nl",
        "Anne Demo-de Vries",
        "Adviseur crisisbeheersing",
        "vr04",
        "VR-adviseur IJsselland, coördinator van Drinkwater Vitens",
        lidmaatschappen=((VITENS, _COORDINATOR, True),),
    ),
    DemoAccount(
        "bcm@demo.nl",
        "Bart Demo-Visser",
        "Business-continuitymanager",
        "vitens",
        "BC-manager Vitens, lid en contactpersoon in Drinkwater Vitens",
        lidmaatschappen=((VITENS, _LID, True),),
    ),
    DemoAccount(
        "waarnemer@demo.nl",
        "Wim Demo-Smit",
        "Beleidsmedewerker risicobeheersing",
        "vr06",
        "Noord- en Oost-Gelderland, waarnemer in Drinkwater Vitens",
        lidmaatschappen=((VITENS, _WAARNEMER, False),),
    ),
    DemoAccount(
        "buiten@demo.nl",
        "Eva Demo-Mulder",
        "Business-continuitymanager",
        "evides",
        "BC-manager Evides, alleen lid van Drinkwater Evides (ziet Vitens niet)",
        lidmaatschappen=((EVIDES, _LID, True),),
    ),
    DemoAccount(
        "ministerie@demo.nl",
        "Mira Demo-Bos",
        "Beleidsmedewerker crisisbeheersing",
        "min-jenv",
        "ministerie JenV, coördinator van het landelijk netwerk (nationaal actieplan)",
        lidmaatschappen=((LANDELIJK, _COORDINATOR, True),),
    ),
)

# Fictional first names of the coordinators of the other networks, one per safety region number.
VOORNAMEN = (
    "Ada", "Bas", "Cor", "Dirk", "Els", "Fenna", "Gijs", "Hanna", "Ids", "Jet", "Kees", "Lot", "Maarten",
    "Nina", "Olaf", "Pien", "Quinten", "Roos", "Sem", "Tess", "Ugo", "Vera", "Wouter", "Xandra", "Yara",
)  # fmt: skip


def coordinator_account(regio: Organisatie, netwerken: list[str]) -> DemoAccount:
    """A fictional coordinator at a safety region for the networks that region coordinates."""
    return DemoAccount(
        f"coordinator.vr{regio.vr_nummer:02d}@demo.nl",
        f"{VOORNAMEN[regio.vr_nummer - 1]} Demo-{regio.korte_naam}",
        "Netwerkcoördinator vitale infrastructuur",
        regio.code,
        f"coördinator bij {regio.korte_naam}",
        lidmaatschappen=tuple((slug, _COORDINATOR, True) for slug in netwerken),
    )


class Command(BaseCommand):
    help = "Laadt demo-accounts en lidmaatschappen (wachtwoord demo-portaal). Alleen als DEMO_DATA_TOEGESTAAN aan staat."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_DATA_TOEGESTAAN", False):
            raise CommandError(
                "Demodata is hier niet toegestaan: de demo-accounts hebben een openbaar wachtwoord. "
                "Zet DEMO_DATA=true alleen op een ontwikkel- of demonstratieomgeving."
            )
        teller = Teller()
        with transaction.atomic():
            accounts = self.controleer_en_plan()
            self.laad(accounts, teller)

        self.stdout.write(
            f"Demodata: {len(accounts)} accounts, "
            f"{teller.aangemaakt['accounts']} aangemaakt, {teller.aangemaakt['lidmaatschappen']} lidmaatschappen aangemaakt."
        )
        self.stdout.write(
            f"\nInloggen op {settings.SITE_URL.rstrip('/')}/account/login/ met wachtwoord {WACHTWOORD}:"
        )
        for account in accounts:
            self.stdout.write(f"  {account.email:<28} {account.wat}")

        # Example agendas and role description, written as the project team would (idempotent).
        projectteam = Gebruiker.objects.get(email="projectteam@demo.nl")
        self.stdout.write(laad_agenda_demo(actor=projectteam))
        # Assessments and plans, written by the people of each network (history names them).
        self.stdout.write(laad_actieplan_demo())
        self.stdout.write(laad_menukaart_demo())
        self.stdout.write(laad_monitoring_demo(actor=projectteam))
        self.stdout.write(laad_momentopname_demo())  # 24 months of snapshots for the trend
        self.stdout.write(laad_bijeenkomsten_demo())
        self.stdout.write(self.style.SUCCESS("Demodata geladen."))

    def controleer_en_plan(self) -> list[DemoAccount]:
        """The fixed accounts plus one coordinator per coordinating region of every other network."""
        codes = {account.organisatie for account in ACCOUNTS}
        organisaties = Organisatie.objects.in_bulk(codes, field_name="code")
        netwerken = Netwerk.objects.in_bulk([VITENS, EVIDES, LANDELIJK], field_name="slug")
        if set(organisaties) != codes or len(netwerken) != 3:
            raise CommandError("De referentiedata ontbreekt. Voer eerst `manage.py laad_referentiedata` uit.")
        coordinerend = {
            d.netwerk.slug: d.organisatie
            for d in Deelname.objects.filter(coordinerend=True).select_related("netwerk", "organisatie")
        }
        # The demo story (a IJsselland advisor coordinating Vitens) needs the derivation to agree.
        if coordinerend.get(VITENS) != organisaties["vr04"]:
            raise CommandError(
                f"De coördinerende regio van {VITENS} is {coordinerend.get(VITENS)}, niet IJsselland (vr04); "
                "controleer de referentiedata."
            )
        # The national network has no coordinating region: the ministry convenes it.
        zonder = (
            Netwerk.objects.exclude(slug__in=coordinerend)
            .exclude(landelijk=True)
            .values_list("slug", flat=True)
        )
        for slug in zonder:
            self.stderr.write(
                f"Let op: {slug} heeft geen coördinerende regio en krijgt geen demo-coördinator."
            )

        per_regio: dict[Organisatie, list[str]] = {}
        for slug, regio in sorted(coordinerend.items()):
            if slug != VITENS:
                per_regio.setdefault(regio, []).append(slug)
        coordinatoren = [
            coordinator_account(regio, slugs)
            for regio, slugs in sorted(per_regio.items(), key=lambda x: x[0].vr_nummer)
        ]
        return [*ACCOUNTS, *coordinatoren]

    def laad(self, accounts: list[DemoAccount], teller: Teller) -> None:
        organisaties = Organisatie.objects.in_bulk({a.organisatie for a in accounts}, field_name="code")
        gebruikers = Gebruiker.objects.in_bulk([a.email for a in accounts], field_name="email")
        groepen = {
            naam: Group.objects.get_or_create(name=naam)[0] for naam in {a.groep for a in accounts if a.groep}
        }
        slugs = {slug for a in accounts for slug, _, _ in a.lidmaatschappen}
        netwerken = Netwerk.objects.in_bulk(slugs, field_name="slug")
        leden = set(
            Lidmaatschap.objects.filter(netwerk__in=netwerken.values()).values_list(
                "netwerk_id", "persoon_id"
            )
        )

        for account in accounts:
            waarden = {
                "naam": account.naam,
                "functie": account.functie,
                "organisatie_id": organisaties[account.organisatie].pk,
                "is_staff": account.beheerder,
                "is_superuser": account.beheerder,
            }
            if account.email not in gebruikers:
                # Only a new account gets the demo password: a changed password stays changed.
                gebruikers[account.email] = Gebruiker.objects.create_user(
                    account.email, WACHTWOORD, **waarden
                )
                teller.aangemaakt["accounts"] += 1
            persoon = upsert(Gebruiker, gebruikers, "email", account.email, waarden, teller)
            if account.groep:
                persoon.groups.add(groepen[account.groep])  # adding an existing member is a no-op

            for slug, rol, contactpersoon in account.lidmaatschappen:
                netwerk = netwerken[slug]
                if (netwerk.pk, persoon.pk) not in leden:
                    services.voeg_lid_toe(netwerk, persoon, rol, actor=None)
                    leden.add((netwerk.pk, persoon.pk))
                    teller.aangemaakt["lidmaatschappen"] += 1
                if contactpersoon:
                    deelname = Deelname.objects.get(netwerk=netwerk, organisatie_id=persoon.organisatie_id)
                    if deelname.contactpersoon_id is None:  # a contact chosen in the portal stays
                        services.zet_contactpersoon(deelname, persoon, actor=None)
