"""Query vocabulary for plans and actions. Every list, export and report starts from `visible_to`."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

if TYPE_CHECKING:
    from netwerken.models import Gebruiker


class ActieplanQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> ActieplanQuerySet:
        """Plans of the networks the user may see (members, project team, administrators)."""
        from netwerken.models import Netwerk

        return self.filter(netwerk__in=Netwerk.objects.visible_to(user))


class VerbeteractieQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> VerbeteractieQuerySet:
        """Actions in plans the user may see; TLP:RED ones only for their named recipients (§4).

        The project team reads every network but not RED content, unless it is named.
        """
        from netwerken.models import Netwerk

        from .models import TLP

        ontvanger = self.model.tlp_ontvangers.through.objects.filter(
            verbeteractie_id=OuterRef("pk"), gebruiker_id=user.pk
        )
        return self.filter(actieplan__netwerk__in=Netwerk.objects.visible_to(user)).filter(
            ~Q(tlp=TLP.RED) | Exists(ontvanger)
        )

    def open(self) -> VerbeteractieQuerySet:
        return self.exclude(status__in=["gereed", "vervallen"])

    def te_laat(self, vandaag: datetime.date | None = None) -> VerbeteractieQuerySet:
        return self.open().filter(einddatum__lt=vandaag or timezone.localdate())

    def binnenkort(self, dagen: int = 14, vandaag: datetime.date | None = None) -> VerbeteractieQuerySet:
        vandaag = vandaag or timezone.localdate()
        return self.open().filter(
            einddatum__gte=vandaag, einddatum__lte=vandaag + datetime.timedelta(days=dagen)
        )

    def for_plan(self) -> VerbeteractieQuerySet:
        """Prefetch recipe of the plan page and exports."""
        return self.select_related("thema", "organisatie", "eigenaar", "afspraak", "landelijke_actie")
