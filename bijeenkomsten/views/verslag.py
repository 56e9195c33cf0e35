"""After (or during) the meeting: the minutes and the decisions.

A decision may, in the same step, create a verbeteractie in the network's plan or update one of
its actions (status, owner, due date) — through `services.leg_besluit_vast`, which applies the
action's own rules and its optimistic lock: an update on top of someone else's change of that
action answers 409 with what changed, keeping the user's input.

Minutes, decisions and attendance can be recorded from the moment the meeting begins (a meeting
that is running may already decide); never for a cancelled meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from actieplannen.views.helpers import CONFLICT, met_revisie, voeg_fouten_toe
from continuiteit.conflict import Bewerkingsconflict

from .. import access, services
from ..forms import BesluitForm, NotulenForm
from ..models import Besluit, Bijeenkomst
from .helpers import gepost

if TYPE_CHECKING:
    from django.http import HttpRequest

# A refused update names the action's fields; on the form they are the "update" group's fields.
BIJWERKEN_VELDEN = {"eigenaar": "nieuwe_eigenaar", "einddatum": "nieuwe_einddatum", "verbeteractie": "actie"}


def _nog_niet(request: HttpRequest, bijeenkomst: Bijeenkomst, wat: str) -> HttpResponse | None:
    """A redirect with the reason when `wat` cannot be recorded yet (or any more); else None."""
    if bijeenkomst.is_geannuleerd:
        messages.error(request, f"Deze bijeenkomst is geannuleerd; er zijn geen {wat} vast te leggen.")
        return redirect(bijeenkomst)
    if bijeenkomst.begin > timezone.now():
        messages.info(
            request, f"De bijeenkomst is nog niet begonnen; leg de {wat} tijdens of na afloop vast."
        )
        return redirect(bijeenkomst)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def notulen(request: HttpRequest, pk: int) -> HttpResponse:
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    if (weg := _nog_niet(request, bijeenkomst, "notulen")) is not None:
        return weg
    form = NotulenForm(
        gepost(request), initial={"notulen": bijeenkomst.notulen, "revisie": bijeenkomst.revisie}
    )
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.leg_notulen_vast(
                bijeenkomst,
                form.cleaned_data["notulen"],
                revisie=form.cleaned_data["revisie"],
                actor=request.user,
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            bijeenkomst.refresh_from_db()
            form = NotulenForm(met_revisie(request.POST, bijeenkomst.revisie))
            form.is_valid()
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, "De notulen zijn opgeslagen.")
            return redirect(f"{bijeenkomst.get_absolute_url()}#notulen")
    return render(
        request,
        "bijeenkomsten/notulen.html",
        {"bijeenkomst": bijeenkomst, "form": form, "conflict": conflict},
        status=status,
    )


def _besluitfouten(form: BesluitForm, fout: ValidationError) -> None:
    if form.cleaned_data.get("gevolg") == BesluitForm.BIJWERKEN and hasattr(fout, "error_dict"):
        fout = ValidationError(
            {BIJWERKEN_VELDEN.get(veld, veld): fouten for veld, fouten in fout.error_dict.items()}
        )
    voeg_fouten_toe(form, fout)


def _met_actierevisie(data: Any, actie_pk: int, revisie: int) -> Any:
    """The user's input with the action's current revision: saving again is a deliberate choice."""
    data = data.copy()
    data[f"revisie_{actie_pk}"] = str(revisie)
    return data


@login_required
@require_http_methods(["GET", "POST"])
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a decision; optionally create a new action or update an existing one, in one step."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    if (weg := _nog_niet(request, bijeenkomst, "besluiten")) is not None:
        return weg
    form = BesluitForm(gepost(request), bijeenkomst=bijeenkomst, gebruiker=request.user)
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            vastgelegd = services.leg_besluit_vast(
                bijeenkomst,
                form.cleaned_data["tekst"],
                nieuwe_actie=form.nieuwe_actie(),
                bij_te_werken_actie=form.bij_te_werken_actie(),
                actor=request.user,
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            actie = form.cleaned_data["actie"]
            actie.refresh_from_db(fields=["revisie"])
            form = BesluitForm(
                _met_actierevisie(request.POST, actie.pk, actie.revisie),
                bijeenkomst=bijeenkomst,
                gebruiker=request.user,
            )
            form.is_valid()
        except ValidationError as fout:
            _besluitfouten(form, fout)
        else:
            messages.success(request, _bevestiging(vastgelegd))
            return redirect(f"{bijeenkomst.get_absolute_url()}#besluiten")
    return render(
        request,
        "bijeenkomsten/besluit.html",
        {"bijeenkomst": bijeenkomst, "form": form, "conflict": conflict},
        status=status,
    )


def _bevestiging(besluit: Besluit) -> str:
    tekst = f"Besluit {besluit.volgnummer} is vastgelegd."
    if besluit.gevolg == Besluit.Gevolg.NIEUW and besluit.verbeteractie_id:
        tekst += f" De actie „{besluit.verbeteractie.titel}” staat nu in het actieplan."
    elif besluit.gevolg == Besluit.Gevolg.BIJGEWERKT and besluit.verbeteractie_id:
        tekst += f" De actie „{besluit.verbeteractie.titel}” is bijgewerkt: {besluit.wijziging}"
    return tekst
