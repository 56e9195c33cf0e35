"""The action plan as an Excel workbook, and the import of the edited workbook (issue 4, item 9).

Export: `exporteer_actieplan` writes one row per action the user may see (TLP:RED only for named
recipients, §4), keyed on the action's id. Import is two steps:

1. `lees_import` reads the uploaded workbook and compares the editable columns (status, voortgang,
   eigenaar, einddatum) with the current values: a preview with per row the changes and, for an
   invalid row, every reason. It changes nothing and remembers the revision of each action.
2. `pas_import_toe` applies the preview through the services, all in one transaction, and only
   when every row is valid; an action someone changed after the preview is refused as a conflict.

Anything that is not a workbook made by the portal gets a Dutch `ValidationError`, never a 500.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from netwerken.models import Gebruiker

from . import services
from .models import TLP, Actieplan, Verbeteractie
from .reports import TLP_KLEUR, strengste_tlp

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_GROOTTE = 5 * 1024 * 1024  # bytes of the upload
MAX_UITGEPAKT = 50 * 1024 * 1024  # bytes inside the zip: a 5 MB "zip bomb" is refused before parsing
MAX_RIJEN = 5000  # a plan has tens of actions; more rows is not a plan export

WERKBLAD = "Acties"
TOELICHTING = "Toelichting"
XLSX_INHOUDSTYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
IMPORT_NOTITIE = "Bijgewerkt via de Excel-import."

# (column heading, width); the headings are what the import reads, in any order.
KOLOMMEN = [
    ("id", 8),
    ("titel", 48),
    ("thema", 28),
    ("organisatie", 26),
    ("eigenaar", 30),
    ("startdatum", 12),
    ("einddatum", 12),
    ("status", 15),
    ("voortgang", 11),
    ("TLP", 18),
]
BEWERKBAAR = ("status", "voortgang", "eigenaar", "einddatum")
DATUMFORMAAT = "DD-MM-YYYY"

_KOP = PatternFill("solid", fgColor="154273")
_BEWERKBARE_KOP = PatternFill("solid", fgColor="01689B")
_BEWERKBAAR = PatternFill("solid", fgColor="FFF4D6")
_VAST = PatternFill("solid", fgColor="F3F3F3")


def bestandsnaam(plan: Actieplan, datum: datetime.date | None = None) -> str:
    return f"actieplan-{plan.netwerk.slug}-{(datum or timezone.localdate()):%Y-%m-%d}.xlsx"


def _statuslabels() -> list[str]:
    return [str(label) for label in Verbeteractie.Status.labels]


# --- Export ---------------------------------------------------------------------------------------


def _acties(plan: Actieplan, gebruiker: Gebruiker) -> list[Verbeteractie]:
    """The plan's actions this user may see, with what the sheet shows: one query."""
    return list(
        Verbeteractie.objects.visible_to(gebruiker)
        .filter(actieplan=plan)
        .for_plan()
        .order_by("thema__nummer", "einddatum", "titel", "pk")
    )


def exporteer_actieplan(plan: Actieplan, *, gebruiker: Gebruiker) -> bytes:
    """The plan's actions as an .xlsx workbook for this user (a fixed 2 queries).

    1 the plan's network (skipped when the caller already loaded it); 2 the visible actions with
    theme, organisation and owner. Sheet "Acties" holds one row per action; sheet "Toelichting"
    says which columns may be edited and how the import treats them.
    """
    netwerk = plan.netwerk
    acties = _acties(plan, gebruiker)
    tlp = strengste_tlp([plan.tlp, *(actie.tlp for actie in acties)])
    markering, kleur = TLP(tlp).label, TLP_KLEUR[tlp].lstrip("#").upper()

    boek = Workbook()
    blad = boek.active
    blad.title = WERKBLAD
    _schrijf_acties(blad, acties)
    _zet_markering(blad, markering, kleur, plan.titel)
    _schrijf_toelichting(boek.create_sheet(TOELICHTING), plan, markering, kleur, gebruiker)

    _alleen_tekst(boek)

    boek.properties.title = f"{plan.titel} ({netwerk.naam})"
    boek.properties.subject = "Actieplan met verbeteracties"
    boek.properties.keywords = markering
    boek.properties.category = markering
    boek.properties.creator = "Continuïteitportaal"
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def _alleen_tekst(boek: Workbook) -> None:
    """A title such as `=HYPERLINK(…)` stays text: openpyxl would store it as a formula that Excel
    runs on opening (formula injection). The export writes no formulas of its own."""
    for blad in boek.worksheets:
        for rij in blad.iter_rows():
            for cel in rij:
                if cel.data_type == "f":
                    cel.data_type = "s"


