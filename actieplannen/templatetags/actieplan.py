"""Display helpers of the plan and action pages: amounts, TLP labels, status badges."""

from __future__ import annotations

from decimal import Decimal

from django import template

from continuiteit.opmaak import euro as _euro

register = template.Library()

# Status badge colour by meaning (see portaal.css): grey = not yet, blue = busy, green = done.
PLANSTATUS = {
    "concept": "neutral",
    "ter_instemming": "warning",
    "vastgesteld": "success",
    "in_uitvoering": "info",
    "afgerond": "success",
}
ACTIESTATUS = {
    "niet_gestart": "licht",
    "in_uitvoering": "info",
    "gereed": "success",
    "vertraagd": "warning",
    "vervallen": "neutral",
}


@register.filter
def euro(bedrag: Decimal | int | float | None) -> str:
    """`€ 1.234,50`; `—` for no amount."""
    return _euro(bedrag)


@register.filter
def euro_rond(bedrag: Decimal | int | float | None) -> str:
    """`€ 1.235` (whole euros), for key figures."""
    return _euro(bedrag, centen=False)


@register.filter
def tlp_klasse(tlp: str) -> str:
    """CSS modifier of a TLP value: `amber_strict` → `amber-strict`."""
    return (tlp or "").replace("_", "-")


@register.filter
def planstatus_klasse(status: str) -> str:
    return PLANSTATUS.get(status, "neutral")


@register.filter
def actiestatus_klasse(status: str) -> str:
    return ACTIESTATUS.get(status, "neutral")
