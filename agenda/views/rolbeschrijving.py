"""Role description screens (§5 Rolbeschrijving): versions, consultation, adoption and signatures.

Every view fetches the version through `get_rolbeschrijving_for_user` (or `visible_to`): 404 when the
user may not see it, 403 for a write by anyone but the project team. Only `reageren` is open to
users of invited organisations; `services.plaats_reactie` refuses everybody else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Prefetch, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from netwerken.models import Organisatie

from .. import services
from ..access import eis_redacteur, get_rolbeschrijving_for_user
from ..forms_rol import (
    SOORT_VOLGORDE,
    AntwoordForm,
    OndertekeningForm,
    ReactieForm,
    RolBesluitForm,
    SectieForm,
    StatusForm,
    UitnodigenForm,
    VergelijkForm,
    controlewaarde,
    organen_zonder_besluit,
)
from ..models import Consultatiereactie, Orgaan, Rolbeschrijving, RolSectie
from ..querysets import is_redacteur
from ..vergelijken import vergelijk_rolbeschrijvingen

if TYPE_CHECKING:
    from django.forms import Form
    from django.http import HttpRequest

Status = Rolbeschrijving.Status

# Organisations can be invited while the text is a concept or in consultation (services rule).
UITNODIGEN_IN = (Status.CONCEPT, Status.CONSULTATIE)

KNOP_VOLGENDE_STAP = {
    Status.CONCEPT: "Maak er een concept van",
    Status.CONSULTATIE: "Start de consultatie",
    Status.DEFINITIEF: "Maak de tekst definitief",
    Status.VASTGESTELD: "Stel de rolbeschrijving vast",
}
MELDING_VOLGENDE_STAP = {
    Status.CONCEPT: "Versie {v} is nu een concept.",
    Status.CONSULTATIE: "De consultatie over versie {v} is gestart. De uitgenodigde organisaties kunnen nu reageren.",
    Status.DEFINITIEF: "Versie {v} is definitief. Leg nu de besluiten van de vaststellende organen vast.",
    Status.VASTGESTELD: (
        "Versie {v} is vastgesteld en is nu de huidige rolbeschrijving. "
        "Leg hieronder de ondertekeningen door de veiligheidsregio's vast."
    ),
}


def _fouten(request: HttpRequest, fout: ValidationError) -> None:
    for tekst in fout.messages:
        messages.error(request, tekst)


def _formfouten(request: HttpRequest, form: Form) -> None:
    """The errors of a form posted from the version page, as messages (the page has no bound form)."""
    for veld, fouten in form.errors.items():
        label = form.fields[veld].label if veld in form.fields else None
        for fout in fouten:
            messages.error(request, f"{label}: {fout}" if label else fout)


def _naar_sectie(rol: Rolbeschrijving, sectie_pk: int) -> HttpResponse:
    return redirect(f"{rol.get_absolute_url()}#sectie-{sectie_pk}")


# --- Reading --------------------------------------------------------------------------------------


def _stappen(rol: Rolbeschrijving) -> list[dict]:
    """The lifecycle as steps: done, current or still to come."""
    huidige = Status.values.index(rol.status)
    return [
        {
            "waarde": waarde,
            "label": label,
            "stand": "gedaan" if i < huidige else "huidig" if i == huidige else "komt",
        }
        for i, (waarde, label) in enumerate(Status.choices)
    ]


def _toon(request: HttpRequest, rol: Rolbeschrijving) -> HttpResponse:
    """The page of one version. Queries do not depend on the number of sections, comments or signatures.

    Besides session, user and permissions: a newer visible version, the sections with their themes,
    their comments (with organisation and author), the decisions, the invited organisations and, once
    adopted, the signatures and the regions (see tests/agenda/test_rol_querycount.py).
    """
    user = request.user
    redacteur = is_redacteur(user)
    nieuwere = (
        Rolbeschrijving.objects.visible_to(user).filter(versie__gt=rol.versie).order_by("-versie").first()
    )
    secties = list(
        rol.secties.select_related("thema").prefetch_related(
            Prefetch(
                "reacties",
                queryset=Consultatiereactie.objects.select_related(
                    "organisatie", "auteur", "beantwoord_door"
                ),
            )
        )
    )
    vaststellingen = list(rol.vaststellingen.all())
    uitgenodigd: list[Organisatie] = []
    if rol.status != Status.VERKENNING:
        uitgenodigd = list(
            rol.uitgenodigd.annotate(
                soortvolgorde=Case(
                    *(When(soort=soort, then=Value(i)) for i, soort in enumerate(SOORT_VOLGORDE)),
                    output_field=IntegerField(),
                )
            ).order_by("soortvolgorde", "vr_nummer", "naam")
        )
    in_consultatie = rol.status == Status.CONSULTATIE
    mag_reageren = in_consultatie and any(o.pk == user.organisatie_id for o in uitgenodigd)

    reacties = []
    for sectie in secties:
        sectie.lijst_reacties = list(sectie.reacties.all())
        if mag_reageren:
            sectie.reactie_form = ReactieForm(auto_id=f"reactie-{sectie.pk}-%s")
        for reactie in sectie.lijst_reacties:
            if redacteur and in_consultatie:
                reactie.antwoord_form = AntwoordForm(
                    initial={"antwoord": reactie.antwoord, "motivering": reactie.motivering},
                    auto_id=f"antwoord-{reactie.pk}-%s",
                )
        reacties.extend(sectie.lijst_reacties)

    per_orgaan = {v.orgaan: v for v in vaststellingen}
    context = {
        "rol": rol,
        "nieuwere": nieuwere,
        "is_redacteur": redacteur,
        "stappen": _stappen(rol),
        "secties": secties,
        "reacties": reacties,
        "open_reacties": sum(1 for r in reacties if not r.antwoord),
        "uitgenodigd": uitgenodigd,
        "mag_reageren": mag_reageren,
        "kan_uitnodigen": redacteur and rol.status in UITNODIGEN_IN,
        "besluiten": [(orgaan, per_orgaan.get(orgaan)) for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN],
        "zonder_positief_besluit": [
            orgaan.label
            for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN
            if orgaan not in per_orgaan or not per_orgaan[orgaan].is_positief
        ],
    }
    if redacteur and rol.volgende_status:
        context["volgende"] = {
            "status": rol.volgende_status,
            "label": Status(rol.volgende_status).label,
            "knop": KNOP_VOLGENDE_STAP[rol.volgende_status],
        }
    if redacteur and rol.status in (Status.DEFINITIEF, Status.VASTGESTELD):
        open_organen = organen_zonder_besluit(vaststellingen)
        if open_organen:
            context["besluit_form"] = RolBesluitForm(open_organen=open_organen, auto_id="besluit-%s")
    if rol.status == Status.VASTGESTELD:
        stand = services.ondertekenstand(rol)
        context["stand"] = stand
        if redacteur and stand["ontbrekend"]:
            context["ondertekening_form"] = OndertekeningForm(
                rol=rol, ontbrekend=stand["ontbrekend"], auto_id="ondertekening-%s"
            )
    return render(request, "agenda/rol_versie.html", context)


@login_required
@require_safe
def huidig(request: HttpRequest) -> HttpResponse:
    """The current adopted version; the project team sees the newest version while none is adopted."""
    zichtbaar = Rolbeschrijving.objects.visible_to(request.user)
    rol = zichtbaar.filter(huidig=True).first()
    if rol is None and is_redacteur(request.user):
        rol = zichtbaar.order_by("-versie").first()
    if rol is None:
        return render(request, "agenda/rol_leeg.html", {"is_redacteur": is_redacteur(request.user)})
    return _toon(request, rol)


@login_required
@require_safe
def versie(request: HttpRequest, versie: int) -> HttpResponse:
    return _toon(request, get_rolbeschrijving_for_user(request.user, versie))


@login_required
@require_safe
def versies(request: HttpRequest) -> HttpResponse:
    """Every version this user may see, newest first, with its comment and signature counts."""
    lijst = list(
        Rolbeschrijving.objects.visible_to(request.user)
        .select_related("gebaseerd_op")
        .annotate(
            aantal_reacties=Count("secties__reacties", distinct=True),
            aantal_ondertekeningen=Count("ondertekeningen", distinct=True),
        )
        .order_by("-versie")
    )
    redacteur = is_redacteur(request.user)
    return render(
        request,
        "agenda/rol_versies.html",
        {
            "versies": lijst,
            "is_redacteur": redacteur,
            "open_versie": next((r for r in lijst if r.status != Status.VASTGESTELD), None),
        },
    )


@login_required
@require_safe
def vergelijk(request: HttpRequest) -> HttpResponse:
    """Two versions section by section (`?van=&met=`); by default the current adopted one and the newest."""
    lijst = list(Rolbeschrijving.objects.visible_to(request.user).order_by("-versie"))
    standaard = {}
    if len(lijst) >= 2:
        nieuwste = lijst[0]
        huidige = next((r for r in lijst if r.huidig and r.pk != nieuwste.pk), lijst[1])
        standaard = {"van": huidige.versie, "met": nieuwste.versie}
    gegevens = request.GET if {"van", "met"} & set(request.GET) else standaard or None
    form = VergelijkForm(gegevens, versies=lijst)
    context: dict = {"form": form, "aantal_versies": len(lijst)}
    if form.is_bound and form.is_valid():
        per_versie = {r.versie: r for r in lijst}
        oud, nieuw = per_versie[form.cleaned_data["van"]], per_versie[form.cleaned_data["met"]]
        verschillen = vergelijk_rolbeschrijvingen(oud, nieuw)
        context.update(
            {
                "oud": oud,
                "nieuw": nieuw,
                "verschillen": [v for v in verschillen if v.soort != "gelijk"],
                "gelijk": [v for v in verschillen if v.soort == "gelijk"],
                "telling": {
                    soort: sum(1 for v in verschillen if v.soort == soort)
                    for soort in ("gewijzigd", "toegevoegd", "verwijderd", "gelijk")
                },
            }
        )
    return render(request, "agenda/rol_vergelijk.html", context)


@login_required
@require_safe
def versie_pdf(request: HttpRequest, versie: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie)
    from agenda.reports import render_rolbeschrijving_pdf  # rendered by the reports module (§6)

    response = HttpResponse(render_rolbeschrijving_pdf(rol), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="rolbeschrijving-v{rol.versie}.pdf"'
    return response


# --- Writes by the project team -------------------------------------------------------------------


@login_required
@require_POST
def nieuwe_versie(request: HttpRequest) -> HttpResponse:
    eis_redacteur(request.user)
    try:
        rol = services.nieuwe_rolversie(actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
        return redirect("agenda:rol_versies")
    if rol.gebaseerd_op_id:
        messages.success(
            request,
            f"Versie {rol.versie} is gestart als kopie van de vastgestelde versie {rol.gebaseerd_op.versie}.",
        )
    else:
        messages.success(request, f"Versie {rol.versie} is gestart met een lege sectie per thema.")
    return redirect(rol)


@login_required
@require_POST
def status(request: HttpRequest, versie: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie, wijzigen=True)
    form = StatusForm(request.POST)
    if not form.is_valid():
        _formfouten(request, form)
        return redirect(rol)
    try:
        rol = services.zet_rolstatus(rol, form.cleaned_data["status"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, MELDING_VOLGENDE_STAP[rol.status].format(v=rol.versie))
    return redirect(rol)


@login_required
def uitnodigen(request: HttpRequest, versie: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie, wijzigen=True)
    form = UitnodigenForm(
        request.POST if request.method == "POST" else None,
        rol=rol,
        initial={"organisaties": list(rol.uitgenodigd.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.nodig_uit_voor_consultatie(rol, form.cleaned_data["organisaties"], actor=request.user)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            aantal = len(form.cleaned_data["organisaties"])
            messages.success(
                request,
                f"{aantal} organisatie{'s' if aantal != 1 else ''} uitgenodigd voor de consultatie over versie {rol.versie}.",
            )
            return redirect(rol)
    return render(
        request,
        "agenda/rol_uitnodigen.html",
        {"rol": rol, "form": form, "kan_uitnodigen": rol.status in UITNODIGEN_IN},
    )


@login_required
def sectie_bewerken(request: HttpRequest, versie: int, pk: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie, wijzigen=True)
    sectie = get_object_or_404(rol.secties.select_related("thema"), pk=pk)
    if not rol.is_bewerkbaar:
        messages.error(
            request,
            f"Versie {rol.versie} is {rol.get_status_display()}: de tekst ligt vast. "
            "Alleen in verkenning of concept kan hij worden gewijzigd.",
        )
        return _naar_sectie(rol, sectie.pk)
    form = SectieForm(sectie=sectie)
    if request.method == "POST":
        try:
            with transaction.atomic():
                # Lock the section: the check for a concurrent edit and the save see the same text.
                sectie = (
                    RolSectie.objects.select_for_update(of=("self",))
                    .select_related("thema")
                    .get(pk=sectie.pk)
                )
                form = SectieForm(request.POST, sectie=sectie)
                if form.is_valid():
                    services.wijzig_sectie(sectie, actor=request.user, **form.teksten)
                    messages.success(request, f"De sectie „{sectie.titel}” is opgeslagen.")
                    return _naar_sectie(rol, sectie.pk)
        except ValidationError as fout:
            form.add_error(None, fout)
        if form.has_error(NON_FIELD_ERRORS, "conflict"):
            # Keep the user's text; a second save knowingly replaces the text saved in between.
            data = request.POST.copy()
            data["controle"] = controlewaarde(sectie)
            form.data = data
    return render(
        request,
        "agenda/rol_sectie_form.html",
        {
            "rol": rol,
            "sectie": sectie,
            "form": form,
            "conflict": form.has_error(NON_FIELD_ERRORS, "conflict"),
        },
    )


@login_required
@require_POST
def beantwoorden(request: HttpRequest, versie: int, pk: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie, wijzigen=True)
    reactie = get_object_or_404(
        Consultatiereactie.objects.select_related("sectie", "organisatie"), pk=pk, sectie__rolbeschrijving=rol
    )
    form = AntwoordForm(request.POST)
    if not form.is_valid():
        _formfouten(request, form)
        return redirect(f"{rol.get_absolute_url()}#reactie-{reactie.pk}")
    try:
        services.beantwoord_reactie(reactie, actor=request.user, **form.cleaned_data)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request,
            f"De reactie van {reactie.organisatie} op „{reactie.sectie.titel}” is beantwoord: "
            f"{reactie.get_antwoord_display()}.",
        )
    return redirect(f"{rol.get_absolute_url()}#reactie-{reactie.pk}")


@login_required
@require_POST
def besluit(request: HttpRequest, versie: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie, wijzigen=True)
    form = RolBesluitForm(request.POST)
    if not form.is_valid():
        _formfouten(request, form)
        return redirect(f"{rol.get_absolute_url()}#vaststelling")
    try:
        vaststelling = services.leg_rolbesluit_vast(rol, actor=request.user, **form.cleaned_data)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request,
            f"Het besluit van {Orgaan(vaststelling.orgaan).label} is vastgelegd: "
            f"{vaststelling.get_besluit_display()} op {vaststelling.datum:%d-%m-%Y}.",
        )
    return redirect(f"{rol.get_absolute_url()}#vaststelling")


@login_required
@require_POST
def ondertekening(request: HttpRequest, versie: int) -> HttpResponse:
    rol = get_rolbeschrijving_for_user(request.user, versie, wijzigen=True)
    form = OndertekeningForm(request.POST, rol=rol)
    if not form.is_valid():
        _formfouten(request, form)
        return redirect(f"{rol.get_absolute_url()}#ondertekening")
    try:
        getekend = services.leg_ondertekening_vast(rol, actor=request.user, **form.cleaned_data)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request,
            f"De ondertekening door {getekend.veiligheidsregio} op {getekend.datum:%d-%m-%Y} is vastgelegd.",
        )
    return redirect(f"{rol.get_absolute_url()}#ondertekening")


# --- Comments by invited organisations ------------------------------------------------------------


@login_required
@require_POST
def reageren(request: HttpRequest, versie: int, pk: int) -> HttpResponse:
    """A comment during consultation; the service refuses users of organisations not invited."""
    rol = get_rolbeschrijving_for_user(request.user, versie)
    sectie = get_object_or_404(rol.secties, pk=pk)
    form = ReactieForm(request.POST)
    if not form.is_valid():
        _formfouten(request, form)
        return _naar_sectie(rol, sectie.pk)
    try:
        services.plaats_reactie(sectie, tekst=form.cleaned_data["tekst"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request, f"Uw reactie op „{sectie.titel}” is geplaatst. Het projectteam beantwoordt haar."
        )
    return _naar_sectie(rol, sectie.pk)
