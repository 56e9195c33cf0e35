"""Who takes part: inviting (persons, organisations' contacts, the whole network), taking an
invitation back, responding (in the portal, or from the e-mail link without logging in) and
recording attendance afterwards.

The response link's token is the only key: an unknown token answers 404, a cancelled or past
meeting a clear message with nothing changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from actieplannen.views.helpers import CONFLICT, ONGELDIG, is_htmx, voeg_fouten_toe
from continuiteit.conflict import Bewerkingsconflict

from .. import access, services
from ..forms import AanwezigheidForm, AntwoordForm, UitnodigenForm
from ..models import Bijeenkomst, Genodigde
from .helpers import gepost, meld_fouten

if TYPE_CHECKING:
    from django.http import HttpRequest


# A search for people to invite shows at most this many (a network lists all its members).
MAX_ZOEKRESULTATEN = 50


def _aantal(n: int) -> str:
    return f"{n} persoon" if n == 1 else f"{n} personen"


# --- Inviting -------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def uitnodigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite persons and/or the contacts of organisations; for a network meeting also the whole
    network in one click. Invitees get an e-mail with the calendar item and their response link."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    if bijeenkomst.is_geannuleerd:
        messages.error(request, "Deze bijeenkomst is geannuleerd; er kan niemand meer worden uitgenodigd.")
        return redirect(bijeenkomst)
    hele_netwerk = request.method == "POST" and request.POST.get("alle_leden") == "1"
    form = UitnodigenForm(None if hele_netwerk else gepost(request), bijeenkomst=bijeenkomst)
    if request.method == "POST" and (hele_netwerk or form.is_valid()):
        try:
            if hele_netwerk:
                nieuw = services.nodig_uit(bijeenkomst, alle_leden=True, actor=request.user)
            else:
                nieuw = services.nodig_uit(
                    bijeenkomst,
                    personen=form.cleaned_data["personen"],
                    organisaties=form.cleaned_data["organisaties"],
                    actor=request.user,
                )
        except ValidationError as fout:
            if hele_netwerk:
                meld_fouten(request, fout)
            else:
                voeg_fouten_toe(form, fout)
        else:
            if not nieuw:
                messages.info(request, "Iedereen die u koos, was al uitgenodigd.")
            elif bijeenkomst.is_voorbij():
                messages.success(
                    request,
                    f"{_aantal(len(nieuw))} toegevoegd aan de genodigden (de bijeenkomst is voorbij: er gaat geen e-mail uit).",
                )
            else:
                messages.success(
                    request,
                    f"{_aantal(len(nieuw))} uitgenodigd. Zij krijgen een e-mail met de uitnodiging voor hun agenda.",
                )
            return redirect(f"{bijeenkomst.get_absolute_url()}#genodigden")
    genodigden = list(bijeenkomst.genodigden.select_related("gebruiker__organisatie", "organisatie"))
    kandidaten = form.fields["personen"].queryset
    zoek = request.GET.get("zoek", "").strip()
    if bijeenkomst.is_netwerkbijeenkomst:
        personen = list(kandidaten)  # the network's members: a bounded list
    elif zoek:
        # Everybody with an account may be invited: show a search, never a list of every user.
        personen = list(
            kandidaten.filter(
                Q(naam__icontains=zoek) | Q(email__icontains=zoek) | Q(organisatie__naam__icontains=zoek)
            )[: MAX_ZOEKRESULTATEN + 1]
        )
    else:
        personen = []
    gekozen = {str(w) for w in form["personen"].value() or []}
    return render(
        request,
        "bijeenkomsten/uitnodigen.html",
        {
            "bijeenkomst": bijeenkomst,
            "form": form,
            "genodigden": genodigden,
            "personen": personen[:MAX_ZOEKRESULTATEN],
            "meer_personen": len(personen) > MAX_ZOEKRESULTATEN,
            "gekozen_personen": gekozen,
            "gekozen_organisaties": {str(w) for w in form["organisaties"].value() or []},
            "zoek": zoek,
            # By the name shown (the short name where there is one).
            "organisaties": sorted(form.fields["organisaties"].queryset, key=lambda o: str(o).lower()),
        },
    )


@login_required
@require_POST
def genodigde_verwijderen(request: HttpRequest, pk: int, genodigde: int) -> HttpResponse:
    """Take an invitation back; the person gets a cancellation of the calendar item."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    weg = get_object_or_404(bijeenkomst.genodigden.select_related("gebruiker"), pk=genodigde)
    try:
        services.verwijder_genodigde(weg, actor=request.user)
    except ValidationError as fout:
        meld_fouten(request, fout)
    else:
        messages.success(request, f"{weg.gebruiker.naam} is niet meer uitgenodigd.")
    return redirect(f"{bijeenkomst.get_absolute_url()}#genodigden")


# --- Responding -----------------------------------------------------------------------------------


def _mijn_antwoord(
    request: HttpRequest,
    bijeenkomst: Bijeenkomst,
    mijn: Genodigde,
    *,
    fout: str = "",
    opgeslagen: bool = False,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "bijeenkomsten/_mijn_antwoord.html",
        {
            "bijeenkomst": bijeenkomst,
            "mijn": mijn,
            "kan_antwoorden": True,
            "fout": fout,
            "opgeslagen": opgeslagen,
        },
        status=status,
    )


