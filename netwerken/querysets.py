"""Query vocabulary for networks. Every list of networks starts from `visible_to(user)`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Count, Prefetch, Q

if TYPE_CHECKING:
    from .models import Gebruiker


class NetwerkQuerySet(models.QuerySet["Netwerk"]):
    def visible_to(self, user: Gebruiker) -> NetwerkQuerySet:
        """The networks this user may see (§4).

        Members see their networks through object permissions granted per membership
        (django-guardian, direct foreign-key tables); the project team holds the global
        `view_netwerk` permission and sees all; superusers see all. Everybody else: none.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser or user.has_perm("netwerken.view_netwerk"):
            return self
        return self.filter(
            netwerkgebruikerrecht__user=user, netwerkgebruikerrecht__permission__codename="view_netwerk"
        )

    def for_list(self) -> NetwerkQuerySet:
        """Prefetch recipe of the network list: sectors, kernpartner and region counts."""
        from .models import NetwerkRegio

        return (
            self.select_related("kernpartner")
            .prefetch_related("sectoren")
            .annotate(
                aantal_regios=Count("regios", filter=Q(regios__opgenomen=True), distinct=True),
                aantal_leden=Count("lidmaatschappen", distinct=True),
            )
            .prefetch_related(
                Prefetch(
                    "regios",
                    queryset=NetwerkRegio.objects.filter(opgenomen=True).select_related("veiligheidsregio"),
                    to_attr="opgenomen_regios",
                )
            )
        )

    def met_sector(self, sector_slug: str) -> NetwerkQuerySet:
        return self.filter(sectoren__slug=sector_slug)

    def in_regio(self, vr_nummer: int) -> NetwerkQuerySet:
        return self.filter(regios__veiligheidsregio__vr_nummer=vr_nummer, regios__opgenomen=True)
