"""Generated reports (§6, issue 6 items 6 and 7): who may request and see them, requesting one, and
generating it in the background with real progress.

A report is requested (`vraag_aan`): a `Rapport` row *in de wachtrij*, and after the commit the
Celery task `monitoring.genereer_rapport`, which calls `genereer`. That claims the row, renders the
PDF through `monitoring.reports` while writing the step and percentage on the row (the progress
page polls it), and only when the bytes are complete writes the file to the private storage and
marks the row *gereed*. A failure marks it *mislukt* with a Dutch message and leaves no file.
Running the task twice does no harm: only a report in the queue is claimed.

Who sees which report (`rapporten_voor`, the one starting point of every list and download):
- the project team: every aggregated report (stuurgroep, CVI, eind) and every netwerkrapportage;
- stuurgroep and CVI users: the aggregated reports only;
- members of a network: that network's netwerkrapportages.
A netwerkrapportage is made for the reader who requested it (TLP:RED actions only in the copy of
a named recipient); one marked TLP:RED is therefore visible to its requester alone (§4).
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify

from actieplannen.models import TLP
from netwerken.models import Netwerk

from .models import Rapport, Rapportschema, Rapportsoort
from .reports import RapportFout

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from netwerken.models import Gebruiker, Sector

logger = logging.getLogger(__name__)

# Reports with aggregates only: readable by the project team and the stuurgroep/CVI users.
GEAGGREGEERD = (Rapportsoort.STUURGROEP, Rapportsoort.CVI, Rapportsoort.EIND)

ONVERWACHTE_FOUT = (
    "Er ging iets mis bij het maken van de rapportage; er is geen bestand opgeslagen. "
    "Probeer het opnieuw. Blijft het misgaan, neem dan contact op met de beheerder "
    "(technische melding: {soort})."
)
AFGEBROKEN = (
    "Het maken van de rapportage is afgebroken (de achtergrondverwerking stopte); er is geen bestand "
    "opgeslagen. Vraag de rapportage opnieuw aan."
)


# --- Who may see and request what -----------------------------------------------------------------


def rapporten_voor(gebruiker: Gebruiker) -> QuerySet[Rapport]:
    """The reports this user may see: every list, detail and download starts here (see the module)."""
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return Rapport.objects.none()
    netwerkrapporten = Q(soort=Rapportsoort.NETWERK, netwerk__in=Netwerk.objects.visible_to(gebruiker)) & (
        ~Q(tlp=TLP.RED) | Q(aangevraagd_door=gebruiker)
    )
    if gebruiker.is_projectteam or gebruiker.is_stuurgroep:
        return Rapport.objects.filter(Q(soort__in=GEAGGREGEERD) | netwerkrapporten)
    return Rapport.objects.filter(netwerkrapporten)


def get_rapport_for_user(gebruiker: Gebruiker, pk: int) -> Rapport:
    """One report as this user may see it; 404 otherwise (the same answer as "does not exist")."""
    try:
        return rapporten_voor(gebruiker).select_related("sector", "netwerk", "aangevraagd_door").get(pk=pk)
    except Rapport.DoesNotExist:
        raise Http404("Rapportage niet gevonden.") from None


def netwerken_voor_aanvraag(gebruiker: Gebruiker) -> QuerySet[Netwerk]:
    """Networks whose netwerkrapportage this user may request: all for the project team, otherwise
    those where he is coordinator or lid (`change_netwerk`; a waarnemer only reads)."""
    netwerken = Netwerk.objects.visible_to(gebruiker)
    if gebruiker.is_projectteam:
        return netwerken
    return netwerken.filter(
        netwerkgebruikerrecht__user=gebruiker, netwerkgebruikerrecht__permission__codename="change_netwerk"
    )


def soorten_voor(gebruiker: Gebruiker) -> list[Rapportsoort]:
    """The kinds of report this user may request (one query for a network member)."""
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return []
    if gebruiker.is_projectteam:
        return list(Rapportsoort)
    if netwerken_voor_aanvraag(gebruiker).exists():
        return [Rapportsoort.NETWERK]
    return []


# --- Requesting -----------------------------------------------------------------------------------


def titel_voor(
    soort: str, *, van: datetime.date, tot: datetime.date, sector: Sector | None, netwerk: Netwerk | None
) -> str:
    periode = f"{_datum(van)} t/m {_datum(tot)}"
    if soort == Rapportsoort.CVI and sector is not None:
        return f"Rapportage CVI {sector.naam}, {periode}"
    if soort == Rapportsoort.NETWERK and netwerk is not None:
        return f"Netwerkrapportage {netwerk.naam}, {periode}"
    return f"{Rapportsoort(soort).label}, {periode}"


def _datum(datum: datetime.date) -> str:
    with translation.override("nl"):  # a title is Dutch, whatever language the request asked for
        return date_format(datum, "j F Y")


@transaction.atomic
def vraag_aan(
    *,
    actor: Gebruiker | None,
    soort: str,
    van: datetime.date,
    tot: datetime.date,
    sector: Sector | None = None,
    netwerk: Netwerk | None = None,
    schema: Rapportschema | None = None,
) -> Rapport:
    """Queue a report and start its generation after the commit.

    `actor` None is the system (a scheduled report). Checks the actor's right to this kind of
    report (and network), and that the period and the sector/network fit the kind; raises a Dutch
    `ValidationError` and stores nothing otherwise. Side effect: the Celery task, on commit.
    """
    from .tasks import genereer_rapport

    if soort not in Rapportsoort.values:
        raise ValidationError("Kies een soort rapportage.", code="soort")
    if soort == Rapportsoort.CVI and sector is None:
        raise ValidationError("Kies de sector van de rapportage CVI.", code="sector")
    if soort == Rapportsoort.NETWERK and netwerk is None:
        raise ValidationError("Kies het netwerk van de netwerkrapportage.", code="netwerk")
    if tot < van:
        raise ValidationError("De periode eindigt vóór ze begint.", code="periode")
    if actor is not None:
        if soort not in soorten_voor(actor):
            raise ValidationError("U kunt deze soort rapportage niet aanvragen.", code="geen_recht")
        if (
            soort == Rapportsoort.NETWERK
            and not netwerken_voor_aanvraag(actor).filter(pk=netwerk.pk).exists()
        ):
            raise ValidationError("U kunt voor dit netwerk geen rapportage aanvragen.", code="geen_recht")

    rapport = Rapport.objects.create(
        soort=soort,
        titel=titel_voor(soort, van=van, tot=tot, sector=sector, netwerk=netwerk),
        sector=sector if soort == Rapportsoort.CVI else None,
        netwerk=netwerk if soort == Rapportsoort.NETWERK else None,
        periode_van=van,
        periode_tot=tot,
        aangevraagd_door=actor,
        schema=schema,
        stap="In de wachtrij",
    )
    transaction.on_commit(lambda: genereer_rapport.delay(rapport.pk))
    return rapport


# --- Generating -----------------------------------------------------------------------------------


def genereer(rapport_id: int) -> Rapport | None:
    """Make the PDF of a queued report, reporting progress on the row; idempotent.

    Claims the row (queue → bezig) with one conditional UPDATE, so a second run of the task (a
    redelivered message, a double click) finds nothing to do. Every progress step is a single
    UPDATE in autocommit, visible to the progress page at once. The file is written only after
    the PDF is complete; a failure stores the reason and no file. Returns the report as it ended
    (None when there was nothing to do).
    """
    from .reports import render_rapport

    # A run that died mid-way (worker killed, time limit) left the row *bezig*: a redelivered
    # message may take it over once no live run can still be busy with it.
    geclaimd = (
        Rapport.objects.filter(pk=rapport_id)
        .filter(
            Q(status=Rapport.Status.WACHTRIJ) | Q(status=Rapport.Status.BEZIG, gestart_op__lt=afbreekgrens())
        )
        .update(status=Rapport.Status.BEZIG, voortgang=2, stap="Gestart", fout="", gestart_op=timezone.now())
    )
    if not geclaimd:
        logger.info("rapport %s: niet in de wachtrij (al gemaakt, bezig of verwijderd)", rapport_id)
        return None
    rapport = Rapport.objects.select_related("sector", "netwerk", "aangevraagd_door").get(pk=rapport_id)
    begin = time.monotonic()

    def voortgang(procent: int, stap: str) -> None:
        Rapport.objects.filter(pk=rapport_id).update(voortgang=procent, stap=stap[:200])

    naam = ""
    try:
        _controleer_recht(rapport)
        gemaakt = render_rapport(rapport, voortgang=voortgang)
        voortgang(96, "Opslaan")
        # The bytes are complete: only now does a file appear.
        opslag = rapport.bestand.storage
        naam = opslag.save(
            rapport.bestand.field.generate_filename(rapport, "rapport.pdf"), ContentFile(gemaakt.pdf)
        )
        bijgewerkt = Rapport.objects.filter(pk=rapport_id, status=Rapport.Status.BEZIG).update(
            status=Rapport.Status.GEREED,
            voortgang=100,
            stap="Gereed",
            bestand=naam,
            tlp=gemaakt.tlp,
            paginas=gemaakt.pdf.paginas,
            duur_ms=round((time.monotonic() - begin) * 1000),
            gereed_op=timezone.now(),
        )
    except Exception as fout:  # every failure is recorded on the row; none may escape the task
        if naam:
            rapport.bestand.storage.delete(naam)
        _mislukt(rapport, fout)
        return rapport
    if not bijgewerkt:
        # Deleted meanwhile, or finished by a parallel run: the row cannot take this file.
        rapport.bestand.storage.delete(naam)
        logger.warning(
            "rapport %s: verdwenen of al afgerond tijdens het maken; bestand weggegooid", rapport_id
        )
        return None
    rapport.refresh_from_db()
    logger.info("rapport %s gereed: %s pagina's in %s ms", rapport_id, rapport.paginas, rapport.duur_ms)
    return rapport


def afbreekgrens() -> datetime.datetime:
    """A run started before this moment cannot be alive: Celery's hard time limit has passed."""
    return timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


