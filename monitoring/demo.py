"""Example monitoring data for demonstrations (issue 6): "Voorbeeldinhoud".

Called at the end of `manage.py laad_demodata`, after the demo accounts and the example plans.
Written through `monitoring.services` by the project-team account, as the project team would in
the portal:

- a few leerpunten per sector, network and theme (and one for the whole programme);
- the programme contributions of the 25 safety regions for the current year, most of them received;
- the dates on which the first milestones of the programme were reached (one of them late).

Safe to run again: a lesson with the same title is not added twice, and contributions are only
created for regions without a row for the year, and a milestone gets its date only while nobody has
changed it since it was loaded; what is maintained in the portal is never touched.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from agenda.models import Thema
from netwerken.models import Gebruiker, Netwerk, Sector

from . import services
from .models import Leerpunt, Programmamijlpaal

VOORBEELD = "Voorbeeldinhoud"
PROJECTTEAM = "projectteam@demo.nl"
# Safety regions (by number) whose demo contribution for this year is still outstanding.
NOG_NIET_ONTVANGEN = (3, 9, 14, 19, 23)
# Milestones (by code, see mijlpalen.csv) and when the demo says they were reached.
BEHAALD = {
    "menukaart": datetime.date(2015, 9, 28),
    "rol_stuurgroep": datetime.date(2015, 10, 12),  # two weeks late
    "rol_vastgesteld": datetime.date(2015, 12, 14),
    "agenda": datetime.date(2016, 3, 24),
}


@dataclass(frozen=True)
class DemoLeerpunt:
    titel: str
    toelichting: str
    dagen_geleden: int
    sector: str = ""  # Sector.slug
    netwerk: str = ""  # Netwerk.slug
    thema: int | None = None  # Thema.nummer


LEERPUNTEN = (
    DemoLeerpunt(
        "Vroeg afspraken maken over noodwater loont",
        "In Drinkwater Vitens lag er al een verdeelplan voor nooddrinkwater toen de storing in de "
        "oefening begon. Regio's zonder zo'n plan verloren de eerste uren aan het zoeken naar "
        "contactpersonen en locaties.",
        40,
        sector="drinkwater",
        netwerk="drinkwater-vitens",
        thema=8,
    ),
    DemoLeerpunt(
        "Eén contactpersoon per organisatie maakt alarmeren snel",
        "Netwerken die per organisatie één contactpersoon en een vervanger hebben vastgelegd, "
        "alarmeerden in de oefening binnen een kwartier; anderen hadden meer dan een uur nodig.",
        75,
        sector="drinkwater",
        netwerk="drinkwater-evides",
        thema=5,
    ),
    DemoLeerpunt(
        "Gezamenlijk oefenen met de netbeheerder vraagt een jaar voorbereiding",
        "De planning van een oefening met uitval van de elektriciteitsvoorziening moet aansluiten op "
        "de onderhoudsvensters van de netbeheerder. Begin een jaar vooruit.",
        120,
        sector="elektriciteit",
        netwerk="elektriciteit-gas-liander",
        thema=4,
    ),
    DemoLeerpunt(
        "Risicobeeld telecomuitval ontbreekt in de meeste regionale risicoprofielen",
        "Bij de toetsing bleek dat de afhankelijkheid van telecom voor meldkamer en crisisorganisatie "
        "in weinig risicoprofielen is uitgewerkt. Een landelijk uitgangspunt zou helpen.",
        20,
        sector="ict-telecom",
        thema=2,
    ),
    DemoLeerpunt(
        "Informatie delen gaat beter met een vaste set gegevens",
        "Netwerken die vooraf afspraken welke gegevens bij een verstoring worden gedeeld (gebied, "
        "verwachte duur, kwetsbare objecten), hadden sneller een gedeeld beeld in LCMS.",
        55,
        thema=6,
    ),
    DemoLeerpunt(
        "Het netwerk werkt als het een vaste coördinator heeft",
        "Waar de coördinerende veiligheidsregio één vaste adviseur aanwijst, komen de "
        "netwerkbijeenkomsten en de toetsing op gang; waar dat wisselt, stokt het.",
        90,
        thema=1,
    ),
    DemoLeerpunt(
        "Gas en elektriciteit samen toetsen scheelt dubbel werk",
        "De netwerken van de regionale netbeheerders voor gas en elektriciteit toetsten beide "
        "agenda's in één bijeenkomst; de overlap in afspraken werd daardoor meteen zichtbaar.",
        30,
        sector="gas",
        thema=7,
    ),
    DemoLeerpunt(
        "Leg bij de start vast wat 'landelijk oppakken' betekent",
        "In de toetsbijeenkomst bleek dat netwerken iets anders verstonden onder landelijk oppakken. "
        "Afgesproken is dat het projectteam zulke acties bundelt tot een voorstel voor het nationale "
        "actieplan.",
        10,
    ),
)


def _ontvangstdatum(jaar: int, vr_nummer: int, vandaag: datetime.date) -> datetime.date:
    """Spread over the first months of the year, never after today."""
    datum = datetime.date(jaar, 1, 20) + datetime.timedelta(days=4 * vr_nummer)
    return min(datum, vandaag)


@transaction.atomic
def laad_monitoring_demo(*, actor: Gebruiker | None = None) -> str:
    """Add the example lessons and this year's contributions where missing; a one-line summary."""
    actor = actor or Gebruiker.objects.filter(email=PROJECTTEAM).first()
    if actor is None:
        return (
            "Monitoring-demo overgeslagen: het projectteam-account ontbreekt (voer eerst laad_demodata uit)."
        )
    vandaag = timezone.localdate()
    sectoren = Sector.objects.in_bulk(field_name="slug")
    netwerken = Netwerk.objects.in_bulk([p.netwerk for p in LEERPUNTEN if p.netwerk], field_name="slug")
    themas = Thema.objects.in_bulk(field_name="nummer")
    bestaand = set(Leerpunt.objects.values_list("titel", flat=True))
    leerpunten = 0
    for punt in LEERPUNTEN:
        if punt.titel in bestaand:
            continue
        services.voeg_leerpunt_toe(
            actor=actor,
            titel=punt.titel,
            toelichting=f"{punt.toelichting} ({VOORBEELD}.)",
            datum=vandaag - datetime.timedelta(days=punt.dagen_geleden),
            sector=sectoren.get(punt.sector),
            netwerk=netwerken.get(punt.netwerk),
            thema=themas.get(punt.thema),
        )
        leerpunten += 1

    nieuw = services.maak_bijdragen_aan(vandaag.year, actor=actor)
    ontvangen = [
        services.Bijdragewijziging(
            bijdrage=bijdrage,
            versie=None,
            bedrag=bijdrage.bedrag,
            ontvangen_op=_ontvangstdatum(vandaag.year, bijdrage.veiligheidsregio.vr_nummer, vandaag),
        )
        for bijdrage in nieuw
        if bijdrage.veiligheidsregio.vr_nummer not in NOG_NIET_ONTVANGEN
    ]
    services.werk_bijdragen_bij(ontvangen, actor=actor)

    behaald = 0
    for mijlpaal in Programmamijlpaal.objects.filter(code__in=BEHAALD, behaald_op__isnull=True):
        if mijlpaal.history.count() == 1:  # as loaded: nobody maintained it in the portal yet
            services.wijzig_programmamijlpaal(
                mijlpaal,
                versie=None,
                actor=actor,
                gereed_uiterlijk=mijlpaal.gereed_uiterlijk,
                behaald_op=BEHAALD[mijlpaal.code],
            )
            behaald += 1
    if not leerpunten and not nieuw and not behaald:
        return "Monitoring-demo: alles was al aanwezig; niets gewijzigd."
    return (
        f"Monitoring-demo: {leerpunten} leerpunten, {len(nieuw)} programmabijdragen voor {vandaag.year} "
        f"({len(ontvangen)} ontvangen), {behaald} mijlpalen behaald."
    )
