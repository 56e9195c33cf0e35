"""Access helpers: every menukaart view fetches its item or question through these (§4).

404 when the user may not see the object (the same answer as "does not exist"); 403 when he may
see it but not do what he asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import LoketVraag, MenukaartItem
from .querysets import is_curator
from .services import mag_bewerken

if TYPE_CHECKING:
    from netwerken.models import Gebruiker

LEZEN, BEWERKEN, CUREREN = "lezen", "bewerken", "cureren"


def eis_curator(user: Gebruiker) -> None:
    """403 for anyone but the project team (and administrators)."""
    if not is_curator(user):
        raise PermissionDenied("Alleen het projectteam beheert de menukaart.")


def get_item_for_user(user: Gebruiker, pk: int, recht: str = LEZEN, *, detail: bool = False) -> MenukaartItem:
    """The item as the user may see it; `recht` is what he wants to do with it.

    `bewerken`: the project team, or the proposer while it is a proposal; `cureren`: the project
    team (publish, archive, mark reviewed). `detail` adds the item page's prefetch recipe.
    """
    items = MenukaartItem.objects.visible_to(user)
    if detail:
        items = items.for_detail()
    try:
        item = items.get(pk=pk)
    except MenukaartItem.DoesNotExist:
        raise Http404("Menukaartitem niet gevonden.") from None
    if recht == BEWERKEN and not mag_bewerken(item, user):
        raise PermissionDenied("Alleen het projectteam wijzigt dit item.")
    if recht == CUREREN:
        eis_curator(user)
    return item


def get_vraag_for_user(user: Gebruiker, pk: int, *, beantwoorden: bool = False) -> LoketVraag:
    """A loket question: its asker and the project team see it; only the project team answers."""
    try:
        vraag = LoketVraag.objects.visible_to(user).select_related("gesteld_door", "item").get(pk=pk)
    except LoketVraag.DoesNotExist:
        raise Http404("Vraag niet gevonden.") from None
    if beantwoorden:
        eis_curator(user)
    return vraag
