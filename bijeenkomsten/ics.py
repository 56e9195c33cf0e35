"""iCalendar (RFC 5545) for meetings: the `.ics` attached to invitations, updates and cancellations
(iTIP, RFC 5546: METHOD REQUEST / CANCEL), the download of one meeting and the personal feed
(METHOD PUBLISH).

Times are written in Europe/Amsterdam with a TZID and a generated VTIMEZONE covering the years
of the meetings, so calendar clients place them correctly on both sides of a daylight-saving
change. One meeting is one calendar item for its whole life: the UID never changes and SEQUENCE
rises with every change of time or place and with the cancellation.

Pure functions over already loaded objects: no queries (pass meetings from `.for_feed()`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from email.utils import parseaddr
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

    from .models import Bijeenkomst, Genodigde

PRODID = "-//Continuïteit van de samenleving//Continuïteitportaal//NL"
TIJDZONE = ZoneInfo("Europe/Amsterdam")

REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"

# Response in the portal → iCalendar participation status (RFC 5545 §3.2.12).
PARTSTAT = {
    "geen": "NEEDS-ACTION",
    "accepteert": "ACCEPTED",
    "onder_voorbehoud": "TENTATIVE",
    "afgemeld": "DECLINED",
}


def _absoluut(pad: str) -> str:
    return settings.SITE_URL.rstrip("/") + pad


def meeting_url(bijeenkomst: Bijeenkomst) -> str:
    """The meeting page as an absolute URL."""
    return _absoluut(bijeenkomst.get_absolute_url())


def _adres(email: str, naam: str, **params: str) -> vCalAddress:
    adres = vCalAddress(f"mailto:{email}")
    adres.params["CN"] = naam or email
    adres.params.update(params)
    return adres


def _organisator(bijeenkomst: Bijeenkomst) -> vCalAddress:
    """The convener, or the portal's own sender address when he is unknown."""
    persoon = bijeenkomst.georganiseerd_door
    if persoon is not None:
        return _adres(persoon.email, persoon.naam)
    naam, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return _adres(email, naam or "Continuïteitportaal")


def _omschrijving(bijeenkomst: Bijeenkomst, extra: str = "") -> str:
    delen = [bijeenkomst.get_soort_display().capitalize()]
    if bijeenkomst.netwerk_id:
        delen[0] += f" van {bijeenkomst.netwerk}"
    if bijeenkomst.toelichting:
        delen.append(bijeenkomst.toelichting)
    if bijeenkomst.online_link:
        delen.append(f"Online deelnemen: {bijeenkomst.online_link}")
    if bijeenkomst.is_geannuleerd:
        reden = f" Reden: {bijeenkomst.annuleringsreden}" if bijeenkomst.annuleringsreden else ""
        delen.insert(0, f"Deze bijeenkomst is geannuleerd.{reden}")
    if extra:
        delen.append(extra)
    delen.append(f"Agenda, genodigden en stukken: {meeting_url(bijeenkomst)}")
    return "\n\n".join(delen)


