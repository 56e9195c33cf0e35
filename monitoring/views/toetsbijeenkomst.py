"""The toetsbijeenkomst screen (§5 Monitoring, issue 6 item 4): overlapping actions across all plans,
grouped and explained, and the one-step proposal of a group for the national action plan.

Project team only: it reads every network (TLP:RED only where named) and maintains the national
picture; stuurgroep/CVI users see no individual actions (§4), so they get 403 like everyone else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from actieplannen.models import Verbeteractie
from continuiteit.conflict import Bewerkingsconflict

from .. import services
from ..forms import ToetsbijeenkomstFilterForm, VoorstelForm
from ..toetsbijeenkomst import UITLEG, acties_voor_toetsbijeenkomst, groepeer, voorstel
from .beheer import met_eigen_403

if TYPE_CHECKING:
    from django.http import HttpRequest

    from netwerken.models import Gebruiker

GROEPEN_PER_PAGINA = 20
_GROEPSLEUTEL = re.compile(r"^g\d{1,10}$")


def eis_projectteam(user: Gebruiker) -> None:
    if not user.is_projectteam:
        raise PermissionDenied("De toetsbijeenkomst is alleen voor het projectteam.")


@login_required
@met_eigen_403
@require_GET
def toetsbijeenkomst(request: HttpRequest) -> HttpResponse:
    """The groups of overlapping actions, 20 groups a page.

    Queries: session, user, project-team group, global permissions (user, group) for the visible
    networks, sectors and themes (filter choices), the actions with network, theme, agenda item
    and national action (one query). Grouping runs in Python.
    """
    eis_projectteam(request.user)
    filters = ToetsbijeenkomstFilterForm(request.GET or None)
    keuze: dict[str, Any] = {}
    if filters.is_valid():
        keuze = {
            "sector": filters.cleaned_data["sector"],
            "thema": filters.cleaned_data["thema"],
            "ook_afgesloten": filters.cleaned_data["ook_afgesloten"],
        }
    acties = list(acties_voor_toetsbijeenkomst(request.user, **keuze))
    groepen = groepeer(acties)
    pagina = Paginator(groepen, GROEPEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    vandaag = timezone.localdate()
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    # Each group of this page with its proposal form (prefilled; the project team may edit it).
    regels = []
    for groep in pagina.object_list:
        titel, omschrijving = voorstel(groep, vandaag)
        form = VoorstelForm(
            prefix=groep.sleutel,
            initial={
                "acties": ",".join(f"{a.pk}:{a.revisie}" for a in groep.acties),
                "titel": titel,
                "omschrijving": omschrijving,
            },
        )
        regels.append((groep, form))
    return render(
        request,
        "monitoring/toetsbijeenkomst.html",
        {
            "filters": filters,
            "gefilterd": bool(keuze) and any(keuze.values()),
            "pagina": pagina,
            "regels": regels,
            "querystring": zonder_pagina.urlencode(),
            "filterwaarden": request.GET.urlencode(),  # back to this page after a proposal
            "uitleg": UITLEG,
            "aantal_acties": len(acties),
            "aantal_groepen": len(groepen),
            "aantal_netwerken": len({n.pk for g in groepen for n in g.netwerken}),
            "al_voorgesteld": sum(1 for g in groepen if g.landelijke_acties),
        },
    )


def _terug(request: HttpRequest, groep: str = "") -> HttpResponse:
    """Back to the page with the filters the user had (re-encoded, so nothing foreign gets in)."""
    filters = QueryDict(request.POST.get("filters", "")[:500])
    bewaard = QueryDict(mutable=True)
    for naam in ("sector", "thema", "ook_afgesloten", "pagina"):
        if naam in filters:
            bewaard[naam] = filters[naam][:50]
    url = reverse("monitoring:toetsbijeenkomst")
    if bewaard:
        url += "?" + bewaard.urlencode()
    return redirect(url + (f"#{groep}" if groep else ""))


@login_required
@met_eigen_403
@require_POST
def toetsbijeenkomst_voorstel(request: HttpRequest) -> HttpResponse:
    """Turn one group into an action of the national plan and link the group's actions to it."""
    eis_projectteam(request.user)
    groep = request.POST.get("groep", "")
    if not _GROEPSLEUTEL.match(groep):
        messages.error(request, "De groep is niet goed doorgegeven; laad de pagina opnieuw.")
        return _terug(request)
    form = VoorstelForm(request.POST, prefix=groep)
    if not form.is_valid():
        for teksten in form.errors.values():
            for tekst in teksten:
                messages.error(request, tekst)
        return _terug(request, groep)
    revisies = form.cleaned_data["acties"]
    # The same visibility as the page: an action the user cannot see is "not found" (§4).
    acties = list(Verbeteractie.objects.visible_to(request.user).filter(pk__in=revisies))
    if len(acties) != len(revisies):
        raise Http404("Actie niet gevonden.")
    try:
        uitkomst = services.stel_landelijke_actie_voor(
            acties,
            revisies=revisies,
            titel=form.cleaned_data["titel"],
            omschrijving=form.cleaned_data["omschrijving"],
            actor=request.user,
        )
    except Bewerkingsconflict as fout:
        messages.error(request, f"{fout} Er is niets voorgesteld; bekijk de groep hieronder opnieuw.")
        return _terug(request, groep)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return _terug(request, groep)
    landelijk = uitkomst.landelijke_actie
    n = len(uitkomst.gekoppeld)
    acties_tekst = f"{n} regionale actie{'s' if n != 1 else ''}"
    if uitkomst.nieuw:
        messages.success(
            request,
            f"Voorgesteld voor het nationale actieplan: de landelijke actie „{landelijk.titel}” is "
            f"aangemaakt en {acties_tekst} {'zijn' if n != 1 else 'is'} eraan gekoppeld (landelijk oppakken).",
        )
        if uitkomst.plan_heropend:
            messages.warning(
                request,
                "Het nationale actieplan was al ingediend: deze nieuwe actie is een wezenlijke wijziging "
                "en heeft de instemming heropend.",
            )
    elif n:
        messages.success(
            request,
            f"Deze groep was al voorgesteld als „{landelijk.titel}”; nu {'zijn' if n != 1 else 'is'} ook "
            f"{acties_tekst} eraan gekoppeld.",
        )
    else:
        messages.info(
            request, f"Deze groep was al voorgesteld als „{landelijk.titel}”; er is niets gewijzigd."
        )
    return _terug(request, groep)
