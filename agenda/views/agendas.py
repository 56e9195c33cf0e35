"""Theme and sector-agenda screens (§5 Agenda).

Every view fetches an agenda through `get_agenda_for_user` or `Agenda.objects.visible_to`:
adopted versions for every logged-in user, concept and submitted ones for the project team only
(404 for anyone else). Writes go through `agenda.services`; a refusal there is shown as a Dutch
message or form error and nothing is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bijeenkomsten.views.elders import bij_agenda
from netwerken.models import Sector

from .. import services
from ..access import eis_redacteur, get_agenda_for_user
from ..forms import (
    AfspraakForm,
    BesluitForm,
    ExpertbijeenkomstForm,
    RangForm,
    ThemaForm,
    VergelijkForm,
)
from ..models import POSITIEVE_BESLUITEN, TOP, Agenda, AgendaVaststelling, Thema
from ..querysets import is_redacteur
from ..vergelijken import vergelijk_agendas

if TYPE_CHECKING:
    from django.http import HttpRequest

VASTGESTELD = Agenda.Status.VASTGESTELD


def _fouten(request: HttpRequest, fout: ValidationError) -> None:
    for tekst in fout.messages:
        messages.error(request, tekst)


def _formfouten(request: HttpRequest, form: Any) -> None:
    for veld, fouten in form.errors.items():
        label = form.fields[veld].label if veld in form.fields else None
        for fout in fouten:
            messages.error(request, f"{label}: {fout}" if label else fout)


# --- Themes ---------------------------------------------------------------------------------------


@login_required
def thema_lijst(request: HttpRequest) -> HttpResponse:
    themas = Thema.objects.annotate(
        aantal_afspraken=Count("afspraken", filter=Q(afspraken__agenda__huidig=True))
    ).order_by("nummer")
    return render(
        request, "agenda/themas.html", {"themas": themas, "mag_bewerken": is_redacteur(request.user)}
    )


@login_required
def thema_bewerken(request: HttpRequest, nummer: int) -> HttpResponse:
    eis_redacteur(request.user)
    thema = get_object_or_404(Thema, nummer=nummer)
    form = ThemaForm(request.POST or None, initial={"naam": thema.naam, "omschrijving": thema.omschrijving})
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_thema(thema, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, f"Thema {thema.nummer} „{thema.naam}” is opgeslagen.")
            return redirect("agenda:themas")
    return render(request, "agenda/thema_form.html", {"thema": thema, "form": form})


# --- Reading agendas ------------------------------------------------------------------------------


def _inhoud(agenda: Agenda) -> dict[str, Any]:
    """What every agenda page shows: the agreements by rank and per theme, the top five,
    the decisions and the expert meetings. Four queries, whatever the number of rows."""
    afspraken = list(agenda.afspraken.select_related("thema").order_by("rang"))
    per_thema: dict[int, list] = {}
    for afspraak in afspraken:
        per_thema.setdefault(afspraak.thema_id, []).append(afspraak)
    themas = list(Thema.objects.order_by("nummer"))
    vaststellingen = list(agenda.vaststellingen.all())
    return {
        "afspraken": afspraken,
        "top_vijf": [a for a in afspraken if a.is_top_vijf],
        "per_thema": [(thema, per_thema[thema.pk]) for thema in themas if thema.pk in per_thema],
        "themas_zonder": [thema for thema in themas if thema.pk not in per_thema],
        "vaststellingen": vaststellingen,
        "heeft_positief_besluit": any(v.is_positief for v in vaststellingen),
        "bijeenkomsten": list(agenda.expertbijeenkomsten.all()),
        "top": TOP,
    }


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """Per sector its current agenda; for the project team also the version in progress."""
    mag_bewerken = is_redacteur(request.user)
    agendas = (
        Agenda.objects.visible_to(request.user)
        .filter(Q(huidig=True) | ~Q(status=VASTGESTELD))
        .select_related("sector")
        .annotate(aantal_afspraken=Count("afspraken"))
        .prefetch_related(
            Prefetch(
                "vaststellingen",
                queryset=AgendaVaststelling.objects.filter(besluit__in=POSITIEVE_BESLUITEN),
                to_attr="positieve_besluiten",
            )
        )
    )
    huidig, in_bewerking = {}, {}
    for agenda in agendas:
        (huidig if agenda.huidig else in_bewerking)[agenda.sector_id] = agenda
    rijen = [
        {"sector": s, "huidig": huidig.get(s.pk), "open": in_bewerking.get(s.pk)}
        for s in Sector.objects.all()
    ]
    return render(request, "agenda/overzicht.html", {"rijen": rijen, "mag_bewerken": mag_bewerken})


@login_required
def sector(request: HttpRequest, sector: str) -> HttpResponse:
    """The sector's current adopted agenda (or an empty state), with the top five at a glance."""
    sector_obj = get_object_or_404(Sector, slug=sector)
    mag_bewerken = is_redacteur(request.user)
    # One query for the current version and (for the project team) the one in progress.
    agendas = list(
        Agenda.objects.visible_to(request.user).filter(
            Q(huidig=True) | ~Q(status=VASTGESTELD), sector=sector_obj
        )
    )
    for versie in agendas:
        versie.sector = sector_obj  # for their URLs, without a query each
    agenda = next((a for a in agendas if a.huidig), None)
    context: dict[str, Any] = {
        "sector": sector_obj,
        "agenda": agenda,
        "open_versie": next((a for a in agendas if not a.huidig), None),
        "mag_bewerken": mag_bewerken,
    }
    if agenda is not None:
        context.update(_inhoud(agenda))
        context["geplande_bijeenkomsten"] = bij_agenda(request.user, agenda, context["bijeenkomsten"])
    return render(request, "agenda/sector.html", context)