def markeer_afgebroken(rapport: Rapport) -> Rapport:
    """Record as failed a report whose run died (still *bezig* after the time limit), so its page
    shows the error and offers to request it again instead of a progress bar that never moves."""
    if rapport.status == Rapport.Status.BEZIG and rapport.gestart_op and rapport.gestart_op < afbreekgrens():
        Rapport.objects.filter(pk=rapport.pk, status=Rapport.Status.BEZIG).update(
            status=Rapport.Status.MISLUKT, stap="Mislukt", fout=AFGEBROKEN, bestand=""
        )
        rapport.refresh_from_db()
    return rapport


def _controleer_recht(rapport: Rapport) -> None:
    """The requester may still request this report (rights can change while it waits in the queue)."""
    aanvrager = rapport.aangevraagd_door
    if rapport.soort == Rapportsoort.NETWERK:
        # A netwerkrapportage is made for one reader: without one there is nobody to make it for.
        if (
            aanvrager is None
            or not Netwerk.objects.visible_to(aanvrager).filter(pk=rapport.netwerk_id).exists()
        ):
            raise RapportFout("De aanvrager heeft geen toegang (meer) tot dit netwerk.")
    elif aanvrager is not None and not aanvrager.is_projectteam:
        raise RapportFout("De aanvrager hoort niet (meer) bij het projectteam.")


def _mislukt(rapport: Rapport, fout: Exception) -> None:
    if isinstance(fout, RapportFout):
        melding = str(fout)
        logger.warning("rapport %s mislukt: %s", rapport.pk, melding)
    else:
        melding = ONVERWACHTE_FOUT.format(soort=type(fout).__name__)
        logger.exception("rapport %s mislukt", rapport.pk)
    Rapport.objects.filter(pk=rapport.pk).update(
        status=Rapport.Status.MISLUKT, stap="Mislukt", fout=melding, bestand=""
    )
    rapport.refresh_from_db()


# --- Downloading ----------------------------------------------------------------------------------


def bestandsnaam(rapport: Rapport) -> str:
    """A filename that says what the report is: kind, sector or network, period."""
    delen = [slugify(str(Rapportsoort(rapport.soort).label))]
    if rapport.sector_id:
        delen.append(rapport.sector.slug)
    if rapport.netwerk_id:
        delen.append(rapport.netwerk.slug)
    delen.append(f"{rapport.periode_van:%Y-%m-%d}-tm-{rapport.periode_tot:%Y-%m-%d}")
    return "-".join(delen) + ".pdf"
