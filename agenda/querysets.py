"""Visibility of agendas and role descriptions: adopted versions for everyone, the rest for editors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from netwerken.models import Gebruiker


def is_redacteur(user: Gebruiker) -> bool:
    """The project team (and administrators) maintain themes, agendas and the role description."""
    return user.is_authenticated and user.has_perm("agenda.change_agenda")


class AgendaQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> AgendaQuerySet:
        """Adopted versions for every logged-in user; concept and submitted ones for editors only."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if is_redacteur(user):
            return self
        return self.filter(status="vastgesteld")

    def huidig(self) -> AgendaQuerySet:
        return self.filter(huidig=True)

    def for_detail(self) -> AgendaQuerySet:
        return self.select_related("sector", "gebaseerd_op")


class RolbeschrijvingQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> RolbeschrijvingQuerySet:
        """Adopted versions for everyone; during and after consultation also for the invited bodies."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if is_redacteur(user):
            return self
        zichtbaar = Q(status="vastgesteld")
        if user.organisatie_id:
            zichtbaar |= Q(status__in=["consultatie", "definitief"], uitgenodigd=user.organisatie_id)
        return self.filter(zichtbaar).distinct()
