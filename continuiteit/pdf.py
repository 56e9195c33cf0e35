"""The PDF machinery every report shares (§6): WeasyPrint with local resources only.

Each app's `reports.py` renders a template under `templates/<app>/pdf/` through `schrijf_pdf`.
Every such template extends `templates/pdf/basis.html`, the one page frame (cover, table of
contents, running header and footer with page numbers, the TLP marking on every page) styled by
`static/css/pdf.css`; a report adds only its chapters and its own stylesheet. WeasyPrint only gets local files: a restricted URL fetcher refuses anything but the
project's static files and `data:` URIs, so a document never waits on (or leaks to) the network.

Importing this module imports WeasyPrint (slow, and it logs while loading its own stylesheets):
import it where a document is made, not at URLconf load time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher

PORTAALNAAM = "Continuïteitportaal"

# Told which step a document is in ("PDF opmaken", "PDF schrijven"), so a long report can show it.
Stapmelder = Callable[[str], None]


class Pdf(bytes):
    """The bytes of a PDF that also know their number of pages.

    Counted by WeasyPrint while laying out, so nobody has to parse the file back; everywhere else
    it is just `bytes` (a response body, a stored file).
    """

    paginas: int

    def __new__(cls, inhoud: bytes, *, paginas: int) -> Pdf:
        pdf = super().__new__(cls, inhoud)
        pdf.paginas = paginas
        return pdf


class LokaleBestanden(URLFetcher):
    """A URL fetcher for WeasyPrint that serves only the project's static files and `data:` URIs.

    Everything else (http, https, ftp, files outside `static/`) is refused: WeasyPrint logs a
    warning and leaves the resource out, the rest of the document still renders.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.map = (Path(settings.BASE_DIR) / "static").resolve()

    def fetch(self, url: str, headers: dict | None = None) -> Any:
        if url.lower().startswith("file:"):
            pad = Path(url2pathname(urlsplit(url).path)).resolve()
            if not pad.is_relative_to(self.map):
                raise ValueError(f"Alleen de statische bestanden van het portaal: {url}")
        return super().fetch(url, headers)


def css_tekst(tekst: str) -> SafeString:
    """`tekst` as a quoted CSS string: everything but letters, digits and spaces as a hex escape.

    So a title with quotes, backslashes or `</style>` can never end the string or the style block.
    Every escape ends with the one space CSS swallows after it, so a real space after it stays.
    """
    tekens = (t if t.isalnum() or t == " " else f"\\{ord(t):x} " for t in tekst)
    return mark_safe('"' + "".join(tekens) + '"')  # safe: escaped above


def schrijf_pdf(template: str, context: dict[str, Any], *, stap: Stapmelder | None = None) -> Pdf:
    """Render `template` with `context` to PDF bytes, with local resources only.

    The context gives `documenttitel`, `markering` and `voettekst`: the running header and footer
    (see `templates/pdf/basis.html` for the rest of the frame's context). Relative links in the
    template (the stylesheets under `static/css/`) resolve against the project directory. `stap` hears when layout and writing begin (the slow parts of a report).
    """
    context = {
        "portaalnaam": PORTAALNAAM,
        "afgedrukt_op": timezone.localdate(),
        "kop_css": css_tekst(context["documenttitel"]),
        "markering_css": css_tekst(context.get("markering", "")),
        "voet_css": css_tekst(context.get("voettekst", "")),
        **context,
    }
    with translation.override("nl"):
        html = render_to_string(template, context)
    basis = Path(settings.BASE_DIR).resolve().as_uri() + "/"
    if stap:
        stap("PDF opmaken")
    document = HTML(string=html, base_url=basis, url_fetcher=LokaleBestanden()).render()
    if stap:
        stap("PDF schrijven")
    return Pdf(document.write_pdf(), paginas=len(document.pages))


def tekst_als_html(tekst: str) -> SafeString:
    """Plain text as paragraphs; lines that start with "- " or "• " become a bulleted list."""
    delen: list[str] = []
    for blok in re.split(r"\n\s*\n", tekst.strip()):
        regels = [r.strip() for r in blok.splitlines() if r.strip()]
        for is_punt, groep in groupby(regels, key=lambda r: r[:2] in ("- ", "• ")):
            if is_punt:
                delen.append("<ul>" + "".join(f"<li>{escape(r[2:].strip())}</li>" for r in groep) + "</ul>")
            else:
                delen.append("<p>" + "<br>".join(escape(r) for r in groep) + "</p>")
    return mark_safe("".join(delen))  # safe: every piece of text above is escaped
