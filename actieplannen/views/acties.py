"""Improvement actions (§5 Actieplan): the action page with milestones, progress timeline and
history; the full form (new and edit); inline editing of a row of the plan page with htmx.

Every view fetches the action through `get_actie_for_user` (404 for outsiders and for TLP:RED
actions the user is not named on; 403 without `change_netwerk`). Edits carry the revision they
started from: a save on top of someone else's save answers 409 with what changed, keeping the
user's input (§8 no lost update).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import Truncator
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bijeenkomsten.models import Besluit
from continuiteit.conflict import Bewerkingsconflict
from continuiteit.historie import Bron, wijzigingen
from netwerken.permissions import rechten_op

from .. import services
from ..access import BEWERKEN, get_actie_for_user, get_actieplan_for_user
from ..forms import ActieForm, InlineActieForm, MijlpaalForm, VoortgangForm
from ..models import TLP, Mijlpaal, Verbeteractie
from .helpers import CONFLICT, ONGELDIG, is_htmx, met_revisie, voeg_fouten_toe
from .plan import ACTIE_HISTORIEVELDEN, PARTIJEN

if TYPE_CHECKING:
    from django.http import HttpRequest


def _planpagina(actie: Verbeteractie) -> str:
    return f"{actie.actieplan.get_absolute_url()}#actie-{actie.pk}"


# --- The action page ------------------------------------------------------------------------------


def _historie(actie: Verbeteractie) -> list:
    return wijzigingen(
        [
            Bron(
                Verbeteractie.history.filter(id=actie.pk), lambda naam: "Actie", velden=ACTIE_HISTORIEVELDEN
            ),
            Bron(
                Mijlpaal.history.filter(actie_id=actie.pk),
                lambda naam: f"Mijlpaal „{naam('omschrijving')}”",
                velden=("datum", "omschrijving", "gereed"),
            ),
            # Decisions of meetings that created or updated the action (one query; meeting titles
            # in the labels query). The action's own row beside it shows the fields they changed.
            Bron(
                Besluit.history.filter(verbeteractie_id=actie.pk),
                lambda naam: (
                    f"Besluit {naam('volgnummer')} van de bijeenkomst „{naam('bijeenkomst')}” "
                    f"(„{Truncator(naam('tekst')).chars(120)}”)"
                ),
                velden=("bijeenkomst", "volgnummer", "tekst", "gevolg", "wijziging"),
            ),
        ],
        # Loaded with the action (`get_actie_for_user`): most rows name these, at no query.
        bekend=(actie.thema, actie.afspraak, actie.organisatie, actie.eigenaar),
    )


def _detail(
    request: HttpRequest,
    actie: Verbeteractie,
    *,
    voortgang_form: VoortgangForm | None = None,
    mijlpaal_form: MijlpaalForm | None = None,
    conflict: Bewerkingsconflict | None = None,
    status: int = 200,
) -> HttpResponse:
    """The action page; the write views re-render it with their bound form after a refusal."""
    mag_bewerken = BEWERKEN in rechten_op(request.user, actie.actieplan.netwerk)
    landelijke_actie = None
    if actie.landelijke_actie_id:
        landelijke_actie = (
            Verbeteractie.objects.visible_to(request.user)
            .select_related("actieplan__netwerk")
            .filter(pk=actie.landelijke_actie_id)
            .first()
        )
    regionale_acties = []
    if actie.actieplan.landelijk:
        regionale_acties = list(
            Verbeteractie.objects.visible_to(request.user)
            .filter(landelijke_actie=actie)
            .select_related("actieplan__netwerk")
            .order_by("actieplan__netwerk__naam", "titel")
        )
    if mag_bewerken and voortgang_form is None:
        voortgang_form = VoortgangForm(
            initial={"status": actie.status, "voortgang": actie.voortgang, "revisie": actie.revisie}
        )
    if mag_bewerken and mijlpaal_form is None:
        mijlpaal_form = MijlpaalForm()
    context = {
        "actie": actie,
        "plan": actie.actieplan,
        "netwerk": actie.actieplan.netwerk,
        "mag_bewerken": mag_bewerken,
        "mijlpalen": list(actie.mijlpalen.all()),
        "updates": list(actie.updates.select_related("door")),
        "ontvangers": list(actie.tlp_ontvangers.order_by("naam")) if actie.tlp == TLP.RED else [],
        "aandelen": [(label, getattr(actie, veld)) for veld, label in PARTIJEN.items()],
        "landelijke_actie": landelijke_actie,
        "regionale_acties": regionale_acties,
        "historie": _historie(actie),
        "voortgang_form": voortgang_form,
        "mijlpaal_form": mijlpaal_form,
        "conflict": conflict,
    }
    return render(request, "actieplannen/actie_detail.html", context, status=status)


@login_required
@require_GET
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _detail(request, get_actie_for_user(request.user, slug, pk))


# --- Full form ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest, slug: str) -> HttpResponse:
    plan = get_actieplan_for_user(request.user, slug, perm=BEWERKEN)
    initial: dict[str, Any] = {"organisatie": request.user.organisatie_id}
    if request.GET.get("thema"):
        initial["thema"] = request.GET["thema"]
    form = ActieForm(
        request.POST or None,
        plan=plan,
        gebruiker=request.user,
        nieuw=True,
        initial=initial,
        instance=Verbeteractie(actieplan=plan),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actie = services.voeg_actie_toe(plan, actor=request.user, **form.servicevelden())
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"De actie „{actie.titel}” is toegevoegd.")
            return redirect(actie)
    return render(
        request,
        "actieplannen/actie_form.html",
        {"plan": plan, "netwerk": plan.netwerk, "form": form, "actie": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
    plan = actie.actieplan
    form = ActieForm(request.POST or None, plan=plan, gebruiker=request.user, instance=actie)
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            actie = services.wijzig_actie(
                actie, revisie=form.cleaned_data["revisie"], actor=request.user, **form.servicevelden()
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
            form = ActieForm(
                met_revisie(request.POST, actie.revisie), plan=plan, gebruiker=request.user, instance=actie
            )
            form.is_valid()  # show the user's input as entered, with any errors of its own
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"De actie „{actie.titel}” is opgeslagen.")
            _meld_heropend(request, plan.versie, actie)
            return redirect(actie)
    return render(
        request,
        "actieplannen/actie_form.html",
        {"plan": plan, "netwerk": plan.netwerk, "form": form, "actie": actie, "conflict": conflict},
        status=status,
    )


def _meld_heropend(request: HttpRequest, versie_voor: int, actie: Verbeteractie) -> bool:
    """Say so when the change was material and reopened consent (§3); True if it did."""
    plan = actie.actieplan
    plan.refresh_from_db(fields=["versie", "heropend_om", "status"])
    if plan.versie == versie_voor:
        return False
    messages.warning(
        request,
        f"Dit was een wezenlijke wijziging: versie {plan.versie} van het plan ligt opnieuw ter instemming. "
        f"{plan.heropend_om}",
    )
    return True


@login_required
@require_POST
def verwijderen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
    plan = actie.actieplan
    versie_voor = plan.versie
    revisie = request.POST.get("revisie", "")
    if not revisie.isdigit():
        messages.error(request, "De versie van het formulier ontbreekt; laad de pagina opnieuw.")
        return redirect(actie)
    try:
        services.verwijder_actie(actie, revisie=int(revisie), actor=request.user)
    except Bewerkingsconflict as fout:
        messages.error(request, str(fout))
        return redirect(actie)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return redirect(actie)
    messages.success(request, f"De actie „{actie.titel}” is verwijderd.")
    plan.refresh_from_db(fields=["versie", "heropend_om", "status"])
    if plan.versie != versie_voor:
        messages.warning(
            request, f"Versie {plan.versie} van het plan ligt opnieuw ter instemming. {plan.heropend_om}"
        )
    return redirect(plan)


# --- Progress and milestones ----------------------------------------------------------------------


@login_required
@require_POST
def voortgang(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A progress entry (status, percentage, note, date) on the action's timeline."""
    actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
    form = VoortgangForm(request.POST)
    if not form.is_valid():
        return _detail(request, actie, voortgang_form=form, status=ONGELDIG)
    data = dict(form.cleaned_data)
    try:
        services.registreer_voortgang(actie, actor=request.user, **data)
    except Bewerkingsconflict as fout:
        actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
        form = VoortgangForm(met_revisie(request.POST, actie.revisie))
        form.is_valid()
        return _detail(request, actie, voortgang_form=form, conflict=fout, status=CONFLICT)
    except ValidationError as fout:
        voeg_fouten_toe(form, fout)
        return _detail(request, actie, voortgang_form=form, status=ONGELDIG)
    messages.success(request, f"De voortgang is vastgelegd: {data['voortgang']}%.")
    return redirect(f"{actie.get_absolute_url()}#voortgang")


