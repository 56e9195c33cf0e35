"""The personal calendar feed (secret URL, no login) and the `.ics` download of one meeting.

The feed is for calendar clients (Outlook, Apple, Google) that cannot log in: the secret token in
the URL is the key. An unknown, renewed or stopped token, or an inactive account, answers 404 —
the same as a URL that never existed. The feed lists the person's own meetings (invited,
organised, or of his networks) as far as he may still see them, from a year back onward.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .. import ics
from ..access import get_bijeenkomst_for_user
from ..models import Bijeenkomst
from ..services import mijn_bijeenkomsten, zoek_agendafeed

if TYPE_CHECKING:
    from django.http import HttpRequest

TERUG = datetime.timedelta(days=365)  # how far back the feed reaches
MAXIMUM = 1000  # a hard bound on one response, whatever the data


def _kalenderantwoord(inhoud: bytes, bestandsnaam: str, *, bijlage: bool) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    soort = "attachment" if bijlage else "inline"
    response["Content-Disposition"] = f'{soort}; filename="{bestandsnaam}"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """`text/calendar` with the feed owner's meetings. Queries: feed with its owner, the owner's
    project-team role, the meetings, their invitees — whatever the number of meetings."""
    agendafeed = zoek_agendafeed(token)
    if agendafeed is None:
        raise Http404("Onbekend agenda-abonnement.")
    gebruiker = agendafeed.gebruiker
    bijeenkomsten = list(
        mijn_bijeenkomsten(gebruiker)
        .filter(einde__gte=timezone.now() - TERUG)
        .for_feed()
        .order_by("begin", "pk")[:MAXIMUM]
    )
    inhoud = ics.feed_ics(bijeenkomsten, gebruiker=gebruiker)
    return _kalenderantwoord(inhoud, "bijeenkomsten.ics", bijlage=False)


@login_required
@require_safe
def ics_download(request: HttpRequest, pk: int) -> HttpResponse:
    """One meeting as `.ics` for the user's own calendar; 404 when he may not see it."""
    bijeenkomst = get_bijeenkomst_for_user(
        request.user, pk, queryset=Bijeenkomst.objects.select_related("georganiseerd_door", "netwerk")
    )
    return _kalenderantwoord(ics.download_ics(bijeenkomst), f"bijeenkomst-{bijeenkomst.pk}.ics", bijlage=True)
