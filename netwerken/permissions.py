"""Object permissions on networks (§4) and the access helper every network view uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404
from guardian.shortcuts import assign_perm, remove_perm

from .models import Lidmaatschap, Netwerk, NetwerkGebruikerRecht

if TYPE_CHECKING:
    from .models import Gebruiker

# Object permissions each network role grants on its network.
RECHTEN_PER_ROL: dict[str, tuple[str, ...]] = {
    Lidmaatschap.Rol.COORDINATOR: ("view_netwerk", "change_netwerk", "beheer_netwerk"),
    Lidmaatschap.Rol.LID: ("view_netwerk", "change_netwerk"),
    Lidmaatschap.Rol.WAARNEMER: ("view_netwerk",),
}
ALLE_RECHTEN = ("view_netwerk", "change_netwerk", "beheer_netwerk")


def werk_rechten_bij(netwerk: Netwerk, persoon: Gebruiker) -> None:
    """Make the person's object permissions on the network match his membership (or its absence)."""
    rol = Lidmaatschap.objects.filter(netwerk=netwerk, persoon=persoon).values_list("rol", flat=True).first()
    gewenst = set(RECHTEN_PER_ROL.get(rol, ())) if rol else set()
    huidig = set(
        NetwerkGebruikerRecht.objects.filter(content_object=netwerk, user=persoon).values_list(
            "permission__codename", flat=True
        )
    )
    for codename in gewenst - huidig:
        assign_perm(f"netwerken.{codename}", persoon, netwerk)
    for codename in huidig - gewenst:
        remove_perm(f"netwerken.{codename}", persoon, netwerk)


def heeft_recht(user: Gebruiker, perm: str, netwerk: Netwerk) -> bool:
    """Object permission check that also honours superusers (global grants only give read access)."""
    if user.is_superuser:
        return True
    return user.has_perm(f"netwerken.{perm}", netwerk)


def get_netwerk_for_user(user: Gebruiker, slug: str, perm: str | None = None) -> Netwerk:
    """The network with this slug as the user may see it.

    404 when he may not see it (the same answer as "does not exist", so nothing leaks);
    403 when he may see it but lacks `perm` (e.g. `change_netwerk` for a waarnemer).
    """
    try:
        netwerk = Netwerk.objects.visible_to(user).get(slug=slug)
    except Netwerk.DoesNotExist:
        raise Http404("Netwerk niet gevonden.") from None
    if perm and not heeft_recht(user, perm, netwerk):
        raise PermissionDenied("U heeft voor dit netwerk geen recht op deze handeling.")
    return netwerk
