"""The action plan page (§5 Actieplan): actions by theme with filters and inline editing, financing
totals, the consent panel; submitting, consenting, the plan's own fields and its history.

Every view fetches the plan through `get_actieplan_for_user` and its actions through
`Verbeteractie.objects.visible_to` (TLP:RED only for named recipients); writes go through
`actieplannen.services`, whose Dutch refusals are shown as messages or form errors.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agenda.models import Thema
from continuiteit.conflict import Bewerkingsconflict
from continuiteit.historie import Bron, wijzigingen
from netwerken.permissions import rechten_op

from .. import services
from ..access import BEHEREN, BEWERKEN, get_actieplan_for_user
from ..forms import InstemmingForm, PlanFilterForm, PlanForm
from ..models import TLP, Actieplan, Instemming, Mijlpaal, Verbeteractie
from .helpers import CONFLICT, met_revisie, voeg_fouten_toe

if TYPE_CHECKING:
    from django.http import HttpRequest

    from netwerken.models import Gebruiker

PARTIJEN = {
    "aandeel_bedrijf": "Bedrijven",
    "aandeel_regio": "Veiligheidsregio's",
    "aandeel_ministerie": "Ministeries",
    "aandeel_overig": "Overig",
}
ACTIE_HISTORIEVELDEN = (
    "titel",
    "omschrijving",
    "thema",
    "afspraak",
    "organisatie",
    "eigenaar",
    "startdatum",
    "einddatum",
    "status",
    "voortgang",
    "tlp",
    "uit_bestaande_capaciteit",
    "kostenraming",
    "aandeel_bedrijf",
    "aandeel_regio",
    "aandeel_ministerie",
    "aandeel_overig",
    "landelijk_oppakken",
)


def _gefilterd(acties: list[Verbeteractie], form: PlanFilterForm, user: Gebruiker) -> list[Verbeteractie]:
    """The filters of the plan page, applied to the already loaded actions (no extra query)."""
    if not form.is_valid():
        return acties
    data = form.cleaned_data
    vandaag = timezone.localdate()
    if data["mijn"]:
        acties = [a for a in acties if a.organisatie_id and a.organisatie_id == user.organisatie_id]
    if data["te_laat"]:
        acties = [a for a in acties if a.is_te_laat(vandaag)]
    if data["status"]:
        acties = [a for a in acties if a.status == data["status"]]
    if data["thema"]:
        acties = [a for a in acties if a.thema.nummer == data["thema"]]
    return acties


def _per_thema(acties: list[Verbeteractie]) -> list[tuple[Thema, list[Verbeteractie]]]:
    groepen: dict[int, tuple[Thema, list[Verbeteractie]]] = {}
    for actie in acties:
        groepen.setdefault(actie.thema_id, (actie.thema, []))[1].append(actie)
    return sorted(groepen.values(), key=lambda groep: groep[0].nummer)


def _kerncijfers(acties: list[Verbeteractie]) -> dict[str, Any]:
    vandaag = timezone.localdate()
    statussen = Counter(a.status for a in acties)
    return {
        "aantal": len(acties),
        "te_laat": sum(a.is_te_laat(vandaag) for a in acties),
        "gereed": statussen[Verbeteractie.Status.GEREED],
        "gemiddelde_voortgang": round(sum(a.voortgang for a in acties) / len(acties)) if acties else 0,
    }


def _financiering(acties: list[Verbeteractie]) -> dict[str, Any]:
    totalen = services.financiering(acties)
    return {
        "per_partij": [(label, totalen["per_partij"][veld]) for veld, label in PARTIJEN.items()],
        "per_thema": list(totalen["per_thema"].items()),
        "totaal": totalen["totaal"],
        "uit_bestaande_capaciteit": totalen["uit_bestaande_capaciteit"],
    }


def _instemmingen(plan: Actieplan, user: Gebruiker, is_coordinator: bool) -> dict[str, Any]:
    """The consent panel: per participating organisation its decision on the current version,
    and the organisations this user may still speak for (two queries)."""
    stand = services.instemmingsstand(plan) if plan.versie else []
    open_voor_mij = []
    if plan.status == Actieplan.Status.TER_INSTEMMING:
        open_voor_mij = [
            regel["deelname"].organisatie
            for regel in stand
            if regel["instemming"] is None
            and (is_coordinator or regel["deelname"].contactpersoon_id == user.pk)
        ]
    return {
        "stand": stand,
        "ingestemd": sum(
            1 for r in stand if r["instemming"] and r["instemming"].besluit == Instemming.Besluit.INSTEMMING
        ),
        "open_voor_mij": open_voor_mij,
    }


@login_required
@require_GET
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    actieplan = get_actieplan_for_user(request.user, slug)
    netwerk = actieplan.netwerk
    mijn_rechten = rechten_op(request.user, netwerk)
    themas = list(Thema.objects.order_by("nummer"))
    filters = PlanFilterForm(request.GET or None, themas=themas)
    alle = list(
        Verbeteractie.objects.visible_to(request.user)
        .filter(actieplan=actieplan)
        .for_plan()
        .order_by("thema__nummer", "einddatum", "pk")
    )
    getoond = _gefilterd(alle, filters, request.user)
    is_coordinator = BEHEREN in mijn_rechten
    instemmingen = _instemmingen(actieplan, request.user, is_coordinator)
    context = {
        "plan": actieplan,
        "netwerk": netwerk,
        "filters": filters,
        "gefilterd": filters.is_valid() and any(filters.cleaned_data.values()),
        "groepen": _per_thema(getoond),
        "aantal_getoond": len(getoond),
        "kerncijfers": _kerncijfers(alle),
        "financiering": _financiering(alle),
        "mag_bewerken": BEWERKEN in mijn_rechten,
        "mag_indienen": is_coordinator and actieplan.status == Actieplan.Status.CONCEPT,
        "instemmingen": instemmingen,
        "instemming_form": InstemmingForm(plan=actieplan) if instemmingen["open_voor_mij"] else None,
        "vandaag": timezone.localdate(),
    }
    return render(request, "actieplannen/plan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request: HttpRequest, slug: str) -> HttpResponse:
    """The plan's title, explanation and TLP label, with the revision it started from."""
    actieplan = get_actieplan_for_user(request.user, slug, perm=BEWERKEN)
    initial = {
        "titel": actieplan.titel,
        "toelichting": actieplan.toelichting,
        "tlp": actieplan.tlp,
        "revisie": actieplan.revisie,
    }
    form = PlanForm(request.POST or None, initial=initial)
    conflict, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            revisie = data.pop("revisie")
            try:
                services.wijzig_plan(actieplan, revisie=revisie, actor=request.user, **data)
            except Bewerkingsconflict as fout:
                conflict, status = fout, CONFLICT
                actieplan.refresh_from_db()
                form = PlanForm(met_revisie(request.POST, actieplan.revisie), initial=initial)
            except ValidationError as fout:
                voeg_fouten_toe(form, fout)
            else:
                messages.success(request, "Het actieplan is opgeslagen.")
                return redirect(actieplan)
    return render(
        request,
        "actieplannen/plan_form.html",
        {"plan": actieplan, "netwerk": actieplan.netwerk, "form": form, "conflict": conflict},
        status=status,
    )


