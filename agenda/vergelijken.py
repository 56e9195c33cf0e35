"""Comparing two versions of a sector agenda or of the role description (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass, field

from continuiteit.tekstverschil import Stuk, woordverschil

from .models import Agenda, Rolbeschrijving, RolSectie, Samenwerkingsafspraak


@dataclass
class Veldverschil:
    veld: str
    stukken: list[Stuk]


@dataclass
class Afspraakverschil:
    afspraak: Samenwerkingsafspraak  # the newer one where it exists
    oude_rang: int | None = None
    nieuwe_rang: int | None = None
    velden: list[Veldverschil] = field(default_factory=list)


@dataclass
class AgendaVergelijking:
    oud: Agenda
    nieuw: Agenda
    toegevoegd: list[Samenwerkingsafspraak]
    verwijderd: list[Samenwerkingsafspraak]
    verplaatst: list[Afspraakverschil]
    gewijzigd: list[Afspraakverschil]
    ongewijzigd: int

    @property
    def heeft_verschillen(self) -> bool:
        return bool(self.toegevoegd or self.verwijderd or self.verplaatst or self.gewijzigd)


def _veldverschillen(oud: object, nieuw: object, velden: tuple[str, ...], model: type) -> list[Veldverschil]:
    verschillen = []
    for naam in velden:
        a, b = getattr(oud, naam), getattr(nieuw, naam)
        if a != b:
            label = str(model._meta.get_field(naam).verbose_name)
            verschillen.append(Veldverschil(label, woordverschil(str(a or ""), str(b or ""))))
    return verschillen


def vergelijk_agendas(oud: Agenda, nieuw: Agenda) -> AgendaVergelijking:
    """Added, removed, re-ranked and changed agreements, matched on their stable key.

    Two queries (the agreements of each version, with their themes).
    """
    oude = {a.sleutel: a for a in oud.afspraken.select_related("thema")}
    nieuwe = {a.sleutel: a for a in nieuw.afspraken.select_related("thema")}
    verplaatst, gewijzigd, ongewijzigd = [], [], 0
    for sleutel in oude.keys() & nieuwe.keys():
        a, b = oude[sleutel], nieuwe[sleutel]
        velden = _veldverschillen(a, b, Samenwerkingsafspraak.VERGELEKEN_VELDEN, Samenwerkingsafspraak)
        if a.rang != b.rang:
            verplaatst.append(Afspraakverschil(b, a.rang, b.rang))
        if velden:
            gewijzigd.append(Afspraakverschil(b, a.rang, b.rang, velden))
        if a.rang == b.rang and not velden:
            ongewijzigd += 1
    return AgendaVergelijking(
        oud=oud,
        nieuw=nieuw,
        toegevoegd=sorted((nieuwe[k] for k in nieuwe.keys() - oude.keys()), key=lambda a: a.rang),
        verwijderd=sorted((oude[k] for k in oude.keys() - nieuwe.keys()), key=lambda a: a.rang),
        verplaatst=sorted(verplaatst, key=lambda v: v.nieuwe_rang),
        gewijzigd=sorted(gewijzigd, key=lambda v: v.nieuwe_rang),
        ongewijzigd=ongewijzigd,
    )


@dataclass
class Sectieverschil:
    titel: str
    soort: str  # "toegevoegd", "verwijderd", "gewijzigd" or "gelijk"
    velden: list[Veldverschil] = field(default_factory=list)


def vergelijk_rolbeschrijvingen(oud: Rolbeschrijving, nieuw: Rolbeschrijving) -> list[Sectieverschil]:
    """Section by section (matched on introduction / theme / citizen participation), in the new order."""
    oude = {s.sleutel: s for s in oud.secties.select_related("thema")}
    nieuwe = {s.sleutel: s for s in nieuw.secties.select_related("thema")}
    uitkomst = []
    for sleutel, sectie in nieuwe.items():
        if sleutel not in oude:
            uitkomst.append(Sectieverschil(sectie.titel, "toegevoegd"))
            continue
        velden = _veldverschillen(oude[sleutel], sectie, RolSectie.TEKSTVELDEN, RolSectie)
        uitkomst.append(Sectieverschil(sectie.titel, "gewijzigd" if velden else "gelijk", velden))
    for sleutel, sectie in oude.items():
        if sleutel not in nieuwe:
            uitkomst.append(Sectieverschil(sectie.titel, "verwijderd"))
    return uitkomst
