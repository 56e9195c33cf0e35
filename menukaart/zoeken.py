"""Search over menukaart items: Dutch full-text search on PostgreSQL, the same fallback everywhere.

A query is split into *parts*: every quoted phrase and every other word. An item matches when
every part matches, either

* through PostgreSQL's Dutch full-text search (`dutch` configuration: stems, stop words,
  diacritics; weights title A > summary B > body C for the ranking), or
* through the **fallback**, on both databases: the part's accent-free stems are looked up as
  substrings of `MenukaartItem.zoektekst`, an accent-free, lower-case copy of title, summary and
  body. That repairs the Dutch stemmer's asymmetry (query "fiets" → `fiet`, but "fietsen" →
  `fiets`), finds words inside Dutch compounds ("water" in "noodwater") and is the whole search
  on SQLite, the embedded default.

The stems come from a deliberately small set of rules for Dutch plurals (`stammen`): strip -en,
-'s and the -s after -er/-el/-em/-en/-je, undo a doubled consonant (katten → kat), and also try the
spelling alternations of the singular (bedrijf/bedrijven, huis/huizen, straat/straten).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Left out of the query: they occur in every text. PostgreSQL's `dutch` configuration ignores
# these and more; the fallback must ignore them too, or "de" would match every item.
STOPWOORDEN = frozenset(
    """aan al alle als bij dan dat de deze die dit door een en er haar het hij hoe hun ik in is je
    kan kunnen maar met na naar niet nog of om onder ons onze ook op over te tot u uit uw van voor
    wat we welke wie wij worden wordt zal zich zij zijn""".split()
)
MIN_LENGTE_STAM = 3  # shorter patterns would match inside far too many words
MAX_DELEN = 10

_KLINKERS = "aeiou"
_ZIN = re.compile(r'"([^"]*)"')
_APOSTROF_S = re.compile(r"['’]s\b", re.IGNORECASE)
_GEEN_WOORDTEKEN = re.compile(r"[\W_]+")


def normaliseer(tekst: str) -> str:
    """Lower case, accents removed, every run of punctuation one space: "Financiële  Zaken!" → "financiele zaken"."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    zonder_accenten = "".join(teken for teken in ontleed if not unicodedata.combining(teken))
    return " ".join(_GEEN_WOORDTEKEN.sub(" ", zonder_accenten.lower()).split())


def _is_medeklinker(teken: str) -> bool:
    return teken.isalpha() and teken not in _KLINKERS


def stammen(woord: str) -> tuple[str, ...]:
    """Substrings that find `woord` in its singular and plural forms (woord: one normalised word).

    >>> stammen("fietsen"), stammen("fiets"), stammen("bedrijf")
    (('fiets',), ('fiets',), ('bedrijf', 'bedrijv'))
    """
    if len(woord) < MIN_LENGTE_STAM:
        return (f" {woord} ",)  # a very short word only as a whole word: " ai "
    if len(woord) == MIN_LENGTE_STAM:
        return (
            f" {woord}",
        )  # a short one at the start of a word: "gas" in "gasuitval", not "ict" in "strict"
    kandidaten = [woord]
    if len(woord) >= 5 and woord.endswith("en"):
        stam = woord[:-2]
        verdubbeld = len(stam) >= 2 and stam[-1] == stam[-2] and _is_medeklinker(stam[-1])
        if verdubbeld:
            stam = stam[:-1]  # katten → kat, bussen → bus
        kandidaten = [stam]
        if stam.endswith("v"):
            kandidaten.append(stam[:-1] + "f")  # bedrijven → bedrijf
        elif stam.endswith("z"):
            kandidaten.append(stam[:-1] + "s")  # huizen → huis
        if (
            not verdubbeld
            and len(stam) >= 3
            and _is_medeklinker(stam[-1])
            and stam[-2] in _KLINKERS
            and _is_medeklinker(stam[-3])
        ):
            kandidaten.append(stam[:-1] + stam[-2] + stam[-1])  # straten → straat
    elif len(woord) >= 5 and woord[-3:] in ("ers", "els", "ems", "ens", "jes", "ies"):
        kandidaten = [woord[:-1]]  # fietsers → fietser, meisjes → meisje
    else:
        # A singular also has to find its plural.
        if woord.endswith("f"):
            kandidaten.append(woord[:-1] + "v")  # bedrijf → bedrijven
        elif woord.endswith("s") and (woord[-3:-1] == "ij" or all(t in _KLINKERS for t in woord[-3:-1])):
            kandidaten.append(woord[:-1] + "z")  # huis → huizen, reis → reizen
        if (
            len(woord) >= 4
            and _is_medeklinker(woord[-1])
            and woord[-2] == woord[-3]
            and woord[-2] in _KLINKERS
        ):
            kandidaten.append(woord[:-2] + woord[-1])  # straat → strat(en)
    uniek = dict.fromkeys(k for k in kandidaten if len(k) >= MIN_LENGTE_STAM)
    return tuple(uniek) or (f" {woord} ",)


@dataclass(frozen=True)
class Zoekdeel:
    """One part of a query: a word or a quoted phrase."""

    tekst: str  # as typed (normalised spacing): the input of PostgreSQL's Dutch query
    patronen: tuple[str, ...]  # substrings of `zoektekst`, any of which makes the part match
    zin: bool = False


@dataclass(frozen=True)
class Zoekvraag:
    delen: tuple[Zoekdeel, ...]
    genegeerd: tuple[str, ...] = ()  # stop words that were left out

    def __bool__(self) -> bool:
        return bool(self.delen)


def ontleed(tekst: str) -> Zoekvraag:
    """Split a query into phrases ("…") and words; stop words are left out.

    >>> [d.patronen for d in ontleed('"Noodwater distributie" fietsen de').delen]
    [('noodwater distributie',), ('fiets',)]
    """
    tekst = _APOSTROF_S.sub("", tekst or "")
    delen: list[Zoekdeel] = []
    genegeerd: list[str] = []
    for zin in _ZIN.findall(tekst):
        genormaliseerd = normaliseer(zin)
        if genormaliseerd:
            delen.append(Zoekdeel(" ".join(zin.split()), (genormaliseerd,), zin=True))
    rest = _ZIN.sub(" ", tekst).replace('"', " ")
    for woord in rest.split():
        genormaliseerd = normaliseer(woord)
        if not genormaliseerd:
            continue
        if " " in genormaliseerd:  # "noodwater-distributie": the words in this order
            delen.append(Zoekdeel(genormaliseerd, (genormaliseerd,), zin=True))
        elif genormaliseerd in STOPWOORDEN:
            genegeerd.append(woord)
        else:
            delen.append(Zoekdeel(woord, stammen(genormaliseerd)))
    gezien: set[tuple[str, ...]] = set()
    uniek = []
    for deel in delen:
        if deel.patronen not in gezien:
            gezien.add(deel.patronen)
            uniek.append(deel)
    return Zoekvraag(tuple(uniek[:MAX_DELEN]), tuple(genegeerd))
