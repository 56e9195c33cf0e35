"""Network screens (§5): Mijn overzicht, the network list and detail, membership and invitations.

Every view fetches networks through `get_netwerk_for_user` / `Netwerk.objects.visible_to`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from actieplannen.models import Actieplan, Instemming, Verbeteractie
from bijeenkomsten.views.elders import volgende_van_netwerk, volgende_voor
from continuiteit.historie import SOORTEN, Bron, wijzigingen

from . import services
from .forms import (
    AccountAanmakenForm,
    ContactpersoonForm,
    LeadpartnerForm,
    LidToevoegenForm,
    NetwerkFilterForm,
    RolForm,
    UitnodigingForm,
)
from .models import Deelname, Gebruiker, Lidmaatschap, Netwerk, NetwerkRegio
from .permissions import get_netwerk_for_user, heeft_recht

if TYPE_CHECKING:
    from django.http import HttpRequest

PER_PAGINA = 20
BINNENKORT_DAGEN = 14  # "due soon" on Mijn overzicht (§5), as the reminders (§6)
HISTORIE_LIMIET = 200  # the newest changes on the history page


def _fouten(request: HttpRequest, fout: ValidationError) -> None:
    for tekst in fout.messages:
        messages.error(request, tekst)


def _mijn_acties(gebruiker: Gebruiker) -> dict[str, list]:
    """My open actions that are overdue or due within 14 days (one query)."""
    vandaag = timezone.localdate()
    acties = list(
        Verbeteractie.objects.visible_to(gebruiker)
        .filter(eigenaar=gebruiker)
        .open()
        .filter(einddatum__lte=vandaag + datetime.timedelta(days=BINNENKORT_DAGEN))
        .select_related("actieplan__netwerk", "thema")
        .order_by("einddatum", "pk")
    )
    return {
        "te_laat": [a for a in acties if a.einddatum < vandaag],
        "binnenkort": [a for a in acties if a.einddatum >= vandaag],
    }


def _wacht_op_instemming(gebruiker: Gebruiker) -> list[dict]:
    """Plans ter instemming with organisations I may speak for that did not decide on the current
    version: as their contact person, or for all of them as coordinator (one query)."""
    deelnames = (
        Deelname.objects.filter(
            netwerk__in=Netwerk.objects.visible_to(gebruiker),
            netwerk__actieplan__status=Actieplan.Status.TER_INSTEMMING,
        )
        .filter(
            Q(contactpersoon=gebruiker)
            | Exists(
                Lidmaatschap.objects.filter(
                    netwerk=OuterRef("netwerk"), persoon=gebruiker, rol=Lidmaatschap.Rol.COORDINATOR
                )
            )
        )
        .exclude(
            Exists(
                Instemming.objects.filter(
                    actieplan=OuterRef("netwerk__actieplan"),
                    versie=OuterRef("netwerk__actieplan__versie"),
                    organisatie=OuterRef("organisatie"),
                )
            )
        )
        .select_related("organisatie", "netwerk__actieplan")
        .order_by("netwerk__naam", "organisatie__naam")
    )
    per_plan: dict[int, dict] = {}
    for deelname in deelnames:
        plan = deelname.netwerk.actieplan
        regel = per_plan.setdefault(
            plan.pk, {"plan": plan, "netwerk": deelname.netwerk, "mijn": [], "overig": []}
        )
        soort = "mijn" if deelname.contactpersoon_id == gebruiker.pk else "overig"
        regel[soort].append(deelname.organisatie)
    return list(per_plan.values())


def _recente_wijzigingen(gebruiker: Gebruiker, aantal: int = 10) -> list[dict]:
    """The latest changes to the plans and actions of my networks (two queries, no diffs).

    Actions the user may not see (TLP:RED for others, deleted ones) stay out.
    """
    mijn_netwerken = Netwerk.objects.filter(lidmaatschappen__persoon=gebruiker).values("pk")
    mijn_plannen = Actieplan.objects.filter(netwerk__in=mijn_netwerken).values("pk")
    zichtbaar = Verbeteractie.objects.visible_to(gebruiker).filter(actieplan__in=mijn_plannen)
    acties = (
        # The plan filter on the history rows themselves lets PostgreSQL use their index instead
        # of joining the whole history table (90 → 16 ms at 10× data, benchmark/README.md).
        Verbeteractie.history.filter(actieplan_id__in=mijn_plannen, id__in=zichtbaar.values("pk"))
        .select_related("history_user", "actieplan__netwerk")
        .order_by("-history_date")[:aantal]
    )
    plannen = (
        Actieplan.history.filter(netwerk__in=mijn_netwerken)
        .select_related("history_user", "netwerk")
        .order_by("-history_date")[:aantal]
    )
    regels = [
        {
            "wanneer": rij.history_date,
            "wie": rij.history_user,
            "wat": f"Actie „{rij.titel}”",
            "soort": SOORTEN[rij.history_type],
            "netwerk": rij.actieplan.netwerk,
            "url": reverse("actieplannen:actie", args=[rij.actieplan.netwerk.slug, rij.id]),
        }
        for rij in acties
    ] + [
        {
            "wanneer": rij.history_date,
            "wie": rij.history_user,
            "wat": f"Actieplan ({rij.get_status_display()})",
            "soort": SOORTEN[rij.history_type],
            "netwerk": rij.netwerk,
            "url": reverse("actieplannen:plan", args=[rij.netwerk.slug]),
        }
        for rij in plannen
    ]
    return sorted(regels, key=lambda regel: regel["wanneer"], reverse=True)[:aantal]


@login_required
def mijn_overzicht(request: HttpRequest) -> HttpResponse:
    """Home: my open actions, consents awaiting me, my next meetings, my networks and recent changes."""
    lidmaatschappen = (
        Lidmaatschap.objects.filter(persoon=request.user)
        .select_related("netwerk__kernpartner", "netwerk__actieplan")
        .prefetch_related(
            "netwerk__sectoren",
            Prefetch(
                "netwerk__lidmaatschappen",
                queryset=Lidmaatschap.objects.select_related("persoon__organisatie").order_by(
                    "rol", "persoon__naam"
                ),
                to_attr="leden",
            ),
        )
        .order_by("netwerk__naam")
    )
    return render(
        request,
        "netwerken/mijn_overzicht.html",
        {
            "lidmaatschappen": lidmaatschappen,
            "aantal_zichtbaar": Netwerk.objects.visible_to(request.user).count()
            if request.user.is_projectteam
            else None,
            "mijn_acties": _mijn_acties(request.user),
            "wacht_op_instemming": _wacht_op_instemming(request.user),
            "recente_wijzigingen": _recente_wijzigingen(request.user),
            "volgende_bijeenkomsten": volgende_voor(request.user),
            "binnenkort_dagen": BINNENKORT_DAGEN,
        },
    )


@login_required
def netwerk_lijst(request: HttpRequest) -> HttpResponse:
    form = NetwerkFilterForm(request.GET or None)
    netwerken = Netwerk.objects.visible_to(request.user)
    if form.is_valid():
        if form.cleaned_data["q"]:
            netwerken = netwerken.filter(
                Q(naam__icontains=form.cleaned_data["q"])
                | Q(kernpartner__naam__icontains=form.cleaned_data["q"])
            )
        if form.cleaned_data["sector"]:
            netwerken = netwerken.met_sector(form.cleaned_data["sector"].slug)
        if form.cleaned_data["regio"]:
            netwerken = netwerken.in_regio(form.cleaned_data["regio"].vr_nummer)
    pagina = Paginator(netwerken.for_list().order_by("naam", "pk"), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "netwerken/netwerk_lijst.html",
        {"form": form, "pagina": pagina, "querystring": querystring.urlencode()},
    )


def _historie(netwerk: Netwerk, limiet: int) -> list:
    """Changes to the network, its regions, participants and members (who, when, what)."""
    return wijzigingen(
        [
            Bron(
                Netwerk.history.filter(id=netwerk.pk),
                lambda naam: "Netwerk",
                velden=("naam", "kernpartner", "omschrijving"),
            ),
            Bron(
                NetwerkRegio.history.filter(netwerk_id=netwerk.pk),
                lambda naam: f"Regio {naam('veiligheidsregio')}",
                velden=("veiligheidsregio", "dekking", "gemeenten_in_werkgebied", "handmatig", "opgenomen"),
            ),
            Bron(
                Deelname.history.filter(netwerk_id=netwerk.pk),
                lambda naam: f"Deelname {naam('organisatie')}",
                velden=("organisatie", "rol", "leadpartner", "coordinerend", "contactpersoon"),
            ),
            Bron(
                Lidmaatschap.history.filter(netwerk_id=netwerk.pk),
                lambda naam: f"Lid {naam('persoon')}",
                velden=("persoon", "rol"),
            ),
        ],
        limiet=limiet,
    )


@login_required
def netwerk_detail(request: HttpRequest, slug: str) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug)
    mag_beheren = heeft_recht(request.user, "beheer_netwerk", netwerk)
    regios = list(netwerk.regios.select_related("veiligheidsregio"))
    deelnames = list(
        netwerk.deelnames.select_related("organisatie", "contactpersoon").order_by(
            "-coordinerend", "zijde", "organisatie__naam"
        )
    )
    leden = list(netwerk.lidmaatschappen.select_related("persoon__organisatie").order_by("persoon__naam"))
    leden_per_organisatie: dict[int, list] = {}
    for lid in leden:
        leden_per_organisatie.setdefault(lid.persoon.organisatie_id, []).append(lid.persoon)
    for deelname in deelnames:
        # Choices for the contact-person select without a query per participant.
        deelname.kandidaten = leden_per_organisatie.get(deelname.organisatie_id, [])
    opgenomen = [r for r in regios if r.opgenomen]
    context = {
        "netwerk": netwerk,
        "sectoren": list(netwerk.sectoren.all()),
        "regios": regios,
        "afleiding": {
            "totaal": len(opgenomen),
            "volledig": sum(r.dekking == NetwerkRegio.Dekking.VOLLEDIG for r in opgenomen),
            "deels": sum(r.dekking == NetwerkRegio.Dekking.DEELS for r in opgenomen),
            "handmatig": sum(r.handmatig for r in regios),
        },
        "deelnames": deelnames,
        "leden": leden,
        "mag_beheren": mag_beheren,
        "rollen": Lidmaatschap.Rol.choices,
        "actieplan": Actieplan.objects.filter(netwerk=netwerk).first(),
        "bijeenkomsten": volgende_van_netwerk(request.user, netwerk),
        # Only coordinators convene their network's meetings (issue 7); the project team the other kinds.
        "mag_plannen": mag_beheren,
    }
    if mag_beheren:
        # Rendered by hand from this list: a form's ModelChoiceField would query twice.
        context["kandidaten"] = list(LidToevoegenForm(netwerk=netwerk).fields["persoon"].queryset)
        context["uitnodigingen"] = list(
            netwerk.uitnodigingen.filter(
                gebruikt_op__isnull=True, ingetrokken_op__isnull=True
            ).select_related("organisatie")
        )
    return render(request, "netwerken/netwerk_detail.html", context)


@login_required
@require_GET
def historie(request: HttpRequest, slug: str) -> HttpResponse:
    """Who changed what in the network, its regions, participants and members; on a page of its
    own, so the network page keeps to its few queries (six here: four sources and two for names)."""
    netwerk = get_netwerk_for_user(request.user, slug)
    return render(
        request,
        "netwerken/netwerk_historie.html",
        {
            "netwerk": netwerk,
            "historie": _historie(netwerk, limiet=HISTORIE_LIMIET),
            "limiet": HISTORIE_LIMIET,
        },
    )


@login_required
@require_POST
def lid_toevoegen(request: HttpRequest, slug: str) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    form = LidToevoegenForm(request.POST, netwerk=netwerk)
    if not form.is_valid():
        messages.error(
            request,
            "Kies een persoon en een rol. " + " ".join(e for errs in form.errors.values() for e in errs),
        )
        return redirect(netwerk)
    try:
        lid = services.voeg_lid_toe(
            netwerk, form.cleaned_data["persoon"], form.cleaned_data["rol"], actor=request.user
        )
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"{lid.persoon} is toegevoegd als {lid.get_rol_display()}.")
    return redirect(netwerk)


@login_required
@require_POST
def lid_rol(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    lid = get_object_or_404(netwerk.lidmaatschappen.select_related("persoon"), pk=pk)
    form = RolForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies een geldige rol.")
        return redirect(netwerk)
    try:
        lid = services.wijzig_rol(lid, form.cleaned_data["rol"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"De rol van {lid.persoon} is nu {lid.get_rol_display()}.")
    return redirect(netwerk)


@login_required
@require_POST
def lid_verwijderen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    lid = get_object_or_404(netwerk.lidmaatschappen.select_related("persoon"), pk=pk)
    try:
        services.verwijder_lid(lid, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"{lid.persoon} is geen lid meer van dit netwerk.")
    return redirect(netwerk)


@login_required
@require_POST
def deelname_leadpartner(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    deelname = get_object_or_404(netwerk.deelnames.select_related("organisatie"), pk=pk)
    form = LeadpartnerForm(request.POST)
    form.is_valid()  # a checkbox: absent means False
    try:
        deelname = services.zet_leadpartner(deelname, form.cleaned_data["leadpartner"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        if deelname.leadpartner:
            messages.success(request, f"{deelname.organisatie} is leadpartner.")
        else:
            messages.success(request, f"{deelname.organisatie} is geen leadpartner meer.")
    return redirect(netwerk)


@login_required
@require_POST
def deelname_contactpersoon(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    deelname = get_object_or_404(netwerk.deelnames.select_related("organisatie"), pk=pk)
    form = ContactpersoonForm(request.POST, deelname=deelname)
    if not form.is_valid():
        messages.error(request, "Kies een lid van het netwerk dat bij deze organisatie werkt.")
        return redirect(netwerk)
    try:
        services.zet_contactpersoon(deelname, form.cleaned_data["contactpersoon"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"De contactpersoon van {deelname.organisatie} is bijgewerkt.")
    return redirect(netwerk)


@login_required
def uitnodigen(request: HttpRequest, slug: str) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    form = UitnodigingForm(request.POST or None, netwerk=netwerk)
    if request.method == "POST" and form.is_valid():
        try:
            uitnodiging, _token = services.nodig_uit(netwerk, actor=request.user, **form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(
                request,
                f"Er is een uitnodiging gestuurd naar {uitnodiging.email}. "
                f"De link is geldig tot {uitnodiging.verloopt_op:%d-%m-%Y}.",
            )
            return redirect(netwerk)
    return render(
        request,
        "netwerken/uitnodigen.html",
        {"netwerk": netwerk, "form": form, "geldig_dagen": settings.UITNODIGING_GELDIG_DAGEN},
    )


@login_required
@require_POST
def uitnodiging_intrekken(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    netwerk = get_netwerk_for_user(request.user, slug, perm="beheer_netwerk")
    uitnodiging = get_object_or_404(netwerk.uitnodigingen, pk=pk)
    services.trek_uitnodiging_in(uitnodiging, actor=request.user)
    messages.success(request, f"De uitnodiging voor {uitnodiging.email} is ingetrokken.")
    return redirect(netwerk)


def uitnodiging(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation: create an account (or use the logged-in one) and join the network."""
    gevonden = services.zoek_uitnodiging(token)
    if gevonden is None:
        return render(request, "netwerken/uitnodiging_ongeldig.html", {"reden": "onbekend"}, status=404)
    if not gevonden.is_bruikbaar():
        reden = (
            "gebruikt" if gevonden.gebruikt_op else "ingetrokken" if gevonden.ingetrokken_op else "verlopen"
        )
        return render(request, "netwerken/uitnodiging_ongeldig.html", {"reden": reden}, status=410)
    ingelogd = request.user.is_authenticated
    if ingelogd and request.user.email.lower() != gevonden.email.lower():
        return render(request, "netwerken/uitnodiging_ongeldig.html", {"reden": "ander_account"}, status=403)
    heeft_account = ingelogd or Gebruiker.objects.filter(email__iexact=gevonden.email).exists()
    form = (
        None
        if heeft_account
        else AccountAanmakenForm(request.POST or None, email=gevonden.email, initial={"naam": gevonden.naam})
    )
    if request.method == "POST" and (heeft_account and ingelogd or form is not None and form.is_valid()):
        try:
            if ingelogd:
                lid = services.accepteer_uitnodiging(gevonden, gebruiker=request.user)
            else:
                lid = services.accepteer_uitnodiging(
                    gevonden, wachtwoord=form.cleaned_data["wachtwoord1"], naam=form.cleaned_data["naam"]
                )
                login(request, lid.persoon, backend="netwerken.backends.GebruikerBackend")
        except ValidationError as fout:
            _fouten(request, fout)
            return redirect("netwerken:uitnodiging", token=token)
        messages.success(request, f"Welkom in het netwerk {lid.netwerk}. U bent {lid.get_rol_display()}.")
        return redirect(lid.netwerk)
    return render(
        request,
        "netwerken/uitnodiging.html",
        {"uitnodiging": gevonden, "form": form, "heeft_account": heeft_account, "ingelogd": ingelogd},
    )
