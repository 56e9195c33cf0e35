"""Toetsing (§5): a network's self-assessment against the current agenda of each of its sectors.

Readers of the network (members including waarnemers, the project team) see the checklist;
members who may edit (`change_netwerk`) assess items one at a time, with htmx or a plain POST,
and turn open or partial items into verbeteracties. Every view fetches the network through
`get_netwerk_for_user`: 404 for outsiders, 403 for readers on a write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRefresh

from agenda.models import TOP, Agenda, Samenwerkingsafspraak, Thema
from netwerken.permissions import get_netwerk_for_user, heeft_recht

from .. import services
from ..access import BEWERKEN
from ..forms_toetsing import MAX_TOELICHTING, ActiesMakenForm, BeoordelingForm
from ..models import Beoordeling, Verbeteractie

if TYPE_CHECKING:
    import uuid

    from django.http import HttpRequest

    from netwerken.models import Netwerk, Sector


@dataclass
class Themagroep:
    thema: Thema
    afspraken: list[Samenwerkingsafspraak]


@dataclass
class Sectorstand:
    """One sector of the network: its current agenda (or none yet) and the items per theme."""

    sector: Sector
    agenda: Agenda | None
    themas: list[Themagroep] = field(default_factory=list)
    top_vijf: list[Samenwerkingsafspraak] = field(default_factory=list)  # by rank
    beoordeeld: int = 0
    totaal: int = 0
    eerdere_versies: list[int] = field(default_factory=list)  # versions assessed against before

    @property
    def procent(self) -> int:
        return round(100 * self.beoordeeld / self.totaal) if self.totaal else 0


@dataclass
class Toetsing:
    """Everything the page shows; built in a constant number of queries by `_toetsing`."""

    sectoren: list[Sectorstand]
    afspraken: dict[uuid.UUID, Samenwerkingsafspraak]
    beoordeeld: int
    totaal: int
    per_status: list[tuple[str, str, int]]  # (status, label, count) over the current items
    zonder_actie: int  # open or partial, not yet an action
    nieuw: list[Samenwerkingsafspraak]  # in a new version since the network's earlier assessment
    vervallen: list[Beoordeling]  # earlier answers on items no longer on the agenda
    verplaatst: list[Samenwerkingsafspraak]  # assessed items whose rank changed since (`oude_rang`)

    @property
    def is_gewijzigd(self) -> bool:
        return bool(self.nieuw or self.vervallen or self.verplaatst)

    @property
    def procent(self) -> int:
        return round(100 * self.beoordeeld / self.totaal) if self.totaal else 0


def _acties_per_beoordeling(netwerk: Netwerk, user: Any) -> dict[int, Verbeteractie]:
    """Actions made from the network's assessments, each marked whether this user may see it.

    A TLP:RED action for named recipients still blocks a second action for the item, so it is
    listed, but without its title or link for others (one query).
    """
    zichtbaar = Verbeteractie.objects.visible_to(user).filter(pk=OuterRef("pk"))
    acties = (
        Verbeteractie.objects.filter(actieplan__netwerk=netwerk, beoordeling__isnull=False)
        .annotate(zichtbaar=Exists(zichtbaar))
        .only("pk", "titel", "status", "beoordeling_id")
        .order_by("pk")
    )
    per_beoordeling: dict[int, Verbeteractie] = {}
    for actie in acties:
        per_beoordeling.setdefault(actie.beoordeling_id, actie)
    return per_beoordeling


def _toetsing(
    request: HttpRequest,
    netwerk: Netwerk,
    *,
    mag_bewerken: bool,
    formulieren: dict[uuid.UUID, BeoordelingForm] | None = None,
    opgeslagen: str = "",
) -> Toetsing:
    """The page's data: items per sector and theme with their assessment, form and action.

    Queries: the network's sectors, the current agendas, their items, the assessments, the
    actions made from them, and, only after a new agenda version, the items of the versions
    assessed against earlier (to tell new items from skipped ones).
    """
    formulieren = formulieren or {}
    sectoren = list(netwerk.sectoren.order_by("volgorde", "naam"))
    stand = services.toetsingsstand(netwerk)
    acties = _acties_per_beoordeling(netwerk, request.user)
    huidige_agendas = {agenda.sector_id: agenda for agenda in stand.agendas}
    huidige_agenda_ids = {agenda.pk for agenda in stand.agendas}

    # Versions the network assessed against before the current one, per sector.
    beoordelingen = [a.beoordeling for a in stand.afspraken if a.beoordeling] + stand.vervallen
    eerder: dict[int, set[int]] = {}
    oude_agenda_ids = set()
    for beoordeling in beoordelingen:
        agenda = beoordeling.afspraak.agenda
        if agenda.pk not in huidige_agenda_ids:
            eerder.setdefault(agenda.sector_id, set()).add(agenda.versie)
            oude_agenda_ids.add(agenda.pk)
    oude_sleutels = (
        set(
            Samenwerkingsafspraak.objects.filter(agenda_id__in=oude_agenda_ids).values_list(
                "sleutel", flat=True
            )
        )
        if oude_agenda_ids
        else set()
    )
    oude_rang = {afspraak.pk: was for afspraak, was, _nu in stand.verplaatst}

    per_sector = {
        sector.pk: Sectorstand(
            sector=sector,
            agenda=huidige_agendas.get(sector.pk),
            eerdere_versies=sorted(eerder.get(sector.pk, ())),
        )
        for sector in sectoren
    }
    tellingen = dict.fromkeys(Beoordeling.Status.values, 0)
    nieuw, verplaatst, zonder_actie = [], [], 0
    for afspraak in stand.afspraken:
        beoordeling = afspraak.beoordeling
        afspraak.actie = acties.get(beoordeling.pk) if beoordeling else None
        afspraak.is_nieuw = (
            beoordeling is None
            and afspraak.agenda.sector_id in eerder
            and afspraak.sleutel not in oude_sleutels
        )
        afspraak.oude_rang = oude_rang.get(afspraak.pk)
        afspraak.was_top_vijf = afspraak.oude_rang is not None and afspraak.oude_rang <= TOP
        afspraak.kan_actie_worden = bool(beoordeling and beoordeling.vraagt_actie and afspraak.actie is None)
        afspraak.opgeslagen = str(afspraak.sleutel) == opgeslagen
        if mag_bewerken:
            afspraak.veld_id = f"b-{afspraak.sleutel}"  # prefix of the form's ids, unique per item
            afspraak.form = formulieren.get(afspraak.sleutel) or BeoordelingForm(
                initial={"status": beoordeling.status, "toelichting": beoordeling.toelichting}
                if beoordeling
                else None,
            )
        if afspraak.is_nieuw:
            nieuw.append(afspraak)
        if afspraak.oude_rang is not None:
            verplaatst.append(afspraak)
        if beoordeling:
            tellingen[beoordeling.status] += 1
            zonder_actie += afspraak.kan_actie_worden

        stand_sector = per_sector[afspraak.agenda.sector_id]
        stand_sector.totaal += 1
        stand_sector.beoordeeld += beoordeling is not None
        if not stand_sector.themas or stand_sector.themas[-1].thema.pk != afspraak.thema_id:
            stand_sector.themas.append(Themagroep(afspraak.thema, []))
        stand_sector.themas[-1].afspraken.append(afspraak)
        if afspraak.is_top_vijf:
            stand_sector.top_vijf.append(afspraak)

    for stand_sector in per_sector.values():
        stand_sector.top_vijf.sort(key=lambda a: a.rang)

    for beoordeling in stand.vervallen:
        beoordeling.actie = acties.get(beoordeling.pk)
    return Toetsing(
        sectoren=list(per_sector.values()),
        afspraken={a.sleutel: a for a in stand.afspraken},
        beoordeeld=stand.beoordeeld,
        totaal=stand.totaal,
        per_status=[(s.value, s.label, tellingen[s.value]) for s in Beoordeling.Status],
        zonder_actie=zonder_actie,
        nieuw=sorted(nieuw, key=lambda a: (a.agenda.sector.volgorde, a.rang)),
        vervallen=sorted(stand.vervallen, key=lambda b: (b.afspraak.agenda.sector.volgorde, b.afspraak.rang)),
        verplaatst=sorted(verplaatst, key=lambda a: (a.agenda.sector.volgorde, a.rang)),
    )


def _pagina(
    request: HttpRequest,
    netwerk: Netwerk,
    *,
    formulieren: dict[uuid.UUID, BeoordelingForm] | None = None,
    fout_bij: Samenwerkingsafspraak | None = None,
) -> HttpResponse:
    mag_bewerken = heeft_recht(request.user, BEWERKEN, netwerk)
    toetsing = _toetsing(
        request,
        netwerk,
        mag_bewerken=mag_bewerken,
        formulieren=formulieren,
        opgeslagen=request.GET.get("opgeslagen", ""),
    )
    return render(
        request,
        "actieplannen/toetsing.html",
        {
            "netwerk": netwerk,
            "toetsing": toetsing,
            "mag_bewerken": mag_bewerken,
            "fout_bij": fout_bij,
            "keuzes": Beoordeling.Status.choices,
            "max_toelichting": MAX_TOELICHTING,
        },
    )


@login_required
@require_safe
def overzicht(request: HttpRequest, slug: str) -> HttpResponse:
    """The checklist per sector and theme, progress, and what changed since a new agenda version."""
    netwerk = get_netwerk_for_user(request.user, slug)
    return _pagina(request, netwerk)


def _afspraak(netwerk: Netwerk, sleutel: uuid.UUID) -> Samenwerkingsafspraak:
    """The agenda item with this key in an adopted agenda of the network's sectors, current first."""
    afspraak = (
        Samenwerkingsafspraak.objects.filter(
            sleutel=sleutel,
            agenda__sector__in=netwerk.sectoren.all(),
            agenda__status=Agenda.Status.VASTGESTELD,
        )
        .select_related("agenda__sector", "thema")
        .order_by("-agenda__huidig", "-agenda__versie")
        .first()
    )
    if afspraak is None:
        raise Http404("Afspraak niet gevonden.")
    return afspraak


