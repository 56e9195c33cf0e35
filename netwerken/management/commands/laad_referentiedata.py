"""Load the reference data from fixtures/referentie: sectors, safety regions, gemeenten, organisations, networks.

Safe to run again: every row is matched on its natural key (Sector.slug, Organisatie.code,
Gemeente.cbs_code, Netwerk.slug) and saved only when a value differs, so a second run writes
nothing, not even history rows. Networks, their derived regions and participations are made
through `netwerken.services`, the same write path as the portal; what exists is left alone, so
corrections made by hand in the portal survive a reload.

Source: CBS, Gebieden in Nederland / PDOK CBS Gebiedsindelingen (open data); see fixtures/README.md.
"""

from __future__ import annotations

import csv
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from simple_history.utils import bulk_create_with_history

from agenda.models import Thema
from menukaart.startinhoud import laad_startinhoud
from monitoring.models import Programmamijlpaal
from netwerken import services
from netwerken.groepen import zorg_voor_groepen
from netwerken.models import Deelname, Gemeente, Netwerk, NetwerkRegio, Organisatie, Sector

REFERENTIE_MAP = Path(settings.BASE_DIR) / "fixtures" / "referentie"

SECTOREN: list[tuple[str, str]] = [
    ("drinkwater", "Drinkwater"),
    ("elektriciteit", "Elektriciteit"),
    ("gas", "Gas"),
    ("olie", "Olie"),
    ("ict-telecom", "ICT & telecom"),
]

# Dutch names where the source gives an English description or a note in the name:
# source id -> (naam, korte naam). Without an entry both are the source's `naam`.
NAMEN: dict[str, tuple[str, str]] = {
    "wmd": ("Waterleidingmaatschappij Drenthe (WMD)", "WMD"),
    "vitens": ("Vitens", "Vitens"),
    "waternet": ("Waternet", "Waternet"),
    "evides": ("Evides Waterbedrijf", "Evides"),
    "wml": ("Waterleiding Maatschappij Limburg (WML)", "WML"),
    "stedin": ("Stedin Netbeheer", "Stedin"),
    "enexis": ("Enexis Netbeheer", "Enexis"),
    "westland_infra": ("Westland Infra Netbeheer", "Westland Infra"),
    "coteq": ("Coteq Netbeheer (voorheen Cogas Infra & Beheer)", "Coteq"),
    "rendo": ("RENDO Netwerken", "Rendo"),
    "enduris": ("Enduris (opgegaan in Stedin)", "Enduris"),
    "tennet": ("TenneT TSO B.V.", "TenneT"),
    "gts": ("Gasunie Transport Services B.V.", "GTS"),
    "shell_pernis": ("Shell Pernis (Shell Energy and Chemicals Park Rotterdam)", "Shell Pernis"),
    "bp_rotterdam": ("BP Raffinaderij Rotterdam", "BP Rotterdam"),
    "exxonmobil_rotterdam": ("ExxonMobil Raffinaderij Rotterdam", "ExxonMobil Rotterdam"),
    "gunvor_rotterdam": (
        "Gunvor Petroleum Rotterdam (voorheen Kuwait Petroleum Europoort)",
        "Gunvor Rotterdam",
    ),
    "zeeland_refinery": ("Zeeland Refinery", "Zeeland Refinery"),
    "tank_storage_rotterdam": (
        "Tankopslag Rotterdam (o.a. Vopak, Maasvlakte Olie Terminal, Koole)",
        "Tankopslag Rotterdam",
    ),
    "tank_storage_amsterdam": ("Tankopslag haven Amsterdam", "Tankopslag Amsterdam"),
    "dpo": ("Defensie Pijpleiding Organisatie", "DPO"),
    "rrp": ("Rotterdam-Rijn Pijpleiding", "RRP"),
    "kpn": ("Koninklijke KPN N.V.", "KPN"),
    "vodafoneziggo": ("VodafoneZiggo Group B.V.", "VodafoneZiggo"),
    "odido": ("Odido Netherlands B.V.", "Odido"),
    "c2000": ("C2000 (communicatienetwerk hulpdiensten)", "C2000"),
}

# Companies that no longer operate: kept for history (and as an alias), without a network.
NIET_ACTIEF = {"enduris", "gunvor_rotterdam"}

# Head offices outside a gemeente of the same name.
HOOFDKANTOOR_GEMEENTE = {"Velserbroek": "Velsen", "Poeldijk (Westland)": "Westland"}


@dataclass(frozen=True)
class Instantie:
    code: str
    soort: str
    naam: str
    korte_naam: str
    sectoren: tuple[str, ...] = ()
    actief: bool = True


_MIN, _OVERIG = Organisatie.Soort.MINISTERIE, Organisatie.Soort.OVERIG