def _schrijf_acties(blad: Worksheet, acties: list[Verbeteractie]) -> None:
    koppen = [kop for kop, _ in KOLOMMEN]
    blad.append(koppen)
    for kolom, (kop, breedte) in enumerate(KOLOMMEN, start=1):
        cel = blad.cell(row=1, column=kolom)
        cel.font = Font(bold=True, color="FFFFFF")
        cel.fill = _BEWERKBARE_KOP if kop in BEWERKBAAR else _KOP
        cel.alignment = Alignment(vertical="center")
        blad.column_dimensions[cel.column_letter].width = breedte
    for actie in acties:
        blad.append(
            [
                actie.pk,
                actie.titel,
                str(actie.thema),
                actie.organisatie.naam if actie.organisatie else "",
                actie.eigenaar.email if actie.eigenaar else "",
                actie.startdatum,
                actie.einddatum,
                actie.get_status_display(),
                actie.voortgang,
                actie.get_tlp_display(),
            ]
        )
    laatste = blad.max_row
    for rij in blad.iter_rows(min_row=2, max_row=laatste):
        for cel, (kop, _) in zip(rij, KOLOMMEN, strict=True):
            cel.fill = _BEWERKBAAR if kop in BEWERKBAAR else _VAST
            if kop in ("startdatum", "einddatum"):
                cel.number_format = DATUMFORMAAT
            if kop == "titel":
                cel.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cel.alignment = Alignment(vertical="top")
    blad.freeze_panes = "C2"
    blad.auto_filter.ref = f"A1:{blad.cell(row=1, column=len(KOLOMMEN)).column_letter}{max(laatste, 1)}"

    # Help in Excel itself: pick a status from the list, whole percentages, real dates.
    kolom = {kop: blad.cell(row=1, column=i).column_letter for i, (kop, _) in enumerate(KOLOMMEN, start=1)}
    tot = max(laatste, 2) + 200  # room for sorting or copying rows, not for new actions
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(_statuslabels()) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Onbekende status",
        error="Kies een status uit de lijst.",
    )
    voortgang = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        showErrorMessage=True,
        errorTitle="Voortgang",
        error="De voortgang is een geheel getal van 0 tot en met 100.",
    )
    einddatum = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 1-1-2000
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Einddatum",
        error="Vul een datum in, bijvoorbeeld 30-06-2027.",
    )
    for validatie, kop in ((status, "status"), (voortgang, "voortgang"), (einddatum, "einddatum")):
        validatie.add(f"{kolom[kop]}2:{kolom[kop]}{tot}")
        blad.add_data_validation(validatie)


def _zet_markering(blad: Worksheet, markering: str, kleur: str, titel: str) -> None:
    """TLP in the printed header and footer, and the tab colour of the sheet."""
    blad.oddHeader.left.text = titel
    blad.oddHeader.right.text = markering
    blad.oddHeader.right.font = "Arial,Bold"
    blad.oddFooter.left.text = markering
    blad.oddFooter.left.font = "Arial,Bold"
    blad.oddFooter.right.text = "pagina &P van &N"
    blad.print_title_rows = "1:1"
    blad.page_setup.orientation = "landscape"
    blad.page_setup.fitToWidth = 1
    blad.page_setup.fitToHeight = 0
    blad.sheet_properties.pageSetUpPr.fitToPage = True
    blad.sheet_properties.tabColor = kleur