@login_required
def versies(request: HttpRequest, sector: str) -> HttpResponse:
    sector_obj = get_object_or_404(Sector, slug=sector)
    lijst = list(
        Agenda.objects.visible_to(request.user)
        .filter(sector=sector_obj)
        .annotate(aantal_afspraken=Count("afspraken"))
        .order_by("-versie")
    )
    for nieuwer, ouder in zip(lijst, lijst[1:], strict=False):
        nieuwer.vorige_versie = ouder.versie
    return render(
        request,
        "agenda/versies.html",
        {
            "sector": sector_obj,
            "versies": lijst,
            "form": VergelijkForm(versies=lijst, initial=_standaardvergelijking(lijst)),
            "mag_bewerken": is_redacteur(request.user),
        },
    )


def _standaardvergelijking(versies: list[Agenda]) -> dict[str, int]:
    """The current adopted version against the newest one (or the newest against its predecessor)."""
    if len(versies) < 2:
        return {}
    nieuwste = versies[0]
    huidig = next((a for a in versies if a.huidig), None)
    van = huidig if huidig is not None and huidig is not nieuwste else versies[1]
    return {"van": van.versie, "met": nieuwste.versie}


@login_required
def vergelijk(request: HttpRequest, sector: str) -> HttpResponse:
    """Added, removed, re-ranked and changed agreements between two visible versions."""
    sector_obj = get_object_or_404(Sector, slug=sector)
    lijst = list(Agenda.objects.visible_to(request.user).filter(sector=sector_obj).order_by("-versie"))
    standaard = _standaardvergelijking(lijst)
    gekozen = request.GET if ("van" in request.GET or "met" in request.GET) else standaard
    form = VergelijkForm(gekozen or None, versies=lijst, initial=standaard)
    vergelijking = None
    if gekozen and form.is_valid():
        per_versie = {a.versie: a for a in lijst}
        oud, nieuw = per_versie[form.cleaned_data["van"]], per_versie[form.cleaned_data["met"]]
        oud.sector = nieuw.sector = sector_obj
        vergelijking = vergelijk_agendas(oud, nieuw)
    return render(
        request,
        "agenda/vergelijk.html",
        {"sector": sector_obj, "versies": lijst, "form": form, "vergelijking": vergelijking, "top": TOP},
    )


