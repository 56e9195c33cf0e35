"""Reads about items and improvement actions: where an item is used, what an action could use.

No count or link reveals another network's use of an item (§8 "no leak"): the links a viewer
gets are to actions in `Verbeteractie.objects.visible_to(viewer)`, and the number of plans shown
to him counts only those. The project team additionally sees the **total** number of plans that
use an item — it follows every network anyway — including plans of actions it cannot open
(TLP:RED actions are hidden from it too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from .models import ActieKoppeling, MenukaartItem
from .querysets import is_curator

if TYPE_CHECKING:
    from actieplannen.models import Verbeteractie
    from netwerken.models import Gebruiker


@dataclass
class Gebruik:
    """Where an item is used, as far as the viewer may know."""

    koppelingen: list[ActieKoppeling] = field(default_factory=list)  # visible to the viewer
    aantal_plannen: int = 0  # distinct plans among those
    totaal_plannen: int | None = None  # all plans; only for the project team

    @property
    def verborgen_plannen(self) -> int:
        return max((self.totaal_plannen or 0) - self.aantal_plannen, 0)


def gebruik_van_item(item: MenukaartItem, user: Gebruiker) -> Gebruik:
    """The actions using the item that the user may see; the total for the project team.

    Two queries (one more for the project team's total), however often the item is used.
    """
    from actieplannen.models import Verbeteractie

    koppelingen = list(
        ActieKoppeling.objects.filter(item=item, verbeteractie__in=Verbeteractie.objects.visible_to(user))
        .select_related("verbeteractie__actieplan__netwerk", "verbeteractie__thema")
        .order_by("verbeteractie__actieplan__netwerk__naam", "verbeteractie__titel", "pk")
    )
    gebruik = Gebruik(koppelingen, len({k.verbeteractie.actieplan_id for k in koppelingen}))
    if is_curator(user):
        gebruik.totaal_plannen = (
            ActieKoppeling.objects.filter(item=item).values("verbeteractie__actieplan_id").distinct().count()
        )
    return gebruik


def mijn_acties(user: Gebruiker, *, zonder_item: MenukaartItem | None = None) -> QuerySet[Any]:
    """Open actions the user may see and change (`change_netwerk` on their network): link targets.

    One query. Superusers may change every network; the project team reads plans but does not
    edit them, so it gets none.
    """
    from actieplannen.models import Verbeteractie
    from netwerken.models import Netwerk

    acties = Verbeteractie.objects.visible_to(user).open()
    if not user.is_superuser:
        netwerken = Netwerk.objects.filter(
            Q(netwerkgebruikerrecht__user=user, netwerkgebruikerrecht__permission__codename="change_netwerk")
            | Q(
                netwerkgroeprecht__group__user=user,
                netwerkgroeprecht__permission__codename="change_netwerk",
            )
        ).values("pk")
        acties = acties.filter(actieplan__netwerk__in=netwerken)
    if zonder_item is not None:
        acties = acties.exclude(menukaartkoppelingen__item=zonder_item)
    return acties.select_related("actieplan__netwerk", "thema").order_by(
        "actieplan__netwerk__naam", "thema__nummer", "titel", "pk"
    )


def suggesties_voor_actie(actie: Verbeteractie, user: Gebruiker, limiet: int = 5) -> list[MenukaartItem]:
    """Up to `limiet` published items the user may see, with the action's theme and one of its
    network's sectors, not yet linked to it; recently reviewed first. One query (two more the
    first time the user's permissions are read)."""
    return list(
        MenukaartItem.objects.visible_to(user).suggesties_voor(actie).select_related("organisatie")[:limiet]
    )


def menukaart_bij_actie(actie: Verbeteractie, user: Gebruiker, limiet: int = 5) -> dict[str, Any]:
    """Context of `menukaart/_suggesties.html` for an action page, in a fixed number of queries.

    `actie` must come with `actieplan__netwerk` (as `get_actie_for_user` returns it). Queries:
    linked items, suggestions, and the user's object permissions on the network (one, unless the
    page asked already).
    """
    from netwerken.permissions import heeft_recht

    koppelingen = list(
        ActieKoppeling.objects.filter(verbeteractie=actie, item__in=MenukaartItem.objects.visible_to(user))
        .select_related("item")
        .order_by("item__titel", "pk")
    )
    return {
        "actie": actie,
        "koppelingen": koppelingen,
        "suggesties": suggesties_voor_actie(actie, user, limiet),
        "mag_koppelen": heeft_recht(user, "change_netwerk", actie.actieplan.netwerk),
    }
