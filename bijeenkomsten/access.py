"""Who may see and manage meetings (§4), and the access helper every meeting view fetches through.

- See: `Bijeenkomst.objects.visible_to(user)` (network members and the project team for a network
  meeting; the project team for the other kinds; every invitee for his own meetings).
- Plan and manage (change, cancel, invite, minutes, attendance, decisions, agenda): a network
  meeting by the coordinators of its network only (object permission `beheer_netwerk`): its
  decisions write into that network's plan, which the project team reads but does not keep. The
  other kinds by the project team only (issue 7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from netwerken.models import Netwerk
from netwerken.permissions import heeft_recht

from .models import Bijeenkomst

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from netwerken.models import Gebruiker


def mag_plannen(user: Gebruiker, soort: str, netwerk: Netwerk | None = None) -> bool:
    """May the user convene a meeting of this kind (and network)? No queries beyond the role checks.

    A network meeting: its network's coordinators (the project team only where it coordinates
    that network). The other kinds: the project team.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if soort == Bijeenkomst.Soort.NETWERK:
        return netwerk is not None and heeft_recht(user, "beheer_netwerk", netwerk)
    return user.is_projectteam


def mag_beheren(user: Gebruiker, bijeenkomst: Bijeenkomst) -> bool:
    """May the user manage this meeting (it must already be visible to him)?"""
    return mag_plannen(user, bijeenkomst.soort, bijeenkomst.netwerk if bijeenkomst.netwerk_id else None)


def netwerken_om_te_plannen(user: Gebruiker) -> QuerySet[Netwerk]:
    """The networks whose meetings the user may convene: those he coordinates (superusers: all)."""
    if not user.is_authenticated or not user.is_active:
        return Netwerk.objects.none()
    if user.is_superuser:
        return Netwerk.objects.order_by("naam")
    return Netwerk.objects.filter(
        netwerkgebruikerrecht__user=user, netwerkgebruikerrecht__permission__codename="beheer_netwerk"
    ).order_by("naam")


def soorten_om_te_plannen(user: Gebruiker) -> list[tuple[str, str]]:
    """The kinds of meeting the user may convene, as form choices."""
    if not user.is_authenticated or not user.is_active:
        return []
    netwerk = netwerken_om_te_plannen(user).exists()
    return [
        (waarde, label)
        for waarde, label in Bijeenkomst.Soort.choices
        if (netwerk if waarde == Bijeenkomst.Soort.NETWERK else user.is_projectteam)
    ]


def get_bijeenkomst_for_user(
    user: Gebruiker, pk: int, beheer: bool = False, queryset: QuerySet[Bijeenkomst] | None = None
) -> Bijeenkomst:
    """The meeting as the user may see it.

    404 when he may not see it (the same answer as "does not exist", so nothing leaks);
    403 with `beheer=True` when he may see it but not manage it. `queryset` lets a view pass its
    prefetch recipe (e.g. `Bijeenkomst.objects.for_detail()`); visibility is applied on top.
    """
    basis = queryset if queryset is not None else Bijeenkomst.objects.select_related("netwerk", "sector")
    try:
        bijeenkomst = basis.visible_to(user).get(pk=pk)
    except Bijeenkomst.DoesNotExist:
        raise Http404("Bijeenkomst niet gevonden.") from None
    if beheer and not mag_beheren(user, bijeenkomst):
        raise PermissionDenied("U kunt deze bijeenkomst bekijken maar niet beheren.")
    return bijeenkomst