# Bodies and ministries taken from instanties.csv and olie.csv (source id -> organisation).
INSTANTIES: dict[str, Instantie] = {
    "veiligheidsberaad": Instantie("veiligheidsberaad", _OVERIG, "Veiligheidsberaad", "Veiligheidsberaad"),
    "cvi_vno_ncw": Instantie("cvi", _OVERIG, "Commissie Vitale Infrastructuur (CVI) van VNO-NCW", "CVI"),
    "nctv": Instantie("nctv", _OVERIG, "Nationaal Coördinator Terrorismebestrijding en Veiligheid", "NCTV"),
    "ifv_nipv": Instantie(
        "ifv-nipv", _OVERIG, "Nederlands Instituut Publieke Veiligheid (voorheen IFV)", "IFV/NIPV"
    ),
    "ncsc": Instantie("ncsc", _OVERIG, "Nationaal Cyber Security Centrum", "NCSC"),
    "rdi": Instantie("rdi", _OVERIG, "Rijksinspectie Digitale Infrastructuur", "RDI", ("ict-telecom",)),
    "vewin": Instantie(
        "vewin", _OVERIG, "Vewin (Vereniging van waterbedrijven in Nederland)", "Vewin", ("drinkwater",)
    ),
    "netbeheer_nl": Instantie(
        "netbeheer-nederland", _OVERIG, "Netbeheer Nederland", "Netbeheer Nederland", ("elektriciteit", "gas")
    ),
    "vemobin": Instantie(
        "vemobin",
        _OVERIG,
        "VEMOBIN (Vereniging Energie voor Mobiliteit en Industrie, voorheen VNPI)",
        "VEMOBIN",
        ("olie",),
    ),
    "cova": Instantie(
        "cova",
        _OVERIG,
        "COVA (Stichting Centraal Orgaan Voorraadvorming Aardolieproducten)",
        "COVA",
        ("olie",),
    ),
    "min_ienw": Instantie(
        "min-ienw", _MIN, "Ministerie van Infrastructuur en Waterstaat", "IenW", ("drinkwater",)
    ),
    "min_jenv": Instantie("min-jenv", _MIN, "Ministerie van Justitie en Veiligheid", "JenV"),
    "min_kgg": Instantie(
        "min-kgg", _MIN, "Ministerie van Klimaat en Groene Groei", "KGG", ("elektriciteit", "gas", "olie")
    ),
    "min_ez_now": Instantie("min-ez", _MIN, "Ministerie van Economische Zaken", "EZ", ("ict-telecom",)),
    # The 2015 ministries, inactive: the programme's documents name them; their successors act now.
    "min_ez_2015": Instantie(
        "min-ez-2015",
        _MIN,
        "Ministerie van Economische Zaken (2015; later EZK, sinds 2024 EZ en KGG)",
        "EZ (2015)",
        ("elektriciteit", "gas", "olie", "ict-telecom"),
        actief=False,
    ),
    "min_im_2015": Instantie(
        "min-im-2015",
        _MIN,
        "Ministerie van Infrastructuur en Milieu (2015; sinds 2017 IenW)",
        "I&M (2015)",
        ("drinkwater",),
        actief=False,
    ),
    "min_vj_2015": Instantie(
        "min-vj-2015",
        _MIN,
        "Ministerie van Veiligheid en Justitie (2015; sinds 2017 JenV)",
        "V&J (2015)",
        actief=False,
    ),
}

# Rows of instanties.csv / ict_telecom.csv that are no organisation; listed so a new row fails loudly.
GEEN_ORGANISATIE = {
    "ghor": "onderdeel van elke veiligheidsregio",
    "lcms": "systeem",
    "nl_alert": "systeem",
    "domino": "project",
    "miracle": "project",
    "predict": "project",
    "recipe": "project",
    "tlp": "afspraak",
}

M = TypeVar("M", bound=models.Model)


@dataclass
class Teller:
    """What a run created and changed, per kind of object, for the summary."""

    aangemaakt: Counter[str] = field(default_factory=Counter)
    bijgewerkt: Counter[str] = field(default_factory=Counter)

    def totaal(self) -> int:
        return sum(self.aangemaakt.values()) + sum(self.bijgewerkt.values())


def upsert(
    model: type[M],
    bestaand: dict[str, M],
    sleutelveld: str,
    sleutel: str,
    waarden: dict[str, Any],
    teller: Teller,
) -> M:
    """Create the object with this natural key, or update only the fields that differ.

    Unlike `update_or_create` this saves nothing when nothing changed, so a reload writes no
    history rows. `bestaand` maps natural keys to objects already loaded (one query per model).
    """
    soort = str(model._meta.verbose_name_plural)
    obj = bestaand.get(sleutel)
    if obj is None:
        obj = model(**{sleutelveld: sleutel}, **waarden)
        obj.save()
        bestaand[sleutel] = obj
        teller.aangemaakt[soort] += 1
        return obj
    gewijzigd = [veld for veld, waarde in waarden.items() if getattr(obj, veld) != waarde]
    if gewijzigd:
        for veld in gewijzigd:
            setattr(obj, veld, waarden[veld])
        obj.save()
        teller.bijgewerkt[soort] += 1
    return obj


