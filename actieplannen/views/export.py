"""Exports of a network's plan (PDF netwerkrapportage, Excel) and the Excel import (issue 4, item 9).

Every view starts from the access helper: outsiders get 404; reading needs membership (waarnemers
included) or the project team; the import needs `change_netwerk` (403 otherwise). What an export
contains comes from `Verbeteractie.objects.visible_to`, so TLP:RED actions stay with their
recipients (§4).

The import is two requests. The upload is read into a preview (`excel.lees_import`) and nothing
changes; the preview itself (per action its revision and new values, a few hundred bytes) waits in
the session under a one-time token. Confirming applies exactly that preview, so an action changed
by someone else in between is refused as a conflict instead of being overwritten.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from continuiteit.conflict import Bewerkingsconflict

from ..access import BEWERKEN, get_actieplan_for_user
from ..excel import ImportResultaat, bestandsnaam, exporteer_actieplan, lees_import, pas_import_toe
from ..forms_import import ImportForm
from ..models import Actieplan
from ..reports import render_netwerkrapportage_pdf
from ..services import IN_INSTEMMING_OF_LATER

if TYPE_CHECKING:
    from django.http import HttpRequest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sessiesleutel(plan: Actieplan) -> str:
    return f"actieplan-import-{plan.pk}"


@login_required
@require_safe
def pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The netwerkrapportage of this plan, as this reader may see it."""
    plan = get_actieplan_for_user(request.user, slug)
    response = HttpResponse(
        render_netwerkrapportage_pdf(plan, gebruiker=request.user), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="netwerkrapportage-{plan.netwerk.slug}.pdf"'
    return response


@login_required
@require_safe
def excel(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan's actions as an Excel workbook, to edit and import again."""
    plan = get_actieplan_for_user(request.user, slug)
    response = HttpResponse(exporteer_actieplan(plan, gebruiker=request.user), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam(plan)}"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def importeer(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload → preview (changes and errors per row) → confirm: all changes, or none."""
    plan = get_actieplan_for_user(request.user, slug, perm=BEWERKEN)
    if request.method == "POST" and "token" in request.POST:
        return _bevestig(request, plan)

    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        try:
            resultaat = lees_import(plan, form.cleaned_data["bestand"], gebruiker=request.user)
        except ValidationError as fout:
            form.add_error("bestand", fout)
        else:
            return _voorvertoning(request, plan, resultaat)
    return render(
        request, "actieplannen/importeren.html", {"plan": plan, "netwerk": plan.netwerk, "form": form}
    )


def _voorvertoning(request: HttpRequest, plan: Actieplan, resultaat: ImportResultaat) -> HttpResponse:
    token = ""
    if resultaat.is_geldig and resultaat.gewijzigd:
        token = secrets.token_urlsafe(16)
        request.session[_sessiesleutel(plan)] = {"token": token, **resultaat.naar_sessie()}
    else:
        request.session.pop(_sessiesleutel(plan), None)
    heropent = plan.status in IN_INSTEMMING_OF_LATER and any(
        w.veld in ("eigenaar", "einddatum") for rij in resultaat.gewijzigd for w in rij.wijzigingen
    )
    return render(
        request,
        "actieplannen/importeren_voorvertoning.html",
        {
            "plan": plan,
            "netwerk": plan.netwerk,
            "resultaat": resultaat,
            "token": token,
            "heropent_instemming": heropent,
            "form": ImportForm(),
        },
    )


def _bevestig(request: HttpRequest, plan: Actieplan) -> HttpResponse:
    opgeslagen = request.session.get(_sessiesleutel(plan))
    if not opgeslagen or not secrets.compare_digest(opgeslagen["token"], request.POST["token"]):
        messages.error(
            request,
            "Deze voorvertoning is niet meer geldig (al doorgevoerd, of vervangen door een nieuwere). "
            "Upload het bestand opnieuw.",
        )
        return redirect("actieplannen:importeer", slug=plan.netwerk.slug)
    del request.session[_sessiesleutel(plan)]
    try:
        aantal = pas_import_toe(plan, ImportResultaat.uit_sessie(opgeslagen), gebruiker=request.user)
    except Bewerkingsconflict as conflict:
        return render(
            request,
            "actieplannen/importeren.html",
            {"plan": plan, "netwerk": plan.netwerk, "form": ImportForm(), "conflict": conflict},
            status=409,
        )
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return redirect("actieplannen:importeer", slug=plan.netwerk.slug)
    messages.success(request, f"{aantal} actie{'s' if aantal != 1 else ''} bijgewerkt uit het Excel-bestand.")
    return redirect(plan.get_absolute_url())
