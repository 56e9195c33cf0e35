"""Attachments are checked by their content, not by their name (issue 5, item 5).

Allowed: PDF, DOCX, ODT, XLSX, PNG and JPEG, at most `settings.MAX_BIJLAGE_MB`, not empty. The
type is recognised from the first bytes (PDF, PNG, JPEG) or by looking inside the ZIP container
(DOCX and XLSX: `[Content_Types].xml` naming the main Word or Excel part; ODT: the `mimetype`
entry). Nothing is unpacked beyond those two small entries, so a ZIP bomb costs nothing. The
extension must agree with the content: an .exe renamed .pdf, or a PDF renamed .docx, is refused.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


@dataclass(frozen=True)
class Bestandssoort:
    naam: str
    content_type: str
    extensies: tuple[str, ...]


PDF = Bestandssoort("PDF", "application/pdf", (".pdf",))
PNG = Bestandssoort("PNG", "image/png", (".png",))
JPEG = Bestandssoort("JPEG", "image/jpeg", (".jpg", ".jpeg"))
DOCX = Bestandssoort(
    "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
XLSX = Bestandssoort(
    "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
ODT = Bestandssoort("OpenDocument-tekst (ODT)", "application/vnd.oasis.opendocument.text", (".odt",))
TOEGESTAAN = (PDF, DOCX, ODT, XLSX, PNG, JPEG)
# For the `accept` attribute of the file input: a hint to the browser, not a check.
ACCEPT = ",".join(extensie for soort in TOEGESTAAN for extensie in soort.extensies)

_MAX_INHOUDSTYPEN = 1024 * 1024  # [Content_Types].xml is a few kB; more is not an Office file


def _herken_zip(bestand: IO[bytes]) -> Bestandssoort | None:
    try:
        with zipfile.ZipFile(bestand) as archief:
            namen = set(archief.namelist())
            if any(naam.lower().endswith("vbaproject.bin") for naam in namen):
                return None  # Office files with macros are not accepted
            if "mimetype" in namen:
                info = archief.getinfo("mimetype")
                if info.file_size <= 100 and archief.read("mimetype").strip() == ODT.content_type.encode():
                    return ODT
                return None
            if "[Content_Types].xml" in namen:
                if archief.getinfo("[Content_Types].xml").file_size > _MAX_INHOUDSTYPEN:
                    return None
                inhoudstypen = archief.read("[Content_Types].xml")
                if b"wordprocessingml.document.main+xml" in inhoudstypen and any(
                    naam.startswith("word/") for naam in namen
                ):
                    return DOCX
                if b"spreadsheetml.sheet.main+xml" in inhoudstypen and any(
                    naam.startswith("xl/") for naam in namen
                ):
                    return XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, EOFError):
        return None
    return None


def herken(bestand: IO[bytes]) -> Bestandssoort | None:
    """The allowed type this content has, or None. Leaves the file at position 0."""
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    try:
        if kop.startswith(b"%PDF-"):
            return PDF
        if kop.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if kop.startswith(b"\xff\xd8\xff"):
            return JPEG
        if kop.startswith(b"PK\x03\x04"):
            return _herken_zip(bestand)
        return None
    finally:
        bestand.seek(0)


def veilige_naam(naam: str) -> str:
    """The file name as shown and offered for download: no path, no control characters."""
    naam = PurePath(naam.replace("\\", "/")).name
    naam = "".join(teken for teken in naam if unicodedata.category(teken)[0] != "C").strip()
    return (naam or "bijlage")[-255:]


def controleer_bijlage(bestand: IO[bytes], naam: str, grootte: int) -> Bestandssoort:
    """The type of an uploaded file, or a `ValidationError` with a Dutch message saying why not."""
    naam = veilige_naam(naam)
    maximum = settings.MAX_BIJLAGE_MB * 1024 * 1024
    if grootte == 0:
        raise ValidationError(f"Het bestand „{naam}” is leeg. Kies een bestand met inhoud.", code="leeg")
    if grootte > maximum:
        raise ValidationError(
            f"Het bestand „{naam}” is {filesizeformat(grootte)}; een bijlage mag hoogstens "
            f"{settings.MAX_BIJLAGE_MB} MB zijn. Verklein het bestand of plaats een link.",
            code="te_groot",
        )
    soort = herken(bestand)
    if soort is None:
        raise ValidationError(
            f"„{naam}” is geen PDF-, Word- (DOCX), OpenDocument- (ODT), Excel- (XLSX), PNG- of "
            "JPEG-bestand. Alleen die soorten zijn toegestaan; het portaal controleert de inhoud van "
            "het bestand, niet alleen de extensie.",
            code="soort",
        )
    extensie = PurePath(naam).suffix.lower()
    if extensie not in soort.extensies:
        raise ValidationError(
            f"„{naam}” is een {soort.naam}-bestand, maar de extensie is {extensie or '(geen)'}. "
            f"Geef het bestand de extensie {soort.extensies[0]} en probeer het opnieuw.",
            code="extensie",
        )
    return soort
