"""Display helpers of the meeting screens: Dutch times ("di 27 okt 2026, 14:00–16:00") and badges."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as datumopmaak

register = template.Library()

# Badge colour by meaning (see portaal.css): green = coming, amber = maybe, red = not, light = open.
ANTWOORD = {
    "accepteert": "success",
    "onder_voorbehoud": "warning",
    "afgemeld": "danger",
    "geen": "licht",
}


def _lokaal(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def tijdvak(begin: datetime.datetime | None, einde: datetime.datetime | None) -> str:
    """`di 27 okt 2026, 14:00–16:00` in the portal's time zone (Europe/Amsterdam); a meeting over
    several days names both days: `di 27 okt 2026, 14:00 – wo 28 okt 2026, 12:00`."""
    if begin is None:
        return ""
    begin = _lokaal(begin)
    tekst = datumopmaak(begin, "D j b Y, H:i")
    if einde is None:
        return tekst
    einde = _lokaal(einde)
    if einde.date() == begin.date():
        return f"{tekst}–{datumopmaak(einde, 'H:i')}"
    return f"{tekst} – {datumopmaak(einde, 'D j b Y, H:i')}"


@register.simple_tag
def tijd_van(bijeenkomst: object) -> str:
    """`{% tijd_van b %}`: the meeting's time span in Dutch (see `tijdvak`)."""
    return tijdvak(getattr(bijeenkomst, "begin", None), getattr(bijeenkomst, "einde", None))


@register.filter
def kloktijden(bijeenkomst: object) -> str:
    """`14:00–16:00` (for the month view, where the day is the cell)."""
    begin, einde = getattr(bijeenkomst, "begin", None), getattr(bijeenkomst, "einde", None)
    if begin is None or einde is None:
        return ""
    begin, einde = _lokaal(begin), _lokaal(einde)
    if begin.date() != einde.date():
        return f"{begin:%H:%M} – {datumopmaak(einde, 'j b H:i')}"
    return f"{begin:%H:%M}–{einde:%H:%M}"


@register.filter
def antwoord_klasse(antwoord: str | None) -> str:
    return ANTWOORD.get(antwoord or "geen", "licht")


@register.filter
def antwoord_label(antwoord: str | None) -> str:
    """The Dutch label of a response value (`onder_voorbehoud` → `onder voorbehoud`)."""
    from bijeenkomsten.models import Genodigde

    try:
        return str(Genodigde.Antwoord(antwoord or "geen").label)
    except ValueError:
        return ""
