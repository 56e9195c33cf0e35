"""Meeting screens (§5 Bijeenkomsten): the list (upcoming and past), the month calendar, convening,
the meeting page, changing, cancelling, its history and its agenda points.

Every view fetches meetings through `Bijeenkomst.objects.visible_to` or `get_bijeenkomst_for_user`
(404 for whoever may not see the meeting; 403 on writes for whoever may see but not manage it);
writes go through `bijeenkomsten.services`, whose Dutch refusals are shown as form errors or
messages with nothing changed.
"""

from __future__ import annotations

import calendar
import datetime
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actieplannen.models import Verbeteractie
from actieplannen.views.helpers import CONFLICT, is_htmx, met_revisie, voeg_fouten_toe
from agenda.models import Agenda
from continuiteit.conflict import Bewerkingsconflict
from continuiteit.historie import Bron, wijzigingen
from netwerken.permissions import get_netwerk_for_user

from .. import access, services
from ..forms import (
    AgendapuntForm,
    AnnulerenForm,
    BewerkenForm,
    BijeenkomstFilterForm,
    BijeenkomstForm,
    VerplaatsForm,
)
from ..models import Agendapunt, Besluit, Bijeenkomst, Genodigde
from .helpers import gepost, meld_fouten

if TYPE_CHECKING:
    from django.http import HttpRequest

    from netwerken.models import Gebruiker

PER_PAGINA = 20
# The month view shows at most this many meetings in one day cell; the rest as "+ n meer".
PER_DAG = 4
MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
WEEKDAGEN = (("ma", "maandag"), ("di", "dinsdag"), ("wo", "woensdag"), ("do", "donderdag"),
             ("vr", "vrijdag"), ("za", "zaterdag"), ("zo", "zondag"))  # fmt: skip


def _gefilterd(request: HttpRequest) -> tuple[BijeenkomstFilterForm, Any]:
    """The meetings the user may see, narrowed by the list's filters (kind, network)."""
    form = BijeenkomstFilterForm(request.GET or None, gebruiker=request.user)
    bijeenkomsten = Bijeenkomst.objects.visible_to(request.user)
    if form.is_valid():
        if form.cleaned_data["soort"]:
            bijeenkomsten = bijeenkomsten.filter(soort=form.cleaned_data["soort"])
        if form.cleaned_data["netwerk"]:
            bijeenkomsten = bijeenkomsten.voor_netwerk(form.cleaned_data["netwerk"])
    return form, bijeenkomsten


def _is_gefilterd(form: BijeenkomstFilterForm) -> bool:
    return form.is_valid() and any(form.cleaned_data.values())


def _querystring(request: HttpRequest, *weg: str) -> str:
    querystring = request.GET.copy()
    for sleutel in ("pagina", *weg):
        querystring.pop(sleutel, None)
    return querystring.urlencode()


# --- The list and the month calendar --------------------------------------------------------------


@login_required
@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    """Upcoming (soonest first) or past (latest first) meetings, 20 a page.

    Queries: session, user with his roles, the network visibility rule's global permissions, the
    count, the page with network/sector, invitee counts and my response, the may-convene check
    (the networks he coordinates), the network filter's choices when rendered.
    """
    form, bijeenkomsten = _gefilterd(request)
    periode = "voorbij" if request.GET.get("periode") == "voorbij" else "komend"
    nu = timezone.now()
    bijeenkomsten = bijeenkomsten.voorbij(nu) if periode == "voorbij" else bijeenkomsten.komend(nu)
    paginator = Paginator(bijeenkomsten.for_list(request.user), PER_PAGINA)
    # Count without the per-meeting counts and my response: the same number, a cheaper query.
    paginator.count = bijeenkomsten.count()
    pagina = paginator.get_page(request.GET.get("pagina"))
    vandaag = timezone.localdate()
    return render(
        request,
        "bijeenkomsten/lijst.html",
        {
            "form": form,
            "pagina": pagina,
            "periode": periode,
            "querystring": _querystring(request),
            "filters": _querystring(request, "periode"),
            "gefilterd": _is_gefilterd(form),
            "mag_plannen": bool(access.soorten_om_te_plannen(request.user)),
            "deze_maand": reverse("bijeenkomsten:maand", args=[vandaag.year, vandaag.month]),
        },
    )


