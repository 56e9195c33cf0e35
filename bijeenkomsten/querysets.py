"""Query vocabulary for meetings. Every list, page, feed and download starts from `visible_to`."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

if TYPE_CHECKING:
    from netwerken.models import Gebruiker


class BijeenkomstQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> BijeenkomstQuerySet:
        """The meetings this user may see (§4).

        A network meeting: members of that network (the network's own visibility rule) and the
        project team — an invitation does not count, so whoever leaves the network stops seeing
        its meetings. Other kinds: the project team and their invitees. One query with the
        network and invitation conditions as subqueries.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_projectteam:
            return self
        from netwerken.models import Netwerk

        from .models import Genodigde

        uitgenodigd = Genodigde.objects.filter(bijeenkomst_id=OuterRef("pk"), gebruiker_id=user.pk)
        return self.filter(
            Q(soort="netwerk", netwerk__in=Netwerk.objects.visible_to(user))
            | (~Q(soort="netwerk") & Q(Exists(uitgenodigd)))
        )

    def komend(self, nu: datetime.datetime | None = None) -> BijeenkomstQuerySet:
        """Not yet ended, soonest first (cancelled ones included: the list shows them as such)."""
        return self.filter(einde__gt=nu or timezone.now()).order_by("begin", "pk")

    def voorbij(self, nu: datetime.datetime | None = None) -> BijeenkomstQuerySet:
        """Ended, most recent first."""
        return self.filter(einde__lte=nu or timezone.now()).order_by("-begin", "-pk")

    def niet_geannuleerd(self) -> BijeenkomstQuerySet:
        return self.filter(geannuleerd_op__isnull=True)

    def in_periode(self, van: datetime.datetime, tot: datetime.datetime) -> BijeenkomstQuerySet:
        """Meetings that overlap [van, tot): for the month view."""
        return self.filter(begin__lt=tot, einde__gt=van)

    def op_dag(self, dag: datetime.date) -> BijeenkomstQuerySet:
        """Meetings that begin on this calendar day in the portal's time zone (Europe/Amsterdam)."""
        tz = timezone.get_current_timezone()
        van = datetime.datetime.combine(dag, datetime.time.min, tzinfo=tz)
        return self.filter(begin__gte=van, begin__lt=van + datetime.timedelta(days=1))

    def voor_netwerk(self, netwerk: object) -> BijeenkomstQuerySet:
        return self.filter(netwerk=netwerk)

    def for_list(self, user: Gebruiker | None = None) -> BijeenkomstQuerySet:
        """Prefetch recipe of the lists and the month view: network, sector, counts, my response.

        With `user`, each meeting carries `mijn_antwoord` (None when not invited). One query.
        """
        from .models import Genodigde

        qs = self.select_related("netwerk", "sector").annotate(
            aantal_genodigden=Count("genodigden", distinct=True),
            aantal_accepteert=Count(
                "genodigden", filter=Q(genodigden__antwoord=Genodigde.Antwoord.ACCEPTEERT), distinct=True
            ),
        )
        if user is not None and user.is_authenticated:
            mijn = Genodigde.objects.filter(bijeenkomst_id=OuterRef("pk"), gebruiker_id=user.pk)
            qs = qs.annotate(mijn_antwoord=models.Subquery(mijn.values("antwoord")[:1]))
        return qs

    def for_detail(self) -> BijeenkomstQuerySet:
        """Prefetch recipe of the meeting page: agenda, invitees, decisions with their actions."""
        from .models import Agendapunt, Besluit, Genodigde

        return self.select_related(
            "netwerk", "sector", "agenda__sector", "georganiseerd_door", "notulen_vastgelegd_door"
        ).prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.select_related(
                    "afspraak", "verbeteractie__actieplan__netwerk", "menukaartitem"
                ).order_by("volgorde", "pk"),
            ),
            Prefetch(
                "genodigden",
                queryset=Genodigde.objects.select_related("gebruiker__organisatie", "organisatie").order_by(
                    "gebruiker__naam", "pk"
                ),
            ),
            Prefetch(
                "besluiten",
                queryset=Besluit.objects.select_related(
                    "verbeteractie__actieplan__netwerk", "vastgelegd_door"
                ).order_by("volgnummer"),
            ),
        )

    def for_feed(self) -> BijeenkomstQuerySet:
        """Prefetch recipe of the calendar feed and .ics download: organiser and invitees."""
        from .models import Genodigde

        return self.select_related("georganiseerd_door", "netwerk").prefetch_related(
            Prefetch(
                "genodigden",
                queryset=Genodigde.objects.select_related("gebruiker").order_by("gebruiker__naam", "pk"),
            )
        )


class GenodigdeQuerySet(models.QuerySet):
    def niet_afgemeld(self) -> GenodigdeQuerySet:
        """The invitees who still get updates (everybody except those who declined)."""
        return self.exclude(antwoord="afgemeld")
