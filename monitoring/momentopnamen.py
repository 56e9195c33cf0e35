"""Monthly snapshots of the programme's figures, for the trend on the dashboard and in reports.

``maak_momentopname(datum=None) -> Momentopname``
    The snapshot of the month of `datum` (default: this month), stored on the first of that
    month. Idempotent: one row per month, and an existing row is never rewritten — a snapshot
    records the figures as they were when the month's first run took it, so running the beat job
    twice (or again later in the month) keeps the first figures. A month in the future is refused.
    The figures are always today's (``cijfers.momentopname_cijfers``): give a past month only to
    fill in a month that was missed.

``laad_momentopname_demo(maanden=24, vandaag=None) -> str``
    For demonstrations: 24 monthly snapshots before this month, derived from today's figures
    (a steady build-up to today), marked ``"voorbeeld": true``. Safe to run again: it rewrites
    only its own demo rows and never touches a real snapshot; then it takes this month's real
    snapshot (``maak_momentopname``), so the trend ends today.
"""

from __future__ import annotations

import datetime
import logging
from copy import deepcopy
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from .cijfers import momentopname_cijfers
from .models import Momentopname

logger = logging.getLogger(__name__)


def eerste_van_de_maand(datum: datetime.date) -> datetime.date:
    return datum.replace(day=1)


def _maanden_terug(datum: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 - maanden, 12)
    return datetime.date(jaar, maand + 1, 1)


def maak_momentopname(datum: datetime.date | None = None) -> Momentopname:
    """This month's snapshot (or that of `datum`'s month): created once, never rewritten.

    Five queries to compute the figures, plus one read and one insert; a second run only reads.
    Two runs at the same moment cannot both insert: the unique date decides, the loser returns
    the winner's row.
    """
    vandaag = timezone.localdate()
    maand = eerste_van_de_maand(datum or vandaag)
    if maand > eerste_van_de_maand(vandaag):
        raise ValueError(f"Een momentopname van een toekomstige maand ({maand:%m-%Y}) kan niet.")
    bestaand = Momentopname.objects.filter(datum=maand).first()
    if bestaand is not None:
        return bestaand
    cijfers = momentopname_cijfers(vandaag)
    try:
        with transaction.atomic():
            return Momentopname.objects.create(datum=maand, cijfers=cijfers)
    except IntegrityError:
        return Momentopname.objects.get(datum=maand)


# --- Demo ---------------------------------------------------------------------------------------------


def _schaal(teller: dict[str, Any], factor: float) -> dict[str, Any]:
    return {sleutel: round(waarde * factor) for sleutel, waarde in teller.items()}


def _demo_acties(acties: dict[str, Any], voortgang: float, seizoen: float) -> dict[str, Any]:
    """Action counts `voortgang` (0–1) of the way to today: fewer actions, fewer finished yet."""
    per_status = acties.get("per_status", {})
    totaal = round(sum(per_status.values()) * (0.25 + 0.75 * voortgang))
    gereed = round(per_status.get("gereed", 0) * voortgang**2)
    vervallen = round(per_status.get("vervallen", 0) * voortgang)
    vertraagd = min(round(per_status.get("vertraagd", 0) * voortgang * seizoen), max(totaal - gereed, 0))
    rest = max(totaal - gereed - vervallen - vertraagd, 0)
    in_uitvoering = round(rest * (0.3 + 0.5 * voortgang))
    nieuw = {
        "niet_gestart": rest - in_uitvoering,
        "in_uitvoering": in_uitvoering,
        "gereed": gereed,
        "vertraagd": vertraagd,
        "vervallen": vervallen,
    }
    te_laat = min(
        round(acties.get("te_laat", 0) * (0.4 + 0.6 * voortgang) * seizoen), totaal - gereed - vervallen
    )
    return {"per_status": nieuw, "te_laat": max(te_laat, 0), "totaal": sum(nieuw.values())}