def _schrijf_toelichting(
    blad: Worksheet, plan: Actieplan, markering: str, kleur: str, gebruiker: Gebruiker
) -> None:
    regels: list[tuple[str, str]] = [
        (markering, "Markering van dit bestand: deel het alleen zoals deze TLP-markering toestaat."),
        ("Actieplan", plan.titel),
        ("Netwerk", plan.netwerk.naam),
        ("Geëxporteerd op", f"{timezone.localtime():%d-%m-%Y %H:%M}"),
        ("Geëxporteerd door", gebruiker.email),
        ("", ""),
        ("Bewerken", "U kunt deze kolommen in het werkblad Acties wijzigen en het bestand weer importeren:"),
        ("status", "één van: " + ", ".join(_statuslabels()) + "."),
        ("voortgang", "een geheel percentage van 0 tot en met 100."),
        ("eigenaar", "het e-mailadres van een lid van het netwerk (bij de verantwoordelijke organisatie)."),
        ("einddatum", "een datum, bijvoorbeeld 30-06-2027; leeg maakt de einddatum leeg."),
        ("", ""),
        ("Niet bewerken", "id koppelt een rij aan de actie in het portaal: verander of verwijder die niet."),
        ("", "Wijzigingen in titel, thema, organisatie, startdatum en TLP worden bij de import genegeerd."),
        ("", "Nieuwe rijen worden geen nieuwe acties; een weggelaten rij verandert niets aan die actie."),
        ("", ""),
        (
            "Importeren",
            "Het portaal toont eerst alle wijzigingen en alle fouten per rij. Alleen als elke rij "
            "klopt, kunt u de wijzigingen doorvoeren; anders verandert er niets.",
        ),
    ]
    for regel in regels:
        blad.append(list(regel))
    blad["A1"].font = Font(bold=True, color=kleur)  # the TLP label: coloured text on black
    blad["A1"].fill = PatternFill("solid", fgColor="000000")
    for cel in blad["A"]:
        if cel.row > 1:
            cel.font = Font(bold=True)
    blad.column_dimensions["A"].width = 20
    blad.column_dimensions["B"].width = 100
    blad.oddHeader.right.text = markering
    blad.oddFooter.left.text = markering


# --- Import: reading ------------------------------------------------------------------------------


@dataclass
class Wijziging:
    """One field of one action: what it was and what the sheet makes of it."""

    veld: str
    was: str
    wordt: str
    waarde: Any  # the new value for the service (a Gebruiker for eigenaar, a date, str, int)


@dataclass
class Importrij:
    rij: int  # the row number in Excel
    actie_id: int | None
    titel: str = ""
    revisie: int | None = None
    wijzigingen: list[Wijziging] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)


@dataclass
class ImportResultaat:
    plan_id: int
    rijen: list[Importrij] = field(default_factory=list)

    @property
    def ongeldig(self) -> list[Importrij]:
        return [rij for rij in self.rijen if rij.fouten]

    @property
    def gewijzigd(self) -> list[Importrij]:
        return [rij for rij in self.rijen if rij.wijzigingen and not rij.fouten]

    @property
    def ongewijzigd(self) -> int:
        return sum(1 for rij in self.rijen if not rij.wijzigingen and not rij.fouten)

    @property
    def is_geldig(self) -> bool:
        return not self.ongeldig

    @property
    def aantal_wijzigingen(self) -> int:
        return sum(len(rij.wijzigingen) for rij in self.gewijzigd)

    def naar_sessie(self) -> dict[str, Any]:
        """What the confirmation step needs, JSON-safe: per action its revision and new values."""
        return {
            "plan": self.plan_id,
            "rijen": [
                {
                    "rij": rij.rij,
                    "actie": rij.actie_id,
                    "titel": rij.titel,
                    "revisie": rij.revisie,
                    "wijzigingen": [
                        [w.veld, w.was, w.wordt, _naar_json(w.veld, w.waarde)] for w in rij.wijzigingen
                    ],
                }
                for rij in self.gewijzigd
            ],
        }

    @classmethod
    def uit_sessie(cls, gegevens: dict[str, Any]) -> ImportResultaat:
        personen = {
            p.pk: p
            for p in Gebruiker.objects.filter(
                pk__in=[
                    waarde
                    for rij in gegevens["rijen"]
                    for veld, _, _, waarde in rij["wijzigingen"]
                    if veld == "eigenaar" and waarde
                ]
            )
        }
        resultaat = cls(plan_id=gegevens["plan"])
        for rij in gegevens["rijen"]:
            wijzigingen = [
                Wijziging(veld, was, wordt, _uit_json(veld, waarde, personen))
                for veld, was, wordt, waarde in rij["wijzigingen"]
            ]
            resultaat.rijen.append(
                Importrij(rij["rij"], rij["actie"], rij["titel"], rij["revisie"], wijzigingen)
            )
        return resultaat


