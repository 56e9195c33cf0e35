"""Dutch formatting of amounts and percentages, shared by pages, exports and reports."""

from __future__ import annotations

from decimal import Decimal


def euro(bedrag: Decimal | int | float | None, *, centen: bool = True) -> str:
    """`€ 1.234,50` (Dutch separators); `—` for no amount."""
    if bedrag is None:
        return "—"
    tekst = f"{Decimal(bedrag):,.{2 if centen else 0}f}"
    return "€ " + tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")
