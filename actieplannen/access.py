"""Access helpers: every plan, action and assessment view fetches through these (§4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from netwerken.permissions import get_netwerk_for_user, heeft_recht

from .models import Actieplan, Verbeteractie
from .services import zorg_voor_actieplan

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

# What each kind of write needs on the plan's network.
BEWERKEN = "change_netwerk"  # leden and coordinators edit plans, actions and assessments
BEHEREN = "beheer_netwerk"  # coordinators submit plans


def get_actieplan_for_user(user: Gebruiker, slug: str, perm: str | None = None) -> Actieplan:
    """The network's plan (created on first use). 404 for outsiders, 403 without `perm`."""
    netwerk = get_netwerk_for_user(user, slug, perm=perm)
    plan = Actieplan.objects.select_related("netwerk").filter(netwerk=netwerk).first()
    return plan or zorg_voor_actieplan(netwerk, actor=None)


def get_actie_for_user(user: Gebruiker, slug: str, pk: int, perm: str | None = None) -> Verbeteractie:
    """An action as the user may see it: 404 when hidden (other network, or TLP:RED not for him)."""
    try:
        actie = (
            Verbeteractie.objects.visible_to(user)
            .select_related(
                "actieplan__netwerk", "thema", "organisatie", "eigenaar", "afspraak__agenda__sector"
            )
            .get(pk=pk, actieplan__netwerk__slug=slug)
        )
    except Verbeteractie.DoesNotExist:
        raise Http404("Actie niet gevonden.") from None
    if perm and not heeft_recht(user, perm, actie.actieplan.netwerk):
        raise PermissionDenied("U kunt deze actie lezen maar niet wijzigen.")
    return actie