def _demo_plannen(plannen: dict[str, Any], voortgang: float) -> dict[str, Any]:
    """Plans move from 'no plan' through concept to vastgesteld as the months pass."""
    per_status = dict(plannen.get("per_status", {}))
    netwerken = plannen.get("netwerken", sum(per_status.values()))
    later = ("ter_instemming", "vastgesteld", "in_uitvoering", "afgerond")
    nieuw = {s: (round(per_status.get(s, 0) * voortgang) if s in later else 0) for s in per_status}
    nieuw["concept"] = round(per_status.get("concept", 0) * min(1.0, 0.2 + voortgang))
    nieuw["geen"] = max(netwerken - sum(v for s, v in nieuw.items() if s != "geen"), 0)
    return {"per_status": nieuw, "netwerken": netwerken}


def demo_cijfers(nu: dict[str, Any], voortgang: float, seizoen: float = 1.0) -> dict[str, Any]:
    """Plausible earlier figures from today's: `voortgang` 0 (long ago) … 1 (today)."""
    cijfers = deepcopy(nu)
    cijfers["voorbeeld"] = True
    cijfers["acties"] = _demo_acties(nu.get("acties", {}), voortgang, seizoen)
    cijfers["plannen"] = _demo_plannen(nu.get("plannen", {}), voortgang)
    if "toetsing" in nu:
        cijfers["toetsing"] = {
            "beoordeeld": round(nu["toetsing"].get("beoordeeld", 0) * voortgang),
            "totaal": nu["toetsing"].get("totaal", 0),
        }
    if "ondertekend" in nu:
        cijfers["ondertekend"] = {
            "getekend": round(nu["ondertekend"].get("getekend", 0) * voortgang),
            "totaal": nu["ondertekend"].get("totaal", 25),
        }
    if "financiering" in nu:
        geld = nu["financiering"]
        cijfers["financiering"] = {
            "raming": str(
                (Decimal(geld.get("raming", "0")) * Decimal(str(round(voortgang, 2)))).quantize(
                    Decimal("0.01")
                )
            ),
            "per_partij": {
                p: str((Decimal(b) * Decimal(str(round(voortgang, 2)))).quantize(Decimal("0.01")))
                for p, b in geld.get("per_partij", {}).items()
            },
            "uit_bestaande_capaciteit": round(geld.get("uit_bestaande_capaciteit", 0) * voortgang),
        }
    cijfers["per_sector"] = {
        slug: {
            "naam": sector.get("naam", slug),
            "acties": _demo_acties(sector.get("acties", {}), voortgang, seizoen),
            "plannen": _demo_plannen(sector.get("plannen", {}), voortgang),
        }
        for slug, sector in nu.get("per_sector", {}).items()
    }
    return cijfers


@transaction.atomic
def laad_momentopname_demo(maanden: int = 24, vandaag: datetime.date | None = None) -> str:
    """Demo snapshots for the `maanden` months before this one, then this month's real snapshot.

    Deterministic (no randomness), so a second run writes the same figures; a month that holds
    a real snapshot (no "voorbeeld" mark) is left alone.
    """
    vandaag = vandaag or timezone.localdate()
    deze_maand = eerste_van_de_maand(vandaag)
    nu = momentopname_cijfers(vandaag)
    datums = [_maanden_terug(deze_maand, terug) for terug in range(maanden, 0, -1)]
    bestaand = {o.datum: o for o in Momentopname.objects.filter(datum__in=datums)}
    aangemaakt = bijgewerkt = overgeslagen = 0
    for i, datum in enumerate(datums):
        voortgang = (i + 1) / (maanden + 1)
        # A little seasonal wobble in delays, so the demo trend does not look drawn with a ruler.
        seizoen = 1.0 + 0.25 * ((datum.month % 4) - 1.5) / 1.5
        cijfers = demo_cijfers(nu, voortgang, seizoen) | {"peildatum": datum.isoformat()}
        opname = bestaand.get(datum)
        if opname is None:
            Momentopname.objects.create(datum=datum, cijfers=cijfers)
            aangemaakt += 1
        elif opname.cijfers.get("voorbeeld"):
            if opname.cijfers != cijfers:
                opname.cijfers = cijfers
                opname.save(update_fields=["cijfers"])
                bijgewerkt += 1
        else:
            overgeslagen += 1
    maak_momentopname(vandaag)
    return (
        f"Momentopnamen-demo: {aangemaakt} aangemaakt, {bijgewerkt} voorbeeldmaanden bijgewerkt, "
        f"{overgeslagen} echte maanden ongemoeid; momentopname van {deze_maand:%m-%Y} aanwezig."
    )