def _weken(jaar: int, maand: int) -> list[list[datetime.date]]:
    """The weeks (Monday first) that cover the month, with the days of adjacent months."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(jaar, maand)


@login_required
@require_GET
def maand(request: HttpRequest, jaar: int, maand: int) -> HttpResponse:
    """A month as a table: a row per week, a cell per day with its meetings (links).

    Queries: as the list, but one query for every meeting overlapping the visible weeks instead of
    count and page. A meeting over several days shows on each of its days.
    """
    if not (1 <= maand <= 12 and 2000 <= jaar <= 2100):
        raise Http404("Deze maand bestaat niet in de kalender.")
    form, bijeenkomsten = _gefilterd(request)
    weken = _weken(jaar, maand)
    tz = timezone.get_current_timezone()
    van = datetime.datetime.combine(weken[0][0], datetime.time.min, tzinfo=tz)
    tot = datetime.datetime.combine(weken[-1][-1] + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    per_dag: dict[datetime.date, list[Bijeenkomst]] = {}
    for bijeenkomst in bijeenkomsten.for_list(request.user).in_periode(van, tot).order_by("begin", "pk"):
        dag = max(timezone.localtime(bijeenkomst.begin).date(), weken[0][0])
        # The end instant itself belongs to the day before when it is midnight.
        laatste = min(
            timezone.localtime(bijeenkomst.einde - datetime.timedelta(microseconds=1)).date(), weken[-1][-1]
        )
        while dag <= laatste:
            per_dag.setdefault(dag, []).append(bijeenkomst)
            dag += datetime.timedelta(days=1)
    vandaag = timezone.localdate()
    rijen = [
        [
            {
                "datum": dag,
                "in_maand": dag.month == maand,
                "vandaag": dag == vandaag,
                "bijeenkomsten": per_dag.get(dag, [])[:PER_DAG],
                "meer": max(0, len(per_dag.get(dag, [])) - PER_DAG),
            }
            for dag in week
        ]
        for week in weken
    ]
    eerste = datetime.date(jaar, maand, 1)
    vorige = eerste - datetime.timedelta(days=1)
    volgende = eerste + datetime.timedelta(days=32)
    filters = _querystring(request)
    return render(
        request,
        "bijeenkomsten/maand.html",
        {
            "form": form,
            "rijen": rijen,
            "weekdagen": WEEKDAGEN,
            "titel": f"{MAANDEN[maand - 1]} {jaar}",
            "aantal": len({b.pk for dag in per_dag.values() for b in dag if dag}),
            "jaar": jaar,
            "maand": maand,
            "vorige": {
                "url": reverse("bijeenkomsten:maand", args=[vorige.year, vorige.month]),
                "naam": f"{MAANDEN[vorige.month - 1]} {vorige.year}",
            },
            "volgende": {
                "url": reverse("bijeenkomsten:maand", args=[volgende.year, volgende.month]),
                "naam": f"{MAANDEN[volgende.month - 1]} {volgende.year}",
            },
            "deze_maand": reverse("bijeenkomsten:maand", args=[vandaag.year, vandaag.month]),
            "is_deze_maand": (jaar, maand) == (vandaag.year, vandaag.month),
            "filters": filters,
            "gefilterd": _is_gefilterd(form),
            "mag_plannen": bool(access.soorten_om_te_plannen(request.user)),
        },
    )


# --- Convening ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    """Convene a meeting. `?netwerk=<slug>` starts a network meeting of that network, `?agenda=<pk>`
    an expert meeting for that sector agenda.

    Only the kinds the user may convene are offered (coordinator: his networks' meetings; project
    team: the other kinds — issue 7); someone who may convene nothing gets 403, an invisible network 404.
    """
    initial: dict[str, Any] = {}
    netwerk = None
    if request.GET.get("netwerk"):
        netwerk = get_netwerk_for_user(request.user, request.GET["netwerk"])
        if not access.mag_plannen(request.user, Bijeenkomst.Soort.NETWERK, netwerk):
            raise PermissionDenied("U mag geen bijeenkomst van dit netwerk beleggen.")
        initial = {"soort": Bijeenkomst.Soort.NETWERK, "netwerk": netwerk.slug}
    elif request.GET.get("agenda", "").isdigit():
        # From a sector agenda: an expert meeting for that version (project team only).
        agenda = Agenda.objects.visible_to(request.user).filter(pk=request.GET["agenda"]).first()
        if agenda is not None:
            initial = {"soort": Bijeenkomst.Soort.EXPERT, "sector": agenda.sector_id, "agenda": agenda.pk}
    form = BijeenkomstForm(gepost(request), gebruiker=request.user, initial=initial)
    if not form.fields["soort"].choices:
        raise PermissionDenied("U mag geen bijeenkomsten beleggen.")
    if request.method == "POST" and form.is_valid():
        try:
            bijeenkomst = services.plan_bijeenkomst(actor=request.user, **form.servicevelden())
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(
                request, f"De bijeenkomst „{bijeenkomst.titel}” is belegd. Nodig nu de deelnemers uit."
            )
            return redirect("bijeenkomsten:uitnodigen", pk=bijeenkomst.pk)
    return render(
        request,
        "bijeenkomsten/bijeenkomst_form.html",
        {"form": form, "netwerk": netwerk, "bijeenkomst": None},
    )


# --- The meeting page -----------------------------------------------------------------------------


def tellingen(genodigden: list[Genodigde]) -> list[dict[str, Any]]:
    """Invitees per response, in a fixed order (from the loaded list: no query)."""
    volgorde = [
        Genodigde.Antwoord.ACCEPTEERT,
        Genodigde.Antwoord.ONDER_VOORBEHOUD,
        Genodigde.Antwoord.AFGEMELD,
        Genodigde.Antwoord.GEEN,
    ]
    return [
        {"antwoord": a.value, "label": a.label, "aantal": sum(g.antwoord == a for g in genodigden)}
        for a in volgorde
    ]


def zichtbare_acties(user: Gebruiker, ids: set[int]) -> set[int]:
    """Of these linked actions, the ones the user may open (TLP:RED only for named recipients)."""
    ids.discard(None)  # type: ignore[arg-type]
    if not ids:
        return set()
    return set(Verbeteractie.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def detail_context(request: HttpRequest, bijeenkomst: Bijeenkomst) -> dict[str, Any]:
    """What the meeting page shows, from the `for_detail()` prefetches plus one query for the
    linked actions the user may open and the management check (object permissions)."""
    user = request.user
    agendapunten = list(bijeenkomst.agendapunten.all())
    genodigden = list(bijeenkomst.genodigden.all())
    besluiten = list(bijeenkomst.besluiten.all())
    zichtbaar = zichtbare_acties(
        user, {p.verbeteractie_id for p in agendapunten} | {b.verbeteractie_id for b in besluiten}
    )
    nu = timezone.now()
    mijn = next((g for g in genodigden if g.gebruiker_id == user.pk), None)
    aanwezigheid_bekend = [g for g in genodigden if g.aanwezig is not None]
    return {
        "bijeenkomst": bijeenkomst,
        "agendapunten": agendapunten,
        "genodigden": genodigden,
        "besluiten": besluiten,
        "zichtbare_acties": zichtbaar,
        "tellingen": tellingen(genodigden),
        "aantal_aanwezig": sum(1 for g in genodigden if g.aanwezig),
        "aanwezigheid_bekend": bool(aanwezigheid_bekend),
        "mijn": mijn,
        "kan_antwoorden": mijn is not None
        and not bijeenkomst.is_geannuleerd
        and not bijeenkomst.is_voorbij(nu),
        "mag_beheren": access.mag_beheren(user, bijeenkomst),
        "is_begonnen": bijeenkomst.begin <= nu,
        "is_voorbij": bijeenkomst.is_voorbij(nu),
    }


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting page. Queries: session, user, project-team role (+ global permissions for a
    member), the meeting with its agenda points, invitees and decisions (4), the linked actions the
    user may open, object permissions for the manage check — whatever the number of rows."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, queryset=Bijeenkomst.objects.for_detail())
    return render(request, "bijeenkomsten/detail.html", detail_context(request, bijeenkomst))


@login_required
@require_GET
def historie(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what on the meeting, its agenda, invitees and decisions (one query per source)."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk)
    bronnen = [
        Bron(
            Bijeenkomst.history.filter(id=bijeenkomst.pk),
            lambda naam: "Bijeenkomst",
            velden=(
                "titel",
                "begin",
                "einde",
                "locatie",
                "online_link",
                "toelichting",
                "notulen",
                "geannuleerd_op",
                "annuleringsreden",
            ),
        ),
        Bron(
            Agendapunt.history.filter(bijeenkomst_id=bijeenkomst.pk),
            lambda naam: f"Agendapunt „{naam('titel')}”",
            velden=("titel", "toelichting", "volgorde", "afspraak", "menukaartitem"),
        ),
        Bron(
            Genodigde.history.filter(bijeenkomst_id=bijeenkomst.pk),
            lambda naam: f"Genodigde {naam('gebruiker')}",
            velden=("gebruiker", "antwoord", "aanwezig"),
        ),
        Bron(
            Besluit.history.filter(bijeenkomst_id=bijeenkomst.pk),
            lambda naam: f"Besluit {naam('volgnummer')}",
            velden=("volgnummer", "tekst", "gevolg", "wijziging"),
        ),
    ]
    return render(
        request,
        "bijeenkomsten/historie.html",
        {"bijeenkomst": bijeenkomst, "historie": wijzigingen(bronnen, limiet=200)},
    )


# --- Changing and cancelling ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    """Change title, time, place, description; a stale form answers 409 with what changed."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    if bijeenkomst.is_geannuleerd:
        messages.error(request, "Deze bijeenkomst is geannuleerd en kan niet meer worden gewijzigd.")
        return redirect(bijeenkomst)
    form = BewerkenForm(gepost(request), initial=BewerkenForm.initial_voor(bijeenkomst))
    conflict, status = None, 200
    sequence_voor = bijeenkomst.sequence
    if request.method == "POST" and form.is_valid():
        try:
            bijeenkomst = services.wijzig_bijeenkomst(
                bijeenkomst, revisie=form.cleaned_data["revisie"], actor=request.user, **form.tijd_en_plaats()
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
            form = BewerkenForm(met_revisie(request.POST, bijeenkomst.revisie))
            form.is_valid()  # show the user's input as entered
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            melding = f"De bijeenkomst „{bijeenkomst.titel}” is opgeslagen."
            if bijeenkomst.sequence != sequence_voor and bijeenkomst.genodigden.niet_afgemeld().exists():
                melding += " De genodigden krijgen de gewijzigde uitnodiging in hun agenda."
            messages.success(request, melding)
            return redirect(bijeenkomst)
    return render(
        request,
        "bijeenkomsten/bijeenkomst_form.html",
        {"form": form, "bijeenkomst": bijeenkomst, "netwerk": bijeenkomst.netwerk, "conflict": conflict},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def annuleren(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm and cancel: the invitees get a cancellation of the same calendar item."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    form = AnnulerenForm(gepost(request), initial={"revisie": bijeenkomst.revisie})
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.annuleer_bijeenkomst(
                bijeenkomst,
                reden=form.cleaned_data["reden"],
                revisie=form.cleaned_data["revisie"],
                actor=request.user,
            )
        except Bewerkingsconflict as fout:
            conflict, status = fout, CONFLICT
            bijeenkomst.refresh_from_db()
            form = AnnulerenForm(met_revisie(request.POST, bijeenkomst.revisie))
            form.is_valid()
        except ValidationError as fout:
            meld_fouten(request, fout)
            return redirect(bijeenkomst)
        else:
            messages.success(
                request,
                f"De bijeenkomst „{bijeenkomst.titel}” is geannuleerd. De genodigden krijgen bericht.",
            )
            return redirect(bijeenkomst)
    elif request.method == "GET" and (bijeenkomst.is_geannuleerd or bijeenkomst.is_voorbij()):
        messages.info(
            request,
            "Deze bijeenkomst is al geannuleerd."
            if bijeenkomst.is_geannuleerd
            else "Deze bijeenkomst is al voorbij.",
        )
        return redirect(bijeenkomst)
    return render(
        request,
        "bijeenkomsten/annuleren.html",
        {
            "bijeenkomst": bijeenkomst,
            "form": form,
            "conflict": conflict,
            "aantal_genodigden": bijeenkomst.genodigden.niet_afgemeld().count(),
        },
        status=status,
    )


# --- Agenda points --------------------------------------------------------------------------------


def _agendapunten_context(
    request: HttpRequest, bijeenkomst: Bijeenkomst, form: AgendapuntForm | None = None
) -> dict[str, Any]:
    punten = list(
        bijeenkomst.agendapunten.select_related(
            "afspraak__agenda__sector", "verbeteractie__actieplan__netwerk", "menukaartitem"
        ).order_by("volgorde", "pk")
    )
    return {
        "bijeenkomst": bijeenkomst,
        "agendapunten": punten,
        "zichtbare_acties": zichtbare_acties(request.user, {p.verbeteractie_id for p in punten}),
        "form": form or AgendapuntForm(bijeenkomst=bijeenkomst, gebruiker=request.user),
    }


@login_required
@require_http_methods(["GET", "POST"])
def agendapunten(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda of the meeting: its points in order (up/down/delete) and a form to add one."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    form = AgendapuntForm(gepost(request), bijeenkomst=bijeenkomst, gebruiker=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            punt = services.voeg_agendapunt_toe(bijeenkomst, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            voeg_fouten_toe(form, fout)
        else:
            messages.success(request, f"Agendapunt „{punt.titel}” is toegevoegd.")
            return redirect("bijeenkomsten:agendapunten", pk=bijeenkomst.pk)
    return render(
        request, "bijeenkomsten/agendapunten.html", _agendapunten_context(request, bijeenkomst, form)
    )


def _agendapunt(request: HttpRequest, pk: int, punt: int) -> tuple[Bijeenkomst, Agendapunt]:
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    return bijeenkomst, get_object_or_404(bijeenkomst.agendapunten, pk=punt)


def _na_agendawijziging(request: HttpRequest, bijeenkomst: Bijeenkomst, melding: str) -> HttpResponse:
    """htmx: the list of points again (with a spoken confirmation); otherwise back to the page."""
    if is_htmx(request):
        context = _agendapunten_context(request, bijeenkomst)
        context["melding"] = melding
        return render(request, "bijeenkomsten/_agendapunten_beheer.html", context)
    messages.success(request, melding)
    return redirect("bijeenkomsten:agendapunten", pk=bijeenkomst.pk)


@login_required
@require_POST
def agendapunt_verplaatsen(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    bijeenkomst, agendapunt = _agendapunt(request, pk, punt)
    form = VerplaatsForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Kies omhoog of omlaag.", status=400)
    richting = form.cleaned_data["richting"]
    services.verplaats_agendapunt(agendapunt, richting, actor=request.user)
    return _na_agendawijziging(
        request,
        bijeenkomst,
        f"„{agendapunt.titel}” is een plaats {'omhoog' if richting == 'omhoog' else 'omlaag'} gezet.",
    )


@login_required
@require_POST
def agendapunt_verwijderen(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    bijeenkomst, agendapunt = _agendapunt(request, pk, punt)
    services.verwijder_agendapunt(agendapunt, actor=request.user)
    return _na_agendawijziging(request, bijeenkomst, f"Agendapunt „{agendapunt.titel}” is verwijderd.")