@login_required
@require_POST
def antwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    """My response in the portal. With htmx the response block is swapped in place."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk)
    mijn = bijeenkomst.genodigden.filter(gebruiker=request.user).first()
    if mijn is None:
        raise PermissionDenied("U bent niet uitgenodigd voor deze bijeenkomst.")
    form = AntwoordForm(request.POST)
    fout = ""
    if not form.is_valid():
        fout = " ".join(e for fouten in form.errors.values() for e in fouten)
    else:
        try:
            mijn = services.beantwoord(mijn, form.cleaned_data["antwoord"], actor=request.user)
        except ValidationError as e:
            fout = " ".join(e.messages)
    if is_htmx(request):
        return _mijn_antwoord(
            request, bijeenkomst, mijn, fout=fout, opgeslagen=not fout, status=ONGELDIG if fout else 200
        )
    if fout:
        messages.error(request, fout)
    else:
        messages.success(request, f"Uw antwoord is opgeslagen: {mijn.get_antwoord_display()}.")
    return redirect(bijeenkomst)


def _zonder_lekken(response: HttpResponse) -> HttpResponse:
    # The token is in the URL: keep it out of Referer headers to other sites (e.g. a click on the
    # online link) and out of search engines. Not "no-referrer": the browser would then send
    # `Origin: null` with the form, and Django's CSRF check rightly refuses that.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_http_methods(["GET", "POST"])
def antwoord_link(request: HttpRequest, token: str) -> HttpResponse:
    """The response page behind the e-mail link, without logging in: the meeting in short and three
    buttons. Unknown token → 404; cancelled or past meeting → a clear message, nothing changes."""
    genodigde = services.zoek_genodigde(token)
    if genodigde is None:
        return _zonder_lekken(render(request, "bijeenkomsten/antwoord_ongeldig.html", status=404))
    bijeenkomst = genodigde.bijeenkomst
    form = AntwoordForm(gepost(request))
    fout, opgeslagen, status = "", False, 200
    if request.method == "POST":
        if not form.is_valid():
            fout, status = "Kies: ik kom, onder voorbehoud of ik meld me af.", 400
        else:
            try:
                genodigde = services.beantwoord(
                    genodigde, form.cleaned_data["antwoord"], actor=genodigde.gebruiker
                )
            except ValidationError as e:
                fout, status = " ".join(e.messages), 409
            else:
                opgeslagen = True
    return _zonder_lekken(
        render(
            request,
            "bijeenkomsten/antwoord.html",
            {
                "genodigde": genodigde,
                "bijeenkomst": bijeenkomst,
                "fout": fout,
                "opgeslagen": opgeslagen,
                "kan_antwoorden": not bijeenkomst.is_geannuleerd and not bijeenkomst.is_voorbij(),
                "antwoorden": AntwoordForm.base_fields["antwoord"].choices,
            },
            status=status,
        )
    )


# --- Attendance -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def aanwezigheid(request: HttpRequest, pk: int) -> HttpResponse:
    """Who attended, per invitee (from the moment the meeting begins)."""
    bijeenkomst = access.get_bijeenkomst_for_user(request.user, pk, beheer=True)
    if bijeenkomst.is_geannuleerd:
        messages.error(request, "Deze bijeenkomst is geannuleerd; er is geen aanwezigheid te registreren.")
        return redirect(bijeenkomst)
    if bijeenkomst.begin > timezone.now():
        messages.info(
            request, "De bijeenkomst is nog niet begonnen; registreer de aanwezigheid tijdens of na afloop."
        )
        return redirect(bijeenkomst)
    genodigden = list(
        bijeenkomst.genodigden.select_related("gebruiker__organisatie").order_by("gebruiker__naam", "pk")
    )
    form = AanwezigheidForm(gepost(request), genodigden=genodigden)
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            gewijzigd = services.registreer_aanwezigheid(
                bijeenkomst, form.aanwezigheid(), getoond=form.getoond(), actor=request.user
            )
        except Bewerkingsconflict as fout:
            # The user's choices stay; "shown" becomes what is stored now, so saving again is a
            # deliberate choice made after seeing the other person's change.
            conflict, status = fout, CONFLICT
            genodigden = list(
                bijeenkomst.genodigden.select_related("gebruiker__organisatie").order_by(
                    "gebruiker__naam", "pk"
                )
            )
            form = AanwezigheidForm(
                AanwezigheidForm.met_getoond(request.POST, genodigden), genodigden=genodigden
            )
            form.is_valid()
        except ValidationError as fout:
            meld_fouten(request, fout)
        else:
            messages.success(
                request,
                "De aanwezigheid is opgeslagen." if gewijzigd else "Er was niets gewijzigd.",
            )
            return redirect(f"{bijeenkomst.get_absolute_url()}#genodigden")
    return render(
        request,
        "bijeenkomsten/aanwezigheid.html",
        {"bijeenkomst": bijeenkomst, "form": form, "conflict": conflict},
        status=status,
    )
