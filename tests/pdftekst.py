"""Reading a PDF back as a reader sees it: poppler's `pdftotext`, shared by the PDF tests."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def paginas(pdf: bytes) -> list[str]:
    """The text of every page, read one page at a time (`pdftotext -f N -l N`), in layout order.

    Skips the calling test (with the reason printed) where poppler is not installed.
    """
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed: cannot read the PDF back")

    def lees(*argumenten: str) -> str:
        return subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", *argumenten, "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()

    aantal = lees().count("\f")
    return [lees("-f", str(n), "-l", str(n)) for n in range(1, aantal + 1)]


def tekst(pdf: bytes) -> str:
    """All text with whitespace collapsed (a table cell may wrap anywhere)."""
    return " ".join(" ".join(paginas(pdf)).split())
