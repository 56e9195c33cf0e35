"""Item bodies are Markdown rendered safely (issue 5, item 1): no script, no raw HTML injection."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from menukaart.markdown import render_markdown


def test_it_renders_the_allowed_markdown() -> None:
    html = render_markdown(
        "# Kop\n\n**vet** en *schuin*, `code`\n\n- een\n- twee\n\n> citaat\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    for stuk in ("<h2>Kop</h2>", "<strong>vet</strong>", "<em>schuin</em>", "<code>code</code>", "<li>een</li>",
                 "<blockquote>", "<table>", "<td>1</td>"):  # fmt: skip
        assert stuk in html, stuk


def test_it_removes_script_tags_with_their_content() -> None:
    html = render_markdown("Voor <script>alert('x')</script> na")
    assert "<script" not in html and "alert" not in html
    assert "Voor" in html and "na" in html


@pytest.mark.parametrize(
    "kwaad",
    [
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="alert(1)">klik</a>',
        '<p onmouseover="alert(1)">tekst</p>',
        '<svg onload="alert(1)"></svg>',
        '<iframe src="https://kwaad.example"></iframe>',
    ],
)
def test_it_removes_raw_html_and_event_handlers(kwaad: str) -> None:
    html = render_markdown(f"Tekst {kwaad} tekst")
    assert "alert" not in html and "<img" not in html and "<iframe" not in html and "<svg" not in html


@pytest.mark.parametrize(
    "link",
    [
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        '<a href="javascript:alert(1)">klik</a>',
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_it_removes_javascript_and_data_links(link: str) -> None:
    html = render_markdown(link)
    assert "javascript" not in html.lower() and "data:" not in html
    assert "klik" in html


def test_links_get_noopener_and_keep_https() -> None:
    html = render_markdown("[NIPV](https://www.nipv.nl/)")
    assert html == '<p><a href="https://www.nipv.nl/" rel="noopener noreferrer">NIPV</a></p>'


def test_the_template_filter_marks_the_result_safe() -> None:
    uitvoer = Template("{% load menukaart %}{{ tekst|markdown }}").render(
        Context({"tekst": "**a** <b>&</b>"})
    )
    assert uitvoer == "<p><strong>a</strong> &amp;</p>"
    assert Template("{% load menukaart %}{{ tekst|markdown }}").render(Context({"tekst": None})) == ""
