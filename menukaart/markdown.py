"""Markdown bodies rendered safely: Markdown → HTML → nh3 with a small allow-list.

Raw HTML typed into a body is not trusted: tags outside the allow-list disappear (their text
stays), `<script>` and `<style>` disappear with their content, event-handler attributes and
`javascript:` links are removed, and every link gets rel="noopener noreferrer". Headings move one
level down (# → h2), because the page itself has the h1.
"""

from __future__ import annotations

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

TOEGESTANE_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "code", "pre", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
TOEGESTANE_ATTRIBUTEN = {"a": {"href", "title"}, "th": {"scope"}}
TOEGESTANE_SCHEMAS = {"http", "https", "mailto"}

_KOP = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")


def _kop_omlaag(match: re.Match[str]) -> str:
    niveau = min(int(match.group(2)) + 1, 4)
    return f"<{match.group(1)}h{niveau}>"


def render_markdown(tekst: str) -> SafeString:
    """Safe HTML for a Markdown text (empty for an empty text)."""
    if not tekst or not tekst.strip():
        return mark_safe("")
    html = markdown_lib.markdown(
        tekst, extensions=["tables", "sane_lists", "fenced_code"], output_format="html"
    )
    html = _KOP.sub(_kop_omlaag, html)
    schoon = nh3.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        url_schemes=TOEGESTANE_SCHEMAS,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(schoon)  # sanitised by nh3 with the allow-list above