def upsert_alle(
    model: type[M], bestaand: dict[str, M], sleutelveld: str, rijen: dict[str, dict[str, Any]], teller: Teller
) -> None:
    """`upsert` for many rows: the new ones in one bulk insert together with their history rows."""
    nieuw = [
        model(**{sleutelveld: sleutel}, **waarden)
        for sleutel, waarden in rijen.items()
        if sleutel not in bestaand
    ]
    for sleutel, waarden in rijen.items():
        if sleutel in bestaand:
            upsert(model, bestaand, sleutelveld, sleutel, waarden, teller)
    if nieuw:
        for obj in bulk_create_with_history(nieuw, model):
            bestaand[getattr(obj, sleutelveld)] = obj
        teller.aangemaakt[str(model._meta.verbose_name_plural)] += len(nieuw)


BETROUWBAARHEID = [
    ("high-medium", "hoog tot middel"),
    ("low-medium", "laag tot middel"),
    ("medium-low", "middel tot laag"),
    ("medium-high", "middel tot hoog"),
    ("high", "hoog"),
    ("medium", "middel"),
    ("low", "laag"),
    ("provinces", "provincies"),
    ("edges", "randen"),
    ("edge", "rand"),
]


def vertaal_betrouwbaarheid(tekst: str) -> str:
    """The source's confidence labels in Dutch, e.g. 'high (provinces) / medium (edges)'."""
    for engels, nederlands in BETROUWBAARHEID:
        tekst = tekst.replace(engels, nederlands)
    return tekst


def werkgebied_toelichting(toelichtingen: list[str]) -> str:
    """Dutch notes on the partly served regions (the source's own notes are in English)."""
    if not toelichtingen:
        return "Alleen volledige veiligheidsregio's volgens de referentiedata."
    return "Deels bediende regio's: " + "; ".join(toelichtingen) + "."


def lees_csv(naam: str) -> list[dict[str, str]]:
    pad = REFERENTIE_MAP / naam
    if not pad.exists():
        raise CommandError(f"Referentiebestand ontbreekt: {pad}")
    with pad.open(encoding="utf-8", newline="") as bestand:
        return list(csv.DictReader(bestand))


def codes(waarde: str) -> list[str]:
    """A `;`-separated list from the CSVs, without empty parts."""
    return [deel.strip() for deel in waarde.split(";") if deel.strip()]


def org_code(bron_id: str) -> str:
    """Organisation code from a source id: hyphens, as in the network slugs."""
    return bron_id.replace("_", "-")


