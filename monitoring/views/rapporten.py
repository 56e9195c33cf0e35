"""Reports (`/monitoring/rapporten/`): the list of reports I may see, requesting one, its progress
page and the download (§5 Rapportages, issue 6 item 7).

Every view starts from `monitoring.rapporten.rapporten_voor` (404 for a report one may not see,
the same answer as for one that does not exist). Requesting goes through `rapporten.vraag_aan`;
stuurgroep/CVI users and others who may request nothing get 403 on a POST. The progress page polls
a small partial every second with htmx; without JavaScript a `<noscript>` refresh does the same.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netwerken.models import Sector

from .. import rapporten
from ..models import Rapport, Rapportsoort

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from netwerken.models import Gebruiker

PER_PAGINA = 25
WACHTRIJ_GEDULD = datetime.timedelta(minutes=2)
# The programme began in 2015 (Veiligheidsberaad); the end report looks back to then by default.
PROGRAMMASTART = datetime.date(2015, 1, 1)

# What each kind of report is, under its radio button.
UITLEG = {
    Rapportsoort.STUURGROEP: "Alle sectoren, alleen totalen: voortgang, mijlpalen, financiering, leerpunten.",
    Rapportsoort.CVI: "Eén sector, alleen totalen: voor de Commissie Vitale Infrastructuur.",
    Rapportsoort.NETWERK: "Het actieplan van één netwerk met zijn verbeteracties, zoals u die mag zien.",
    Rapportsoort.EIND: "Evaluatie van het programma: resultaten tegen de mijlpalen, leerpunten, wat openstaat.",
}


# --- The form -------------------------------------------------------------------------------------


def vorige_maand(vandaag: datetime.date) -> tuple[datetime.date, datetime.date]:
    einde = vandaag.replace(day=1) - datetime.timedelta(days=1)
    return einde.replace(day=1), einde


def vorig_kwartaal(vandaag: datetime.date) -> tuple[datetime.date, datetime.date]:
    begin_dit_kwartaal = datetime.date(vandaag.year, 3 * ((vandaag.month - 1) // 3) + 1, 1)
    einde = begin_dit_kwartaal - datetime.timedelta(days=1)
    return datetime.date(einde.year, einde.month - 2, 1), einde


def periodes(vandaag: datetime.date) -> dict[str, tuple[datetime.date, datetime.date] | None]:
    """The period choices with their dates (None: the user fills in the dates)."""
    return {
        "maand": vorige_maand(vandaag),
        "kwartaal": vorig_kwartaal(vandaag),
        "jaar": (vandaag.replace(month=1, day=1), vandaag),
        "programma": (PROGRAMMASTART, vandaag),
        "zelf": None,
    }


def _periode_label(naam: str, datums: tuple[datetime.date, datetime.date] | None) -> str:
    namen = {
        "maand": "Vorige maand",
        "kwartaal": "Vorig kwartaal",
        "jaar": "Dit jaar tot vandaag",
        "programma": "Sinds de start van het programma",
        "zelf": "Zelf kiezen",
    }
    if datums is None:
        return namen[naam]
    return f"{namen[naam]} ({date_format(datums[0], 'j F Y')} t/m {date_format(datums[1], 'j F Y')})"


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class RapportAanvraagForm(forms.Form):
    """Kind, sector or network where the kind needs one, and the period (a choice or own dates)."""

    soort = forms.ChoiceField(label="Soort rapportage", widget=forms.RadioSelect)
    sector = forms.ModelChoiceField(
        label="Sector",
        queryset=Sector.objects.order_by("volgorde", "naam"),
        required=False,
        empty_label="— kies een sector —",
        help_text="Alleen bij een rapportage CVI.",
    )
    netwerk = forms.ModelChoiceField(
        label="Netwerk",
        queryset=None,
        required=False,
        empty_label="— kies een netwerk —",
        help_text="Alleen bij een netwerkrapportage.",
    )
    periode = forms.ChoiceField(label="Periode", widget=forms.RadioSelect, initial="maand")
    van = forms.DateField(label="Van", required=False, widget=DatumInput(), help_text="Bij ‘zelf kiezen’.")
    tot = forms.DateField(
        label="Tot en met", required=False, widget=DatumInput(), help_text="Bij ‘zelf kiezen’."
    )

    def __init__(
        self,
        *args: Any,
        gebruiker: Gebruiker,
        soorten: list[Rapportsoort],
        vandaag: datetime.date,
        **kwargs: Any,
    ) -> None:
        """`soorten`: what the user may request (`rapporten.soorten_voor`), never empty."""
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag
        self.periodes = periodes(vandaag)
        self.fields["soort"].choices = [(s.value, s.label) for s in soorten]
        self.fields["soort"].help_text = format_html(
            '<ul class="soortuitleg">{}</ul>',
            format_html_join("", "<li><strong>{}</strong>: {}</li>", ((s.label, UITLEG[s]) for s in soorten)),
        )
        if len(soorten) == 1:
            self.fields["soort"].initial = soorten[0].value
        if Rapportsoort.CVI not in soorten:
            del self.fields["sector"]
        if Rapportsoort.NETWERK in soorten:
            netwerken = rapporten.netwerken_voor_aanvraag(gebruiker).order_by("naam")
            self.fields["netwerk"].queryset = netwerken
            if not gebruiker.is_projectteam:
                # A member of one network need not choose it (one small query; members have few).
                eigen = list(netwerken[:2])
                if len(eigen) == 1:
                    self.fields["netwerk"].initial = eigen[0].pk
        else:
            del self.fields["netwerk"]
        self.fields["periode"].choices = [
            (naam, _periode_label(naam, d)) for naam, d in self.periodes.items()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        soort = data.get("soort")
        if soort == Rapportsoort.CVI and not data.get("sector"):
            self.add_error("sector", "Kies de sector van de rapportage CVI.")
        if soort == Rapportsoort.NETWERK and not data.get("netwerk"):
            self.add_error("netwerk", "Kies het netwerk van de netwerkrapportage.")
        periode = data.get("periode")
        if periode == "zelf":
            van, tot = data.get("van"), data.get("tot")
            if not van and "van" not in self.errors:
                self.add_error("van", "Vul de eerste dag van de periode in.")
            if not tot and "tot" not in self.errors:
                self.add_error("tot", "Vul de laatste dag van de periode in.")
            if van and tot and tot < van:
                self.add_error("tot", "De laatste dag ligt vóór de eerste dag van de periode.")
            if tot and tot > self.vandaag:
                self.add_error("tot", "De periode kan niet in de toekomst eindigen.")
            if van and van < PROGRAMMASTART:
                self.add_error(
                    "van", f"De periode begint op zijn vroegst op {date_format(PROGRAMMASTART, 'j F Y')}."
                )
        elif periode:
            data["van"], data["tot"] = self.periodes[periode]
        return data


# --- Views ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def lijst(request: HttpRequest) -> HttpResponse:
    """The reports I may see (newest first, paginated) and, if I may request any, the form."""
    soorten = rapporten.soorten_voor(request.user)
    if request.method == "POST" and not soorten:
        raise PermissionDenied("U kunt geen rapportages aanvragen.")
    form = None
    if soorten:
        form = RapportAanvraagForm(
            request.POST if request.method == "POST" else None,
            gebruiker=request.user,
            soorten=soorten,
            vandaag=timezone.localdate(),
            initial=_voorkeuze(request),
        )
    if form is not None and form.is_bound and form.is_valid():
        gegevens = form.cleaned_data
        try:
            rapport = rapporten.vraag_aan(
                actor=request.user,
                soort=gegevens["soort"],
                van=gegevens["van"],
                tot=gegevens["tot"],
                sector=gegevens.get("sector"),
                netwerk=gegevens.get("netwerk"),
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            return redirect("monitoring:rapport", pk=rapport.pk)
    pagina = Paginator(
        rapporten.rapporten_voor(request.user)
        .select_related("sector", "netwerk", "aangevraagd_door")
        .order_by("-aangevraagd_op", "-pk"),
        PER_PAGINA,
    ).get_page(request.GET.get("pagina"))
    return render(request, "monitoring/rapporten.html", {"form": form, "pagina": pagina})


def _voorkeuze(request: HttpRequest) -> dict[str, Any]:
    """A link may preselect the form, e.g. `?soort=netwerk&netwerk=<slug>` from a network's plan."""
    initial: dict[str, Any] = {}
    if request.GET.get("soort") in Rapportsoort.values:
        initial["soort"] = request.GET["soort"]
    if request.GET.get("netwerk"):
        netwerk = (
            rapporten.netwerken_voor_aanvraag(request.user)
            .filter(slug=request.GET["netwerk"])
            .values_list("pk", flat=True)
            .first()
        )
        if netwerk:
            initial["netwerk"] = netwerk
    if request.GET.get("sector"):
        sector = Sector.objects.filter(slug=request.GET["sector"]).values_list("pk", flat=True).first()
        if sector:
            initial["sector"] = sector
    return initial


