"""Optimistic locking shared by every app: an edit carries the version the editor started from; a
save on top of someone else's newer save raises `Bewerkingsconflict`, saying who changed what
since (no lost update, §8). Plans, actions and meetings carry a `revisie` counter; other models
compare history rows (`monitoring.services.controleer_versie`). Both report through here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model

from .opmaak import euro


@dataclass
class Veldverschil:
    veld: str
    was: str
    nu: str


@dataclass
class Bewerkingsconflict(Exception):
    """Someone else saved the object after the editor loaded it; nothing was saved."""

    onderwerp: str
    door: str
    op: datetime.datetime | None
    verschillen: list[Veldverschil] = field(default_factory=list)

    def __str__(self) -> str:
        wie = f"{self.door} heeft" if self.door else "Iemand anders heeft"
        return (
            f"{wie} {self.onderwerp} intussen gewijzigd. Uw wijziging is niet opgeslagen; "
            "bekijk wat er veranderde en voer uw wijziging zo nodig opnieuw in."
        )


def toon_waarde(obj: Model, veld: str, waarde: Any) -> str:
    """A field value as the conflict page and change descriptions show it (Dutch, readable)."""
    model_veld = obj._meta.get_field(veld)
    if waarde is None or waarde == "":
        return "—"
    if model_veld.choices:
        return str(dict(model_veld.flatchoices).get(waarde, waarde))
    if model_veld.is_relation:
        return str(model_veld.related_model._default_manager.filter(pk=waarde).first() or "—")
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime.date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, Decimal):
        return euro(waarde)
    return str(waarde)


def verschillen_sinds(obj: Model, toen: Any, overslaan: tuple[str, ...] = ("id",)) -> list[Veldverschil]:
    """The fields in which `obj` now differs from its history row `toen` (None: none known)."""
    if toen is None:
        return []
    verschillen = []
    for model_veld in obj._meta.concrete_fields:
        naam = model_veld.attname
        if naam in overslaan or not hasattr(toen, naam):
            continue
        oud, nieuw = getattr(toen, naam), getattr(obj, naam)
        if oud != nieuw:
            verschillen.append(
                Veldverschil(
                    str(model_veld.verbose_name),
                    toon_waarde(obj, model_veld.name, oud),
                    toon_waarde(obj, model_veld.name, nieuw),
                )
            )
    return verschillen


def conflict(obj: Model, toen: Any, laatste: Any, onderwerp: str, overslaan: tuple[str, ...] = ("id",)):
    """The conflict to raise: what changed since `toen`, by whom (`laatste` history row)."""
    return Bewerkingsconflict(
        onderwerp=onderwerp,
        door=str(laatste.history_user) if laatste and laatste.history_user else "",
        op=laatste.history_date if laatste else None,
        verschillen=verschillen_sinds(obj, toen, overslaan),
    )


def controleer_revisie(obj: Model, revisie: int | None, onderwerp: str) -> None:
    """Refuse a save of an object with a `revisie` counter that started from an older revision."""
    if revisie is None or int(revisie) == obj.revisie:
        return
    toen = obj.history.filter(revisie=int(revisie)).order_by("-history_date").first()
    laatste = obj.history.select_related("history_user").order_by("-history_date").first()
    raise conflict(obj, toen, laatste, onderwerp, overslaan=("id", "revisie"))
