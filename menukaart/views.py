"""Menukaart screens (§5): search, item pages, proposing and editing, curation, the loket.

Every view fetches items through `menukaart.access` / `MenukaartItem.objects.visible_to` and
writes through `menukaart.services`; a refusal there is shown as a Dutch message or form error
and nothing is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from actieplannen.models import Verbeteractie
from continuiteit.historie import Bron, wijzigingen

from . import services
from .access import BEWERKEN, CUREREN, eis_curator, get_item_for_user, get_vraag_for_user
from .bestanden import ACCEPT
from .forms import AntwoordForm, BijlageForm, ItemForm, KoppelForm, VraagForm, ZoekForm
from .koppelingen import gebruik_van_item, mijn_acties
from .models import ActieKoppeling, Bijlage, Link, LoketVraag, MenukaartItem
from .querysets import is_curator
from .zoeken import ontleed

if TYPE_CHECKING:
    from django.http import HttpRequest

PER_PAGINA = 20
# Shown when a search finds nothing: common words of the catalogue that do find something.
ZOEKSUGGESTIES = ("noodwater", "LCMS", "NL-Alert", "convenant", "oefenen", "netcentrisch werken")


def _fouten(request: HttpRequest, fout: ValidationError) -> None:
    for tekst in fout.messages:
        messages.error(request, tekst)


def _terug(request: HttpRequest, standaard: str) -> HttpResponse:
    """Back to `next` when it is a page of this portal, else to `standaard`."""
    volgende = request.POST.get("next") or request.GET.get("next")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(volgende)
    return redirect(standaard)


# --- Search ---------------------------------------------------------------------------------------


@login_required
def zoeken(request: HttpRequest) -> HttpResponse:
    """Search with filters; relevance order when there is a query, else alphabetical."""
    curator = is_curator(request.user)
    form = ZoekForm(request.GET or None, curator=curator)
    items = MenukaartItem.objects.visible_to(request.user)
    # A bad filter is a form error; the words searched for still count.
    q, status = request.GET.get("q", "")[:200].strip(), ""
    if form.is_valid():
        gegevens = form.cleaned_data
        q = gegevens["q"].strip()
        if gegevens["thema"]:
            items = items.filter(themas=gegevens["thema"])
        if gegevens["sector"]:
            items = items.filter(sectoren=gegevens["sector"])
        if gegevens["soort"]:
            items = items.filter(soort=gegevens["soort"])
        status = gegevens.get("status") or ""
    if status == "verouderd":
        items = items.verouderd()
    elif status:
        items = items.filter(status=status)
    elif curator:
        items = items.exclude(status=MenukaartItem.Status.GEARCHIVEERD)
    else:
        # Members search the published menukaart; their own proposals are under "Mijn vragen".
        items = items.gepubliceerd()
    items = items.zoek(q).for_list()
    volgorde = ("-relevantie", "titel", "pk") if q else ("titel", "pk")
    pagina = Paginator(items.order_by(*volgorde), PER_PAGINA).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    filters_actief = any(request.GET.get(naam) for naam in ("thema", "sector", "soort", "status"))
    return render(
        request,
        "menukaart/zoeken.html",
        {
            "form": form,
            "q": q,
            "genegeerd": ontleed(q).genegeerd if q else (),
            "pagina": pagina,
            "querystring": querystring.urlencode(),
            "filters_actief": filters_actief,
            "curator": curator,
            "suggesties": ZOEKSUGGESTIES,
            "vandaag": timezone.localdate(),
            "vraagform": VraagForm(),
        },
    )


# --- Item page ------------------------------------------------------------------------------------


def _historie(item: MenukaartItem) -> list:
    return wijzigingen(
        [
            Bron(
                MenukaartItem.history.filter(id=item.pk),
                lambda naam: "Item",
                velden=(
                    "soort",
                    "titel",
                    "samenvatting",
                    "inhoud",
                    "organisatie",
                    "contact_naam",
                    "contact_email",
                    "contact_telefoon",
                    "tlp",
                    "status",
                    "curator",
                    "laatst_beoordeeld",
                ),
            ),
            Bron(
                Link.history.filter(item_id=item.pk),
                lambda naam: f"Link {naam('titel')}",
                velden=("titel", "url"),
            ),
            Bron(
                Bijlage.history.filter(item_id=item.pk),
                lambda naam: f"Bijlage {naam('oorspronkelijke_naam')}",
                velden=("oorspronkelijke_naam",),
            ),
            Bron(
                ActieKoppeling.history.filter(item_id=item.pk),
                lambda naam: "Koppeling met een actie",
                velden=(),
            ),
        ],
        # Loaded with the item (`for_detail`): most rows name these, at no query.
        bekend=(item.organisatie, item.curator, item.voorgesteld_door),
    )


@login_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, detail=True)
    curator = is_curator(request.user)
    context: dict[str, Any] = {
        "item": item,
        "themas": list(item.themas.all()),
        "sectoren": list(item.sectoren.all()),
        "links": list(item.links.all()),
        "bijlagen": list(item.bijlagen.all()),
        "curator": curator,
        "mag_bewerken": services.mag_bewerken(item, request.user),
        "verouderd": item.is_verouderd(),
        "gebruik": gebruik_van_item(item, request.user),
        "vraagform": VraagForm(initial={"item": item.pk}),
    }
    if item.is_gepubliceerd:
        context["mijn_acties"] = list(mijn_acties(request.user, zonder_item=item))
    if curator:
        context["historie"] = _historie(item)
    if context["mag_bewerken"]:
        context["bijlageform"] = BijlageForm()
        context["accept"] = ACCEPT
    return render(request, "menukaart/item.html", context)


@login_required
def voorstellen(request: HttpRequest) -> HttpResponse:
    """Any member proposes an item; the project team publishes it after review."""
    form = ItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        velden = form.itemvelden()
        try:
            nieuw = services.stel_voor(actor=request.user, **velden)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(
                request,
                f"Uw voorstel „{nieuw.titel}” is opgeslagen. Het projectteam beoordeelt het; tot dan "
                "ziet alleen u het (en het projectteam).",
            )
            return redirect(nieuw)
    return render(request, "menukaart/item_form.html", {"form": form, "item": None})


@login_required
def bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, BEWERKEN)
    form = ItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        velden = form.itemvelden()
        try:
            item = services.wijzig_item(
                item, actor=request.user, revisie=form.cleaned_data.get("revisie"), **velden
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, f"„{item.titel}” is opgeslagen.")
            return redirect(item)
    return render(request, "menukaart/item_form.html", {"form": form, "item": item})


def _curatiestap(request: HttpRequest, pk: int, stap: Any, melding: str) -> HttpResponse:
    item = get_item_for_user(request.user, pk, CUREREN)
    try:
        item = stap(item, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, melding.format(titel=item.titel))
    return _terug(request, item.get_absolute_url())


@login_required
@require_POST
def publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    return _curatiestap(request, pk, services.publiceer, "„{titel}” is gepubliceerd op de menukaart.")


@login_required
@require_POST
def archiveren(request: HttpRequest, pk: int) -> HttpResponse:
    return _curatiestap(request, pk, services.archiveer, "„{titel}” is gearchiveerd.")


@login_required
@require_POST
def beoordeeld(request: HttpRequest, pk: int) -> HttpResponse:
    return _curatiestap(
        request, pk, services.markeer_beoordeeld, "„{titel}” is gemarkeerd als beoordeeld (vandaag)."
    )


# --- Attachments ----------------------------------------------------------------------------------


@login_required
@require_POST
def bijlage_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, BEWERKEN)
    form = BijlageForm(request.POST, request.FILES)
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, f"De bijlage is niet opgeslagen. {fout}")
        return redirect(item)
    try:
        bijlage = services.voeg_bijlage_toe(item, form.cleaned_data["bestand"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"De bijlage „{bijlage.oorspronkelijke_naam}” is toegevoegd.")
    return redirect(item)


@login_required
def bijlage(request: HttpRequest, pk: int, bijlage: int) -> FileResponse:
    """Download an attachment of an item the user may see; never shown inline."""
    item = get_item_for_user(request.user, pk)
    gevonden = item.bijlagen.filter(pk=bijlage).first()
    if gevonden is None:
        raise Http404("Bijlage niet gevonden.")
    try:
        bestand = gevonden.bestand.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand van deze bijlage ontbreekt.") from None
    response = FileResponse(
        bestand,
        as_attachment=True,
        filename=gevonden.oorspronkelijke_naam,
        content_type=gevonden.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_POST
def bijlage_verwijderen(request: HttpRequest, pk: int, bijlage: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, BEWERKEN)
    gevonden = item.bijlagen.filter(pk=bijlage).first()
    if gevonden is None:
        raise Http404("Bijlage niet gevonden.")
    services.verwijder_bijlage(gevonden, actor=request.user)
    messages.success(request, f"De bijlage „{gevonden.oorspronkelijke_naam}” is verwijderd.")
    return redirect(item)


# --- Links with actions ---------------------------------------------------------------------------


def _actie_voor_koppeling(request: HttpRequest) -> Verbeteractie | None:
    form = KoppelForm(request.POST)
    if not form.is_valid():
        return None
    actie = (
        Verbeteractie.objects.visible_to(request.user)
        .select_related("actieplan__netwerk")
        .filter(pk=form.cleaned_data["actie"])
        .first()
    )
    if actie is None:
        raise Http404("Actie niet gevonden.")
    return actie


@login_required
@require_POST
def koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the item to an action the user may change (from the item page or the action page)."""
    item = get_item_for_user(request.user, pk)
    actie = _actie_voor_koppeling(request)
    if actie is None:
        messages.error(request, "Kies een actie om dit item aan te koppelen.")
        return _terug(request, item.get_absolute_url())
    try:
        services.koppel_aan_actie(item, actie, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"„{item.titel}” is gekoppeld aan de actie „{actie.titel}”.")
    return _terug(request, item.get_absolute_url())