def _naar_json(veld: str, waarde: Any) -> Any:
    if veld == "eigenaar":
        return waarde.pk if waarde else None
    if veld == "einddatum":
        return waarde.isoformat() if waarde else None
    return waarde


def _uit_json(veld: str, waarde: Any, personen: dict[int, Gebruiker]) -> Any:
    if veld == "eigenaar":
        if waarde and waarde not in personen:
            raise ValidationError("Een eigenaar uit de import bestaat niet meer. Er is niets gewijzigd.")
        return personen.get(waarde) if waarde else None
    if veld == "einddatum":
        return datetime.date.fromisoformat(waarde) if waarde else None
    return waarde


def controleer_xlsx(inhoud: bytes) -> None:
    """Refuse anything but an Excel workbook (.xlsx) by its content, not by its name."""
    if not inhoud:
        raise ValidationError("Het bestand is leeg.", code="leeg")
    if len(inhoud) > MAX_GROOTTE:
        raise ValidationError(
            f"Het bestand is {len(inhoud) / 1024 / 1024:.1f} MB; de grens is 5 MB.".replace(".", ",", 1),
            code="te_groot",
        )
    geen_xlsx = ValidationError(
        "Dit is geen Excel-werkmap (.xlsx). Exporteer het actieplan, bewerk dat bestand en importeer het.",
        code="geen_xlsx",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as zip_:
            namen = zip_.namelist()
            if "[Content_Types].xml" not in namen:
                raise geen_xlsx
            if sum(info.file_size for info in zip_.infolist()) > MAX_UITGEPAKT:
                raise ValidationError("Het bestand is uitgepakt te groot om te lezen.", code="te_groot")
            inhoudstypen = zip_.read("[Content_Types].xml").decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError, EOFError):
        raise geen_xlsx from None
    if XLSX_INHOUDSTYPE not in inhoudstypen:
        raise geen_xlsx


