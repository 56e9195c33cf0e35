"""Field-level change history from django-simple-history, for display on a page.

`wijzigingen()` turns the historical rows of several models into one timeline of events with
the changed fields (old → new). It runs one query per source plus at most one per referenced
model for labels (none for objects the caller already holds), however long the history: no
per-row `prev_record` lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

SOORTEN = {"+": "toegevoegd", "~": "gewijzigd", "-": "verwijderd"}
NIET_TONEN = {"id"}


@dataclass(frozen=True)
class Veldwijziging:
    veld: str
    oud: str
    nieuw: str


@dataclass
class Wijziging:
    wanneer: datetime
    wie: str
    onderwerp: str
    soort: str  # toegevoegd / gewijzigd / verwijderd
    velden: list[Veldwijziging] = field(default_factory=list)


@dataclass(frozen=True)
class Bron:
    """One history source: historical rows of one model, how to name their object, which fields.

    `onderwerp` receives a function that gives the display value of a field of the row, e.g.
    `lambda naam: f"Lid {naam('persoon')}"`; only fields listed in `velden` are resolved.
    """

    rijen: models.QuerySet
    onderwerp: Callable[[Callable[[str], str]], str]
    velden: tuple[str, ...] | None = None  # None: every concrete field except `id`


def _veldnamen(model: type[models.Model], velden: tuple[str, ...] | None) -> list[models.Field]:
    concrete = [f for f in model._meta.concrete_fields if f.name not in NIET_TONEN]
    if velden is None:
        return concrete
    return [f for f in concrete if f.name in velden]


def _labels(
    bronnen: Iterable[tuple[Bron, list]], bekend: Iterable[models.Model | None] = ()
) -> dict[tuple[type, Any], str]:
    """Names of every object a foreign key in the rows points at, one query per model for those
    not among the objects the page has `bekend` (already loaded)."""
    labels: dict[tuple[type, Any], str] = {
        (obj._meta.concrete_model, obj.pk): str(obj) for obj in bekend if obj is not None
    }
    nodig: dict[type[models.Model], set] = defaultdict(set)
    for bron, rijen in bronnen:
        model = bron.rijen.model.instance_type
        for veld in _veldnamen(model, bron.velden):
            if veld.is_relation and veld.many_to_one:
                for rij in rijen:
                    waarde = getattr(rij, veld.attname)
                    if waarde is not None and (veld.related_model, waarde) not in labels:
                        nodig[veld.related_model].add(waarde)
    for model, ids in nodig.items():
        for obj in model._default_manager.filter(pk__in=ids):
            labels[(model, obj.pk)] = str(obj)
    return labels


def _toon(veld: models.Field, waarde: Any, labels: dict[tuple[type, Any], str]) -> str:
    if waarde is None or waarde == "":
        return "—"
    if veld.is_relation and veld.many_to_one:
        return labels.get((veld.related_model, waarde), _("(verwijderd)"))
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, datetime):
        return waarde.strftime("%d-%m-%Y %H:%M")
    return str(waarde)


def _toon_veld(
    rij: Any, velden: dict[str, models.Field], labels: dict[tuple[type, Any], str], naam: str
) -> str:
    return _toon(velden[naam], getattr(rij, velden[naam].attname), labels)


def wijzigingen(
    bronnen: list[Bron], limiet: int = 50, bekend: Iterable[models.Model | None] = ()
) -> list[Wijziging]:
    """The newest `limiet` events over all sources, newest first, each with its changed fields.

    `bekend`: objects the page loaded anyway (e.g. an action's current owner and theme); rows that
    point at them need no query for their names.
    """
    geladen = [
        (bron, list(bron.rijen.select_related("history_user").order_by("history_date", "history_id")))
        for bron in bronnen
    ]
    labels = _labels(geladen, bekend)
    gebeurtenissen: list[Wijziging] = []
    for bron, rijen in geladen:
        model = bron.rijen.model.instance_type
        velden = _veldnamen(model, bron.velden)
        velden_op_naam = {veld.name: veld for veld in velden}
        vorige: dict[Any, Any] = {}
        for rij in rijen:
            eerder = vorige.get(rij.id)
            wijzigingen_in_rij = []
            if rij.history_type == "~" and eerder is not None:
                for veld in velden:
                    oud, nieuw = getattr(eerder, veld.attname), getattr(rij, veld.attname)
                    if oud != nieuw:
                        wijzigingen_in_rij.append(
                            Veldwijziging(
                                str(veld.verbose_name), _toon(veld, oud, labels), _toon(veld, nieuw, labels)
                            )
                        )
                if not wijzigingen_in_rij:
                    vorige[rij.id] = rij
                    continue  # a save that changed nothing we show
            vorige[rij.id] = rij
            gebruiker = rij.history_user
            gebeurtenissen.append(
                Wijziging(
                    wanneer=rij.history_date,
                    wie=str(gebruiker) if gebruiker else _("systeem"),
                    onderwerp=bron.onderwerp(partial(_toon_veld, rij, velden_op_naam, labels)),
                    soort=SOORTEN[rij.history_type],
                    velden=wijzigingen_in_rij,
                )
            )
    gebeurtenissen.sort(key=lambda w: w.wanneer, reverse=True)
    return gebeurtenissen[:limiet]


def bewaar(obj: models.Model, actor: Any) -> None:
    """Save with `actor` as the history user, also outside a request (services, loaders, tasks)."""
    obj._history_user = actor  # type: ignore[attr-defined]
    obj.save()


def verwijder(obj: models.Model, actor: Any) -> None:
    """Delete with `actor` as the history user of the deletion row."""
    obj._history_user = actor  # type: ignore[attr-defined]
    obj.delete()
