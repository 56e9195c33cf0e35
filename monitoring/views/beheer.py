"""The small data screens the project team maintains (§5 Monitoring): lessons learned
(leerpunten), the programme's milestones and the safety regions' programme contributions.

The project team reads and writes; stuurgroep/CVI users read; everybody else gets 403 (these pages
hold no network content that could leak, so there is nothing to hide behind a 404). Writes go
through `monitoring.services`; a save on top of someone else's newer save answers 409 with what
changed and keeps the user's input (§8 no lost update).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actieplannen.views.helpers import voeg_fouten_toe
from continuiteit.conflict import Bewerkingsconflict
from continuiteit.historie import Bron, wijzigingen
from continuiteit.opmaak import euro
from netwerken.models import Netwerk, Organisatie

from .. import services
from ..forms import BijdrageForm, JaarForm, LeerpuntFilterForm, LeerpuntForm, ProgrammamijlpaalForm
from ..models import Leerpunt, Programmabijdrage, Programmamijlpaal

if TYPE_CHECKING:
    from django.http import HttpRequest, QueryDict

    from netwerken.models import Gebruiker

PER_PAGINA = 20
CONFLICT = 409
GEEN_TOEGANG = "monitoring/toetsbijeenkomst_geen_toegang.html"


# --- Access ---------------------------------------------------------------------------------------


def mag_lezen(user: Gebruiker) -> bool:
    return user.is_projectteam or user.is_stuurgroep


def eis_lezer(user: Gebruiker) -> None:
    """403 for anyone but the project team and stuurgroep/CVI users."""
    if not mag_lezen(user):
        raise PermissionDenied("Deze pagina is alleen voor het projectteam en de stuurgroep.")


def eis_projectteam(user: Gebruiker) -> None:
    """403 for anyone but the project team (and administrators): they maintain this data."""
    if not user.is_projectteam:
        raise PermissionDenied("Alleen het projectteam wijzigt deze gegevens.")


def met_eigen_403(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A refusal says why in Dutch on this app's own page (the site-wide 403 speaks of networks)."""

    @wraps(view)
    def _view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as fout:
            return render(request, GEEN_TOEGANG, {"reden": str(fout)}, status=403)

    return _view


def _met_versie(data: QueryDict, versie: str, prefix: str = "") -> QueryDict:
    """The user's input with the version he has now seen: saving again is a deliberate choice."""
    data = data.copy()
    data[f"{prefix}-versie" if prefix else "versie"] = versie
    return data


# --- Leerpunten -----------------------------------------------------------------------------------


@login_required
@met_eigen_403
@require_GET
def leerpunten(request: HttpRequest) -> HttpResponse:
    """Lessons learned, newest first, filtered by sector and theme, 20 a page.

    Queries: session, user, groups (project team, stuurgroep), sectors and themes (filters),
    count, page of lessons with sector/network/theme/author.
    """
    eis_lezer(request.user)
    filters = LeerpuntFilterForm(request.GET or None)
    punten = Leerpunt.objects.select_related("sector", "netwerk", "thema", "opgesteld_door")
    gefilterd = False
    if filters.is_valid():
        sector, thema = filters.cleaned_data["sector"], filters.cleaned_data["thema"]
        if sector is not None:
            # A lesson of a network counts for the network's sectors too.
            punten = punten.filter(Q(sector=sector) | Q(netwerk__in=Netwerk.objects.filter(sectoren=sector)))
        if thema is not None:
            punten = punten.filter(thema=thema)
        gefilterd = sector is not None or thema is not None
    pagina = Paginator(punten.order_by("-datum", "-pk"), PER_PAGINA).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "monitoring/leerpunten.html",
        {
            "filters": filters,
            "pagina": pagina,
            "gefilterd": gefilterd,
            "querystring": querystring.urlencode(),
            "mag_bewerken": request.user.is_projectteam,
        },
    )


def _leerpunt_historie(leerpunt: Leerpunt) -> list:
    return wijzigingen(
        [
            Bron(
                Leerpunt.history.filter(id=leerpunt.pk),
                lambda naam: "Leerpunt",
                velden=("titel", "toelichting", "datum", "sector", "netwerk", "thema"),
            )
        ]
    )


