"""Small pieces the meeting views share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages

if TYPE_CHECKING:
    from django.core.exceptions import ValidationError
    from django.http import HttpRequest, QueryDict


def gepost(request: HttpRequest) -> QueryDict | None:
    """The POST data for a form, also when empty: an empty POST must be validated (and refused),
    not shown as a fresh form (`request.POST or None` would do the latter)."""
    return request.POST if request.method == "POST" else None


def meld_fouten(request: HttpRequest, fout: ValidationError) -> None:
    """A service's refusal as error messages on the next page."""
    for tekst in fout.messages:
        messages.error(request, tekst)