def _lees_werkblad(inhoud: bytes) -> tuple[list[str], list[tuple[int, tuple[Any, ...]]]]:
    """The headings of the sheet "Acties" and its non-empty rows (with their Excel row number)."""
    controleer_xlsx(inhoud)
    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file; all mean the same to the user
        raise ValidationError(
            "Het bestand kon niet als Excel-werkmap worden gelezen; het is mogelijk beschadigd.",
            code="onleesbaar",
        ) from None
    try:
        if WERKBLAD not in boek.sheetnames:
            raise ValidationError(
                f"Het werkblad „{WERKBLAD}” ontbreekt (gevonden: {', '.join(boek.sheetnames)}). "
                "Importeer het bestand dat u uit het portaal exporteerde.",
                code="werkblad",
            )
        rijen = boek[WERKBLAD].iter_rows(values_only=True)
        koppen = [str(kop).strip().lower() if kop is not None else "" for kop in next(rijen, ())]
        if "id" not in koppen:
            raise ValidationError(
                f"De kolom „id” ontbreekt in de eerste rij van het werkblad „{WERKBLAD}”: daarmee koppelt "
                "het portaal een rij aan een actie. Exporteer het actieplan opnieuw.",
                code="geen_id",
            )
        gevuld = []
        for nummer, rij in enumerate(rijen, start=2):
            if nummer > MAX_RIJEN + 1:
                raise ValidationError(f"Het werkblad heeft meer dan {MAX_RIJEN} rijen.", code="te_groot")
            if any(waarde not in (None, "") for waarde in rij):
                gevuld.append((nummer, rij))
        return koppen, gevuld
    finally:
        boek.close()


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        waarde = waarde.date()
    if isinstance(waarde, datetime.date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _lees_id(waarde: Any) -> int | None:
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    if isinstance(waarde, str) and waarde.strip().isdigit():
        return int(waarde.strip())
    return None


def _lees_status(waarde: Any) -> str:
    tekst = _tekst(waarde).lower()
    if not tekst:
        raise ValueError("Status ontbreekt")
    for code, label in Verbeteractie.Status.choices:
        if tekst in (code, str(label).lower()):
            return code
    raise ValueError(f"Onbekende status „{_tekst(waarde)}”; kies uit: {', '.join(_statuslabels())}")


def _lees_voortgang(waarde: Any) -> int:
    tekst = _tekst(waarde)
    if not tekst:
        raise ValueError("Voortgang ontbreekt")
    if isinstance(waarde, bool):
        raise ValueError(f"Voortgang {tekst} is geen percentage")
    try:
        getal = Decimal(tekst.rstrip("%").strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"Voortgang „{tekst}” is geen getal tussen 0 en 100") from None
    if getal != getal.to_integral_value():
        raise ValueError(f"Voortgang {tekst.replace('.', ',')} is geen geheel getal")
    if not 0 <= getal <= 100:
        raise ValueError(f"Voortgang {tekst} ligt niet tussen 0 en 100")
    return int(getal)


def _lees_datum(waarde: Any) -> datetime.date | None:
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    if isinstance(waarde, str):
        for formaat in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
            try:
                return datetime.datetime.strptime(waarde.strip(), formaat).date()
            except ValueError:
                continue
    raise ValueError(f"Ongeldige einddatum {_tekst(waarde)}")


def _toon(veld: str, waarde: Any) -> str:
    if waarde is None or waarde == "":
        return "—"
    if veld == "status":
        return str(Verbeteractie.Status(waarde).label)
    if veld == "voortgang":
        return f"{waarde}%"
    if veld == "eigenaar":
        return f"{waarde.naam} ({waarde.email})" if waarde.naam else waarde.email
    if veld == "einddatum":
        return f"{waarde:%d-%m-%Y}"
    return str(waarde)


def lees_import(plan: Actieplan, bestand: bytes | IO[bytes], *, gebruiker: Gebruiker) -> ImportResultaat:
    """Compare an uploaded workbook with the plan: the preview of an import. Changes nothing.

    Rows are matched on `id`, among the actions of this plan the user may see (anything else is an
    unknown id, so a hidden action does not betray that it exists). Raises `ValidationError` when
    the file as a whole cannot be read; problems of one row are listed with that row. Two
    queries: the visible actions and the network's members named as owner.
    """
    inhoud = bestand if isinstance(bestand, bytes) else bestand.read()
    koppen, rijen = _lees_werkblad(inhoud)
    kolom = {kop: koppen.index(kop) for kop in ("id", "titel", *BEWERKBAAR) if kop in koppen}

    acties = {actie.pk: actie for actie in _acties(plan, gebruiker)}
    emails = {
        _tekst(rij[kolom["eigenaar"]]).lower()
        for _, rij in rijen
        if "eigenaar" in kolom and len(rij) > kolom["eigenaar"]
    } - {""}
    leden = {
        persoon.email.lower(): persoon
        for persoon in Gebruiker.objects.filter(
            is_active=True, lidmaatschappen__netwerk_id=plan.netwerk_id, email__in=emails
        ).select_related("organisatie")
    }

    resultaat = ImportResultaat(plan_id=plan.pk)
    gezien: dict[int, int] = {}
    for nummer, rij in rijen:

        def cel(kop: str, rij: tuple[Any, ...] = rij) -> Any:
            return rij[kolom[kop]] if kop in kolom and kolom[kop] < len(rij) else None

        ruw_id = cel("id")
        actie_id = _lees_id(ruw_id)
        regel = Importrij(rij=nummer, actie_id=actie_id, titel=_tekst(cel("titel")))
        resultaat.rijen.append(regel)
        if ruw_id in (None, ""):
            regel.fouten.append(
                "Rij zonder actie-id: nieuwe acties voegt u toe in het portaal, niet via Excel"
            )
            continue
        actie = acties.get(actie_id) if actie_id is not None else None
        if actie is None:
            regel.fouten.append(f"Onbekende actie-id {_tekst(ruw_id)}")
            continue
        if actie_id in gezien:
            regel.fouten.append(f"Actie-id {actie_id} staat ook in rij {gezien[actie_id]}")
            continue
        gezien[actie_id] = nummer
        regel.titel, regel.revisie = actie.titel, actie.revisie
        _vergelijk(regel, actie, cel, kolom, leden)
    return resultaat


def _vergelijk(
    regel: Importrij, actie: Verbeteractie, cel: Any, kolom: dict[str, int], leden: dict[str, Gebruiker]
) -> None:
    """Fill in the row's changes and errors for the editable columns present in the sheet."""
    nieuw: dict[str, Any] = {}
    lezers = {"status": _lees_status, "voortgang": _lees_voortgang, "einddatum": _lees_datum}
    for veld, lees in lezers.items():
        if veld in kolom:
            try:
                nieuw[veld] = lees(cel(veld))
            except ValueError as fout:
                regel.fouten.append(str(fout))
    if "eigenaar" in kolom:
        email = _tekst(cel("eigenaar")).lower()
        if not email:
            nieuw["eigenaar"] = None
        elif email not in leden:
            regel.fouten.append(f"Onbekende eigenaar {email}: geen lid van dit netwerk")
        else:
            persoon = leden[email]
            if actie.organisatie_id and persoon.organisatie_id != actie.organisatie_id:
                regel.fouten.append(
                    f"Eigenaar {email} werkt niet bij {actie.organisatie.naam}, de verantwoordelijke organisatie"
                )
            else:
                nieuw["eigenaar"] = persoon
    einddatum = nieuw.get("einddatum", actie.einddatum)
    if "einddatum" in nieuw and einddatum and actie.startdatum and einddatum < actie.startdatum:
        regel.fouten.append(
            f"Einddatum {einddatum:%d-%m-%Y} ligt voor de startdatum {actie.startdatum:%d-%m-%Y}"
        )
    if regel.fouten:
        return
    for veld, waarde in nieuw.items():
        huidig = getattr(actie, veld)
        if (huidig.pk if veld == "eigenaar" and huidig else huidig) != (
            waarde.pk if veld == "eigenaar" and waarde else waarde
        ):
            regel.wijzigingen.append(Wijziging(veld, _toon(veld, huidig), _toon(veld, waarde), waarde))


# --- Import: applying -----------------------------------------------------------------------------


@transaction.atomic
def pas_import_toe(plan: Actieplan, resultaat: ImportResultaat, *, gebruiker: Gebruiker) -> int:
    """Apply a valid preview: every change in one transaction, or none. Returns the actions changed.

    Status and progress go through `registreer_voortgang` (an entry on the action's timeline),
    owner and due date through `wijzig_actie`; both record history with the user. Each action must
    still be at the revision the preview saw: otherwise `Bewerkingsconflict` and nothing is saved.
    """
    if resultaat.plan_id != plan.pk:
        raise ValidationError("Deze import hoort bij een ander actieplan. Er is niets gewijzigd.")
    if not resultaat.is_geldig:
        raise ValidationError("Het bestand bevat ongeldige rijen. Er is niets gewijzigd.")
    rijen = resultaat.gewijzigd
    acties = {
        actie.pk: actie
        for actie in Verbeteractie.objects.visible_to(gebruiker).filter(
            actieplan=plan, pk__in=[rij.actie_id for rij in rijen]
        )
    }
    for rij in rijen:
        actie = acties.get(rij.actie_id)
        if actie is None:
            raise ValidationError(
                f"Actie {rij.actie_id} („{rij.titel}”) bestaat niet meer in dit plan. Er is niets gewijzigd."
            )
        velden = {w.veld: w.waarde for w in rij.wijzigingen}
        revisie = rij.revisie
        overig = {veld: waarde for veld, waarde in velden.items() if veld in ("eigenaar", "einddatum")}
        if overig:
            actie = services.wijzig_actie(actie, revisie=revisie, actor=gebruiker, **overig)
            revisie = actie.revisie
        if "status" in velden or "voortgang" in velden:
            services.registreer_voortgang(
                actie,
                status=velden.get("status", actie.status),
                voortgang=velden.get("voortgang", actie.voortgang),
                notitie=IMPORT_NOTITIE,
                revisie=revisie,
                actor=gebruiker,
            )
    return len(rijen)
