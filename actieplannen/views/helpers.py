"""Small pieces the plan and action views share: service errors on forms, conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from django import forms
    from django.http import HttpRequest, QueryDict

# Status codes of a refused write that htmx swaps into the page (see the meta tag in plan.html).
CONFLICT = 409
ONGELDIG = 422


def voeg_fouten_toe(form: forms.Form, fout: ValidationError) -> None:
    """A service's ValidationError on the form: on its field where the form has it, else on top."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)


def met_revisie(data: QueryDict, revisie: int) -> QueryDict:
    """The user's input with the current revision: after seeing the conflict, saving again is a
    deliberate choice, so the form carries the revision the user has now seen."""
    data = data.copy()
    data["revisie"] = str(revisie)
    return data


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))
