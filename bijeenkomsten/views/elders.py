"""Meetings shown on other apps' pages: Mijn overzicht, the network page and a sector agenda.

Each helper is one bounded query through `Bijeenkomst.objects.visible_to`, so the pages that call
it keep a query count that does not grow with the number of meetings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from ..models import Bijeenkomst
from ..services import mijn_bijeenkomsten

if TYPE_CHECKING:
    from collections.abc import Iterable

    from agenda.models import Agenda, Expertbijeenkomst
    from netwerken.models import Gebruiker, Netwerk

OP_OVERZICHT = 5  # my next meetings on Mijn overzicht
OP_NETWERK = 5  # the network's next meetings on its page


def volgende_voor(gebruiker: Gebruiker, aantal: int = OP_OVERZICHT) -> list[Bijeenkomst]:
    """My next meetings (invited, organised, or of my networks), soonest first (one query)."""
    return list(mijn_bijeenkomsten(gebruiker).komend(timezone.now()).for_list(gebruiker)[:aantal])


def volgende_van_netwerk(
    gebruiker: Gebruiker, netwerk: Netwerk, aantal: int = OP_NETWERK
) -> list[Bijeenkomst]:
    """The network's next meetings as the user may see them, soonest first (one query)."""
    return list(
        Bijeenkomst.objects.visible_to(gebruiker)
        .voor_netwerk(netwerk)
        .komend(timezone.now())
        .for_list(gebruiker)[:aantal]
    )


def bij_agenda(
    gebruiker: Gebruiker, agenda: Agenda, verslagen: Iterable[Expertbijeenkomst]
) -> list[Bijeenkomst]:
    """The expert meetings of a sector agenda the user may see (one query).

    Each record kept with the agenda (`verslagen`) gets `.portaalbijeenkomst`: its meeting when the
    user may see it, else None. Returns the visible meetings without a record yet (planned ones).
    """
    bijeenkomsten = list(
        Bijeenkomst.objects.visible_to(gebruiker)
        .filter(soort=Bijeenkomst.Soort.EXPERT)
        .filter(Q(agenda=agenda) | Q(expertbijeenkomst__agenda=agenda))
        .order_by("begin", "pk")
    )
    per_verslag = {b.expertbijeenkomst_id: b for b in bijeenkomsten if b.expertbijeenkomst_id}
    for verslag in verslagen:
        verslag.portaalbijeenkomst = per_verslag.get(verslag.pk)
    return [b for b in bijeenkomsten if b.expertbijeenkomst_id is None]