def _versie_context(request: HttpRequest, agenda: Agenda, **formulieren: Any) -> dict[str, Any]:
    mag_bewerken = is_redacteur(request.user)
    if agenda.gebaseerd_op is not None:
        agenda.gebaseerd_op.sector = agenda.sector  # a version builds on one of its own sector
    context: dict[str, Any] = {"agenda": agenda, "sector": agenda.sector, "mag_bewerken": mag_bewerken}
    context.update(_inhoud(agenda))
    context["geplande_bijeenkomsten"] = bij_agenda(request.user, agenda, context["bijeenkomsten"])
    if agenda.status == VASTGESTELD and not agenda.huidig:
        context["huidige_versie"] = (
            Agenda.objects.filter(sector_id=agenda.sector_id, huidig=True)
            .values_list("versie", flat=True)
            .first()
        )
    if mag_bewerken:
        context["besluit_form"] = formulieren.get("besluit_form") or BesluitForm()
        context["bijeenkomst_form"] = formulieren.get("bijeenkomst_form") or ExpertbijeenkomstForm()
    return context


@login_required
def versie(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie)
    return render(request, "agenda/versie.html", _versie_context(request, agenda))


@login_required
def versie_pdf(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    """The agenda as a PDF document, rendered by `agenda.reports`."""
    agenda = get_agenda_for_user(request.user, sector, versie)
    # Imported here: WeasyPrint loads only when a PDF is asked for, not with every agenda page.
    from agenda.reports import render_agenda_pdf

    response = HttpResponse(render_agenda_pdf(agenda), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="agenda-{agenda.sector.slug}-v{agenda.versie}.pdf"'
    )
    return response


# --- Writing agendas (project team) ---------------------------------------------------------------


@login_required
@require_POST
def nieuwe_versie(request: HttpRequest, sector: str) -> HttpResponse:
    eis_redacteur(request.user)
    sector_obj = get_object_or_404(Sector, slug=sector)
    try:
        agenda = services.nieuwe_agendaversie(sector_obj, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
        return redirect("agenda:sector", sector=sector_obj.slug)
    if agenda.gebaseerd_op_id:
        messages.success(
            request,
            f"Versie {agenda.versie} is aangemaakt als concept, een kopie van versie "
            f"{agenda.gebaseerd_op.versie}. Wijzig de afspraken en leg het concept daarna voor.",
        )
    else:
        messages.success(
            request,
            f"Versie {agenda.versie} is aangemaakt als leeg concept. Voeg samenwerkingsafspraken toe.",
        )
    return redirect(agenda)


@login_required
def afspraak_nieuw(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    if request.method != "POST" and not agenda.is_bewerkbaar:
        messages.error(
            request,
            f"Versie {agenda.versie} is {agenda.get_status_display()}; alleen een concept kan worden gewijzigd.",
        )
        return redirect(agenda)
    form = AfspraakForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            afspraak = services.voeg_afspraak_toe(agenda, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, f"„{afspraak.titel}” is toegevoegd op rang {afspraak.rang}.")
            return redirect(f"{agenda.get_absolute_url()}#afspraak-{afspraak.pk}")
    return render(request, "agenda/afspraak_form.html", {"agenda": agenda, "form": form, "afspraak": None})


@login_required
def afspraak_bewerken(request: HttpRequest, sector: str, versie: int, pk: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    afspraak = get_object_or_404(agenda.afspraken.select_related("thema"), pk=pk)
    afspraak.agenda = agenda
    if request.method != "POST" and not agenda.is_bewerkbaar:
        messages.error(
            request,
            f"Versie {agenda.versie} is {agenda.get_status_display()}; alleen een concept kan worden gewijzigd.",
        )
        return redirect(agenda)
    form = AfspraakForm(
        request.POST or None,
        nieuw=False,
        initial={
            "thema": afspraak.thema,
            "titel": afspraak.titel,
            "omschrijving": afspraak.omschrijving,
            "beoogd_resultaat": afspraak.beoogd_resultaat,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.wijzig_afspraak(afspraak, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, f"„{afspraak.titel}” is opgeslagen.")
            return redirect(f"{agenda.get_absolute_url()}#afspraak-{afspraak.pk}")
    return render(
        request, "agenda/afspraak_form.html", {"agenda": agenda, "form": form, "afspraak": afspraak}
    )


@login_required
@require_POST
def afspraak_verwijderen(request: HttpRequest, sector: str, versie: int, pk: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    afspraak = get_object_or_404(agenda.afspraken, pk=pk)
    afspraak.agenda = agenda
    try:
        services.verwijder_afspraak(afspraak, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request, f"„{afspraak.titel}” is verwijderd; de rangen eronder schuiven een plaats op."
        )
    return redirect(agenda)


@login_required
@require_POST
def afspraak_rang(request: HttpRequest, sector: str, versie: int, pk: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    afspraak = get_object_or_404(agenda.afspraken, pk=pk)
    afspraak.agenda = agenda
    form = RangForm(request.POST)
    if not form.is_valid():
        _formfouten(request, form)
        return redirect(f"{agenda.get_absolute_url()}#afspraak-{afspraak.pk}")
    try:
        afspraak = services.zet_rang(afspraak, form.doelrang(afspraak.rang), actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        top = f" en hoort bij de top {'vijf' if TOP == 5 else TOP}" if afspraak.is_top_vijf else ""
        messages.success(request, f"„{afspraak.titel}” staat nu op rang {afspraak.rang}{top}.")
    return redirect(f"{agenda.get_absolute_url()}#afspraak-{afspraak.pk}")


@login_required
@require_POST
def voorleggen(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    try:
        services.leg_agenda_voor(agenda, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request,
            f"Versie {agenda.versie} is voorgelegd. Leg de besluiten van de organen vast en stel de agenda daarna vast.",
        )
    return redirect(agenda)


@login_required
@require_POST
def terug_naar_concept(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    try:
        services.agenda_terug_naar_concept(agenda, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request, f"Versie {agenda.versie} is weer een concept; de vastgelegde besluiten blijven bewaard."
        )
    return redirect(agenda)


@login_required
@require_POST
def besluit(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    form = BesluitForm(request.POST)
    if form.is_valid():
        try:
            vaststelling = services.leg_agendabesluit_vast(agenda, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(
                request,
                f"Het besluit van {vaststelling.get_orgaan_display()} ({vaststelling.get_besluit_display()}, "
                f"{vaststelling.datum:%d-%m-%Y}) is vastgelegd.",
            )
            return redirect(f"{agenda.get_absolute_url()}#besluiten")
    # Show the version again with the form and its errors; nothing was stored.
    return render(request, "agenda/versie.html", _versie_context(request, agenda, besluit_form=form))


@login_required
@require_POST
def vaststellen(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    try:
        agenda = services.stel_agenda_vast(agenda, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
        return redirect(agenda)
    messages.success(
        request,
        f"Versie {agenda.versie} is vastgesteld en is nu de huidige agenda van {agenda.sector}.",
    )
    return redirect("agenda:sector", sector=agenda.sector.slug)


@login_required
@require_POST
def expertbijeenkomst(request: HttpRequest, sector: str, versie: int) -> HttpResponse:
    agenda = get_agenda_for_user(request.user, sector, versie, wijzigen=True)
    form = ExpertbijeenkomstForm(request.POST)
    if form.is_valid():
        try:
            bijeenkomst = services.voeg_expertbijeenkomst_toe(agenda, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, f"De expertbijeenkomst van {bijeenkomst.datum:%d-%m-%Y} is vastgelegd.")
            return redirect(f"{agenda.get_absolute_url()}#expertbijeenkomsten")
    return render(request, "agenda/versie.html", _versie_context(request, agenda, bijeenkomst_form=form))
