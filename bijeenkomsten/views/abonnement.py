"""The personal calendar subscription: my secret feed address with instructions for Outlook and
other calendar clients; make one, replace it (the old address stops working) or stop it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .. import services
from ..models import Agendafeed

if TYPE_CHECKING:
    from django.http import HttpRequest


@login_required
@require_http_methods(["GET", "POST"])
def instellingen(request: HttpRequest) -> HttpResponse:
    """GET shows the address (nothing is created by looking); POST `actie` = aanmaken, vernieuwen
    or stoppen."""
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "aanmaken":
            services.agendafeed_voor(request.user, actor=request.user)
            messages.success(request, "Uw agenda-abonnement is klaar. Neem de link over in uw agenda.")
        elif actie == "vernieuwen":
            services.vernieuw_agendafeed(request.user, actor=request.user)
            messages.success(
                request,
                "Er is een nieuwe link gemaakt. De oude link werkt niet meer: "
                "neem de nieuwe link over in uw agenda.",
            )
        elif actie == "stoppen":
            services.stop_agendafeed(request.user, actor=request.user)
            messages.success(request, "Uw agenda-abonnement is gestopt. De link werkt niet meer.")
        else:
            messages.error(request, "Kies wat u met het agenda-abonnement wilt doen.")
        return redirect("bijeenkomsten:feed_instellingen")
    feed = Agendafeed.objects.filter(gebruiker=request.user).first()
    adres = settings.SITE_URL.rstrip("/") + feed.get_absolute_url() if feed else ""
    return render(
        request,
        "bijeenkomsten/abonnement.html",
        {
            "feed": feed,
            "adres": adres,
            # webcal:// opens the subscription dialog of Outlook and Apple Calendar directly.
            "webcal": adres.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1)
            if adres
            else "",
        },
    )