@login_required
@require_POST
def ontkoppelen(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk)
    actie = _actie_voor_koppeling(request)
    if actie is None:
        messages.error(request, "Kies de actie waarvan u dit item wilt loskoppelen.")
        return _terug(request, item.get_absolute_url())
    try:
        services.ontkoppel(item, actie, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"„{item.titel}” is losgekoppeld van de actie „{actie.titel}”.")
    return _terug(request, item.get_absolute_url())


# --- Curation -------------------------------------------------------------------------------------


@login_required
def curatie(request: HttpRequest) -> HttpResponse:
    """The project team's queue: proposals to judge and published items due for review."""
    eis_curator(request.user)
    vandaag = timezone.localdate()
    voorstellen = list(
        MenukaartItem.objects.voorstellen()
        .select_related("voorgesteld_door__organisatie")
        .prefetch_related("themas")
        .order_by("aangemaakt_op", "pk")
    )
    verouderd = list(
        MenukaartItem.objects.verouderd(vandaag)
        .select_related("curator")
        .order_by("laatst_beoordeeld", "titel", "pk")
    )
    tellingen = MenukaartItem.objects.aggregate(
        gepubliceerd=Count("pk", filter=Q(status=MenukaartItem.Status.GEPUBLICEERD)),
        gearchiveerd=Count("pk", filter=Q(status=MenukaartItem.Status.GEARCHIVEERD)),
    )
    return render(
        request,
        "menukaart/curatie.html",
        {
            "voorstellen": voorstellen,
            "verouderd": verouderd,
            "tellingen": tellingen,
            "open_vragen": LoketVraag.objects.open().count(),
        },
    )