def maak_event(
    bijeenkomst: Bijeenkomst,
    *,
    methode: str,
    genodigden: Iterable[Genodigde] = (),
    extra: str = "",
    nu: datetime.datetime | None = None,
) -> Event:
    """One VEVENT for the meeting.

    REQUEST and CANCEL list the invitees as ATTENDEE with their PARTSTAT; PUBLISH carries no
    ATTENDEE (RFC 5546 §3.2.1): a feed or download is not a scheduling message.
    """
    geannuleerd = bijeenkomst.is_geannuleerd or methode == CANCEL
    locatie = bijeenkomst.locatie or bijeenkomst.online_link
    event = Event.new(
        uid=bijeenkomst.uid,
        sequence=bijeenkomst.sequence,
        stamp=(nu or timezone.now()).astimezone(datetime.UTC),
        summary=("Geannuleerd: " if geannuleerd else "") + bijeenkomst.titel,
        start=bijeenkomst.begin.astimezone(TIJDZONE),
        end=bijeenkomst.einde.astimezone(TIJDZONE),
        location=locatie or None,
        description=_omschrijving(bijeenkomst, extra),
        url=meeting_url(bijeenkomst),
        status="CANCELLED" if geannuleerd else "CONFIRMED",
        organizer=_organisator(bijeenkomst),
    )
    if bijeenkomst.aangemaakt_op:
        event.add("created", bijeenkomst.aangemaakt_op.astimezone(datetime.UTC))
    if methode != PUBLISH:
        for genodigde in genodigden:
            persoon: Gebruiker = genodigde.gebruiker
            event.add(
                "attendee",
                _adres(
                    persoon.email,
                    persoon.naam,
                    ROLE="REQ-PARTICIPANT",
                    PARTSTAT=PARTSTAT.get(genodigde.antwoord, "NEEDS-ACTION"),
                    # Responses go through the portal's link, not as iTIP replies to the organiser.
                    RSVP="FALSE",
                ),
            )
    return event


def kalender(
    events: list[Event],
    *,
    methode: str,
    naam: str = "",
    vanaf: datetime.date | None = None,
    tot: datetime.date | None = None,
) -> Calendar:
    """A VCALENDAR with PRODID, VERSION, METHOD, the events and the VTIMEZONE they need."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", methode)
    if naam:
        cal.add("x-wr-calname", naam)
        cal.add("x-wr-timezone", str(TIJDZONE))
        # Clients that honour it poll the feed hourly.
        cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT1H")
    for event in events:
        cal.add_component(event)
    jaren = [e.start.year for e in events] or [timezone.localdate().year]
    cal.add_missing_timezones(
        first_date=vanaf or datetime.date(min(jaren) - 1, 1, 1),
        last_date=tot or datetime.date(max(jaren) + 1, 12, 31),
    )
    return cal


def uitnodiging_ics(
    bijeenkomst: Bijeenkomst, *, methode: str, genodigden: Iterable[Genodigde], extra: str = ""
) -> bytes:
    """The attachment of an invitation or update (REQUEST) or a cancellation (CANCEL)."""
    event = maak_event(bijeenkomst, methode=methode, genodigden=genodigden, extra=extra)
    return kalender([event], methode=methode).to_ical()


def download_ics(bijeenkomst: Bijeenkomst) -> bytes:
    """One meeting to put in one's own calendar (PUBLISH)."""
    return kalender([maak_event(bijeenkomst, methode=PUBLISH)], methode=PUBLISH).to_ical()


def feed_ics(bijeenkomsten: Iterable[Bijeenkomst], *, gebruiker: Gebruiker) -> bytes:
    """The personal calendar feed (PUBLISH). Meetings the person declined stay in the feed but do
    not block his time (TRANSP:TRANSPARENT), and the description says what he answered.

    Expects the meetings' `genodigden` prefetched (`.for_feed()`): no queries.
    """
    events = []
    for bijeenkomst in bijeenkomsten:
        mijn = next((g for g in bijeenkomst.genodigden.all() if g.gebruiker_id == gebruiker.pk), None)
        extra = f"Uw antwoord: {mijn.get_antwoord_display()}." if mijn is not None else ""
        event = maak_event(bijeenkomst, methode=PUBLISH, extra=extra)
        if mijn is not None and mijn.heeft_afgemeld:
            event.add("transp", "TRANSPARENT")
        events.append(event)
    naam = f"Bijeenkomsten Continuïteitportaal — {gebruiker.naam}"
    return kalender(events, methode=PUBLISH, naam=naam).to_ical()


__all__ = [
    "CANCEL",
    "PUBLISH",
    "REQUEST",
    "download_ics",
    "feed_ics",
    "kalender",
    "maak_event",
    "meeting_url",
    "uitnodiging_ics",
]