class Lader:
    """One run of the loader; keeps the loaded objects in dicts so no row needs its own lookup query."""

    def __init__(self, teller: Teller) -> None:
        self.teller = teller
        self.sectoren = Sector.objects.in_bulk(field_name="slug")
        self.organisaties = Organisatie.objects.in_bulk(field_name="code")
        self.gemeenten = Gemeente.objects.in_bulk(field_name="cbs_code")
        self.netwerken = Netwerk.objects.in_bulk(field_name="slug")
        self.regio_per_vr_code: dict[str, Organisatie] = {}
        self.vr_code_per_regio_id: dict[int, str] = {}
        # Organisations are collected first and written in one batch (see `schrijf_organisaties`).
        self.org_rijen: dict[str, dict[str, Any]] = {}
        self.org_sectoren: dict[str, tuple[str, ...]] = {}
        self.org_werkgebied: dict[str, set[Gemeente]] = {}
        # Current many-to-many contents, one query each, to change only what differs.
        self.huidige_sectoren: dict[int, set[int]] = defaultdict(set)
        for org_id, sector_id in Organisatie.sectoren.through.objects.values_list(
            "organisatie_id", "sector_id"
        ):
            self.huidige_sectoren[org_id].add(sector_id)
        self.huidig_werkgebied: dict[int, set[int]] = defaultdict(set)
        for org_id, gemeente_id in Organisatie.werkgebied.through.objects.values_list(
            "organisatie_id", "gemeente_id"
        ):
            self.huidig_werkgebied[org_id].add(gemeente_id)

    # --- Themes -----------------------------------------------------------------------------------

    def laad_themas(self) -> None:
        """The eight themes. Only missing ones are created: the project team edits their texts."""
        bestaand = set(Thema.objects.values_list("nummer", flat=True))
        nieuw = [
            Thema(nummer=int(rij["nummer"]), naam=rij["naam"], omschrijving=rij["omschrijving"])
            for rij in lees_csv("themas.csv")
            if int(rij["nummer"]) not in bestaand
        ]
        if nieuw:
            bulk_create_with_history(nieuw, Thema)
            self.teller.aangemaakt[str(Thema._meta.verbose_name_plural)] += len(nieuw)

    # --- Sectors, safety regions, gemeenten -------------------------------------------------------

    def laad_sectoren(self) -> None:
        rijen = {
            slug: {"naam": naam, "volgorde": volgorde}
            for volgorde, (slug, naam) in enumerate(SECTOREN, start=1)
        }
        upsert_alle(Sector, self.sectoren, "slug", rijen, self.teller)

    def laad_veiligheidsregios(self) -> None:
        vr_codes = {}
        rijen = {}
        for rij in lees_csv("veiligheidsregios.csv"):
            nummer = int(rij["vr_nummer"])
            vr_codes[f"vr{nummer:02d}"] = rij["vr_code"]
            rijen[f"vr{nummer:02d}"] = {
                "naam": f"Veiligheidsregio {rij['naam_wvr_spelling']}",
                "korte_naam": rij["naam_wvr_spelling"],
                "soort": Organisatie.Soort.VEILIGHEIDSREGIO,
                "vr_nummer": nummer,
                "actief": True,
            }
        upsert_alle(Organisatie, self.organisaties, "code", rijen, self.teller)
        for code, vr_code in vr_codes.items():
            regio = self.organisaties[code]
            self.regio_per_vr_code[vr_code] = regio
            self.vr_code_per_regio_id[regio.pk] = vr_code

    def laad_gemeenten(self) -> None:
        rijen = {}
        for rij in lees_csv("gemeenten.csv"):
            regio = self.regio_per_vr_code.get(rij["vr_code"])
            if regio is None:
                raise CommandError(
                    f"Gemeente {rij['gemeentenaam']}: onbekende veiligheidsregio {rij['vr_code']}."
                )
            rijen[rij["gemeentecode"]] = {
                "naam": rij["gemeentenaam"],
                "provincie": rij["provincie"],
                "veiligheidsregio_id": regio.pk,
            }
        upsert_alle(Gemeente, self.gemeenten, "cbs_code", rijen, self.teller)
        self.gemeenten_per_vr_code: dict[str, list[Gemeente]] = defaultdict(list)
        for gemeente in self.gemeenten.values():
            self.gemeenten_per_vr_code[self.vr_code_per_regio_id[gemeente.veiligheidsregio_id]].append(
                gemeente
            )
        self.gemeente_per_naam = {gemeente.naam: gemeente for gemeente in self.gemeenten.values()}

    # --- Organisations ----------------------------------------------------------------------------

    def organisatie(
        self,
        bron_id: str,
        soort: str,
        sectoren: tuple[str, ...],
        *,
        naam: str,
        korte_naam: str,
        code: str | None = None,
        actief: bool = True,
        toelichting: str = "",
        betrouwbaarheid: str = "",
        werkgebied: set[Gemeente] | None = None,
    ) -> str:
        """Plan an organisation (written by `schrijf_organisaties`); returns its code."""
        code = code or org_code(bron_id)
        if code in self.org_rijen:
            raise CommandError(f"Organisatiecode {code} komt twee keer voor in de referentiedata.")
        self.org_rijen[code] = {
            "naam": naam,
            "korte_naam": korte_naam,
            "soort": soort,
            "vr_nummer": None,
            "actief": actief,
            "werkgebied_toelichting": toelichting,
            "betrouwbaarheid": vertaal_betrouwbaarheid(betrouwbaarheid)[:60],
        }
        self.org_sectoren[code] = sectoren
        if werkgebied is not None:
            self.org_werkgebied[code] = werkgebied
        return code

    def schrijf_organisaties(self) -> None:
        upsert_alle(Organisatie, self.organisaties, "code", self.org_rijen, self.teller)

        # Sectors of an organisation keep no history: write the differences in two queries.
        through = Organisatie.sectoren.through
        erbij, eraf = [], []
        for code, slugs in self.org_sectoren.items():
            organisatie = self.organisaties[code]
            gewenst = {self.sectoren[slug].pk for slug in slugs}
            huidig = self.huidige_sectoren[organisatie.pk]
            erbij += [through(organisatie_id=organisatie.pk, sector_id=pk) for pk in gewenst - huidig]
            eraf += [(organisatie.pk, pk) for pk in huidig - gewenst]
            if huidig and huidig != gewenst:
                self.teller.bijgewerkt["sectoren van organisaties"] += 1
        through.objects.bulk_create(erbij)
        for organisatie_id, sector_id in eraf:
            through.objects.filter(organisatie_id=organisatie_id, sector_id=sector_id).delete()

        for code, gemeenten in self.org_werkgebied.items():
            organisatie = self.organisaties[code]
            gewenst = {gemeente.pk for gemeente in gemeenten}
            if self.huidig_werkgebied[organisatie.pk] != gewenst:
                if self.huidig_werkgebied[organisatie.pk]:
                    self.teller.bijgewerkt["werkgebieden"] += 1
                # Through the related manager, so the werkgebied history records the change.
                organisatie.werkgebied.set(gewenst)
                self.huidig_werkgebied[organisatie.pk] = gewenst

    def lees_werkgebied_deels(self) -> dict[tuple[str, str], tuple[list[Gemeente], str]]:
        """(company id, VR code) -> the gemeenten of that region in the werkgebied, and why."""
        deels: dict[tuple[str, str], tuple[list[Gemeente], str]] = {}
        for rij in lees_csv("werkgebied_deels.csv"):
            sleutel = (rij["company_id"], rij["vr_code"])
            if sleutel in deels:
                raise CommandError(f"werkgebied_deels.csv: {sleutel} staat er twee keer in.")
            gemeenten = []
            namen = codes(rij.get("gemeentenamen", ""))
            for i, cbs_code in enumerate(codes(rij["gemeentecodes"])):
                gemeente = self.gemeenten.get(cbs_code)
                if gemeente is None:
                    raise CommandError(
                        f"werkgebied_deels.csv: onbekende gemeentecode {cbs_code} ({sleutel})."
                    )
                if gemeente not in self.gemeenten_per_vr_code[rij["vr_code"]]:
                    raise CommandError(
                        f"werkgebied_deels.csv: {gemeente} ligt niet in {rij['vr_code']} ({sleutel})."
                    )
                # The names column is for people reading the file; it must say the same as the codes.
                if namen and (i >= len(namen) or namen[i] != gemeente.naam):
                    raise CommandError(
                        f"werkgebied_deels.csv: {cbs_code} is {gemeente.naam}, niet de genoemde naam ({sleutel})."
                    )
                gemeenten.append(gemeente)
            deels[sleutel] = (gemeenten, rij["toelichting"])
        return deels

    def werkgebied_uit_regios(
        self, bron_id: str, rij: dict[str, str], deels: dict[tuple[str, str], tuple[list[Gemeente], str]]
    ) -> tuple[set[Gemeente], list[str]]:
        """Werkgebied = all gemeenten of each `vr_primary` region + the listed gemeenten of each `vr_partial` one.

        A row in werkgebied_deels.csv for a `vr_primary` region narrows it: the source lists Dunea
        and Stedin as serving all of Haaglanden while its own note excludes Westland and
        Midden-Delfland.
        """
        gemeenten: set[Gemeente] = set()
        toelichtingen = []
        for vr_code in codes(rij["vr_primary"]) + codes(rij["vr_partial"]):
            if (bron_id, vr_code) in deels:
                lijst, toelichting = deels[(bron_id, vr_code)]
                gemeenten.update(lijst)
                toelichtingen.append(f"{vr_code}: {toelichting}")
            elif vr_code in codes(rij["vr_primary"]):
                gemeenten.update(self.gemeenten_per_vr_code[vr_code])
            else:
                raise CommandError(
                    f"{bron_id} bedient {vr_code} deels, maar werkgebied_deels.csv noemt geen gemeenten."
                )
        return gemeenten, toelichtingen

    def laad_bedrijven(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """Plan the vital companies.

        Returns the codes of the drinking-water companies and of the active regional grid
        operators, each with its head office: the companies that get a network.
        """
        deels = self.lees_werkgebied_deels()
        gebruikt: set[tuple[str, str]] = set()

        def naam_van(bron_id: str, bron_naam: str) -> dict[str, str]:
            naam, korte_naam = NAMEN.get(bron_id, (bron_naam, bron_naam))
            return {"naam": naam, "korte_naam": korte_naam}

        drinkwater = []
        for rij in lees_csv("drinkwaterbedrijven.csv"):
            bron_id = rij["company_id"]
            gemeenten, toelichtingen = self.werkgebied_uit_regios(bron_id, rij, deels)
            gebruikt.update((bron_id, vr) for vr in codes(rij["vr_primary"]) + codes(rij["vr_partial"]))
            bedrijf = self.organisatie(
                bron_id,
                Organisatie.Soort.VITALE_PARTNER,
                ("drinkwater",),
                **naam_van(bron_id, rij["naam"]),
                toelichting=werkgebied_toelichting(toelichtingen),
                betrouwbaarheid=rij["confidence"],
                werkgebied=gemeenten,
            )
            drinkwater.append((bedrijf, rij["hoofdkantoor"]))

        netbeheerders = []
        for rij in lees_csv("netbeheerders_regionaal.csv"):
            bron_id = rij["operator_id"]
            gemeenten, toelichtingen = self.werkgebied_uit_regios(bron_id, rij, deels)
            gebruikt.update((bron_id, vr) for vr in codes(rij["vr_primary"]) + codes(rij["vr_partial"]))
            actief = bron_id not in NIET_ACTIEF
            bedrijf = self.organisatie(
                bron_id,
                Organisatie.Soort.VITALE_PARTNER,
                ("elektriciteit", "gas"),
                **naam_van(bron_id, rij["naam"]),
                actief=actief,
                toelichting=werkgebied_toelichting(toelichtingen),
                betrouwbaarheid=rij["confidence"],
                werkgebied=gemeenten,
            )
            if actief:
                netbeheerders.append((bedrijf, rij["hoofdkantoor"]))

        if ongebruikt := set(deels) - gebruikt:
            raise CommandError(
                f"werkgebied_deels.csv noemt regio's die het bedrijf niet bedient: {sorted(ongebruikt)}"
            )

        for rij in lees_csv("netbeheerders_landelijk.csv"):
            bron_id = rij["operator_id"]
            sector = {"tennet": "elektriciteit", "gts": "gas"}[bron_id]
            self.organisatie(
                bron_id,
                Organisatie.Soort.VITALE_PARTNER,
                (sector,),
                **naam_van(bron_id, rij["naam"]),
                toelichting="Landelijk: alle veiligheidsregio's.",
                betrouwbaarheid=rij["confidence"],
            )

        for rij in lees_csv("olie.csv"):
            bron_id = rij["id"]
            if bron_id in INSTANTIES:  # COVA and VEMOBIN are bodies, not companies
                continue
            self.organisatie(
                bron_id,
                Organisatie.Soort.VITALE_PARTNER,
                ("olie",),
                **naam_van(bron_id, rij["naam"]),
                actief=bron_id not in NIET_ACTIEF,
                toelichting=f"Locatie: {rij['locatie']} ({rij['vr_code']}). {rij['toelichting']}".strip(),
                betrouwbaarheid=rij["confidence"],
            )

        for rij in lees_csv("ict_telecom.csv"):
            bron_id = rij["id"]
            if bron_id in GEEN_ORGANISATIE:
                continue
            self.organisatie(
                bron_id,
                Organisatie.Soort.VITALE_PARTNER,
                ("ict-telecom",),
                **naam_van(bron_id, rij["naam"]),
                toelichting="Landelijk.",
                betrouwbaarheid=rij["confidence"],
            )
        return drinkwater, netbeheerders

    def laad_instanties(self) -> None:
        instanties = {rij["id"] for rij in lees_csv("instanties.csv")}
        bron_ids = instanties | {rij["id"] for rij in lees_csv("olie.csv")}
        if onbekend := instanties - set(INSTANTIES) - set(GEEN_ORGANISATIE):
            raise CommandError(f"instanties.csv: nieuwe rijen zonder keuze in de lader: {sorted(onbekend)}")
        for bron_id, instantie in INSTANTIES.items():
            if bron_id not in bron_ids:
                raise CommandError(f"{bron_id} staat niet (meer) in de referentiedata.")
            self.organisatie(
                bron_id,
                instantie.soort,
                instantie.sectoren,
                code=instantie.code,
                naam=instantie.naam,
                korte_naam=instantie.korte_naam,
                actief=instantie.actief,
            )

    # --- Networks ---------------------------------------------------------------------------------

    def hoofdkantoor_regio_id(self, hoofdkantoor: str) -> int:
        naam = HOOFDKANTOOR_GEMEENTE.get(hoofdkantoor, hoofdkantoor)
        gemeente = self.gemeente_per_naam.get(naam)
        if gemeente is None:
            raise CommandError(f"Hoofdkantoor {hoofdkantoor!r} ligt in geen bekende gemeente.")
        return gemeente.veiligheidsregio_id

    def laad_netwerk(
        self,
        slug: str,
        naam: str,
        sectoren: tuple[str, ...],
        kernpartner: Organisatie,
        hoofdkantoor: str,
        vitale_partners: tuple[Organisatie, ...] = (),
    ) -> None:
        nieuw = slug not in self.netwerken
        netwerk = upsert(
            Netwerk,
            self.netwerken,
            "slug",
            slug,
            {"naam": naam, "kernpartner_id": kernpartner.pk},
            self.teller,
        )
        gewenste_sectoren = {self.sectoren[s].pk for s in sectoren}
        if nieuw or set(netwerk.sectoren.values_list("pk", flat=True)) != gewenste_sectoren:
            netwerk.sectoren.set(gewenste_sectoren)
            if not nieuw:
                self.teller.bijgewerkt["sectoren van netwerken"] += 1

        # Derive the regions only when the werkgebied says something else than the stored rows:
        # the service saves every row it touches, which would add history on each reload.
        verwacht = defaultdict(int)
        for gemeente_id in self.huidig_werkgebied[kernpartner.pk]:
            verwacht[self.gemeenten_per_pk[gemeente_id].veiligheidsregio_id] += 1
        verwacht_rijen = {regio_id: (n, self.regio_grootte[regio_id]) for regio_id, n in verwacht.items()}
        regios = list(netwerk.regios.all())
        huidig = {
            r.veiligheidsregio_id: (r.gemeenten_in_werkgebied, r.gemeenten_totaal)
            for r in regios
            if not (r.handmatig and r.veiligheidsregio_id not in verwacht_rijen)
        }
        if huidig != verwacht_rijen:
            regios = services.leid_regios_af(netwerk, actor=None)
            if not nieuw:
                self.teller.bijgewerkt["afleidingen van regio's"] += 1
        opgenomen = sorted(
            (r for r in regios if r.opgenomen), key=lambda r: self.vr_code_per_regio_id[r.veiligheidsregio_id]
        )

        deelnames = {d.organisatie_id: d for d in netwerk.deelnames.all()}
        if kernpartner.pk not in deelnames:
            leadpartner_bezet = any(
                d.leadpartner and d.zijde == Deelname.Zijde.BEDRIJVEN for d in deelnames.values()
            )
            services.voeg_deelnemer_toe(
                netwerk, kernpartner, Deelname.Rol.KERNPARTNER, actor=None, leadpartner=not leadpartner_bezet
            )
            self.teller.aangemaakt["deelnames"] += 1
        for partner in vitale_partners:
            if partner.pk not in deelnames:
                services.voeg_deelnemer_toe(netwerk, partner, Deelname.Rol.VITALE_PARTNER, actor=None)
                self.teller.aangemaakt["deelnames"] += 1

        # The platform function goes to the region of the head office; when that region is not in
        # the network, to the region with most gemeenten in the werkgebied (lowest number on a tie).
        hq_regio_id = self.hoofdkantoor_regio_id(hoofdkantoor)
        opgenomen_ids = [r.veiligheidsregio_id for r in opgenomen]
        if hq_regio_id in opgenomen_ids:
            coordinerend_id = hq_regio_id
        elif opgenomen:
            coordinerend_id = max(opgenomen, key=lambda r: r.gemeenten_in_werkgebied).veiligheidsregio_id
        else:
            coordinerend_id = None
        heeft_coordinerend = any(d.coordinerend for d in deelnames.values())
        heeft_regio_lead = any(d.leadpartner and d.zijde == Deelname.Zijde.REGIOS for d in deelnames.values())
        for regio_id in opgenomen_ids:
            if regio_id in deelnames:
                continue
            is_coordinerend = regio_id == coordinerend_id and not heeft_coordinerend
            services.voeg_deelnemer_toe(
                netwerk,
                self.organisatie_per_pk[regio_id],
                Deelname.Rol.VEILIGHEIDSREGIO,
                actor=None,
                coordinerend=is_coordinerend,
                # With four or more regions one of them speaks for the others (§1): the coordinating one.
                leadpartner=is_coordinerend and len(opgenomen_ids) >= 4 and not heeft_regio_lead,
            )
            self.teller.aangemaakt["deelnames"] += 1

    def laad_netwerken(self, drinkwater: list[tuple[str, str]], netbeheerders: list[tuple[str, str]]) -> None:
        self.gemeenten_per_pk = {gemeente.pk: gemeente for gemeente in self.gemeenten.values()}
        self.organisatie_per_pk = {org.pk: org for org in self.organisaties.values()}
        self.regio_grootte: Counter[int] = Counter(g.veiligheidsregio_id for g in self.gemeenten.values())
        for code, hoofdkantoor in drinkwater:
            bedrijf = self.organisaties[code]
            self.laad_netwerk(
                f"drinkwater-{bedrijf.code}",
                f"Drinkwater {bedrijf.korte_naam}",
                ("drinkwater",),
                bedrijf,
                hoofdkantoor,
            )
        # The national operators take part in every energy network; the regional operator leads.
        landelijk = (self.organisaties["tennet"], self.organisaties["gts"])
        for code, hoofdkantoor in netbeheerders:
            bedrijf = self.organisaties[code]
            self.laad_netwerk(
                f"elektriciteit-gas-{bedrijf.code}",
                f"Elektriciteit en gas {bedrijf.korte_naam}",
                ("elektriciteit", "gas"),
                bedrijf,
                hoofdkantoor,
                vitale_partners=landelijk,
            )


# The national 'netwerk continuïteit' of the project plan (ministries, CVI, safety regions'
# bodies); its plan is the national action plan, initiated by JenV (§3).
LANDELIJK_NETWERK = "landelijk"
LANDELIJKE_DEELNEMERS = (
    ("min-jenv", Deelname.Rol.MINISTERIE),
    ("min-ienw", Deelname.Rol.MINISTERIE),
    ("min-kgg", Deelname.Rol.MINISTERIE),
    ("min-ez", Deelname.Rol.MINISTERIE),
    ("veiligheidsberaad", Deelname.Rol.OVERIG),
    ("cvi", Deelname.Rol.OVERIG),
    ("nctv", Deelname.Rol.OVERIG),
)


def laad_landelijk_netwerk(lader: Lader) -> None:
    netwerk = upsert(
        Netwerk,
        lader.netwerken,
        "slug",
        LANDELIJK_NETWERK,
        {
            "naam": "Landelijk netwerk continuïteit",
            "kernpartner_id": None,
            "landelijk": True,
            "omschrijving": "Ministeries, vitale partners (CVI) en veiligheidsregio's op landelijk niveau; "
            "hier ontstaat het nationale actieplan.",
        },
        lader.teller,
    )
    if set(netwerk.sectoren.values_list("pk", flat=True)) != {s.pk for s in lader.sectoren.values()}:
        netwerk.sectoren.set(lader.sectoren.values())
    bestaand = set(netwerk.deelnames.values_list("organisatie__code", flat=True))
    for code, rol in LANDELIJKE_DEELNEMERS:
        if code not in bestaand and code in lader.organisaties:
            services.voeg_deelnemer_toe(netwerk, lader.organisaties[code], rol, actor=None)
            lader.teller.aangemaakt["deelnames"] += 1


def laad_programmamijlpalen(teller: Teller) -> None:
    """The programme's milestones from mijlpalen.csv, matched on `code`.

    The project team maintains the dates in the portal (a deadline moved, the day it was reached),
    so a reload sets `gereed_uiterlijk` only on a new milestone and never touches `behaald_op`;
    the texts follow the file.
    """
    bestaand = Programmamijlpaal.objects.in_bulk(field_name="code")
    for rij in lees_csv("mijlpalen.csv"):
        code = rij["code"].strip()
        waarden: dict[str, Any] = {
            "resultaat": rij["resultaat"].strip(),
            "omschrijving": rij["omschrijving"].strip(),
        }
        if code not in bestaand:
            try:
                waarden["gereed_uiterlijk"] = datetime.date.fromisoformat(rij["gereed_uiterlijk"].strip())
            except ValueError:
                raise CommandError(
                    f"mijlpalen.csv: {code} heeft geen geldige datum gereed_uiterlijk (JJJJ-MM-DD)."
                ) from None
        upsert(Programmamijlpaal, bestaand, "code", code, waarden, teller)


class Command(BaseCommand):
    help = "Laadt de referentiedata (sectoren, thema's, veiligheidsregio's, gemeenten, organisaties, netwerken). Veilig om te herhalen."

    def handle(self, *args: Any, **options: Any) -> None:
        teller = Teller()
        with transaction.atomic():
            zorg_voor_groepen()
            lader = Lader(teller)
            lader.laad_sectoren()
            lader.laad_themas()
            lader.laad_veiligheidsregios()
            lader.laad_gemeenten()
            drinkwater, netbeheerders = lader.laad_bedrijven()
            lader.laad_instanties()
            lader.schrijf_organisaties()
            lader.laad_netwerken(drinkwater, netbeheerders)
            laad_landelijk_netwerk(lader)
            laad_programmamijlpalen(teller)
            startinhoud = laad_startinhoud()

        self.stdout.write(
            "Referentiedata: "
            f"{Sector.objects.count()} sectoren, "
            f"{Thema.objects.count()} thema's, "
            f"{Organisatie.objects.veiligheidsregios().count()} veiligheidsregio's, "
            f"{Gemeente.objects.count()} gemeenten, "
            f"{Organisatie.objects.exclude(soort=Organisatie.Soort.VEILIGHEIDSREGIO).count()} andere organisaties, "
            f"{Netwerk.objects.count()} netwerken, "
            f"{NetwerkRegio.objects.count()} regio's in netwerken, "
            f"{Deelname.objects.count()} deelnames, "
            f"{Programmamijlpaal.objects.count()} programmamijlpalen."
        )
        self.stdout.write(startinhoud)
        if teller.totaal() == 0:
            self.stdout.write(self.style.SUCCESS("Alles was al actueel; niets gewijzigd."))
            return
        for titel, telling in (("Aangemaakt", teller.aangemaakt), ("Bijgewerkt", teller.bijgewerkt)):
            if telling:
                self.stdout.write(
                    f"{titel}: " + ", ".join(f"{n} {soort}" for soort, n in sorted(telling.items()))
                )
        self.stdout.write(self.style.SUCCESS("Referentiedata geladen."))