@login_required
@require_POST
def mijlpaal(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
    form = MijlpaalForm(request.POST)
    if form.is_valid():
        try:
            nieuwe = services.voeg_mijlpaal_toe(actie, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"De mijlpaal „{nieuwe.omschrijving}” is toegevoegd.")
            return redirect(f"{actie.get_absolute_url()}#mijlpalen")
    return _detail(request, actie, mijlpaal_form=form, status=ONGELDIG)


@login_required
@require_POST
def mijlpaal_gereed(request: HttpRequest, slug: str, pk: int, mijlpaal: int) -> HttpResponse:
    """Mark a milestone done or not done (an explicit value, so a double click does no harm)."""
    actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
    gevonden = get_object_or_404(actie.mijlpalen, pk=mijlpaal)
    gereed = request.POST.get("gereed") == "1"
    services.zet_mijlpaal(gevonden, gereed=gereed, actor=request.user)
    messages.success(
        request, f"De mijlpaal „{gevonden.omschrijving}” is {'gereed' if gereed else 'weer open'}."
    )
    return redirect(f"{actie.get_absolute_url()}#mijlpalen")


# --- Inline editing on the plan page --------------------------------------------------------------


def _rij(request: HttpRequest, actie: Verbeteractie, **extra: Any) -> HttpResponse:
    """The read-only row of an action on the plan page (a <tbody> of its own)."""
    context = {"actie": actie, "netwerk": actie.actieplan.netwerk, "mag_bewerken": True, **extra}
    return render(request, "actieplannen/_actie_rij.html", context)


def _bewerkrij(
    request: HttpRequest,
    actie: Verbeteractie,
    form: InlineActieForm,
    *,
    conflict: Bewerkingsconflict | None = None,
    status: int = 200,
) -> HttpResponse:
    """The row as a small form; without htmx the same form on a page of its own."""
    if form.is_bound:
        form.focus_op_fout()
    context = {"actie": actie, "netwerk": actie.actieplan.netwerk, "form": form, "conflict": conflict}
    sjabloon = "actieplannen/_actie_rij_bewerken.html" if is_htmx(request) else "actieplannen/actie_snel.html"
    return render(request, sjabloon, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def inline(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: the row's edit form (`?annuleer` gives the read-only row back); POST: save it.

    With htmx the answer is the row (200), the form with the errors (422) or the form with
    the conflict (409); a plain POST redirects to the plan.
    """
    actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
    if request.method == "GET":
        if "annuleer" in request.GET:
            return _rij(request, actie)
        return _bewerkrij(request, actie, InlineActieForm(actie=actie))
    form = InlineActieForm(request.POST, actie=actie)
    if not form.is_valid():
        return _bewerkrij(request, actie, form, status=ONGELDIG)
    velden = dict(form.cleaned_data)
    revisie = velden.pop("revisie")
    versie_voor = actie.actieplan.versie
    try:
        services.wijzig_actie(actie, revisie=revisie, actor=request.user, **velden)
    except Bewerkingsconflict as fout:
        actie = get_actie_for_user(request.user, slug, pk, perm=BEWERKEN)
        form = InlineActieForm(met_revisie(request.POST, actie.revisie), actie=actie)
        form.is_valid()
        return _bewerkrij(request, actie, form, conflict=fout, status=CONFLICT)
    except ValidationError as fout:
        voeg_fouten_toe(form, fout)
        return _bewerkrij(request, actie, form, status=ONGELDIG)
    actie = get_actie_for_user(request.user, slug, pk)
    heropend = _meld_heropend(request, versie_voor, actie)
    if not is_htmx(request):
        messages.success(request, f"De actie „{actie.titel}” is opgeslagen.")
        return redirect(_planpagina(actie))
    response = _rij(request, actie, opgeslagen=True)
    if heropend:
        # Consent reopened: the status and the consent panel change too, so reload the page.
        response["HX-Refresh"] = "true"
    return response
