"""Demo meetings (only with demo data): one past and one coming meeting of the Vitens network, the
national toetsbijeenkomst and an expert meeting for drinking water. Safe to run twice.

Invitation mails of the demo are kept in memory, not sent: the demo accounts have no real mailboxes.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from netwerken.models import Gebruiker, Netwerk, Sector

from . import services
from .models import Bijeenkomst, Genodigde


def _om(dagen: int, uur: int) -> datetime.datetime:
    """A whole hour `dagen` days from today, Amsterdam time."""
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def laad_bijeenkomsten_demo() -> str:
    if Bijeenkomst.objects.exists():
        return f"Bijeenkomsten-demo: {Bijeenkomst.objects.count()} bijeenkomsten al aanwezig."
    adviseur = Gebruiker.objects.get(email="adviseur@demo.nl")
    projectteam = Gebruiker.objects.get(email="projectteam@demo.nl")
    bcm = Gebruiker.objects.get(email="bcm@demo.nl")
    vitens = Netwerk.objects.get(slug="drinkwater-vitens")
    with transaction.atomic():
        vorige = services.plan_bijeenkomst(
            soort=Bijeenkomst.Soort.NETWERK,
            titel="Netwerkbijeenkomst Vitens: toetsing aan de agenda",
            netwerk=vitens,
            begin=_om(-21, 13),
            einde=_om(-21, 16),
            locatie="Veiligheidsregio Gelderland-Midden, Arnhem",
            actor=adviseur,
        )
        services.nodig_uit(vorige, alle_leden=True, actor=adviseur)
        services.voeg_agendapunt_toe(vorige, titel="Opening en vaststellen agenda", actor=adviseur)
        services.voeg_agendapunt_toe(vorige, titel="Uitkomsten van de toetsing", actor=adviseur)
        services.registreer_aanwezigheid(
            vorige, {g.pk: True for g in vorige.genodigden.all()}, actor=adviseur
        )
        services.leg_notulen_vast(
            vorige,
            "De toetsing is doorgenomen. De noodwatervoorziening en de informatie-uitwisseling tijdens "
            "een verstoring vragen de meeste aandacht; daarvoor komen acties in het actieplan.",
            revisie=vorige.revisie,
            actor=adviseur,
        )
        services.leg_besluit_vast(
            vorige,
            "Het concept-actieplan gaat na de volgende bijeenkomst ter instemming naar de deelnemers.",
            actor=adviseur,
        )

        volgende = services.plan_bijeenkomst(
            soort=Bijeenkomst.Soort.NETWERK,
            titel="Netwerkbijeenkomst Vitens: concept-actieplan",
            netwerk=vitens,
            begin=_om(7, 14),
            einde=_om(7, 16),
            locatie="Vitens, Zwolle",
            online_link="https://vergaderen.example.nl/vitens",
            actor=adviseur,
        )
        services.nodig_uit(volgende, alle_leden=True, actor=adviseur)
        services.voeg_agendapunt_toe(volgende, titel="Concept-actieplan doorlopen", actor=adviseur)
        services.voeg_agendapunt_toe(volgende, titel="Planning instemming", actor=adviseur)
        genodigde = Genodigde.objects.get(bijeenkomst=volgende, gebruiker=bcm)
        services.beantwoord(genodigde, Genodigde.Antwoord.ACCEPTEERT, actor=bcm)

        toets = services.plan_bijeenkomst(
            soort=Bijeenkomst.Soort.TOETS,
            titel="Landelijke toetsbijeenkomst actieplannen",
            begin=_om(21, 10),
            einde=_om(21, 15),
            locatie="Utrecht",
            actor=projectteam,
        )
        services.nodig_uit(
            toets,
            personen=Gebruiker.objects.filter(email__in=["adviseur@demo.nl", "ministerie@demo.nl"]),
            actor=projectteam,
        )
        services.plan_bijeenkomst(
            soort=Bijeenkomst.Soort.EXPERT,
            titel="Expertbijeenkomst drinkwater: herijking agenda",
            sector=Sector.objects.get(slug="drinkwater"),
            begin=_om(35, 13),
            einde=_om(35, 17),
            locatie="Den Haag",
            actor=projectteam,
        )
    return "Bijeenkomsten-demo: 4 bijeenkomsten aangemaakt (1 voorbij, 3 gepland)."
