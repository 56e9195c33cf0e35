"""My reminder settings (`/monitoring/herinneringen/`): which periodic e-mails a person receives.

Every logged-in user manages his own settings only (there is no object to be an outsider of);
writes go through `monitoring.herinneringen.zet_herinneringen`, which keeps history with the actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..herinneringen import (
    BINNENKORT_DAGEN,
    ESCALATIE_NA_DAGEN,
    INSTEMMING_NA_DAGEN,
    UPDATE_NA_DAGEN,
    zet_herinneringen,
)
from ..models import Herinneringsafmelding, Herinneringssoort

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

S = Herinneringssoort

# Who gets each kind and how often: shown under its checkbox.
UITLEG = {
    S.ACTIE_TERMIJN: (
        f"Voor eigenaren van acties: één keer als de einddatum binnen {BINNENKORT_DAGEN} dagen valt, "
        "en één keer per week zolang de actie te laat is. Alle acties in één e-mail."
    ),
    S.INSTEMMING: (
        f"Voor contactpersonen: als uw organisatie na {INSTEMMING_NA_DAGEN} dagen nog niet heeft "
        "ingestemd met een actieplan, daarna één keer per week."
    ),
    S.UPDATE_ONTBREEKT: (
        f"Voor coördinatoren: acties in uw netwerken zonder voortgangsupdate in {UPDATE_NA_DAGEN} dagen. "
        f"Na {ESCALATIE_NA_DAGEN} dagen krijgt ook het projectteam bericht."
    ),
    S.MENUKAART_REVIEW: (
        "Voor het projectteam: gepubliceerde menukaartitems die twaalf maanden niet zijn beoordeeld, "
        "één keer per maand."
    ),
    S.BIJEENKOMST: "De dag vóór een bijeenkomst waarvoor u bent uitgenodigd.",
    S.RAPPORT: "De maandelijkse of driemaandelijkse rapportage als PDF, als u op een verzendlijst staat.",
}


class HerinneringenForm(forms.Form):
    aan = forms.MultipleChoiceField(
        label="Herinneringen die ik per e-mail ontvang",
        choices=S.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@login_required
@require_http_methods(["GET", "POST"])
def herinneringen(request: HttpRequest) -> HttpResponse:
    """Checkboxes per reminder kind (all on unless switched off) and the history of changes.

    Queries: the user's opt-outs, their history (with the actor), plus the session and user.
    """
    gebruiker = request.user
    if request.method == "POST":
        form = HerinneringenForm(request.POST)
        if form.is_valid():
            aan = form.cleaned_data["aan"]
            gewijzigd = zet_herinneringen(gebruiker, aan=aan, actor=gebruiker)
            if gewijzigd:
                messages.success(
                    request,
                    f"Uw keuzes zijn opgeslagen. U ontvangt {len(aan)} van de {len(S.values)} soorten herinneringen.",
                )
            else:
                messages.info(request, "Er was niets gewijzigd.")
            return redirect("monitoring:herinneringen")
    else:
        uit = set(Herinneringsafmelding.objects.filter(gebruiker=gebruiker).values_list("soort", flat=True))
        form = HerinneringenForm(initial={"aan": [soort for soort in S.values if soort not in uit]})
    historie = [
        {
            "wanneer": rij.history_date,
            "wie": rij.history_user,
            "zelf": rij.history_user_id == gebruiker.pk,
            "soort": S(rij.soort).label,
            "aan": rij.history_type == "-",  # removing the opt-out switches the reminder on again
        }
        for rij in Herinneringsafmelding.history.filter(gebruiker_id=gebruiker.pk)
        .exclude(history_type="~")
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:50]
    ]
    keuzes = [{"veld": keuze, "uitleg": UITLEG[keuze.data["value"]]} for keuze in form["aan"]]
    return render(
        request,
        "monitoring/voorkeuren.html",
        {"form": form, "keuzes": keuzes, "historie": historie},
    )
