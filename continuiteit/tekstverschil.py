"""Word-level differences between two texts, for showing changes between document versions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_WOORDEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Stuk:
    soort: str  # "gelijk", "weg" or "nieuw"
    tekst: str


def woordverschil(oud: str, nieuw: str) -> list[Stuk]:
    """The new text as pieces that stayed, were removed or were added (whitespace kept)."""
    a, b = _WOORDEN.findall(oud or ""), _WOORDEN.findall(nieuw or "")
    stukken: list[Stuk] = []
    for code, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if code == "equal":
            stukken.append(Stuk("gelijk", "".join(a[i1:i2])))
            continue
        if code in ("delete", "replace"):
            stukken.append(Stuk("weg", "".join(a[i1:i2])))
        if code in ("insert", "replace"):
            stukken.append(Stuk("nieuw", "".join(b[j1:j2])))
    return stukken