@login_required
@require_POST
def indienen(request: HttpRequest, slug: str) -> HttpResponse:
    """The coordinator submits the plan for consent; the service says why it cannot be done."""
    actieplan = get_actieplan_for_user(request.user, slug, perm=BEHEREN)
    try:
        actieplan = services.dien_in(actieplan, actor=request.user)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(
            request,
            f"Versie {actieplan.versie} van het actieplan ligt ter instemming bij de deelnemende organisaties.",
        )
    return redirect(actieplan)


@login_required
@require_POST
def instemming(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation consents or objects; only its contact, or a coordinator on its behalf."""
    actieplan = get_actieplan_for_user(request.user, slug, perm=BEWERKEN)
    form = InstemmingForm(request.POST, plan=actieplan)
    if not form.is_valid():
        for veld, fouten in form.errors.items():
            label = form.fields[veld].label if veld in form.fields else ""
            for fout in fouten:
                messages.error(request, f"{label}: {fout}" if label else fout)
        return redirect(f"{actieplan.get_absolute_url()}#instemming")
    try:
        besluit = services.spreek_uit(actieplan, actor=request.user, **form.cleaned_data)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        namens = " (vastgelegd door de coördinator namens de organisatie)" if besluit.namens else ""
        messages.success(
            request,
            f"{besluit.organisatie} {besluit.get_besluit_display()} met versie {besluit.versie}{namens}.",
        )
        actieplan.refresh_from_db()
        if actieplan.status == Actieplan.Status.VASTGESTELD:
            messages.success(
                request, "Alle deelnemende organisaties stemden in: het actieplan is vastgesteld."
            )
    return redirect(f"{actieplan.get_absolute_url()}#instemming")


def plan_historie(actieplan: Actieplan, user: Gebruiker, limiet: int = 100) -> list:
    """Changes to the plan, its actions and milestones and the consents (who, when, what).

    Actions the user may not see (TLP:RED for others) stay out, also once they are deleted.
    """
    zichtbaar = Verbeteractie.objects.visible_to(user).filter(actieplan=actieplan).values("pk")
    bestaand = Verbeteractie.objects.filter(actieplan=actieplan).values("pk")
    acties = Verbeteractie.history.filter(actieplan_id=actieplan.pk).filter(
        Q(id__in=zichtbaar) | (~Q(id__in=bestaand) & ~Q(tlp=TLP.RED))
    )
    return wijzigingen(
        [
            Bron(
                Actieplan.history.filter(id=actieplan.pk),
                lambda naam: "Actieplan",
                velden=("titel", "toelichting", "tlp", "status", "versie", "heropend_om"),
            ),
            Bron(acties, lambda naam: f"Actie „{naam('titel')}”", velden=ACTIE_HISTORIEVELDEN),
            Bron(
                Mijlpaal.history.filter(actie_id__in=zichtbaar),
                lambda naam: f"Mijlpaal „{naam('omschrijving')}” van actie „{naam('actie')}”",
                velden=("actie", "datum", "omschrijving", "gereed"),
            ),
            Bron(
                Instemming.history.filter(actieplan_id=actieplan.pk),
                lambda naam: f"Besluit „{naam('besluit')}” van {naam('organisatie')} over versie {naam('versie')}",
                velden=("organisatie", "versie", "besluit", "reden", "namens"),
            ),
        ],
        limiet=limiet,
    )


@login_required
@require_GET
def historie(request: HttpRequest, slug: str) -> HttpResponse:
    actieplan = get_actieplan_for_user(request.user, slug)
    return render(
        request,
        "actieplannen/plan_historie.html",
        {
            "plan": actieplan,
            "netwerk": actieplan.netwerk,
            "historie": plan_historie(actieplan, request.user),
        },
    )
