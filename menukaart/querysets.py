"""Query vocabulary of the menukaart. Every list, search, count and link starts from `visible_to`.

Visibility (§4), chosen and documented here:

* the project team (everyone with `menukaart.cureer_menukaartitem`, given to the group
  *Projectteam* by a data migration; administrators) sees every item;
* every other logged-in, active user sees the **published** items labelled TLP:CLEAR, GREEN or
  AMBER — the portal's users are the community these labels allow sharing with — and his own
  proposals and own items (whatever their label), except archived ones;
* published items labelled TLP:AMBER+STRICT or RED stay with the project team and the proposer:
  the catalogue has no list of named recipients to share them with;
* archived items: the project team only. Anonymous users: nothing.
"""

from __future__ import annotations

import datetime
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, Value, When
from django.utils import timezone

from .zoeken import Zoekdeel, ontleed

if TYPE_CHECKING:
    from actieplannen.models import Verbeteractie
    from netwerken.models import Gebruiker


GEPUBLICEERD, VOORGESTELD, GEARCHIVEERD = "gepubliceerd", "voorgesteld", "gearchiveerd"

# Relevance of the fallback (substring) matches next to PostgreSQL's ts_rank (0 … ~1): a hit in
# the title counts three times a hit elsewhere, as weight A outranks C in the Dutch ranking.
GEWICHT_TITEL, GEWICHT_TEKST, GEWICHT_FALLBACK_OP_POSTGRES = 3.0, 1.0, 0.1


def een_jaar_voor(datum: datetime.date) -> datetime.date:
    """The same day a year earlier (29 February → 28 February)."""
    try:
        return datum.replace(year=datum.year - 1)
    except ValueError:
        return datum.replace(year=datum.year - 1, day=28)


def is_curator(user: Gebruiker) -> bool:
    """The project team (and administrators) curate the menukaart and answer the loket."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("menukaart.cureer_menukaartitem"))


def _past(deel: Zoekdeel, veld: str) -> Q:
    return reduce(or_, (Q(**{f"{veld}__contains": patroon}) for patroon in deel.patronen))


def _fallbackscore(deel: Zoekdeel) -> Case:
    return Case(When(_past(deel, "zoektitel"), then=Value(GEWICHT_TITEL)), default=Value(0.0)) + Case(
        When(_past(deel, "zoektekst"), then=Value(GEWICHT_TEKST)), default=Value(0.0)
    )


class MenukaartItemQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> MenukaartItemQuerySet:
        """The items this user may read (see the module docstring)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if is_curator(user):
            return self
        from .models import MenukaartItem

        openbaar = Q(status=GEPUBLICEERD, tlp__in=MenukaartItem.TLP_VOOR_IEDEREEN)
        eigen = Q(voorgesteld_door=user) & ~Q(status=GEARCHIVEERD)
        return self.filter(openbaar | eigen)

    def gepubliceerd(self) -> MenukaartItemQuerySet:
        return self.filter(status=GEPUBLICEERD)

    def voorstellen(self) -> MenukaartItemQuerySet:
        return self.filter(status=VOORGESTELD)

    def verouderd(self, vandaag: datetime.date | None = None) -> MenukaartItemQuerySet:
        """Published items not reviewed for 12 months, or never (§3)."""
        grens = een_jaar_voor(vandaag or timezone.localdate())
        return self.gepubliceerd().filter(Q(laatst_beoordeeld__isnull=True) | Q(laatst_beoordeeld__lte=grens))

    def curatiewachtrij(self, vandaag: datetime.date | None = None) -> MenukaartItemQuerySet:
        """What the project team must look at: proposals and stale items."""
        return self.voorstellen() | self.verouderd(vandaag)

    def for_list(self) -> MenukaartItemQuerySet:
        """Prefetch recipe of the search results: two queries for themes and sectors."""
        return self.select_related("organisatie").prefetch_related("themas", "sectoren")

    def for_detail(self) -> MenukaartItemQuerySet:
        """Prefetch recipe of the item page."""
        from .models import Bijlage

        return self.select_related("organisatie", "curator", "voorgesteld_door").prefetch_related(
            "themas",
            "sectoren",
            "links",
            models.Prefetch("bijlagen", queryset=Bijlage.objects.select_related("geupload_door")),
        )

    def zoek(self, tekst: str) -> MenukaartItemQuerySet:
        """Items matching every part of the query, annotated with `relevantie` (see menukaart.zoeken).

        On PostgreSQL: Dutch full-text search, ranked with weights title A > summary B > body C, or
        the accent-free substring fallback (ranked lower). Elsewhere: the fallback alone, ranked
        title > rest. Without search terms every item matches with relevance 0.
        """
        vraag = ontleed(tekst)
        if not vraag:
            return self.annotate(relevantie=Value(0.0, output_field=FloatField()))
        qs = self
        fallback = reduce(lambda a, b: a + b, (_fallbackscore(deel) for deel in vraag.delen))
        if connections[self.db].vendor == "postgresql":
            vector = (
                SearchVector("titel", weight="A", config="dutch")
                + SearchVector("samenvatting", weight="B", config="dutch")
                + SearchVector("inhoud", weight="C", config="dutch")
            )
            qs = qs.alias(fts=vector)
            zoekvragen = []
            for deel in vraag.delen:
                zoekvraag = SearchQuery(
                    deel.tekst, config="dutch", search_type="phrase" if deel.zin else "plain"
                )
                zoekvragen.append(zoekvraag)
                qs = qs.filter(Q(fts=zoekvraag) | _past(deel, "zoektekst"))
            relevantie = SearchRank(F("fts"), reduce(or_, zoekvragen)) + fallback * Value(
                GEWICHT_FALLBACK_OP_POSTGRES
            )
        else:
            for deel in vraag.delen:
                qs = qs.filter(_past(deel, "zoektekst"))
            relevantie = fallback
        return qs.annotate(relevantie=models.ExpressionWrapper(relevantie, output_field=FloatField()))

    def suggesties_voor(self, actie: Verbeteractie) -> MenukaartItemQuerySet:
        """Published items with the action's theme and one of its network's sectors, not linked to it yet."""
        from netwerken.models import Netwerk

        from .models import ActieKoppeling, MenukaartItem

        themas = MenukaartItem.themas.through.objects.filter(
            menukaartitem_id=OuterRef("pk"), thema_id=actie.thema_id
        )
        sectoren = MenukaartItem.sectoren.through.objects.filter(
            menukaartitem_id=OuterRef("pk"),
            sector_id__in=Netwerk.sectoren.through.objects.filter(
                netwerk_id=actie.actieplan.netwerk_id
            ).values("sector_id"),
        )
        gekoppeld = ActieKoppeling.objects.filter(item_id=OuterRef("pk"), verbeteractie_id=actie.pk)
        return (
            self.gepubliceerd()
            .filter(Exists(themas), Exists(sectoren))
            .exclude(Exists(gekoppeld))
            .order_by(F("laatst_beoordeeld").desc(nulls_last=True), "titel", "pk")
        )


class LoketVraagQuerySet(models.QuerySet):
    def visible_to(self, user: Gebruiker) -> LoketVraagQuerySet:
        """The project team reads every question; everyone else his own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if is_curator(user):
            return self
        return self.filter(gesteld_door=user)

    def open(self) -> LoketVraagQuerySet:
        return self.filter(beantwoord_op__isnull=True)

    def beantwoord(self) -> LoketVraagQuerySet:
        return self.filter(beantwoord_op__isnull=False)

    def for_list(self) -> LoketVraagQuerySet:
        return self.select_related("item", "gesteld_door__organisatie", "beantwoord_door")