@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report: its progress while it is made, then the download (or the error).

    An htmx poll gets only the progress partial; it stops polling once the report is finished.
    """
    rapport = rapporten.markeer_afgebroken(rapporten.get_rapport_for_user(request.user, pk))
    context = {
        "rapport": rapport,
        "bezig": rapport.status in (Rapport.Status.WACHTRIJ, Rapport.Status.BEZIG),
        # A report that nobody picks up (the background worker is not running) says so.
        "lang_in_wachtrij": rapport.status == Rapport.Status.WACHTRIJ
        and timezone.now() - rapport.aangevraagd_op > WACHTRIJ_GEDULD,
    }
    if request.htmx:
        return render(request, "monitoring/_rapport_voortgang.html", context)
    context["mag_opnieuw"] = rapport.status == Rapport.Status.MISLUKT and _mag_opnieuw(request.user, rapport)
    return render(request, "monitoring/rapport.html", context)


@login_required
@require_POST
def opnieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """Request a failed report again with the same kind, subject and period (a new report)."""
    rapport = rapporten.get_rapport_for_user(request.user, pk)
    if not _mag_opnieuw(request.user, rapport):
        raise PermissionDenied("U kunt deze rapportage niet opnieuw aanvragen.")
    try:
        nieuw = rapporten.vraag_aan(
            actor=request.user,
            soort=rapport.soort,
            van=rapport.periode_van,
            tot=rapport.periode_tot,
            sector=rapport.sector,
            netwerk=rapport.netwerk,
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
        return redirect("monitoring:rapport", pk=rapport.pk)
    return redirect("monitoring:rapport", pk=nieuw.pk)


def _mag_opnieuw(gebruiker: Gebruiker, rapport: Rapport) -> bool:
    if rapport.soort not in rapporten.soorten_voor(gebruiker):
        return False
    if rapport.soort == Rapportsoort.NETWERK:
        return rapporten.netwerken_voor_aanvraag(gebruiker).filter(pk=rapport.netwerk_id).exists()
    return True


@login_required
@require_safe
def download(request: HttpRequest, pk: int) -> FileResponse:
    """The stored PDF, streamed from the private storage as an attachment with a telling name."""
    rapport = rapporten.get_rapport_for_user(request.user, pk)
    if rapport.status != Rapport.Status.GEREED or not rapport.bestand:
        raise Http404("Deze rapportage heeft (nog) geen bestand.")
    try:
        bestand = rapport.bestand.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand van deze rapportage ontbreekt.") from None
    response = FileResponse(
        bestand, as_attachment=True, filename=rapporten.bestandsnaam(rapport), content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