@login_required
@met_eigen_403
@require_http_methods(["GET", "POST"])
def leerpunt_nieuw(request: HttpRequest) -> HttpResponse:
    eis_projectteam(request.user)
    form = LeerpuntForm(request.POST or None, gebruiker=request.user, initial={"datum": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            leerpunt = services.voeg_leerpunt_toe(actor=request.user, **form.servicevelden())
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"Het leerpunt „{leerpunt.titel}” is toegevoegd.")
            return redirect("monitoring:leerpunten")
    return render(request, "monitoring/leerpunt_form.html", {"form": form, "leerpunt": None})


@login_required
@met_eigen_403
@require_http_methods(["GET", "POST"])
def leerpunt_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    eis_projectteam(request.user)
    leerpunt = get_object_or_404(Leerpunt.objects.select_related("sector", "netwerk", "thema"), pk=pk)
    versie = services.versie_van(leerpunt)
    form = LeerpuntForm(
        request.POST or None, gebruiker=request.user, instance=leerpunt, initial={"versie": versie}
    )
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        velden = form.servicevelden()
        try:
            leerpunt = services.wijzig_leerpunt(
                leerpunt, versie=form.cleaned_data["versie"], actor=request.user, **velden
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            leerpunt = get_object_or_404(Leerpunt, pk=pk)
            form = LeerpuntForm(
                _met_versie(request.POST, services.versie_van(leerpunt)),
                gebruiker=request.user,
                instance=leerpunt,
            )
            form.is_valid()
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"Het leerpunt „{leerpunt.titel}” is opgeslagen.")
            return redirect("monitoring:leerpunten")
    return render(
        request,
        "monitoring/leerpunt_form.html",
        {
            "form": form,
            "leerpunt": leerpunt,
            "versie": services.versie_van(leerpunt),  # after a conflict: the version now seen
            "conflict": conflict,
            "historie": _leerpunt_historie(leerpunt),
        },
        status=status,
    )


@login_required
@met_eigen_403
@require_POST
def leerpunt_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    eis_projectteam(request.user)
    leerpunt = get_object_or_404(Leerpunt, pk=pk)
    try:
        services.verwijder_leerpunt(leerpunt, versie=request.POST.get("versie"), actor=request.user)
    except Bewerkingsconflict as fout:
        messages.error(request, f"{fout} Het leerpunt is niet verwijderd.")
        return redirect("monitoring:leerpunt_wijzigen", pk=pk)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return redirect("monitoring:leerpunten")
    messages.success(request, f"Het leerpunt „{leerpunt.titel}” is verwijderd.")
    return redirect("monitoring:leerpunten")


# --- Programme milestones -------------------------------------------------------------------------


def _mijlpaalstatus(mijlpaal: Programmamijlpaal, vandaag: Any) -> tuple[str, str]:
    """(label, badge colour) of a milestone on a given day."""
    if mijlpaal.behaald_op:
        if mijlpaal.behaald_op <= mijlpaal.gereed_uiterlijk:
            return "behaald", "success"
        return "te laat behaald", "warning"
    if mijlpaal.gereed_uiterlijk < vandaag:
        return "te laat", "danger"
    return "open", "neutral"


@login_required
@met_eigen_403
@require_GET
def mijlpalen(request: HttpRequest) -> HttpResponse:
    """The programme's milestones with their state. Queries: session, user, groups, milestones."""
    eis_lezer(request.user)
    vandaag = timezone.localdate()
    rijen = list(Programmamijlpaal.objects.order_by("gereed_uiterlijk", "code"))
    for mijlpaal in rijen:
        mijlpaal.status, mijlpaal.status_klasse = _mijlpaalstatus(mijlpaal, vandaag)
    return render(
        request,
        "monitoring/mijlpalen.html",
        {
            "mijlpalen": rijen,
            "behaald": sum(1 for m in rijen if m.behaald_op),
            "te_laat": sum(1 for m in rijen if m.status == "te laat"),
            "mag_bewerken": request.user.is_projectteam,
        },
    )


@login_required
@met_eigen_403
@require_http_methods(["GET", "POST"])
def mijlpaal_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    eis_projectteam(request.user)
    mijlpaal = get_object_or_404(Programmamijlpaal, pk=pk)
    versie = services.versie_van(mijlpaal)
    form = ProgrammamijlpaalForm(
        request.POST or None,
        initial={
            "gereed_uiterlijk": mijlpaal.gereed_uiterlijk,
            "behaald_op": mijlpaal.behaald_op,
            "versie": versie,
        },
    )
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            mijlpaal = services.wijzig_programmamijlpaal(
                mijlpaal,
                versie=form.cleaned_data["versie"],
                actor=request.user,
                gereed_uiterlijk=form.cleaned_data["gereed_uiterlijk"],
                behaald_op=form.cleaned_data["behaald_op"],
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            mijlpaal = get_object_or_404(Programmamijlpaal, pk=pk)
            form = ProgrammamijlpaalForm(_met_versie(request.POST, services.versie_van(mijlpaal)))
            form.is_valid()
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"De mijlpaal „{mijlpaal.omschrijving}” is opgeslagen.")
            return redirect("monitoring:mijlpalen")
    historie = wijzigingen(
        [
            Bron(
                Programmamijlpaal.history.filter(id=mijlpaal.pk),
                lambda naam: "Mijlpaal",
                velden=("resultaat", "omschrijving", "gereed_uiterlijk", "behaald_op"),
            )
        ]
    )
    return render(
        request,
        "monitoring/mijlpaal_form.html",
        {"form": form, "mijlpaal": mijlpaal, "conflict": conflict, "historie": historie},
        status=status,
    )


# --- Programme contributions ----------------------------------------------------------------------


def _jaar(data: QueryDict, *, verplicht: bool) -> tuple[JaarForm, int]:
    """The chosen year; the current year (with the form's Dutch error) when the input is bad."""
    vandaag = timezone.localdate()
    form = JaarForm(
        data if verplicht or data.get("jaar") else None, verplicht=verplicht, initial={"jaar": vandaag.year}
    )
    if form.is_bound and form.is_valid() and form.cleaned_data["jaar"]:
        return form, form.cleaned_data["jaar"]
    return form, vandaag.year


def _rijen(jaar: int) -> list[Programmabijdrage]:
    """The contributions of a year with region and version (one query)."""
    return list(
        services.met_versie(Programmabijdrage.objects.filter(jaar=jaar))
        .select_related("veiligheidsregio")
        .order_by("veiligheidsregio__vr_nummer", "pk")
    )


def _rijformulier(bijdrage: Programmabijdrage, data: QueryDict | None = None) -> BijdrageForm:
    return BijdrageForm(
        data,
        prefix=f"b{bijdrage.pk}",
        initial={
            "bedrag": bijdrage.bedrag,
            "ontvangen_op": bijdrage.ontvangen_op,
            "toelichting": bijdrage.toelichting,
            "versie": services.versie_van(bijdrage),
        },
    )


@login_required
@met_eigen_403
@require_http_methods(["GET", "POST"])
def bijdragen(request: HttpRequest) -> HttpResponse:
    """The contributions of one year: a table the project team edits and saves in one go.

    Queries (GET): session, user, groups (project team, stuurgroep), the rows with their region and
    version (a subquery), the number of safety regions (for the "create rows" button).
    """
    eis_lezer(request.user)
    if request.method == "POST":
        eis_projectteam(request.user)
    if request.method == "POST":
        jaarform, jaar = _jaar(request.POST, verplicht=True)
    else:
        jaarform, jaar = _jaar(request.GET, verplicht=False)
    rijen = _rijen(jaar)
    mag_bewerken = request.user.is_projectteam
    conflicten: dict[int, Bewerkingsconflict] = {}
    status = 200
    if request.method == "POST":
        # Only rows that were on the page are bound; a row added meanwhile is shown unbound.
        formulieren = {
            b.pk: _rijformulier(b, request.POST if f"b{b.pk}-versie" in request.POST else None) for b in rijen
        }
        gebonden = {pk: f for pk, f in formulieren.items() if f.is_bound}
        if not jaarform.is_valid():
            status = 422
        elif all(f.is_valid() for f in gebonden.values()):
            per_pk = {b.pk: b for b in rijen}
            wijzigingen_ = [
                services.Bijdragewijziging(
                    bijdrage=per_pk[pk],
                    versie=f.cleaned_data["versie"],
                    bedrag=f.cleaned_data["bedrag"],
                    ontvangen_op=f.cleaned_data["ontvangen_op"],
                    toelichting=f.cleaned_data["toelichting"],
                )
                for pk, f in gebonden.items()
            ]
            try:
                opgeslagen = services.werk_bijdragen_bij(wijzigingen_, actor=request.user)
            except services.Bijdrageconflicten as fout:
                conflicten, status = fout.conflicten, CONFLICT
                messages.error(request, str(fout))
                rijen = _rijen(jaar)
                formulieren = {
                    b.pk: _rijformulier(
                        b,
                        _met_versie(request.POST, services.versie_van(b), prefix=f"b{b.pk}")
                        if f"b{b.pk}-versie" in request.POST
                        else None,
                    )
                    for b in rijen
                }
                for f in formulieren.values():
                    if f.is_bound:
                        f.is_valid()
            except ValidationError as fout:
                status = 422
                for sleutel, teksten in fout.message_dict.items():
                    pk, _, veld = sleutel.partition(":")
                    if pk.isdigit() and int(pk) in formulieren:
                        formulieren[int(pk)].add_error(veld or None, teksten)
                    else:
                        messages.error(request, " ".join(teksten))
            else:
                if opgeslagen:
                    messages.success(
                        request,
                        f"{len(opgeslagen)} bijdrage{'n' if len(opgeslagen) != 1 else ''} van {jaar} opgeslagen.",
                    )
                else:
                    messages.info(request, "Er was niets gewijzigd; niets opgeslagen.")
                return redirect(f"{reverse('monitoring:bijdragen')}?jaar={jaar}")
        else:
            status = 422
    else:
        formulieren = {b.pk: _rijformulier(b) for b in rijen} if mag_bewerken else {}

    fouten = status == 422
    # The error summary links every invalid field of the table (WCAG 3.3.1).
    foutlijst = [
        (
            formulieren[b.pk][veld].auto_id,
            f"{b.veiligheidsregio.korte_naam or b.veiligheidsregio}: {formulieren[b.pk][veld].label}: {fout}",
        )
        for b in rijen
        if b.pk in formulieren and formulieren[b.pk].is_bound
        for veld, veldfouten in formulieren[b.pk].errors.items()
        if veld in formulieren[b.pk].fields
        for fout in veldfouten
    ]
    regels = [{"bijdrage": b, "form": formulieren.get(b.pk), "conflict": conflicten.get(b.pk)} for b in rijen]
    aantal_regios = Organisatie.objects.veiligheidsregios().filter(actief=True).count()
    return render(
        request,
        "monitoring/bijdragen.html",
        {
            "jaar": jaar,
            "jaarform": jaarform,
            "regels": regels,
            "totalen": services.bijdragetotalen(rijen),
            "standaard": services.STANDAARDBIJDRAGE,
            "ontbrekend": max(aantal_regios - len(rijen), 0),
            "mag_bewerken": mag_bewerken,
            "fouten": fouten,
            "foutlijst": foutlijst,
            # The year chooser is optional (default: this year), whatever the POST required.
            "jaarkeuze": JaarForm(
                request.GET if request.method == "GET" and request.GET.get("jaar") else None,
                verplicht=False,
                initial={"jaar": jaar},
            ),
            "vandaag": timezone.localdate(),
        },
        status=status,
    )


@login_required
@met_eigen_403
@require_POST
def bijdragen_aanmaken(request: HttpRequest) -> HttpResponse:
    """Create the missing rows of a year (standard amount), then show that year."""
    eis_projectteam(request.user)
    form = JaarForm(request.POST)
    if not form.is_valid():
        for teksten in form.errors.values():
            for tekst in teksten:
                messages.error(request, tekst)
        return redirect("monitoring:bijdragen")
    jaar = form.cleaned_data["jaar"]
    nieuw = services.maak_bijdragen_aan(jaar, actor=request.user)
    if nieuw:
        messages.success(
            request,
            f"{len(nieuw)} rij{'en' if len(nieuw) != 1 else ''} voor {jaar} aangemaakt, elk met de "
            f"afgesproken bijdrage van {euro(services.STANDAARDBIJDRAGE, centen=False)}.",
        )
    else:
        messages.info(request, f"Voor {jaar} had elke veiligheidsregio al een rij; niets aangemaakt.")
    return redirect(f"{reverse('monitoring:bijdragen')}?jaar={jaar}")
