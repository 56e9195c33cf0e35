"""`{{ item.inhoud|markdown }}` and `{% menukaart_bij_actie actie %}` for the action page."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from ..koppelingen import menukaart_bij_actie as _menukaart_bij_actie
from ..markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown(tekst: str) -> SafeString:
    """Markdown rendered to sanitised HTML (menukaart.markdown)."""
    return render_markdown(tekst or "")


@register.inclusion_tag("menukaart/_suggesties.html", takes_context=True)
def menukaart_bij_actie(context: template.Context, actie: Any, limiet: int = 5) -> dict[str, Any]:
    """The linked menukaart items of an action and suggestions to link, with link/unlink buttons.

    Fixed number of queries (see `menukaart.koppelingen.menukaart_bij_actie`). The action must come
    with `actieplan__netwerk` loaded; the template needs `request` and `csrf_token` in the context.
    """
    request = context["request"]
    return {
        **_menukaart_bij_actie(actie, request.user, limiet),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "volgende": request.get_full_path(),
    }
