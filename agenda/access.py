"""Access helpers: every agenda and role-description view fetches its object through these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Agenda, Rolbeschrijving
from .querysets import is_redacteur

if TYPE_CHECKING:
    from netwerken.models import Gebruiker


def eis_redacteur(user: Gebruiker) -> None:
    """403 for anyone but the project team (and administrators)."""
    if not is_redacteur(user):
        raise PermissionDenied("Alleen het projectteam kan dit wijzigen.")


def get_agenda_for_user(user: Gebruiker, sector: str, versie: int, *, wijzigen: bool = False) -> Agenda:
    """404 when the version does not exist or the user may not see it; 403 on a write by a reader."""
    try:
        agenda = Agenda.objects.visible_to(user).for_detail().get(sector__slug=sector, versie=versie)
    except Agenda.DoesNotExist:
        raise Http404("Agenda niet gevonden.") from None
    if wijzigen:
        eis_redacteur(user)
    return agenda


def get_rolbeschrijving_for_user(user: Gebruiker, versie: int, *, wijzigen: bool = False) -> Rolbeschrijving:
    try:
        rol = Rolbeschrijving.objects.visible_to(user).get(versie=versie)
    except Rolbeschrijving.DoesNotExist:
        raise Http404("Rolbeschrijving niet gevonden.") from None
    if wijzigen:
        eis_redacteur(user)
    return rol