# --- Loket ----------------------------------------------------------------------------------------


@login_required
@require_POST
def vraag_stellen(request: HttpRequest) -> HttpResponse:
    """A question to the loket, from the menukaart home or from an item page."""
    form = VraagForm(request.POST)
    item = None
    if form.is_valid() and form.cleaned_data["item"]:
        item = get_item_for_user(request.user, form.cleaned_data["item"])
    terug = item.get_absolute_url() if item else "menukaart:zoeken"
    if not form.is_valid():
        messages.error(request, "Uw vraag is niet verstuurd: schrijf een vraag (hoogstens 4000 tekens).")
        return redirect(terug)
    try:
        services.stel_vraag(vraag=form.cleaned_data["vraag"], item=item, actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(
            request,
            "Uw vraag is verstuurd naar het loket van het projectteam. Het antwoord ziet u onder „Mijn vragen”.",
        )
    return redirect(terug)


@login_required
def loket(request: HttpRequest) -> HttpResponse:
    """The project team's list of questions: open ones first, each with an answer form."""
    eis_curator(request.user)
    vragen = LoketVraag.objects.for_list()
    open_vragen = list(vragen.open().order_by("gesteld_op", "pk"))
    beantwoord = Paginator(vragen.beantwoord().order_by("-beantwoord_op", "-pk"), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request, "menukaart/loket.html", {"open_vragen": open_vragen, "pagina": beantwoord, "querystring": ""}
    )


@login_required
@require_POST
def beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    vraag = get_vraag_for_user(request.user, pk, beantwoorden=True)
    form = AntwoordForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Het antwoord is niet opgeslagen: schrijf een antwoord (hoogstens 4000 tekens)."
        )
        return redirect("menukaart:loket")
    try:
        services.beantwoord(vraag, antwoord=form.cleaned_data["antwoord"], actor=request.user)
    except ValidationError as fout:
        _fouten(request, fout)
    else:
        messages.success(request, f"Het antwoord aan {vraag.gesteld_door} is opgeslagen en gemaild.")
    return redirect("menukaart:loket")


@login_required
def mijn_vragen(request: HttpRequest) -> HttpResponse:
    """The asker's own questions with their answers, and his own proposals."""
    vragen = Paginator(
        LoketVraag.objects.filter(gesteld_door=request.user).for_list().order_by("-gesteld_op", "-pk"),
        PER_PAGINA,
    ).get_page(request.GET.get("pagina"))
    # His own proposals, also archived (rejected) ones: their title and status, without a link.
    voorstellen = list(
        MenukaartItem.objects.filter(voorgesteld_door=request.user).order_by("-aangemaakt_op", "-pk")
    )
    return render(
        request,
        "menukaart/mijn_vragen.html",
        {"pagina": vragen, "querystring": "", "voorstellen": voorstellen, "vraagform": VraagForm()},
    )