@login_required
@require_POST
def beoordeel(request: HttpRequest, slug: str, sleutel: uuid.UUID) -> HttpResponse:
    """Save one item's assessment; with htmx the item and the progress are re-rendered in place."""
    netwerk = get_netwerk_for_user(request.user, slug, perm=BEWERKEN)
    afspraak = _afspraak(netwerk, sleutel)
    form = BeoordelingForm(request.POST)
    if form.is_valid():
        try:
            beoordeling = services.beoordeel(
                netwerk,
                afspraak,
                status=form.cleaned_data["status"],
                toelichting=form.cleaned_data["toelichting"],
                actor=request.user,
            )
        except ValidationError as fout:
            if not hasattr(fout, "error_dict"):  # not about a field: the item left the agenda
                for tekst in fout.messages:
                    messages.error(request, f"„{afspraak.titel}” is niet opgeslagen. {tekst}")
                if request.htmx:
                    return HttpResponseClientRefresh()
                return redirect(reverse("actieplannen:toetsing", args=[netwerk.slug]))
            form.add_error(None, fout)
        else:
            if request.htmx:
                return _htmx_item(request, netwerk, sleutel, opgeslagen=True)
            messages.success(
                request,
                f"Beoordeling van „{afspraak.titel}” opgeslagen: {beoordeling.get_status_display()}.",
            )
            return redirect(
                reverse("actieplannen:toetsing", args=[netwerk.slug])
                + f"?opgeslagen={sleutel}#afspraak-{sleutel}"
            )
    # Invalid: nothing is stored; the errors are shown at the item.
    if request.htmx:
        return _htmx_item(request, netwerk, sleutel, form=form)
    return _pagina(request, netwerk, formulieren={sleutel: form}, fout_bij=afspraak)


