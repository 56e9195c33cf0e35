"""The monitoring dashboard `/monitoring/` (§5 Monitoring, issue 6 items 1–3).

For the project team, the stuurgroep and the CVI: progress per sector, network and theme, the heat
map, plans against the programme milestones, toetsing, consent, signatures, financing, the trend
and the leerpunten, filtered by sector and period (GET). Stuurgroep/CVI users get aggregates only
(`Cijfers.details` is false: no links into networks, never an action); everybody else gets a 403
page that says who may use monitoring. The figures come from `monitoring.cijfers` (nine queries),
the charts from `monitoring.grafieken`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from monitoring import grafieken
from monitoring.cijfers import bereken, mag_monitoring_zien
from netwerken.models import Sector

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

# The period accepted by the filter: the programme started in 2015; nothing runs past 2100.
EERSTE_DATUM = datetime.date(2010, 1, 1)
LAATSTE_DATUM = datetime.date(2100, 12, 31)
# Charts are drawn for the page's content width; CSS scales them down on smaller screens.
GRAFIEKBREEDTE = 880


class DashboardFilter(forms.Form):
    """Sector and period of the dashboard; everything in the URL (GET)."""

    sector = forms.ModelChoiceField(
        label="Sector",
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Alle sectoren",
        error_messages={"invalid_choice": "Kies een sector uit de lijst."},
    )
    van = forms.DateField(
        label="Periode van",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 1-1-2026."},
    )
    tot = forms.DateField(
        label="tot en met",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2026."},
    )

    def clean_van(self) -> datetime.date | None:
        return self._binnen_bereik("van")

    def clean_tot(self) -> datetime.date | None:
        return self._binnen_bereik("tot")

    def _binnen_bereik(self, veld: str) -> datetime.date | None:
        datum = self.cleaned_data.get(veld)
        if datum is not None and not EERSTE_DATUM <= datum <= LAATSTE_DATUM:
            raise forms.ValidationError(
                f"Kies een datum tussen {EERSTE_DATUM:%Y} en {LAATSTE_DATUM:%Y}.", code="buiten_bereik"
            )
        return datum

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", "De einddatum van de periode ligt voor de begindatum.")
        return gegevens

    def filters(self) -> dict[str, Any]:
        """The valid filters; a period with an error in either date is left out as a whole."""
        if not self.is_bound:
            return {"sector": None, "van": None, "tot": None}
        self.is_valid()  # after validation `cleaned_data` holds the fields without errors
        gegevens = self.cleaned_data
        periode_fout = "van" in self.errors or "tot" in self.errors
        return {
            "sector": gegevens.get("sector"),
            "van": None if periode_fout else gegevens.get("van"),
            "tot": None if periode_fout else gegevens.get("tot"),
        }


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboard: 403 with an explanation for users outside the project team and stuurgroep.

    Queries: the request's session and user, the user's groups (and for the project team his
    global permissions), the sector when one is chosen, and the nine of `cijfers.bereken`.
    """
    if not mag_monitoring_zien(request.user):
        return render(request, "monitoring/_dashboard_geen_toegang.html", status=403)
    form = DashboardFilter(request.GET or None)
    filters = form.filters()  # errors are shown; the valid filters still apply
    cijfers = bereken(request.user, **filters)
    # The choices come from the figures' own list of sectors: no second query for the select.
    form.fields["sector"].widget.choices = [
        ("", "Alle sectoren"),
        *((sector.slug, sector.naam) for sector in cijfers.sectoren),
    ]
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "form": form,
            "cijfers": cijfers,
            "grafieken": grafieken.alle_grafieken(cijfers, breedte=GRAFIEKBREEDTE),
            "projectteam": cijfers.details,
        },
    )
