"""Object permissions on networks (§4) and the access helper every network view uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404
from guardian.shortcuts import assign_perm, remove_perm

from .models import Lidmaatschap, Netwerk, NetwerkGebruikerRecht, NetwerkGroepRecht

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
    persoon.__dict__.pop("_netwerkrechten", None)  # what this object remembered is stale now


def rechten_op(user: Gebruiker, netwerk: Netwerk) -> frozenset[str]:
    """The user's object permissions on the network, as django-guardian grants them: his own and
    his groups' (superusers hold all). Global grants give none here: they only let the project
    team read, through `Netwerk.objects.visible_to`.

    One query per network, remembered on the user object, which lives for one request: a page
    that asks several times (the view, the form, the template) asks the database once.
    """
    if user.is_superuser:
        return frozenset(ALLE_RECHTEN)
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    onthouden: dict[int, frozenset[str]] = user.__dict__.setdefault("_netwerkrechten", {})
    if netwerk.pk not in onthouden:
        eigen = NetwerkGebruikerRecht.objects.filter(user=user, content_object=netwerk)
        via_groep = NetwerkGroepRecht.objects.filter(group__user=user, content_object=netwerk)
        onthouden[netwerk.pk] = frozenset(
            eigen.values_list("permission__codename", flat=True).union(
                via_groep.values_list("permission__codename", flat=True)
            )
        )
    return onthouden[netwerk.pk]


def heeft_recht(user: Gebruiker, perm: str, netwerk: Netwerk) -> bool:
    """Object permission check that also honours superusers (global grants only give read access)."""
    return perm in rechten_op(user, netwerk)


def get_netwerk_for_user(user: Gebruiker, slug: str, perm: str | None = None) -> Netwerk:
    """The network with this slug as the user may see it.

    404 when he may not see it (the same answer as "does not exist", so nothing leaks);
    403 when he may see it but lacks `perm` (e.g. `change_netwerk` for a waarnemer).
    """
    try:
        netwerk = Netwerk.objects.visible_to(user).select_related("kernpartner").get(slug=slug)
    except Netwerk.DoesNotExist:
        raise Http404("Netwerk niet gevonden.") from None
    if perm and not heeft_recht(user, perm, netwerk):
        raise PermissionDenied("U heeft voor dit netwerk geen recht op deze handeling.")
    return netwerk