def _htmx_item(
    request: HttpRequest,
    netwerk: Netwerk,
    sleutel: uuid.UUID,
    *,
    form: BeoordelingForm | None = None,
    opgeslagen: bool = False,
) -> HttpResponse:
    """The re-rendered item plus the progress counter, swapped out of band."""
    toetsing = _toetsing(
        request,
        netwerk,
        mag_bewerken=True,
        formulieren={sleutel: form} if form else None,
        opgeslagen=str(sleutel) if opgeslagen else "",
    )
    afspraak = toetsing.afspraken.get(sleutel)
    if afspraak is None:  # adopted away between the page load and the save
        return HttpResponseClientRefresh()
    return render(
        request,
        "actieplannen/_toetsing_htmx.html",
        {
            "netwerk": netwerk,
            "toetsing": toetsing,
            "a": afspraak,
            "mag_bewerken": True,
            "keuzes": Beoordeling.Status.choices,
            "max_toelichting": MAX_TOELICHTING,
        },
    )


@login_required
@require_POST
def maak_acties(request: HttpRequest, slug: str) -> HttpResponse:
    """Turn the ticked (or all) open and partial items of the current agendas into verbeteracties."""
    netwerk = get_netwerk_for_user(request.user, slug, perm=BEWERKEN)
    huidige_sleutels = Samenwerkingsafspraak.objects.filter(
        agenda__huidig=True, agenda__sector__in=netwerk.sectoren.all()
    ).values("sleutel")
    beoordelingen = Beoordeling.objects.filter(netwerk=netwerk, sleutel__in=huidige_sleutels).select_related(
        "afspraak"
    )
    terug = reverse("actieplannen:toetsing", args=[netwerk.slug])
    form = ActiesMakenForm(request.POST, beoordelingen=beoordelingen)
    if not form.is_valid():
        for fouten in form.errors.values():
            for tekst in fouten:
                messages.error(request, tekst)
        return redirect(terug + "#acties-maken")
    if form.cleaned_data["alle"]:
        gekozen = list(
            beoordelingen.filter(
                status__in=[Beoordeling.Status.OPEN, Beoordeling.Status.DEELS], acties__isnull=True
            ).order_by("afspraak__rang")
        )
    else:
        gekozen = sorted(form.cleaned_data["beoordeling"], key=lambda b: b.afspraak.rang)
    try:
        nieuw = services.maak_acties_uit_beoordelingen(netwerk, gekozen, actor=request.user)
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
        return redirect(terug)
    overgeslagen = len(gekozen) - len(nieuw)
    if nieuw:
        plan_url = reverse("actieplannen:plan", args=[netwerk.slug])
        messages.success(
            request,
            format_html(
                "{} verbeteractie{} gemaakt in het actieplan: {}. "
                '<a class="utrecht-link" href="{}">Naar het actieplan</a> om eigenaar, planning en '
                "financiering in te vullen.",
                len(nieuw),
                "" if len(nieuw) == 1 else "s",
                format_html_join(", ", "„{}”", ((a.titel,) for a in nieuw)),
                plan_url,
            ),
        )
    if overgeslagen:
        messages.info(
            request,
            f"{overgeslagen} afspra{'ak' if overgeslagen == 1 else 'ken'} overgeslagen: "
            "die {} al een actie of {} niet open of deels beoordeeld.".format(
                *(("heeft", "is") if overgeslagen == 1 else ("hebben", "zijn"))
            ),
        )
    if not gekozen:
        messages.info(request, "Er zijn geen open of deels beoordeelde afspraken zonder verbeteractie.")
    return redirect(terug)
