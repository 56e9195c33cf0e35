"""E-mail about meetings: invitation, update, cancellation (each with the `.ics`) and the reminder
the day before.

Every mail is Dutch, plain text with an HTML alternative, sent per person (each carries his own
response link). Every mail has a key in `monitoring.VerzondenBericht` (soort `bijeenkomst`):

* ``bijeenkomst:<pk>:uitnodiging:<genodigde>`` — once per invitation (a new invitation after
  removal is a new row, so a new key);
* ``bijeenkomst:<pk>:wijziging:<sequence>:<persoon>`` — once per version of time and place;
* ``bijeenkomst:<pk>:annulering:<persoon>`` and ``…:afmelding:<genodigde>:<persoon>``;
* ``bijeenkomst:<pk>:herinnering:<datum>:<persoon>`` — once per meeting day.

A task that runs twice finds the keys and sends nothing twice. Keys are committed before sending
and removed again for mails that failed, so the next run (or retry) sends those: at most once,
never doubled (as `monitoring.herinneringen`).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from email.mime.text import MIMEText
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from monitoring.models import Herinneringsafmelding, Herinneringssoort, VerzondenBericht

from . import ics
from .models import Agendapunt, Bijeenkomst, Genodigde

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

logger = logging.getLogger(__name__)

UITNODIGING, WIJZIGING, ANNULERING, AFMELDING, HERINNERING = (
    "uitnodiging",
    "wijziging",
    "annulering",
    "afmelding",
    "herinnering",
)
SOORTEN = (UITNODIGING, WIJZIGING, ANNULERING, AFMELDING)

ONDERWERP = {
    UITNODIGING: "Uitnodiging: {titel} ({datum})",
    WIJZIGING: "Gewijzigd: {titel} ({datum})",
    ANNULERING: "Geannuleerd: {titel} ({datum})",
    AFMELDING: "Uitnodiging ingetrokken: {titel} ({datum})",
    HERINNERING: "Morgen: {titel} ({datum})",
}


# The meeting's agenda points in order, for the mail body.
AGENDA = Prefetch("agendapunten", queryset=Agendapunt.objects.order_by("volgorde", "pk"))


def _absoluut(pad: str) -> str:
    return settings.SITE_URL.rstrip("/") + pad


@dataclass
class Bericht:
    sleutel: str
    ontvanger: Gebruiker
    mail: EmailMultiAlternatives


def _ics_bijlage(inhoud: bytes, methode: str) -> MIMEText:
    """The `.ics` as `text/calendar; method=…` (what Outlook and others recognise as an invitation)."""
    deel = MIMEText(inhoud.decode("utf-8"), "calendar", "utf-8")
    deel.set_param("method", methode)
    naam = "annulering.ics" if methode == ics.CANCEL else "uitnodiging.ics"
    deel.add_header("Content-Disposition", "attachment", filename=naam)
    return deel


def maak_mail(
    bijeenkomst: Bijeenkomst,
    soort: str,
    ontvanger: Gebruiker,
    *,
    genodigde: Genodigde | None,
    genodigden: list[Genodigde],
) -> EmailMultiAlternatives:
    """One rendered e-mail; `genodigden` (prefetched, with their persons) go into the `.ics`."""
    begin = timezone.localtime(bijeenkomst.begin)
    context = {
        "bijeenkomst": bijeenkomst,
        "soort": soort,
        "ontvanger": ontvanger,
        "genodigde": genodigde,
        "begin": begin,
        "einde": timezone.localtime(bijeenkomst.einde),
        "detail_url": _absoluut(bijeenkomst.get_absolute_url()),
        "ics_url": _absoluut(reverse("bijeenkomsten:ics", kwargs={"pk": bijeenkomst.pk})),
        "antwoord_url": _absoluut(genodigde.get_antwoord_url()) if genodigde is not None else "",
        "herinneringen_url": _absoluut(reverse("monitoring:herinneringen")),
        # The agenda belongs in an invitation, not in a cancellation (prefetched by the callers).
        "agendapunten": [] if soort in (ANNULERING, AFMELDING) else list(bijeenkomst.agendapunten.all()),
    }
    with translation.override(settings.LANGUAGE_CODE):
        tekst = render_to_string(f"bijeenkomsten/mail/{soort}.txt", context)
        html = render_to_string(f"bijeenkomsten/mail/{soort}.html", context)
    onderwerp = ONDERWERP[soort].format(titel=bijeenkomst.titel, datum=f"{begin:%d-%m-%Y %H:%M}")
    mail = EmailMultiAlternatives(subject=onderwerp, body=tekst, to=[ontvanger.email])
    mail.attach_alternative(html, "text/html")
    if soort != HERINNERING:
        methode = ics.CANCEL if soort in (ANNULERING, AFMELDING) else ics.REQUEST
        if soort == AFMELDING:
            # Only the person taken off the list: he no longer belongs to the meeting.
            inhoud = ics.uitnodiging_ics(bijeenkomst, methode=methode, genodigden=[])
        else:
            inhoud = ics.uitnodiging_ics(bijeenkomst, methode=methode, genodigden=genodigden)
        mail.attach(_ics_bijlage(inhoud, methode))
    return mail


def verstuur(berichten: list[Bericht]) -> int:
    """Send each message whose key is new; returns how many went out (see the module docstring).

    One query for the known keys, one insert, one SMTP connection; meant to run outside a request
    transaction (Celery task, on commit).
    """
    if not berichten:
        return 0
    bekend = set(
        VerzondenBericht.objects.filter(sleutel__in=[b.sleutel for b in berichten]).values_list(
            "sleutel", flat=True
        )
    )
    berichten = [b for b in berichten if b.sleutel not in bekend]
    if not berichten:
        return 0
    nu = timezone.now()
    try:
        with transaction.atomic():
            VerzondenBericht.objects.bulk_create(
                [
                    VerzondenBericht(
                        sleutel=b.sleutel,
                        soort=Herinneringssoort.BIJEENKOMST,
                        ontvanger=b.ontvanger,
                        verzonden_op=nu,
                    )
                    for b in berichten
                ]
            )
    except IntegrityError:
        logger.warning("een andere run verstuurt dezelfde bijeenkomstberichten al; deze run verstuurt niets")
        return 0
    mislukt: list[str] = []
    verbinding = get_connection()
    try:
        verbinding.open()
    except Exception:  # mail server unreachable: everything waits for the next run
        logger.exception("mailserver onbereikbaar; %s bijeenkomstberichten wachten", len(berichten))
        mislukt = [b.sleutel for b in berichten]
    else:
        try:
            for bericht in berichten:
                bericht.mail.connection = verbinding
                try:
                    verzonden = verbinding.send_messages([bericht.mail])
                except Exception:  # one refused message must not stop the others
                    logger.exception("bijeenkomstbericht %s niet verzonden", bericht.sleutel)
                    verzonden = 0
                    verbinding.close()
                if not verzonden:
                    mislukt.append(bericht.sleutel)
        finally:
            verbinding.close()
    if mislukt:
        VerzondenBericht.objects.filter(sleutel__in=mislukt).delete()
    return len(berichten) - len(mislukt)


def verstuur_bijeenkomstmail(
    bijeenkomst_id: int, soort: str, gebruiker_ids: list[int], sequence: int, kenmerk: str = ""
) -> int:
    """Invitation, update, cancellation or withdrawal for these persons; returns mails sent.

    Loads the meeting as it is now. An update that a later change overtook (higher SEQUENCE) is
    skipped: that change sends its own. Invitations to a meeting cancelled meanwhile are skipped
    (the cancellation went to everyone invited). A fixed number of queries for any number of
    invitees: meeting, invitees with their persons, agenda points (or the withdrawn persons),
    known keys, insert.
    """
    if soort not in SOORTEN:
        raise ValueError(f"onbekende soort bijeenkomstmail: {soort}")
    bijeenkomst = Bijeenkomst.objects.for_feed().prefetch_related(AGENDA).filter(pk=bijeenkomst_id).first()
    if bijeenkomst is None:
        return 0
    if soort == WIJZIGING and bijeenkomst.sequence != sequence:
        return 0
    if soort in (UITNODIGING, WIJZIGING) and bijeenkomst.is_geannuleerd:
        return 0
    genodigden = list(bijeenkomst.genodigden.all())
    per_persoon = {g.gebruiker_id: g for g in genodigden}
    berichten = []
    if soort == AFMELDING:
        from netwerken.models import Gebruiker

        for persoon in Gebruiker.objects.filter(pk__in=gebruiker_ids, is_active=True):
            if persoon.pk in per_persoon:
                continue  # invited again meanwhile
            sleutel = f"bijeenkomst:{bijeenkomst.pk}:afmelding:{kenmerk}:{persoon.pk}"
            mail = maak_mail(bijeenkomst, soort, persoon, genodigde=None, genodigden=[])
            berichten.append(Bericht(sleutel, persoon, mail))
        return verstuur(berichten)
    in_ics = [g for g in genodigden if not g.heeft_afgemeld] if soort != UITNODIGING else genodigden
    for persoon_id in gebruiker_ids:
        genodigde = per_persoon.get(persoon_id)
        if genodigde is None or not genodigde.gebruiker.is_active:
            continue  # removed (or deactivated) before the mail went out
        if soort == UITNODIGING:
            sleutel = f"bijeenkomst:{bijeenkomst.pk}:uitnodiging:{genodigde.pk}"
        elif soort == WIJZIGING:
            sleutel = f"bijeenkomst:{bijeenkomst.pk}:wijziging:{bijeenkomst.sequence}:{persoon_id}"
        else:
            sleutel = f"bijeenkomst:{bijeenkomst.pk}:annulering:{persoon_id}"
        mail = maak_mail(bijeenkomst, soort, genodigde.gebruiker, genodigde=genodigde, genodigden=in_ics)
        berichten.append(Bericht(sleutel, genodigde.gebruiker, mail))
    return verstuur(berichten)


def verstuur_herinneringen(nu: datetime.datetime | None = None) -> int:
    """The reminder the day before: every invitee who did not decline, of every meeting that is
    not cancelled and begins tomorrow (Europe/Amsterdam), unless he switched these reminders off.

    Idempotent per person, meeting and day. Queries: meetings, invitees, agenda points,
    switched-off persons, known keys, one insert — whatever the number of meetings and invitees.
    """
    nu = nu or timezone.now()
    morgen = timezone.localtime(nu).date() + datetime.timedelta(days=1)
    bijeenkomsten = list(
        Bijeenkomst.objects.niet_geannuleerd().op_dag(morgen).for_feed().prefetch_related(AGENDA)
    )
    afgemeld_voor_herinneringen = (
        set(
            Herinneringsafmelding.objects.filter(
                soort=Herinneringssoort.BIJEENKOMST,
                gebruiker__uitnodigingen_bijeenkomst__bijeenkomst__in=[b.pk for b in bijeenkomsten],
            ).values_list("gebruiker_id", flat=True)
        )
        if bijeenkomsten
        else set()
    )
    berichten = []
    for bijeenkomst in bijeenkomsten:
        for genodigde in bijeenkomst.genodigden.all():
            persoon = genodigde.gebruiker
            if genodigde.heeft_afgemeld or not persoon.is_active or persoon.pk in afgemeld_voor_herinneringen:
                continue
            sleutel = f"bijeenkomst:{bijeenkomst.pk}:herinnering:{morgen.isoformat()}:{persoon.pk}"
            mail = maak_mail(bijeenkomst, HERINNERING, persoon, genodigde=genodigde, genodigden=[])
            berichten.append(Bericht(sleutel, persoon, mail))
    aantal = verstuur(berichten)
    logger.info("bijeenkomstherinneringen voor %s: %s e-mails verstuurd", morgen, aantal)
    return aantal
