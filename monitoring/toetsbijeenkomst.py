"""The *toetsbijeenkomst* view (§1, §5): improvement actions across all plans that serve the same
agenda item or read alike, grouped so the project team sees what is better organised nationally.

How two actions end up in one group (the page explains this in plain Dutch, see `UITLEG`):

* **Same agenda item**: both serve the same Samenwerkingsafspraak, recognised by its stable
  `sleutel`, so an action made against an older agenda version still counts.
* **Similar text**: title and description are split into words, lower-cased, accents removed,
  Dutch stop words left out and every word reduced to a light stem (`stam`: plurals, -ing, -heid,
  doubled letters), so "afspraken", "afspraak" and "Afspraak" are one word. Two actions of
  different networks are similar when the words they share weigh at least `DREMPEL` of their
  words (cosine similarity, each word weighted by how rare it is over all actions shown: a word
  that occurs in almost every action says little) and they share at least `MIN_GEDEELD` words.

Groups are the connected parts of these links (a union-find, strongest text links first), never
holding two different agenda items: actions that each serve their own item stay apart, however
alike their words. Only groups with actions of at least two networks are kept: those are the
candidates for the national action plan.

Cost: the actions come from one query (`acties_voor_toetsbijeenkomst`); everything else is Python
without queries. Candidate pairs come from an inverted index on the rarest words of each text
(prefix filtering, see `tekstlinks`), so the work grows with the pairs that share a distinctive
word, not with n² (measured for 3,000 actions in tests/monitoring/test_toetsbijeenkomst.py).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from django.core.cache import cache

from actieplannen.models import TLP, Verbeteractie
from menukaart.zoeken import STOPWOORDEN as ZOEK_STOPWOORDEN

if TYPE_CHECKING:
    import datetime

    from django.db.models import QuerySet

    from agenda.models import Thema
    from netwerken.models import Gebruiker, Netwerk, Sector

DREMPEL = 0.5  # weighted share of words two texts must have in common
MIN_GEDEELD = 2  # and at least this many words: one shared word is coincidence
MIN_LENGTE = 3  # shorter words ("vr", "nl") carry no meaning on their own
GETOONDE_WOORDEN = 8
# The index holds each text's rarest stems until the rest weighs under 0.9 × the threshold: a
# little more than strictly needed, so most candidate pairs are ruled out by weight alone (on the
# synthetic 3,000-action test set 0.9 halves the CPU time of 1.0; lower values index too much).
PREFIXMARGE = 0.9

# The Dutch stop-word list of the Snowball project plus the menukaart search's list, and a few
# words that occur in any plan text without saying what it is about.
STOPWOORDEN = ZOEK_STOPWOORDEN | frozenset(
    """aan af al alles als altijd andere ben bij daar daarbij daarna dan dat de der deze die dit doch
    doen door dus een eens elk elke en er ge geen geweest haar had heb hebben heeft hem het hier
    hierbij hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet
    moeten na naar niet niets nog nu of om omdat onder ons ook op over per reeds te tegen toch toen
    tot tussen u uit uw van veel via voor waar waarbij want waren was wat we werd wel welke wie wil
    worden wordt zal ze zelf zich zij zijn zo zonder zou zullen binnen samen goed goede nieuwe""".split()
)

_WOORD = re.compile(r"[^\W\d_]+")  # letters only: numbers and codes say nothing about the subject
_KLINKERS = frozenset("aeiouy")
_DUBBELE_KLINKER = re.compile(r"([aeou])\1")

UITLEG = (
    "Acties komen in één groep als ze hetzelfde agendapunt dienen (dezelfde samenwerkingsafspraak, "
    "ook als die intussen in een nieuwere agendaversie staat), of als hun titel en omschrijving op "
    "elkaar lijken. Voor dat laatste vergelijkt het portaal de woorden: hoofdletters, accenten en "
    "veelvoorkomende woorden (de, het, voor, met …) tellen niet mee, en verschillende vormen van een "
    f"woord (afspraak, afspraken) tellen als één woord. Twee acties lijken op elkaar als ze minstens "
    f"{MIN_GEDEELD} woorden delen en die gedeelde woorden samen minstens {round(DREMPEL * 100)}% van "
    "hun tekst uitmaken; zeldzame woorden wegen daarbij zwaarder dan woorden die in bijna elke actie "
    "staan. Acties die bij verschillende agendapunten horen, komen nooit in één groep. Alleen groepen "
    "met acties uit ten minste twee netwerken worden getoond: daar kan een landelijke aanpak helpen."
)


# --- Words ----------------------------------------------------------------------------------------


def _zonder_accenten(woord: str) -> str:
    ontleed = unicodedata.normalize("NFKD", woord)
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))


def _is_medeklinker(teken: str) -> bool:
    return teken.isalpha() and teken not in _KLINKERS


def stam(woord: str) -> str:
    """A light Dutch stem of one lower-case, accent-free word, after the Snowball rules in spirit.

    Both forms of a word get the same stem; the stem need not be a word itself.

    >>> [stam(w) for w in ("afspraken", "afspraak", "oefeningen", "oefening", "bedrijven", "bedrijf")]
    ['afsprak', 'afsprak', 'oefen', 'oefen', 'bedrijf', 'bedrijf']
    >>> [stam(w) for w in ("straten", "straat", "gezondheden", "regionale", "plannen", "plan")]
    ['strat', 'strat', 'gezondheid', 'regional', 'plan', 'plan']
    """
    w = woord
    if w.endswith("heden") and len(w) > 6:
        w = w[:-5] + "heid"  # gezondheden → gezondheid
    elif w.endswith("ingen") and len(w) - 5 >= 3:
        w = w[:-5]  # oefeningen → oefen
    elif w.endswith("ing") and len(w) - 3 >= 3:
        w = w[:-3]  # oefening → oefen, melding → meld
    elif w.endswith("en") and len(w) - 2 >= 3 and _is_medeklinker(w[-3]):
        w = w[:-2]  # afspraken → afsprak
    elif w.endswith("e") and len(w) - 1 >= 3 and _is_medeklinker(w[-2]):
        w = w[:-1]  # regionale → regional
    elif w.endswith("s") and len(w) - 1 >= 3 and _is_medeklinker(w[-2]) and w[-2] != "j":
        w = w[:-1]  # plans → plan; not crisis, not proces
    if len(w) >= 4 and w[-1] == w[-2] and _is_medeklinker(w[-1]):
        w = w[:-1]  # plann → plan, katt → kat
    if w.endswith("v") and len(w) >= 4:
        w = w[:-1] + "f"  # bedrijv → bedrijf
    elif w.endswith("z") and len(w) >= 4:
        w = w[:-1] + "s"  # reiz → reis
    # Open and closed syllables spell one vowel double or single (straat, straten): one form.
    return _DUBBELE_KLINKER.sub(r"\1", w)


@lru_cache(maxsize=100_000)
def _stam_van(woord: str) -> str | None:
    """The stem of one lower-case word, or None for a stop word or a too short one (cached: plans
    repeat their words, and this is most of the cost of grouping)."""
    kaal = _zonder_accenten(woord) if not woord.isascii() else woord
    if len(kaal) < MIN_LENGTE or kaal in STOPWOORDEN:
        return None
    return stam(kaal)


def woorden(tekst: str) -> dict[str, str]:
    """The meaningful words of a text: stem → the word as first written (lower case, for display)."""
    gevonden: dict[str, str] = {}
    for woord in _WOORD.findall(tekst.lower()):
        s = _stam_van(woord)
        if s is not None and s not in gevonden:
            gevonden[s] = woord
    return gevonden


# --- Groups ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tekstlink:
    """Two actions of different networks whose texts are alike."""

    a: int
    b: int
    gelijkenis: float  # 0..1
    gedeeld: frozenset[str]  # shared stems


@dataclass
class Groeplid:
    actie: Verbeteractie
    agendapunt: str = ""  # why it is here: the agenda item it shares with others, or
    lijkt_op: Verbeteractie | None = None  # the action whose text it resembles most
    gelijkenis: int = 0  # in %
    gedeelde_woorden: list[str] = field(default_factory=list)

    @property
    def is_vertrouwelijk(self) -> bool:
        return self.actie.tlp == TLP.RED


@dataclass
class Agendapunt:
    sleutel: str
    titel: str
    aantal: int
    afspraak_id: int


@dataclass
class Groep:
    sleutel: str  # stable while the members stay the same: anchor and form prefix
    leden: list[Groeplid]
    netwerken: list[Netwerk]
    agendapunten: list[Agendapunt]
    gedeelde_woorden: list[str]  # over the text links in the group, most frequent first
    titel: str  # what the group is about, for people
    thema: Thema  # the most common theme of its actions
    landelijke_acties: list[Verbeteractie]  # national actions members are already linked to

    @property
    def acties(self) -> list[Verbeteractie]:
        return [lid.actie for lid in self.leden]

    @property
    def niet_gekoppeld(self) -> list[Verbeteractie]:
        return [a for a in self.acties if a.landelijke_actie_id is None]

    @property
    def redenen_agendapunt(self) -> list[str]:
        """The shared agenda items as reasons (national text: safe to repeat in the national plan)."""
        return [
            f"Zelfde agendapunt: „{punt.titel}” ({punt.aantal} acties)."
            for punt in self.agendapunten
            if punt.aantal >= 2
        ]

    @property
    def redenen(self) -> list[str]:
        """Why the group was formed, in Dutch, one sentence per reason."""
        zinnen = self.redenen_agendapunt
        if self.gedeelde_woorden:
            zinnen.append("Vergelijkbare tekst: gedeelde woorden " + ", ".join(self.gedeelde_woorden) + ".")
        return zinnen


class _Unie:
    """Union-find with path halving: which actions belong together.

    Each group carries the agenda item it serves (if any); two groups of different agenda items are
    never joined, so an action without an agenda item that reads like actions of two items cannot
    chain them into one large group. It joins the group it resembles most (links come strongest
    first).
    """

    def __init__(self, agendapunten: list[str | None]) -> None:
        self.ouder = list(range(len(agendapunten)))
        self.agendapunt = list(agendapunten)

    def wortel(self, i: int) -> int:
        while self.ouder[i] != i:
            self.ouder[i] = self.ouder[self.ouder[i]]
            i = self.ouder[i]
        return i

    def verbind(self, a: int, b: int) -> bool:
        ra, rb = self.wortel(a), self.wortel(b)
        if ra == rb:
            return True
        pa, pb = self.agendapunt[ra], self.agendapunt[rb]
        if pa and pb and pa != pb:
            return False
        nieuw, oud = min(ra, rb), max(ra, rb)
        self.ouder[oud] = nieuw
        self.agendapunt[nieuw] = pa or pb
        return True


def _tekst(actie: Verbeteractie) -> str:
    return f"{actie.titel} {actie.omschrijving}"


def tekstlinks(
    acties: Sequence[Verbeteractie], teksten: list[dict[str, str]], *, drempel: float = DREMPEL
) -> list[Tekstlink]:
    """Pairs of actions of different networks with similar texts (no queries).

    Weighted cosine similarity over the sets of stems, with the smoothed inverse document frequency
    `ln((1 + n) / (1 + df)) + 1` as the weight of a stem.

    Candidate pairs come from an inverted index with *prefix filtering* (the all-pairs similarity
    join): every text's stems are ordered rarest first, the same order for all texts, and only a
    prefix holding enough weight is indexed, until the rest weighs less than `drempel` (times
    `PREFIXMARGE`) of the text as a vector norm. By the Cauchy–Schwarz inequality a pair whose
    shared stems all lie in one text's rest stays under the threshold, so the first shared stem of
    every pair that reaches it lies in both prefixes: the index finds every such pair, exactly,
    while the common stems (long posting lists) mostly stay out of it. A candidate whose shared
    prefix weight plus both rests cannot reach the threshold is dropped without comparing texts.
    """
    n = len(acties)
    sets = [frozenset(t) for t in teksten]
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    gewicht = {t: (math.log((1 + n) / (1 + d)) + 1) ** 2 for t, d in df.items()}  # squared idf
    norm = [math.sqrt(sum(gewicht[t] for t in s)) or 1.0 for s in sets]
    netwerk = [a.actieplan.netwerk_id for a in acties]
    agendapunt = [str(a.afspraak.sleutel) if a.afspraak_id else None for a in acties]
    index: dict[str, list[int]] = defaultdict(list)
    rest_van = [0.0] * n  # squared weight of each text's stems outside its prefix
    links: list[Tekstlink] = []
    for i, s in enumerate(sets):
        totaal = norm[i] ** 2
        rest = totaal
        prefix = []
        for t in sorted(s, key=lambda t: (df[t], t)):
            if rest < (drempel * PREFIXMARGE) ** 2 * totaal:
                break
            prefix.append(t)
            rest -= gewicht[t]
        rest_van[i] = rest
        # Probe with the prefix, then add it: every pair is looked at once, from its later text.
        # `gedeeld_in_prefix` sums the weight of the stems both prefixes share.
        gedeeld_in_prefix: dict[int, float] = {}
        for t in prefix:
            if df[t] > 1:
                w = gewicht[t]
                for j in index[t]:
                    gedeeld_in_prefix[j] = gedeeld_in_prefix.get(j, 0.0) + w
                index[t].append(i)
        for j, deel in gedeeld_in_prefix.items():
            if netwerk[j] == netwerk[i]:
                continue
            if agendapunt[i] and agendapunt[j] and agendapunt[i] != agendapunt[j]:
                continue  # each serves its own agenda item: alike in words, different in purpose
            noemer = norm[i] * norm[j]
            # Shared stems outside both prefixes weigh at most the two rests together.
            if deel + rest + rest_van[j] < drempel * noemer:
                continue
            gedeeld = s & sets[j]
            if len(gedeeld) < MIN_GEDEELD:
                continue
            gelijkenis = sum(gewicht[t] for t in gedeeld) / noemer
            if gelijkenis >= drempel:
                links.append(Tekstlink(j, i, gelijkenis, gedeeld))
    return links


CACHEDUUR = 60 * 60  # seconds; the key covers every input, so this only bounds memory


def _tekstlinks_gecached(
    acties: Sequence[Verbeteractie], teksten: list[dict[str, str]], *, drempel: float
) -> list[Tekstlink]:
    """`tekstlinks`, remembered in Django's cache under a digest of everything it depends on.

    The comparison is most of the page's work; looking again (another page of groups, after a
    proposal) reuses it. The key holds each action's id, network, agenda item, title and
    description and the threshold, so any change to those gives a new key: never a stale answer.
    """
    inhoud = hashlib.sha256(f"{drempel}|{PREFIXMARGE}|{MIN_GEDEELD}".encode())
    for a in acties:
        punt = a.afspraak.sleutel if a.afspraak_id else ""
        inhoud.update(
            f"\x1e{a.pk}\x1f{a.actieplan.netwerk_id}\x1f{punt}\x1f{a.titel}\x1f{a.omschrijving}".encode()
        )
    sleutel = f"toetsbijeenkomst:tekstlinks:{inhoud.hexdigest()}"
    opgeslagen = cache.get(sleutel)
    if opgeslagen is not None:
        positie = {a.pk: i for i, a in enumerate(acties)}
        return [Tekstlink(positie[a], positie[b], g, frozenset(gedeeld)) for a, b, g, gedeeld in opgeslagen]
    links = tekstlinks(acties, teksten, drempel=drempel)
    cache.set(
        sleutel,
        [(acties[x.a].pk, acties[x.b].pk, x.gelijkenis, tuple(x.gedeeld)) for x in links],
        CACHEDUUR,
    )
    return links


def groepeer(acties: Sequence[Verbeteractie], *, drempel: float = DREMPEL) -> list[Groep]:
    """The groups of actions from at least two networks, most networks first (no queries).

    `acties` come from `acties_voor_toetsbijeenkomst` (network, theme, agenda item and national
    action loaded with them).
    """
    acties = list(acties)
    n = len(acties)
    teksten = [woorden(_tekst(a)) for a in acties]
    unie = _Unie([str(a.afspraak.sleutel) if a.afspraak_id else None for a in acties])

    per_sleutel: dict[str, list[int]] = defaultdict(list)
    for i, actie in enumerate(acties):
        if actie.afspraak_id:
            per_sleutel[str(actie.afspraak.sleutel)].append(i)
    for leden in per_sleutel.values():
        for i in leden[1:]:
            unie.verbind(leden[0], i)

    links = sorted(
        _tekstlinks_gecached(acties, teksten, drempel=drempel), key=lambda x: (-x.gelijkenis, x.a, x.b)
    )
    links = [link for link in links if unie.verbind(link.a, link.b)]

    componenten: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        componenten[unie.wortel(i)].append(i)
    links_per_wortel: dict[int, list[Tekstlink]] = defaultdict(list)
    for link in links:
        links_per_wortel[unie.wortel(link.a)].append(link)

    # Display form of a stem: how it is most often written over all actions.
    schrijfwijzen: dict[str, Counter[str]] = defaultdict(Counter)
    for tekst in teksten:
        for s, woord in tekst.items():
            schrijfwijzen[s][woord] += 1

    def toon(s: str) -> str:
        return schrijfwijzen[s].most_common(1)[0][0]

    groepen = []
    for wortel, leden in componenten.items():
        if len({acties[i].actieplan.netwerk_id for i in leden}) < 2:
            continue
        groepen.append(_maak_groep(acties, leden, links_per_wortel[wortel], toon))
    groepen.sort(key=lambda g: (-len(g.netwerken), -len(g.leden), g.titel.lower(), g.sleutel))
    return groepen


def _maak_groep(acties: list[Verbeteractie], leden: list[int], links: list[Tekstlink], toon) -> Groep:
    sleutels = Counter(str(acties[i].afspraak.sleutel) for i in leden if acties[i].afspraak_id)
    # The newest version of an agenda item names it (titles can be sharpened in a new version).
    nieuwste: dict[str, Verbeteractie] = {}
    for i in leden:
        actie = acties[i]
        if actie.afspraak_id:
            s = str(actie.afspraak.sleutel)
            if s not in nieuwste or actie.afspraak_id > nieuwste[s].afspraak_id:
                nieuwste[s] = actie
    agendapunten = [
        Agendapunt(s, nieuwste[s].afspraak.titel, aantal, nieuwste[s].afspraak_id)
        for s, aantal in sorted(sleutels.items(), key=lambda x: (-x[1], nieuwste[x[0]].afspraak.titel))
    ]

    beste: dict[int, Tekstlink] = {}
    woordtelling: Counter[str] = Counter()
    graad: Counter[int] = Counter()
    for link in links:
        if acties[link.a].tlp != TLP.RED or acties[link.b].tlp != TLP.RED:
            woordtelling.update(link.gedeeld)  # words of two confidential texts stay unnamed
        graad[link.a] += 1
        graad[link.b] += 1
        for i in (link.a, link.b):
            if i not in beste or link.gelijkenis > beste[i].gelijkenis:
                beste[i] = link

    groepsleden = []
    for i in sorted(leden, key=lambda i: (acties[i].actieplan.netwerk.naam, acties[i].titel, acties[i].pk)):
        actie = acties[i]
        lid = Groeplid(actie)
        if actie.afspraak_id and sleutels[str(actie.afspraak.sleutel)] >= 2:
            lid.agendapunt = nieuwste[str(actie.afspraak.sleutel)].afspraak.titel
        if i in beste:
            link = beste[i]
            ander = acties[link.b if link.a == i else link.a]
            lid.lijkt_op = ander
            lid.gelijkenis = round(link.gelijkenis * 100)
            lid.gedeelde_woorden = sorted(toon(s) for s in link.gedeeld)[:GETOONDE_WOORDEN]
        groepsleden.append(lid)

    netwerken = {acties[i].actieplan.netwerk_id: acties[i].actieplan.netwerk for i in leden}
    themas = Counter(acties[i].thema_id for i in leden)
    thema_id = min(themas, key=lambda t: (-themas[t], t))
    thema = next(acties[i].thema for i in leden if acties[i].thema_id == thema_id)
    landelijk = {
        a.landelijke_actie_id: a.landelijke_actie for a in (acties[i] for i in leden) if a.landelijke_actie_id
    }

    if agendapunten:
        titel = agendapunten[0].titel
    else:
        # The action most others resemble names the group; a confidential title never does.
        kandidaten = [i for i in leden if acties[i].tlp != TLP.RED] or leden
        centraal = max(kandidaten, key=lambda i: (graad[i], -acties[i].pk))
        titel = acties[centraal].titel if acties[centraal].tlp != TLP.RED else "Vertrouwelijke acties"
    return Groep(
        sleutel=f"g{min(acties[i].pk for i in leden)}",
        leden=groepsleden,
        netwerken=sorted(netwerken.values(), key=lambda n: n.naam),
        agendapunten=agendapunten,
        gedeelde_woorden=[toon(s) for s, _ in woordtelling.most_common(GETOONDE_WOORDEN)],
        titel=titel,
        thema=thema,
        landelijke_acties=sorted(landelijk.values(), key=lambda a: a.pk),
    )


# --- Data -----------------------------------------------------------------------------------------


def acties_voor_toetsbijeenkomst(
    user: Gebruiker,
    *,
    sector: Sector | None = None,
    thema: Thema | None = None,
    ook_afgesloten: bool = False,
) -> QuerySet[Verbeteractie]:
    """The regional actions the user may see, with what grouping and the page need (one query).

    Starts from `Verbeteractie.objects.visible_to(user)`, so TLP:RED actions appear only for their
    named recipients. Actions of the national plan are left out: they are what groups become.
    """
    acties = (
        Verbeteractie.objects.visible_to(user)
        .filter(actieplan__landelijk=False, actieplan__netwerk__landelijk=False)
        .select_related(
            "actieplan__netwerk",
            "thema",
            "afspraak",
            "landelijke_actie__actieplan__netwerk",
        )
        .order_by("pk")
    )
    if not ook_afgesloten:
        acties = acties.open()
    if sector is not None:
        acties = acties.filter(actieplan__netwerk__sectoren=sector)
    if thema is not None:
        acties = acties.filter(thema=thema)
    return acties


# --- Proposal text --------------------------------------------------------------------------------


def voorstel(groep: Groep, datum: datetime.date) -> tuple[str, str]:
    """Title and description of the national action a group becomes.

    The text names what the group shares (the agenda item is national, the shared words are
    generic) and how many actions and networks, but no regional action's title: the national plan
    is read by people who are not members of those networks. The project team may edit it.
    """
    # The on-screen group label may be a regional action's title; the proposal never uses it.
    if groep.agendapunten:
        titel = groep.agendapunten[0].titel
    else:
        titel = f"Landelijke aanpak: {groep.thema.naam}"
    delen = [
        f"Voorstel uit de toetsbijeenkomst van {datum:%d-%m-%Y}: {len(groep.leden)} regionale acties "
        f"uit {len(groep.netwerken)} netwerken lijken beter landelijk te organiseren."
    ]
    # Agenda items are national text; the shared words come from the regional actions, so they stay out.
    delen += groep.redenen_agendapunt
    if groep.gedeelde_woorden:
        delen.append("De acties lijken ook qua tekst op elkaar.")
    delen.append(
        "De regionale acties zijn aan deze landelijke actie gekoppeld (landelijk oppakken); wie ze mag "
        "zien, vindt ze op deze actie."
    )
    return titel[:200], "\n".join(delen)
